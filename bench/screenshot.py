"""Screenshot of the seeds' view for the README (make screenshot).

Builds the corpus, writes its page, opens it in headless Debian chromium (offline),
chooses 西安市总工会 from the search so that its neighbourhood and details show, and saves a small
palette PNG.

Usage: python bench/screenshot.py seeds/ docs/view.png
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from headless import chromium, wait_for

from kg.pipeline import build_corpus
from kg.views import write_html

NODE = "Union/西安市总工会"
FOCUSED_JS = """id => {
  const net = window.kgNetwork;
  const p = net.getPositions([id])[id];
  const v = net.getViewPosition();
  return Math.hypot(p.x - v.x, p.y - v.y) < 1;
}"""
WIDTH = 1100  # pixels of the saved PNG


def main(corpus: str, out: str) -> None:
    from PIL import Image  # a matplotlib dependency, installed with .[dev]

    G = build_corpus([Path(corpus)]).graph
    with tempfile.TemporaryDirectory() as tmp:
        html = write_html(G, Path(tmp) / "graph.html", title="kg — seeds")
        with chromium(Path(tmp) / "profile") as browser:
            report: dict = {}
            page = browser.open(html, report)
            if report["page_errors"]:
                raise SystemExit(f"page errors: {report['page_errors']}")
            page.fill("#kg-search-input", "西安市总工会")
            page.click(f'#kg-search-results button.kg-hit[data-id="{NODE}"]')
            wait_for(page, FOCUSED_JS, 60.0, NODE)  # the focus animation has ended
            page.mouse.move(5, 300)  # no tooltip
            page.fill("#kg-search-input", "西安")
            page.wait_for_timeout(300)
            png = page.screenshot()
            page.close()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.LANCZOS)
    image = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    image.save(out, optimize=True)
    print(f"wrote {out} ({Path(out).stat().st_size:,} bytes)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
