"""kg_events (kg.nlp.components.events) on real sentences of the dev set and seeds."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

# a weak head (活动) names an event when a verb that holds events opens the name or the
# event is its clause's subject, and the name is a quoted slogan or two parts joined by 暨
WEAK_HEAD_EVENTS = [
    (
        "李娟打电话的同时,2024年“春风送岗促就业 精准服务助发展”西安市春季大型招聘会暨工会"
        "主席直播送岗活动正在进行。",
        "2024年春风送岗促就业 精准服务助发展西安市春季大型招聘会暨工会主席直播送岗活动",
    ),
    (
        "本报讯 5月16日,沙洋县摩尔城商圈关爱之家开放暨送清凉活动举行,活动由沙洋县总工会和"
        "滨江新区联合主办。",
        "沙洋县摩尔城商圈关爱之家开放暨送清凉活动",
    ),
    (
        "“百年铸魂 审护工运”全国工会系统经审业务技能大赛决赛10月21日在广西南宁国际会展中心开赛。",
        "百年铸魂 审护工运全国工会系统经审业务技能大赛决赛",
    ),
]
# an opener verb right before a name grown to it opens the name: the event is named, and
# the programme a signing ceremony is for stays an entity of its own
OPENED_EVENTS = [
    (
        "3月19日，州、市总工会与州人力资源社会保障局、州工商联、州邮政管理局一道，在州总工会"
        "共同举办工资集体协商集中要约行动签约仪式，康定地区35家企业的行政代表到场参加。",
        "工资集体协商集中要约行动签约仪式",
        "工资集体协商集中要约行动",
    ),
]
# 在…上: the event something happens at is named from 在 (its parts joined by 暨)
AT_EVENTS = [
    (
        "本报讯(谭帆)4月28日,在2022年庆祝“五一”国际劳动节暨全国五一劳动奖和全国工人先锋号"
        "表彰会上,河北电力系统多个集体和个人受到中华全国总工会表彰。",
        "2022年庆祝五一国际劳动节暨全国五一劳动奖和全国工人先锋号表彰会",
    ),
]
NOT_AT_EVENTS = [
    # 在 + a field of work + 上: no event's name
    (
        "在劳动和技能竞赛上,围绕西安今年9个方面重点工作,开展4大类主题竞赛活动;在线上线下"
        "招聘活动上,今年计划组织2000家以上用人单位。",
        ("劳动和技能竞赛", "线上线下招聘活动"),
    ),
]
# a quoted name of two parts joined by 暨, the subject of its clause held then and there
QUOTED_JOINED = "“匠心智造 产教同行——云南省教育卫生科研工会工匠学院推介暨产教融合创新行动”"
QUOTED_EVENTS = [
    (
        f"本报讯 5月16日,{QUOTED_JOINED}在昆明冶金高等专科学校安宁校区启动。活动由云南省教育"
        "卫生科研工会主办、昆明冶金高等专科学校承办。",
        QUOTED_JOINED.strip("“”"),
    ),
    (
        "本报讯(游锴)“成都市锦江区三圣网约司机联合工会暨第一届会员代表大会”日前在三圣街道举行。",
        "成都市锦江区三圣网约司机联合工会暨第一届会员代表大会",
    ),
]
# …not one a verb acts on
NOT_QUOTED_EVENTS = [f"云南省教育卫生科研工会深入推进{QUOTED_JOINED},服务产教融合。"]
# a quoted slogan may hold a comma and be joined to another by a dash; a head inside
# the slogan is no event of its own
SLOGAN_EVENTS = [
    (
        "本报讯(记者 刘甲平)“致敬户外劳动者,共赴新春嘉年华”——“工会服务户外劳动者日”社区"
        "宣传活动1月15日在工会驿站工人文化宫站举行。",
        "致敬户外劳动者,共赴新春嘉年华——工会服务户外劳动者日社区宣传活动",
        "共赴新春嘉年华",
    ),
    (
        "中国人寿保险股份有限公司湖南省分公司联合所属14个市州分公司,开展“粽叶飘香,情暖驿站”"
        "户外劳动者驿站慰问活动,为坚守一线的户外劳动者送去节日问候和慰问品。",
        "粽叶飘香,情暖驿站户外劳动者驿站慰问活动",
        "户外劳动者驿站慰问活动",
    ),
]
# …but not a count of activities, a list or a description
NOT_EVENTS = [
    (
        "西安市总工会连续举办7场工会主席直播送岗活动,着重推介36家重点企业。",
        "7场工会主席直播送岗活动",
    ),
    (
        "今年以来,滨海新区总工会举办讲座、展览和征文演讲等专题活动。",
        "讲座、展览和征文演讲等专题活动",
    ),
    (
        "嘉宾们还参加了沙头角街道“深港聚力 ‘绳’采飞扬”职工拔河比赛的开幕活动。",
        "沙头角街道深港聚力 ‘绳’采飞扬职工拔河比赛的开幕活动",
    ),
    ("青海省总工会组织开展一线职工省内疗休养活动。", "一线职工省内疗休养活动"),
    # a demonstrative year (本年度) is no part of a name: the campaign's series, no event
    (
        "此次宣讲报告会是本年度“劳模工匠进校园”行动系列活动的首场,邀请了廖丽娟。",
        "本年度劳模工匠进校园行动系列活动",
    ),
]


def _events(mentions) -> set[str]:
    return {m.display_name for m in mentions if m.label == T.EVENT}


@pytest.mark.parametrize(("text", "name"), WEAK_HEAD_EVENTS)
def test_weak_head_events(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _events(mentions)


@pytest.mark.parametrize(("text", "name"), NOT_EVENTS)
def test_not_events(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(name.replace("‘", "").replace("’", "") in e for e in _events(mentions))


@pytest.mark.parametrize(("text", "name", "part"), SLOGAN_EVENTS)
def test_slogan_events(analyse, text: str, name: str, part: str) -> None:
    _, mentions, _ = analyse(text)
    events = _events(mentions)
    assert name in events
    assert part not in events


@pytest.mark.parametrize(("text", "name", "programme"), OPENED_EVENTS)
def test_opened_events(analyse, text: str, name: str, programme: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _events(mentions)
    assert programme in {m.display_name for m in mentions if m.label == T.PROGRAMME}


@pytest.mark.parametrize(("text", "name"), AT_EVENTS)
def test_at_events(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _events(mentions)


@pytest.mark.parametrize(("text", "names"), NOT_AT_EVENTS)
def test_not_at_events(analyse, text: str, names: tuple[str, ...]) -> None:
    _, mentions, _ = analyse(text)
    assert not any(n in e for e in _events(mentions) for n in names)


@pytest.mark.parametrize(("text", "name"), QUOTED_EVENTS)
def test_quoted_joined_events(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _events(mentions)


@pytest.mark.parametrize("text", NOT_QUOTED_EVENTS)
def test_not_quoted_joined_events(analyse, text: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(m.rule == "event-quoted" for m in mentions)


def test_verbs_joined_by_bing_are_no_name(analyse) -> None:
    """出席|开幕式并宣布比赛|开始: two verb phrases, not an event opened by 出席."""
    text = "辽宁省总工会党组成员、副主席张鹏出席开幕式并宣布比赛开始。"
    _, mentions, _ = analyse(text)
    assert not any("并" in e for e in _events(mentions))


# the last of a list after an opener is named only when it is a name of its own
LISTED = [
    (
        "近年来鼎城区总工会先后举办迎新春职工健康跑、职工拔河友谊赛、职工运动会等活动。",
        ("职工运动会", "职工拔河友谊赛"),
        (),
    ),
]


@pytest.mark.parametrize(("text", "absent", "present"), LISTED)
def test_listed_events(analyse, text: str, absent: tuple, present: tuple) -> None:
    _, mentions, _ = analyse(text)
    events = _events(mentions)
    assert not any(n in events for n in absent)
    assert all(n in events for n in present)


# a quoted series written inside an event's name (“…”系列) is a programme, and the event
# is one part of it; a series that is the head (…系列活动) stays the event's own name
SERIES = [
    (
        "1月22日,在辖区“九里小鸽”户外劳动者驿站,金牛区九里堤街道总工会启动“留蓉不孤单,工会服务"
        "不打烊”系列“暖新”主题活动,职工志愿者为骑手端上热奶茶。",
        "留蓉不孤单,工会服务不打烊",
    ),
]
SERIES_EVENTS = [
    (
        "6月25日,“和谐无扰 船满清风”庆祝世界海员日系列活动在厦门举行。",
        "和谐无扰 船满清风庆祝世界海员日系列活动",
    ),
]


@pytest.mark.parametrize(("text", "series"), SERIES)
def test_a_quoted_series_is_no_part_of_the_event(analyse, text: str, series: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(series in e for e in _events(mentions))
    assert series in {m.display_name for m in mentions if m.label == T.PROGRAMME}


@pytest.mark.parametrize(("text", "name"), SERIES_EVENTS)
def test_a_series_head_keeps_the_name(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _events(mentions)
