"""Projection of gold names onto the build's mentions (kg.learn.projection)."""

from __future__ import annotations

import json

import pytest

from kg.eval import parse_gold
from kg.ingest import parse_text
from kg.learn.projection import comparable, project, project_resolved
from kg.nlp import annotate, mentions_from_doc
from kg.pipeline import analyse_document, reduce_analyses


def _gold(*entities: tuple[str, str, str, list[str]]):
    lines = [
        json.dumps({"kind": "entity", "id": i, "type": t, "name": n, "aliases": a})
        for i, t, n, a in entities
    ]
    return parse_gold(lines)


def _mentions(text: str):
    document = parse_text(text, source="t.txt", document_id="t")
    out = []
    for article in document.articles:
        out += mentions_from_doc(annotate(article), article)
    return out


# (text, gold entities, surface → gold id expected among the projections)
CASES = [
    pytest.param(
        "## 标题\n\n市总工会主席戴建平在会上讲话,西安市总工会将继续开展“春风行动”。",
        [
            ("e1", "Union", "西安市总工会", ["市总工会"]),
            ("e2", "Person", "戴建平", []),
            ("e3", "Programme", "春风行动", []),
        ],
        {"市总工会": "e1", "西安市总工会": "e1", "戴建平": "e2"},
        id="alias-and-canonical",
    ),
    pytest.param(
        "## 标题\n\n【本報訊】香港工會聯合會(工聯會)與香港海員工會(海員工會)9月25日在工人俱樂部禮堂"
        "合辦紀念大會。工聯會會長吳秋北表示,意義非凡。",
        [
            ("e1", "Union", "香港工会联合会", ["工联会"]),
            ("e2", "Union", "香港海员工会", ["海员工会"]),
            ("e3", "Person", "吴秋北", []),
            ("e4", "Place", "香港", []),
        ],
        {"香港工会联合会": "e1", "香港海员工会": "e2", "吴秋北": "e3", "香港": "e4"},
        id="traditional-text",
    ),
]


@pytest.mark.parametrize(("text", "entities", "expected"), CASES)
def test_mentions_project_onto_gold_names_and_aliases(text, entities, expected) -> None:
    mentions = _mentions(text)
    projected = project(mentions, _gold(*entities))
    got = {m.text: projected[m.key] for m in mentions if m.key in projected}
    for surface, gold_id in expected.items():
        assert got.get(surface) == gold_id, (surface, got)


def test_traditional_spellings_in_the_gold_still_match() -> None:
    gold = _gold(("e1", "Union", "「香港工會聯合會」", []))
    mentions = _mentions("## 标题\n\n香港工会联合会举办活动。")
    assert comparable("「香港工會聯合會」") == "香港工会联合会"
    assert "e1" in project(mentions, gold).values()


def test_names_the_gold_does_not_have_project_nowhere() -> None:
    gold = _gold(("e1", "Union", "杭州市总工会", []))
    mentions = _mentions("## 标题\n\n西安市总工会主席戴建平讲话。")
    projected = project(mentions, gold)
    assert not any(m.text in ("西安市总工会", "戴建平") for m in mentions if m.key in projected)


def test_projection_through_the_resolver_follows_the_scorers_alignment() -> None:
    text = "## 标题\n\n西安市总工会召开会议。市总工会主席戴建平讲话。"
    document = parse_text(text, source="t.txt", document_id="t")
    analysis = analyse_document(document)
    entities = reduce_analyses([analysis]).entities
    gold = _gold(("e1", "Union", "西安市总工会", ["市总工会"]), ("e2", "Person", "戴建平", []))
    projected = project_resolved(entities, analysis.mentions, gold)
    names = {m.text: projected.get(m.key) for m in analysis.mentions}
    assert names["西安市总工会"] == "e1"
    assert names["市总工会"] == "e1"
    assert names["戴建平"] == "e2"
