"""``kg validate GRAPH``: check an exported graph against the SHACL shapes (pyshacl)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli._console import EXIT_USAGE, EXIT_WARNINGS
from kg.errors import KGError

__all__ = ["command"]


def command(
    graph: Annotated[
        Path, typer.Argument(metavar="GRAPH", help="Exported graph (.ttl, .nt or .jsonld).")
    ],
    quiet: Annotated[
        bool,
        typer.Option("--quiet/--no-quiet", "-q", help="Only the exit status and a summary line."),
    ] = False,
) -> None:
    """Validate GRAPH with pyshacl against the shapes in ontology/shapes.ttl.

    Prints pyshacl's report (each violation: focus node, path, value, message).

    Exit status: 0 conforms; 1 violations; 2 GRAPH missing or not RDF, or pyshacl not
    installed (pip install 'kg[validate]').
    """
    try:
        import pyshacl  # noqa: F401 - only to fail early with a clear message
    except ImportError:
        typer.echo(
            "error: kg validate needs pyshacl: pip install 'kg[validate]' (or pip install pyshacl)",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE) from None
    from kg.rdf import parse_graph_file, validate

    try:
        data = parse_graph_file(graph)
    except KGError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    result = validate(data)
    if result.conforms:
        typer.echo(f"{graph}: conforms to the kg shapes ({len(data)} triples)")
        return
    violations = _count(result.report)
    if not quiet:
        typer.echo(result.text.rstrip("\n"))
    typer.echo(f"{graph}: {violations} SHACL violation(s)", err=True)
    raise typer.Exit(EXIT_WARNINGS)


def _count(report) -> int:
    from rdflib import RDF
    from rdflib.namespace import SH

    return len(set(report.subjects(RDF.type, SH.ValidationResult)))
