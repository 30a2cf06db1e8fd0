"""Exports for other tools: GraphML and GEXF (Gephi, yEd, Cytoscape), Neo4j import CSV.

Each writer takes the graph model (:mod:`kg.graph`) and a target path and writes one file
(or, for CSV, one folder) atomically; the same graph always gives the same bytes. They are
registered in :mod:`kg.output` as ``graphml`` (``graph.graphml``), ``gexf``
(``graph.gexf``) and ``csv`` (``neo4j/``), so ``write_outputs(formats=[...])`` and
``kg build -f`` know them.

Examples
--------
>>> resolve_formats(["ttl", "GraphML", "gexf", "turtle"])
['gexf', 'graphml', 'turtle']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import Errors
from kg.exports.gephi import gexf_bytes, graphml_bytes, write_gexf, write_graphml
from kg.exports.neo4j import neo4j_csv, write_neo4j_csv
from kg.exports.table import export_graph

if TYPE_CHECKING:
    from kg.pipeline import BuildResult

__all__ = [
    "ALIASES",
    "export_graph",
    "gexf_bytes",
    "gexf_writer",
    "graphml_bytes",
    "graphml_writer",
    "neo4j_csv",
    "neo4j_writer",
    "resolve_formats",
    "write_gexf",
    "write_graphml",
    "write_neo4j_csv",
]


#: Accepted format names → the registered writer name (:mod:`kg.output`).
ALIASES: dict[str, str] = {
    "ttl": "turtle",
    "jsonld": "json-ld",
    "ntriples": "nt",
    "neo4j": "csv",
}


def graphml_writer(result: BuildResult, path: Path) -> None:
    """The ``graphml`` writer of :mod:`kg.output`'s registry."""
    write_graphml(result.graph, path)


def gexf_writer(result: BuildResult, path: Path) -> None:
    """The ``gexf`` writer of :mod:`kg.output`'s registry."""
    write_gexf(result.graph, path)


def neo4j_writer(result: BuildResult, path: Path) -> None:
    """The ``csv`` writer of :mod:`kg.output`'s registry (a folder of two CSV files)."""
    write_neo4j_csv(result.graph, path)


def resolve_formats(names: Iterable[str]) -> list[str]:
    """Accepted format names (any case, aliases) → sorted unique canonical names.

    Raises
    ------
    ValueError
        [E203] an unknown name.
    """
    from kg.output import writer_names

    known = set(writer_names())
    out = set()
    for name in names:
        canonical = ALIASES.get(str(name).lower(), str(name).lower())
        if canonical not in known:
            choices = ", ".join(sorted(known | set(ALIASES)))
            raise ValueError(Errors.E203.format(fmt=name, choices=choices))
        out.add(canonical)
    return sorted(out)
