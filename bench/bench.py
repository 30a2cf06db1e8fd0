"""Throughput, parallel speed-up, memory and incremental rebuilds of ``kg build``.

    python bench/bench.py [--sizes 1,4,16,64] [--incremental-docs 320]

For each size (MB of UTF-8 text: the seeds and ../shared/dev texts repeated, every copy a
file with its own document id) one table row, all measured in this one run:

* ``jieba.cut``: plain segmentation of the same texts, the reference speed;
* each stage's characters per second in a ``-j 1`` build (ingest, nlp, extract in the
  map step; resolve, graph; then each writer of the default output set: Turtle, HTML,
  the Oxigraph store), and the whole build's (from importing kg, which loads spaCy and
  jieba's tables, to the last file written; only the interpreter's start is left out),
  also as a percentage of ``jieba.cut``;
* the whole ``-j 2`` build and its speed-up over ``-j 1``;
* the peak resident memory of the ``-j 1`` build (one process: map and reduce);
* the rebuild after adding one document (the cache in OUT/.kg-cache answers the rest),
  in seconds and as a percentage of the clean build, in wall time and in CPU time (the
  build process and its workers: on a shared machine CPU time is the steadier measure).

Then the same incremental rebuild on a corpus of ``--incremental-docs`` documents. Each
build runs in a fresh Python process (``--child``), so one build's memory or warm caches
never flatter the next.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "dev"
STAGES = ("ingest", "nlp", "extract", "resolve", "graph", "turtle", "html", "store")


def texts() -> list[tuple[str, str]]:
    """The seeds and the dev texts (if ../shared/dev is there): (stem, text)."""
    paths = sorted((REPO / "seeds").glob("*.txt")) + sorted(DEV.glob("*.txt"))
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def write_corpus(
    folder: Path, *, megabytes: float | None = None, documents: int | None = None
) -> None:
    """Copies of :func:`texts` as files ``<stem>-c<copy>.txt`` up to a size or a count."""
    folder.mkdir(parents=True)
    base = texts()
    size = count = copy = 0
    while True:
        for stem, text in base:
            if (megabytes is not None and size >= megabytes * 1_000_000) or (
                documents is not None and count >= documents
            ):
                return
            data = text.encode("utf-8")
            (folder / f"{stem}-c{copy:03d}.txt").write_bytes(data)
            size += len(data)
            count += 1
        copy += 1


def add_document(folder: Path) -> None:
    """One new document (a text of the corpus under a new id, one date changed)."""
    stem, text = texts()[0]
    (folder / f"{stem}-added.txt").write_text(text.replace("日", "日 ", 1), encoding="utf-8")


def jieba_rate(folder: Path) -> float:
    import jieba

    jieba.initialize()
    chars = 0
    t0 = time.perf_counter()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        for _ in jieba.cut(text):
            pass
    return chars / (time.perf_counter() - t0)


def run_child(corpus: Path, out: Path, jobs: int) -> dict:
    import kg

    spec = json.dumps({"corpus": str(corpus), "out": str(out), "jobs": jobs})
    env = dict(os.environ)  # the child imports the kg this process imports
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(kg.__file__).parents[1]), env.get("PYTHONPATH", "")]
    )
    proc = subprocess.run(
        [sys.executable, __file__, "--child", spec],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench build failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def child(spec: dict) -> None:
    """One ``kg build`` (the default output set, the cache in OUT) in this process,
    timed from before kg is imported (importing it brings spaCy and jieba's tables)."""
    import resource

    t0 = time.perf_counter()
    from kg.cache import CACHE_DIR
    from kg.nlp import load_pipeline
    from kg.output import register_writer, write_outputs, writers
    from kg.pipeline import build_corpus

    times: dict[str, float] = {}

    def timed(name: str, func):
        def write(result, path):
            start = time.perf_counter()
            func(result, path)
            times[name] = time.perf_counter() - start

        return write

    for name, writer in writers().items():
        register_writer(name, writer.filename, timed(name, writer.load()))
    out = Path(spec["out"])
    if spec["jobs"] == 1:
        load_pipeline()
        times["load"] = time.perf_counter() - t0
    result = build_corpus(
        [spec["corpus"]], jobs=spec["jobs"], cache_dir=out / CACHE_DIR, keep_mentions=False
    )  # as kg build
    write_outputs(result, out, formats=["turtle"], html=True, store=True, jobs=spec["jobs"])
    whole = time.perf_counter() - t0
    cpu = sum(
        getattr(resource.getrusage(who), field)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for field in ("ru_utime", "ru_stime")
    )
    times |= {k: v for k, v in result.timings.items() if k in STAGES}
    report = {
        "whole": whole,
        "cpu": cpu,
        "times": times,
        "characters": result.characters,
        "documents": len(result.documents),
        "analysed": result.analysed,
        "nodes": result.graph.number_of_nodes(),
        "edges": result.graph.number_of_edges(),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(report))


def rate(chars: int, seconds: float | None) -> str:
    return f"{chars / seconds / 1000:,.1f} k" if seconds else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description="kg build at scale")
    parser.add_argument("--sizes", default="1,4,16,64", help="MB of text, comma-separated")
    parser.add_argument("--incremental-docs", type=int, default=320)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(json.loads(args.child))
        return
    sizes = [float(s) for s in args.sizes.split(",") if s]
    head = (
        ["corpus", "docs", "chars", "jieba.cut c/s"]
        + [f"{s} c/s" for s in STAGES]
        + ["whole -j1", "c/s", "% jieba", "whole -j2", "speed-up", "peak RSS"]
        + ["+1 doc", "% clean", "% clean CPU"]
    )
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        root = Path(tmp)
        for mb in sizes:
            corpus = root / f"corpus-{mb:g}"
            write_corpus(corpus, megabytes=mb)
            jieba = jieba_rate(corpus)
            one = run_child(corpus, root / f"out1-{mb:g}", 1)
            two = run_child(corpus, root / f"out2-{mb:g}", 2)
            add_document(corpus)
            inc = run_child(corpus, root / f"out1-{mb:g}", 1)
            assert inc["analysed"] == 1, inc
            chars, times = one["characters"], one["times"]
            rows.append(
                [f"{mb:g} MB", f"{one['documents']:,}", f"{chars / 1e6:.2f} M"]
                + [f"{jieba / 1000:,.0f} k"]
                + [rate(chars, times.get(s)) for s in STAGES]
                + [f"{one['whole']:.1f} s", rate(chars, one["whole"])]
                + [f"{100 * chars / one['whole'] / jieba:.1f} %"]
                + [f"{two['whole']:.1f} s", f"{one['whole'] / two['whole']:.2f}×"]
                + [f"{one['rss_mb']:,.0f} MB"]
                + [f"{inc['whole']:.1f} s", f"{100 * inc['whole'] / one['whole']:.0f} %"]
                + [f"{100 * inc['cpu'] / one['cpu']:.0f} %"]
            )
            shutil.rmtree(corpus)
            graph = f"{one['nodes']:,} nodes, {one['edges']:,} edges"
            print(f"[{mb:g} MB done: {graph}] " + " | ".join(rows[-1]), flush=True)
        incremental = None
        if args.incremental_docs > 0:
            corpus = root / "corpus-n"
            write_corpus(corpus, documents=args.incremental_docs)
            clean = run_child(corpus, root / "out-n", 1)
            add_document(corpus)
            inc = run_child(corpus, root / "out-n", 1)
            incremental = (clean, inc)
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if incremental:
        clean, inc = incremental
        print()
        print(
            f"incremental: adding 1 document to {clean['documents']} documents "
            f"({clean['characters'] / 1e6:.2f} M chars): rebuild {inc['whole']:.1f} s "
            f"(analysed {inc['analysed']}) vs clean build {clean['whole']:.1f} s "
            f"= {100 * inc['whole'] / clean['whole']:.0f} %; CPU time {inc['cpu']:.1f} s vs "
            f"{clean['cpu']:.1f} s = {100 * inc['cpu'] / clean['cpu']:.0f} %"
        )


if __name__ == "__main__":
    main()
