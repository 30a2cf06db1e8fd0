"""Duplicate nodes across documents (kg.eval.crossdoc, ``kg eval --cross-document``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_support import gold_doc, gold_to_rdf, pred_doc
from test_eval_cli import app, runner

from kg.eval.crossdoc import cross_document_duplicates

GOLD_A = gold_doc([("e1", "Union", "西安市总工会", ("市总工会",))], source="a.jsonl")
GOLD_B = gold_doc(
    [
        ("e4", "Union", "西安市总工会", ("陕西省西安市总工会",)),
        ("e5", "Union", "杭州市总工会", ("市总工会",)),
        ("e6", "Programme", "工匠学院"),
    ],
    source="b.jsonl",
)
GOLD_C = gold_doc([("e2", "Programme", "吉林工匠学院", ("工匠学院",))], source="c.jsonl")

CASES = [
    # one thing, two nodes: qualified and unqualified
    (
        [("n1", "Union", "西安市总工会"), ("n2", "Union", "陕西省西安市总工会")],
        {"西安市总工会": ["a", "b"]},
    ),
    # one node for it: nothing to report
    ([("n1", "Union", "西安市总工会", ("陕西省西安市总工会",))], {}),
    # 市总工会 names two things in the pool, so a node called so duplicates neither
    ([("n1", "Union", "西安市总工会"), ("n2", "Union", "市总工会")], {}),
    # 工匠学院 is one file's canonical name and another's alias: an alias identifies nothing
    ([("n1", "Programme", "工匠学院"), ("n2", "Programme", "吉林工匠学院", ("工匠学院",))], {}),
]


@pytest.mark.parametrize(("nodes", "expected"), CASES)
def test_cross_document_duplicates(nodes, expected) -> None:
    found = cross_document_duplicates(pred_doc(nodes), [GOLD_A, GOLD_B, GOLD_C])
    assert {d.name: list(d.documents) for d in found} == expected


def test_cli_reports_cross_document_duplicates(tmp_path: Path) -> None:
    golds = []
    for name, lines in (
        ("a", ['{"kind": "entity", "id": "e1", "type": "Union", "name": "西安市总工会"}']),
        (
            "b",
            [
                '{"kind": "entity", "id": "e1", "type": "Union", "name": "西安市总工会",'
                ' "aliases": ["陕西省西安市总工会"]}'
            ],
        ),
    ):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        golds.append(str(path))
    graph = tmp_path / "graph.ttl"
    predicted = gold_doc([("n1", "Union", "西安市总工会"), ("n2", "Union", "陕西省西安市总工会")])
    gold_to_rdf(predicted).serialize(graph, format="turtle")
    plain = runner.invoke(app, [str(graph), *golds])
    assert "cross-document" not in plain.stdout
    result = runner.invoke(app, [str(graph), *golds, "--cross-document", "-v"])
    assert result.exit_code == 0, result.output
    assert "cross-document duplicates: 1" in result.stdout
    assert "西安市总工会 [a, b]: 西安市总工会 | 陕西省西安市总工会" in result.stdout
    data = json.loads(runner.invoke(app, [str(graph), *golds, "--cross-document", "--json"]).stdout)
    assert data["cross_document_duplicates"] == 1


def test_an_alias_identifies_a_thing_only_in_its_own_documents() -> None:
    """州人大常委会 is the Xishuangbanna body in the gold of one article; a node read only
    in a Qiannan article that carries the same short form is not a second node for it."""
    from kg.ingest import parse_text
    from kg.pipeline import build_documents

    texts = {
        "a": "西双版纳州人大常委会召开会议。州人大常委会副主任出席。",
        "b": "黔南州人大常委会召开会议。州人大常委会副主任出席。",
    }
    documents = [parse_text(t, source=f"{k}.txt", document_id=k) for k, t in texts.items()]
    graph = build_documents(documents).graph
    gold_a = gold_doc(
        [("e1", "GovernmentBody", "西双版纳州人大常委会", ("州人大常委会",))], source="a.jsonl"
    )
    gold_b = gold_doc([("e1", "GovernmentBody", "黔南州人大常委会")], source="b.jsonl")
    assert cross_document_duplicates(graph, [gold_a, gold_b]) == ()
    # without provenance (a bag of facts) the shared short form still counts
    facts = pred_doc(
        [
            ("n1", "GovernmentBody", "西双版纳州人大常委会", ("州人大常委会",)),
            ("n2", "GovernmentBody", "黔南州人大常委会", ("州人大常委会",)),
        ]
    )
    assert [d.name for d in cross_document_duplicates(facts, [gold_a, gold_b])] == [
        "西双版纳州人大常委会"
    ]
