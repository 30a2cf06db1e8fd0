"""``kg build``: read a corpus, build its graph, write graph.ttl, graph.html, report.json."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg.errors import Errors, OutputError
from kg.output import output_lock, write_outputs
from kg.pipeline import build_corpus

_FORMATS = {
    "turtle": "turtle",
    "ttl": "turtle",
    "jsonld": "json-ld",
    "json-ld": "json-ld",
    "nt": "nt",
}


def command(
    inputs: list[Path] = typer.Argument(..., help="Files or folders of .txt / .md / .html."),
    output: Path = typer.Option(Path("build"), "-o", "--output", help="Output folder."),
    format: list[str] = typer.Option(
        ["turtle"], "--format", "-f", help="RDF format(s): turtle, jsonld, nt (repeatable)."
    ),
    no_html: bool = typer.Option(False, "--no-html", help="Skip the HTML view."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary."),
) -> None:
    """Build the knowledge graph of INPUTS into OUTPUT."""
    try:
        formats = sorted({_FORMATS[f.lower()] for f in format})
    except KeyError as err:
        typer.echo(Errors.E203.format(fmt=err.args[0], choices=sorted(_FORMATS)), err=True)
        raise typer.Exit(2) from err

    def progress(stage: str, done: int, total: int) -> None:
        if (not quiet and sys.stderr.isatty()) or (not quiet and done == total):
            end = "\n" if done == total else "\r"
            typer.echo(f"{stage}: {done}/{total} articles", err=True, nl=False)
            typer.echo("", err=True, nl=end == "\n")

    try:
        with output_lock(output):  # refuse a concurrent build into OUTPUT before the NLP
            result = build_corpus(inputs, progress=progress)
            for problem in result.problems:
                typer.echo(f"warning: {problem.reason}", err=True)
            if not result.documents:
                typer.echo(Errors.E008.format(paths=", ".join(map(str, inputs))), err=True)
                raise typer.Exit(2)
            written = write_outputs(result, output, formats=formats, html=not no_html)
    except OutputError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from None
    if quiet:
        return
    s = result.summary()
    typer.echo(
        f"documents: {s['documents']}  articles: {s['articles']}  characters: {s['characters']}"
    )
    typer.echo(
        f"entities: {s['entities']}  "
        + "  ".join(f"{k}={v}" for k, v in s["entities_by_type"].items())
    )
    typer.echo(
        f"relations: {s['relations']}  "
        + "  ".join(f"{k}={v}" for k, v in s["relations_by_type"].items())
    )
    typer.echo(f"warnings: {len(s['warnings'])}")
    for name in sorted(written):
        typer.echo(f"wrote {written[name]}")
