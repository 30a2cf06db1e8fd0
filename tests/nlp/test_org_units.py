"""Sub-units, departments and bureaus of organisations (kg_organisations), on real
sentences of the dev set, negatives included."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

# A sub-unit head right after a body names a sub-unit of the body's type; the body
# itself stays an entity of its own.
SUB_UNITS = [
    ("重庆市总工会经审会主任王平告诉记者。", T.UNION, "重庆市总工会经审会"),
    ("重庆市总工会经审会主任王平告诉记者。", T.UNION, "重庆市总工会"),
    ("瑶海区总工会组宣部部长胡翼飞到会。", T.UNION, "瑶海区总工会组宣部"),
    ("鞍钢股份炼焦总厂五炼焦作业区作业长张允东。", T.ENTERPRISE, "鞍钢股份炼焦总厂五炼焦作业区"),
    ("鞍钢股份炼焦总厂五炼焦作业区作业长张允东获奖。", T.ENTERPRISE, "鞍钢股份炼焦总厂"),
    ("鞍钢股份炼焦总厂五炼焦作业区作业长张允东获奖。", T.ENTERPRISE, "鞍钢股份"),
    (
        "伊春市上甘岭林业局溪水森林经营所森林资源管护中队队长甄长龙获奖。",
        T.ENTERPRISE,
        "伊春市上甘岭林业局溪水森林经营所森林资源管护中队",
    ),
    ("大兴安岭新林林业局新林林场技术员宋士宝。", T.ENTERPRISE, "大兴安岭新林林业局新林林场"),
    ("福州农商银行城门支行工会驿站获评全国最美工会驿站。", T.ENTERPRISE, "福州农商银行城门支行"),
    ("县人大常委会副主任、县总工会主席张国出席。", T.GOVERNMENT_BODY, "县人大常委会"),
]
NOT_SUB_UNITS = [
    ("车间主任带领职工开展技能比武。", "车间"),
    ("企业分厂和车间都建立了工会。", "企业分厂"),
    ("他把持有的股份全部转让。", "持有的股份"),
    ("推动国有股份制改革。", "国有股份"),
    ("局部地区出现降雨。", "局部"),
]


@pytest.mark.parametrize(("text", "label", "name"), SUB_UNITS)
def test_sub_units(analyse, text: str, label: T, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (label, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_SUB_UNITS)
def test_not_sub_units(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    names = {m.display_name for m in mentions}
    assert word not in names
    assert not any(n.endswith(("车间", "分厂", "股份", "局部")) for n in names)
