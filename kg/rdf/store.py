"""The persistent Oxigraph store (``OUT/store/``, RocksDB on disk).

Each source document's facts sit in the named graph named by the document's IRI
(``…/id/document/<id>``); facts that several documents support (an entity's type and
labels once resolution merged it, a relation found in two articles) and facts with no
source sit in the shared graph :data:`SHARED_GRAPH`; a file added with :func:`load_into`
gets a graph of its own. Every triple is in exactly one graph, so the union of the
named graphs, which queries see as their default graph, is exactly ``graph.ttl``.

The store also holds a small derived graph, :data:`DERIVED_GRAPH`, that ``graph.ttl``
does not: answers to questions about the whole graph that a query could only get by
reading all of it (see :func:`derive`). It is made again whenever the store is written
(fresh or updated) and after :func:`load_into`; the default-graph view is the union of
the named graphs, so a query sees ``graph.ttl`` plus those few derived triples.

Python users keep rdflib: :func:`open_graph` returns an ``rdflib`` dataset backed by the
store through ``oxrdflib``.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import logging
import os
import shutil
import tempfile
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kg.errors import Errors, QueryError
from kg.memory import cyclic_gc_paused
from kg.rdf.namespace import ID, KG, ORG, PROV, RDF

__all__ = [
    "DERIVED_GRAPH",
    "MANIFEST",
    "REVIEW_SIZE",
    "SHARED_GRAPH",
    "STORE_DIR",
    "derive",
    "find_store",
    "graph_quads",
    "load_into",
    "load_nquads",
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

#: Named graph of the derived triples (store only, never in ``graph.ttl``; :func:`derive`).
DERIVED_GRAPH = URIRef(f"{ID}graph/derived")

#: How many facts the review list (``kg:reviewRank``) holds: the shipped query
#: ``least_certain_facts`` lists that many rows.
REVIEW_SIZE = 200

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


#: In a store folder: what :func:`write_store` put there, per named graph a digest of
#: its N-Quads lines, and the store's files when it was done (a store written to since,
#: by ``kg load`` or a writable ``kg serve``, no longer matches and is not reused).
MANIFEST = "kg-graphs.json"
_MANIFEST_FORMAT = 1
#: Bytes of N-Quads held for the update of a reused store; past it the changed graphs'
#: lines are made again in a second pass instead of held (memory stays flat).
_HOLD_BYTES = 64 << 20
#: In a store folder: the shared graph's N-Quads lines as :func:`write_store` wrote them
#: (when they fit in :data:`_HOLD_BYTES`). The next update compares its lines with these
#: instead of reading the graph back from the store; used only when their digest is the
#: manifest's for that graph.
SHARED_LINES = "kg-shared.nq"


def write_store(
    result: Any,
    path: str | os.PathLike[str],
    *,
    previous: str | os.PathLike[str] | None = None,
    jobs: int = 1,
) -> Path:
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
    previous
        The store of the previous build (``OUT/current/store``), if any. When its
        manifest (:data:`MANIFEST`) shows it is as that build left it, it is copied
        (its immutable table files hard-linked) and only the named graphs whose lines
        changed are replaced, the graphs gone removed: the same quads as a store
        written from nothing, in a fraction of the time when few documents changed.
        Otherwise (or for an rdflib graph) the store is written from nothing.
    jobs
        Threads that load a store written from nothing (:func:`_load_all`); the same
        quads whatever the number.

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
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        digests: dict[str, str] | None = None
        if not isinstance(triples, table.TripleTable):
            _load_all(pyoxigraph.Store(str(tmp)), iter([_nquads(triples)]))
        else:
            old = _manifest(Path(previous)) if previous is not None else None
            # the lines and parsed quads are many small acyclic objects
            with cyclic_gc_paused():
                if old is None or not _copy_store(Path(previous), tmp):  # type: ignore[arg-type]
                    shutil.rmtree(tmp)
                    tmp.mkdir()
                    digests = _write_fresh(tmp, triples, jobs)
                else:
                    digests = _update(tmp, triples, old, Path(previous))  # type: ignore[arg-type]
        store = pyoxigraph.Store(str(tmp))
        derive(store)  # the derived graph, made again on the whole store
        store.flush()
        del store
        if digests is not None:
            _write_manifest(tmp, digests)
        old_dir = None
        if target.exists():
            old_dir = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.replace(target, old_dir)
        os.replace(tmp, target)
        if old_dir is not None:
            shutil.rmtree(old_dir, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.debug("wrote store %s", target)
    return target


def _load_all(store: pyoxigraph.Store, chunks: Iterator[bytes], threads: int = 1) -> None:
    """Bulk-load N-Quads chunks into ``store``, flush, optimise (compact) and close it.

    One bulk load per :data:`_BATCH` quads (the loader holds a whole batch in memory),
    streamed from the chunks; with ``threads > 1``, that many batches load at once, each
    in its own thread (Oxigraph loads a batch of bytes without the GIL, so the next batch
    is made meanwhile): about a third less time, a batch more memory per thread.
    """
    # lenient: the exporter only writes IRIs it percent-encoded itself (kg.rdf.iri)
    nquads = pyoxigraph.RdfFormat.N_QUADS
    per_batch = _BATCH // _LINES - 1
    batches = (itertools.chain([first], itertools.islice(chunks, per_batch)) for first in chunks)
    if threads < 2:
        for batch in batches:
            store.bulk_load(_ChunkReader(batch), nquads, lenient=True)
    else:
        with ThreadPoolExecutor(threads, thread_name_prefix="kg-store-load") as pool:
            loading: deque[Future] = deque()
            for batch in batches:
                data = b"".join(batch)
                loading.append(pool.submit(store.bulk_load, data, nquads, lenient=True))
                if len(loading) >= threads:
                    loading.popleft().result()
            for done in loading:
                done.result()
    store.flush()
    store.optimize()
    del store


def load_nquads(
    folder: str | os.PathLike[str], source: str | os.PathLike[str], *, threads: int = 1
) -> None:
    """Bulk-load the N-Quads file ``source`` into a new store at ``folder`` the way a
    build loads its own quads (:func:`_load_all`: batches of :data:`_BATCH` quads,
    ``threads`` at once), flushed and compacted.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "g.nq").write_text('<urn:a> <urn:b> "c" <urn:g> .\\n', encoding="utf-8")
    >>> load_nquads(tmp / "store", tmp / "g.nq", threads=2)
    >>> len(pyoxigraph.Store.read_only(str(tmp / "store")))
    1
    """

    def chunks() -> Iterator[bytes]:
        with open(source, "rb") as lines:
            while batch := list(itertools.islice(lines, _LINES)):
                yield b"".join(batch)

    _load_all(pyoxigraph.Store(str(folder)), chunks(), threads)


def _write_fresh(folder: Path, triples: Any, threads: int = 1) -> dict[str, str]:
    """A new store of the table's quads in ``folder`` (loaded by ``threads`` threads);
    the digest of each named graph."""
    from kg.rdf.table import graph_lines, utf8_chunks

    hashes: dict[str, Any] = {}
    shared, shared_lines = str(SHARED_GRAPH), _SharedLines()

    def lines() -> Iterator[str]:
        for owner, line in graph_lines(triples):
            digest = hashes.get(owner)
            if digest is None:
                digest = hashes[owner] = hashlib.blake2b(digest_size=16)
            data = line.encode("utf-8")
            digest.update(data)
            if owner == shared:
                shared_lines.add(data)
            yield line

    _load_all(pyoxigraph.Store(str(folder)), utf8_chunks(lines(), _LINES), threads)
    shared_lines.write(folder)
    return {owner: digest.hexdigest() for owner, digest in hashes.items()}


class _SharedLines:
    """The shared graph's lines, collected for :data:`SHARED_LINES` while they fit."""

    def __init__(self) -> None:
        self.lines: list[bytes] | None = []
        self.size = 0

    def add(self, data: bytes) -> None:
        if self.lines is not None:
            self.lines.append(data)
            self.size += len(data)
            if self.size > _HOLD_BYTES:
                self.lines = None

    def write(self, folder: Path) -> None:
        if self.lines is not None:
            (folder / SHARED_LINES).write_bytes(b"".join(self.lines))


def _kept_lines(previous: Path, digest: str) -> set[bytes] | None:
    """The shared graph's lines kept in the previous store, if their digest is ``digest``."""
    try:
        data = (previous / SHARED_LINES).read_bytes()
    except OSError:
        return None
    if hashlib.blake2b(data, digest_size=16).hexdigest() != digest:
        return None
    return set(data.splitlines(keepends=True))


def _update(folder: Path, triples: Any, old: dict[str, str], previous: Path) -> dict[str, str]:
    """Bring the copied store in ``folder`` to the table's quads: in each graph whose
    digest changed the quads gone are removed and the new ones added (a graph that
    changed keeps most of its quads: the shared graph when a document is added), the
    graphs gone are removed. The new digests."""
    from kg.rdf.table import graph_lines

    hashes: dict[str, Any] = {}
    held: dict[str, list[bytes]] | None = defaultdict(list)  # lines, encoded once
    shared, shared_lines = str(SHARED_GRAPH), _SharedLines()
    size = 0
    for owner, line in graph_lines(triples):
        digest = hashes.get(owner)
        if digest is None:
            digest = hashes[owner] = hashlib.blake2b(digest_size=16)
        data = line.encode("utf-8")
        digest.update(data)
        if owner == shared:
            shared_lines.add(data)
        if held is not None:
            held[owner].append(data)
            size += len(data)
            if size > _HOLD_BYTES:
                held = None  # too much to hold: the changed graphs are made again
    digests = {owner: digest.hexdigest() for owner, digest in hashes.items()}
    changed = {g for g, d in digests.items() if old.get(g) != d}
    if held is None:
        held = defaultdict(list)
        for owner, line in graph_lines(triples):
            if owner in changed:
                held[owner].append(line.encode("utf-8"))
    store = pyoxigraph.Store(str(folder))
    for name in sorted(set(old) - set(digests)):
        store.remove_graph(pyoxigraph.NamedNode(name))
    for name in sorted(changed):
        lines = held.pop(name)
        kept = _kept_lines(previous, old[name]) if name == shared and name in old else None
        if kept is not None:
            # the graph as the previous build wrote it: only the lines that differ are
            # parsed (one line per quad, so the quads gone and new are those lines')
            now = set(lines)
            for quad in sorted(_parse_lines(kept - now), key=str):
                store.remove(quad)
            store.extend(sorted(_parse_lines(now - kept), key=str))
            continue
        new = _parse_lines(lines)
        if name in old:
            there = set(store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(name)))
            gone = there - new
            new -= there
            for quad in sorted(gone, key=str):
                store.remove(quad)
        store.extend(sorted(new, key=str))
    store.flush()
    # not compacted whole again (most of an update's time): RocksDB compacts the few
    # new table files in the background as they add up
    del store
    shared_lines.write(folder)
    return digests


def _parse_lines(lines: Iterable[bytes]) -> set[pyoxigraph.Quad]:
    """The quads of N-Quads lines (each ending in a newline)."""
    return set(pyoxigraph.parse(b"".join(lines), pyoxigraph.RdfFormat.N_QUADS, lenient=True))


def _fingerprint(folder: Path) -> list[list[Any]]:
    """The store's files and their sizes (not RocksDB's info log or lock): any write
    to the store changes them."""
    skip = ("LOG", "LOCK", MANIFEST)
    return sorted(
        [entry.name, entry.stat().st_size]
        for entry in os.scandir(folder)
        if entry.is_file() and not entry.name.startswith(skip)
    )


def _write_manifest(folder: Path, digests: dict[str, str]) -> None:
    data = {
        "format": _MANIFEST_FORMAT,
        "graphs": dict(sorted(digests.items())),
        "files": _fingerprint(folder),
    }
    (folder / MANIFEST).write_text(json.dumps(data, indent=0, sort_keys=True), encoding="utf-8")


def _manifest(folder: Path) -> dict[str, str] | None:
    """The graph digests of the store in ``folder`` when it is as :func:`write_store`
    left it, else None."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") != _MANIFEST_FORMAT or data["files"] != _fingerprint(folder):
            return None
        graphs = data["graphs"]
        return graphs if isinstance(graphs, dict) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _copy_store(source: Path, folder: Path) -> bool:
    """Copy a closed store into the empty ``folder``: its table files (``*.sst``, never
    changed once written) as hard links, the rest as copies. False if it cannot."""
    try:
        for entry in os.scandir(source):
            skip = entry.name in (MANIFEST, SHARED_LINES) or entry.name.startswith("LOCK")
            if skip or not entry.is_file():
                continue
            dest = folder / entry.name
            if entry.name.endswith(".sst"):
                try:
                    os.link(entry.path, dest)
                    continue
                except OSError:
                    pass  # another file system: copied
            shutil.copy2(entry.path, dest)
    except OSError as err:
        log.debug("not reusing the store %s: %s", source, err)
        return False
    return True


def derive(store: pyoxigraph.Store) -> int:
    """Make the derived graph of ``store`` again from the rest of it; its size.

    The derived graph (:data:`DERIVED_GRAPH`) holds ``kg:reviewRank`` (1, 2, …) on the
    facts that the shipped query ``least_certain_facts`` lists, in the order of their
    first row: finding the lowest confidences reads every ``kg:confidence`` of the
    graph, so it is done once here instead of at every query (at 10 M triples, seconds
    instead of milliseconds). The query reads the ranks when they are there and does
    the whole review itself on a graph without them, with the same rows.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType, Provenance
    >>> p = Provenance("d1", "d1#a01", "王雷出席。", 0, 5)
    >>> G = build_graph([Entity("Person/王雷", EntityType.PERSON, "王雷", (), (p,))], [])
    >>> store = pyoxigraph.Store()
    >>> from kg.rdf import to_rdf
    >>> store.bulk_load(_nquads(to_rdf(G)), pyoxigraph.RdfFormat.N_QUADS)
    >>> derive(store), derive(store)  # made again, not added to
    (1, 1)
    """
    from kg.query.run import _PREFIXES, bundled_queries

    graph = pyoxigraph.NamedNode(str(DERIVED_GRAPH))
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    text = bundled_queries()["least_certain_facts"]
    facts: dict[Any, None] = {}
    for row in store.query(text, prefixes=_PREFIXES, use_default_graph_as_union=True):
        facts.setdefault(row["fact"], None)
    rank = pyoxigraph.NamedNode(str(KG.reviewRank))
    integer = pyoxigraph.NamedNode(_INTEGER)
    store.extend(
        pyoxigraph.Quad(fact, rank, pyoxigraph.Literal(str(n), datatype=integer), graph)
        for n, fact in enumerate(facts, 1)
    )
    return len(facts)


_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


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
    found = find_store(out_dir)
    if found is not None:  # the next build writes this store anew (not reused)
        (found / MANIFEST).unlink(missing_ok=True)
    store = open_store(out_dir, read_only=False)
    if store.contains_named_graph(target):
        store.remove_graph(target)
    store.extend(quads)  # one transaction: all of the file or nothing
    derive(store)  # the added facts may change the review list
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
