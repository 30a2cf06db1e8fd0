"""The ``kg`` command line: one module per command, each a thin layer over the library.

Command modules import the heavy stack (spaCy, rdflib, pyvis) inside their functions, so
``kg --help`` starts fast (``bench/bench_cli.py`` measures it).

Exit status of every command: 0 success; 1 failure, or built with warnings under
``--strict``; 2 usage error (bad option, missing or mistyped input, unknown format,
malformed input file).
"""

from __future__ import annotations

import logging

import typer

from kg import __version__
from kg.cli import build, eval, load, query, serve, validate, view
from kg.cli._console import WarningPrinter

__all__ = ["app", "main"]

app = typer.Typer(
    name="kg",
    help=(
        "Build a knowledge graph from Chinese labour-union news, query it, view it, "
        "validate it, score it.\n\n"
        "Exit status: 0 ok; 1 failed, or built with warnings under --strict; "
        "2 usage error (bad option, missing or mistyped input, unknown format)."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: flags show as --quiet / --no-quiet, no types
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("build")(build.command)
app.command("query")(query.command)
app.command("view")(view.command)
app.command("eval")(eval.command)
app.command("validate")(validate.command)
app.command("load")(load.command)
app.command("serve")(serve.command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _configure(
    verbose: bool = typer.Option(False, "--verbose-log/--no-verbose-log", help="Debug logging."),
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    WarningPrinter.install(logging.DEBUG if verbose else logging.WARNING)


def main() -> None:
    app()
