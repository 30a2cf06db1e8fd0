"""notebooks/analysis.ipynb runs top to bottom on the seed build and shows its results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from kg.analysis import type_counts
from kg.rdf import read_graph
from kg.types import EntityType

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "analysis.ipynb"

pytestmark = pytest.mark.slow


def test_notebook_is_saved_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def _text(cell: Any) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.data.get("text/plain", ""))
    return "".join(parts)


def _by_tag(nb: Any, tag: str) -> Any:
    return next(c for c in nb.cells if tag in c.metadata.get("tags", []))


@pytest.fixture(scope="module")
def executed(built_seeds: Path) -> tuple[Any, Path]:
    graph = built_seeds / "graph.ttl"
    assert graph.is_file(), f"{graph} missing from the seed build"
    nb = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_GRAPH", str(graph))  # inherited by the kernel process
        mp.delenv("MPLBACKEND", raising=False)  # keep the inline backend: figures as PNG
        NotebookClient(
            nb,
            timeout=180,
            kernel_name="python3",  # jupyter_client starts it with this venv's python
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        ).execute()
    return nb, graph


def test_notebook_runs_without_error(executed: tuple[Any, Path]) -> None:
    nb, _ = executed
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert all(out.output_type != "error" for out in cell.outputs), cell.source
            assert cell.execution_count is not None


def test_notebook_reads_the_given_graph(executed: tuple[Any, Path]) -> None:
    nb, graph = executed
    G = read_graph(graph)
    text = _text(_by_tag(nb, "load"))
    assert str(graph) in text
    assert f"{G.number_of_nodes()} entities, {G.number_of_edges()} relations" in text


def test_type_counts_table(executed: tuple[Any, Path]) -> None:
    nb, graph = executed
    text = _text(_by_tag(nb, "type-counts"))
    counts = type_counts(read_graph(graph))
    for type_ in EntityType:
        line = next(row for row in text.splitlines() if row.split()[:1] == [str(type_)])
        assert int(line.split()[-1]) == counts[str(type_)]
    assert "memberOf" in text


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("central-actors", "top actors by degree"),
        ("central-actors", "top actors by betweenness"),
        ("communities", "communities of 2 or more"),
        ("spread", "province-level areas"),
        ("people", "posts held by"),
    ],
)
def test_sections_report(executed: tuple[Any, Path], tag: str, expected: str) -> None:
    assert expected in _text(_by_tag(executed[0], tag))


@pytest.mark.parametrize("tag", ["type-chart", "spread-chart"])
def test_plots_are_drawn(executed: tuple[Any, Path], tag: str) -> None:
    outputs = _by_tag(executed[0], tag).outputs
    assert any("image/png" in out.get("data", {}) for out in outputs)


def test_font_cell_reports_its_choice(executed: tuple[Any, Path]) -> None:
    text = _text(_by_tag(executed[0], "fonts"))
    assert "CJK font:" in text or "No CJK font installed" in text


def test_show_displays_the_view_inline_and_offline(
    executed: tuple[Any, Path], browser: Any, tmp_path: Path
) -> None:
    """kg.views.show(G): an iframe holding the whole page, which works in chromium."""
    from headless import wait_for

    nb, graph = executed
    outputs = [o for o in _by_tag(nb, "view").outputs if o.output_type == "display_data"]
    assert len(outputs) == 1
    snippet = outputs[0].data["text/html"]
    assert snippet.startswith('<div class="kg-view"><iframe sandbox="allow-scripts"')
    assert "srcdoc=" in snippet
    html = tmp_path / "cell.html"
    html.write_text(f"<!DOCTYPE html><meta charset='utf-8'>{snippet}", encoding="utf-8")
    report: dict[str, Any] = {}
    page = browser.open(html, report)
    try:
        page.wait_for_selector("iframe")
        frame = page.frames[1]
        wait_for(frame, "() => document.body && document.body.dataset.kgStabilized === 'true'", 60)
        n = frame.evaluate("() => window.kgNetwork.body.data.nodes.length")
        frame.fill("#kg-search-input", "西安")
        hits = frame.eval_on_selector_all(
            "#kg-search-results button.kg-hit", "els => els.map(e => e.dataset.id)"
        )
    finally:
        page.close()
    assert n == read_graph(graph).number_of_nodes()
    assert "Union/西安市总工会" in hits
    assert [(t, m) for t, m in report["console"] if t in ("error", "warning")] == []
    assert report["page_errors"] == []
    assert [u for u in report["requests"] if not u.startswith(("file:", "about:"))] == []
