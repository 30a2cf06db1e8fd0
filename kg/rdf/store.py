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

import io
import itertools
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
    triples = list(graph)
    names = {str(SHARED_GRAPH): SHARED_GRAPH}
    for (s, p, o), owner in zip(triples, _owners(triples, str), strict=True):
        name = names.get(owner)
        if name is None:
            name = names[owner] = URIRef(owner)
        yield s, p, o, name  # type: ignore[misc]


_MENTION = (str(KG.mentionedIn), str(PROV.wasDerivedFrom))
_ROLE = (str(ORG.role), str(KG.role))
_PARTS = {str(RDF.subject): 0, str(RDF.predicate): 1, str(RDF.object): 2}
_IN_DOCUMENT, _IN_ARTICLE = str(KG.inDocument), str(KG.inArticle)
_TYPE, _DOCUMENT = str(RDF.type), str(KG.Document)


def _owners(triples: list[tuple[Any, Any, Any]], key: Any) -> list[str]:
    """The graph of each triple (see :func:`graph_quads`), as ``key(term)`` strings.

    ``key`` maps a term to a string that identifies it (its IRI, its N-Triples text);
    literals only need to be told apart from IRIs, so every key is computed once.
    """
    keys: dict[Any, str] = {}

    def k(term: Any) -> str:
        text = keys.get(term)
        if text is None:
            text = keys[term] = key(term)
        return text

    rows = [(k(s), str(p), o) for s, p, o in triples]  # predicates compared as IRIs
    article_doc: dict[str, str] = {}
    sentence_article: dict[str, str] = {}
    documents: set[str] = set()
    links: list[tuple[str, str]] = []  # (node, sentence) of mentions and evidence
    roles: list[tuple[str, str]] = []  # (node, role)
    parts: defaultdict[str, list[str | None]] = defaultdict(lambda: [None, None, None])
    for s, p, o in rows:
        if p == _IN_DOCUMENT:
            article_doc[s] = k(o)
        elif p == _IN_ARTICLE:
            sentence_article[s] = k(o)
        elif p in _MENTION:
            links.append((s, k(o)))
        elif p in _ROLE:
            roles.append((s, k(o)))
        elif p in _PARTS:
            parts[s][_PARTS[p]] = k(o)
        elif p == _TYPE and str(o) == _DOCUMENT:
            documents.add(s)
    sentence_doc = {s: article_doc[a] for s, a in sentence_article.items() if a in article_doc}
    docs: defaultdict[str, set[str]] = defaultdict(set)
    for node, sentence in links:
        if sentence in sentence_doc:
            docs[node].add(sentence_doc[sentence])
    for node, role in roles:
        docs[role] |= docs.get(node, set())
    edge_docs = {
        (spo[0], spo[1], spo[2]): docs.get(stmt, set())
        for stmt, spo in parts.items()
        if None not in spo
    }
    shared, empty = key(SHARED_GRAPH), frozenset()
    out: list[str] = []
    for (s, p, _o), (_s, _p, obj) in zip(rows, triples, strict=True):
        if p in _MENTION:
            o_key = k(obj)
            owners = {sentence_doc[o_key]} if o_key in sentence_doc else docs.get(s, empty)
        elif s in sentence_doc:
            owners = {sentence_doc[s]}
        elif s in article_doc:
            owners = {article_doc[s]}
        elif s in documents:
            owners = {s}
        else:
            edge = edge_docs.get((s, k(_p), k(obj))) if edge_docs else None
            owners = edge if edge is not None else docs.get(s, empty)
        out.append(next(iter(owners)) if len(owners) == 1 else shared)
    return out


def _nquads(graph: Graph) -> bytes:
    from kg.rdf.writer import _term_nt

    triples = list(graph)
    cache: dict[Node, str] = {}

    def term(node: Node) -> str:
        text = cache.get(node)
        if text is None:
            text = cache[node] = _term_nt(node)
        return text

    owners = _owners(triples, term)
    lines = [
        f"{term(s)} {term(p)} {term(o)} {g} .\n"
        for (s, p, o), g in zip(triples, owners, strict=True)
    ]
    return "".join(lines).encode("utf-8")


_LINES = 8192
#: Quads per ``bulk_load`` call: Oxigraph's bulk loader keeps its whole input batch (up
#: to a million quads) in memory, so a big store is loaded in several calls.
_BATCH = 200_000


class _ChunkReader(io.RawIOBase):
    """A binary file that reads an iterator of byte chunks (streamed to ``bulk_load``)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._rest = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not len(self._rest):
            try:
                self._rest = memoryview(next(self._chunks))
            except StopIteration:
                return 0
        n = min(len(buffer), len(self._rest))
        buffer[:n] = self._rest[:n]
        self._rest = self._rest[n:]
        return n


def write_store(result: Any, path: str | os.PathLike[str]) -> Path:
    """Write the Oxigraph store of a build into the new folder ``path``.

    Parameters
    ----------
    result
        A :class:`kg.pipeline.BuildResult`, a graph model (``networkx.MultiDiGraph``),
        its :class:`kg.rdf.table.TripleTable` or an rdflib graph made by
        :func:`kg.rdf.to_rdf`. The N-Quads are written straight from the model (no
        rdflib graph) and bulk-loaded.
    path
        The store folder (``OUT/store``). It is built beside, under a temporary name,
        and renamed into place, so an interrupted write leaves the old store usable.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    import networkx as nx

    from kg.rdf import table

    if isinstance(result, table.TripleTable | Graph):
        triples = result
    else:
        model = result if isinstance(result, nx.MultiDiGraph) else result.graph
        triples = table.model_table(model)
    if isinstance(triples, table.TripleTable):
        chunks = table.nquad_chunks(triples, lines=_LINES)
    else:
        chunks = iter([_nquads(triples)])
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        store = pyoxigraph.Store(str(tmp))
        # lenient: the exporter only writes IRIs it percent-encoded itself (kg.rdf.iri)
        # one bulk load per _BATCH quads: the loader holds a whole batch in memory
        for first in chunks:
            batch = itertools.chain([first], itertools.islice(chunks, _BATCH // _LINES - 1))
            store.bulk_load(_ChunkReader(batch), pyoxigraph.RdfFormat.N_QUADS, lenient=True)
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
    log.debug("wrote store %s", target)
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
