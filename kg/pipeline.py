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
    nlp_time = extract_time = 0.0
    for done, article in enumerate(articles, start=1):
        t0 = time.perf_counter()
        doc = annotate(article, nlp)
        mentions.extend(mentions_from_doc(doc, article))
        t1 = time.perf_counter()
        relation_mentions.extend(extract_relations(doc))
        t2 = time.perf_counter()
        nlp_time += t1 - t0
        extract_time += t2 - t1
        if progress is not None:
            progress("analyse", done, len(articles))
    timings["nlp"] = nlp_time
    timings["extract"] = extract_time
    t0 = time.perf_counter()
    entities, relations = resolve(documents, mentions, relation_mentions)
    timings["resolve"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    graph = build_graph(entities, relations, articles)
    timings["graph"] = time.perf_counter() - t0
    return BuildResult(
        documents, list(problems), mentions, relation_mentions, entities, relations, graph, timings
    )


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
