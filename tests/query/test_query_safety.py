"""Queries stay safe and offline: no SERVICE calls, no updates, names bound as terms."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from sample_graph import sample_model
from typer.testing import CliRunner

from kg.errors import QueryError
from kg.query import run_query
from kg.query.text import analyse, with_values
from kg.rdf import write_graph

QUERY_DIR = Path(__file__).resolve().parents[2] / "queries"


class _Listener(http.server.ThreadingHTTPServer):
    """A real local HTTP endpoint that records every request it receives."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self) -> None:
                outer.requests.append(f"{self.command} {self.path}")
                self.send_response(500)
                self.end_headers()

            do_GET = do_POST = _record

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"


@pytest.fixture()
def listener() -> Iterator[_Listener]:
    server = _Listener()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph(sample_model(), tmp_path_factory.mktemp("g") / "graph.ttl")


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    from kg.cli import query

    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command("query")(query.command)

    @app.callback()
    def _main() -> None:
        pass

    return app


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "select * where {{ ?x a kg:Union . service silent <{url}> {{ ?x ?p ?o }} }}",
        "SELECT * WHERE {{ SERV\\u0049CE <{url}> {{ ?s ?p ?o }} }}",  # codepoint escape
    ],
    ids=["plain", "lower-silent", "escaped"],
)
def test_service_is_refused_and_nothing_is_sent(
    template: str, listener: _Listener, app: typer.Typer, graph_file: Path, tmp_path: Path
) -> None:
    rq = tmp_path / "federated.rq"
    rq.write_text(template.format(url=listener.url), encoding="utf-8")
    result = CliRunner().invoke(app, ["query", str(graph_file), str(rq)])
    assert result.exit_code == 2
    assert result.stderr.startswith("[E211]")
    assert "--allow-service" in result.stderr
    assert listener.requests == []


def test_allow_service_lets_the_call_through(
    listener: _Listener, app: typer.Typer, graph_file: Path, tmp_path: Path
) -> None:
    rq = tmp_path / "federated.rq"
    rq.write_text(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}", "utf-8")
    result = CliRunner().invoke(app, ["query", str(graph_file), str(rq), "--allow-service"])
    assert listener.requests, "the endpoint should have been called"
    assert result.exit_code == 2  # the listener answers 500
    assert result.stderr.startswith("[E208]")


def test_the_word_service_in_strings_and_comments_is_fine(graph_file: Path) -> None:
    q = 'SELECT ?x WHERE { BIND ("SERVICE <http://x/>" AS ?x) } # SERVICE <http://y/>'
    assert run_query(graph_file, q).rows == (("SERVICE <http://x/>",),)


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <http://127.0.0.1:9/x.ttl>",
        "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
        "DROP ALL",
        "DELETE WHERE { ?s ?p ?o }",
    ],
)
def test_updates_and_load_are_refused(update: str, graph_file: Path) -> None:
    with pytest.raises(QueryError, match=r"\[E201\]"):
        run_query(graph_file, update)


def test_unknown_bind_variable_is_an_error_listing_the_variables(
    app: typer.Typer, graph_file: Path
) -> None:
    args = ["query", str(graph_file), "people_and_posts", "--bind", "unoin_name=西安市总工会"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("[E210]")
    assert "?unoin_name" in result.stderr
    for variable in ("?union_name", "?union", "?person", "?post"):
        assert variable in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("value", "rows"),
    [
        ("西安市总工会", 1),
        ("西安市總工會", 1),  # traditional characters
        ("市总工会", 1),  # an altLabel
        ("市總", 1),  # an altLabel, traditional
        ("雁塔区总工会", 0),  # a union without people
        ("西安", 0),  # not a name: no partial match
    ],
)
def test_bound_names_match_labels_and_altlabels_simplified_or_traditional(
    value: str, rows: int, app: typer.Typer, graph_file: Path
) -> None:
    args = ["query", str(graph_file), "people_and_posts", "-f", "csv", "-b", f"union_name={value}"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()[1:]
    assert len(lines) == rows
    if rows:
        assert lines[0] == "西安市总工会,王雷,党组书记、常务副主席"


def test_union_hierarchy_below_a_traditional_root(graph_file: Path) -> None:
    result = run_query(graph_file, "union_hierarchy", bindings={"root_name": "西安市總工會"})
    assert [r["child"] for r in result.as_dicts()] == ["雁塔区总工会"]


def test_bound_values_go_into_every_group_that_uses_them() -> None:
    query = analyse(
        "SELECT ?a WHERE { { ?a ?p ?o FILTER (BOUND(?n)) } UNION { ?a ?q ?n } VALUES ?q { 1 } }"
    )
    text = with_values(query, {"n": ['"x\\"y"']})
    assert text.count('VALUES ?n { "x\\"y" }') == 3  # WHERE group and both branches
    assert "VALUES ?q { 1 }" in text  # an inline data block is left alone
