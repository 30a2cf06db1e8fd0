"""Throughput and memory of each stage on ≥ 1 MB of text (the seeds repeated).

    python bench/bench.py [--megabytes 1.0]

Prints characters per second for each stage and for the whole build, beside plain
``jieba.cut`` over the same text, and the peak resident memory. Nothing is cached
between copies: every copy is ingested, analysed and resolved afresh.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import jieba

from kg.extract import extract_relations
from kg.graph import build_graph
from kg.ingest import parse_text
from kg.nlp import annotate, load_pipeline, mentions_from_doc
from kg.rdf import write_graph
from kg.resolve import resolve
from kg.views import write_html

REPO = Path(__file__).resolve().parents[1]


def corpus(megabytes: float) -> list[tuple[str, str]]:
    seeds = [
        (p.stem, p.read_text(encoding="utf-8")) for p in sorted((REPO / "seeds").glob("*.txt"))
    ]
    out, size, copy = [], 0, 0
    while size < megabytes * 1_000_000:
        for stem, text in seeds:
            out.append((f"{stem}-copy{copy:03d}", text))
            size += len(text.encode("utf-8"))
        copy += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="kg stage throughput")
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    texts = corpus(args.megabytes)
    chars = sum(len(t) for _, t in texts)
    nbytes = sum(len(t.encode("utf-8")) for _, t in texts)
    timings: dict[str, float] = {}

    t0 = time.perf_counter()
    nlp = load_pipeline()
    jieba.initialize()
    timings["load (pipeline, jieba dictionary)"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _, text in texts:
        list(jieba.cut(text))
    timings["plain jieba.cut (reference)"] = time.perf_counter() - t0

    t_build = time.perf_counter()
    t0 = time.perf_counter()
    documents = [parse_text(text, source=f"{name}.txt", document_id=name) for name, text in texts]
    timings["ingest"] = time.perf_counter() - t0

    mentions, relation_mentions = [], []
    nlp_time = extract_time = 0.0
    for document in documents:
        for article in document.articles:
            a = time.perf_counter()
            doc = annotate(article, nlp)
            mentions.extend(mentions_from_doc(doc, article))
            b = time.perf_counter()
            relation_mentions.extend(extract_relations(doc))
            nlp_time += b - a
            extract_time += time.perf_counter() - b
    timings["nlp (spaCy + jieba posseg + recognisers)"] = nlp_time
    timings["extract (relations)"] = extract_time

    t0 = time.perf_counter()
    entities, relations = resolve(documents, mentions, relation_mentions)
    timings["resolve"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    graph = build_graph(entities, relations, [a for d in documents for a in d.articles])
    timings["graph (networkx)"] = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        write_graph(graph, Path(tmp) / "graph.ttl")
        timings["rdf (Turtle export)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_html(graph, Path(tmp) / "graph.html")
        timings["view (pyvis HTML)"] = time.perf_counter() - t0
    timings["whole build (ingest → HTML)"] = time.perf_counter() - t_build

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(texts)} documents, {chars:,} characters, {nbytes / 1e6:.2f} MB UTF-8")
    print(f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges")
    print(f"{'stage':<44} {'seconds':>8} {'chars/s':>12}")
    for stage, seconds in timings.items():
        rate = chars / seconds if seconds > 0 and not stage.startswith("load") else float("nan")
        print(f"{stage:<44} {seconds:>8.2f} {rate:>12,.0f}")
    print(f"peak resident memory: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
