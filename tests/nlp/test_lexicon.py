"""The packaged lexicon: word lists, gazetteer and administrative divisions."""

from __future__ import annotations

import pytest

from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType as T


@pytest.mark.parametrize(
    ("name", "level", "parent"),
    [
        ("上城区", "county", "杭州市"),
        ("都兰县", "county", "海西蒙古族藏族自治州"),
        ("海西蒙古族藏族自治州", "prefecture", "青海省"),
        ("襄阳市", "prefecture", "湖北省"),
        ("吉林省", "province", None),
        ("朝阳区", "county", None),  # Beijing's and Changchun's: no single parent
    ],
)
def test_divisions_know_level_and_parent(name: str, level: str, parent: str | None) -> None:
    division = load_lexicon().divisions[name]
    assert (division.level, division.parent) == (level, parent)


def test_county_divisions_are_bounded_place_patterns() -> None:
    patterns = {e.pattern: e for e in load_lexicon().gazetteer}
    assert patterns["上城区"].label == T.PLACE and patterns["上城区"].bounded
    assert not patterns["吉林"].bounded


@pytest.mark.parametrize("name", ["城区", "新城区", "西安区", "和平区"])
def test_generic_or_clashing_divisions_are_not_patterns(name: str) -> None:
    assert name not in {e.pattern for e in load_lexicon().gazetteer}
