"""A self-contained interactive HTML page of the graph (pyvis + vis-network, inlined).

Everything that comes from articles (names, aliases, roles, sentences, ids) is data and
stays inert in the page:

* tooltips are plain-text strings; vis-network 9 (the version pyvis ships) puts a string
  ``title`` into the tooltip with ``innerText``, so markup in it is shown, not parsed.
  They are therefore *not* HTML-escaped (that would show ``&lt;`` to the reader);
  pyvis's own template is not used because it switches to ``innerHTML`` tooltips as soon
  as any title contains ``href``;
* the node/edge data is embedded as JSON in a ``<script>`` with ``<``, ``>``, ``&``,
  U+2028 and U+2029 written as ``\\uXXXX`` escapes, so no ``</script>`` or ``<!--`` can
  end or alter the script element;
* the page title and legend go through Jinja2 with autoescape;
* a Content-Security-Policy allows only the page's own scripts (by SHA-256 hash) and no
  network access at all, as a second line of defence.

The vis-network JS/CSS come from pyvis's ``in_line`` resources; nothing is loaded from a
network. Output is deterministic: same graph and title → byte-identical HTML.
"""

from __future__ import annotations

import base64
import copy
import hashlib
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
import yaml
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network

from kg.errors import Errors, ResourceError
from kg.io import atomic_write_text
from kg.types import EntityType, RelationType

__all__ = ["load_style", "render_html", "write_html"]

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


def render_html(G: nx.MultiDiGraph, *, title: str = "kg") -> str:
    """Render the whole graph as one self-contained HTML page.

    Parameters
    ----------
    G
        The graph model of :mod:`kg.graph` (node attrs ``type``/``name``/``aliases``/
        ``provenance``; edge attrs ``predicate``/``role``/``amount``/``evidence``).
    title
        Page title and heading (plain text; escaped).

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
    net = _network(G, style)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()

    options = copy.deepcopy(style["vis_options"])
    main_js = _fill(
        _text("view.js"),
        {
            "__KG_NODES__": _js(nodes),
            "__KG_EDGES__": _js(edges),
            "__KG_OPTIONS__": _js(options),
            "__KG_FREEZE__": _js(bool(style.get("freeze_after_stabilisation", True))),
        },
    )
    canvas = style.get("canvas", {})
    page_css = _fill(
        _text("view.css"),
        {
            "__KG_HEIGHT__": _css_value(canvas.get("height", "calc(100vh - 49px)")),
            "__KG_BACKGROUND__": _css_value(canvas.get("background", "#ffffff")),
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
    type_counts = Counter(str(data.get("type") or "") for _, data in G.nodes(data=True))
    predicate_counts = Counter(
        str(data.get("predicate") or key) for *_, key, data in G.edges(keys=True, data=True)
    )
    html = _template().render(
        title=title,
        csp=csp,
        pyvis_version=_pyvis_version(),
        vis_version=VIS_VERSION,
        vis_css=Markup(vis_css),
        vis_js=Markup(vis_js),
        page_css=Markup(page_css),
        main_js=Markup(main_js),
        n_nodes=G.number_of_nodes(),
        n_edges=G.number_of_edges(),
        type_legend=_type_legend(style, type_counts),
        predicate_legend=_predicate_legend(style, predicate_counts),
        polygons=_POLYGONS,
    )
    return html


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str = "kg") -> Path:
    """Write :func:`render_html` output to ``path`` atomically and return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.graph import build_graph
    >>> p = write_html(build_graph([], []), pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> p.suffix
    '.html'
    """
    return atomic_write_text(path, render_html(G, title=title))


@lru_cache(maxsize=1)
def _load_style_cached() -> dict[str, Any]:
    data = yaml.safe_load(_text("style.yaml"))
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
    return data


def load_style() -> dict[str, Any]:
    """The view style (``kg/views/data/style.yaml``) as a fresh dict.

    Examples
    --------
    >>> load_style()["types"]["Union"]["shape"]
    'dot'
    """
    return copy.deepcopy(_load_style_cached())


# -- building the pyvis network ----------------------------------------------------------


def _network(G: nx.MultiDiGraph, style: dict[str, Any]) -> Network:
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    size = style.get("node_size", {})
    smin = float(size.get("min", 8))
    sstep = float(size.get("per_sqrt_degree", 6))
    smax = float(size.get("max", 48))
    tips = style.get("tooltip", {})
    articles = G.graph.get("articles", {}) or {}
    # Sorted, so the page does not depend on insertion order (e.g. after an RDF round trip).
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        spec = _type_style(style, data.get("type", ""))
        extra: dict[str, Any] = {}
        if spec.get("dashed"):
            extra["shapeProperties"] = {"borderDashes": [4, 3]}
            extra["borderWidth"] = 2
        net.add_node(
            str(node),
            label=str(data.get("name") or node) or " ",
            shape=spec.get("shape", "dot"),
            color={
                "background": spec["color"],
                "border": spec["border"],
                "highlight": {"background": spec["color"], "border": "#000000"},
                "hover": {"background": spec["color"], "border": "#000000"},
            },
            size=round(min(smax, smin + sstep * math.sqrt(G.degree(node))), 2),
            title=_node_tooltip(data, tips, articles),
            **extra,
        )
    roundness = float(style.get("parallel_edge_roundness", 0.25))
    seen: defaultdict[frozenset[Any], int] = defaultdict(int)
    ordered = sorted(
        G.edges(keys=True, data=True),
        key=lambda e: (str(e[0]), str(e[2]), str(e[1]), _js(e[3])),
    )
    for i, (head, tail, key, data) in enumerate(ordered):
        predicate = str(data.get("predicate") or key)
        spec = _predicate_style(style, predicate)
        pair = frozenset((head, tail))
        k = seen[pair]
        seen[pair] += 1
        extra = {}
        if k:
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": roundness * k}
        net.add_edge(
            str(head),
            str(tail),
            id=f"e{i}",
            label=_edge_label(predicate, data.get("role")),
            title=_edge_tooltip(G, head, tail, predicate, data, tips, articles),
            color={"color": spec["color"], "highlight": spec["color"], "hover": spec["color"]},
            arrows={"to": {"enabled": bool(spec.get("arrow", True))}},
            **extra,
        )
    return net


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
    prov: list[dict[str, Any]], tips: dict[str, Any], articles: dict[str, Any]
) -> list[str]:
    if not prov:
        return []
    first = min(prov, key=_prov_key)
    sentence = " ".join(str(first.get("sentence", "")).split())
    limit = int(tips.get("sentence_chars", 200))
    if len(sentence) > limit:
        sentence = sentence[: limit - 1] + "…"
    article_id = str(first.get("article_id", ""))
    headline = str((articles.get(article_id) or {}).get("headline", "") or "")
    where = f"[{article_id}]" + (f" {headline}" if headline else "")
    more = f" (+{len(prov) - 1})" if len(prov) > 1 else ""
    return [f"{tips.get('source', 'source')}{more}: {where}", sentence]


def _prov_key(p: dict[str, Any]) -> tuple[str, str, int, int, str]:
    return (
        str(p.get("document_id", "")),
        str(p.get("article_id", "")),
        int(p.get("start") or 0),
        int(p.get("end") or 0),
        str(p.get("sentence", "")),
    )


def _node_tooltip(data: dict[str, Any], tips: dict[str, Any], articles: dict[str, Any]) -> str:
    lines = [
        str(data.get("name", "")),
        f"{tips.get('type', 'type')}: {data.get('type', '')}",
    ]
    aliases = sorted(str(a) for a in data.get("aliases") or ())
    if aliases:
        lines.append(f"{tips.get('aliases', 'aliases')}: {'、'.join(aliases)}")
    lines += _source_line(list(data.get("provenance") or ()), tips, articles)
    return "\n".join(lines)


def _edge_tooltip(
    G: nx.MultiDiGraph,
    head: Any,
    tail: Any,
    predicate: str,
    data: dict[str, Any],
    tips: dict[str, Any],
    articles: dict[str, Any],
) -> str:
    h = G.nodes[head].get("name", head)
    t = G.nodes[tail].get("name", tail)
    lines = [f"{h} —{predicate}→ {t}"]
    if data.get("role"):
        lines.append(f"{tips.get('role', 'role')}: {data['role']}")
    if data.get("amount"):
        lines.append(f"{tips.get('amount', 'amount')}: {data['amount']}")
    lines += _source_line(list(data.get("evidence") or ()), tips, articles)
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
    base = resources.files("pyvis").joinpath(*_VIS_DIR.split("/"))
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
