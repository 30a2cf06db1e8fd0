"""``kg view``: graph file in, HTML out; exit 2 with [E202] on a missing or bad file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
import typer
from typer.testing import CliRunner
from view_graphs import xss_graph

from kg.cli import view
from kg.rdf import read_graph, write_graph
from kg.views import render_html

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(view.command)
    return app


@pytest.fixture(scope="module")
def ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph(xss_graph(), tmp_path_factory.mktemp("cli") / "graph.ttl")


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("turtle", ".ttl"), ("nt", ".nt"), ("json-ld", ".jsonld")]
)
def test_view_writes_the_same_page_as_the_library(tmp_path: Path, fmt: str, suffix: str) -> None:
    G = xss_graph()
    graph = write_graph(G, tmp_path / f"graph{suffix}", fmt=fmt)
    out = tmp_path / "out" / "view.html"
    result = runner.invoke(_app(), [str(graph), "-o", str(out), "--title", "西安 kg"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render_html(G, title="西安 kg")
    assert f"wrote {out}" in result.output
    assert f"{G.number_of_nodes()} nodes" in result.output


def test_default_output_is_next_to_the_graph(tmp_path: Path, ttl: Path) -> None:
    graph = tmp_path / "g.ttl"
    graph.write_bytes(ttl.read_bytes())
    result = runner.invoke(_app(), [str(graph)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<title>kg</title>" in page and "西安市总工会" in page


def test_two_runs_give_identical_bytes(tmp_path: Path, ttl: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    assert runner.invoke(_app(), [str(ttl), "-o", str(a)]).exit_code == 0
    assert runner.invoke(_app(), [str(ttl), "-o", str(b)]).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.ttl", None),
        ("directory.ttl", "DIR"),
        ("broken.ttl", "@prefix kg: <http://x/> .\nthis is not turtle <<<"),
        ("broken.jsonld", "{not json"),
        ("binary.nt", "\x00\x01\x02 garbage"),
    ],
)
def test_missing_or_bad_file_exits_2_with_a_clear_message(
    tmp_path: Path, name: str, content: str | None
) -> None:
    graph = tmp_path / name
    if content == "DIR":
        graph.mkdir()
    elif content is not None:
        graph.write_text(content, encoding="utf-8")
    out = tmp_path / "out.html"
    result = runner.invoke(_app(), [str(graph), "-o", str(out)])
    assert result.exit_code == 2
    assert "[E202]" in result.output and name in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_unwritable_output_exits_1(tmp_path: Path, ttl: Path) -> None:
    (tmp_path / "taken").mkdir()
    result = runner.invoke(_app(), [str(ttl), "-o", str(tmp_path / "taken")])
    assert result.exit_code == 1
    assert "cannot write" in result.output
    assert "Traceback" not in result.output


def test_empty_graph_warns_but_writes(tmp_path: Path) -> None:
    graph = tmp_path / "empty.ttl"
    graph.write_text("@prefix kg: <https://example.org/kg#> .\n", encoding="utf-8")
    result = runner.invoke(_app(), [str(graph)])
    assert result.exit_code == 0, result.output
    assert "no entities" in result.output
    assert (tmp_path / "empty.html").is_file()


def _page_nodes(page: str) -> set[str]:
    match = re.search(r"var nodes = new vis\.DataSet\((.*)\);$", page, re.M)
    assert match
    return {n["id"] for n in json.loads(match.group(1))}


def _page_view(page: str) -> dict:
    match = re.search(r"var view = (.*);$", page, re.M)
    assert match
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--focus", "王雷"], {"Person/王雷", "Union/西安市总工会", "Enterprise/x"}),
        (["--focus", "西安市總工會", "--depth", "0"], {"Union/西安市总工会"}),
        (["--focus", "市总"], None),  # an alias; depth 1 by default
        (
            ["--type", "Union", "--type", "Programme"],
            {"Union/西安市总工会", "Union/陕西省总工会", "Programme/春风行动"},
        ),
        (
            ["-t", "Union", "-t", "Place", "--focus", "陕西省总工会", "--depth", "1"],
            {"Union/陕西省总工会", "Union/西安市总工会", "Place/陕西省"},
        ),
    ],
)
def test_focus_depth_and_type(
    tmp_path: Path, ttl: Path, args: list[str], expected: set[str] | None
) -> None:
    out = tmp_path / "view.html"
    result = runner.invoke(_app(), [str(ttl), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    G = xss_graph()
    if expected is None:
        U = G.to_undirected()
        expected = set(nx.single_source_shortest_path_length(U, "Union/西安市总工会", 1))
    assert _page_nodes(page) == expected
    view = _page_view(page)
    if "--focus" in args:
        focused = view["nodes"][view["focus"]]["id"]
        assert focused in expected and focused.endswith(("王雷", "总工会"))
    else:
        assert view["focus"] is None


def test_focus_on_the_seed_graph(tmp_path: Path, built_seeds: Path) -> None:
    out = tmp_path / "xa.html"
    args = [str(built_seeds / "graph.ttl"), "--focus", "西安市总工会", "--depth", "2"]
    result = runner.invoke(_app(), [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    G = read_graph(built_seeds / "graph.ttl")
    two = set(nx.single_source_shortest_path_length(G.to_undirected(), "Union/西安市总工会", 2))
    assert len(two) > 5
    assert _page_nodes(out.read_text(encoding="utf-8")) == two


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--focus", "不存在的工会"], "[E601]", "no name or alias matches"),
        (["--focus", "总工会"], "[E601]", "2 nodes match"),
        (["--type", "Union", "--focus", "王雷"], "[E601]", "of the selected types"),
        (["--type", "Spaceship"], "[E602]", "Union"),
    ],
)
def test_bad_focus_or_type_exits_2(
    tmp_path: Path, ttl: Path, args: list[str], code: str, message: str
) -> None:
    out = tmp_path / "view.html"
    result = runner.invoke(_app(), [str(ttl), "-o", str(out), *args])
    assert result.exit_code == 2
    assert code in result.output and message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
