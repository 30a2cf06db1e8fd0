"""Relation signatures (kg.signatures): read from the ontology, agreeing with the SHACL
shapes, and applied by resolution whatever extractor proposed a relation."""

from __future__ import annotations

import itertools

import pytest
from rdflib.namespace import ORG, RDF, SH

from kg.graph import build_graph
from kg.ingest import parse_text
from kg.pipeline import BuildResult, build_documents
from kg.rdf import load_shapes, to_rdf, validate
from kg.rdf.export import RELATION_PROPERTIES
from kg.rdf.iri import entity_iri
from kg.resolve import resolve
from kg.signatures import admits, signatures
from kg.types import (
    Entity,
    EntityType,
    Mention,
    Provenance,
    Relation,
    RelationMention,
    RelationType,
)

COMBOS = list(itertools.product(RelationType, EntityType, EntityType))


def test_every_relation_has_a_signature_from_the_ontology() -> None:
    table = signatures()
    assert set(table) == set(RelationType)
    org = {t for t in EntityType if t.is_organisation}
    assert table[RelationType.MEMBER_OF].heads == {EntityType.PERSON}
    assert table[RelationType.MEMBER_OF].tails == org
    assert table[RelationType.ESTABLISHES].tails == {EntityType.PROGRAMME}
    assert table[RelationType.ORGANIZES].tails == {EntityType.EVENT, EntityType.PROGRAMME}
    assert table[RelationType.LOCATED_IN].heads == org | {
        EntityType.PROGRAMME,
        EntityType.EVENT,
        EntityType.PLACE,
    }


def test_signatures_agree_with_the_shacl_shapes() -> None:
    """One node per entity type and an edge for every (predicate, head type, tail type):
    pyshacl flags exactly the edges the signatures refuse."""
    prov = Provenance("d", "d#a01", "句子。", 0, 3)
    node = {t: f"{t.value}/样本{t.value}" for t in EntityType}
    entities = [Entity(node[t], t, f"样本{t.value}", (), (prov,)) for t in EntityType]
    relations = [Relation(node[h], p, node[t], (prov,)) for p, h, t in COMBOS]
    type_of = {entity_iri(n): t for t, n in node.items()}
    predicate_of = {v: RelationType(k) for k, v in RELATION_PROPERTIES.items()}
    shapes = load_shapes()
    data = to_rdf(build_graph(entities, relations))
    for cls in (RDF.Statement, ORG.Membership):  # their shapes are not about signatures
        for reified in list(data.subjects(RDF.type, cls)):
            data.remove((reified, None, None))
    report = validate(data).report
    flagged = set()
    for res in report.subjects(RDF.type, SH.ValidationResult):
        head = type_of[report.value(res, SH.focusNode)]
        path = report.value(res, SH.resultPath)
        if path is not None:  # the tail is of the wrong type
            flagged.add((predicate_of[path], head, type_of[report.value(res, SH.value)]))
        else:  # the head is: every edge of that predicate from it
            shape = report.value(res, SH.sourceShape)
            predicate = predicate_of[shapes.value(shape, SH.targetSubjectsOf)]
            flagged |= {(predicate, head, t) for t in EntityType}
    refused = {c for c in COMBOS if not admits(*c)}
    assert refused, "some combinations must be outside the ontology"
    assert flagged == refused


def _mention(text: str, label: EntityType, start: int, article_id: str) -> Mention:
    return Mention(text, label, start, start + len(text), article_id, name=text)


def test_resolution_drops_relations_outside_the_signature_from_any_extractor() -> None:
    """Relation mentions handed to resolve directly (as a new extractor would) are kept
    only when their resolved types fit."""
    text = "西安市总工会主席薛振虎位于雁塔区。"
    document = parse_text(text, source="t.txt", document_id="t")
    article = document.articles[0]
    base = article.start + article.text.index("西安市")
    union = _mention("西安市总工会", EntityType.UNION, base, article.id)
    person = _mention("薛振虎", EntityType.PERSON, base + 8, article.id)
    place = _mention("雁塔区", EntityType.PLACE, base + 13, article.id)
    evidence = Provenance("t", article.id, text, base, base + len(text))
    proposed = [
        RelationMention(person, RelationType.LOCATED_IN, place, evidence),
        RelationMention(person, RelationType.MEMBER_OF, union, evidence, role="主席"),
        RelationMention(union, RelationType.ESTABLISHES, place, evidence),
        RelationMention(union, RelationType.LOCATED_IN, place, evidence),
    ]
    mentions = [union, person, place]
    _, relations = resolve([document], mentions, proposed)
    got = {(r.head, r.predicate.value, r.tail) for r in relations}
    assert ("Person/薛振虎", "locatedIn", "Place/雁塔区") not in got
    assert ("Union/西安市总工会", "establishes", "Place/雁塔区") not in got
    assert ("Person/薛振虎", "memberOf", "Union/西安市总工会") in got
    assert ("Union/西安市总工会", "locatedIn", "Place/雁塔区") in got


# Real sentences that once gave relations across a signature: (text, a relation that must
# stay, one that must not appear). In the second, the library's type vote is Place (a
# venue twice), so the partnership read from the first sentence would join a Place.
SENTENCES = [
    (
        "西安市总工会主席薛振虎位于雁塔区。",
        ("Person/薛振虎", "memberOf", "Union/西安市总工会"),
        ("Person/薛振虎", "locatedIn", "Place/雁塔区"),
    ),
    (
        "滨海新区总工会与新区图书馆签订了合作协议。读书会在新区图书馆举行。讲座在新区图书馆举行。",
        ("Union/滨海新区总工会", "locatedIn", "Place/滨海新区"),
        ("Place/新区图书馆", "partnerOf", "Union/滨海新区总工会"),
    ),
]


@pytest.fixture(scope="module", params=SENTENCES, ids=lambda s: s[0][:12])
def built(request) -> tuple[BuildResult, tuple, tuple]:
    text, kept, dropped = request.param
    result = build_documents([parse_text(text, source="t.txt", document_id="t")])
    return result, kept, dropped


def test_graph_respects_domains_and_ranges(built: tuple[BuildResult, tuple, tuple]) -> None:
    result, kept, dropped = built
    types = {e.id: e.type for e in result.entities}
    for r in result.relations:
        assert admits(r.predicate, types[r.head], types[r.tail]), r
    got = {(r.head, r.predicate.value, r.tail) for r in result.relations}
    assert kept in got and dropped not in got
    report = validate(to_rdf(result.graph))
    assert report.conforms, report.text[:2000]
