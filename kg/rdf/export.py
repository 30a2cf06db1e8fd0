"""Export the graph model (:mod:`kg.graph`) as RDF, and serialise it deterministically.

For each node the exporter writes the entity (type, label, aliases, id, mentions); for
each edge a direct triple, a reified ``rdf:Statement`` carrying its evidence and, for a
``memberOf`` edge with a post, an ``org:Membership``. Sentences, articles and documents
are written once each. See :mod:`kg.rdf.iri` for the IRIs.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import Errors, KGError
from kg.io import atomic_write_bytes
from kg.learn.confidence import HIGHEST, confidence_lexical
from kg.rdf import writer
from kg.rdf.iri import (
    article_iri,
    document_iri,
    entity_iri,
    membership_iri,
    role_iri,
    sentence_iri,
    statement_iri,
)
from kg.rdf.namespace import DCTERMS, KG, ORG, PREFIXES, PROV, RDF, RDFS, SKOS, XSD
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
    >>> from kg.types import Entity, EntityType
    >>> g = to_rdf(build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], []))
    >>> (entity_iri("Place/西安市"), RDF.type, KG.Place) in g
    True
    """
    graph = new_graph()
    articles: Mapping[str, Mapping[str, Any]] = G.graph.get("articles", {}) or {}
    seen_articles: dict[str, str] = {}  # article id -> document id
    seen_sentences: dict[URIRef, tuple[str, str]] = {}

    for article_id, info in articles.items():
        _add_article(graph, article_id, info)
        seen_articles[article_id] = str(info.get("document_id", ""))

    def sentence(prov: Mapping[str, Any]) -> URIRef:
        doc, art = str(prov["document_id"]), str(prov["article_id"])
        start, end = int(prov["start"]), int(prov["end"])
        iri = sentence_iri(doc, start, end)
        text = str(prov.get("sentence", ""))
        previous = seen_sentences.setdefault(iri, (art, text))
        if previous != (art, text):
            log.warning("sentence %s has two different articles or texts; keeping both", iri)
        graph.add((iri, RDF.type, KG.Sentence))
        graph.add((iri, KG.text, Literal(text, lang=_ZH)))
        graph.add((iri, KG.startOffset, Literal(start)))
        graph.add((iri, KG.endOffset, Literal(end)))
        graph.add((iri, KG.inArticle, article_iri(art)))
        if art not in seen_articles:
            seen_articles[art] = doc
            _add_article(graph, art, {"document_id": doc}, full=False)
        return iri

    for node_id, data in G.nodes(data=True):
        subject = entity_iri(str(node_id))
        etype = str(data.get("type", ""))
        if etype not in ENTITY_CLASSES:
            raise KGError(Errors.E204.format(node=node_id, type=etype))
        graph.add((subject, RDF.type, ENTITY_CLASSES[etype]))
        graph.add((subject, RDFS.label, Literal(str(data.get("name", "")), lang=_ZH)))
        graph.add((subject, DCTERMS.identifier, Literal(str(node_id))))
        for alias in data.get("aliases") or ():
            graph.add((subject, SKOS.altLabel, Literal(str(alias), lang=_ZH)))
        for prov in data.get("provenance") or ():
            graph.add((subject, KG.mentionedIn, sentence(prov)))
        graph.add((subject, KG.confidence, _confidence(data)))

    for head, tail, key, data in G.edges(keys=True, data=True):
        predicate = str(data.get("predicate") or key)
        if predicate not in RELATION_PROPERTIES:
            raise KGError(Errors.E205.format(head=head, tail=tail, predicate=predicate))
        prop = RELATION_PROPERTIES[predicate]
        s, o = entity_iri(str(head)), entity_iri(str(tail))
        graph.add((s, prop, o))
        evidence = [sentence(p) for p in data.get("evidence") or ()]
        role, amount = data.get("role"), data.get("amount")

        stmt = statement_iri(str(head), predicate, str(tail))
        graph.add((stmt, RDF.type, RDF.Statement))
        graph.add((stmt, RDF.subject, s))
        graph.add((stmt, RDF.predicate, prop))
        graph.add((stmt, RDF.object, o))
        _add_all(graph, stmt, PROV.wasDerivedFrom, evidence)
        graph.add((stmt, KG.confidence, _confidence(data)))
        if role:
            graph.add((stmt, KG.post, Literal(str(role), lang=_ZH)))
        if amount:
            graph.add((stmt, KG.amount, Literal(str(amount))))

        if predicate == RelationType.MEMBER_OF.value and role:
            role_node = role_iri(str(role))
            graph.add((role_node, RDF.type, ORG.Role))
            graph.add((role_node, RDFS.label, Literal(str(role), lang=_ZH)))
            graph.add((stmt, KG.role, role_node))
            membership = membership_iri(str(head), str(tail), str(role))
            graph.add((membership, RDF.type, ORG.Membership))
            graph.add((membership, ORG.member, s))
            graph.add((membership, ORG.organization, o))
            graph.add((membership, ORG.role, role_node))
            graph.add((membership, KG.post, Literal(str(role), lang=_ZH)))
            _add_all(graph, membership, PROV.wasDerivedFrom, evidence)
    log.debug("exported %d nodes, %d edges as %d triples", len(G), G.size(), len(graph))
    return graph


def _confidence(data: Mapping[str, Any]) -> Literal:
    """kg:confidence in the one lexical form rdflib and Oxigraph keep (``0.85``)."""
    value = data.get("confidence")
    return Literal(confidence_lexical(HIGHEST if value is None else value), datatype=XSD.decimal)


def _add_all(graph: Graph, subject: URIRef, predicate: URIRef, objects: Iterable[Node]) -> None:
    for obj in objects:
        graph.add((subject, predicate, obj))


def _add_article(
    graph: Graph, article_id: str, info: Mapping[str, Any], *, full: bool = True
) -> None:
    """Article and its document; ``full`` for articles of ``G.graph["articles"]``."""
    art = article_iri(article_id)
    doc_id = str(info.get("document_id", ""))
    doc = document_iri(doc_id)
    graph.add((art, RDF.type, KG.Article))
    graph.add((art, DCTERMS.identifier, Literal(article_id)))
    graph.add((art, KG.inDocument, doc))
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, DCTERMS.identifier, Literal(doc_id)))
    if not full:
        return
    source = str(info.get("source", ""))
    graph.add((art, DCTERMS.title, Literal(str(info.get("headline", "")), lang=_ZH)))
    graph.add((art, KG.sourceFile, Literal(source)))
    graph.add((doc, KG.sourceFile, Literal(source)))
    for prop, name in ((KG.startOffset, "start"), (KG.endOffset, "end")):
        if info.get(name) is not None:
            graph.add((art, prop, Literal(int(info[name]))))
    _add_article_meta(graph, art, info)


def _add_article_meta(graph: Graph, art: URIRef, info: Mapping[str, Any]) -> None:
    """dcterms:date (xsd:date, gYearMonth or gYear), publisher, source, creator; page."""
    date = str(info.get("date") or "")
    if date:
        datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(date))
        if datatype is not None:
            graph.add((art, DCTERMS.date, Literal(date, datatype=datatype)))
    for prop, name in (
        (DCTERMS.publisher, "publisher"),
        (DCTERMS.source, "source_name"),
        (DCTERMS.creator, "author"),
    ):
        if info.get(name):
            graph.add((art, prop, Literal(str(info[name]), lang=_ZH)))
    if info.get("page"):
        graph.add((art, KG.pageNumber, Literal(int(info["page"]))))


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

        triples = table.model_table(G)
        data = table.ntriples(triples) if canonical_fmt == "nt" else table.turtle(triples)
    if data is None:
        data = serialize(to_rdf(G), fmt)
    return atomic_write_bytes(path, data)
