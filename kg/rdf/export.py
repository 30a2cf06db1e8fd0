"""Export the graph model (:mod:`kg.graph`) as RDF, and serialise it deterministically.

For each node the exporter writes the entity (type, label, aliases, id, mentions); for
each edge a direct triple, a reified ``rdf:Statement`` carrying its evidence and, for a
``memberOf`` edge with a post, an ``org:Membership``. Sentences, articles and documents
are written once each. See :mod:`kg.rdf.iri` for the IRIs. The mapping itself is
:func:`kg.rdf.table.model_table` (plain strings, what the fast writers read);
:func:`to_rdf` gives the same triples as an rdflib graph.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef

from kg.errors import Errors
from kg.io import atomic_write_bytes
from kg.rdf import writer
from kg.rdf.namespace import KG, ORG, PREFIXES
from kg.rdf.table import model_table, rdflib_triples
from kg.types import EntityType, RelationType

__all__ = [
    "ENTITY_CLASSES",
    "FORMATS",
    "RELATION_PROPERTIES",
    "new_graph",
    "serialize",
    "to_rdf",
    "write_graph",
]

log = logging.getLogger(__name__)

#: Entity type (node ``type``) → ontology class.
ENTITY_CLASSES: dict[str, URIRef] = {t.value: KG[t.value] for t in EntityType}

#: Relation type (edge ``predicate``) → property of the direct edge.
RELATION_PROPERTIES: dict[str, URIRef] = {
    RelationType.MEMBER_OF.value: ORG.memberOf,
    RelationType.SUB_ORGANIZATION_OF.value: ORG.subOrganizationOf,
    RelationType.ESTABLISHES.value: KG.establishes,
    RelationType.ORGANIZES.value: KG.organizes,
    RelationType.PARTNER_OF.value: KG.partnerOf,
    RelationType.LOCATED_IN.value: KG.locatedIn,
}

#: Accepted ``fmt`` values of :func:`write_graph` → canonical format name.
FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "ttl": "turtle",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
    "nt": "nt",
    "ntriples": "nt",
}

_ZH = "zh"


def new_graph() -> Graph:
    """An empty rdflib graph with only the project's prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """Convert the graph model to an rdflib graph (no blank nodes).

    Parameters
    ----------
    G
        The model built by :func:`kg.graph.build_graph` (attributes as documented there).

    Returns
    -------
    rdflib.Graph
        Entities, direct relation triples, reified statements, memberships and the
        sentence → article → document provenance chain.

    Raises
    ------
    kg.errors.KGError
        [E204] a node's ``type`` is not an :class:`~kg.types.EntityType`, or [E205] an
        edge's predicate is not a :class:`~kg.types.RelationType`.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.rdf.iri import entity_iri
    >>> from kg.rdf.namespace import KG, RDF
    >>> from kg.types import Entity, EntityType
    >>> g = to_rdf(build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], []))
    >>> (entity_iri("Place/西安市"), RDF.type, KG.Place) in g
    True
    """
    graph = new_graph()
    for triple in rdflib_triples(model_table(G)):
        graph.add(triple)
    log.debug("exported %d nodes, %d edges as %d triples", len(G), G.size(), len(graph))
    return graph


def _canonical(graph: Graph) -> Graph:
    """Same triples, inserted in a fixed order, only the project's prefixes bound."""
    canon = new_graph()
    for triple in sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
        canon.add(triple)
    return canon


@functools.cache
def _prefixes() -> Graph:
    """An empty graph holding the project's prefix bindings (to compute names with)."""
    return new_graph()


def _sort_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sort_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Serialise ``graph`` deterministically: same triples → same bytes.

    Parameters
    ----------
    graph
        Any rdflib graph without blank nodes (e.g. from :func:`to_rdf`).
    fmt
        ``"turtle"`` (``"ttl"``), ``"json-ld"`` (``"jsonld"``) or ``"nt"``.

    Raises
    ------
    ValueError
        [E203] unknown format.
    """
    canonical_fmt = FORMATS.get(fmt.lower())
    if canonical_fmt is None:
        raise ValueError(Errors.E203.format(fmt=fmt, choices=", ".join(sorted(set(FORMATS)))))
    if canonical_fmt == "nt":
        return writer.ntriples(graph)
    if canonical_fmt == "turtle":
        fast = writer.turtle_or_none(graph, _prefixes().namespace_manager)
        return fast if fast is not None else writer.turtle(_canonical(graph))
    canon = _canonical(graph)
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    text = canon.serialize(format="json-ld", context=context, auto_compact=True)
    data = _sort_json(json.loads(text))
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_graph(G: nx.MultiDiGraph, path: str | os.PathLike[str], fmt: str = "turtle") -> Path:
    """Export ``G`` (see :func:`to_rdf`) and write it atomically.

    Parameters
    ----------
    G
        The graph model.
    path
        Output file; parent directories are created.
    fmt
        ``"turtle"``, ``"json-ld"`` or ``"nt"`` (see :func:`serialize`).

    Returns
    -------
    pathlib.Path
        The written file. The same model always gives byte-identical output.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.graph import build_graph
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.ttl"
    >>> write_graph(build_graph([], []), out).exists()
    True
    """
    canonical_fmt = FORMATS.get(fmt.lower())
    data = None
    if canonical_fmt in ("turtle", "nt"):
        from kg.rdf import table

        triples = model_table(G)
        data = table.ntriples(triples) if canonical_fmt == "nt" else table.turtle(triples)
    if data is None:
        data = serialize(to_rdf(G), fmt)
    return atomic_write_bytes(path, data)
