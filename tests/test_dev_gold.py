"""Regression guard on the dev gold (issue: extraction quality).

Each dev document (the seeds with a gold file, and ../shared/dev) is built on its own
and scored; the micro-averaged typed entity F1 and relation F1 must not drop more than
0.02 below the figures recorded in ``bench/dev_scores.json`` (re-record with
``python bench/dev_eval.py --record``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.eval import load_gold, micro_average, score
from kg.eval.devset import dev_documents
from kg.pipeline import build_corpus

TOLERANCE = 0.02
RECORD = Path(__file__).resolve().parents[1] / "bench" / "dev_scores.json"


@pytest.fixture(scope="module")
def dev_report(gold_dir: Path, seeds_dir: Path):
    docs = dev_documents(gold_dir, [seeds_dir, gold_dir.parent / "dev"])
    assert len(docs) >= 43, f"expected the 43-document dev set, found {len(docs)}"
    reports = [score(build_corpus([d.text]).graph, load_gold(d.gold)) for d in docs]
    return micro_average(reports)


@pytest.mark.parametrize(
    ("measure", "figure"),
    [
        ("entities_typed_f1", lambda r: r.entities_typed.f1),
        ("relations_f1", lambda r: r.relations.f1),
    ],
)
def test_no_regression_on_dev_gold(dev_report, measure: str, figure) -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))[measure]
    assert figure(dev_report) >= recorded - TOLERANCE, (
        f"{measure} fell to {figure(dev_report):.3f} (recorded {recorded:.3f})"
    )


def test_no_duplicate_nodes_grow(dev_report) -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))["duplicate_nodes"]
    assert len(dev_report.duplicate_entities) <= recorded
