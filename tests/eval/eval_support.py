"""Builders shared by the eval tests (kept here, not in a conftest)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace

from kg.eval.gold import GoldDocument, GoldEntity, GoldRelation
from kg.eval.predicted import PredictedDocument, PredictedEntity, PredictedRelation
from kg.types import EntityType, RelationType

__all__ = [
    "GOLD_DIR",
    "KG",
    "ORG",
    "gold_doc",
    "gold_to_rdf",
    "pred_doc",
]

#: The shared gold folder: the repository's sibling ``shared/gold``.
GOLD_DIR = Path(__file__).parents[2].parent / "shared" / "gold"
KG = Namespace("https://example.org/kg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
_ORG_RELATIONS = {RelationType.MEMBER_OF, RelationType.SUB_ORGANIZATION_OF}

EntityRow = tuple[str, str, str] | tuple[str, str, str, Sequence[str]]
RelationRow = (
    tuple[str, str, str]
    | tuple[str, str, str, str | None]
    | tuple[str, str, str, str | None, str | None]
)


def _entities(rows: Iterable[EntityRow], cls: type) -> tuple:
    out = []
    for row in rows:
        entity_id, type_name, name, *rest = row
        aliases = tuple(rest[0]) if rest else ()
        out.append(cls(entity_id, EntityType(type_name), name, aliases))
    return tuple(out)


def _relations(rows: Iterable[RelationRow], cls: type) -> tuple:
    out = []
    for row in rows:
        head, rel, tail, *rest = row
        role = rest[0] if rest else None
        amount = rest[1] if len(rest) > 1 else None
        out.append(cls(head, RelationType(rel), tail, role, amount))
    return tuple(out)


def gold_doc(
    entities: Iterable[EntityRow], relations: Iterable[RelationRow] = (), source: str = "gold"
) -> GoldDocument:
    """A gold document from rows ``(id, type, name[, aliases])`` and
    ``(head, rel, tail[, role[, amount]])``."""
    return GoldDocument(
        _entities(entities, GoldEntity), _relations(relations, GoldRelation), source
    )


def pred_doc(
    entities: Iterable[EntityRow], relations: Iterable[RelationRow] = ()
) -> PredictedDocument:
    """A predicted document from rows in the same shape as :func:`gold_doc`."""
    return PredictedDocument(
        _entities(entities, PredictedEntity), _relations(relations, PredictedRelation)
    )


def gold_to_rdf(
    doc: GoldDocument,
    ns: Namespace = KG,
    *,
    partner_both_ways: bool = False,
    role_as_node: bool = False,
    noise: bool = True,
) -> Graph:
    """Export a gold document by hand, following the RDF contract of the eval module.

    ``noise`` adds non-entity nodes (an article with a label, a sentence, provenance
    links) that the reader must ignore.
    """
    g = Graph()
    g.bind("kg", ns)
    g.bind("org", ORG)
    data = Namespace("https://example.org/kg/id/")
    iri = {e.id: data[f"entity/{e.id}"] for e in doc.entities}
    article = data["article/a1"]
    if noise:
        g.add((article, RDF.type, ns.Article))
        g.add((article, RDFS.label, Literal("吉林省总工会召开全委会", lang="zh")))
    for e in doc.entities:
        node = iri[e.id]
        g.add((node, RDF.type, ns[str(e.type)]))
        g.add((node, RDFS.label, Literal(e.name, lang="zh")))
        for alias in e.aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        if noise:
            g.add((node, ns.mentionedIn, article))
    for r in doc.relations:
        predicate = ORG[str(r.rel)] if r.rel in _ORG_RELATIONS else ns[str(r.rel)]
        head, tail = iri[r.head], iri[r.tail]
        g.add((head, predicate, tail))
        if partner_both_ways and r.rel == RelationType.PARTNER_OF:
            g.add((tail, predicate, head))
        if r.role:
            membership = BNode()
            g.add((membership, RDF.type, ORG.Membership))
            g.add((membership, ORG.member, head))
            g.add((membership, ORG.organization, tail))
            if role_as_node:
                role = BNode()
                g.add((membership, ORG.role, role))
                g.add((role, RDF.type, ORG.Role))
                g.add((role, RDFS.label, Literal(r.role, lang="zh")))
            else:
                g.add((membership, ns.post, Literal(r.role, lang="zh")))
        if r.amount:
            statement = BNode()
            g.add((statement, RDF.type, RDF.Statement))
            g.add((statement, RDF.subject, head))
            g.add((statement, RDF.predicate, predicate))
            g.add((statement, RDF.object, tail))
            g.add((statement, ns.amount, Literal(r.amount, lang="zh")))
            if noise:
                g.add((statement, ns.evidence, article))
    return g
