"""SPARQL at scale: store load, shipped-query latency (store, ``kg serve``, rdflib), sizes.

    python bench/bench_query.py [--triples 10000000] [--work /tmp/store-bench]
                                [--replicate documents|entities]
                                [--scaling 100000,300000,1000000] [--rdflib-max 1000000]
                                [--rdflib-cap 20] [--rebuild]

The graph stands for an archive of the seeds and ``../shared/dev`` texts repeated under
distinct file names (``d01.txt``, ``d01-c1.txt``, …), made in one of two ways
(``--replicate``):

``documents`` (the default) is the graph ``kg build`` makes of such an archive. Entities,
statements and memberships are named from their names, so every copy's facts fall on
the same nodes, and only the provenance (documents, articles, sentences, mentions,
evidence) grows with the copies. The texts are built each twice with ``kg build``;
what names a second copy's document is what each further copy adds (with ``-c<k>``
for ``-c1``), the rest (the facts, in the shared graph, and the evidence a fact keeps
from one document only) is written once. ``tests/test_bench_query.py`` checks this
against a real build of the seeds copied three times. Confidences stay as they are
with two copies, where a real build raises them a little with more support.

``entities`` is the earlier, harsher graph: copy *k* appends ``-c<k>`` to every data IRI
(documents, articles, sentences, entities, statements, memberships; not roles nor the
shared graph's name), so each copy has its own entities with the same labels, and a
bound name matches one node per copy.

The replicated N-Quads are
bulk-loaded into an on-disk Oxigraph store the way ``kg build`` loads ``OUT/store``, and
the store's derived graph is made on the whole of it (:func:`kg.rdf.store.derive`; its
time is printed beside the load's; the rdflib graph is given the same derived triples).

Each shipped query runs with the binding of the example in its header comment
(``--bind name=value``), bound as ``kg query`` binds it. Latency: median of 5 on the
store (after one warm-up) and through ``kg serve`` over loopback (SPARQLWrapper, JSON);
rdflib (in memory, ``Graph.query`` of the same bound text): one run, cut off after
``--rdflib-cap`` seconds (reported as ``> cap``), at sizes up to ``--rdflib-max``. A query
slower than 2 s is timed once after its warm-up instead of five times.

The scaling table comes first and gives every query at each ``--scaling`` size on the
store and on rdflib, with the growth of the store latency beside the growth of the
graph (linear cost: the two ratios agree). The rdflib graph is filled from the same
N-Triples parsed by Oxigraph (terms converted one by one into an rdflib ``Graph`` in
memory; rdflib's own N-Triples parser is many times slower, and only query time is
compared). ``--triples 0`` skips the big store.

Graphs and stores are kept under ``--work`` and reused (their load time as measured
when they were built is printed); ``--rebuild`` builds them again.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.query.run import _PREFIXES, _values, bundled_queries, run_query
from kg.query.text import analyse, with_values
from kg.rdf.iri import document_iri_text
from kg.rdf.namespace import DCTERMS, ID
from kg.rdf.store import DERIVED_GRAPH, derive, find_store, load_nquads

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "dev"
SLOW = 2.0
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BIND = re.compile(r"--bind\s+(\w+)=(\S+)")
_REWRITE = re.compile(r"<" + re.escape(str(ID)) + r"(?!role/|graph/)[^>]*(?=>)")
_DOCUMENT_IRI = document_iri_text("")
_IDENTIFIER = str(DCTERMS.identifier)


def base_build(work: Path, scheme: str) -> Path:
    """``kg build`` of the seeds and dev texts: once (``entities``), or each text twice,
    as ``<stem>.txt`` and ``<stem>-c1.txt`` (``documents``)."""
    out = work / f"base-{scheme}"
    if find_store(out) is None:
        texts = [*sorted((REPO / "seeds").glob("*.txt")), *sorted(DEV.glob("*.txt"))]
        inputs = work / f"texts-{scheme}"
        shutil.rmtree(inputs, ignore_errors=True)
        inputs.mkdir(parents=True)
        for text in texts:
            for suffix in ("", "-c1") if scheme == "documents" else ("",):
                shutil.copy(text, inputs / f"{text.stem}{suffix}{text.suffix}")
        kg = Path(sys.executable).with_name("kg")
        subprocess.run(
            [str(kg), "build", str(inputs), "-o", str(out), "--no-html", "-q"], check=True
        )
    return out


@dataclass(frozen=True)
class Template:
    """A base graph as text to replicate: ``once`` is written once, ``parts`` once per copy,
    joined by the copy's suffix (``-c<k>``; nothing for the first copy)."""

    once: str
    parts: tuple[str, ...]
    fixed: int  # statements in ``once``
    per_copy: int  # statements in ``parts``
    fewest: int = 1  # copies

    def copies(self, size: int) -> int:
        return max(self.fewest, round((size - self.fixed) / self.per_copy))

    def write(self, fh: TextIO, copies: int) -> None:
        fh.write(self.once)
        for k in range(copies):
            fh.write(f"-c{k}".join(self.parts) if k else "".join(self.parts))


def base_quads(out: Path) -> list[pyoxigraph.Quad]:
    """The quads of a build's store without its derived graph (made again on each store)."""
    store = pyoxigraph.Store.read_only(str(find_store(out)))
    derived = pyoxigraph.NamedNode(str(DERIVED_GRAPH))
    return sorted((q for q in store if q.graph_name != derived), key=str)


def _cut(text: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
    ends = [m.end() for m in pattern.finditer(text)]
    return tuple(text[a:b] for a, b in zip([0, *ends], [*ends, len(text)], strict=True))


def _after_ids(ids: Iterable[str], suffix: str = "") -> re.Pattern[str]:
    """Each document id of ``ids`` followed by ``suffix``, where it names the document in an
    IRI or a literal (an IRI segment, an identifier, an article's, a file name before its
    extension); longest id first."""
    forms = {form for i in ids for form in (i, document_iri_text(i).removeprefix(_DOCUMENT_IRI))}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf'(?<=[/"])(?:{alternatives}){re.escape(suffix)}(?=[/>"]|-a\d|\.\w+")')


def _document_ids(quads: list[pyoxigraph.Quad]) -> set[str]:
    return {
        q.object.value
        for q in quads
        if q.predicate.value == _IDENTIFIER and q.subject.value.startswith(_DOCUMENT_IRI)
    }


def split_copies(quads: list[pyoxigraph.Quad]) -> tuple[list, list]:
    """``(facts, first copy)`` of the build of every text twice (``<id>`` and ``<id>-c1``).

    A quad that names a second copy's document belongs to that copy, and the same quad
    with ``-c1`` taken away to the first; the rest (entities, statements, memberships, and
    evidence a fact keeps from one document only) are written once whatever the copies.
    """
    ids = _document_ids(quads)
    originals = {i.removesuffix("-c1") for i in ids if i.endswith("-c1")} & ids
    second = _after_ids(originals, "-c1")
    texts = [str(q) for q in quads]
    copy_one = {text for text in texts if second.search(text)}
    copy_zero = {second.sub(lambda m: m.group().removesuffix("-c1"), t) for t in copy_one}
    first = [q for q, text in zip(quads, texts, strict=True) if text in copy_zero]
    if len(first) != len(copy_one):
        raise ValueError("the two copies of the base build differ")
    facts = [
        q
        for q, text in zip(quads, texts, strict=True)
        if text not in copy_zero and text not in copy_one
    ]
    return facts, first


def _serialise(quads: list[pyoxigraph.Quad], kind: str) -> str:
    if kind == "nq":
        return pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    triples = [pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads]
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES).decode("utf-8")


def templates(quads: list[pyoxigraph.Quad], scheme: str, kind: str) -> Template:
    """The base build's ``quads`` (:func:`base_build`) as a :class:`Template` of N-Quads
    (``kind="nq"``) or N-Triples (``"nt"``), replicated by ``scheme`` (module docstring)."""
    if scheme == "entities":
        return Template("", _cut(_serialise(quads, kind), _REWRITE), 0, len(quads))
    facts, first = split_copies(quads)
    parts = _cut(_serialise(first, kind), _after_ids(_document_ids(first)))
    return Template(_serialise(facts, kind), parts, len(facts), len(first), fewest=2)


def replicate(template: Template, copies: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        template.write(fh, copies)


def graph_file(work: Path, template: Template, size: int, kind: str, scheme: str) -> Path:
    path = work / f"graph-{scheme}-{size}.{kind}"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        replicate(template, template.copies(size), tmp)
        tmp.replace(path)
    return path


def load_store(work: Path, nq: Path, name: str, rebuild: bool) -> tuple[Path, dict]:
    """The store of ``nq``, loaded as ``kg build -j 2`` loads one (bulk load two batches
    at a time, :func:`kg.rdf.store.load_nquads`; then the derived graph).

    ``seconds`` is the bulk load (with flush and compaction), ``derive_seconds`` the
    derived graph (:func:`kg.rdf.store.derive`, a review of the whole graph); a store
    kept from before the derived graph existed gets it here.
    """
    path, meta_path = work / f"store-{name}", work / f"store-{name}.json"
    if rebuild or not meta_path.exists():
        shutil.rmtree(path, ignore_errors=True)
        t0 = time.perf_counter()
        load_nquads(path, nq, threads=2)
        seconds = time.perf_counter() - t0
        triples = len(pyoxigraph.Store.read_only(str(path)))
        meta = {"triples": triples, "seconds": seconds, "when": time.strftime("%F %T")}
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if "derive_seconds" not in meta:
        store = pyoxigraph.Store(str(path))
        t0 = time.perf_counter()
        meta["derived"] = derive(store)
        store.flush()
        meta["derive_seconds"] = time.perf_counter() - t0
        del store
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return path, meta


def derived_triples(store: pyoxigraph.Store) -> list[pyoxigraph.Triple]:
    """The store's derived graph as triples (given to rdflib too, so both see them)."""
    derived = pyoxigraph.NamedNode(str(DERIVED_GRAPH))
    return [
        pyoxigraph.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, derived)
    ]


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


class _Cap(Exception):
    """rdflib ran past the cap."""


def _alarm(_signum: int, _frame: object) -> None:
    raise _Cap


def on_rdflib(
    graph: Graph, store: pyoxigraph.Store, text: str, cap: float
) -> tuple[float | None, int]:
    """One run of rdflib's evaluator; ``(None, -1)`` when it is cut off after ``cap`` s.

    rdflib evaluates in Python, so a SIGALRM raised between bytecodes stops it cleanly.
    """
    sparql = bound_text(store, text, example_bindings(text))
    previous = signal.signal(signal.SIGALRM, _alarm)
    t0 = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, cap)
        rows = len(list(graph.query(sparql, initNs=_PREFIXES)))
    except _Cap:
        return None, -1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return (time.perf_counter() - t0) * 1000, rows


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


def _rdflib_term(term: object) -> Node:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if term.language:  # a pyoxigraph.Literal
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def rdflib_graph(nt: Path, extra: list[pyoxigraph.Triple]) -> tuple[Graph, float]:
    """An in-memory rdflib ``Graph`` of ``nt`` and ``extra``: parsed by Oxigraph, terms
    converted."""
    t0 = time.perf_counter()
    graph = Graph()
    terms: dict[object, Node] = {}

    def term(t: object) -> Node:
        out = terms.get(t)
        if out is None:
            out = terms[t] = _rdflib_term(t)
        return out

    with nt.open("rb") as fh:
        parsed = pyoxigraph.parse(fh, format=pyoxigraph.RdfFormat.N_TRIPLES)
        triples = itertools.chain(parsed, extra)
        graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in triples)
    return graph, time.perf_counter() - t0


def _ratio(a: float | None, b: float | None) -> str:
    return f"×{b / a:.1f}" if a and b else "—"


def scaling(
    args: argparse.Namespace, queries: dict[str, str], quads: list, nq_template: Template
) -> None:
    """Every query at each ``--scaling`` size, on the store and on rdflib (capped)."""
    nt_template = None
    sizes = [int(s) for s in args.scaling.split(",") if s]
    store_ms: dict[str, list[float]] = {name: [] for name in queries}
    rdflib_ms: dict[str, list[float | str | None]] = {name: [] for name in queries}
    rows_at: dict[str, list[int]] = {name: [] for name in queries}
    triples = []
    for size in sizes:
        nq = graph_file(args.work, nq_template, size, "nq", args.replicate)
        path, meta = load_store(args.work, nq, f"{args.replicate}-{size}", args.rebuild)
        store = pyoxigraph.Store.read_only(str(path))
        triples.append(meta["triples"])
        rate = meta["triples"] / meta["seconds"]
        print(
            f"\n{meta['triples']:,} triples ({nq_template.copies(size)} copies): store load "
            f"{rate:,.0f}/s, derived graph "
            f"({meta['derived']} ranks) {meta['derive_seconds']:.1f} s",
            flush=True,
        )
        graph = None
        if size <= args.rdflib_max:
            nt_template = nt_template or templates(quads, args.replicate, "nt")
            nt = graph_file(args.work, nt_template, size, "nt", args.replicate)
            graph, parse_s = rdflib_graph(nt, derived_triples(store))
            print(f"  rdflib graph in memory: {len(graph):,} triples, {parse_s:.1f} s", flush=True)
        for name, text in queries.items():
            ms, rows = on_store(store, name, text)
            store_ms[name].append(ms)
            rows_at[name].append(rows)
            line = f"  {name}: store {ms:.1f} ms, rows {rows}"
            if graph is None:
                rdflib_ms[name].append("not run")
            else:
                rms, rrows = on_rdflib(graph, store, text, args.rdflib_cap)
                rdflib_ms[name].append(rms)
                line += f", rdflib {'> cap' if rms is None else f'{rms:,.0f} ms'}"
                if rms is not None and rrows != rows:
                    line += f" (rdflib {rrows} rows)"
            print(line, flush=True)
        del graph, store

    def rdflib_cell(value: float | str | None, ms: float) -> str:
        if isinstance(value, str):
            return value
        if value is None:
            return f"> {args.rdflib_cap:g} s (> {args.rdflib_cap * 1000 / ms:,.0f}×)"
        return f"{value:,.0f} ({value / ms:,.0f}×)"

    heads = [f"{t / 1000:,.0f} k" for t in triples]
    steps = [f"{a}→{b}" for a, b in itertools.pairwise(heads)]
    size_growth = [_ratio(a, b) for a, b in itertools.pairwise(triples)]
    print(
        f"\nscaling (median ms on the store; growth of the latency beside the graph's "
        f"growth, {', '.join(f'{s} {g}' for s, g in zip(steps, size_growth, strict=True))}; "
        f"rdflib in memory: one run, cut at {args.rdflib_cap:g} s, speed-up in brackets)"
    )
    cols = [f"store {h}" for h in heads] + [f"growth {s}" for s in steps]
    cols += [f"rdflib {h}" for h in heads] + [f"rows {h}" for h in heads]
    print("| query | binding | " + " | ".join(cols) + " |")
    print("|---|---|" + "---:|" * len(cols))
    for name, text in queries.items():
        ms = store_ms[name]
        bind = " ".join(f"{k}={v}" for k, v in example_bindings(text).items()) or "—"
        cells = [f"{m:,.1f}" for m in ms]
        cells += [_ratio(a, b) for a, b in itertools.pairwise(ms)]
        cells += [rdflib_cell(r, m) for r, m in zip(rdflib_ms[name], ms, strict=True)]
        cells += [f"{r:,}" for r in rows_at[name]]
        print(f"| {name} | {bind} | " + " | ".join(cells) + " |", flush=True)


def big_store(args: argparse.Namespace, queries: dict[str, str], template: Template) -> None:
    """Load time, size and latency (store, ``kg serve``) at ``--triples``."""
    nq = graph_file(args.work, template, args.triples, "nq", args.replicate)
    path, meta = load_store(args.work, nq, f"{args.replicate}-{args.triples}", args.rebuild)
    print(f"\n{template.copies(args.triples)} copies ({args.replicate})")
    rate = meta["triples"] / meta["seconds"]
    print(
        f"\nstore load: {meta['triples']:,} triples in {meta['seconds']:.1f} s = "
        f"{rate:,.0f} triples/s (bulk load of N-Quads, on disk; measured {meta['when']}); "
        f"derived graph ({meta['derived']} ranks, kg.rdf.store.derive) "
        f"{meta['derive_seconds']:.1f} s"
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


def main() -> None:
    parser = argparse.ArgumentParser(description="kg SPARQL at scale")
    parser.add_argument("--triples", type=int, default=10_000_000, help="0: no big store")
    parser.add_argument("--work", type=Path, default=Path("/tmp/store-bench"))
    parser.add_argument("--replicate", choices=("documents", "entities"), default="documents")
    parser.add_argument("--scaling", default="100000,300000,1000000")
    parser.add_argument("--rdflib-max", type=int, default=1_000_000)
    parser.add_argument("--rdflib-cap", type=float, default=20.0, help="seconds per query")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    queries = bundled_queries()
    quads = base_quads(base_build(args.work, args.replicate))
    template = templates(quads, args.replicate, "nq")
    print(
        f"base build (seeds + {len(list(DEV.glob('*.txt')))} dev texts"
        f"{', each twice' if args.replicate == 'documents' else ''}): {len(quads):,} quads; "
        f"--replicate {args.replicate}: {template.fixed:,} written once, "
        f"{template.per_copy:,} per copy"
    )
    if args.scaling:
        scaling(args, queries, quads, template)
    if args.triples:
        big_store(args, queries, template)


if __name__ == "__main__":
    main()
