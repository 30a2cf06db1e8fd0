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
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus",
            help="Show only this node's neighbourhood: a name, alias or node id "
            "(simplified or traditional; a unique partial name also works).",
            show_default=False,
        ),
    ] = None,
    depth: Annotated[
        int,
        typer.Option("--depth", min=0, help="Relations away from --focus to include."),
    ] = 1,
    types: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            "-t",
            help="Show only nodes of this entity type (repeatable), e.g. Union.",
            show_default=False,
        ),
    ] = None,
    max_nodes: Annotated[
        int | None,
        typer.Option(
            "--max-nodes",
            min=1,
            help="Draw at most this many nodes, the best linked (default: 2000).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write a self-contained interactive HTML view of GRAPH (works offline).

    Exit status: 0 written; 1 cannot write the HTML; 2 GRAPH missing or unreadable
    (E202), --focus names no node (E601) or --type no entity type (E602).
    """
    if not graph.is_file():
        reason = "no such file" if not graph.exists() else "not a regular file"
        typer.echo(Errors.E202.format(path=graph, reason=reason), err=True)
        raise typer.Exit(code=2)
    from kg.rdf import read_graph
    from kg.views import write_html
    from kg.views.select import pick_view

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
    try:
        G, node = pick_view(G, focus=focus, depth=depth, types=types)
    except KGError as exc:  # [E601] / [E602]
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from exc
    target = output if output is not None else graph.with_suffix(".html")
    try:
        path = write_html(G, target, title=title, focus=node, max_nodes=max_nodes)
    except OSError as exc:
        typer.echo(f"error: cannot write {target}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"wrote {path} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
