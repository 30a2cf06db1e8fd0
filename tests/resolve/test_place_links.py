"""Place → place locatedIn kept or dropped by the resolver (kg.resolve), on real sentences."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents


def _links(text: str) -> set[tuple[str, str]]:
    result = build_documents([parse_text(text, source="d.txt", document_id="d")])
    return {
        (r.head.split("/", 1)[1], r.tail.split("/", 1)[1])
        for r in result.relations
        if r.predicate.value == "locatedIn"
    }


# written together in running text (江苏省如皋市): kept even when the level between them
# (南通市) is named too
@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "本报讯 4月28日,江苏省如皋市召开全市产业工人队伍建设改革联席会议暨工作推进会。"
            "南通市总工会有关负责人到会指导。",
            ("如皋市", "江苏省"),
        ),
    ],
)
def test_places_written_together_are_linked(text: str, link: tuple[str, str]) -> None:
    assert link in _links(text)


# not written together: the skipped level is left out
@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "黑龙江省总工会慰问抚远市一线职工。佳木斯市总工会有关负责人参加。",
            ("抚远市", "黑龙江省"),
        ),
    ],
)
def test_skipped_level_not_linked(text: str, link: tuple[str, str]) -> None:
    assert link not in _links(text)


# places taken together by a count and a level (渝中江北两区) are neither in the other,
# in running text and in a name
@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "渝中江北两区总工会把年味送到职工身边。渝中区总工会、江北区总工会参加。",
            ("江北区", "渝中区"),
        ),
    ],
)
def test_places_taken_together_not_linked(text: str, link: tuple[str, str]) -> None:
    assert link not in _links(text)


def test_places_taken_together_name_no_one_body() -> None:
    links = _links("渝中江北两区总工会把年味送到职工身边。渝中区总工会、江北区总工会参加。")
    assert ("渝中区总工会", "渝中区") in links and ("江北区总工会", "江北区") in links
    assert not [head for head, _ in links if head.startswith("渝中江北")]


# a higher division written after a lower one opens a name of its own (梧栖区|台中港酒店:
# the port's hotel), two of one level hold neither the other, and a place that is a
# name's stem before a level word (张家村|街道) is not its container: no link
@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "台中市總工會、南投縣總工會及彰化縣總工會聯合舉辦的研習會27、28日兩天在梧棲區"
            "台中港酒店登場。",
            ("台中市", "梧栖区"),
        ),
        # two cities written together (宁波舟山港: the port of both)
        (
            "广州港、宁波舟山港、上海洋山港、汕头港、湛江港、张家港港、福州港等多个港区开通了公益班车线路。",
            ("舟山市", "宁波市"),
        ),
        # two provinces: the chamber of commerce of 广西 in 广东省
        (
            "1月6日,在广东省广西商会第四届理(监)事会就职典礼暨八桂乡贤迎春大会上,"
            "自治区总工会联合广东省广西商会开展慰问活动。",
            ("广西壮族自治区", "广东省"),
        ),
        (
            "陕西省工运学院教研中心主任、副教授王凌鸿,碑林区张家村街道总工会主席毛艳平等向"
            "2024年碑林区网约车行业“爱心平台”颁发奖牌和证书。",
            ("张家村街道", "张家村"),
        ),
    ],
)
def test_places_a_name_writes_that_hold_no_other(text: str, link: tuple[str, str]) -> None:
    assert link not in _links(text)
