"""The whole build: ingest → nlp → extract → resolve → graph (files: :mod:`kg.output`).

The library never prints: progress goes to an optional callback, problems into the
result and the log.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.errors import Errors
from kg.extract import extract_relations
from kg.graph import build_graph
from kg.ingest import read_corpus
from kg.nlp import annotate, load_pipeline, mentions_from_doc
from kg.output import write_outputs  # re-exported: it moved to kg.output
from kg.resolve import resolve
from kg.types import Document, Entity, IngestProblem, Mention, Relation, RelationMention

__all__ = ["BuildResult", "Progress", "build_corpus", "build_documents", "write_outputs"]

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

    def summary(self) -> dict:
        """Counts for the report: documents, articles, entities and relations per type."""
        return {
            "documents": len(self.documents),
            "articles": sum(len(d.articles) for d in self.documents),
            "characters": sum(len(d.text) for d in self.documents),
            "entities": len(self.entities),
            "entities_by_type": dict(sorted(Counter(e.type.value for e in self.entities).items())),
            "relations": len(self.relations),
            "relations_by_type": dict(
                sorted(Counter(r.predicate.value for r in self.relations).items())
            ),
            "warnings": [p.reason for p in self.problems],
        }


def build_documents(
    documents: list[Document],
    problems: Iterable[IngestProblem] = (),
    *,
    progress: Progress | None = None,
) -> BuildResult:
    """Run NLP, extraction, resolution and graph assembly over ingested documents."""
    timings: dict[str, float] = {}
    nlp = load_pipeline()
    mentions: list[Mention] = []
    relation_mentions: list[RelationMention] = []
    articles = [a for d in documents for a in d.articles]
    problems = list(problems)
    failed: dict[str, str] = {}  # document id -> why its analysis failed
    nlp_time = extract_time = 0.0
    for done, article in enumerate(articles, start=1):
        if progress is not None:
            progress("analyse", done, len(articles))
        if article.document_id in failed:
            continue
        t0 = time.perf_counter()
        try:
            doc = annotate(article, nlp)
            found = mentions_from_doc(doc, article)
            t1 = time.perf_counter()
            rels = list(extract_relations(doc))
        except Exception as exc:  # one bad document never aborts the build
            failed[article.document_id] = f"{type(exc).__name__}: {exc}"[:200]
            continue
        mentions.extend(found)
        relation_mentions.extend(rels)
        t2 = time.perf_counter()
        nlp_time += t1 - t0
        extract_time += t2 - t1
    timings["nlp"] = nlp_time
    timings["extract"] = extract_time
    if failed:
        documents, articles, mentions, relation_mentions = _drop_failed(
            failed, documents, problems, mentions, relation_mentions
        )
    t0 = time.perf_counter()
    entities, relations = resolve(documents, mentions, relation_mentions)
    timings["resolve"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    graph = build_graph(entities, relations, articles)
    timings["graph"] = time.perf_counter() - t0
    return BuildResult(
        documents, list(problems), mentions, relation_mentions, entities, relations, graph, timings
    )


def _drop_failed(
    failed: dict[str, str],
    documents: list[Document],
    problems: list[IngestProblem],
    mentions: list[Mention],
    relation_mentions: list[RelationMention],
) -> tuple[list[Document], list, list[Mention], list[RelationMention]]:
    """Leave out the documents whose analysis raised; each becomes a named problem."""
    for d in documents:
        if d.id in failed:
            reason = Errors.E017.format(source=d.source, reason=failed[d.id])
            log.warning("%s", reason)
            problems.append(IngestProblem(source=d.source, reason=reason))
    documents = [d for d in documents if d.id not in failed]
    articles = [a for d in documents for a in d.articles]
    kept = {a.id for a in articles}
    mentions = [m for m in mentions if m.article_id in kept]
    relation_mentions = [r for r in relation_mentions if r.evidence.article_id in kept]
    return documents, articles, mentions, relation_mentions


def build_corpus(paths: Iterable[str | Path], *, progress: Progress | None = None) -> BuildResult:
    """Read files or folders and build their graph.

    Examples
    --------
    >>> result = build_corpus(["seeds/"])  # doctest: +SKIP
    >>> result.summary()["documents"]  # doctest: +SKIP
    5
    """
    t0 = time.perf_counter()
    documents, problems = read_corpus(paths)
    ingest_time = time.perf_counter() - t0
    for problem in problems:
        log.warning("%s", problem.reason)
    result = build_documents(documents, problems, progress=progress)
    result.timings = {"ingest": ingest_time, **result.timings}
    return result
