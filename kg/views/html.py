"""A self-contained, navigable HTML page of the graph (vis-network from pyvis, inlined).

The page: a search box (name or alias, simplified or traditional, partial match), legend
entries that toggle entity and relation types (with counts), "hide isolated nodes" (on
at first; the header says how many), the k-hop neighbourhood of a clicked node (the rest
dimmed; Escape clears), colours by community (Louvain from :mod:`kg.analysis`, fixed seed)
with a legend naming each community's most central member, a details panel (type, name,
aliases, every relation with its role or amount, and the evidence: sentence, headline,
source file, date), labels on the most central nodes at any zoom, a physics toggle.
A graph over ``limits.max_nodes`` (``style.yaml``) is drawn as its best linked nodes and
the header says so.

Everything that comes from articles (names, aliases, roles, sentences, ids) is data and
stays inert in the page:

* the page's own script builds the search results, details panel and community legend
  with ``textContent`` and attribute values only, never ``innerHTML``;
* tooltips are plain-text strings; vis-network 9 (the version pyvis ships) puts a string
  ``title`` into the tooltip with ``innerText``, so markup in it is shown, not parsed.
  They are therefore *not* HTML-escaped (that would show ``&lt;`` to the reader);
  pyvis's own template is not used because it switches to ``innerHTML`` tooltips as soon
  as any title contains ``href``;
* the data is embedded as JSON in a ``<script>`` with ``<``, ``>``, ``&``, U+2028 and
  U+2029 written as ``\\uXXXX`` escapes, so no ``</script>`` or ``<!--`` can end or alter
  the script element;
* the page title and legend go through Jinja2 with autoescape;
* a Content-Security-Policy allows only the page's own scripts (by SHA-256 hash) and no
  network access at all, as a second line of defence.

The vis-network JS/CSS come from pyvis's ``in_line`` resources; nothing is loaded from a
network. Output is deterministic: same graph and options → byte-identical HTML, and the
layout is seeded (``vis_options.layout.randomSeed``).
"""

from __future__ import annotations

import base64
import copy
import hashlib
import importlib.util
import itertools
import json
import math
import os
import re
from collections import Counter, defaultdict
from functools import cache, lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from kg.analysis import actor_communities, undirected_projection
from kg.errors import Errors, ResourceError, ViewError
from kg.io import atomic_write_text, load_yaml
from kg.types import EntityType, RelationType
from kg.views.select import simplified, top_nodes, traditional

__all__ = ["ARTICLE_DATE", "cjk_fonts", "load_style", "render_html", "write_html"]

VIS_VERSION = "9.1.2"
_VIS_DIR = f"templates/lib/vis-{VIS_VERSION}"

# Legend symbols for the polygon shapes, in an 18×18 box.
_POLYGONS = {
    "dot": "9,2.5 15.5,9 9,15.5 2.5,9",
    "diamond": "9,1.5 16.5,9 9,16.5 1.5,9",
    "triangle": "9,2 16,15 2,15",
    "triangleDown": "2,3 16,3 9,16",
    "hexagon": "5,2.5 13,2.5 16.5,9 13,15.5 5,15.5 1.5,9",
    "star": "9,1 11,6.5 16.8,6.6 12.2,10.1 13.9,15.7 9,12.4 4.1,15.7 5.8,10.1 1.2,6.6 7,6.5",
}
_SHAPES = frozenset({"dot", "square", *_POLYGONS})
_CSS_VALUE = re.compile(r"^[#\w().,%\s+\-]+$")
_TOKEN = re.compile(r"__KG_[A-Z]+__")
_FONT_NAME = re.compile(r"^[\w ]+$")

#: Key of the publication date in ``G.graph["articles"][id]``, shown with the evidence.
ARTICLE_DATE = "date"


def render_html(
    G: nx.MultiDiGraph,
    *,
    title: str = "kg",
    focus: str | None = None,
    max_nodes: int | None = None,
) -> str:
    """Render the graph as one self-contained, navigable HTML page.

    The page has a search box (names and aliases, simplified or traditional), legend
    entries that toggle entity and relation types, "hide isolated nodes", a k-hop
    neighbourhood on click, a community colouring (Louvain, fixed seed) and a details
    panel with the evidence of every relation.

    Parameters
    ----------
    G
        The graph model of :mod:`kg.graph` (node attrs ``type``/``name``/``aliases``/
        ``provenance``; edge attrs ``predicate``/``role``/``amount``/``evidence``).
    title
        Page title and heading (plain text; escaped).
    focus
        Node id selected (details shown, neighbourhood highlighted) when the page opens.
    max_nodes
        Draw at most this many nodes: past it, the top ones by degree, and the header
        says so. Default: ``limits.max_nodes`` of ``style.yaml``.

    Returns
    -------
    str
        The HTML page: vis-network inlined, no network access needed.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    >>> html = render_html(G, title="demo")
    >>> html.startswith("<!DOCTYPE html>") and "西安市" in html
    True
    """
    style = load_style()
    limits = style.get("limits", {})
    limit = int(max_nodes if max_nodes is not None else limits.get("max_nodes", 2000))
    total = G.number_of_nodes()
    shown = top_nodes(G, max(0, limit))
    if focus is not None and focus not in shown:
        raise ViewError(Errors.E601.format(name=focus, hint="not among the nodes drawn"))
    ordered = _ordered_edges(shown)
    order = _SourceOrder()
    nodes, edges = _vis_data(shown, style, ordered, order)
    view = _view_data(shown, style, focus, ordered, order)
    options = copy.deepcopy(style["vis_options"])
    for part in ("nodes", "edges"):
        options.setdefault(part, {}).setdefault("font", {})["face"] = _css_fonts(style)
    if shown.number_of_nodes() > int(limits.get("fast_above", 1000)):
        options.setdefault("interaction", {})["hideEdgesOnZoom"] = True
        stab = options.setdefault("physics", {}).setdefault("stabilization", {})
        stab["iterations"] = int(limits.get("fast_iterations", 100))
    main_js = _fill(
        _text("view.js"),
        {
            "__KG_NODES__": _js(nodes),
            "__KG_EDGES__": _js(edges),
            "__KG_OPTIONS__": _js(options),
            "__KG_FREEZE__": _js(bool(style.get("freeze_after_stabilisation", True))),
            "__KG_VIEW__": _js(view),
        },
    )
    canvas = style.get("canvas", {})
    page_css = _fill(
        _text("view.css"),
        {
            "__KG_HEIGHT__": _css_value(canvas.get("height", "calc(100vh - 49px)")),
            "__KG_BACKGROUND__": _css_value(canvas.get("background", "#ffffff")),
            "__KG_FONTS__": _css_fonts(style),
        },
    )
    vis_js, vis_css = _vis_assets()
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(main_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    type_counts = Counter(str(data.get("type") or "") for _, data in shown.nodes(data=True))
    predicate_counts = Counter(
        str(data.get("predicate") or key) for *_, key, data in shown.edges(keys=True, data=True)
    )
    n_isolated = sum(1 for n in shown if shown.degree(n) == 0)
    html = _template().render(
        title=title,
        csp=csp,
        pyvis_version=_pyvis_version(),
        vis_version=VIS_VERSION,
        vis_css=Markup(vis_css),
        vis_js=Markup(vis_js),
        page_css=Markup(page_css),
        main_js=Markup(main_js),
        n_nodes=shown.number_of_nodes(),
        n_edges=shown.number_of_edges(),
        n_total=total,
        n_isolated=n_isolated,
        limited=shown.number_of_nodes() < total,
        type_legend=_type_legend(style, type_counts),
        predicate_legend=_predicate_legend(style, predicate_counts),
        polygons=_POLYGONS,
    )
    return html


def write_html(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    title: str = "kg",
    focus: str | None = None,
    max_nodes: int | None = None,
) -> Path:
    """Write :func:`render_html` output to ``path`` atomically and return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.graph import build_graph
    >>> p = write_html(build_graph([], []), pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> p.suffix
    '.html'
    """
    return atomic_write_text(path, render_html(G, title=title, focus=focus, max_nodes=max_nodes))


@lru_cache(maxsize=1)
def _load_style_cached() -> dict[str, Any]:
    data = load_yaml(_text("style.yaml"))
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise ResourceError(
            Errors.E102.format(name="views/data/style.yaml", line=1, reason="no 'types' mapping")
        )
    for name, spec in [*data["types"].items(), ("default_type", data.get("default_type", {}))]:
        shape = spec.get("shape", "dot")
        if shape not in _SHAPES:
            raise ResourceError(
                Errors.E102.format(
                    name="views/data/style.yaml",
                    line=1,
                    reason=f"{name}: shape {shape!r} is not one of {sorted(_SHAPES)}",
                )
            )
    for font in data.get("fonts", []):
        if not _FONT_NAME.match(str(font)):
            raise ResourceError(
                Errors.E102.format(
                    name="views/data/style.yaml", line=1, reason=f"bad font name {font!r}"
                )
            )
    return data


def load_style() -> dict[str, Any]:
    """The view style (``kg/views/data/style.yaml``) as a fresh dict.

    Examples
    --------
    >>> load_style()["types"]["Union"]["shape"]
    'dot'
    """
    return copy.deepcopy(_load_style_cached())


def cjk_fonts() -> list[str]:
    """The font families the page asks for, in order (Linux, macOS, Windows CJK fonts).

    The notebook's plots use the same list.

    Examples
    --------
    >>> "Noto Sans CJK SC" in cjk_fonts() and "Microsoft YaHei" in cjk_fonts()
    True
    """
    return [str(f) for f in _load_style_cached().get("fonts", [])]


# -- building the vis-network data -------------------------------------------------------


def _vis_data(
    G: nx.MultiDiGraph,
    style: dict[str, Any],
    ordered: list[Any] | None = None,
    order: _SourceOrder | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    # The vis-network dicts are built here, not with pyvis's Network: its add_node and
    # add_edge look nodes up in a list, which is quadratic in the size of the graph.
    size = style.get("node_size", {})
    smin = float(size.get("min", 8))
    sstep = float(size.get("per_sqrt_degree", 6))
    smax = float(size.get("max", 48))
    tips = style.get("tooltip", {})
    articles = G.graph.get("articles", {}) or {}
    order = _SourceOrder() if order is None else order
    nodes: list[dict[str, Any]] = []
    # Sorted, so the page does not depend on insertion order (e.g. after an RDF round trip).
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        spec = _type_style(style, data.get("type", ""))
        item: dict[str, Any] = {
            "id": str(node),
            "label": str(data.get("name") or node) or " ",
            "shape": spec.get("shape", "dot"),
            "color": _node_colour(spec["color"], spec["border"]),
            "size": round(min(smax, smin + sstep * math.sqrt(G.degree(node))), 2),
            "title": _node_tooltip(data, tips, articles, order),
        }
        if spec.get("dashed"):
            item["shapeProperties"] = {"borderDashes": [4, 3]}
            item["borderWidth"] = 2
        nodes.append(item)
    roundness = float(style.get("parallel_edge_roundness", 0.25))
    seen: defaultdict[frozenset[Any], int] = defaultdict(int)
    edges: list[dict[str, Any]] = []
    ordered = _ordered_edges(G) if ordered is None else ordered
    for i, (head, tail, key, data) in enumerate(ordered):
        predicate = str(data.get("predicate") or key)
        spec = _predicate_style(style, predicate)
        pair = frozenset((head, tail))
        k = seen[pair]
        seen[pair] += 1
        item = {
            "from": str(head),
            "to": str(tail),
            "id": f"e{i}",
            "label": _edge_label(predicate, data.get("role")),
            "title": _edge_tooltip(G, head, tail, predicate, data, tips, articles, order),
            "color": {"color": spec["color"], "highlight": spec["color"], "hover": spec["color"]},
            "arrows": {"to": {"enabled": bool(spec.get("arrow", True))}},
        }
        if k:
            item["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": roundness * k}
        edges.append(item)
    return nodes, edges


def _ordered_edges(G: nx.MultiDiGraph) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    """Edges by (head, key, tail) as text, then by their data's JSON: that last key only
    decides between edges the first three do not tell apart, so it is only made then."""
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[2]), str(e[1])))
    keys = [(str(e[0]), str(e[2]), str(e[1])) for e in edges]
    if any(a == b for a, b in itertools.pairwise(keys)):
        edges.sort(key=lambda e: (str(e[0]), str(e[2]), str(e[1]), _js(e[3])))
    return edges


def _node_colour(background: str, border: str) -> dict[str, Any]:
    return {
        "background": background,
        "border": border,
        "highlight": {"background": background, "border": "#000000"},
        "hover": {"background": background, "border": "#000000"},
    }


def _view_data(
    G: nx.MultiDiGraph,
    style: dict[str, Any],
    focus: str | None,
    ordered: list[Any] | None = None,
    order: _SourceOrder | None = None,
) -> dict[str, Any]:
    """Everything the page's own script needs beyond vis-network's nodes and edges.

    Nodes are referred to by their index in the sorted id list. Article text stays data:
    the script writes it with ``textContent`` only.
    """
    order = _SourceOrder() if order is None else order
    shown = int(style.get("evidence", {}).get("max_items", 50))
    H = undirected_projection(G)
    degree = {str(n): d for n, d in H.degree()}
    ids = sorted(str(n) for n in G)
    index = {n: i for i, n in enumerate(ids)}
    palette = [str(c) for c in style.get("community_palette", ["#4e79a7"])]
    community_of: dict[str, int] = {}
    legend = []
    for c, members in enumerate(actor_communities(G, min_size=1)):
        for m in members:
            community_of[m] = c
        central = min(members, key=lambda m: (-degree.get(m, 0), str(G.nodes[m].get("name")), m))
        legend.append(
            {
                "colour": palette[c] if c < len(palette) else None,
                "size": len(members),
                "central": index[central],
            }
        )
    labels = style.get("labels", {})
    linked = sorted((n for n in ids if degree.get(n, 0) > 0), key=lambda n: (-degree[n], n))
    names: set[str] = set()
    info = []
    for n in ids:
        data = G.nodes[n]
        aliases = sorted({str(a) for a in data.get("aliases") or ()})
        name = str(data.get("name") or n)
        names.update([name, *aliases])
        info.append(
            {
                "id": n,
                "type": str(data.get("type") or ""),
                "name": name,
                "aliases": aliases,
                "keys": sorted({simplified(k) for k in [name, *aliases] if k}),
                "degree": degree.get(n, 0),
                "community": community_of.get(n, -1),
                **_evidence(order(data.get("provenance")), shown),
            }
        )
    relations = [
        {
            "from": index[str(head)],
            "to": index[str(tail)],
            "predicate": str(data.get("predicate") or key),
            "role": str(data.get("role") or ""),
            "amount": str(data.get("amount") or ""),
            **_evidence(order(data.get("evidence")), shown),
        }
        for head, tail, key, data in (_ordered_edges(G) if ordered is None else ordered)
    ]
    articles = {
        str(aid): {
            "headline": str(a.get("headline") or ""),
            "source": str(a.get("source") or ""),
            "date": str(a.get(ARTICLE_DATE) or ""),
        }
        for aid, a in sorted((G.graph.get("articles") or {}).items())
    }
    dim = style.get("dimmed", {})
    return {
        "nodes": info,
        "relations": relations,
        "articles": articles,
        "communities": legend,
        "communityOther": str(style.get("community_other", "#c7c7c7")),
        "labelled": [index[n] for n in linked[: int(labels.get("top", 15))]],
        "labelPx": float(labels.get("screen_px", 14)),
        "focus": index[focus] if focus is not None else None,
        "charmap": _char_map(names),
        "dimmed": {
            "background": str(dim.get("background", "#eeeeee")),
            "border": str(dim.get("border", "#dddddd")),
            "font": str(dim.get("font", "#cccccc")),
            "edge": str(dim.get("edge", "#eeeeee")),
        },
        "font": str(style["vis_options"].get("nodes", {}).get("font", {}).get("color", "#222")),
    }


class _SourceOrder:
    """Provenance lists in source order (:func:`_prov_key`), each sorted once per page:
    a node's or an edge's tooltip and its details panel show the same list."""

    def __init__(self) -> None:
        self._done: dict[int, tuple[Any, list[dict[str, Any]]]] = {}

    def __call__(self, prov: Any) -> list[dict[str, Any]]:
        if not prov:
            return []
        hit = self._done.get(id(prov))
        if hit is None or hit[0] is not prov:  # the list itself is kept, so ids stay unique
            hit = self._done[id(prov)] = (prov, sorted(prov, key=_prov_key))
        return hit[1]


def _evidence(ordered: list[dict[str, Any]], shown: int) -> dict[str, Any]:
    """The first ``shown`` pieces of evidence (``evidence``) and how many there are."""
    return {
        "evidence": [
            {"sentence": str(p.get("sentence", "")), "article": str(p.get("article_id", ""))}
            for p in ordered[: max(0, shown)]
        ],
        "evidenceCount": len(ordered),
    }


def _char_map(names: set[str]) -> dict[str, str]:
    # traditional → simplified for the characters of the graph's names, so that the page
    # can match a query typed in traditional characters without a converter of its own
    out: dict[str, str] = {}
    for ch in sorted({ch for name in names for ch in name if not ch.isascii()}):
        simple = simplified(ch)
        for variant in (traditional(ch), ch):
            if len(variant) == 1 and len(simple) == 1 and variant != simple:
                out[variant] = simple
    return dict(sorted(out.items()))


def _css_fonts(style: dict[str, Any]) -> str:
    return ", ".join([*(f'"{f}"' for f in style.get("fonts", [])), "sans-serif"])


def _type_style(style: dict[str, Any], type_: str) -> dict[str, Any]:
    default = {"label": type_, "color": "#bab0ac", "border": "#7a716d", "shape": "dot"}
    default.update(style.get("default_type", {}))
    return {**default, **style["types"].get(type_, {})}


def _predicate_style(style: dict[str, Any], predicate: str) -> dict[str, Any]:
    default = {"color": "#999999", "arrow": True}
    default.update(style.get("default_predicate", {}))
    return {**default, **style.get("predicates", {}).get(predicate, {})}


def _edge_label(predicate: str, role: str | None) -> str:
    if predicate == RelationType.MEMBER_OF and role:
        return f"{predicate}: {role}"
    return predicate


def _source_line(
    ordered: list[dict[str, Any]], tips: dict[str, Any], articles: dict[str, Any]
) -> list[str]:
    """The first piece of evidence in source order, and how many more there are."""
    if not ordered:
        return []
    first = ordered[0]
    sentence = " ".join(str(first.get("sentence", "")).split())
    limit = int(tips.get("sentence_chars", 200))
    if len(sentence) > limit:
        sentence = sentence[: limit - 1] + "…"
    article_id = str(first.get("article_id", ""))
    headline = str((articles.get(article_id) or {}).get("headline", "") or "")
    where = f"[{article_id}]" + (f" {headline}" if headline else "")
    more = f" (+{len(ordered) - 1})" if len(ordered) > 1 else ""
    return [f"{tips.get('source', 'source')}{more}: {where}", sentence]


def _prov_key(p: dict[str, Any]) -> tuple[str, str, int, int, str]:
    return (
        str(p.get("document_id", "")),
        str(p.get("article_id", "")),
        int(p.get("start") or 0),
        int(p.get("end") or 0),
        str(p.get("sentence", "")),
    )


def _node_tooltip(
    data: dict[str, Any], tips: dict[str, Any], articles: dict[str, Any], order: _SourceOrder
) -> str:
    lines = [
        str(data.get("name", "")),
        f"{tips.get('type', 'type')}: {data.get('type', '')}",
    ]
    aliases = sorted(str(a) for a in data.get("aliases") or ())
    if aliases:
        lines.append(f"{tips.get('aliases', 'aliases')}: {'、'.join(aliases)}")
    lines += _source_line(order(data.get("provenance")), tips, articles)
    return "\n".join(lines)


def _edge_tooltip(
    G: nx.MultiDiGraph,
    head: Any,
    tail: Any,
    predicate: str,
    data: dict[str, Any],
    tips: dict[str, Any],
    articles: dict[str, Any],
    order: _SourceOrder,
) -> str:
    h = G.nodes[head].get("name", head)
    t = G.nodes[tail].get("name", tail)
    lines = [f"{h} —{predicate}→ {t}"]
    if data.get("role"):
        lines.append(f"{tips.get('role', 'role')}: {data['role']}")
    if data.get("amount"):
        lines.append(f"{tips.get('amount', 'amount')}: {data['amount']}")
    lines += _source_line(order(data.get("evidence")), tips, articles)
    return "\n".join(lines)


def _type_legend(style: dict[str, Any], counts: Counter[str]) -> list[dict[str, Any]]:
    types = [str(t) for t in EntityType]
    types += sorted(t for t in counts if t and t not in types)
    legend = []
    for type_ in types:
        spec = _type_style(style, type_)
        legend.append(
            {
                "type": type_,
                "label": spec.get("label", type_),
                "color": spec["color"],
                "border": spec["border"],
                "shape": spec.get("shape", "dot"),
                "dashed": bool(spec.get("dashed")),
                "count": counts.get(type_, 0),
            }
        )
    return legend


def _predicate_legend(style: dict[str, Any], counts: Counter[str]) -> list[dict[str, Any]]:
    predicates = [str(p) for p in RelationType]
    predicates += sorted(p for p in counts if p and p not in predicates)
    return [
        {
            "predicate": p,
            "color": _predicate_style(style, p)["color"],
            "arrow": bool(_predicate_style(style, p).get("arrow", True)),
            "count": counts.get(p, 0),
        }
        for p in predicates
    ]


# -- escaping and resources --------------------------------------------------------------


def _js(value: Any) -> str:
    """JSON for a JavaScript literal inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where ``\\u003c`` etc. mean the
    same character; written that way, the text can hold neither ``</script`` nor ``<!--``.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _fill(text: str, values: dict[str, str]) -> str:
    # One pass, so a placeholder-like string inside inserted data is left alone.
    return _TOKEN.sub(lambda m: values.get(m.group(0), m.group(0)), text)


def _css_value(value: Any) -> str:
    text = str(value)
    if not _CSS_VALUE.match(text):
        raise ResourceError(
            Errors.E102.format(
                name="views/data/style.yaml", line=1, reason=f"unsafe CSS value {text!r}"
            )
        )
    return text


def _sha256(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


@cache
def _text(name: str) -> str:
    try:
        return resources.files("kg.views").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(Errors.E101.format(name=f"views/data/{name}")) from exc


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    # the package's folder from its import spec: importing pyvis itself (as
    # resources.files would) imports IPython and networkx, a third of a second
    spec = importlib.util.find_spec("pyvis")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    base = Path(folders[0]) if folders else resources.files("pyvis")
    base = base.joinpath(*_VIS_DIR.split("/"))
    try:
        js = base.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = base.joinpath("vis-network.css").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(Errors.E101.format(name=f"pyvis {_VIS_DIR}")) from exc
    for name, text, end in (("js", js, "</script"), ("css", css, "</style")):
        if end in text.lower():
            raise ResourceError(
                Errors.E102.format(
                    name=f"pyvis vis-network.{name}", line=1, reason=f"contains {end!r}"
                )
            )
    return js, css


@lru_cache(maxsize=1)
def _template() -> Any:
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_text("template.html"))


def _pyvis_version() -> str:
    try:
        return version("pyvis")
    except PackageNotFoundError:  # pragma: no cover - pyvis is a dependency
        return "unknown"
