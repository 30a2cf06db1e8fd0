"""``kg load``: add an RDF file to a build's store as a named graph."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KGError

__all__ = ["command"]

log = logging.getLogger(__name__)


def command(
    source: Annotated[Path, typer.Argument(help="RDF file (.ttl, .nt, .jsonld, .rdf, ...).")],
    into: Annotated[
        Path, typer.Option("--into", help="Build folder whose store/ receives the graph.")
    ] = Path("build"),
    graph: Annotated[
        str | None,
        typer.Option("--graph", help="Named graph IRI (default …/id/graph/loaded/<file>)."),
    ] = None,
) -> None:
    """Add SOURCE (e.g. a hand-curated graph) to the store of a build as its own named
    graph; loading the same file again replaces that graph. Queries see it at once."""
    from kg.rdf.store import load_into

    try:
        name, count = load_into(source, into, graph=graph)
    except KGError as exc:
        log.debug("kg load failed", exc_info=True)
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    typer.echo(f"loaded {count} triples from {source} into graph <{name}>")
