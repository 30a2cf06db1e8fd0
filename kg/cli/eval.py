"""``kg eval GRAPH GOLD...``: score an exported graph against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KGError
from kg.eval import facts_from_rdf, load_gold, load_graph, pool_gold, score

__all__ = ["command"]


def command(
    graph: Annotated[
        Path,
        typer.Argument(metavar="GRAPH", help="Exported RDF graph (Turtle, N-Triples, JSON-LD, …)."),
    ],
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD", help="Gold JSONL file(s); several files are pooled into one bag."
        ),
    ],
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List misses, spurious items, type/role errors."),
    ] = False,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON (details with -v).")
    ] = False,
    role_match: Annotated[
        str,
        typer.Option(
            "--role-match",
            help="memberOf+role: 'exact' (same posts) or 'contains' (one post set in the other).",
        ),
    ] = "exact",
) -> None:
    """Score GRAPH against GOLD: precision, recall and F1 per entity type and relation.

    The graph should be built from the document(s) the gold files describe.

    Exit status: 0 on success, 2 when a file is missing or malformed.
    """
    if role_match not in ("exact", "contains"):
        typer.echo(
            f"error: --role-match must be 'exact' or 'contains', not {role_match!r}", err=True
        )
        raise typer.Exit(2)
    try:
        golds = [load_gold(path) for path in gold]
        predicted = facts_from_rdf(load_graph(graph), source=str(graph))
    except KGError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    report = score(predicted, pool_gold(golds), role_match=role_match)
    if json_output:
        typer.echo(json.dumps(report.to_dict(details=verbose), ensure_ascii=False, indent=2))
        return
    typer.echo(report.format_table())
    if verbose:
        typer.echo("")
        typer.echo(report.format_details())
