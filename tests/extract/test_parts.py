"""subOrganizationOf stated in words and place-named branches (kg.extract.parts)."""

from __future__ import annotations

import pytest

from kg.extract.parts import extract_parts

SUB = "subOrganizationOf"

_HUNAN = (
    "中国人寿保险股份有限公司湖南省分公司(以下简称“湖南国寿”)联合所属14个市州分公司,开展慰问"
    "活动。当天,长沙分公司在户外劳动者驿站里组织大家一起包粽子。"
)

_GUIDED = (
    "本报讯(游锴)“成都市锦江区三圣网约司机联合工会暨第一届会员代表大会”日前在三圣街道举行。"
    "大会由三圣街道总工会主办、区总工会指导,旨在推动共享经济健康发展。"
)

PARTS = [
    # the bodies listed right after 所属的 are part of the body before
    (
        "陕煤集团所属的陕西陕煤曹家滩矿业有限公司、陕西中能煤田有限公司、陕西陕煤榆北煤业有限公司"
        "3家单位入选。",
        "陕西中能煤田有限公司",
        "陕煤集团",
    ),
    (
        "陕煤集团所属的陕西陕煤曹家滩矿业有限公司、陕西中能煤田有限公司、陕西陕煤榆北煤业有限公司"
        "3家单位入选。",
        "陕西陕煤榆北煤业有限公司",
        "陕煤集团",
    ),
    # a union hosting under another union's guidance is part of it
    (_GUIDED, "三圣街道总工会", "区总工会"),
    # a team a union forms is part of it
    (
        "吴忠市总还组建了女性生殖健康知识宣讲团,带着体检设备深入离市区较远的企业。",
        "女性生殖健康知识宣讲团",
        "吴忠市总工会",
    ),
    # a branch named by its city alone: the company named in the city's province
    (_HUNAN, "长沙分公司", "中国人寿保险股份有限公司湖南省分公司"),
    (
        "中国人寿保险股份有限公司湖南省分公司开展活动。其他市州分公司也各有“暖招”。"
        "娄底分公司请户外劳动者一起品尝水果点心。",
        "娄底分公司",
        "中国人寿保险股份有限公司湖南省分公司",
    ),
]

NOT_PARTS = [
    # a forming verb ends its line: the headline's body forms nothing on the next lines
    (
        "滕州市工匠联盟挂牌成立\n王晓辉 报道\n滕州融媒讯 4月2日,滕州市工匠联盟成立仪式暨工匠大讲堂"
        "首场报告会在山东三维钢结构有限公司举办。",
        "滕州融媒",
        "滕州市工匠联盟",
    ),
    # a count after 所属 names no body: the company after it is not listed
    (
        "陕煤集团所属14家单位获评五星级单位,陕西中能煤田有限公司也在其中。",
        "陕西中能煤田有限公司",
        "陕煤集团",
    ),
    # a body after the list, past other words, is not listed
    (
        "陕煤集团所属的陕西中能煤田有限公司入选,中国铁路西安局集团有限公司也入选。",
        "中国铁路西安局集团有限公司",
        "陕煤集团",
    ),
    # co-hosts, no guidance: no part
    (
        "这场由甘肃省总工会主办,甘肃省电力工会、甘肃省广播电视总台承办的职工书屋阅读分享活动举行。",
        "甘肃省电力工会",
        "甘肃省总工会",
    ),
    # the guided host is not part of the guiding union's own event
    (_GUIDED, "区总工会", "三圣街道总工会"),
    # a city outside the company's province
    (
        "中国人寿湖南省分公司开展活动。成都分公司请户外劳动者一起品尝水果点心。",
        "成都分公司",
        None,
    ),
    # two companies that could hold the branch: none is chosen
    (
        "中国人寿湖南省分公司与中国平安湖南省分公司开展活动。长沙分公司请户外劳动者品尝点心。",
        "长沙分公司",
        None,
    ),
]


def _subs(analyse, text: str) -> set[tuple[str, str]]:
    _, _, relations = analyse(text)
    return {(r.head.display_name, r.tail.display_name) for r in relations if r.predicate == SUB}


@pytest.mark.parametrize(("text", "head", "tail"), PARTS)
def test_stated_part(analyse, text: str, head: str, tail: str) -> None:
    assert (head, tail) in _subs(analyse, text)


@pytest.mark.parametrize(("text", "head", "tail"), NOT_PARTS)
def test_not_a_part(analyse, text: str, head: str, tail: str | None) -> None:
    """No such pair (tail None: the head is part of nothing)."""
    subs = _subs(analyse, text)
    assert not [(h, t) for h, t in subs if h == head and tail in (None, t)]


def test_stated_part_extractor_alone() -> None:
    from kg.ingest import parse_text
    from kg.nlp import annotate

    doc = parse_text("陕煤集团下属的陕西中能煤田有限公司入选。", source="t", document_id="t")
    rels = list(extract_parts(annotate(doc.articles[0])))
    assert [(r.head.name, r.rule) for r in rels] == [("陕西中能煤田有限公司", "part-word")]
