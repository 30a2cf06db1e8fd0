"""Run SPARQL on Oxigraph over a build's store or a graph file, with values bound safely.

Sources: a build folder (its ``store/``, opened read-only: no re-parse), a store folder,
an RDF file (loaded once into a temporary in-memory store), an rdflib graph or a
``pyoxigraph.Store``. The default graph is the union of the store's named graphs.

User values never enter the query text as typed: each becomes an RDF term that Oxigraph
serialises, placed in a ``VALUES`` block that opens the query's ``WHERE`` group (see
:mod:`kg.query.text`). pyoxigraph's ``substitutions`` were tried first; they only work
for projected variables and are joined after the FILTERs, so ``FILTER(?x = …)``
would not see them.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import Errors, QueryError
from kg.query.text import analyse, with_values
from kg.rdf.namespace import PREFIXES

__all__ = ["QueryResult", "bundled_queries", "load_query", "name_variants", "run_query"]

log = logging.getLogger(__name__)

_VARNAME = re.compile(r"^[^\W\d]\w*$|^\d\w*$")
_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


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


def _store_of(graph: str | os.PathLike[str] | Graph | pyoxigraph.Store) -> pyoxigraph.Store:
    from kg.rdf.store import find_store, open_store, oxigraph_format

    if isinstance(graph, pyoxigraph.Store):
        return graph
    if isinstance(graph, Graph):
        inner = getattr(graph.store, "_inner", None)  # an oxrdflib-backed graph
        if isinstance(inner, pyoxigraph.Store):
            return inner
        store = pyoxigraph.Store()
        data = graph.serialize(format="nt", encoding="utf-8")
        store.bulk_load(data, pyoxigraph.RdfFormat.N_TRIPLES)
        return store
    path = Path(graph)
    if path.is_dir():
        if find_store(path) is None and (path / "graph.ttl").is_file():
            path = path / "graph.ttl"  # a build folder written without a store
        else:
            return open_store(path)
    if not path.is_file():
        raise QueryError(Errors.E202.format(path=path, reason="no such file"))
    store = pyoxigraph.Store()
    try:
        store.bulk_load(path=str(path), format=oxigraph_format(path))
    except (SyntaxError, ValueError, OSError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(Errors.E202.format(path=path, reason=reason)) from exc
    return store


@functools.cache
def _converters() -> tuple:
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def name_variants(value: str) -> list[str]:
    """``value``, its simplified and its traditional form (OpenCC), without repeats.

    Examples
    --------
    >>> name_variants("西安市總工會")
    ['西安市總工會', '西安市总工会']
    >>> name_variants("王雷")
    ['王雷']
    """
    t2s, s2t = _converters()
    out: dict[str, None] = {value: None}
    out.setdefault(t2s.convert(value), None)
    out.setdefault(s2t.convert(value), None)
    return list(out)


_LABELLED = "SELECT DISTINCT ?name WHERE { ?thing rdfs:label|skos:altLabel ?name }"


def _ox_term(value: Node | str) -> pyoxigraph.NamedNode | pyoxigraph.Literal:
    if isinstance(value, URIRef):
        return pyoxigraph.NamedNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return pyoxigraph.Literal(str(value), language=value.language)
        if value.datatype:
            return pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode(value.datatype))
        return pyoxigraph.Literal(str(value))
    if isinstance(value, Node):
        raise ValueError(f"cannot bind a {type(value).__name__}")
    return pyoxigraph.Literal(str(value))


def _name_terms(store: pyoxigraph.Store, value: str, union: bool) -> list[str]:
    """The labels ``value`` names in the graph, as terms; else ``value`` as a literal.

    A name given as text matches an ``rdfs:label`` or ``skos:altLabel`` written in
    simplified or traditional characters; the variable is then bound to those label
    terms themselves (``"西安市总工会"@zh``), so a query can look them up directly
    (``?u rdfs:label|skos:altLabel ?union_name``) or compare with ``STR()``.
    """
    variants = name_variants(value)
    terms = [str(pyoxigraph.Literal(v, language="zh")) for v in variants]
    terms += [str(pyoxigraph.Literal(v)) for v in variants]
    text = with_values(analyse(_LABELLED), {"name": terms})
    found = [
        str(row["name"])
        for row in store.query(text, prefixes=_PREFIXES, use_default_graph_as_union=union)
    ]
    return sorted(found, key=terms.index) or [str(pyoxigraph.Literal(value))]


def _values(
    store: pyoxigraph.Store,
    bindings: Mapping[str, str | Node] | None,
    variables: tuple[str, ...],
    union: bool,
) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for raw_name, value in (bindings or {}).items():
        name = str(raw_name).lstrip("?$")
        if not _VARNAME.match(name):
            raise QueryError(
                Errors.E206.format(value=raw_name, reason="not a SPARQL variable name")
            )
        if name not in variables:
            listed = ", ".join(f"?{v}" for v in variables) or "none"
            raise QueryError(Errors.E210.format(name=name, variables=listed))
        try:
            if isinstance(value, Node):
                out[name] = [str(_ox_term(value))]
            else:
                out[name] = _name_terms(store, str(value), union)
        except ValueError as exc:
            raise QueryError(Errors.E206.format(value=value, reason=exc)) from exc
    return out


def _cell(value: object) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def run_query(
    graph: str | os.PathLike[str] | Graph | pyoxigraph.Store,
    sparql: str | os.PathLike[str],
    *,
    bindings: Mapping[str, str | Node] | None = None,
    allow_service: bool = False,
) -> QueryResult:
    """Run a SPARQL query on Oxigraph.

    Parameters
    ----------
    graph
        A build folder (queries its ``store/``), a store folder, an RDF file (``.ttl``,
        ``.jsonld``, ``.nt``, ...; loaded into a temporary store), an rdflib graph or a
        ``pyoxigraph.Store``.
    sparql
        Query text, a ``.rq`` file, or a bundled query name (see :func:`load_query`).
        The prefixes ``kg org rdf rdfs skos prov dcterms schema xsd owl`` are pre-bound.
    bindings
        Values for query variables (name with or without ``?``). A ``str`` is a name: it
        is bound to the label or altLabel terms it matches, in simplified or traditional
        characters (see :func:`name_variants`), or else to itself as a plain literal;
        queries compare names with ``STR()``. An rdflib term is bound as is. Values are
        never pasted into the query text.
    allow_service
        Allow federated ``SERVICE`` calls to other endpoints (refused by default).

    Returns
    -------
    QueryResult

    Raises
    ------
    kg.errors.QueryError
        [E201] the query does not parse (updates and ``LOAD`` are refused), [E202] the
        graph file cannot be read, [E206] a bad binding, [E207] the query file cannot be
        read, [E208] evaluation failed, [E209] no store, [E210] a binding names no
        variable of the query, [E211] ``SERVICE`` without ``allow_service``.

    Examples
    --------
    >>> from kg.rdf.export import new_graph
    >>> g = new_graph()
    >>> run_query(g, "ASK { ?s ?p ?o }").rows
    (('false',),)
    >>> run_query(g, "SELECT ?x WHERE {}", bindings={"x": "西安"}).rows
    (('西安',),)
    """
    query = analyse(load_query(sparql))
    if query.service and not allow_service:
        raise QueryError(Errors.E211)
    store = _store_of(graph)
    union = True
    values = _values(store, bindings, query.variables, union)
    text = with_values(query, values)
    try:
        result = store.query(text, prefixes=_PREFIXES, use_default_graph_as_union=union)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return QueryResult(("ask",), (("true" if bool(result) else "false",),))
        if isinstance(result, pyoxigraph.QueryTriples):
            triples = sorted(tuple(_cell(t) for t in triple) for triple in result)
            return QueryResult(("subject", "predicate", "object"), tuple(triples))
        columns = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_cell(v) for v in solution) for solution in result)
    except SyntaxError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(Errors.E201.format(reason=reason)) from exc
    except (OSError, RuntimeError, ValueError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(Errors.E208.format(reason=reason)) from exc
    log.debug("query returned %d rows", len(rows))
    return QueryResult(columns, rows)
