"""``kg view``: graph file in, HTML out; exit 2 with [E202] on a missing or bad file."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner
from view_graphs import xss_graph

from kg.cli import view
from kg.rdf import write_graph
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
