"""The example queries in queries/*.rq run on a sample graph and answer sensibly."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_graph import HEADLINE, S_POST, sample_model

from kg.query import QueryResult, bundled_queries, run_query
from kg.rdf import write_graph

QUERY_DIR = Path(__file__).resolve().parents[2] / "queries"
QUERY_FILES = sorted(QUERY_DIR.glob("*.rq"))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph(sample_model(), tmp_path_factory.mktemp("g") / "graph.ttl")


def _run(graph: Path, query: str, /, **bindings: str) -> QueryResult:
    return run_query(graph, QUERY_DIR / f"{query}.rq", bindings=bindings or None)


def test_there_are_at_least_five_queries_and_they_ship() -> None:
    names = {p.stem for p in QUERY_FILES}
    assert len(names) >= 5
    assert {"people_and_posts", "union_hierarchy", "fact_provenance"} <= names
    assert set(bundled_queries()) == names


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_each_query_has_a_header_and_returns_rows(path: Path, graph_file: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines()[:3] if line.startswith("#")]
    assert len(header) >= 2, "start with a comment saying what the query does"
    result = run_query(graph_file, path)
    assert result.columns
    assert len(result) > 0


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_sparqlwrapper_sends_each_query_as_a_query(path: Path) -> None:
    """SPARQLWrapper sniffs the form from words anywhere in the text, comments included
    (a comment with an update keyword makes it send an update, which kg serve refuses)."""
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper("http://127.0.0.1:1/sparql")
    client.setQuery(path.read_text(encoding="utf-8"))
    assert client.queryType == "SELECT"


def test_people_and_posts(graph_file: Path) -> None:
    result = _run(graph_file, "people_and_posts")
    assert result.columns == ("union", "person", "post")
    assert result.rows == (("西安市总工会", "王雷", "党组书记、常务副主席"),)
    assert _run(graph_file, "people_and_posts", union_name="雁塔区总工会").rows == ()


def test_programmes_by_union(graph_file: Path) -> None:
    rows = _run(graph_file, "programmes_by_union").as_dicts()
    by_programme = {r["programme"]: r for r in rows}
    assert by_programme["春风行动"] == {
        "union": "西安市总工会",
        "programme": "春风行动",
        "how": "establishes",
        "place": "西安市",
        "amount": "32.5万元",
    }
    assert by_programme["骑士驿站"]["union"] == "雁塔区总工会"
    assert by_programme["骑士驿站"]["amount"] == ""
    one = _run(graph_file, "programmes_by_union", union_name="碑林区总工会")
    assert [r[1] for r in one.rows] == ["户外劳动者驿站"]


def test_partnerships_in_either_direction(graph_file: Path) -> None:
    rows = _run(graph_file, "partnerships").as_dicts()
    assert len(rows) == 1
    assert {rows[0]["organisation"], rows[0]["partner"]} == {"西安市总工会", "陕西海川医药有限公司"}
    assert rows[0]["headline"] == HEADLINE
    for name, other in (
        ("西安市总工会", "陕西海川医药有限公司"),
        ("陕西海川医药有限公司", "西安市总工会"),
    ):
        row = _run(graph_file, "partnerships", org_name=name).as_dicts()
        assert [(r["organisation"], r["partner"]) for r in row] == [(name, other)]


def test_unions_by_programme_kind(graph_file: Path) -> None:
    result = _run(graph_file, "unions_by_programme_kind", kind="驿站")
    assert sorted((r["programme"], r["unions"]) for r in result.as_dicts()) == [
        ("户外劳动者驿站", "碑林区总工会"),
        ("骑士驿站", "雁塔区总工会"),
    ]
    assert len(_run(graph_file, "unions_by_programme_kind")) == 3
    assert _run(graph_file, "unions_by_programme_kind", kind="工匠学院").rows == ()


def test_union_hierarchy(graph_file: Path) -> None:
    rows = _run(graph_file, "union_hierarchy").as_dicts()
    assert rows == [
        {
            "child": "雁塔区总工会",
            "child_type": "Union",
            "parent": "西安市总工会",
            "parent_type": "Union",
        }
    ]
    assert len(_run(graph_file, "union_hierarchy", root_name="西安市总工会")) == 1
    assert _run(graph_file, "union_hierarchy", root_name="雁塔区总工会").rows == ()


def test_fact_provenance(graph_file: Path) -> None:
    rows = _run(graph_file, "fact_provenance", name="王雷").as_dicts()
    assert {r["relation"] for r in rows} == {"mentionedIn", "memberOf"}
    for row in rows:
        assert row["sentence"] == S_POST.sentence
        assert row["headline"] == HEADLINE
        assert (int(row["start"]), int(row["end"])) == (S_POST.start, S_POST.end)
    member = [r for r in rows if r["relation"] == "memberOf"]
    assert member[0]["object"] == "西安市总工会"
    everything = _run(graph_file, "fact_provenance")
    assert len(everything) > len(rows)
