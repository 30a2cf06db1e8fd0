"""run_query: sources of queries and graphs, pre-bound prefixes, bindings, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from sample_graph import HEADLINE, S_POST, sample_model

from kg.errors import QueryError
from kg.query import QueryResult, display_width, format_result, load_query, run_query
from kg.rdf import entity_iri, to_rdf, write_graph

NAMES_BY_LABEL = "SELECT ?e WHERE { ?e rdfs:label ?name }"
PEOPLE = """
SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }
"""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph(sample_model(), tmp_path_factory.mktemp("g") / "graph.ttl")


@pytest.fixture(scope="module")
def rdf() -> Graph:
    return to_rdf(sample_model())


def test_query_over_a_file_with_prebound_prefixes(graph_file: Path) -> None:
    result = run_query(graph_file, PEOPLE)
    assert isinstance(result, QueryResult)
    assert result.columns == ("name",)
    assert result.rows == (("王雷",),)


def test_query_over_str_path_and_over_graph_agree(graph_file: Path, rdf: Graph) -> None:
    q = "SELECT ?l WHERE { ?u a kg:Union ; rdfs:label ?l } ORDER BY ?l"
    from_str = run_query(str(graph_file), q)
    from_graph = run_query(rdf, q)
    assert from_str == from_graph
    assert len(from_str) == 3


@pytest.mark.parametrize("suffix", ["jsonld", "nt"])
def test_other_graph_formats(suffix: str, tmp_path: Path) -> None:
    fmt = {"jsonld": "json-ld", "nt": "nt"}[suffix]
    path = write_graph(sample_model(), tmp_path / f"g.{suffix}", fmt)
    assert run_query(path, PEOPLE).rows == (("王雷",),)


def test_query_from_rq_file(graph_file: Path, tmp_path: Path) -> None:
    rq = tmp_path / "people.rq"
    rq.write_text("# people\n" + PEOPLE, encoding="utf-8")
    assert run_query(graph_file, rq).rows == (("王雷",),)
    assert run_query(graph_file, str(rq)).rows == (("王雷",),)


def test_bundled_query_by_name() -> None:
    text = load_query("people_and_posts")
    assert text == load_query("people_and_posts.rq")
    assert "org:memberOf" in text


def test_explicit_prefix_lines_still_work(rdf: Graph) -> None:
    q = "PREFIX k: <https://w3id.org/cn-union-kg/ontology#>\n" + PEOPLE.replace("kg:", "k:")
    assert run_query(rdf, q).rows == (("王雷",),)


def test_binding_selects_by_value(rdf: Graph) -> None:
    result = run_query(rdf, NAMES_BY_LABEL, bindings={"name": Literal("王雷", lang="zh")})
    assert result.rows == ((str(entity_iri("Person/王雷")),),)
    # a str is a name: bound to the label term it matches (here "王雷"@zh) ...
    assert run_query(rdf, NAMES_BY_LABEL, bindings={"name": "王雷"}) == result
    # ... written in simplified or traditional characters, or an altLabel
    assert len(run_query(rdf, NAMES_BY_LABEL, bindings={"name": "海川醫藥"})) == 0  # altLabel
    q = "SELECT ?e WHERE { ?e rdfs:label|skos:altLabel ?name }"
    assert len(run_query(rdf, q, bindings={"name": "海川醫藥"})) == 1
    # ... or, matching no label, a plain literal; queries compare names with STR()
    q = "SELECT ?e WHERE { ?e rdfs:label ?l FILTER(STR(?l) = STR(?name)) }"
    assert len(run_query(rdf, q, bindings={"?name": "王雷"})) == 1
    assert run_query(rdf, "SELECT ?name WHERE {}", bindings={"name": "王"}).rows == (("王",),)


def test_binding_an_iri(rdf: Graph) -> None:
    q = "SELECT ?l WHERE { ?e rdfs:label ?l }"
    result = run_query(rdf, q, bindings={"e": URIRef(entity_iri("Place/西安市"))})
    assert result.rows == (("西安市",),)


@pytest.mark.parametrize(
    "value",
    [
        '"} ; DROP ALL ; {"',
        '王雷" } UNION { ?e ?p ?o } #',
        "王雷') || true || ('",
    ],
)
def test_binding_values_cannot_inject(value: str, rdf: Graph) -> None:
    before = len(rdf)
    q = "SELECT ?e WHERE { ?e rdfs:label ?l FILTER(STR(?l) = ?name) }"
    assert run_query(rdf, q, bindings={"name": value}).rows == ()
    echoed = run_query(rdf, "SELECT ?name WHERE {}", bindings={"name": value})
    assert echoed.rows == ((value,),)
    assert len(rdf) == before


def test_updates_are_refused(rdf: Graph) -> None:
    before = len(rdf)
    with pytest.raises(QueryError, match=r"\[E201\]"):
        run_query(rdf, "DROP ALL")
    with pytest.raises(QueryError, match=r"\[E201\]"):
        run_query(rdf, "DELETE WHERE { ?s ?p ?o }")
    assert len(rdf) == before


def test_bad_query_is_e201(rdf: Graph) -> None:
    with pytest.raises(QueryError, match=r"^\[E201\] cannot parse SPARQL query"):
        run_query(rdf, "SELECT ?x WHERE { ?x ?y }")


def test_unreadable_graph_is_e202(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"\[E202\].*nope\.ttl"):
        run_query(tmp_path / "nope.ttl", PEOPLE)
    junk = tmp_path / "junk.nt"
    junk.write_bytes(b"\x00\x01 not n-triples")
    with pytest.raises(QueryError, match=r"\[E202\]"):
        run_query(junk, PEOPLE)


def test_missing_query_file_is_e207(rdf: Graph, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"\[E207\].*missing\.rq.*people_and_posts"):
        run_query(rdf, str(tmp_path / "missing.rq"))


def test_bad_binding_name_is_e206(rdf: Graph) -> None:
    with pytest.raises(QueryError, match=r"\[E206\]"):
        run_query(rdf, PEOPLE, bindings={"a b": "x"})


def test_ask_and_construct(rdf: Graph) -> None:
    assert run_query(rdf, "ASK { ?p a kg:Person }").rows == (("true",),)
    result = run_query(
        rdf, "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kg:Person ; rdfs:label ?l }"
    )
    assert result.columns == ("subject", "predicate", "object")
    assert result.rows == ((str(entity_iri("Person/王雷")), str(RDFS_LABEL), "王雷"),)


RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


def test_unbound_values_are_empty_strings(rdf: Graph) -> None:
    q = """SELECT ?name ?alias WHERE {
        ?e a kg:Person ; rdfs:label ?name OPTIONAL { ?e skos:altLabel ?alias } }"""
    assert run_query(rdf, q).rows == (("王雷", ""),)


# --- formatting ---------------------------------------------------------------------

RESULT = QueryResult(
    ("union", "person", "post"),
    (("西安市总工会", "王雷", "党组书记、常务副主席"), ("X", 'Li, "Lei"', "line\nbreak")),
)


def test_text_table_aligns_wide_characters() -> None:
    text = format_result(RESULT, "text")
    lines = text.splitlines()
    assert lines[-1] == "(2 rows)"
    header, rule, row1, row2 = lines[:4]
    assert rule.split("  ")[0] == "-" * display_width("西安市总工会")
    # the second column starts at the same display column on every line
    col = display_width("西安市总工会") + 2
    for line, second in ((header, "person"), (row1, "王雷"), (row2, 'Li, "Lei"')):
        assert display_width(line[: line.index(second)]) == col, line
    assert row1.startswith("西安市总工会  王雷")
    assert "line break" in row2


def test_display_width() -> None:
    assert display_width("西安") == 4
    assert display_width("ab") == 2
    assert display_width("、") == 2
    assert display_width("e\u0301") == 1


def test_csv_output_quotes_properly() -> None:
    import csv
    import io

    text = format_result(RESULT, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["union", "person", "post"]
    assert rows[1] == ["西安市总工会", "王雷", "党组书记、常务副主席"]
    assert rows[2] == ["X", 'Li, "Lei"', "line\nbreak"]


def test_json_output_is_a_list_of_objects() -> None:
    data = json.loads(format_result(RESULT, "json"))
    assert data[0] == {"union": "西安市总工会", "person": "王雷", "post": "党组书记、常务副主席"}
    assert len(data) == 2
    assert "西安市总工会" in format_result(RESULT, "json")  # not \\u-escaped


def test_unknown_format_is_e203() -> None:
    with pytest.raises(QueryError, match=r"\[E203\].*'xml'"):
        format_result(RESULT, "xml")


def test_result_reaches_article_headline(graph_file: Path) -> None:
    q = """SELECT ?headline ?sentence WHERE {
        ?e rdfs:label ?l FILTER(STR(?l) = STR(?name))
        ?e kg:mentionedIn ?s . ?s kg:text ?sentence ; kg:inArticle/dcterms:title ?headline }"""
    result = run_query(graph_file, q, bindings={"name": "王雷"})
    assert result.rows == ((HEADLINE, S_POST.sentence),)
