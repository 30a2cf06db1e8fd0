"""SPARQL at scale: store load, shipped-query latency (store, ``kg serve``, rdflib), sizes.

    python bench/bench_query.py [--triples 10000000] [--work /tmp/store-bench]
                                [--scaling 100000,300000,1000000] [--rebuild]

The graph: the seeds and ``../shared/dev`` texts are built once with ``kg build``; their
quads (each document's facts in its named graph, the shared graph) are then replicated:
copy *k* appends ``-c<k>`` to every data IRI (documents, articles, sentences, entities,
statements, memberships; not roles nor the shared graph's name), so each copy has its
own documents and its own entities, with the same labels. The replicated N-Quads are
bulk-loaded into an on-disk Oxigraph store the way ``kg build`` loads ``OUT/store``.

Each shipped query runs with the binding of the example in its header comment
(``--bind name=value``), bound as ``kg query`` binds it. Latency: median of 5 on the
store (after one warm-up) and through ``kg serve`` over loopback (SPARQLWrapper, JSON);
rdflib (in memory, ``Graph.query`` of the same bound text): one run, at sizes up to
``--rdflib-max`` (100 k by default: rdflib takes about a minute per query there). A query
slower than 2 s is timed once after its warm-up instead of five times. The scaling
table gives every query at each ``--scaling`` size on the store and on rdflib.

Graphs and stores are kept under ``--work`` and reused (their load time as measured
when they were built is printed); ``--rebuild`` builds them again.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from kg.query.run import _PREFIXES, _values, bundled_queries, run_query
from kg.query.text import analyse, with_values
from kg.rdf.namespace import ID
from kg.rdf.store import find_store

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "dev"
SLOW = 2.0
_BIND = re.compile(r"--bind\s+(\w+)=(\S+)")
_REWRITE = re.compile(r"<" + re.escape(str(ID)) + r"(?!role/|graph/)[^>]*(?=>)")


def base_build(work: Path) -> Path:
    out = work / "base"
    if find_store(out) is None:
        kg = Path(sys.executable).with_name("kg")
        subprocess.run(
            [str(kg), "build", str(REPO / "seeds"), str(DEV), "-o", str(out), "--no-html", "-q"],
            check=True,
        )
    return out


def templates(out: Path) -> tuple[list[str], list[str], int]:
    """The base graph as N-Quads and as N-Triples, cut where a copy suffix goes."""
    store = pyoxigraph.Store.read_only(str(find_store(out)))
    quads = sorted(store, key=str)
    nq = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    triples = [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads]
    nt = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES).decode("utf-8")

    def cut(text: str) -> list[str]:
        ends = [m.end() for m in _REWRITE.finditer(text)]
        return [text[a:b] for a, b in zip([0, *ends], [*ends, len(text)], strict=True)]

    return cut(nq), cut(nt), len(quads)


def replicate(parts: list[str], copies: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("".join(parts))
        for k in range(1, copies):
            fh.write(f"-c{k}".join(parts))


def graph_file(work: Path, parts: list[str], base: int, size: int, kind: str) -> Path:
    path = work / f"graph-{size}.{kind}"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        replicate(parts, max(1, round(size / base)), tmp)
        tmp.replace(path)
    return path


def load_store(work: Path, nq: Path, size: int, rebuild: bool) -> tuple[Path, dict]:
    path, meta_path = work / f"store-{size}", work / f"store-{size}.json"
    if rebuild or not meta_path.exists():
        shutil.rmtree(path, ignore_errors=True)
        store = pyoxigraph.Store(str(path))
        t0 = time.perf_counter()
        store.bulk_load(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
        store.flush()
        store.optimize()
        seconds = time.perf_counter() - t0
        triples = len(store)
        del store
        meta = {"triples": triples, "seconds": seconds, "when": time.strftime("%F %T")}
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return path, json.loads(meta_path.read_text(encoding="utf-8"))


def disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def example_bindings(text: str) -> dict[str, str]:
    return dict(_BIND.findall(text))


def bound_text(store: pyoxigraph.Store, text: str, bindings: dict[str, str]) -> str:
    query = analyse(text)
    return with_values(query, _values(store, bindings, query.variables, True))


def median_ms(run, times: int, first: float = 0.0) -> float:
    if first > SLOW:
        times = 1  # a query slower than SLOW seconds is timed once more, not five times
    out = []
    for _ in range(times):
        t0 = time.perf_counter()
        run()
        out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(out)


def on_store(store: pyoxigraph.Store, name: str, text: str) -> tuple[float, int]:
    bindings = example_bindings(text)
    t0 = time.perf_counter()
    rows = len(run_query(store, name, bindings=bindings))  # warm-up
    first = time.perf_counter() - t0
    return median_ms(lambda: run_query(store, name, bindings=bindings), 5, first), rows


def on_rdflib(graph: Graph, store: pyoxigraph.Store, text: str) -> tuple[float, int]:
    sparql = bound_text(store, text, example_bindings(text))
    t0 = time.perf_counter()
    rows = len(list(graph.query(sparql, initNs=_PREFIXES)))
    return (time.perf_counter() - t0) * 1000, rows  # one run: rdflib takes minutes


def on_server(path: Path, store: pyoxigraph.Store, queries: dict[str, str]) -> dict[str, float]:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    from kg.query.server import SparqlServer

    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _PREFIXES.items())
    out: dict[str, float] = {}
    with SparqlServer(path, port=0, timeout=120) as server:
        for name, text in queries.items():
            client = SPARQLWrapper(server.url)
            client.setMethod(POST)
            client.setReturnFormat(JSON)
            client.setQuery(prefixes + bound_text(store, text, example_bindings(text)))
            t0 = time.perf_counter()
            client.queryAndConvert()  # warm-up
            first = time.perf_counter() - t0
            out[name] = median_ms(client.queryAndConvert, 5, first)
    return out


def rdflib_graph(nt: Path) -> tuple[Graph, float]:
    t0 = time.perf_counter()
    graph = Graph().parse(str(nt), format="nt")
    return graph, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description="kg SPARQL at scale")
    parser.add_argument("--triples", type=int, default=10_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/store-bench"))
    parser.add_argument("--scaling", default="100000,300000,1000000")
    parser.add_argument("--rdflib-max", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    queries = bundled_queries()
    out = base_build(work)
    nq_parts, nt_parts, base = templates(out)
    print(f"base graph (seeds + dev, {len(list(DEV.glob('*.txt')))} dev texts): {base:,} quads")

    # -- the big store ---------------------------------------------------------------
    big = args.triples
    nq = graph_file(work, nq_parts, base, big, "nq")
    path, meta = load_store(work, nq, big, args.rebuild)
    rate = meta["triples"] / meta["seconds"]
    print(
        f"\nstore load: {meta['triples']:,} triples in {meta['seconds']:.1f} s = "
        f"{rate:,.0f} triples/s (bulk load of N-Quads, on disk; measured {meta['when']})"
    )
    print(f"store size on disk: {disk_size(path) / 1e9:.2f} GB")
    store = pyoxigraph.Store.read_only(str(path))
    served = on_server(path, store, queries)
    print(f"\nshipped queries at {meta['triples']:,} triples (ms, median of 5):")
    print("| query | binding | rows | store | kg serve |")
    print("|---|---|---:|---:|---:|")
    for name, text in queries.items():
        ms, rows = on_store(store, name, text)
        bind = " ".join(f"{k}={v}" for k, v in example_bindings(text).items()) or "—"
        print(f"| {name} | {bind} | {rows:,} | {ms:.1f} | {served[name]:.1f} |", flush=True)
    del store

    # -- scaling, store beside rdflib ----------------------------------------------
    sizes = [int(s) for s in args.scaling.split(",") if s]
    table: dict[str, list[str]] = {name: [] for name in queries}
    head = []
    for size in sizes:
        nq = graph_file(work, nq_parts, base, size, "nq")
        nt = graph_file(work, nt_parts, base, size, "nt")
        path, meta = load_store(work, nq, size, args.rebuild)
        store = pyoxigraph.Store.read_only(str(path))
        graph, parse_s = rdflib_graph(nt) if size <= args.rdflib_max else (None, 0.0)
        head.append(f"{meta['triples']:,}")
        parsed = f", rdflib parse {len(graph) / parse_s:,.0f}/s" if graph else ""
        rate = meta["triples"] / meta["seconds"]
        print(f"\n{meta['triples']:,} triples: store load {rate:,.0f}/s{parsed}", flush=True)
        for name, text in queries.items():
            ms, rows = on_store(store, name, text)
            if graph is None:
                table[name].append(f"{ms:.1f} / not run")
                print(f"  {name}: store {ms:.1f} ms, rows {rows}", flush=True)
                continue
            rms, rrows = on_rdflib(graph, store, text)
            same = "" if rows == rrows else f" (rdflib {rrows} rows)"
            table[name].append(f"{ms:.1f} / {rms:,.0f} ({rms / ms:,.0f}×){same}")
            print(f"  {name}: store {ms:.1f} ms, rdflib {rms:,.0f} ms, rows {rows}", flush=True)
        del graph, store
    print("\nscaling, ms (median): store / rdflib in memory (speed-up)")
    print("| query | " + " | ".join(head) + " |")
    print("|---|" + "---:|" * len(head))
    for name, cells in table.items():
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
