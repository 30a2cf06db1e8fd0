"""Event names opening on a chain of places start at the last one (the level that holds
the event); a union's own meeting keeps the union's full name. More event heads
(研修班 …) make events; a headline's short name with 产改 is the full name's alias."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents
from kg.types import EntityType


def _entities(text: str) -> dict[str, EntityType]:
    result = build_documents([parse_text(text, source="d.txt", document_id="d")])
    return {e.name: e.type for e in result.entities}


_NAMED = [
    (
        "本报讯 10月27日上午,江苏省连云港市连云区产业工人队伍建设改革专题辅导报告会召开。",
        "连云区产业工人队伍建设改革专题辅导报告会",
    ),
    (
        "7月13日,山东省滨州市职工健康服务中心启动仪式在滨州市工人文化宫举行。",
        "滨州市职工健康服务中心启动仪式",
    ),
    (
        "本报讯 近日,内蒙古自治区总工会举办2025年度全区工匠学院建设运营实践研修班,"
        "全区各工匠学院的60名负责人参加学习。",
        "2025年度全区工匠学院建设运营实践研修班",
    ),
]
_NOT_NAMED = [
    # the places are dropped from the name
    (
        "本报讯 10月27日上午,江苏省连云港市连云区产业工人队伍建设改革专题辅导报告会召开。",
        "江苏省连云港市连云区产业工人队伍建设改革专题辅导报告会",
    ),
    # a union's own founding meeting keeps its full name
    (
        "本报讯 2020年11月23日下午,合肥市瑶海区浙江商贸城楼宇工会联合会成立大会召开。",
        "瑶海区浙江商贸城楼宇工会联合会成立大会",
    ),
]


@pytest.mark.parametrize(("text", "name"), _NAMED)
def test_event_named_from_last_place(text: str, name: str) -> None:
    assert _entities(text).get(name) == EntityType.EVENT


@pytest.mark.parametrize(("text", "name"), _NOT_NAMED)
def test_event_not_so_named(text: str, name: str) -> None:
    assert name not in _entities(text)


def test_short_headline_name_is_alias() -> None:
    text = (
        "## 连云区举办产改专题辅导报告会\n"
        "本报讯 10月27日上午,江苏省连云港市连云区产业工人队伍建设改革专题辅导报告会召开。"
    )
    names = _entities(text)
    assert "连云区产业工人队伍建设改革专题辅导报告会" in names
    assert "产改专题辅导报告会" not in names


def _established(text: str) -> set[tuple[str, str]]:
    result = build_documents([parse_text(text, source="d.txt", document_id="d")])
    return {
        (r.head.split("/", 1)[1], r.tail.split("/", 1)[1])
        for r in result.relations
        if r.predicate.value == "establishes"
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the ceremony's name starts at its last place, inside the site's name: the site
        # stays an entity, and the bodies that built it set it up
        (
            "7月13日,山东省滨州市职工健康服务中心启动仪式在滨州市工人文化宫举行,这个由滨州市"
            "总工会、滨州市卫生健康委员会和滨州市人民医院三方共同建设的服务阵地当天正式投用。",
            ("滨州市卫生健康委员会", "山东省滨州市职工健康服务中心"),
        ),
        (
            "7月13日,滨州市职工健康服务中心启动仪式在滨州市工人文化宫举行,这个由滨州市"
            "总工会、滨州市卫生健康委员会和滨州市人民医院三方共同建设的服务阵地当天正式投用。",
            ("滨州市人民医院", "滨州市职工健康服务中心"),
        ),
    ],
)
def test_programme_inside_trimmed_event_is_kept(text: str, pair: tuple[str, str]) -> None:
    assert pair in _established(text)


def test_programme_not_ended_by_ceremony_stays_inside_event() -> None:
    # a programme named inside an event, not right before a ceremony verb, is no entity
    text = "本报讯 近日,内蒙古自治区总工会举办2025年度全区工匠学院建设运营实践研修班。"
    assert "工匠学院" not in _entities(text)
