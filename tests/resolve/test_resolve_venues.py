"""Resolution of venues and of a union's formal name (kg.resolve), on real sentences."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents


def _entities(*texts: str):
    documents = [
        parse_text(t, source=f"d{i}.txt", document_id=f"d{i}") for i, t in enumerate(texts)
    ]
    result = build_documents(documents)
    return {e.name: e for e in result.entities}, result


# A venue every place has keeps its place in the matching key; a chain of divisions
# before a named venue does not.
@pytest.mark.parametrize(
    ("text", "apart"),
    [
        (
            "厦门市工人文化宫开展活动。(上接第1版)福州工人文化宫秋龙园同样迎来不少排队拍照的家庭。",
            {"厦门市工人文化宫", "福州工人文化宫"},
        ),
        ("辽源市图书馆、东丰县图书馆参加。", {"辽源市图书馆", "东丰县图书馆"}),
    ],
)
def test_generic_venues_of_two_places_stay_apart(text: str, apart: set[str]) -> None:
    entities, _ = _entities(text)
    assert apart <= set(entities)


def test_place_chain_before_a_venue_still_merges() -> None:
    entities, _ = _entities("陕西省西安市土门工人文化宫举行活动。活动在土门工人文化宫举行。")
    venues = [e for e in entities.values() if e.name.endswith("文化宫")]
    assert len(venues) == 1, [v.name for v in venues]


def test_union_and_its_formal_committee_name_are_one_node() -> None:
    entities, _ = _entities(
        "湖南省总工会机关工会联合趣味运动会开赛。本次运动会由湖南省总工会机关工会委员会主办。"
    )
    unions = [e for e in entities.values() if "机关工会" in e.name and e.type.value == "Union"]
    assert len(unions) == 1, [u.name for u in unions]


# A named venue written after the places it lies in is known by its own name too, and
# the short and long forms of one zone are one node; a venue of a kind every place has
# keeps its place.
@pytest.mark.parametrize(
    ("text", "venue", "alias"),
    [
        ("活动在浙江省金华市婺城区婺城广场举行。", "婺城广场", "婺城广场"),
        (
            "“五一”前夕,上海市徐汇区华泾镇关港园区5000余名职工迎来嘉年华。"
            "徐汇关港园区职工服务站启用。",
            "关港园区",
            "关港园区",
        ),
        ("近日,陕西省西安市土门工人文化宫内人头攒动。", "土门工人文化宫", "西安市土门工人文化宫"),
    ],
)
def test_venue_after_places_has_its_own_name(text: str, venue: str, alias: str) -> None:
    entities, _ = _entities(text)
    places = [e for e in entities.values() if e.type.value == "Place" and venue in e.name]
    assert len(places) == 1, [p.name for p in places]
    assert alias in {places[0].name, *places[0].aliases}


def test_city_named_before_a_generic_venue_keeps_no_extra_alias() -> None:
    entities, _ = _entities("近日,陕西省西安市土门工人文化宫内人头攒动。")
    venue = next(e for e in entities.values() if e.name.endswith("文化宫"))
    assert "土门工人文化宫" not in {venue.name, *venue.aliases}


# An organisation written after the places above its own is also known by the name from
# its own place on (gold names 山亭区总工会, 开封市总工会); its own place is never dropped.
@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "山东省枣庄市山亭区总工会4月25日举办“百优工匠”职工技能比武大赛。",
            "山东省枣庄市山亭区总工会",
            "山亭区总工会",
        ),
        (
            "甘肃省酒泉市瓜州县总工会启动爱心母婴室“亮灯”行动。",
            "甘肃省酒泉市瓜州县总工会",
            "瓜州县总工会",
        ),
    ],
)
def test_org_after_places_has_its_own_name(text: str, name: str, alias: str) -> None:
    entities, _ = _entities(text)
    assert alias in entities[name].aliases


@pytest.mark.parametrize(
    ("text", "name", "not_alias"),
    [
        ("襄阳市总工会设立爱心母婴室。", "襄阳市总工会", "总工会"),
        ("河南省开封市总工会与开封大学签约。", "河南省开封市总工会", "总工会"),
    ],
)
def test_org_keeps_its_own_place(text: str, name: str, not_alias: str) -> None:
    entities, _ = _entities(text)
    assert not_alias not in entities[name].aliases
