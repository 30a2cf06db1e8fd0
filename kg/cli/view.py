"""``kg view``: write the interactive HTML view of a built graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.errors import Errors, KGError

__all__ = ["command"]


def command(
    graph: Annotated[
        Path,
        typer.Argument(
            help="Graph file written by `kg build` (graph.ttl, .nt or .jsonld).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="HTML file to write (default: GRAPH with the suffix .html).",
            show_default=False,
        ),
    ] = None,
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "kg",
) -> None:
    """Write a self-contained interactive HTML view of GRAPH (works offline).

    Exit status: 0 written; 1 cannot write the HTML; 2 GRAPH missing or unreadable (E202).
    """
    if not graph.is_file():
        reason = "no such file" if not graph.exists() else "not a regular file"
        typer.echo(Errors.E202.format(path=graph, reason=reason), err=True)
        raise typer.Exit(code=2)
    from kg.rdf import read_graph
    from kg.views import write_html

    try:
        G = read_graph(graph)
    except KGError as exc:  # [E202] from kg.rdf: unreadable or not RDF
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from exc
    except Exception as exc:  # valid RDF that is not a kg graph, or a parser surprise
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        typer.echo(Errors.E202.format(path=graph, reason=reason), err=True)
        raise typer.Exit(code=2) from exc
    if G.number_of_nodes() == 0:
        typer.echo(f"warning: {graph} holds no entities; the page will be empty", err=True)
    target = output if output is not None else graph.with_suffix(".html")
    try:
        path = write_html(G, target, title=title)
    except OSError as exc:
        typer.echo(f"error: cannot write {target}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"wrote {path} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
