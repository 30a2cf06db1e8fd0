"""Article dates, publishers and pages in the RDF; the by-year query (issue #10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib import namespace as ns

from kg.graph import build_graph
from kg.query import run_query
from kg.rdf import to_rdf, write_graph
from kg.rdf.iri import article_iri, entity_iri
from kg.rdf.load import read_graph
from kg.rdf.namespace import KG
from kg.types import Article, Entity, EntityType, Provenance, Relation, RelationType

QUERY = Path(__file__).resolve().parents[2] / "queries" / "programmes_by_year.rq"


def _article(i: int, date: str, **meta: object) -> Article:
    return Article(f"d-a{i:02d}", "d", "d.pdf", f"标题{i}", 0, 10, "", "", date=date, **meta)


ARTICLES = (
    _article(0, "2024-05-08", publisher="工人日报", source_name="中工网", author="王晓", page=3),
    _article(1, "2023-11"),
    _article(2, "2022"),
    _article(3, ""),
)
UNION, SITE, SCHOOL = "Union/西安市总工会", "Programme/司机之家", "Programme/工匠学院"


def _prov(i: int) -> Provenance:
    return Provenance("d", f"d-a{i:02d}", f"句子{i}。", i * 10, i * 10 + 4)


def _model():
    entities = [
        Entity(UNION, EntityType.UNION, "西安市总工会"),
        Entity(SITE, EntityType.PROGRAMME, "司机之家"),
        Entity(SCHOOL, EntityType.PROGRAMME, "工匠学院"),
    ]
    relations = [
        Relation(UNION, RelationType.ESTABLISHES, SITE, (_prov(0), _prov(1))),
        Relation(UNION, RelationType.ESTABLISHES, SCHOOL, (_prov(2), _prov(3))),
    ]
    return build_graph(entities, relations, ARTICLES)


def test_article_metadata_in_the_rdf() -> None:
    g = to_rdf(_model())
    art = article_iri("d-a00")
    assert g.value(art, ns.DCTERMS.date) == Literal("2024-05-08", datatype=ns.XSD.date)
    assert str(g.value(art, ns.DCTERMS.publisher)) == "工人日报"
    assert str(g.value(art, ns.DCTERMS.source)) == "中工网"
    assert str(g.value(art, ns.DCTERMS.creator)) == "王晓"
    assert g.value(art, KG.pageNumber) == Literal(3)
    assert g.value(article_iri("d-a01"), ns.DCTERMS.date).datatype == ns.XSD.gYearMonth
    assert g.value(article_iri("d-a02"), ns.DCTERMS.date).datatype == ns.XSD.gYear
    assert g.value(article_iri("d-a03"), ns.DCTERMS.date) is None


def test_dated_graph_conforms_and_a_bad_date_does_not() -> None:
    from kg.rdf.validate import validate

    g = to_rdf(_model())
    assert validate(g).conforms
    g.add((article_iri("d-a00"), ns.DCTERMS.date, Literal("2024年5月8日")))
    assert not validate(g).conforms


def test_metadata_round_trips(tmp_path: Path) -> None:
    G = _model()
    back = read_graph(write_graph(G, tmp_path / "graph.ttl"))
    assert back.graph["articles"] == G.graph["articles"]
    assert back.graph["articles"]["d-a00"]["page"] == 3


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_programmes_by_year(tmp_path: Path, fmt: str) -> None:
    path = write_graph(_model(), tmp_path / f"graph.{'ttl' if fmt == 'turtle' else 'nt'}", fmt=fmt)
    rows = [
        (r["year"], r["union"], r["programme"], int(r["articles"]))
        for r in run_query(path, QUERY).as_dicts()
    ]
    assert rows == [
        ("2022", "西安市总工会", "工匠学院", 1),
        ("2023", "西安市总工会", "司机之家", 1),
        ("2024", "西安市总工会", "司机之家", 1),
    ]
    one = run_query(path, QUERY, bindings={"union_name": "别的工会"})
    assert len(one) == 0


def test_relation_reaches_its_date_through_the_article() -> None:
    g = to_rdf(_model())
    q = """SELECT ?date WHERE {
        ?st rdf:subject ?u ; rdf:object ?p ; prov:wasDerivedFrom/kg:inArticle/dcterms:date ?date
    }"""
    dates = {
        str(r[0]) for r in g.query(q, initBindings={"u": entity_iri(UNION), "p": entity_iri(SITE)})
    }
    assert dates == {"2024-05-08", "2023-11"}
    assert isinstance(entity_iri(UNION), URIRef)
