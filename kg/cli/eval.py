"""``kg eval GRAPH GOLD...``: score an exported graph against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.cli._console import EXIT_USAGE, warn
from kg.errors import KGError

__all__ = ["command", "graph_documents", "restrict_to_document"]


def graph_documents(graph) -> list[str]:
    """The ids (``dcterms:identifier``) of the documents an exported kg graph holds."""
    from rdflib import RDF, Literal
    from rdflib.namespace import DCTERMS

    from kg.eval.predicted import local_name

    ids = set()
    for node, cls in graph.subject_objects(RDF.type):
        if local_name(cls) == "Document":
            ids.update(
                str(v) for v in graph.objects(node, DCTERMS.identifier) if isinstance(v, Literal)
            )
    return sorted(ids)


def restrict_to_document(graph, document_id: str):
    """The graph model of ``graph`` keeping only facts one document supports.

    An entity stays when a mention is in the document; a relation when one of its
    evidence sentences is, and both ends stay.
    """
    from kg.rdf import from_rdf

    G = from_rdf(graph)
    keep = [
        n
        for n, d in G.nodes(data=True)
        if any(p.get("document_id") == document_id for p in d.get("provenance") or ())
    ]
    H = G.subgraph(keep).copy()
    for head, tail, key, data in list(H.edges(keys=True, data=True)):
        if not any(p.get("document_id") == document_id for p in data.get("evidence") or ()):
            H.remove_edge(head, tail, key)
    return H


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
    document: Annotated[
        str | None,
        typer.Option(
            "--document",
            "-d",
            metavar="ID",
            help="Score only the facts document ID supports (a corpus build; ID = file stem).",
        ),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose/--no-verbose", "-v", help="List misses, spurious items, type/role errors."
        ),
    ] = False,
    json_output: Annotated[
        bool, typer.Option("--json/--no-json", help="Print the report as JSON (details with -v).")
    ] = False,
    role_match: Annotated[
        str,
        typer.Option(
            "--role-match",
            help="memberOf+role: 'exact' (same posts) or 'contains' (one post set in the other).",
        ),
    ] = "exact",
    cross_document: Annotated[
        bool,
        typer.Option(
            "--cross-document",
            help="GRAPH was built from all the GOLD files' documents together: also count "
            "duplicate nodes across documents (two or more nodes standing for one gold thing, "
            "gold files pooled by canonical name; an alias names a thing only for a node read "
            "in that thing's documents; rules in kg.eval.crossdoc). make eval prints it for "
            "the whole dev set.",
        ),
    ] = False,
) -> None:
    """Score GRAPH against GOLD: precision, recall and F1 per entity type and relation.

    The graph should be built from the document(s) the gold files describe (a gold
    file's stem names its document). On a corpus build, kg warns which documents the
    gold does not cover; --document ID scores one document's facts.

    Exit status: 0 on success, 2 when a file is missing or malformed, or ID is not a
    document of GRAPH.
    """
    if role_match not in ("exact", "contains"):
        typer.echo(
            f"error: --role-match must be 'exact' or 'contains', not {role_match!r}", err=True
        )
        raise typer.Exit(EXIT_USAGE)
    from kg.eval import facts_from_networkx, facts_from_rdf, load_gold, load_graph, pool_gold, score
    from kg.eval.crossdoc import cross_document_duplicates

    try:
        golds = [load_gold(path) for path in gold]
        data = load_graph(graph)
    except KGError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    documents = graph_documents(data)
    covered = {path.stem for path in gold}
    if document is not None:
        if document not in documents:
            shown = ", ".join(documents) or "none"
            typer.echo(
                f"error: {graph} has no document {document!r} (documents: {shown})", err=True
            )
            raise typer.Exit(EXIT_USAGE)
        if document not in covered:
            warn(
                f"document {document} is not one the gold files name ({', '.join(sorted(covered))})"
            )
        predicted = facts_from_networkx(restrict_to_document(data, document), source=str(graph))
    else:
        uncovered = [d for d in documents if d not in covered]
        if uncovered and len(documents) > 1:
            warn(
                f"{graph} holds {len(documents)} documents; the gold covers "
                f"{len(documents) - len(uncovered)}. Not covered: {', '.join(uncovered)}. "
                "Their facts count as spurious; use --document ID to score one document."
            )
        predicted = facts_from_rdf(data, source=str(graph))
    report = score(predicted, pool_gold(golds), role_match=role_match)
    across = None
    if cross_document:  # the whole graph carries the provenance the check uses
        across = cross_document_duplicates(predicted if document else data, golds)
    if json_output:
        payload = report.to_dict(details=verbose)
        if across is not None:
            payload["cross_document_duplicates"] = sum(d.extra for d in across)
            if verbose:
                payload["cross_document_details"] = [
                    {"name": d.name, "documents": list(d.documents), "nodes": list(d.nodes)}
                    for d in across
                ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(report.format_table())
    if across is not None:
        typer.echo(f"cross-document duplicates: {sum(d.extra for d in across)}")
    if verbose:
        typer.echo("")
        typer.echo(report.format_details())
        if across is not None:
            typer.echo(f"duplicates across documents: {len(across)}")
            for d in across:
                typer.echo(f"  {d.describe()}")
