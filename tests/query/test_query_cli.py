"""``kg query`` through typer's CliRunner."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType

import pytest
import typer
from sample_graph import sample_model
from typer.testing import CliRunner

from kg.rdf import entity_iri, write_graph

QUERY_DIR = Path(__file__).resolve().parents[2] / "queries"


def _load_query_cli() -> ModuleType:
    """kg.cli.query; loaded from its file while kg/cli/__init__.py cannot import yet
    (it imports every command module, and some may not exist in a partial checkout)."""
    try:
        from kg.cli import query
    except ImportError:
        spec = importlib.util.spec_from_file_location(
            "_kg_cli_query", Path(__file__).resolve().parents[2] / "kg" / "cli" / "query.py"
        )
        assert spec is not None and spec.loader is not None
        query = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(query)
    return query


query_cli = _load_query_cli()


def _app() -> typer.Typer:
    """The command registered the way kg/cli/__init__.py registers it."""
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command("query")(query_cli.command)

    @app.callback()
    def _main() -> None:  # keeps "query" a subcommand, as in the real app
        pass

    return app


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    return _app()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph(sample_model(), tmp_path_factory.mktemp("g") / "graph.ttl")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_text_output(app: typer.Typer, runner: CliRunner, graph_file: Path) -> None:
    result = runner.invoke(app, ["query", str(graph_file), str(QUERY_DIR / "people_and_posts.rq")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["union", "person", "post"]
    assert lines[2].split() == ["西安市总工会", "王雷", "党组书记、常务副主席"]
    assert lines[-1] == "(1 row)"


def test_csv_output_with_binding(app: typer.Typer, runner: CliRunner, graph_file: Path) -> None:
    args = [
        "query",
        str(graph_file),
        "unions_by_programme_kind",
        "-f",
        "csv",
        "--bind",
        "kind=驿站",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(r["programme"] for r in rows) == ["户外劳动者驿站", "骑士驿站"]


def test_json_output_from_inline_sparql(
    app: typer.Typer, runner: CliRunner, graph_file: Path
) -> None:
    sparql = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }"
    result = runner.invoke(app, ["query", str(graph_file), sparql, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"name": "王雷"}]


def test_iri_binding(app: typer.Typer, runner: CliRunner, graph_file: Path) -> None:
    iri = entity_iri("Place/西安市")
    sparql = "SELECT ?l WHERE { ?e rdfs:label ?l }"
    result = runner.invoke(app, ["query", str(graph_file), sparql, "-f", "csv", "-b", f"e=<{iri}>"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "l\n西安市\n"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["SELECT ?x WHERE { ?x ?y }"], "[E201]"),
        (["people_and_posts", "-f", "xml"], "[E203]"),
        (["people_and_posts", "-b", "novalue"], "[E206]"),
        (["no_such_query.rq"], "[E207]"),
    ],
    ids=["bad-sparql", "bad-format", "bad-bind", "missing-rq"],
)
def test_errors_exit_2_with_a_message(
    app: typer.Typer, runner: CliRunner, graph_file: Path, args: list[str], code: str
) -> None:
    result = runner.invoke(app, ["query", str(graph_file), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(code)
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_missing_graph_exits_2(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", str(tmp_path / "none.ttl"), "people_and_posts"])
    assert result.exit_code == 2
    assert result.stderr.startswith("[E202]")
    assert "none.ttl" in result.stderr


def test_registered_in_the_kg_app(runner: CliRunner, graph_file: Path) -> None:
    try:
        from kg.cli import app
    except ImportError as exc:  # other commands of the app may not exist yet
        pytest.skip(f"kg.cli not importable yet: {exc}")
    result = runner.invoke(app, ["query", str(graph_file), "people_and_posts", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["person"] == "王雷"
