"""Reading facts from the exported RDF (contract) and from the networkx model."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from eval_support import GOLD_DIR, KG, ORG, gold_doc, gold_to_rdf
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.eval.gold import load_gold
from kg.eval.predicted import (
    GraphReadError,
    PredictedRelation,
    facts_from_networkx,
    facts_from_rdf,
    load_graph,
    local_name,
)
from kg.eval.score import score
from kg.graph import build_graph
from kg.types import Entity, EntityType, Relation, RelationType

SMALL = gold_doc(
    [
        ("e1", "Union", "杭州市总工会", ["市总工会"]),
        ("e2", "Place", "杭州市"),
        ("e3", "Person", "戴建平"),
        ("e4", "Programme", "职工之家"),
        ("e5", "Enterprise", "中建安装苏杭公司"),
    ],
    [
        ("e1", "locatedIn", "e2"),
        ("e3", "memberOf", "e1", "党组书记、主席"),
        ("e1", "establishes", "e4", None, "40万元"),
        ("e1", "partnerOf", "e5"),
    ],
)
REAL_GOLD = sorted(GOLD_DIR.glob("*.jsonl")) if GOLD_DIR.is_dir() else []


def facts_by_name(doc) -> tuple[set, set]:
    names = {e.id: e.name for e in doc.entities}
    entities = {(str(e.type), e.name, frozenset(e.aliases)) for e in doc.entities}
    relations = set()
    for r in doc.relations:
        head, tail = names[r.head], names[r.tail]
        if r.rel is RelationType.PARTNER_OF:  # symmetric: direction is not part of the fact
            head, tail = sorted((head, tail))
        relations.add((head, str(r.rel), tail, r.role, r.amount))
    return entities, relations


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        ("http://www.w3.org/ns/org#memberOf", "memberOf"),
        ("https://example.org/kg/ontology#Union", "Union"),
        ("https://example.org/kg/Place", "Place"),
        ("urn:kg:Event", "Event"),
    ],
)
def test_local_name(iri: str, expected: str) -> None:
    assert local_name(URIRef(iri)) == expected


@pytest.mark.parametrize("role_as_node", [False, True], ids=["post", "org-role"])
@pytest.mark.parametrize(
    "ns",
    [KG, Namespace("http://other.example/vocab/")],
    ids=["hash-namespace", "slash-namespace"],
)
def test_rdf_reader_recovers_the_exported_facts(ns: Namespace, role_as_node: bool) -> None:
    graph = gold_to_rdf(SMALL, ns, partner_both_ways=True, role_as_node=role_as_node)
    facts = facts_from_rdf(graph)
    assert facts_by_name(facts) == facts_by_name(SMALL)
    # the article node (typed, labelled) and the membership/statement nodes are not entities
    assert len(facts.entities) == 5
    # partnerOf exported both ways is one fact
    assert sum(r.rel is RelationType.PARTNER_OF for r in facts.relations) == 1


def test_rdf_reader_label_and_type_choices() -> None:
    g = Graph()
    node, other = URIRef("https://x.org/id/1"), URIRef("https://x.org/id/2")
    g.add((node, RDF.type, KG.Union))
    g.add((node, RDF.type, ORG.Organization))  # ORG's class shares the local name
    g.add((node, RDFS.label, Literal("Hangzhou FTU", lang="en")))
    g.add((node, RDFS.label, Literal("杭州市总工会", lang="zh")))
    g.add((node, SKOS.altLabel, Literal("市总工会", lang="zh")))
    g.add((other, RDF.type, KG.Place))  # no label at all: the IRI's local name is used
    g.add((node, KG.locatedIn, Literal("杭州")))  # literal object: not a relation
    facts = facts_from_rdf(g)
    union = next(e for e in facts.entities if e.id == str(node))
    assert union.type is EntityType.UNION
    assert union.name == "杭州市总工会"
    assert union.aliases == ("Hangzhou FTU", "市总工会")
    assert next(e for e in facts.entities if e.id == str(other)).name == "2"
    assert facts.relations == ()


def test_rdf_reader_ignores_relations_to_non_entities_and_unknown_predicates() -> None:
    g = gold_to_rdf(SMALL)
    union = URIRef("https://example.org/kg/id/entity/e1")
    g.add((union, KG.locatedIn, URIRef("https://example.org/kg/id/article/a1")))
    g.add((union, KG.fundedBy, URIRef("https://example.org/kg/id/entity/e5")))
    assert facts_by_name(facts_from_rdf(g)) == facts_by_name(SMALL)


def test_rdf_reader_joins_posts_of_several_memberships() -> None:
    one = gold_doc(
        [("p", "Person", "戴建平"), ("u", "Union", "杭州市总工会")],
        [("p", "memberOf", "u", "主席")],
    )
    g = gold_to_rdf(one)
    second = gold_to_rdf(
        gold_doc(
            [("p", "Person", "戴建平"), ("u", "Union", "杭州市总工会")],
            [("p", "memberOf", "u", "党组书记")],
        )
    )
    facts = facts_from_rdf(g + second)
    assert [r.role for r in facts.relations] == ["主席、党组书记"]


@pytest.mark.skipif(not REAL_GOLD, reason=f"shared gold folder {GOLD_DIR} is absent")
@pytest.mark.parametrize("path", REAL_GOLD, ids=lambda p: p.name)
def test_real_gold_through_rdf_scores_one(path: Path, tmp_path: Path) -> None:
    gold = load_gold(path)
    graph = gold_to_rdf(gold, partner_both_ways=True)
    ttl = tmp_path / "graph.ttl"
    graph.serialize(ttl, format="turtle")
    facts = facts_from_rdf(load_graph(ttl))
    assert facts_by_name(facts) == facts_by_name(gold)
    report = score(facts, gold)
    assert report.entities_typed.f1 == report.entities_untyped.f1 == 1.0
    assert report.relations.f1 == report.member_of_role.f1 == 1.0
    assert all(c.f1 == 1.0 for _, c in report.rows())
    assert report.duplicates == 0


def test_networkx_reader_matches_the_graph_model() -> None:
    entities = [
        Entity("Union/杭州市总工会", EntityType.UNION, "杭州市总工会", ("市总工会",)),
        Entity("Place/杭州市", EntityType.PLACE, "杭州市"),
        Entity("Person/戴建平", EntityType.PERSON, "戴建平"),
        Entity("Programme/职工之家", EntityType.PROGRAMME, "职工之家"),
        Entity("Enterprise/中建安装苏杭公司", EntityType.ENTERPRISE, "中建安装苏杭公司"),
    ]
    relations = [
        Relation("Union/杭州市总工会", RelationType.LOCATED_IN, "Place/杭州市"),
        Relation(
            "Person/戴建平", RelationType.MEMBER_OF, "Union/杭州市总工会", role="党组书记、主席"
        ),
        Relation(
            "Union/杭州市总工会", RelationType.ESTABLISHES, "Programme/职工之家", amount="40万元"
        ),
        Relation("Enterprise/中建安装苏杭公司", RelationType.PARTNER_OF, "Union/杭州市总工会"),
        Relation("Union/杭州市总工会", RelationType.PARTNER_OF, "Enterprise/中建安装苏杭公司"),
    ]
    G = build_graph(entities, relations)
    G.add_node("article-1", type="Article", name="某文章")
    G.add_edge("Union/杭州市总工会", "article-1", key="locatedIn", predicate="locatedIn")
    facts = facts_from_networkx(G)
    assert facts_by_name(facts) == facts_by_name(SMALL)
    report = score(G, SMALL)
    assert all(c.f1 == 1.0 for _, c in report.rows())


def test_networkx_reader_takes_predicate_from_the_key_on_plain_graphs() -> None:
    G = nx.DiGraph()
    G.add_node("a", type="Union", name="杭州市总工会", aliases=["市总工会"])
    G.add_node("b", type="Place", name="杭州市")
    G.add_edge("a", "b", predicate="locatedIn")
    facts = facts_from_networkx(G)
    assert facts.relations == (PredictedRelation("a", RelationType.LOCATED_IN, "b"),)
    M = nx.MultiDiGraph(G)
    M.add_edge("b", "a", key="partnerOf")
    assert {str(r.rel) for r in facts_from_networkx(M).relations} == {"locatedIn", "partnerOf"}


def test_load_graph_errors(tmp_path: Path) -> None:
    with pytest.raises(
        GraphReadError, match=r"\[E304\] graph file .*missing\.ttl .*file not found"
    ):
        load_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is @not turtle <<<", encoding="utf-8")
    with pytest.raises(GraphReadError, match=r"\[E304\] graph file .*bad\.ttl cannot be read"):
        load_graph(bad)
