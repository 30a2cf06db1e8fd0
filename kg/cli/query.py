"""``kg query``: run a SPARQL query over a build's store or a graph file, print the answer."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kg.cli._console import fit_table, terminal_width
from kg.errors import Errors, KGError, QueryError

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = ["command", "parse_bindings"]

log = logging.getLogger(__name__)


def parse_bindings(values: list[str] | None) -> dict[str, str | Node]:
    """``name=value`` options → bindings; ``<…>`` values are IRIs, others plain literals.

    Examples
    --------
    >>> parse_bindings(["kind=驿站", "?u=<https://w3id.org/cn-union-kg/id/x>"])
    {'kind': '驿站', 'u': rdflib.term.URIRef('https://w3id.org/cn-union-kg/id/x')}
    """
    from rdflib import URIRef  # imported here so `kg --help` need not load rdflib

    out: dict[str, str | Node] = {}
    for raw in values or ():
        name, sep, value = raw.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise QueryError(Errors.E206.format(value=raw, reason="use name=value"))
        if len(value) > 1 and value.startswith("<") and value.endswith(">"):
            out[name] = URIRef(value[1:-1])
        else:
            out[name] = value
    return out


def command(
    graph: Annotated[
        Path,
        typer.Argument(
            help="Build folder (queries its Oxigraph store) or graph file (.ttl, .jsonld, .nt)."
        ),
    ],
    query: Annotated[
        str,
        typer.Argument(
            help="SPARQL text, a .rq file, or a bundled query name (e.g. people_and_posts)."
        ),
    ],
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text (fits the terminal), csv, tsv or json (full).",
        ),
    ] = "text",
    bind: Annotated[
        list[str] | None,
        typer.Option(
            "--bind",
            "-b",
            help="name=value for a query variable (repeatable); <iri> for an IRI.",
        ),
    ] = None,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service",
            help="Allow federated SERVICE calls to other endpoints (refused by default).",
        ),
    ] = False,
) -> None:
    """Run a SPARQL query over GRAPH and print the result (prefixes kg, org, rdfs, skos,
    prov, dcterms, schema and rdf are pre-bound). Names bound with --bind match labels
    and altLabels, in simplified or traditional characters."""
    from kg.query import FORMATS, format_result, run_query

    try:
        if format not in FORMATS:
            raise QueryError(Errors.E203.format(fmt=format, choices=", ".join(FORMATS)))
        result = run_query(graph, query, bindings=parse_bindings(bind), allow_service=allow_service)
        output = format_result(result, format)
        width = terminal_width() if format == "text" else None
        if width is not None:  # a terminal: cut long cells to fit (csv/json/tsv stay full)
            output = fit_table(result.columns, result.rows, width)
    except KGError as exc:
        log.debug("kg query failed", exc_info=True)
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    typer.echo(output, nl=False)
