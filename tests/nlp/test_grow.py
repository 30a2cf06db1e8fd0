"""Names grown leftwards from their head (kg.nlp.grow): a short parenthesised part stays
in the name (合肥市产业投资控股集团(集团)有限公司), a short form declared in brackets
((下称深合区), (以下简称…)) does not."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents


def _names(text: str) -> set[str]:
    result = build_documents([parse_text(text, source="d.txt", document_id="d")])
    return {e.name for e in result.entities}


_NOT_IN_A_NAME = [
    (
        "新一年,工聯總會將在橫琴粵澳深度合作區(下稱深合區)分階段落實居民發展中心項目,籌辦一所職業培訓學校。",
        "(下称深合区)",
    ),
    (
        "会议在长三角生态绿色一体化发展示范区(以下简称示范区)青浦职工服务中心举行。",
        "(以下简称示范区)",
    ),
]


@pytest.mark.parametrize(("text", "part"), _NOT_IN_A_NAME)
def test_declared_short_form_is_no_part_of_a_name(text: str, part: str) -> None:
    assert not [n for n in _names(text) if part in n]


def test_short_parenthesised_part_stays_in_the_name() -> None:
    names = _names("合肥市产业投资控股集团(集团)有限公司工会召开会员代表大会。")
    assert any("(集团)有限公司" in n for n in names), names
