"""The ``kg`` command line: one module per command, each a thin layer over the library."""

from __future__ import annotations

import logging

import typer

from kg.cli import build, eval, query, view

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph from Chinese labour-union news, query it, view it, score it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("build")(build.command)
app.command("query")(query.command)
app.command("view")(view.command)
app.command("eval")(eval.command)


@app.callback()
def _configure(verbose: bool = typer.Option(False, "--verbose-log", help="Debug logging.")) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def main() -> None:
    app()
