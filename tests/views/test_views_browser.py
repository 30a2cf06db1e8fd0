"""Open the generated page in headless Debian chromium with the network off.

Skips only when /usr/bin/chromium is absent. Uses the ``playwright`` package (a dev
dependency) to drive the system browser; no browser is downloaded.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from view_graphs import XSS_ALIAS, XSS_ID, XSS_NAME, XSS_SENTENCE, XSS_TITLE, xss_graph

from kg.rdf import read_graph
from kg.views import write_html

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} (Debian chromium) is absent"),
]


STATE_JS = """() => {
  const net = window.kgNetwork;
  const canvas = document.querySelector('#mynetwork canvas');
  let inked = 0;
  if (canvas) {
    const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
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
    positions: net ? Object.keys(net.getPositions()).length : -1,
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

AFTER_JS = """() => ({
  pwned: window.__pwned === undefined ? null : window.__pwned,
  title: document.title,
  h1: document.querySelector('h1') ? document.querySelector('h1').textContent : null,
  injected: document.querySelectorAll('body img, body iframe, svg[onload]').length,
  scripts: document.scripts.length,
})"""


def _wait_for(page: Any, predicate: str, timeout: float) -> None:
    """Poll ``predicate`` with page.evaluate.

    (``page.wait_for_function`` evaluates a string with eval, which the page's
    Content-Security-Policy rightly forbids.)
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {predicate}")
        page.wait_for_timeout(50)


@dataclass
class Browser:
    """The browser context plus every http(s)/ws URL it was asked for (all aborted)."""

    context: Any
    blocked: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """Headless Debian chromium, offline, fresh profile; every http(s)/ws request aborted."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")),  # fresh --user-data-dir
            executable_path=str(CHROMIUM),
            headless=True,
            offline=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        browser = Browser(context)

        def block(route: Any) -> None:
            browser.blocked.append(route.request.url)
            route.abort()

        for pattern in ("http://**/*", "https://**/*", "ws://**/*", "wss://**/*"):
            context.route(pattern, block)
        try:
            yield browser
        finally:
            context.close()


def _open(browser: Browser, html: Path, report: dict[str, Any]) -> Any:
    """Open ``html`` in a new tab, recording console, errors and requests into ``report``."""
    report.update(console=[], page_errors=[], requests=[])
    page = browser.context.new_page()
    page.on("console", lambda m: report["console"].append((m.type, m.text)))
    page.on("pageerror", lambda e: report["page_errors"].append(str(e)))
    page.on("request", lambda r: report["requests"].append(r.url))
    page.goto(html.resolve().as_uri(), wait_until="load")
    if page.evaluate("() => !!window.kgNetwork"):  # else the tests below say why
        _wait_for(page, "() => document.body.dataset.kgStabilized === 'true'", 20.0)
    report["state"] = page.evaluate(STATE_JS)
    return page


@pytest.fixture(scope="module")
def page_report(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Load the hostile page once, hover the hostile node, and collect everything seen."""
    G = xss_graph(extra=60)
    html = write_html(G, tmp_path_factory.mktemp("xss") / "graph.html", title=XSS_TITLE)
    report: dict[str, Any] = {"n_nodes": G.number_of_nodes(), "n_edges": G.number_of_edges()}
    page = _open(browser, html, report)
    try:
        if report["state"]["hasNetwork"]:
            # Zoom onto the hostile node and hover it so vis-network shows its tooltip.
            page.evaluate(
                "id => window.kgNetwork.focus(id, {scale: 2.5, animation: false})", XSS_ID
            )
            point = page.evaluate(NODE_POINT_JS, XSS_ID)
            page.mouse.move(point["x"] - 3, point["y"] - 3)
            page.mouse.move(point["x"], point["y"], steps=3)
            _wait_for(page, TOOLTIP_SHOWN_JS, 5.0)
        page.wait_for_timeout(300)  # let any (wrongly) injected handler run
        report["tooltip"] = page.evaluate(TOOLTIP_JS)
        report["after"] = page.evaluate(AFTER_JS)
    finally:
        page.close()
    report["blocked"] = list(browser.blocked)
    return report


def test_no_console_or_page_error(page_report: dict[str, Any]) -> None:
    bad = [(t, m) for t, m in page_report["console"] if t in ("error", "warning", "assert")]
    assert bad == []
    assert page_report["page_errors"] == []


def test_no_network_request_attempted(page_report: dict[str, Any]) -> None:
    assert page_report["blocked"] == []
    remote = [u for u in page_report["requests"] if not u.startswith(("file:", "data:"))]
    assert remote == []


def test_graph_is_drawn(page_report: dict[str, Any]) -> None:
    state = page_report["state"]
    assert state["hasNetwork"] and state["canvas"]
    assert state["nodes"] == page_report["n_nodes"]
    assert state["edges"] == page_report["n_edges"]
    assert state["positions"] == page_report["n_nodes"]
    assert state["inked"] > 100  # the canvas is not blank
    assert state["legend"] == [
        "Union",
        "Enterprise",
        "GovernmentBody",
        "Organization",
        "Person",
        "Programme",
        "Place",
        "Event",
    ]


def test_payloads_did_not_run(page_report: dict[str, Any]) -> None:
    after = page_report["after"]
    assert after["pwned"] is None
    assert after["title"] == XSS_TITLE  # shown as text, never parsed
    assert after["h1"] == XSS_TITLE
    assert after["injected"] == 0
    assert after["scripts"] == 2  # vis-network + the page's own script


def test_tooltip_shows_payloads_as_text(page_report: dict[str, Any]) -> None:
    tooltip = page_report["tooltip"]
    assert tooltip["tags"] == []
    assert tooltip["breaks"] >= 3  # name / type / aliases / source / sentence lines
    assert XSS_NAME in tooltip["text"]
    assert XSS_ALIAS in tooltip["text"]
    assert XSS_SENTENCE in tooltip["text"]
    assert "Enterprise" in tooltip["text"]
    assert "doc1/a2" in tooltip["text"]


def test_seed_build_page_loads_cleanly(browser: Browser, built_seeds: Path, tmp_path: Path) -> None:
    """The real seed graph (read back from graph.ttl): drawn, no error, no request."""
    G = read_graph(built_seeds / "graph.ttl")
    html = write_html(G, tmp_path / "seeds.html", title="seeds")
    report: dict[str, Any] = {}
    _open(browser, html, report).close()
    assert [(t, m) for t, m in report["console"] if t in ("error", "warning")] == []
    assert report["page_errors"] == []
    assert [u for u in report["requests"] if not u.startswith("file:")] == []
    assert browser.blocked == []
    state = report["state"]
    assert state["nodes"] == G.number_of_nodes() > 0
    assert state["positions"] == G.number_of_nodes()
    assert state["inked"] > 100
