"""One document whose analysis raises is left out by name; the rest builds (issue #7)."""

from __future__ import annotations

import pytest

import kg.pipeline as pipeline
from kg.ingest import parse_text

GOOD = "## 标题\n\n本报讯 西安市总工会主席薛振虎在会上讲话。"
BAD = "## 标题\n\n本报讯 杭州市总工会在上城区建成爱心驿站。"


def test_a_document_whose_analysis_raises_is_a_named_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = [
        parse_text(GOOD, source="good.txt", document_id="good"),
        parse_text(BAD, source="bad.txt", document_id="bad"),
    ]
    real = pipeline.annotate

    def annotate(article, nlp=None):
        if article.document_id == "bad":
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, nlp)

    monkeypatch.setattr(pipeline, "annotate", annotate)
    result = pipeline.build_documents(docs)
    assert [d.id for d in result.documents] == ["good"]
    assert [p.reason for p in result.problems] == [
        "[E017] bad.txt: analysis failed (RecursionError: maximum recursion depth exceeded);"
        " the document is left out"
    ]
    names = {e.name for e in result.entities}
    assert "西安市总工会" in names and "杭州市总工会" not in names
    assert all(a["document_id"] == "good" for a in result.graph.graph["articles"].values())
