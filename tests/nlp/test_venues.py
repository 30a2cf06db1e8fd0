"""Venue heads of kg_places (校区, 操场, 戏台) on real sentences of the dev set."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

VENUES = [
    ("活动1月19日上午在马家堡小学操场举行。", "马家堡小学操场"),
    ("活动在昆明冶金高等专科学校安宁校区启动。", "昆明冶金高等专科学校安宁校区"),
    ("丰台区40名基层工会主席走进北京市总工会职工大学草桥校区。", "北京市总工会职工大学草桥校区"),
    ("D1923、G828、D2687次列车从西安北站驶出,载着来自四川的旅客。", "西安北站"),
    ("春运期间,哈尔滨火车站设立职工服务点。", "哈尔滨火车站"),  # one jieba word
    # a level and a venue every place has: the place's own venue, also when it only hosts
    ("鼎城区第二届职工运动会9月19日开幕,赛场设在市第二工人文化宫。", "市第二工人文化宫"),
    # a part of such a venue, named by the level (市|劳动人民文化宫|广场)
    ("近日,渝中区总工会在市劳动人民文化宫广场举办新春游园活动。", "市劳动人民文化宫广场"),
]
NOT_VENUES = [
    ("推进学校新校区建设。", "新校区"),
    ("同学们在操场上做早操。", "操场"),
    ("列车从北站驶出。", "北站"),
    # 城南|站, not a city's 南站
    ("来到万达广场爱心驿站、美团外卖城南站户外职工爱心驿站、红日子职工之家。", "美团外卖城南站"),
    ("旅客们在车站候车。", "车站"),
    ("职工们来到市科技园参观。", "市科技园"),  # a level before a kind of venue that is no name
    ("职工们来到劳动人民文化宫广场参观。", "劳动人民文化宫广场"),  # no level, no place
]


@pytest.mark.parametrize(("text", "name"), VENUES)
def test_venues(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_VENUES)
def test_not_venues(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(m.display_name.endswith(word) for m in mentions)


# Towns and villages: a long transliterated name jieba cut across two place words is
# read along the chain of levels, and a town jieba glued into one word keeps its name
# before an organisation's head.
TOWNS = [
    ("克孜勒苏柯尔克孜自治州阿合奇县库兰萨日克乡别迭里村,慰问组看望了护边员。", "库兰萨日克乡"),
    ("克孜勒苏柯尔克孜自治州阿合奇县库兰萨日克乡别迭里村,慰问组看望了护边员。", "别迭里村"),
    ("先后走进贵州德隆水泥有限公司、冗渡镇卫生院和县人民医院。", "冗渡镇"),
]
NOT_TOWNS = [
    ("克孜勒苏柯尔克孜自治州阿合奇县库兰萨日克乡别迭里村,慰问组看望了护边员。", "日克乡别迭里村"),
    ("先后走进贵州德隆水泥有限公司、冗渡镇卫生院和县人民医院。", "镇卫生院"),
]


@pytest.mark.parametrize(("text", "name"), TOWNS)
def test_towns(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_TOWNS)
def test_not_towns(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions}


# Venues named as items of a list of places: the whole item is the name, also when
# jieba's words make none (皋|电|产业集群, 丁堰科|创|产业园, 茶亭|公园).
LIST_VENUES = [
    ("与会人员来到皋电产业集群、丁堰科创产业园两处产改展示点现场观摩。", "皋电产业集群"),
    ("与会人员来到皋电产业集群、丁堰科创产业园两处产改展示点现场观摩。", "丁堰科创产业园"),
    ("拍摄点包括上下杭、爱情岛、茶亭公园荷香戏台、晋安湖公园和晋安生态公园。", "茶亭公园荷香戏台"),
]
NOT_LIST_VENUES = [
    ("五华区总工会联动相关部门和单位,对重点商圈、企业周边开展走访。", "重点商圈"),
    ("在项目部、生活区、施工现场设置宣传栏。", "生活区"),
]


@pytest.mark.parametrize(("text", "name"), LIST_VENUES)
def test_list_venues(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "name"), NOT_LIST_VENUES)
def test_not_list_venues(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in {m.display_name for m in mentions}


# Areas of a kind are no places: a common noun of jieba's dictionary ending with a level
# (功能区, 经济特区) and a …地区 that is no division (偏远地区); a division stays.
NOT_AREAS = [
    ("中心面积约1000平方米,划分为14个功能区,提供技能培训。", "功能区"),
    ("海南是生态环境全国最好、经济特区全国最大的省份。", "经济特区"),
    ("覆盖前两年没有覆盖到的行业和地区、偏远地区职工。", "偏远地区"),
]
AREAS = [
    ("大兴安岭地区图强林业局开展活动。", "大兴安岭地区"),
    ("日喀则地区总工会慰问一线职工。", "日喀则地区"),
]


@pytest.mark.parametrize(("text", "name"), NOT_AREAS)
def test_not_areas(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) not in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "name"), AREAS)
def test_areas(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) in {(m.label, m.display_name) for m in mentions}


# A zone heading the name of its own body is a place the text names (港城|工业园区管理委员会,
# a stem jieba reads as a common noun); a kind of zone before a body is none.
ZONES = [("在江北区,江北区总工会与港城工业园区管理委员会携手。", "港城工业园区")]
NOT_ZONES = [
    ("推动企业工业园区工会建设。", "企业工业园区"),
    ("各类园区管委会负责人参加。", "各类园区"),
]


@pytest.mark.parametrize(("text", "name"), ZONES)
def test_zones_heading_bodies(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "name"), NOT_ZONES)
def test_not_zones(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in {m.display_name for m in mentions}


# a venue where something is held (a venue preposition before it, a holding or organising
# verb right after it) needs no proper-name word, only three characters of its own
HOSTING_VENUES = [
    ("香港工會聯合會9月25日在工人俱樂部禮堂合辦「紀念大會」。", "工人俱乐部礼堂"),
    ("台中市勞工總工會成立大會18日在潮港城餐廳登場,會中推選理事長。", "潮港城餐厅"),
]
NOT_HOSTING_VENUES = [
    ("职工在食堂餐厅举行联欢。", "食堂餐厅"),  # two characters of its own
    ("活动在公司餐厅举行。", "公司餐厅"),
    ("工人俱乐部礼堂年久失修。", "工人俱乐部礼堂"),  # nothing held there
]


@pytest.mark.parametrize(("text", "name"), HOSTING_VENUES)
def test_venue_where_something_is_held(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "name"), NOT_HOSTING_VENUES)
def test_generic_or_idle_venue_is_no_place(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in {m.display_name for m in mentions}


# A campus of a programme (工匠学院) is a site of the programme, and so is the next campus
# listed after it; a campus of a school stays a venue.
CAMPUSES = [
    (
        "记者了解到,云南工匠学院电网校区、普洱校区被全国总工会命名。",
        (T.PROGRAMME, "云南工匠学院电网校区"),
    ),
    ("记者了解到,云南工匠学院电网校区、普洱校区被全国总工会命名。", (T.PROGRAMME, "普洱校区")),
    (
        "丰台区40名基层工会主席走进北京市总工会职工大学草桥校区。",
        (T.PLACE, "北京市总工会职工大学草桥校区"),
    ),
    (
        "活动在昆明冶金高等专科学校安宁校区、呈贡校区同时启动。",
        (T.PLACE, "昆明冶金高等专科学校安宁校区"),
    ),
]


@pytest.mark.parametrize(("text", "entity"), CAMPUSES)
def test_campuses(analyse, text: str, entity: tuple) -> None:
    _, mentions, _ = analyse(text)
    assert entity in {(m.label, m.display_name) for m in mentions}
