"""``kg build``: read a corpus, build its graph, write graph.ttl, graph.html, report.json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli._console import EXIT_USAGE, EXIT_WARNINGS, progress_reporter, warn
from kg.errors import Errors

__all__ = ["command"]


def command(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders of .txt / .md / .html.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder.")] = Path("build"),
    format: Annotated[
        list[str],
        typer.Option(
            "--format",
            "-f",
            help="Output format(s), repeatable: ttl (turtle), jsonld, nt; graphml, gexf "
            "(Gephi); csv (neo4j-admin import).",
        ),
    ] = ["turtle"],  # noqa: B006 - Typer reads the default, never mutates it
    html: Annotated[bool, typer.Option("--html/--no-html", help="Write the HTML view.")] = True,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Processes for the analysis and the writers (default: every local core).",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDR",
            help="Analyse on Dask: local:N (a local cluster of N workers) or a scheduler "
            "address such as tcp://host:8786 (needs kg[dask]).",
        ),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache",
            help="Keep each document's analysis in OUTPUT/.kg-cache and analyse only new "
            "or changed documents.",
        ),
    ] = True,
    full: Annotated[
        bool,
        typer.Option("--full/--no-full", help="Analyse every document again (refresh the cache)."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet/--no-quiet", "-q", help="No progress or summary.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict/--no-strict", help="Exit 1 when the build had warnings."),
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Leave out entities and relations less certain than this (kg:confidence, "
            "0–1; relations lose an end they no longer have).",
        ),
    ] = 0.0,
    keep_going: Annotated[
        bool,
        typer.Option(
            "--keep-going/--no-keep-going",
            "-k",
            help="Build what exists when an input path is missing (it only warns).",
        ),
    ] = False,
) -> None:
    """Build the knowledge graph of INPUTS into OUTPUT.

    Each document's analysis is kept in OUTPUT/.kg-cache, so building again after adding,
    editing or removing files analyses only the new or changed ones; the output is the
    same as a clean build's, whatever -j, --dask or the input order.

    Exit status: 0 built; 1 built with warnings under --strict; 2 an input path is
    missing (unless --keep-going), an unknown format, or no readable document.
    """
    from kg.exports import resolve_formats

    try:
        formats = resolve_formats(format)
    except ValueError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(EXIT_USAGE) from err
    from kg.api import build
    from kg.cache import CACHE_DIR
    from kg.errors import KGError, OutputError
    from kg.output import output_lock, write_outputs
    from kg.parallel import available_cores

    cores = available_cores() if jobs is None else jobs
    try:
        with output_lock(output):  # refuse a concurrent build into OUTPUT before the NLP
            missing = [p for p in inputs if not p.exists() and not p.is_symlink()]
            if missing and not keep_going:
                for path in missing:
                    typer.echo("error: " + Errors.E001.format(source=path.as_posix()), err=True)
                typer.echo("(use --keep-going to build the other inputs anyway)", err=True)
                raise typer.Exit(EXIT_USAGE)
            progress, close = progress_reporter(quiet)
            try:
                graph = build(
                    inputs,
                    jobs=cores,
                    dask=dask,
                    cache_dir=output / CACHE_DIR if cache else None,
                    full=full,
                    progress=progress,
                    min_confidence=min_confidence,
                    keep_mentions=False,  # only the graph is written
                )
            except KGError as err:
                if isinstance(err, OutputError):
                    raise
                typer.echo(f"error: {err}", err=True)
                raise typer.Exit(EXIT_USAGE) from None
            finally:
                close()
            result = graph.result
            assert result is not None
            for problem in result.problems:
                warn(problem.reason)
            if not result.documents:
                typer.echo(Errors.E008.format(paths=", ".join(map(str, inputs))), err=True)
                raise typer.Exit(EXIT_USAGE)
            written = write_outputs(result, output, formats=formats, html=html, jobs=cores)
    except OutputError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(EXIT_WARNINGS) from None
    if not quiet:
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
        typer.echo(f"analysed: {result.analysed}  from cache: {result.cached}")
        for name in sorted(written):
            typer.echo(f"wrote {written[name]}")
    if strict and result.problems:
        raise typer.Exit(EXIT_WARNINGS)
