"""RDF export and store load speed: the model → rdflib path of before against the direct one.

    python bench/bench_export.py [--copies 8] [--repeat 3]

The model: the seeds and ``../shared/dev`` texts built once (``kg.pipeline.build_corpus``,
its cache kept in ``--work``), then copied ``--copies`` times, every copy with its own
document, article and entity ids (a ``-c<k>`` suffix), so the graph grows with distinct
triples. For each path the CPU time of this process (``time.process_time``, best of
``--repeat``) of:

* Turtle: model → ``graph.ttl`` bytes (before: ``to_rdf`` and the rdflib-graph writer;
  now: :func:`kg.rdf.table.model_table` and :func:`kg.rdf.table.turtle`);
* N-Triples: the same for ``graph.nt``;
* N-Quads: model → the store's N-Quads (one named graph per document);
* store load: model → a new on-disk Oxigraph store (:func:`kg.rdf.store.write_store`,
  N-Quads, ``bulk_load``, flush, optimize); CPU time counts RocksDB's threads too, and
  the wall time is printed below the table.

The outputs of both paths are compared byte for byte (and the stores triple for triple).
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "dev"


def base_model(work: Path) -> nx.MultiDiGraph:
    from kg.pipeline import build_corpus

    paths = [REPO / "seeds"] + ([DEV] if DEV.is_dir() else [])
    return build_corpus(paths, cache_dir=work / "cache").graph


def replicate(G: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """``copies`` disjoint copies of ``G`` (ids suffixed ``-c<k>``; copy 0 is ``G``)."""

    def prov(items: list[dict], k: str) -> list[dict]:
        return [
            {**p, "document_id": p["document_id"] + k, "article_id": p["article_id"] + k}
            for p in items
        ]

    out = nx.MultiDiGraph()
    out.graph["articles"] = {}
    for c in range(copies):
        k = f"-c{c}" if c else ""
        for art, info in G.graph.get("articles", {}).items():
            out.graph["articles"][art + k] = {**info, "document_id": info["document_id"] + k}
        for node, data in G.nodes(data=True):
            out.add_node(node + k, **{**data, "provenance": prov(data["provenance"], k)})
        for head, tail, key, data in G.edges(keys=True, data=True):
            attrs = {**copy.copy(data), "evidence": prov(data["evidence"], k)}
            out.add_edge(head + k, tail + k, key=key, **attrs)
    return out


def best(func, repeat: int) -> tuple[float, float, object]:
    """(CPU seconds, wall seconds, result) of the fastest of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        value = func()
        runs.append((time.process_time() - c0, time.perf_counter() - w0, value))
    return min(runs, key=lambda r: r[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench-export"
    )
    args = parser.parse_args()

    import pyoxigraph

    from kg.rdf import table
    from kg.rdf.export import serialize, to_rdf
    from kg.rdf.store import _nquads, write_store

    args.work.mkdir(parents=True, exist_ok=True)
    G = replicate(base_model(args.work), args.copies)
    stores = Path(tempfile.mkdtemp(prefix="stores-", dir=args.work))
    counter = [0]

    def store_of(model) -> Path:
        counter[0] += 1
        return write_store(model, stores / f"s{counter[0]}")

    rows = [
        (
            "Turtle",
            lambda: serialize(to_rdf(G), "turtle"),
            lambda: table.turtle(table.model_table(G)),
        ),
        (
            "N-Triples",
            lambda: serialize(to_rdf(G), "nt"),
            lambda: table.ntriples(table.model_table(G)),
        ),
        ("N-Quads", lambda: _nquads(to_rdf(G)), lambda: table.nquads(table.model_table(G))),
        ("store load", lambda: store_of(to_rdf(G)), lambda: store_of(G)),
    ]
    n = len(table.model_table(G))
    print(
        f"{args.copies} copies: {G.number_of_nodes():,} nodes, "
        f"{G.number_of_edges():,} edges, {n:,} triples"
    )
    print()
    print(
        "| output | before (rdflib graph) triples/s | now (direct) triples/s "
        "| speed-up | same output |"
    )
    print("|---|---:|---:|---:|---|")
    walls: list[str] = []
    for name, old, new in rows:
        c_old, w_old, v_old = best(old, args.repeat)
        c_new, w_new, v_new = best(new, args.repeat)
        if name == "N-Quads":
            same = sorted(v_old.decode().splitlines()) == v_new.decode().splitlines()
        elif name == "store load":
            a, b = (pyoxigraph.Store.read_only(str(p)) for p in (v_old, v_new))
            same = sorted(map(str, a)) == sorted(map(str, b)) and len(a) == n
            walls.append(f"store load wall time: {n / w_old:,.0f} → {n / w_new:,.0f} triples/s")
        else:
            same = v_old == v_new
        print(
            f"| {name} | {n / c_old:,.0f} | {n / c_new:,.0f} | {c_old / c_new:.1f}× | "
            f"{'yes' if same else 'NO'} |",
            flush=True,
        )
    shutil.rmtree(stores, ignore_errors=True)
    print(f"\n(CPU time of this process and its threads, best of {args.repeat}; " + walls[0] + ")")
    sys.exit(0)


if __name__ == "__main__":
    main()
