"""Run SPARQL over an exported graph, with user values passed only as bindings."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node, Variable

from kg.errors import Errors, QueryError
from kg.rdf.load import parse_graph_file
from kg.rdf.namespace import PREFIXES

__all__ = ["QueryResult", "bundled_queries", "load_query", "run_query"]

log = logging.getLogger(__name__)

_VARNAME = re.compile(r"^[^\W\d]\w*$")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A query's answer as plain strings.

    ``columns`` are the projected variable names (without ``?``); each row has one string
    per column, ``""`` where the variable is unbound. IRIs are given in full, literals by
    their lexical form. ASK gives one column ``ask`` (``"true"``/``"false"``); CONSTRUCT
    and DESCRIBE give ``subject``, ``predicate``, ``object`` rows.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)

    def as_dicts(self) -> list[dict[str, str]]:
        """One ``{column: value}`` dict per row."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def bundled_queries() -> dict[str, str]:
    """The example queries shipped in ``kg/queries``, name (without ``.rq``) → text."""
    folder = resources.files("kg") / "queries"
    out: dict[str, str] = {}
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.name.endswith(".rq"):
                out[entry.name[:-3]] = entry.read_text(encoding="utf-8")
    return dict(sorted(out.items()))


def load_query(query: str | os.PathLike[str]) -> str:
    """SPARQL text from a query string, a ``.rq`` file, or a bundled query's name.

    A :class:`~pathlib.Path`, or a string without whitespace or ``{``, names a file: an existing
    file is read; otherwise a bundled query of that name (``people_and_posts`` or
    ``people_and_posts.rq``) is used. Any other string is the SPARQL text itself.

    Raises
    ------
    kg.errors.QueryError
        [E207] the file cannot be read or no bundled query has that name.
    """
    if isinstance(query, str) and _looks_like_sparql(query):
        return query
    path = Path(query).expanduser()
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(Errors.E207.format(path=path, reason=exc)) from exc
    bundled = bundled_queries()
    name = path.name.removesuffix(".rq")
    if name in bundled and str(path.parent) == ".":
        return bundled[name]
    names = ", ".join(bundled) or "none"
    reason = f"no such file (bundled queries: {names})"
    raise QueryError(Errors.E207.format(path=path, reason=reason))


def _looks_like_sparql(text: str) -> bool:
    stripped = text.strip()
    return not stripped or "{" in stripped or any(c.isspace() for c in stripped)


def _as_graph(graph: str | os.PathLike[str] | Graph) -> Graph:
    if isinstance(graph, Graph):
        return graph
    return parse_graph_file(graph)


def _as_bindings(bindings: Mapping[str, str | Node] | None, text: str) -> dict[Variable, Node]:
    out: dict[Variable, Node] = {}
    for raw_name, value in (bindings or {}).items():
        name = str(raw_name).lstrip("?$")
        if not _VARNAME.match(name):
            raise QueryError(
                Errors.E206.format(value=raw_name, reason="not a SPARQL variable name")
            )
        if not re.search(rf"[?$]{re.escape(name)}\b", text):
            log.warning("binding ?%s is not used by the query", name)
        out[Variable(name)] = value if isinstance(value, Node) else Literal(str(value))
    return out


def _cell(value: Node | None) -> str:
    return "" if value is None else str(value)


def run_query(
    graph: str | os.PathLike[str] | Graph,
    sparql: str | os.PathLike[str],
    *,
    bindings: Mapping[str, str | Node] | None = None,
) -> QueryResult:
    """Run a SPARQL query over a graph file or an rdflib graph.

    Parameters
    ----------
    graph
        Path of an RDF file (``.ttl``, ``.jsonld``, ``.nt``, ...) or an rdflib graph.
    sparql
        Query text, a ``.rq`` file, or a bundled query name (see :func:`load_query`).
        The prefixes ``kg org rdf rdfs skos prov dcterms schema xsd owl`` are pre-bound.
    bindings
        Values for query variables (name with or without ``?``). A ``str`` becomes a plain
        literal, an rdflib term is used as is. Values are passed to rdflib as
        ``initBindings``, never spliced into the query text.

    Returns
    -------
    QueryResult

    Raises
    ------
    kg.errors.QueryError
        [E201] the query does not parse (updates are refused), [E202] the graph file
        cannot be read, [E206] a binding name is not a variable name, [E207] the query
        file cannot be read, [E208] evaluation failed.

    Examples
    --------
    >>> from kg.rdf.export import new_graph
    >>> g = new_graph()
    >>> run_query(g, "ASK { ?s ?p ?o }").rows
    (('false',),)
    >>> run_query(g, "SELECT ?x WHERE {}", bindings={"x": "西安"}).rows
    (('西安',),)
    """
    text = load_query(sparql)
    try:
        prepared = prepareQuery(text, initNs=dict(PREFIXES))
    except Exception as exc:  # pyparsing and rdflib raise various exception types
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(Errors.E201.format(reason=reason)) from exc
    init = _as_bindings(bindings, text)
    data = _as_graph(graph)
    try:
        result = data.query(prepared, initBindings=init)
        if result.type == "ASK":
            return QueryResult(("ask",), (("true" if result.askAnswer else "false",),))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            triples = sorted(tuple(str(t) for t in triple) for triple in (result.graph or Graph()))
            return QueryResult(("subject", "predicate", "object"), tuple(triples))
        columns = tuple(str(v) for v in result.vars or ())
        rows = tuple(tuple(_cell(v) for v in row) for row in result)  # type: ignore[union-attr]
    except QueryError:
        raise
    except Exception as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(Errors.E208.format(reason=reason)) from exc
    log.debug("query returned %d rows", len(rows))
    return QueryResult(columns, rows)
