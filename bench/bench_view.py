"""Time to a stable, interactive view page in headless Debian chromium (make bench-view).

For synthetic graphs of 500, 5,000 and 20,000 nodes (seeded, shaped like the seed graph:
about 30 % unlinked nodes, a few hubs, 1.2 relations per linked node) it prints: the time
to render the HTML in Python, the page size, the time from opening the page to a stable
layout (``data-kg-stabilized``), and the time a search + select + neighbourhood takes
once it is stable. The default page draws at most ``limits.max_nodes`` (2,000) nodes;
``--no-limit`` also measures the whole graph, to show why the limit exists.

Usage: python bench/bench_view.py [--sizes 500 5000 20000] [--no-limit] [--timeout 600]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from headless import chromium, wait_for

from kg.types import EntityType, RelationType
from kg.views import load_style, render_html

HAN = "工会总市省区县职业技能大赛春风行动西安吉林湖北中国有限公司集团学院驿站服务中心委员会"


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A seeded graph of ``n`` nodes shaped like the seed build."""
    rng = random.Random(seed)
    types = [str(t) for t in EntityType]
    predicates = [str(p) for p in RelationType]
    G = nx.MultiDiGraph()
    G.graph["articles"] = {"a1": {"headline": "测试", "source": "bench.txt", "document_id": "d"}}
    ids = []
    for i in range(n):
        t = types[i % len(types)]
        name = "".join(rng.choice(HAN) for _ in range(rng.randint(3, 9))) + str(i)
        node = f"{t}/{name}"
        ids.append(node)
        G.add_node(node, type=t, name=name, aliases=[], provenance=[])
    linked = ids[: int(0.7 * n)]
    for i in range(1, len(linked)):
        # preferential attachment towards early nodes gives a few hubs
        j = int(i * rng.random() ** 3)
        p = rng.choice(predicates)
        sentence = f"{G.nodes[linked[i]]['name']}与{G.nodes[linked[j]]['name']}。"
        ev = [{"document_id": "d", "article_id": "a1", "sentence": sentence, "start": 0, "end": 1}]
        G.add_edge(linked[i], linked[j], key=p, predicate=p, role=None, amount=None, evidence=ev)
    for _ in range(len(linked) // 5):
        a, b = rng.sample(linked, 2)
        G.add_edge(
            a, b, key="partnerOf", predicate="partnerOf", role=None, amount=None, evidence=[]
        )
    return G


PROBE_JS = """() => {
  const t0 = performance.now();
  const input = document.getElementById('kg-search-input');
  input.value = '工会';
  input.dispatchEvent(new Event('input'));
  const hit = document.querySelector('#kg-search-results button.kg-hit');
  if (hit) hit.click();
  return {ms: performance.now() - t0, selected: document.body.dataset.kgSelected || null};
}"""


def measure(browser, G: nx.MultiDiGraph, max_nodes: int | None, timeout: float) -> dict:
    t = time.perf_counter()
    html = render_html(G, title="bench", max_nodes=max_nodes)
    render_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.html"
        path.write_text(html, encoding="utf-8")
        report: dict = {}
        page = browser.context.new_page()
        page.on("pageerror", lambda e: report.setdefault("errors", []).append(str(e)))
        t = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        try:
            wait_for(page, "() => document.body.dataset.kgStabilized === 'true'", timeout)
            stable_s = time.perf_counter() - t
            probe = page.evaluate(PROBE_JS)
        except AssertionError:
            stable_s, probe = float("nan"), {"ms": float("nan"), "selected": None}
        drawn = page.evaluate(
            "() => window.kgNetwork ? window.kgNetwork.body.data.nodes.length : 0"
        )
        page.close()
    return {
        "nodes": G.number_of_nodes(),
        "drawn": drawn,
        "render_s": render_s,
        "mb": len(html.encode()) / 1e6,
        "stable_s": stable_s,
        "probe_ms": probe["ms"],
        "errors": report.get("errors", []),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 20000])
    ap.add_argument("--no-limit", action="store_true", help="also draw every node")
    ap.add_argument("--timeout", type=float, default=600.0)
    args = ap.parse_args()
    rows = []
    limit = int(load_style()["limits"]["max_nodes"])
    with tempfile.TemporaryDirectory() as profile, chromium(Path(profile)) as browser:
        for n in args.sizes:
            G = synthetic(n)
            rows.append(("default", measure(browser, G, None, args.timeout)))
            if args.no_limit and n > limit:
                rows.append(("no limit", measure(browser, G, n, args.timeout)))
            for mode, r in rows[-2:]:
                if r["nodes"] == n:
                    print("...", _row(mode, r), file=sys.stderr, flush=True)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} (1/5/15 min) at the end")
    print(
        "| graph nodes | page | nodes drawn | HTML render (s) | page size (MB) "
        "| open → stable layout (s) | search + select (ms) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    for mode, r in rows:
        print(_row(mode, r))


def _row(mode: str, r: dict) -> str:
    stable = "—" if r["stable_s"] != r["stable_s"] else f"{r['stable_s']:.1f}"
    probe = "—" if r["probe_ms"] != r["probe_ms"] else f"{r['probe_ms']:.0f}"
    note = f" ({'; '.join(r['errors'])})" if r["errors"] else ""
    return (
        f"| {r['nodes']:,} | {mode} | {r['drawn']:,} | {r['render_s']:.1f} | {r['mb']:.1f} "
        f"| {stable}{note} | {probe} |"
    )


if __name__ == "__main__":
    main()
