"""Scoring: alias-aware one-to-one entity matching, relations through the alignment."""

from __future__ import annotations

import json
import random

import pytest
from eval_support import gold_doc, pred_doc

from kg.eval.predicted import PredictedDocument
from kg.eval.score import Counts, EvalReport, micro_average, normalise_name, roles_match, score
from kg.types import EntityType, RelationType

GOLD = gold_doc(
    [
        ("e1", "Union", "西安市总工会", ["市总工会", "西安市工会"]),
        ("e2", "Place", "西安市"),
        ("e3", "Person", "薛振虎"),
        ("e4", "GovernmentBody", "西安市人大常委会"),
        ("e5", "Programme", "劳模工匠进校园行动", ["“劳模工匠进校园”行动"]),
        ("e6", "Enterprise", "陕西海川医药有限公司"),
    ],
    [
        ("e1", "locatedIn", "e2"),
        ("e3", "memberOf", "e1", "主席"),
        ("e3", "memberOf", "e4", "副主任"),
        ("e1", "establishes", "e5", None, "32.5万元"),
        ("e1", "partnerOf", "e6"),
    ],
)


def perfect() -> PredictedDocument:
    """The gold, as a prediction with other ids and in another order."""
    return pred_doc(
        [
            ("n6", "Enterprise", "陕西海川医药有限公司"),
            ("n1", "Union", "西安市总工会", ["市总工会"]),
            ("n2", "Place", "西安市"),
            ("n3", "Person", "薛振虎"),
            ("n4", "GovernmentBody", "西安市人大常委会"),
            ("n5", "Programme", "劳模工匠进校园行动"),
        ],
        [
            ("n1", "locatedIn", "n2"),
            ("n3", "memberOf", "n1", "主席"),
            ("n3", "memberOf", "n4", "副主任"),
            ("n1", "establishes", "n5"),
            ("n6", "partnerOf", "n1"),
        ],
    )


def without(doc: PredictedDocument, entity_id: str) -> PredictedDocument:
    return PredictedDocument(
        tuple(e for e in doc.entities if e.id != entity_id),
        tuple(r for r in doc.relations if entity_id not in (r.head, r.tail)),
    )


def plus(doc: PredictedDocument, entities=(), relations=()) -> PredictedDocument:
    extra = pred_doc(entities, relations)
    return PredictedDocument(doc.entities + extra.entities, doc.relations + extra.relations)


def all_rows_perfect(report: EvalReport) -> bool:
    return all(c.precision == c.recall == c.f1 == 1.0 for _, c in report.rows())


# --- helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("西安市总工会", "西安市总工会"),
        ("“劳模工匠进校园”行动", "劳模工匠进校园行动"),
        ("《工会法》", "工会法"),
        ("‘三育’ 服务", "三育服务"),
        ('"产投匠星"', "产投匠星"),
        ("吉林省首届职工创新成果交流（交易）大会", "吉林省首届职工创新成果交流(交易)大会"),
        ("ＡＰＰ　平台", "app平台"),
    ],
)
def test_normalise_name(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


@pytest.mark.parametrize(
    ("predicted", "gold", "mode", "expected"),
    [
        ("主席", "主席", "exact", True),
        ("常务副主席、党组书记", "党组书记、常务副主席", "exact", True),
        ("党组书记，常务副主席", "党组书记、常务副主席", "exact", True),
        ("主席", "常务副主席", "exact", False),
        ("常务副主席", "党组书记、常务副主席", "exact", False),
        ("常务副主席", "党组书记、常务副主席", "contains", True),
        ("党组书记、常务副主席、委员", "党组书记、常务副主席", "contains", True),
        ("主席", "常务副主席", "contains", False),
        (None, "主席", "exact", False),
        (None, "主席", "contains", False),
        ("主席", None, "contains", False),
        (None, None, "exact", True),
    ],
)
def test_roles_match(predicted: str | None, gold: str | None, mode: str, expected: bool) -> None:
    assert roles_match(predicted, gold, mode) is expected  # type: ignore[arg-type]


def test_unknown_role_mode_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown role match mode"):
        score(perfect(), GOLD, role_match="substring")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("counts", "p", "r", "f"),
    [
        (Counts(0, 0, 0), 1.0, 1.0, 1.0),
        (Counts(0, 0, 3), 1.0, 0.0, 0.0),
        (Counts(0, 2, 0), 0.0, 1.0, 0.0),
        (Counts(3, 1, 2), 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
    ],
)
def test_counts_metrics(counts: Counts, p: float, r: float, f: float) -> None:
    assert (counts.precision, counts.recall) == (p, r)
    assert counts.f1 == pytest.approx(f)


# --- entities -----------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    report = score(perfect(), GOLD)
    assert report.entities_typed == report.entities_untyped == Counts(6, 0, 0)
    assert report.relations == Counts(5, 0, 0)
    assert report.member_of_role == Counts(2, 0, 0)
    assert report.duplicates == 0
    assert all_rows_perfect(report)
    assert not (report.missed_entities or report.spurious_entities or report.type_errors)
    assert not (report.missed_relations or report.spurious_relations or report.role_errors)


def test_gold_scored_against_itself_is_perfect() -> None:
    assert all_rows_perfect(score(GOLD, GOLD))


@pytest.mark.parametrize(
    ("predicted", "untyped", "typed", "duplicates"),
    [
        pytest.param(without(perfect(), "n2"), Counts(5, 0, 1), Counts(5, 0, 1), 0, id="missing"),
        pytest.param(
            plus(perfect(), [("n9", "Union", "西安市总工会")]),
            Counts(6, 1, 0),
            Counts(6, 1, 0),
            1,
            id="duplicate-same-name",
        ),
        pytest.param(
            plus(perfect(), [("n9", "Union", "市总工会")]),
            Counts(6, 1, 0),
            Counts(6, 1, 0),
            1,
            id="duplicate-alias",
        ),
        pytest.param(
            plus(perfect(), [("n9", "Union", "吉林省总工会")]),
            Counts(6, 1, 0),
            Counts(6, 1, 0),
            0,
            id="spurious-not-duplicate",
        ),
        pytest.param(
            plus(without(perfect(), "n1"), [("n1", "Union", "市总工会")]),
            Counts(6, 0, 0),
            Counts(6, 0, 0),
            0,
            id="predicted-name-is-gold-alias",
        ),
        pytest.param(
            plus(without(perfect(), "n1"), [("n1", "Union", "西安总工会", ["西安市工会"])]),
            Counts(6, 0, 0),
            Counts(6, 0, 0),
            0,
            id="predicted-alias-is-gold-alias",
        ),
        pytest.param(
            plus(without(perfect(), "n5"), [("n5", "Programme", "“劳模工匠进校园”行动")]),
            Counts(6, 0, 0),
            Counts(6, 0, 0),
            0,
            id="quotes-normalised",
        ),
        pytest.param(
            plus(without(perfect(), "n1"), [("n1", "Union", "总工会")]),
            Counts(5, 1, 1),
            Counts(5, 1, 1),
            0,
            id="substring-is-no-match",
        ),
        pytest.param(
            plus(without(perfect(), "n6"), [("n6", "Organization", "陕西海川医药有限公司")]),
            Counts(6, 0, 0),
            Counts(5, 1, 1),
            0,
            id="wrong-type",
        ),
    ],
)
def test_entity_counts(
    predicted: PredictedDocument, untyped: Counts, typed: Counts, duplicates: int
) -> None:
    report = score(predicted, GOLD)
    assert report.entities_untyped == untyped
    assert report.entities_typed == typed
    assert report.duplicates == duplicates
    assert len(report.spurious_entities) == untyped.fp
    assert len(report.missed_entities) == untyped.fn


def test_missing_entity_lowers_recall_only() -> None:
    report = score(without(perfect(), "n3"), GOLD)
    assert report.entities_untyped.recall == pytest.approx(5 / 6)
    assert report.entities_untyped.precision == 1.0
    assert report.per_type["Person"] == Counts(0, 0, 1)
    assert report.per_type["Union"] == Counts(1, 0, 0)
    assert [e.name for e in report.missed_entities] == ["薛振虎"]
    # its two memberOf relations are missed too
    assert report.per_relation["memberOf"] == Counts(0, 0, 2)


def test_duplicate_node_is_spurious_and_listed_as_duplicate() -> None:
    report = score(
        plus(perfect(), [("n0", "Union", "市总工会")], [("n0", "locatedIn", "n2")]), GOLD
    )
    assert report.entities_untyped == Counts(6, 1, 0)
    assert report.per_type["Union"] == Counts(1, 1, 0)
    # the canonical-name node wins; the alias-named one is the duplicate
    assert [e.name for e in report.duplicate_entities] == ["市总工会"]
    assert report.spurious_entities == report.duplicate_entities
    assert "duplicate of 西安市总工会" in report.duplicate_entities[0].note
    # its relation cannot be aligned, so it is spurious
    assert report.per_relation["locatedIn"] == Counts(1, 1, 0)
    assert report.spurious_relations[0].note == "head not in gold"


def test_wrong_type_is_untyped_tp_and_typed_fp_fn() -> None:
    predicted = plus(without(perfect(), "n6"), [("n6", "Organization", "陕西海川医药有限公司")])
    predicted = PredictedDocument(
        predicted.entities,
        predicted.relations + pred_doc([], [("n6", "partnerOf", "n1")]).relations,
    )
    report = score(predicted, GOLD)
    assert report.entities_untyped == Counts(6, 0, 0)
    assert report.entities_typed == Counts(5, 1, 1)
    assert report.per_type["Enterprise"] == Counts(0, 0, 1)
    assert report.per_type["Organization"] == Counts(0, 1, 0)
    assert [(e.name, e.type, e.note) for e in report.type_errors] == [
        ("陕西海川医药有限公司", "Organization", "gold: 陕西海川医药有限公司 (Enterprise)")
    ]
    # relations use the untyped alignment, so the partnerOf still counts
    assert report.per_relation["partnerOf"] == Counts(1, 0, 0)


def test_matching_is_one_to_one_and_maximal() -> None:
    gold = gold_doc([("g1", "Union", "甲工会"), ("g2", "Union", "乙工会", ["丙工会"])])
    # p1-g1 is the strongest pair, but taking it leaves p2 alone: the maximum matching
    # pairs p1-g2 and p2-g1 (weaker name matches, one more true positive)
    predicted = pred_doc(
        [("p1", "Union", "甲工会", ["丙工会"]), ("p2", "Union", "丁工会", ["甲工会"])]
    )
    report = score(predicted, gold)
    assert report.entities_untyped == Counts(2, 0, 0)
    assert report.entities_typed == Counts(2, 0, 0)


def test_stronger_name_match_is_preferred() -> None:
    gold = gold_doc([("g1", "Union", "西安市总工会", ["市总工会"])])
    predicted = pred_doc(
        [("a", "Union", "市总工会", ["西安市总工会"]), ("b", "Union", "西安市总工会")]
    )
    report = score(predicted, gold)
    assert [e.id for e in report.duplicate_entities] == ["a"]


def test_untyped_alignment_prefers_matching_type_at_equal_name_strength() -> None:
    gold = gold_doc([("g1", "Place", "西安市")], [])
    predicted = pred_doc([("a", "Union", "西安市"), ("b", "Place", "西安市")])
    report = score(predicted, gold)
    assert report.type_errors == ()
    assert [e.id for e in report.spurious_entities] == ["a"]


def test_result_does_not_depend_on_input_order() -> None:
    base = plus(
        perfect(),
        [("x1", "Union", "市总工会"), ("x2", "Union", "西安市工会"), ("x3", "Place", "西安")],
        [("x1", "locatedIn", "n2"), ("x2", "partnerOf", "n6")],
    )
    expected = score(base, GOLD).to_dict(details=True)
    rng = random.Random(7)
    for _ in range(5):
        entities, relations = list(base.entities), list(base.relations)
        rng.shuffle(entities)
        rng.shuffle(relations)
        shuffled = PredictedDocument(tuple(entities), tuple(relations))
        assert score(shuffled, GOLD).to_dict(details=True) == expected


# --- relations ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "rel", "expected"),
    [
        pytest.param(
            [("n2", "locatedIn", "n1")], "locatedIn", Counts(1, 1, 0), id="reversed-locatedIn"
        ),
        pytest.param([("n1", "locatedIn", "n4")], "locatedIn", Counts(1, 1, 0), id="wrong-tail"),
        pytest.param(
            [("n1", "subOrganizationOf", "n4")],
            "subOrganizationOf",
            Counts(0, 1, 0),
            id="not-in-gold",
        ),
        pytest.param(
            [("n1", "partnerOf", "n6")], "partnerOf", Counts(1, 1, 0), id="partner-twice-by-hand"
        ),
    ],
)
def test_extra_relations_are_spurious(extra: list, rel: str, expected: Counts) -> None:
    report = score(plus(perfect(), relations=extra), GOLD)
    assert report.per_relation[rel] == expected
    assert report.relations == Counts(5, 1, 0)


@pytest.mark.parametrize(
    ("head", "tail", "tp"),
    [("n1", "n6", 1), ("n6", "n1", 1), ("n1", "n2", 0), ("n2", "n1", 0)],
)
def test_partner_of_is_symmetric(head: str, tail: str, tp: int) -> None:
    predicted = PredictedDocument(
        perfect().entities, pred_doc([], [(head, "partnerOf", tail)]).relations
    )
    report = score(predicted, GOLD)
    assert report.per_relation["partnerOf"] == Counts(tp, 1 - tp, 1 - tp)


def test_relations_match_through_the_alias_alignment() -> None:
    predicted = pred_doc(
        [("a", "Union", "市总工会"), ("b", "Place", "西安市"), ("c", "Person", "薛振虎")],
        [("a", "locatedIn", "b"), ("c", "memberOf", "a", "主席")],
    )
    report = score(predicted, GOLD)
    assert report.per_relation["locatedIn"] == Counts(1, 0, 0)
    assert report.per_relation["memberOf"] == Counts(1, 0, 1)
    assert report.member_of_role == Counts(1, 0, 1)
    assert report.relations == Counts(2, 0, 3)


def test_relation_with_an_unknown_end_is_spurious() -> None:
    predicted = plus(perfect(), relations=[("n1", "locatedIn", "ghost")])
    report = score(predicted, GOLD)
    assert report.per_relation["locatedIn"] == Counts(1, 1, 0)
    assert report.spurious_relations[0].note == "tail not in gold"


@pytest.mark.parametrize(
    ("role", "mode", "member", "with_role"),
    [
        ("主席", "exact", Counts(2, 0, 0), Counts(2, 0, 0)),
        ("常务副主席", "exact", Counts(2, 0, 0), Counts(1, 1, 1)),
        (None, "exact", Counts(2, 0, 0), Counts(1, 1, 1)),
        ("党组书记、主席", "exact", Counts(2, 0, 0), Counts(1, 1, 1)),
        ("党组书记、主席", "contains", Counts(2, 0, 0), Counts(2, 0, 0)),
        ("常务副主席", "contains", Counts(2, 0, 0), Counts(1, 1, 1)),
    ],
)
def test_member_of_role(role: str | None, mode: str, member: Counts, with_role: Counts) -> None:
    base = perfect()
    relations = tuple(
        r
        if not (r.rel is RelationType.MEMBER_OF and r.tail == "n1")
        else type(r)(r.head, r.rel, r.tail, role)
        for r in base.relations
    )
    report = score(PredictedDocument(base.entities, relations), GOLD, role_match=mode)  # type: ignore[arg-type]
    assert report.per_relation["memberOf"] == member
    assert report.member_of_role == with_role
    assert report.relations == Counts(5, 0, 0)
    assert len(report.role_errors) == with_role.fp
    if report.role_errors:
        assert report.role_errors[0].note == "gold role: 主席"


# --- reports ------------------------------------------------------------------


def test_report_table_json_and_details() -> None:
    report = score(plus(without(perfect(), "n2"), [("n9", "Union", "市总工会")]), GOLD)
    table = report.format_table()
    for label in [
        "entities (typed)",
        "entities (untyped)",
        "  Person",
        "relations",
        "  memberOf+role",
        "  locatedIn",
    ]:
        assert label in table
    assert "duplicate nodes: 1" in table
    lengths = {len(line) for line in table.splitlines()[:-1]}
    assert len(lengths) == 1, "rows are aligned"
    data = json.loads(json.dumps(report.to_dict(details=True), ensure_ascii=False))
    assert data["entities"]["untyped"] == {
        "tp": 5,
        "fp": 1,
        "fn": 1,
        "precision": 0.8333,
        "recall": 0.8333,
        "f1": 0.8333,
    }
    assert set(data["entities"]["by_type"]) == {t.value for t in EntityType}
    assert set(data["relations"]["by_relation"]) == {r.value for r in RelationType}
    assert data["duplicates"] == 1
    assert [e["name"] for e in data["details"]["missed_entities"]] == ["西安市"]
    assert "details" not in report.to_dict()
    details = report.format_details()
    assert "missed entities (gold, not found): 1" in details
    assert "西安市总工会 --locatedIn--> 西安市" in details
    assert "市总工会" in details and "duplicate of 西安市总工会" in details


def test_micro_average_sums_counts_over_documents() -> None:
    a = score(perfect(), GOLD)
    b = score(without(perfect(), "n3"), GOLD)
    total = micro_average([a, b])
    assert total.documents == 2
    assert total.entities_untyped == Counts(11, 0, 1)
    assert total.relations == Counts(8, 0, 2)
    assert total.per_type["Person"] == Counts(1, 0, 1)
    assert total.member_of_role == Counts(2, 0, 2)
    assert [e.name for e in total.missed_entities] == ["薛振虎"]
    assert "documents: 2" in total.format_table()
    assert micro_average([a]).to_dict() == a.to_dict()


def test_micro_average_rejects_empty_and_mixed_modes() -> None:
    with pytest.raises(ValueError, match="at least one"):
        micro_average([])
    with pytest.raises(ValueError, match="different role_match"):
        micro_average([score(perfect(), GOLD), score(perfect(), GOLD, role_match="contains")])


def test_empty_prediction() -> None:
    report = score(PredictedDocument((), ()), GOLD)
    assert report.entities_typed == Counts(0, 0, 6)
    assert (
        report.entities_typed.precision,
        report.entities_typed.recall,
        report.entities_typed.f1,
    ) == (1.0, 0.0, 0.0)
    assert report.per_type["Event"] == Counts(0, 0, 0)
    assert report.per_type["Event"].f1 == 1.0
