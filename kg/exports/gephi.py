"""GraphML and GEXF exports (Gephi, yEd, Cytoscape), written with networkx.

Both are byte-deterministic: nodes and edges in sorted order, no timestamps (networkx's
GEXF writer stamps today's date into ``<meta>``; it is removed).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import networkx as nx

from kg.exports.table import export_graph
from kg.io import atomic_write_bytes

__all__ = ["gexf_bytes", "graphml_bytes", "write_gexf", "write_graphml"]

_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def graphml_bytes(G: nx.MultiDiGraph) -> bytes:
    """GraphML of :func:`~kg.exports.table.export_graph` ``(G)``, UTF-8."""
    H = export_graph(G)
    text = "\n".join(nx.generate_graphml(H, encoding="utf-8", prettyprint=True))
    return (text.rstrip("\n") + "\n").encode("utf-8")


def gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 of :func:`~kg.exports.table.export_graph` ``(G)``, UTF-8, no date.

    Edge ids are ``head|predicate|tail`` (unique, as GEXF requires).
    """
    H = export_graph(G)
    for head, tail, key, data in H.edges(keys=True, data=True):
        data["id"] = f"{head}|{key}|{tail}"
    text = "\n".join(nx.generate_gexf(H, encoding="utf-8", prettyprint=True, version="1.2draft"))
    text = _GEXF_DATE.sub("", text)
    return (text.rstrip("\n") + "\n").encode("utf-8")


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as GraphML (atomically).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    >>> dict(nx.read_graphml(write_graphml(G, out)).nodes["Place/西安市"])["type"]
    'Place'
    """
    return atomic_write_bytes(path, graphml_bytes(G))


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as GEXF 1.2 (atomically); Gephi opens it directly.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    >>> nx.read_gexf(write_gexf(G, out)).nodes["Place/西安市"]["label"]
    '西安市'
    """
    return atomic_write_bytes(path, gexf_bytes(G))
