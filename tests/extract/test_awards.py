"""Awards: the body that confers one establishes it (kg.extract.awards), real sentences."""

from __future__ import annotations

import pytest

from kg.extract.awards import is_award

HONOURS = (
    "河北电力系统多个集体和个人受到中华全国总工会表彰:国网石家庄供电公司获全国五一劳动奖状,"
    "国网衡水供电公司程旭、国网邯郸供电公司王彦军2名职工获全国五一劳动奖章,"
    "国网河北电科院开关技术研究室被授予全国工人先锋号称号。"
)
PROVINCE = (
    "辽宁省政府此次表彰的省劳动模范中,鞍钢职工占了10席,他们被授予辽宁省劳动模范称号。"
    "鞍钢股份炼钢总厂则获评辽宁省先进集体。"
)

CASES = [
    (HONOURS, ("中华全国总工会", "全国五一劳动奖状")),
    (HONOURS, ("中华全国总工会", "全国五一劳动奖章")),
    (HONOURS, ("中华全国总工会", "全国工人先锋号")),
    # across clauses after the verb
    (PROVINCE, ("辽宁省政府", "辽宁省劳动模范")),
    # a next sentence of the paragraph that names no awarding body of its own
    (PROVINCE, ("辽宁省政府", "辽宁省先进集体")),
]

NOT_CASES = [
    # a receiving word between the body and the verb: the body is a recipient
    ("鞍钢集团一批先进集体和个人获全国、省级表彰,鞍钢股份获得辽宁省五一劳动奖状。", "鞍钢集团"),
    # a new paragraph does not inherit the awarding body
    ("辽宁省政府此次表彰了一批劳动模范。\n鞍钢股份炼钢总厂获评辽宁省先进集体。", "辽宁省政府"),
    # a national award is not conferred by a local body
    ("吉林省总工会表彰了获得全国五一劳动奖章的职工。", "吉林省总工会"),
]


def _awards(relations):
    return {
        (r.head.display_name, r.tail.display_name)
        for r in relations
        if r.predicate.value == "establishes" and r.rule == "award"
    }


@pytest.mark.parametrize(("text", "pair"), CASES)
def test_awarding_body_establishes_award(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair in _awards(relations), sorted(_awards(relations))


@pytest.mark.parametrize(("text", "head"), NOT_CASES)
def test_no_award_from_recipient_or_elsewhere(analyse, text: str, head: str) -> None:
    _, _, relations = analyse(text)
    assert not [p for p in _awards(relations) if p[0] == head]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("全国五一劳动奖章", True),
        ("全国工人先锋号", True),
        ("职工书屋", False),
        ("春风行动", False),
    ],
)
def test_is_award(name: str, expected: bool) -> None:
    assert is_award(name) is expected
