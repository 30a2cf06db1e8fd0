"""Bare names of autonomous counties (gazetteer.jsonl): 彭水 → 彭水县, on real sentences.

An autonomous county is often written by its place name alone (来到彭水); the gazetteer
has that name when it is no common word (jieba frequency 30 or less), so 互助 (互助土族
自治县, but also "mutual aid") and 通道 are left out.
"""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

COUNTIES = [
    ("重庆市总工会党组成员、副主席程国家一行1月16日来到彭水,开展慰问。", "彭水县"),
    ("代表团还实地考察了陵水现代农业示范基地。", "陵水县"),
]
NOT_COUNTIES = [
    ("市总工会开展职工互助保障活动。", "互助"),
    ("开通绿色通道,为职工服务。", "通道"),
]


@pytest.mark.parametrize(("text", "name"), COUNTIES)
def test_bare_county_names(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PLACE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_COUNTIES)
def test_common_words_are_no_counties(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(m.label == T.PLACE and word in m.text for m in mentions)
