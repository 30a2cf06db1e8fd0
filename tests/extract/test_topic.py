"""The article's actor as owner of programmes no trigger gave one (kg.extract.topic)."""

from __future__ import annotations

import pytest

BODY = (
    "本报讯 记者日前获悉,北京市昌平区总工会出台职工创新助推管理办法。"
    "昌平区总工会党组书记、常务副主席王冰说,这是好事。昌平区总工会还召开会议。"
)

CASES = [
    # the headline writes the actor with a place more and a short head (北京昌平区总)
    ("## 北京昌平区总出台举措激励“一室一盟”建设\n\n" + BODY, ("昌平区总工会", "一室一盟")),
    # a body after 在 is where the event is held: the actor still holds it
    (
        "云南省总工会推动工匠学院建设。本报讯（记者赵黎浩）云南工匠学院授牌仪式1月13日在"
        "云南省交通规划设计院有限公司举行。",
        ("云南省总工会", "云南工匠学院授牌仪式"),
    ),
]

NOT_CASES = [
    # another district's union acts in the headline: not the actor
    ("## 北京朝阳区总出台举措激励“一室一盟”建设\n\n" + BODY, ("昌平区总工会", "一室一盟")),
]


def _topic(relations):
    return {
        (r.head.display_name, r.tail.display_name) for r in relations if r.rule.startswith("topic-")
    }


@pytest.mark.parametrize(("text", "pair"), CASES)
def test_actor_owns(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair in _topic(relations), sorted(_topic(relations))


@pytest.mark.parametrize(("text", "pair"), NOT_CASES)
def test_actor_does_not_own(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair not in _topic(relations)
