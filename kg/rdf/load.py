"""Read an exported graph back: RDF file → rdflib graph → the networkx model.

:func:`read_graph` is the inverse of :func:`kg.rdf.write_graph`: the rebuilt
``MultiDiGraph`` has the same nodes, edges, attributes and ``G.graph["articles"]`` as the
model that was exported, so views and analysis can start from ``graph.ttl``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import Errors, QueryError
from kg.learn.confidence import HIGHEST as _UNSCORED
from kg.rdf.export import ENTITY_CLASSES, RELATION_PROPERTIES
from kg.rdf.iri import entity_id_from_iri
from kg.rdf.namespace import DCTERMS, KG, PROV, RDF, RDFS, SKOS
from kg.types import Provenance

__all__ = ["from_rdf", "guess_format", "parse_graph_file", "read_graph"]

log = logging.getLogger(__name__)

_SUFFIX_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".n3": "n3",
    ".trig": "trig",
    ".nq": "nquads",
}


def guess_format(path: str | os.PathLike[str]) -> str:
    """rdflib parser name for a file, from its suffix (Turtle when unknown).

    Examples
    --------
    >>> guess_format("out/graph.jsonld"), guess_format("g.NT"), guess_format("g.data")
    ('json-ld', 'nt', 'turtle')
    """
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower(), "turtle")


def parse_graph_file(path: str | os.PathLike[str], fmt: str | None = None) -> Graph:
    """Parse an RDF file into an rdflib graph.

    Raises
    ------
    kg.errors.QueryError
        [E202] the file is missing, unreadable or not valid RDF in that format.
    """
    source = Path(path)
    if not source.is_file():
        raise QueryError(Errors.E202.format(path=source, reason="no such file"))
    graph = Graph()
    try:
        graph.parse(source, format=fmt or guess_format(source))
    except Exception as exc:  # rdflib parsers raise many unrelated exception types
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(Errors.E202.format(path=source, reason=reason)) from exc
    log.debug("parsed %s: %d triples", source, len(graph))
    return graph


def read_graph(path: str | os.PathLike[str], fmt: str | None = None) -> nx.MultiDiGraph:
    """Rebuild the graph model from a file written by :func:`kg.rdf.write_graph`.

    Parameters
    ----------
    path
        A ``.ttl``, ``.jsonld`` or ``.nt`` file (format from the suffix unless ``fmt``).
    fmt
        rdflib parser name, to override the suffix.

    Returns
    -------
    networkx.MultiDiGraph
        Same nodes, edges and attributes as :func:`kg.graph.build_graph` produced.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.graph import build_graph
    >>> from kg.rdf import write_graph
    >>> from kg.types import Entity, EntityType
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    >>> out = write_graph(G, pathlib.Path(tempfile.mkdtemp()) / "g.ttl")
    >>> dict(read_graph(out).nodes["Place/西安市"])["name"]
    '西安市'
    """
    return from_rdf(parse_graph_file(path, fmt))


def _str(graph: Graph, subject: Node, prop: URIRef, default: str = "") -> str:
    value = graph.value(subject, prop)
    return default if value is None else str(value)


def _int(graph: Graph, subject: Node, prop: URIRef) -> int | None:
    value = graph.value(subject, prop)
    if isinstance(value, Literal):
        try:
            return int(value.toPython())
        except (TypeError, ValueError):
            return None
    return None


def _identifier(graph: Graph, subject: Node) -> str:
    ident = graph.value(subject, DCTERMS.identifier)
    if ident is not None:
        return str(ident)
    return unquote(str(subject).rstrip("/").rsplit("/", 1)[-1])


def _prov_key(p: Provenance) -> tuple[str, str, int, int]:
    return (p.document_id, p.article_id, p.start, p.end)


class _Reader:
    """One pass over an rdflib graph, with the provenance lookups cached."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._sentences: dict[Node, Provenance | None] = {}

    def document_id(self, article: Node) -> str:
        doc = self.graph.value(article, KG.inDocument)
        return "" if doc is None else _identifier(self.graph, doc)

    def articles(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for art in set(self.graph.subjects(RDF.type, KG.Article)):
            if (art, KG.sourceFile, None) not in self.graph:
                continue  # only referenced from provenance, not in G.graph["articles"]
            out[_identifier(self.graph, art)] = {
                "document_id": self.document_id(art),
                "source": _str(self.graph, art, KG.sourceFile),
                "headline": _str(self.graph, art, DCTERMS.title),
                "start": _int(self.graph, art, KG.startOffset),
                "end": _int(self.graph, art, KG.endOffset),
                **self.article_meta(art),
            }
        return dict(sorted(out.items()))

    def article_meta(self, art: Node) -> dict[str, Any]:
        """The date, publisher, source, author and page an article has (ingest's fields)."""
        found: dict[str, Any] = {
            "date": _str(self.graph, art, DCTERMS.date),
            "publisher": _str(self.graph, art, DCTERMS.publisher),
            "source_name": _str(self.graph, art, DCTERMS.source),
            "author": _str(self.graph, art, DCTERMS.creator),
            "page": _int(self.graph, art, KG.pageNumber),
        }
        return {k: v for k, v in found.items() if v}

    def sentence(self, node: Node) -> Provenance | None:
        if node not in self._sentences:
            art = self.graph.value(node, KG.inArticle)
            start = _int(self.graph, node, KG.startOffset)
            end = _int(self.graph, node, KG.endOffset)
            if art is None or start is None or end is None:
                log.warning("sentence %s lacks an article or offsets; ignored", node)
                self._sentences[node] = None
            else:
                self._sentences[node] = Provenance(
                    self.document_id(art),
                    _identifier(self.graph, art),
                    _str(self.graph, node, KG.text),
                    start,
                    end,
                )
        return self._sentences[node]

    def provenance(self, sentences: Iterable[Node]) -> list[Provenance]:
        found = [p for p in (self.sentence(s) for s in sentences) if p is not None]
        unique = {_prov_key(p): p for p in found}
        return [unique[k] for k in sorted(unique)]


def from_rdf(graph: Graph) -> nx.MultiDiGraph:
    """Rebuild the graph model from an rdflib graph made by :func:`kg.rdf.to_rdf`.

    Entities are the subjects typed with an entity class; relations are the direct
    edges between them, with post, amount and evidence taken from their statements.
    """
    reader = _Reader(graph)
    G = nx.MultiDiGraph()
    G.graph["articles"] = reader.articles()

    nodes: dict[str, dict[str, Any]] = {}
    iri_to_id: dict[Node, str] = {}
    for etype, cls in ENTITY_CLASSES.items():
        for subject in set(graph.subjects(RDF.type, cls)):
            ident = graph.value(subject, DCTERMS.identifier)
            node_id = str(ident) if ident is not None else entity_id_from_iri(str(subject))
            if node_id in nodes:
                log.warning("entity %s has more than one type; keeping %s", node_id, etype)
                continue
            iri_to_id[subject] = node_id
            nodes[node_id] = {
                "type": etype,
                "name": _str(graph, subject, RDFS.label),
                "aliases": sorted(str(a) for a in graph.objects(subject, SKOS.altLabel)),
                "provenance": reader.provenance(graph.objects(subject, KG.mentionedIn)),
                "confidence": _confidence(graph, subject),
            }
    for node_id in sorted(nodes):
        G.add_node(node_id, **nodes[node_id])

    statements: dict[tuple[Node, Node, Node], Node] = {}
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        triple = (
            graph.value(stmt, RDF.subject),
            graph.value(stmt, RDF.predicate),
            graph.value(stmt, RDF.object),
        )
        statements[triple] = stmt  # type: ignore[assignment]

    edges = []
    for predicate, prop in RELATION_PROPERTIES.items():
        for s, o in graph.subject_objects(prop):
            if s not in iri_to_id or o not in iri_to_id:
                continue
            stmt = statements.get((s, prop, o))
            role = amount = None
            confidence = _UNSCORED
            evidence: list[dict[str, Any]] = []
            if stmt is not None:
                post = graph.value(stmt, KG.post)
                money = graph.value(stmt, KG.amount)
                role = None if post is None else str(post)
                amount = None if money is None else str(money)
                evidence = reader.provenance(graph.objects(stmt, PROV.wasDerivedFrom))
                confidence = _confidence(graph, stmt)
            edges.append(
                (iri_to_id[s], predicate, iri_to_id[o], role, amount, evidence, confidence)
            )
    for head, predicate, tail, role, amount, evidence, confidence in sorted(
        edges, key=lambda e: e[:3]
    ):
        G.add_edge(
            head,
            tail,
            key=predicate,
            predicate=predicate,
            role=role,
            amount=amount,
            evidence=evidence,
            confidence=confidence,
        )
    return G


def _confidence(graph: Graph, subject: Node) -> float:
    """kg:confidence as a float (0.99, unscored, where the graph has none: an older
    build)."""
    value = graph.value(subject, KG.confidence)
    try:
        return _UNSCORED if value is None else float(value)
    except ValueError:
        return _UNSCORED
