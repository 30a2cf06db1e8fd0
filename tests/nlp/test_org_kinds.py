"""Organisations named by common words only (kinds of body, not names), and places or
bodies taken together by a count (六县, 两市); real sentences of the seeds and d01–d30."""

from __future__ import annotations

import pytest

from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType as T


def _names(mentions, label=None) -> set[str]:
    return {m.display_name for m in mentions if label is None or m.label == label}


# a name with a proper part, a place or body inside it, a level opening it, a faculty
# joining two fields, or a media head whose names are common words: an organisation
NAMED = [
    # a named union before people of a kind (干部) is still named
    ("”日前,吴忠市总工会干部张冬在参加“我是工人”体验式劳动实践后深有感触地说。", "吴忠市总工会"),
    (
        "会上,获得集体奖的有重庆市血液中心等单位;重庆长安汽车股份有限公司唐跃辉劳模创新工作室等则被评为金牌班组。",
        "重庆市血液中心",
    ),
    (
        "贵州省黔西南州册亨县总工会一行先后走进贵州德隆水泥有限公司、冗渡镇卫生院和县人民医院。",
        "县人民医院",
    ),
    (
        "并参观了学校机械与汽车学院、材料与化学工程学院的实训室。",
        "机械与汽车学院",
    ),
    (
        "中工网讯(工人日报-中工网记者邢生祥)记者近日从青海省总工会了解到。",
        "工人日报",
    ),
    (
        "活动由南宁市总工会联合广西汉达社会工作服务中心和南宁市出租汽车协会等单位共同开展。",
        "南宁市出租汽车协会",
    ),
]
# heads of the lexicon's organisation class beyond schools and associations: the Youth
# League's committee of a place (团县委), newspapers and agencies (工报, 通讯社)
NAMED += [
    (
        "沙洋县委宣传部、沙洋县妇联、沙洋团县委、沙洋县文联、沙洋县红十字会等20多家单位参加。",
        "沙洋团县委",
    ),
    (
        "沙洋县委宣传部、沙洋县妇联、沙洋团县委、沙洋县文联、沙洋县红十字会等20多家单位参加。",
        "沙洋县红十字会",
    ),
]
# a phrase of the trade (社会工作, jieba's l) between a proper name and the head is part
# of the name; a verb phrase (不断完善) is not
NAMED += [
    (
        "活动由南宁市总工会联合广西汉达社会工作服务中心和南宁市出租汽车协会等单位共同开展。",
        "广西汉达社会工作服务中心",
    ),
]
_VILLAGE = (
    "7月7日,重庆智能工程职业学院暑期“三下乡”社会实践团队走进永川区何埂镇联盟村举行"
    "“坝坝书屋”揭牌及投用仪式。"
)
# a head inside a longer word is none (职工报名 is no newspaper 职工报)
NOT_NAMED_HEADS = [
    ("这届竞赛共设4个工种,350多名职工报名参加,层层选拔后共有47名选手进入决赛。", "职工报"),
    # a head that begins a village's or a community's name (联盟|村) names no body
    (_VILLAGE, "何埂镇联盟"),
]
NAMED += [(_VILLAGE, "重庆智能工程职业学院")]  # the school in the same sentence still is one
# a quoted name and 志愿者 ending the word name the volunteers' team; 志愿者服务队 is the
# longer name's
_VOLUNTEERS = "由职工组成的“十典九章”志愿者服务队和“中建好妈妈”志愿者是一次生动的实践。"
# a team named by its task: the content words before its head, not the clause's verb
_TEAM = "吴忠市总还组建了女性生殖健康知识宣讲团,带着体检设备深入离市区较远的企业。"
NAMED += [(_TEAM, "女性生殖健康知识宣讲团")]
NOT_NAMED_HEADS += [(_TEAM, "组建")]
NAMED += [
    (_VOLUNTEERS, "中建好妈妈志愿者"),
    (_VOLUNTEERS, "十典九章志愿者服务队"),
]
# a venue head that ends in an organisation head (会展中心) names a place where an event
# is held, not an organisation (GUIDELINES: a venue that only hosts is a Place)
VENUES = [
    (
        "全国工会系统经审业务技能大赛决赛10月21日在广西南宁国际会展中心开赛。",
        "广西南宁国际会展中心",
    ),
]
# common words before the head: a kind of body (11个试点中心); places taken together
# (六县职工综合服务中心); the centre of a city (市中心)
NOT_NAMED = [
    # a kind of union or a union's way of working, no body (lexicon false_org_heads)
    (
        "符兴汇报了中国特色社会主义工会理论在海南的探索与实践,汇报了近年海南工会工作情况以及下一步工作打算。",
        "中国特色社会主义工会",
    ),
    ("厦门建设开放型工会:架起两岸职工心灵的桥梁", "厦门建设开放型工会"),
    # a union's committee of an edition, written without the union's name before it
    (
        "本报讯(记者 赵欢)中国财贸轻纺烟草工会第五届全国委员会第五次全体会议2月5日至6日在京召开。",
        "全国委员会",
    ),
    (
        "会议传达学习全总十八届二次执委会会议精神、省总十四届常务委员会第七次(扩大)会议精神,"
        "通过有关人事事项。",
        "常务委员会",
    ),
    (
        "恩施市总工会决定建成覆盖全市的职工服务中心:今年先建成11个试点中心,摸索经验。",
        "试点中心",
    ),
    (
        "州及六县职工综合服务中心(帮扶中心)的建设工程已经开工。",
        "六县职工综合服务中心",
    ),
    (
        "福州市总工会联合20多家社会组织,先后在福州新区和市中心举办中秋国庆系列暖心活动。",
        "福州市中心",
    ),
    (
        "福州市总工会联合20多家社会组织,先后在福州新区和市中心举办中秋国庆系列暖心活动。",
        "市中心",
    ),
]
NOT_NAMED += [("广西不断完善服务中心功能。", "广西不断完善服务中心")]
NOT_NAMED += [(_VOLUNTEERS, "十典九章志愿者")]
# a count before a level names places taken together; a town named by numbers is a place
COLLECTIVE = [
    ("牵头组织杭州六县(市、区)开展职工疗休养。", "六县"),
]


@pytest.mark.parametrize(("text", "name"), NAMED)
def test_named_organisations(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions)


@pytest.mark.parametrize(("text", "word"), NOT_NAMED)
def test_kinds_of_body_are_no_names(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


@pytest.mark.parametrize(("text", "word"), COLLECTIVE)
def test_counted_places_are_no_place(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions, T.PLACE)


def test_collective_pattern() -> None:
    pattern = load_lexicon().collective_place_re
    assert pattern.match("六县") and pattern.match("两市") and pattern.match("各县")
    assert not any(pattern.match(name) for name in ("八一镇", "三门县", "十堰市"))


@pytest.mark.parametrize(("text", "word"), NOT_NAMED_HEADS)
def test_heads_inside_words_name_nothing(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(word in m.display_name for m in mentions)


@pytest.mark.parametrize(("text", "name"), VENUES)
def test_venue_heads_are_places(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.ORGANIZATION)
    assert name in _names(mentions, T.PLACE)
