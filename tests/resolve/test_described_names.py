"""Names that describe a thing the text has just named: a site named by what is done
there (苗绣工作室 after 李绍玉劳模工作室), a body's standing committee written after the
body's name (中国教科文卫体工会全委会 = 中国教科文卫体工会), a body stationed in a place
(中央人民政府驻港联络办公室 → 香港)."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents
from kg.types import EntityType


def _entities(text: str):
    result = build_documents([parse_text(text, source="d.txt", document_id="d")])
    return {e.name: e for e in result.entities}


# a site named by its craft, in the sentence after a site a person's name qualifies
_DESCRIBED_SITE = [
    (
        "在李绍玉劳模工作室,程国家一行参观了苗绣作品展厅,详细了解工作室的人员组成。"
        "程国家勉励李绍玉工作团队继续发扬劳模工匠精神,把苗绣工作室建设成对外展示苗族文化的窗口。",
        "李绍玉劳模工作室",
        "苗绣工作室",
    ),
]
# two sites listed, a site further away, or a named site without a person's name
_SITES_APART = [
    ("公司建成张伟劳模创新工作室、电焊工作室、数控工作室,职工技能明显提升。", "电焊工作室"),
    ("公司建成张伟劳模创新工作室与钳工工作室。", "钳工工作室"),
    (
        "在李绍玉劳模工作室,程国家一行参观了作品展厅。随后慰问组走进社区看望困难职工。"
        "慰问组又来到村里。大家最后参观了苗绣工作室。",
        "苗绣工作室",
    ),
]


@pytest.mark.parametrize(("text", "canonical", "described"), _DESCRIBED_SITE)
def test_site_named_by_what_is_done_there_is_the_named_site(
    text: str, canonical: str, described: str
) -> None:
    entities = _entities(text)
    assert described not in entities
    assert described in entities[canonical].aliases


@pytest.mark.parametrize(("text", "name"), _SITES_APART)
def test_listed_or_distant_sites_stay_apart(text: str, name: str) -> None:
    assert name in _entities(text)


# a union's standing committee without a session is the union; with one, a meeting
_STANDING_BODY = [
    (
        "在今天召开的中国教科文卫体工会四届一次全委会上,记者了解到,过去5年,"
        "中国教科文卫体工会把提升职工队伍素质摆在突出位置。"
        "据介绍,5年间,中国教科文卫体工会全委会先后举办三届高校青年教师教学竞赛。",
        "中国教科文卫体工会",
        "中国教科文卫体工会全委会",
        "中国教科文卫体工会四届一次全委会",
    ),
]


@pytest.mark.parametrize(("text", "union", "body", "session"), _STANDING_BODY)
def test_standing_committee_is_the_body_and_a_session_is_a_meeting(
    text: str, union: str, body: str, session: str
) -> None:
    entities = _entities(text)
    assert entities[union].type == EntityType.UNION
    assert body in entities[union].aliases
    assert entities[session].type == EntityType.EVENT
    assert body not in entities[session].aliases


# a body stationed in a place the document names (驻港 = in 香港); not without the place
_STATIONED = [
    ("中央人民政府駐港聯絡辦公室副主任何靖表示,香港工運不斷前行。", True),
    ("中央人民政府駐港聯絡辦公室副主任何靖出席。", False),
]


@pytest.mark.parametrize(("text", "located"), _STATIONED)
def test_body_stationed_in_a_named_place(text: str, located: bool) -> None:
    result = build_documents([parse_text(text, source="d.txt", document_id="d")])
    pairs = {(r.head, r.tail) for r in result.relations if r.predicate.value == "locatedIn"}
    found = ("GovernmentBody/中央人民政府驻港联络办公室", "Place/香港特别行政区") in pairs
    assert found is located
