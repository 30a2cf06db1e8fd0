"""The fast N-Triples/Turtle writers: rdflib's exact bytes, and literals never cut in two."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from sample_graph import sample_model

from kg.graph import build_graph
from kg.rdf import to_rdf, write_graph
from kg.rdf.export import _canonical, serialize
from kg.rdf.writer import escape_controls, ntriples, turtle
from kg.types import Article, Entity, EntityType, Provenance, Relation, RelationType

FORMATS = {"turtle": "ttl", "json-ld": "jsonld", "nt": "nt"}
OXI = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "json-ld": pyoxigraph.RdfFormat.JSON_LD,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
}

# texts from the fuzz campaign of issue #7: each broke `-f nt` (str.splitlines cut them)
BREAKERS = [
    "西安市总工会主席升\x0b三出席。",
    "企业改\x0c团后成立工会。",
    "西安市总工会\u2028在雁塔区举行劳模表彰大会。",
    "段落\u2029之后",
    "控制\x1c\x1d\x1e字符",
    "NEL\x85字符",
    '多行\n文本\r\n和\t制表符，引号"与反斜杠\\',
]


def _breaker_model() -> nx.MultiDiGraph:
    doc, art = "doc1", "doc1#a01"
    provs = [Provenance(doc, art, text, 10 * i, 10 * i + 9) for i, text in enumerate(BREAKERS)]
    entities = [
        Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会", ("市总\x0b工会",), provs),
        Entity("Person/升\x0b三", EntityType.PERSON, "升\x0b三", (), provs[:1]),
    ]
    relations = [
        Relation(
            "Person/升\x0b三",
            RelationType.MEMBER_OF,
            "Union/西安市总工会",
            provs[:2],
            role="主席\u2028副主席",
        )
    ]
    articles = [Article(art, doc, "in/doc1.txt", "标题\x0c与\u2028换行", 0, 100, "", "")]
    return build_graph(entities, relations, articles)


def _rdflib_reference(graph: Graph, fmt: str) -> bytes:
    """The writer of before: rdflib over the sorted graph (split-and-sort for nt)."""
    canon = _canonical(graph)
    if fmt == "turtle":
        return canon.serialize(format="turtle", encoding="utf-8")
    text = canon.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_same_bytes_as_rdflib_on_the_sample(fmt: str) -> None:
    graph = to_rdf(sample_model())
    assert serialize(graph, fmt) == _rdflib_reference(graph, fmt)


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_same_bytes_as_rdflib_on_the_seed_graph(fmt: str, built_seeds: Path) -> None:
    graph = Graph().parse(built_seeds / "graph.ttl")
    assert len(graph) > 1000
    new = serialize(graph, fmt)
    assert new == _rdflib_reference(graph, fmt)
    if fmt == "turtle":
        assert new == (built_seeds / "graph.ttl").read_bytes()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_line_breaking_characters_round_trip(fmt: str, tmp_path: Path) -> None:
    model = _breaker_model()
    expected = to_rdf(model)
    path = write_graph(model, tmp_path / f"g.{FORMATS[fmt]}", fmt)
    back = Graph().parse(path, format=fmt)
    assert len(back) == len(expected)
    assert isomorphic(back, expected)
    quads = list(pyoxigraph.parse(path=str(path), format=OXI[fmt]))
    assert len(quads) == len(expected)
    texts = {q.object.value for q in quads if isinstance(q.object, pyoxigraph.Literal)}
    assert set(BREAKERS) <= texts
    assert "升\x0b三" in texts and "主席\u2028副主席" in texts


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_no_raw_line_breaking_character_is_written(fmt: str, tmp_path: Path) -> None:
    data = write_graph(_breaker_model(), tmp_path / f"g.{FORMATS[fmt]}", fmt).read_bytes()
    text = data.decode("utf-8")
    for char in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
        assert char not in text, repr(char)
    if fmt == "nt":  # one triple a line, each a complete statement
        lines = text.splitlines()
        assert len(lines) == len(to_rdf(_breaker_model()))
        assert all(line.endswith(" .") for line in lines)


def test_kg_query_reads_the_nt_file(tmp_path: Path) -> None:
    from kg.query import run_query

    path = write_graph(_breaker_model(), tmp_path / "g.nt", "nt")
    rows = run_query(path, "SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }").rows
    assert rows == (("升\x0b三",),)


def test_escape_controls_keeps_ordinary_text() -> None:
    text = "西安市总工会\t主席 A-1 “引号”"
    assert escape_controls(text) is text
    assert escape_controls("a\x00b\x7fc\x9fd") == "a\\u0000b\\u007Fc\\u009Fd"


def test_fallbacks_match_rdflib_and_escape() -> None:
    from rdflib import BNode

    graph = Graph(bind_namespaces="none")
    graph.add((BNode("b1"), URIRef("http://e/p"), Literal("升\x0b三")))
    assert b"\\u000B" in turtle(graph)
    assert ntriples(graph).count(b"\n") == 1
    mixed = Graph(bind_namespaces="none")
    s, p = URIRef("http://e/s"), URIRef("http://e/p")
    mixed.add((s, p, Literal(2)))
    mixed.add((s, p, Literal(10)))
    assert turtle(mixed) == mixed.serialize(format="turtle", encoding="utf-8")
