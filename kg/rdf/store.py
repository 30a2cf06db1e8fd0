"""The persistent Oxigraph store (``OUT/store/``, RocksDB on disk).

Each source document's facts sit in the named graph named by the document's IRI
(``…/id/document/<id>``); facts that several documents support (an entity's type and
labels once resolution merged it, a relation found in two articles) and facts with no
source sit in the shared graph :data:`SHARED_GRAPH`; a file added with :func:`load_into`
gets a graph of its own. Every triple is in exactly one graph, so the union of the
named graphs, which queries see as their default graph, is exactly ``graph.ttl``.

Python users keep rdflib: :func:`open_graph` returns an ``rdflib`` dataset backed by the
store through ``oxrdflib``.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kg.errors import Errors, QueryError
from kg.rdf.namespace import ID, KG, ORG, PROV, RDF

__all__ = [
    "SHARED_GRAPH",
    "STORE_DIR",
    "find_store",
    "graph_quads",
    "load_into",
    "open_graph",
    "open_store",
    "oxigraph_format",
    "write_store",
]

log = logging.getLogger(__name__)

#: Name of the store folder inside a build's output folder.
STORE_DIR = "store"

#: Named graph of the facts no single document owns.
SHARED_GRAPH = URIRef(f"{ID}graph/shared")

_FORMATS = {
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".turtle": pyoxigraph.RdfFormat.TURTLE,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
    ".json": pyoxigraph.RdfFormat.JSON_LD,
    ".rdf": pyoxigraph.RdfFormat.RDF_XML,
    ".owl": pyoxigraph.RdfFormat.RDF_XML,
    ".xml": pyoxigraph.RdfFormat.RDF_XML,
    ".n3": pyoxigraph.RdfFormat.N3,
}


def oxigraph_format(path: str | os.PathLike[str]) -> pyoxigraph.RdfFormat:
    """Oxigraph's format for an RDF file, from its suffix (Turtle when unknown)."""
    return _FORMATS.get(Path(path).suffix.lower(), pyoxigraph.RdfFormat.TURTLE)


def graph_quads(graph: Graph) -> Iterator[tuple[Node, Node, Node, URIRef]]:
    """The triples of an exported graph, each with the named graph it belongs in.

    A triple about a sentence, an article or a document, a mention and a piece of
    evidence belong to that one document; an entity, statement, membership or role (and
    a direct relation edge, through its statement) to the documents of its mentions or
    evidence. One document → its graph; several or none → :data:`SHARED_GRAPH`.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.rdf import to_rdf
    >>> from kg.types import Entity, EntityType, Provenance
    >>> p = Provenance("d1", "d1#a01", "王雷出席。", 0, 5)
    >>> g = to_rdf(build_graph([Entity("Person/王雷", EntityType.PERSON, "王雷", (), (p,))], []))
    >>> sorted({str(q[3]).rsplit("/", 1)[-1] for q in graph_quads(g)})
    ['d1']
    """
    article_doc: dict[Node, Node] = dict(graph.subject_objects(KG.inDocument))
    documents = set(graph.subjects(RDF.type, KG.Document))
    sentence_doc: dict[Node, Node] = {}
    for sentence, article in graph.subject_objects(KG.inArticle):
        if article in article_doc:
            sentence_doc[sentence] = article_doc[article]
    docs: defaultdict[Node, set[Node]] = defaultdict(set)
    for prop in (KG.mentionedIn, PROV.wasDerivedFrom):
        for node, sentence in graph.subject_objects(prop):
            if sentence in sentence_doc:
                docs[node].add(sentence_doc[sentence])
    for prop in (ORG.role, KG.role):
        for node, role in graph.subject_objects(prop):
            docs[role] |= docs.get(node, set())
    parts: defaultdict[Node, dict[URIRef, Node]] = defaultdict(dict)
    for prop in (RDF.subject, RDF.predicate, RDF.object):
        for stmt, value in graph.subject_objects(prop):
            parts[stmt][prop] = value
    edge_docs: dict[tuple[Node, Node, Node], set[Node]] = {}
    for stmt, spo in parts.items():
        if len(spo) == 3:
            edge_docs[(spo[RDF.subject], spo[RDF.predicate], spo[RDF.object])] = docs.get(
                stmt, set()
            )

    for s, p, o in graph:
        if p == KG.mentionedIn or p == PROV.wasDerivedFrom:
            owners = {sentence_doc[o]} if o in sentence_doc else docs.get(s, set())
        elif s in sentence_doc:
            owners = {sentence_doc[s]}
        elif s in article_doc:
            owners = {article_doc[s]}
        elif s in documents:
            owners = {s}
        elif (s, p, o) in edge_docs:
            owners = edge_docs[(s, p, o)]
        else:
            owners = docs.get(s, set())
        name = next(iter(owners)) if len(owners) == 1 else SHARED_GRAPH
        yield s, p, o, name  # type: ignore[misc]


def _nquads(graph: Graph) -> bytes:
    from kg.rdf.writer import _term_nt

    cache: dict[Node, str] = {}

    def term(node: Node) -> str:
        text = cache.get(node)
        if text is None:
            text = cache[node] = _term_nt(node)
        return text

    lines = [f"{term(s)} {term(p)} {term(o)} {term(g)} .\n" for s, p, o, g in graph_quads(graph)]
    return "".join(lines).encode("utf-8")


def write_store(result: Any, path: str | os.PathLike[str]) -> Path:
    """Write the Oxigraph store of a build into the new folder ``path``.

    Parameters
    ----------
    result
        A :class:`kg.pipeline.BuildResult`, a graph model (``networkx.MultiDiGraph``)
        or an rdflib graph made by :func:`kg.rdf.to_rdf`.
    path
        The store folder (``OUT/store``). It is built beside, under a temporary name,
        and renamed into place, so an interrupted write leaves the old store usable.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    import networkx as nx

    from kg.rdf.export import to_rdf

    model = result if isinstance(result, Graph | nx.MultiDiGraph) else result.graph
    graph = model if isinstance(model, Graph) else to_rdf(model)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        store = pyoxigraph.Store(str(tmp))
        store.bulk_load(_nquads(graph), pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        store.optimize()
        del store
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.debug("wrote store %s: %d triples", target, len(graph))
    return target


def _is_store(path: Path) -> bool:
    return path.is_dir() and (path / "CURRENT").is_file()


def find_store(path: str | os.PathLike[str]) -> Path | None:
    """The store of a build folder (``OUT/store``), or ``path`` itself if it is one."""
    folder = Path(path)
    for candidate in (folder / STORE_DIR, folder):
        if _is_store(candidate):
            return candidate
    return None


def open_store(path: str | os.PathLike[str], *, read_only: bool = True) -> pyoxigraph.Store:
    """Open the store of build folder ``path`` (or a store folder).

    Read-only stores can be opened by many processes at once.

    Raises
    ------
    kg.errors.QueryError
        [E209] there is no store there, or it cannot be opened.
    """
    found = find_store(path)
    if found is None:
        raise QueryError(Errors.E209.format(path=path, reason="no Oxigraph store there"))
    try:
        return pyoxigraph.Store.read_only(str(found)) if read_only else pyoxigraph.Store(str(found))
    except OSError as exc:
        raise QueryError(Errors.E209.format(path=found, reason=exc)) from exc


def load_into(
    source: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    graph: str | None = None,
) -> tuple[URIRef, int]:
    """Add an RDF file to a build's store as a named graph (replacing that graph).

    Parameters
    ----------
    source
        An RDF file (Turtle, N-Triples, JSON-LD, RDF/XML, ...; format from the suffix).
    out_dir
        The build folder (or the store folder).
    graph
        The graph IRI; default ``…/id/graph/loaded/<file name>``.

    Returns
    -------
    (graph IRI, number of triples now in it)

    Raises
    ------
    kg.errors.QueryError
        [E202] the file cannot be parsed (the store is left unchanged), [E209] no store.
    """
    from urllib.parse import quote

    path = Path(source)
    if not path.is_file():
        raise QueryError(Errors.E202.format(path=path, reason="no such file"))
    name = URIRef(graph or f"{ID}graph/loaded/{quote(path.name, safe='')}")
    try:
        target = pyoxigraph.NamedNode(str(name))
    except ValueError as exc:
        raise QueryError(Errors.E206.format(value=graph, reason=exc)) from exc
    try:
        quads = [
            pyoxigraph.Quad(q.subject, q.predicate, q.object, target)
            for q in pyoxigraph.parse(path=str(path), format=oxigraph_format(path))
        ]
    except (SyntaxError, ValueError, OSError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(Errors.E202.format(path=path, reason=reason)) from exc
    store = open_store(out_dir, read_only=False)
    if store.contains_named_graph(target):
        store.remove_graph(target)
    store.extend(quads)  # one transaction: all of the file or nothing
    store.flush()
    count = sum(1 for _ in store.quads_for_pattern(None, None, None, target))
    return name, count


def open_graph(path: str | os.PathLike[str], *, read_only: bool = True) -> Dataset:
    """An rdflib graph backed by the store of build folder ``path`` (via oxrdflib).

    Its default graph is the union of the named graphs, so rdflib code sees the same
    triples as in ``graph.ttl`` and its SPARQL runs on Oxigraph.

    Examples
    --------
    >>> import tempfile
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType, Provenance
    >>> from kg.rdf.namespace import KG, RDF
    >>> p = Provenance("d1", "d1#a01", "王雷出席。", 0, 5)
    >>> G = build_graph([Entity("Person/王雷", EntityType.PERSON, "王雷", (), (p,))], [])
    >>> out = tempfile.mkdtemp()
    >>> _ = write_store(G, f"{out}/store")
    >>> g = open_graph(out)
    >>> len(list(g.subjects(RDF.type, KG.Person)))
    1
    """
    from oxrdflib import OxigraphStore

    from kg.rdf.export import new_graph

    store = open_store(path, read_only=read_only)
    dataset = Dataset(store=OxigraphStore(store=store), default_union=True)
    for prefix, namespace in new_graph().namespaces():
        dataset.bind(prefix, namespace)
    return dataset
