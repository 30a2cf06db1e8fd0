"""The top-level API on the seed build, and the README's Python examples as doctests."""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from scale_pages import write_pages

import kg
from kg.types import Entity, EntityType, Relation, RelationType

REPO = Path(__file__).resolve().parents[2]


def _readme_python_blocks() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return "\n".join(re.findall(r"```python\n(.*?)```", text, flags=re.S))


def test_readme_python_examples_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocks = _readme_python_blocks()
    assert "kg.build(" in blocks and "kg.open(" in blocks
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("KG_README_TMP", str(tmp_path))
    test = doctest.DocTestParser().get_doctest(blocks, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0 and runner.tries >= 8


@pytest.fixture(scope="module")
def opened(built_seeds: Path) -> kg.KnowledgeGraph:
    return kg.open(built_seeds)


def test_open_agrees_with_the_build_report(opened: kg.KnowledgeGraph, built_seeds: Path) -> None:
    s = opened.summary()
    assert s["documents"] == 5 and s["articles"] >= 30
    assert s["entities"] == sum(s["entities_by_type"].values()) == len(opened)
    assert s["relations"] == sum(s["relations_by_type"].values())
    assert kg.open(built_seeds / "graph.ttl").summary()["entities"] == s["entities"]


def test_entities_and_relations_are_the_shared_types(opened: kg.KnowledgeGraph) -> None:
    unions = opened.entities(type="Union")
    assert unions and all(isinstance(e, Entity) and e.type is EntityType.UNION for e in unions)
    assert all(e.provenance for e in unions)
    members = opened.relations(predicate="memberOf")
    assert members and all(isinstance(r, Relation) for r in members)
    assert {r.predicate for r in members} == {RelationType.MEMBER_OF}
    assert any(r.role for r in members)
    with pytest.raises(ValueError):
        opened.entities(type="Unoin")


def test_query_binds_values(opened: kg.KnowledgeGraph) -> None:
    rows = opened.query("people_and_posts", bind={"union_name": "西安市总工会"})
    assert rows and {r["union"] for r in rows} == {"西安市总工会"}
    assert {"person", "post"} <= set(rows[0])
    hostile = '西安市总工会" } UNION { ?s ?p ?o } #'
    assert opened.query("people_and_posts", bind={"union_name": hostile}) == []


def test_networkx_and_rdflib_views(opened: kg.KnowledgeGraph) -> None:
    G = opened.to_networkx()
    assert isinstance(G, nx.MultiDiGraph) and len(G) == len(opened)
    G.clear()
    assert len(opened.to_networkx()) > 0  # a copy: the graph is unchanged
    assert len(opened.to_rdflib()) > 1000


def test_view_focus_writes_a_neighbourhood(opened: kg.KnowledgeGraph, tmp_path: Path) -> None:
    near = opened.neighbourhood("西安市总工会", depth=1)
    centre = opened.find("西安市總工會")[0]
    assert centre == "Union/西安市总工会"
    assert centre in near and 1 < len(near) < len(opened)
    assert all(n == centre or near.has_edge(n, centre) or near.has_edge(centre, n) for n in near)
    page = opened.view(tmp_path / "xa.html", focus="西安市总工会")
    assert "西安市总工会" in page.read_text(encoding="utf-8")
    assert opened.find("不存在的工会") == []
    with pytest.raises(kg.errors.KGError, match="E601"):
        opened.view(tmp_path / "none.html", focus="不存在的工会")


def test_progress_callback_and_no_printing(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("西安市总工会主席薛振虎在会上讲话。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    calls = []
    g = kg.build(tmp_path, progress=lambda *args: calls.append(args))
    assert calls and calls[-1][1] == calls[-1][2]
    assert len(g.summary()["warnings"]) == 1
    out, _ = capfd.readouterr()
    assert out == ""


def test_open_without_a_graph_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(kg.errors.KGError, match="E202"):
        kg.open(tmp_path)
    assert os.fspath(tmp_path)  # the folder is untouched


def test_build_passes_jobs_and_the_cache_through(tmp_path: Path) -> None:
    corpus = write_pages(tmp_path / "corpus")
    cache = tmp_path / "cache"
    first = kg.build(corpus, jobs=2, cache_dir=cache)
    again = kg.build([corpus], cache_dir=cache)
    assert first.result and again.result
    assert (first.result.analysed, first.result.cached) == (3, 0)
    assert (again.result.analysed, again.result.cached) == (0, 3)
    assert again.entities() == first.entities() and again.relations() == first.relations()
    assert kg.build(corpus, cache_dir=cache, full=True).result.analysed == 3
