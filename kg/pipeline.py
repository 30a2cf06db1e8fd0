"""The whole build as a parallel map and one reduce (files: :mod:`kg.output`).

* **map**, per document, in worker processes that each load the pipeline once: read →
  ingest → nlp → extract, giving a compact :class:`~kg.cache.DocumentAnalysis` (mentions,
  relation mentions and the sentences that hold them, no text and no Doc), cached under
  ``OUT/.kg-cache/`` by content hash and pipeline version;
* **reduce**, in this process, always over every document's analysis (fresh or cached):
  resolve → graph (→ export: :mod:`kg.output`). The documents are sorted by id
  first, so the output does not depend on ``jobs``, the scheduler, the input order or
  the cache.

The library never prints: progress goes to an optional callback, problems into the
result and the log.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.cache import (
    DocumentAnalysis,
    DocumentCache,
    cache_key,
    compact,
    encode_entry,
    read_entry,
)
from kg.errors import Errors, IngestError, KGError
from kg.graph import build_graph
from kg.ingest.reader import (
    DEFAULT_MAX_BYTES,
    corpus_document,
    corpus_files,
    read_bytes,
    readable_path,
)
from kg.learn.confidence import attach_confidence, filter_by_confidence
from kg.memory import cyclic_gc_paused
from kg.output import write_outputs  # re-exported: it moved to kg.output
from kg.parallel import run_dask, run_local, run_serial
from kg.resolve import DocumentNames, document_names, resolve
from kg.types import Document, Entity, IngestProblem, Mention, Relation, RelationMention

__all__ = [
    "BuildResult",
    "DocumentAnalysis",
    "Progress",
    "analyse_document",
    "build_corpus",
    "build_documents",
    "reduce_analyses",
    "write_outputs",
]

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``."""


@dataclass
class BuildResult:
    documents: list[Document]
    problems: list[IngestProblem]
    mentions: list[Mention]
    relation_mentions: list[RelationMention]
    entities: list[Entity]
    relations: list[Relation]
    graph: nx.MultiDiGraph
    timings: dict[str, float] = field(default_factory=dict)
    characters: int | None = None
    """Characters of the input (the documents of a build keep no text)."""
    analysed: int = 0
    """Files analysed in this run."""
    cached: int = 0
    """Documents taken from the cache (not analysed again)."""

    def summary(self) -> dict:
        """Counts for the report: documents, articles, entities and relations per type."""
        characters = self.characters
        if characters is None:
            characters = sum(len(d.text) for d in self.documents)
        return {
            "documents": len(self.documents),
            "articles": sum(len(d.articles) for d in self.documents),
            "characters": characters,
            "entities": len(self.entities),
            "entities_by_type": dict(sorted(Counter(e.type.value for e in self.entities).items())),
            "relations": len(self.relations),
            "relations_by_type": dict(
                sorted(Counter(r.predicate.value for r in self.relations).items())
            ),
            "warnings": [p.reason for p in self.problems],
        }


# kg.nlp's calls, imported on first use (a build from the cache never loads spaCy)


def load_pipeline():
    """:func:`kg.nlp.load_pipeline`."""
    from kg.nlp import load_pipeline as load

    return load()


def annotate(article, nlp=None):
    """:func:`kg.nlp.annotate`."""
    from kg.nlp import annotate as run

    return run(article, nlp)


def mentions_from_doc(doc, article) -> list[Mention]:
    """:func:`kg.nlp.mentions_from_doc`."""
    from kg.nlp import mentions_from_doc as mentions

    return mentions(doc, article)


def analyse_document(
    document: Document, nlp=None, timings: Counter[str] | None = None
) -> DocumentAnalysis:
    """The map step over one ingested document: NLP and extraction per article
    (seconds of each added to ``timings["nlp"]`` and ``timings["extract"]`` if given).

    Examples
    --------
    >>> from kg.ingest import parse_text
    >>> doc = parse_text("## 标题\\n\\n西安市总工会召开会议。", source="x.txt", document_id="x")
    >>> analysis = analyse_document(doc)
    >>> [m.name for m in analysis.mentions]
    ['西安市总工会', '西安市']
    >>> analysis.document.text, analysis.characters
    ('', 18)
    """
    # here, not at the top: a build whose documents all come from the cache never loads
    # spaCy, jieba or the rules
    from kg.extract import extract_relations
    from kg.learn.entities import decide_entities, without_dropped
    from kg.learn.relations import decide_relations

    nlp = nlp or load_pipeline()
    mentions: list[Mention] = []
    relation_mentions: list[RelationMention] = []
    nlp_time = extract_time = 0.0
    for article in document.articles:
        t0 = time.perf_counter()
        doc = annotate(article, nlp)
        # the recognisers and the rules propose, the decision layers (kg.learn) decide
        found, dropped = decide_entities(doc, mentions_from_doc(doc, article), article.start)
        mentions.extend(found)
        t1 = time.perf_counter()
        proposed = without_dropped(extract_relations(doc), dropped)
        relation_mentions.extend(decide_relations(doc, proposed, mentions=found))
        nlp_time += t1 - t0
        extract_time += time.perf_counter() - t1
    if timings is not None:
        timings["nlp"] += nlp_time
        timings["extract"] += extract_time
    stripped = _without_text(document, mentions)
    # the resolver's per-document step, from what the reduce step will see of it
    names = document_names(stripped, mentions)
    return DocumentAnalysis(
        document=stripped,
        characters=len(document.text),
        mentions=tuple(mentions),
        relation_mentions=tuple(relation_mentions),
        names=tuple(names[m.key] for m in mentions),
    )


def _without_text(document: Document, mentions: list[Mention]) -> Document:
    """The document without its text; each article keeps the sentences holding a mention
    start (all the resolver reads of it)."""
    starts: dict[str, list[int]] = {}
    for m in mentions:
        starts.setdefault(m.article_id, []).append(m.start)
    articles = []
    for article in document.articles:
        points = sorted(starts.get(article.id, ()))
        kept = tuple(
            s
            for s in article.sentences
            if (i := bisect.bisect_left(points, s.start)) < len(points) and points[i] < s.end
        )
        articles.append(dataclasses.replace(article, text="", analysis_text="", sentences=kept))
    return dataclasses.replace(document, text="", analysis_text="", articles=tuple(articles))


@dataclass(frozen=True, slots=True)
class _Task:
    """One file for a worker: its bytes travel with it (Dask workers may not share the
    file system)."""

    data: bytes
    source: str
    document_id: str
    fmt: str
    key: str | None


_PRELOAD = ("kg._preload",)


def _warm() -> None:
    load_pipeline()


def _analyse_task(task: _Task) -> tuple[str | None, DocumentAnalysis, dict[str, float]]:
    """Worker side of the map step: ingest, then :func:`analyse_document`."""
    t0 = time.perf_counter()
    try:
        document = corpus_document(
            task.data, source=task.source, document_id=task.document_id, fmt=task.fmt
        )
    except IngestError as exc:
        problem = IngestProblem(source=exc.source, reason=str(exc))
        return task.key, DocumentAnalysis(None, problem=problem), {}
    t1 = time.perf_counter()
    times: Counter[str] = Counter({"ingest": t1 - t0})
    try:
        analysis = analyse_document(document, timings=times)
    except Exception as exc:  # one bad document never aborts the build
        reason = Errors.E017.format(source=task.source, reason=f"{type(exc).__name__}: {exc}"[:200])
        return None, DocumentAnalysis(None, problem=IngestProblem(task.source, reason)), {}
    return task.key, analysis, dict(times)


def _analyse_task_encoded(task: _Task) -> tuple[str | None, bytes, dict[str, float]]:
    """:func:`_analyse_task` for a worker process: the analysis comes back as its cache
    entry (:func:`kg.cache.encode_entry`), which costs both processes together about
    half the CPU of pickling it, unpickling it and encoding it in the build process."""
    key, analysis, times = _analyse_task(task)
    return key, encode_entry(key, analysis), times


def build_corpus(
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    jobs: int = 1,
    dask: str | None = None,
    cache_dir: str | Path | None = None,
    full: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_confidence: float = 0.0,
    keep_mentions: bool = True,
) -> BuildResult:
    """Read files or folders and build their graph.

    Parameters
    ----------
    paths
        Files and folders (see :func:`kg.ingest.read_corpus`).
    jobs
        Worker processes for the map step (1: in this process).
    dask
        Run the map step on Dask instead: ``"local:N"`` or a scheduler address.
    cache_dir
        The per-document cache (normally ``OUT/.kg-cache``); None for no cache.
    full
        Analyse every document again, ignoring (and then refreshing) the cache.
    min_confidence
        Keep only the entities and relations at least this certain (``kg:confidence``).
    keep_mentions
        Keep every mention and relation mention in the result (``result.mentions``,
        ``result.relation_mentions``). ``kg build`` does not: the graph holds their
        provenance, and the lists are about half of a result's memory.

    Examples
    --------
    >>> result = build_corpus(["seeds/"])  # doctest: +SKIP
    >>> result.summary()["documents"]  # doctest: +SKIP
    5
    """
    if jobs < 1:
        raise KGError(Errors.E514.format(jobs=jobs))
    t_start = time.perf_counter()
    files, problems = corpus_files(paths)
    cache = DocumentCache(cache_dir) if cache_dir is not None else None
    analyses: list[DocumentAnalysis] = []
    keys: set[str] = set()
    total = len(files)
    counter = [0]
    timings: Counter[str] = Counter()

    def step() -> None:
        counter[0] += 1
        if progress is not None:
            progress("analyse", counter[0], total)

    def read(path: Path) -> tuple[bytes, str] | None:
        try:
            return read_bytes(path, max_bytes=max_bytes)
        except IngestError as exc:
            log.warning("%s", exc)
            problems.append(IngestProblem(source=exc.source, reason=str(exc)))
            step()
            return None

    # First the cache: what it holds is collected now, and only the rest is analysed
    # (so an incremental build starts no worker, and no cluster, for nothing).
    todo = files
    cached = 0
    if cache is not None and not full:
        todo = []
        with cyclic_gc_paused():  # the entries decode to many small acyclic objects
            for path, doc_id in files:
                t0 = time.perf_counter()
                got = read(path)
                if got is not None:
                    data, fmt = got
                    key = cache_key(data, doc_id, readable_path(path), fmt)
                    hit = cache.get(key)
                    if hit is None:
                        todo.append((path, doc_id))
                    else:
                        keys.add(key)
                        cached += 1
                        _collect(hit, analyses, problems)
                        step()
                timings["read"] += time.perf_counter() - t0

    def tasks() -> Iterator[_Task]:
        for path, doc_id in todo:  # read again as the workers need them, not held
            t0 = time.perf_counter()
            got = read(path)
            timings["read"] += time.perf_counter() - t0
            if got is not None:
                data, fmt = got
                source = readable_path(path)
                key = cache_key(data, doc_id, source, fmt) if cache is not None else None
                yield _Task(data, source, doc_id, fmt, key)

    local_workers = not dask and jobs > 1 and len(todo) > 1
    if not todo:
        runner: Iterable[tuple[str | None, DocumentAnalysis | bytes, dict[str, float]]] = ()
    elif dask:
        runner = run_dask(
            _analyse_task_encoded, tasks(), address=dask, initializer=_warm, preload=_PRELOAD
        )
    elif local_workers:
        workers = min(jobs, len(todo))
        runner = run_local(
            _analyse_task_encoded, tasks(), jobs=workers, initializer=_warm, preload=_PRELOAD
        )
    else:
        runner = run_serial(_analyse_task, tasks())
    analysed = 0
    # Only decoded entries are made here when local workers analyse: many small acyclic
    # objects. The analysis in this process (spaCy) or Dask's client may make cycles.
    with cyclic_gc_paused() if local_workers else contextlib.nullcontext():
        for key, result, times in runner:
            timings.update(times)
            analysed += 1
            # kept as a cache entry reads back: equal strings one object (a third less)
            if isinstance(result, bytes):  # a worker process's entry
                if cache is not None and key is not None:
                    analysis = cache.put_entry(key, result)
                else:
                    analysis = read_entry(result, key)
            elif cache is not None and key is not None:
                analysis = cache.put(key, result)
            else:
                analysis = compact(result)
            if cache is not None and key is not None:
                keys.add(key)
            _collect(analysis, analyses, problems)
            step()
    timings["map (wall)"] = time.perf_counter() - t_start
    result = reduce_analyses(
        analyses, problems, min_confidence=min_confidence, keep_mentions=keep_mentions
    )
    if cache is not None:
        cache.prune(keys)
    result.timings = {**dict(timings), **result.timings}
    result.analysed = analysed
    result.cached = cached
    return result


def _collect(
    analysis: DocumentAnalysis, analyses: list[DocumentAnalysis], problems: list[IngestProblem]
) -> None:
    if analysis.problem is not None:
        log.warning("%s", analysis.problem.reason)  # each problem is logged once, here
        problems.append(analysis.problem)
    else:
        analyses.append(analysis)


def reduce_analyses(
    analyses: Iterable[DocumentAnalysis],
    problems: Iterable[IngestProblem] = (),
    *,
    min_confidence: float = 0.0,
    keep_mentions: bool = True,
) -> BuildResult:
    """The reduce step: resolution, confidence and graph assembly over every document's
    analysis, in document-id order (so the result does not depend on the order they came
    in); facts less certain than ``min_confidence`` are left out, and the mentions only
    kept in the result with ``keep_mentions``."""
    ordered = sorted(analyses, key=lambda a: (a.document.id, a.document.source))
    documents = [a.document for a in ordered]
    mentions = [m for a in ordered for m in a.mentions]
    relation_mentions = [r for a in ordered for r in a.relation_mentions]
    timings: dict[str, float] = {}
    # the corpus's mentions are millions of live objects, which the cyclic collector
    # would walk again and again while the reduce step makes its own (about half of
    # the resolver's time on 320 documents) and free nothing
    with cyclic_gc_paused():
        t0 = time.perf_counter()
        known = _known_names(ordered)
        entities, relations = resolve(documents, mentions, relation_mentions, known)
        entities, relations = attach_confidence(entities, relations, mentions, relation_mentions)
        if min_confidence > 0:
            entities, relations = filter_by_confidence(entities, relations, min_confidence)
        timings["resolve"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        graph = build_graph(entities, relations, [a for d in documents for a in d.articles])
        timings["graph"] = time.perf_counter() - t0
    if not keep_mentions:
        mentions, relation_mentions = [], []
    return BuildResult(
        documents,
        sorted(problems, key=lambda p: (p.source, p.reason)),
        mentions,
        relation_mentions,
        entities,
        relations,
        graph,
        timings,
        characters=sum(a.characters for a in ordered),
    )


def _known_names(analyses: list[DocumentAnalysis]) -> dict[str, DocumentNames]:
    """The per-document names the map step worked out (:attr:`DocumentAnalysis.names`),
    by document id; a document without them, or sharing its id with another (whose
    mentions the resolver takes together), is resolved in the reduce step."""
    ids = Counter(a.document.id for a in analyses)
    return {
        a.document.id: dict(zip([m.key for m in a.mentions], a.names, strict=True))
        for a in analyses
        if ids[a.document.id] == 1 and a.mentions and len(a.names) == len(a.mentions)
    }


def build_documents(
    documents: list[Document],
    problems: Iterable[IngestProblem] = (),
    *,
    progress: Progress | None = None,
) -> BuildResult:
    """Run the map step in this process over ingested documents, then the reduce."""
    nlp = load_pipeline()
    analyses = []
    t0 = time.perf_counter()
    problems = list(problems)
    for done, document in enumerate(documents, start=1):
        try:
            analyses.append(analyse_document(document, nlp))
        except Exception as exc:  # one bad document never aborts the build
            why = f"{type(exc).__name__}: {exc}"[:200]
            reason = Errors.E017.format(source=document.source, reason=why)
            log.warning("%s", reason)
            problems.append(IngestProblem(source=document.source, reason=reason))
        if progress is not None:
            progress("analyse", done, len(documents))
    elapsed = time.perf_counter() - t0
    result = reduce_analyses(analyses, problems)
    result.timings = {"analyse": elapsed, **result.timings}
    result.analysed = len(analyses)
    return result
