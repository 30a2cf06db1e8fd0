"""Debian's headless chromium driven by playwright, offline: shared by the browser tests.

No browser is downloaded: playwright launches ``/usr/bin/chromium``. Every http(s)/ws
request is aborted and recorded, so a test can assert that none was attempted.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
VIEWPORT = {"width": 1280, "height": 900}


@dataclass
class Browser:
    """A browser context plus every http(s)/ws URL it was asked for (all aborted)."""

    context: Any
    playwright: Any = None
    blocked: list[str] = field(default_factory=list)

    def open(self, html: Path, report: dict[str, Any], *, stable: float = 60.0) -> Any:
        """Open ``html`` in a new tab, recording console, errors and requests in ``report``;
        wait until the view says its layout is done."""
        report.setdefault("console", [])
        report.setdefault("page_errors", [])
        report.setdefault("requests", [])
        page = self.context.new_page()
        page.on("console", lambda m: report["console"].append((m.type, m.text)))
        page.on("pageerror", lambda e: report["page_errors"].append(str(e)))
        page.on("request", lambda r: report["requests"].append(r.url))
        page.goto(html.resolve().as_uri(), wait_until="load")
        if page.evaluate("() => !!window.kgNetwork"):  # else the tests say why
            wait_for(page, "() => document.body.dataset.kgStabilized === 'true'", stable)
        return page


def wait_for(page: Any, predicate: str, timeout: float, arg: Any = None) -> None:
    """Poll ``predicate`` with page.evaluate.

    (``page.wait_for_function`` evaluates a string with eval, which the page's
    Content-Security-Policy rightly forbids.)
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {predicate}")
        page.wait_for_timeout(50)


@contextmanager
def chromium(profile: Path) -> Iterator[Browser]:
    """Headless Debian chromium, offline, fresh profile (one playwright per session)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, launch(pw, profile) as browser:
        yield browser


@contextmanager
def launch(pw: Any, profile: Path, env: dict[str, str] | None = None) -> Iterator[Browser]:
    """One more chromium from the running playwright ``pw``; ``env`` for its process."""
    context = pw.chromium.launch_persistent_context(
        str(profile),  # fresh --user-data-dir
        executable_path=str(CHROMIUM),
        headless=True,
        offline=True,
        args=FLAGS,
        viewport=VIEWPORT,
        env=env,
    )
    browser = Browser(context, pw)

    def block(route: Any) -> None:
        browser.blocked.append(route.request.url)
        route.abort()

    for pattern in ("http://**/*", "https://**/*", "ws://**/*", "wss://**/*"):
        context.route(pattern, block)
    try:
        yield browser
    finally:
        context.close()
