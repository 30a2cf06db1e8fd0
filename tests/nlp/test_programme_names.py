"""Programme names (kg_programmes and the programme side of kg_organisations), each rule
on real sentences of the seeds and dev set d01–d30, negatives included."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T


def _names(mentions, label=None) -> set[str]:
    return {m.display_name for m in mentions if label is None or m.label == label}


# 劳模和工匠人才 is one domain term: the programme named after it keeps it whole
DOMAIN_TERMS = [
    (
        "建成劳模和工匠人才创新工作室8个,省级、市州级、县区级分别为1个、4个、3个。",
        "劳模和工匠人才创新工作室",
    ),
    (
        "揭牌仪式后,黔南工匠学院首期黔南劳模和工匠人才创新工作室领衔人创新能力提升班随即开班。",
        "黔南劳模和工匠人才创新工作室",
    ),
]
NOT_DOMAIN_TERMS = [
    (
        "建成劳模和工匠人才创新工作室8个,省级、市州级、县区级分别为1个、4个、3个。",
        "工匠人才创新工作室",
    ),
]


@pytest.mark.parametrize(("text", "name"), DOMAIN_TERMS)
def test_programme_named_by_a_domain_term(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_DOMAIN_TERMS)
def test_domain_term_is_not_cut(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)
