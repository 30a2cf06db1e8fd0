"""Drive the generated page in headless Debian chromium with the network off.

Two pages are opened once each and shared by the tests of this module: a small one full
of hostile article text, and the real seed graph (as ``kg view`` writes it). Skips only
when /usr/bin/chromium is absent (the session's ``browser`` fixture).
"""

from __future__ import annotations

import io
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from headless import Browser, launch, wait_for
from view_graphs import (
    XSS_ALIAS,
    XSS_HEADLINE,
    XSS_ID,
    XSS_NAME,
    XSS_ROLE,
    XSS_SENTENCE,
    XSS_TITLE,
    xss_hub_graph,
)

from kg.analysis import actor_communities, undirected_projection
from kg.graph import build_graph
from kg.rdf import read_graph
from kg.types import Entity, EntityType, Relation, RelationType
from kg.views import load_style, write_html

pytestmark = [pytest.mark.slow]

STATE_JS = """() => {
  const net = window.kgNetwork;
  const canvas = document.querySelector('#mynetwork canvas');
  let inked = 0;
  if (canvas) {
    // read a copy made for readback, not the page's own canvas (polling that one makes
    // Chromium warn about repeated readbacks)
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d', {willReadFrequently: true});
    ctx.drawImage(canvas, 0, 0);
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < img.length; i += 4 * 16) {
      if (img[i + 3] > 0 && (img[i] < 240 || img[i + 1] < 240 || img[i + 2] < 240)) {
        inked++;
      }
    }
  }
  return {
    hasNetwork: !!net,
    canvas: !!canvas,
    inked: inked,
    nodes: net ? net.body.data.nodes.length : -1,
    edges: net ? net.body.data.edges.length : -1,
    positions: net ? Object.keys(net.body.nodes).length : -1,
    legend: Array.from(document.querySelectorAll('#kg-legend li[data-type]'))
      .map(li => li.dataset.type),
  };
}"""

NODE_POINT_JS = """id => {
  const net = window.kgNetwork;
  const p = net.canvasToDOM(net.getPositions([id])[id]);
  const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();
  return {x: r.left + p.x, y: r.top + p.y};
}"""

TOOLTIP_SHOWN_JS = """() => {
  const t = document.querySelector('div.vis-tooltip');
  return !!t && t.style.visibility === 'visible' && t.innerText.length > 0;
}"""

TOOLTIP_JS = """() => {
  const t = document.querySelector('div.vis-tooltip');
  if (!t) return {text: '', tags: ['(no tooltip)'], breaks: 0};
  // innerText turns newlines into <br>; any other element would be injected markup
  const tags = Array.from(t.querySelectorAll('*')).map(e => e.tagName);
  return {text: t.innerText, tags: tags.filter(tag => tag !== 'BR'), breaks: tags.length};
}"""

PANEL_JS = """sel => {
  const box = document.querySelector(sel);
  return {
    text: box ? box.textContent : null,
    tags: box ? Array.from(new Set(Array.from(box.querySelectorAll('*')).map(e => e.tagName)))
      .sort() : [],
    handlers: box ? Array.from(box.querySelectorAll('*')).filter(
      e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length : -1,
  };
}"""

AFTER_JS = """() => ({
  pwned: window.__pwned === undefined ? null : window.__pwned,
  title: document.title,
  h1: document.querySelector('h1') ? document.querySelector('h1').textContent : null,
  injected: document.querySelectorAll('body img, body iframe, svg[onload]').length,
  scripts: document.scripts.length,
})"""

HIDDEN_JS = """ids => ids.filter(id => window.kgNetwork.body.data.nodes.get(id).hidden === true)"""

COLOURS_JS = """() => Object.fromEntries(window.kgNetwork.body.data.nodes.get()
  .map(n => [n.id, n.color.background]))"""

HITS_JS = """() => Array.from(document.querySelectorAll('#kg-search-results button.kg-hit'))
  .map(b => ({id: b.dataset.id, name: b.querySelector('.kg-hit-name').textContent}))"""

FOCUSED_JS = """id => {
  const net = window.kgNetwork;
  const p = net.getPositions([id])[id];
  const v = net.getViewPosition();
  return net.getSelectedNodes().join('|') === id && Math.hypot(p.x - v.x, p.y - v.y) < 1;
}"""

# Tags the script itself creates in the panels; injected markup would add others.
PANEL_TAGS = {
    "BLOCKQUOTE",
    "BUTTON",
    "DETAILS",
    "DIV",
    "H2",
    "H3",
    "LI",
    "OL",
    "P",
    "SPAN",
    "SUMMARY",
    "UL",
}


def _search(page: Any, text: str) -> list[dict[str, str]]:
    page.fill("#kg-search-input", text)
    return page.evaluate(HITS_JS)


def _choose(page: Any, node_id: str) -> None:
    page.click(f'#kg-search-results button.kg-hit[data-id="{node_id}"]')
    wait_for(page, FOCUSED_JS, 10.0, node_id)


# -- the hostile page ------------------------------------------------------------------


@pytest.fixture(scope="module")
def xss_report(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Load the hostile page once, use every panel on the hostile node, collect all seen."""
    G = xss_hub_graph(extra=60)
    html = write_html(G, tmp_path_factory.mktemp("xss") / "graph.html", title=XSS_TITLE)
    report: dict[str, Any] = {"n_nodes": G.number_of_nodes(), "n_edges": G.number_of_edges()}
    page = browser.open(html, report)
    try:
        # "stabilized" is set before the next frame is painted: on a loaded machine the
        # canvas may still be blank, so give the paint a moment (a blank canvas still fails)
        _wait_until_inked(page)
        report["state"] = page.evaluate(STATE_JS)
        report["positions"] = page.evaluate("() => window.kgNetwork.getPositions()")
        # the tooltip: zoom onto the hostile node and hover it
        page.evaluate("id => window.kgNetwork.focus(id, {scale: 2.5, animation: false})", XSS_ID)
        point = page.evaluate(NODE_POINT_JS, XSS_ID)
        page.mouse.move(point["x"] - 3, point["y"] - 3)
        page.mouse.move(point["x"], point["y"], steps=3)
        wait_for(page, TOOLTIP_SHOWN_JS, 5.0)
        report["tooltip"] = page.evaluate(TOOLTIP_JS)
        # search results, then the details panel, then the community legend
        report["hits"] = _search(page, "某某公司")
        report["results"] = page.evaluate(PANEL_JS, "#kg-search-results")
        _choose(page, XSS_ID)
        report["details"] = page.evaluate(PANEL_JS, "#kg-details")
        page.click("#kg-communities")
        report["communities"] = page.evaluate(PANEL_JS, "#kg-community-legend")
        page.wait_for_timeout(300)  # let any (wrongly) injected handler run
        report["after"] = page.evaluate(AFTER_JS)
    finally:
        page.close()
    report["blocked"] = list(browser.blocked)
    return report


def _wait_until_inked(page: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while page.evaluate(STATE_JS)["inked"] <= 100 and time.monotonic() < deadline:
        page.wait_for_timeout(50)


def test_no_console_or_page_error(xss_report: dict[str, Any]) -> None:
    bad = [(t, m) for t, m in xss_report["console"] if t in ("error", "warning", "assert")]
    assert bad == []
    assert xss_report["page_errors"] == []


def test_no_network_request_attempted(xss_report: dict[str, Any]) -> None:
    assert xss_report["blocked"] == []
    remote = [u for u in xss_report["requests"] if not u.startswith(("file:", "data:"))]
    assert remote == []


def test_graph_is_drawn(xss_report: dict[str, Any]) -> None:
    state = xss_report["state"]
    assert state["hasNetwork"] and state["canvas"]
    assert state["nodes"] == xss_report["n_nodes"]
    assert state["edges"] == xss_report["n_edges"]
    assert state["positions"] == xss_report["n_nodes"]
    assert state["inked"] > 100  # the canvas is not blank
    assert state["legend"] == [str(t) for t in EntityType]


def test_payloads_did_not_run(xss_report: dict[str, Any]) -> None:
    after = xss_report["after"]
    assert after["pwned"] is None
    assert after["title"] == XSS_TITLE  # shown as text, never parsed
    assert after["h1"] == XSS_TITLE
    assert after["injected"] == 0
    assert after["scripts"] == 2  # vis-network + the page's own script


def test_tooltip_shows_payloads_as_text(xss_report: dict[str, Any]) -> None:
    tooltip = xss_report["tooltip"]
    assert tooltip["tags"] == []
    assert tooltip["breaks"] >= 3  # name / type / aliases / source / sentence lines
    assert XSS_NAME in tooltip["text"]
    assert XSS_ALIAS in tooltip["text"]
    assert XSS_SENTENCE in tooltip["text"]
    assert "Enterprise" in tooltip["text"]
    assert "doc1/a2" in tooltip["text"]


@pytest.mark.parametrize(
    ("panel", "payloads"),
    [
        ("results", [XSS_NAME]),
        ("details", [XSS_NAME, XSS_ALIAS, XSS_SENTENCE, XSS_HEADLINE, XSS_ROLE]),
        ("communities", [XSS_NAME]),
    ],
)
def test_panels_show_payloads_as_text(
    xss_report: dict[str, Any], panel: str, payloads: list[str]
) -> None:
    shown = xss_report[panel]
    assert set(shown["tags"]) <= PANEL_TAGS, shown["tags"]
    assert shown["handlers"] == 0
    for payload in payloads:
        assert payload in shown["text"]


def test_search_finds_the_hostile_node(xss_report: dict[str, Any]) -> None:
    assert xss_report["hits"][0] == {"id": XSS_ID, "name": XSS_NAME}


def test_layout_is_deterministic(
    browser: Browser, xss_report: dict[str, Any], tmp_path: Path
) -> None:
    html = write_html(xss_hub_graph(extra=60), tmp_path / "again.html", title=XSS_TITLE)
    page = browser.open(html, {})
    try:
        assert page.evaluate("() => window.kgNetwork.getPositions()") == xss_report["positions"]
    finally:
        page.close()


# -- the seed graph --------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_graph(built_seeds: Path) -> nx.MultiDiGraph:
    return read_graph(built_seeds / "graph.ttl")


@pytest.fixture(scope="module")
def seeds(
    browser: Browser, seed_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, dict[str, Any]]]:
    """The seed graph's page (what ``kg view graph.ttl`` writes), open for the whole module;
    each test leaves it as it found it."""
    html = write_html(seed_graph, tmp_path_factory.mktemp("seeds") / "graph.html", title="seeds")
    report: dict[str, Any] = {}
    page = browser.open(html, report)
    report["opening"] = page.evaluate(
        """() => {
          const net = window.kgNetwork;
          return {scale: net.getScale(),
                  fonts: Object.fromEntries(Object.values(net.body.nodes)
                    .map(n => [n.id, n.options.font.size]))};
        }"""
    )
    yield page, report
    page.close()


def _linked_ids(G: nx.MultiDiGraph, type_: str | None = None) -> list[str]:
    return sorted(
        n for n, d in G.nodes(data=True) if G.degree(n) and type_ in (None, d.get("type"))
    )


def test_seed_page_opens_with_isolated_nodes_hidden(
    seeds: tuple[Any, dict[str, Any]], seed_graph: nx.MultiDiGraph
) -> None:
    page, _ = seeds
    isolated = sorted(n for n in seed_graph if seed_graph.degree(n) == 0)
    assert isolated  # the seeds have unlinked nodes
    header = page.text_content("#kg-header")
    assert f"{len(isolated)} isolated nodes hidden" in header
    assert page.evaluate(HIDDEN_JS, isolated) == isolated
    assert page.evaluate(HIDDEN_JS, _linked_ids(seed_graph)) == []
    page.click("#kg-hide-isolated")
    assert page.evaluate(HIDDEN_JS, isolated) == []
    assert "0 isolated nodes hidden" in page.text_content("#kg-header")
    page.click("#kg-hide-isolated")
    assert page.evaluate(HIDDEN_JS, isolated) == isolated


def test_most_central_nodes_are_labelled_at_the_opening_zoom(
    seeds: tuple[Any, dict[str, Any]], seed_graph: nx.MultiDiGraph
) -> None:
    opening = seeds[1]["opening"]
    H = undirected_projection(seed_graph)
    top = sorted(H, key=lambda n: (-H.degree(n), n))[: load_style()["labels"]["top"]]
    on_screen = {n: opening["fonts"][n] * opening["scale"] for n in top}
    assert opening["scale"] < 0.5  # the whole graph: other labels are too small to draw
    assert all(px >= 13.5 for px in on_screen.values()), on_screen


def test_search_lists_and_chooses_a_union(seeds: tuple[Any, dict[str, Any]]) -> None:
    page, _ = seeds
    hits = _search(page, "西安")
    assert {"id": "Union/西安市总工会", "name": "西安市总工会"} in hits
    assert all("西安" in h["name"] or h["name"] for h in hits)
    _choose(page, "Union/西安市总工会")
    assert page.text_content("#kg-details .kg-name") == "西安市总工会"
    assert page.evaluate("() => document.getElementById('kg-search-results').hidden")
    # traditional characters find the same node first
    assert _search(page, "西安市總工會")[0]["id"] == "Union/西安市总工会"
    page.keyboard.press("Escape")
    assert page.evaluate("() => window.kgNetwork.getSelectedNodes()") == []
    assert page.evaluate("() => document.getElementById('kg-details').hidden")
    page.fill("#kg-search-input", "")


def test_unticking_person_hides_every_person(
    seeds: tuple[Any, dict[str, Any]], seed_graph: nx.MultiDiGraph
) -> None:
    page, _ = seeds
    people = sorted(n for n, d in seed_graph.nodes(data=True) if d["type"] == "Person")
    others = [n for n in _linked_ids(seed_graph) if seed_graph.nodes[n]["type"] != "Person"]
    assert people and others
    box = '#kg-legend li[data-type="Person"] input'
    page.click(box)
    assert page.evaluate(HIDDEN_JS, people) == people
    assert page.evaluate(HIDDEN_JS, others) == []
    assert f"{len(people)} hidden by type" in page.text_content("#kg-header")
    page.click(box)
    assert page.evaluate(HIDDEN_JS, _linked_ids(seed_graph, "Person")) == []


def test_clicking_a_union_shows_its_neighbourhood_and_evidence(
    seeds: tuple[Any, dict[str, Any]], seed_graph: nx.MultiDiGraph, seeds_dir: Path
) -> None:
    page, _ = seeds
    union = "Union/西安市总工会"
    page.evaluate("id => window.kgNetwork.focus(id, {scale: 1.5, animation: false})", union)
    point = page.evaluate(NODE_POINT_JS, union)
    page.mouse.click(point["x"], point["y"])
    assert page.evaluate("() => window.kgNetwork.getSelectedNodes()") == [union]
    dimmed = load_style()["dimmed"]["background"]
    U = seed_graph.to_undirected(as_view=True)
    for k in (1, 2):
        page.select_option("#kg-depth", str(k))
        colours = page.evaluate(COLOURS_JS)
        lit = {n for n, c in colours.items() if c != dimmed}
        assert lit == set(nx.single_source_shortest_path_length(U, union, k)), k
    page.select_option("#kg-depth", "1")
    # the details panel: type, name, every relation, evidence from the seed text
    assert page.text_content("#kg-details .kg-name") == "西安市总工会"
    assert "Union" in page.text_content("#kg-details .kg-type")
    relations = page.locator("#kg-details li.kg-relation").count()
    assert relations == seed_graph.degree(union)
    sentences = page.eval_on_selector_all(
        "#kg-details .kg-sentence", "els => els.map(e => e.textContent)"
    )
    assert sentences
    text = "".join("".join(p.read_text(encoding="utf-8").split()) for p in seeds_dir.glob("*.txt"))
    for sentence in sentences:
        assert "".join(sentence.split()) in text
    sources = page.eval_on_selector_all(
        "#kg-details .kg-file", "els => els.map(e => e.textContent)"
    )
    assert sources and all(re.search(r"\d{3}_[0-9a-f]{16}\.txt$", s) for s in sources)
    assert page.locator("#kg-details .kg-headline").count() > 0
    # the node's own evidence: its count, and at most evidence.max_items of it listed
    count, shown = len(seed_graph.nodes[union]["provenance"]), load_style()["evidence"]["max_items"]
    title = f"证据 evidence ({count}" + (
        f"; 前 {shown} 条 first {shown})" if count > shown else ")"
    )
    assert page.text_content("#kg-details > h3:last-of-type") == title
    listed = page.locator("#kg-details > ul.kg-evidence > li").count()
    assert listed == min(count, shown)
    page.keyboard.press("Escape")
    assert set(page.evaluate(COLOURS_JS).values()).isdisjoint({dimmed})
    assert page.evaluate("() => window.kgNetwork.getSelectedNodes()") == []


def test_community_toggle_recolours_the_nodes(
    seeds: tuple[Any, dict[str, Any]], seed_graph: nx.MultiDiGraph
) -> None:
    page, _ = seeds
    by_type = page.evaluate(COLOURS_JS)
    page.click("#kg-communities")
    by_community = page.evaluate(COLOURS_JS)
    palette = load_style()["community_palette"]
    communities = actor_communities(seed_graph, min_size=1)
    assert len(communities) > 5
    for c, members in enumerate(communities[: len(palette)]):
        assert {by_community[m] for m in members} == {palette[c]}, members
    changed = [n for n in _linked_ids(seed_graph) if by_community[n] != by_type[n]]
    assert len(changed) > 0.8 * len(_linked_ids(seed_graph))
    legend = page.eval_on_selector_all(
        "#kg-community-legend li .kg-central", "els => els.map(e => e.textContent)"
    )
    H = undirected_projection(seed_graph)
    first = min(communities[0], key=lambda m: (-H.degree(m), seed_graph.nodes[m]["name"], m))
    assert legend[0] == seed_graph.nodes[first]["name"]
    assert len(legend) == min(len(communities), len(palette))
    page.click("#kg-communities")
    assert page.evaluate(COLOURS_JS) == by_type


def test_physics_toggle(seeds: tuple[Any, dict[str, Any]]) -> None:
    page, _ = seeds
    physics = "() => window.kgNetwork.physics.options.enabled"
    assert page.evaluate(physics) is False  # frozen after the layout
    page.click("#kg-physics")
    assert page.evaluate(physics) is True
    page.click("#kg-physics")
    assert page.evaluate(physics) is False


def test_seed_page_had_no_console_error_and_no_request(
    seeds: tuple[Any, dict[str, Any]], browser: Browser
) -> None:
    report = seeds[1]
    assert [(t, m) for t, m in report["console"] if t in ("error", "warning", "assert")] == []
    assert report["page_errors"] == []
    assert [u for u in report["requests"] if not u.startswith("file:")] == []
    assert browser.blocked == []


# -- Chinese renders as glyphs ---------------------------------------------------------

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def _label_pixels(browser: Browser, html: Path, node: str) -> bytes:
    report: dict[str, Any] = {}
    page = browser.open(html, report)
    try:
        assert report["page_errors"] == []
        page.click("#kg-hide-isolated")  # the node has no relation
        page.evaluate("id => window.kgNetwork.focus(id, {scale: 2, animation: false})", node)
        point = page.evaluate(NODE_POINT_JS, node)
        clip = {"x": point["x"] - 110, "y": point["y"] + 20, "width": 220, "height": 56}
        return page.screenshot(clip=clip)
    finally:
        page.close()


def _ink(png: bytes) -> list[int]:
    """Darkness (0–255) of each pixel of a PNG screenshot."""
    from PIL import Image  # a matplotlib dependency

    return [255 - v for v in Image.open(io.BytesIO(png)).convert("L").tobytes()]


def _differ(a: list[int], b: list[int]) -> int:
    return sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > 64)


@pytest.fixture(scope="module")
def no_cjk_browser(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """A second chromium whose only fonts are DejaVu (no CJK), as on a bare Debian."""
    conf = tmp_path_factory.mktemp("fontconfig") / "fonts.conf"
    conf.write_text(FONTS_CONF.format(cache=conf.parent / "cache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    with launch(browser.playwright, tmp_path_factory.mktemp("no-cjk"), env=env) as b:
        yield b


def test_cjk_label_renders_as_glyphs_not_boxes(
    browser: Browser, no_cjk_browser: Browser, tmp_path: Path
) -> None:
    labels = {}
    for name in ("西安市总工会", "吉林省总工会"):
        G = build_graph([Entity(f"Union/{name}", EntityType.UNION, name)], [])
        html = write_html(G, tmp_path / f"{name}.html")
        labels[name] = (
            _ink(_label_pixels(browser, html, f"Union/{name}")),
            _ink(_label_pixels(no_cjk_browser, html, f"Union/{name}")),
        )
    (xian, xian_boxes), (jilin, jilin_boxes) = labels["西安市总工会"], labels["吉林省总工会"]
    assert sum(1 for v in xian if v > 128) > 200  # the label is drawn
    # without a CJK font, any two names of six characters are the same six boxes ...
    assert _differ(xian_boxes, jilin_boxes) < 20
    # ... while the page's fonts draw each character: the names differ, and from boxes
    assert _differ(xian, jilin) > 150
    assert _differ(xian, xian_boxes) > 150


def test_relations_are_listed_with_role_and_amount(browser: Browser, tmp_path: Path) -> None:
    a = Entity("Union/陕西省总工会", EntityType.UNION, "陕西省总工会")
    p = Entity("Person/王雷", EntityType.PERSON, "王雷")
    g = Entity("Programme/春风行动", EntityType.PROGRAMME, "春风行动")
    G = build_graph(
        [a, p, g],
        [
            Relation(p.id, RelationType.MEMBER_OF, a.id, role="常务副主席"),
            Relation(a.id, RelationType.ESTABLISHES, g.id, amount="32.5万元"),
        ],
    )
    page = browser.open(write_html(G, tmp_path / "roles.html", focus=a.id), {})
    try:
        wait_for(page, "() => !document.getElementById('kg-details').hidden", 5.0)
        items = page.eval_on_selector_all(
            "#kg-details li.kg-relation", "els => els.map(e => e.textContent)"
        )
    finally:
        page.close()
    assert len(items) == 2
    assert any("establishes" in t and "春风行动" in t and "32.5万元" in t for t in items)
    assert any("memberOf" in t and "王雷" in t and "常务副主席" in t for t in items)
