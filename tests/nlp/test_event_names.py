"""Event names the event recogniser (kg.nlp.components.events) reads whole: a quoted name
ending with an event head, and a head right after 暨 (GUIDELINES: A暨B is one event)."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents
from kg.types import EntityType


def _entities(text: str) -> dict[str, EntityType]:
    result = build_documents([parse_text(text, source="d.txt", document_id="d")])
    return {e.name: e.type for e in result.entities}


_TAIYUAN_SERIES = (
    "市总工会2025年系列主题活动包括召开太原市五一劳动奖表彰暨工人先锋号命名大会、举办“奋斗的足迹——"
    "太原百年工运历程”陈列展、出版《太原工会志》、举办“我们的歌声”全国首届职工合唱艺术周、开设《太原"
    "工运 百年前行》专栏节目、开展“咱们工人有力量 百年工运启新程”讲述活动和举办“永远跟党走 "
    "奋进新征程”太原市总工会成立100周年文艺展演等。"
)
_NAMED = [
    # a quoted name ending with an event head is the event, in traditional text (「」) too
    (
        "香港工會聯合會(工聯會)與香港海員工會(海員工會)9月25日在工人俱樂部禮堂合辦"
        "「香港海員大罷工勝利100周年紀念大會」,作為今年系列活動的第二項重頭戲。",
        "香港海员大罢工胜利100周年纪念大会",
        EntityType.EVENT,
    ),
    (
        "市总工会在礼堂举办“劳动模范表彰100周年纪念大会”。",
        "劳动模范表彰100周年纪念大会",
        EntityType.EVENT,
    ),
    # a quoted contest runs as a programme (GUIDELINES: competitions)
    (
        "市总工会举办“建功新时代劳动和技能竞赛”,吸引职工参加。",
        "建功新时代劳动和技能竞赛",
        EntityType.PROGRAMME,
    ),
    # A暨B: the head after 暨 joins the event before it
    (
        "台中市勞工總工會第一屆第一次會員代表大會暨成立大會18日在潮港城餐廳登場,會中推選蔡滿玉出任理事長。",
        "台中市劳工总工会第一届第一次会员代表大会暨成立大会",
        EntityType.EVENT,
    ),
    # exhibitions and festival weeks are events (陈列展, 作品展览, 艺术周)
    (
        _TAIYUAN_SERIES,
        "奋斗的足迹——太原百年工运历程陈列展",
        EntityType.EVENT,
    ),
    (
        _TAIYUAN_SERIES,
        "我们的歌声全国首届职工合唱艺术周",
        EntityType.EVENT,
    ),
    ("三是举办青川县首届职工书法作品展览。", "青川县首届职工书法作品展览", EntityType.EVENT),
    # a month of publicity (宣传月) runs as a programme, as 推进月 does
    (
        "劳模工匠宣传月为抓手,在城区沿街广告栏、电子广告屏宣传劳模先进事迹,充分利用报刊、电视、网络等"
        "主流媒介对劳模的先进事迹和优秀品质进行全方位宣传。",
        "劳模工匠宣传月",
        EntityType.PROGRAMME,
    ),
    # a weak head (活动) after a proper name that is its clause's subject, held then and there
    (
        "近日,湖北職工技術創新成果交流展示活動在武漢工人文化宮舉辦,現場展示多項職工創新技術成果,"
        "同時揭曉第六屆全省職工技術創新成果評選活動結果。",
        "湖北职工技术创新成果交流展示活动",
        EntityType.EVENT,
    ),
    # a meeting whose spirit is conveyed: the name opens after the conveying verbs, on the
    # union's short form and an edition jieba tagged as an adverb (十八|届(d)|二次)
    (
        "会议传达学习全总十八届二次执委会会议精神、省总十四届常务委员会第七次(扩大)会议精神,"
        "通过有关人事事项。",
        "全总十八届二次执委会会议",
        EntityType.EVENT,
    ),
    # a year before an edition (第一次…代表大会) dates it: no part of the name
    (
        "从1954年株洲市工会联合会第一次代表大会胜利召开,株洲市总工会与时代共奋进、与城市同成长,已走过70个春秋。",
        "株洲市工会联合会第一次代表大会",
        EntityType.EVENT,
    ),
]
# names that are no such event
_NOT_NAMED = [
    ("代表们走进“大会”现场。", "大会"),  # the head alone in quotes
    # an event referred to (此次…) as the subject of its clause is no name
    (
        "此次汽车维修工大赛由河北省总工会主办,河北省装备制造和冶金工会、沧州市总工会承办,北京现代沧州分公司、"
        "河北日报沧州分社协办。",
        "此次汽车维修工大赛",
    ),
    (
        "台中市勞工總工會第一屆第一次會員代表大會暨成立大會18日在潮港城餐廳登場。",
        "台中市劳工总工会第一届第一次会员代表大会",
    ),
    ("“劳模工匠进校园”行动在全市展开。", "劳模工匠进校园大会"),
    # a list closed by 等 before the head describes the event, no name of it
    (
        "第二階段還將舉行包括拔河比賽、頭盔接力、‘碼’上出發、夾球跑等在內的趣味運動會。",
        "头盔接力、码上出发、夹球跑等在内的趣味运动会",
    ),
    # …活动 that is no clause's subject: a kind of activity, no event
    (
        "双方共同发动各级职工书屋组织阅读,并结合场馆特色,定期联合举办读书分享会、讲座、展览和"
        "征文演讲等专题活动,丰富职工的文化生活。",
        "征文演讲等专题活动",
    ),
]


@pytest.mark.parametrize(("text", "name", "label"), _NAMED)
def test_event_is_named_whole(text: str, name: str, label: EntityType) -> None:
    assert _entities(text).get(name) == label


@pytest.mark.parametrize(("text", "name"), _NOT_NAMED)
def test_parts_and_bare_heads_are_no_event(text: str, name: str) -> None:
    assert name not in _entities(text)
