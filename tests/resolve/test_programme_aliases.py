"""Resolution of programme short names within an article."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents


def _entities(text: str):
    result = build_documents([parse_text(text, source="d.txt", document_id="d")])
    return {e.name: e for e in result.entities}


# a programme named only by a purpose word and its head (劳模工作室) is the one programme
# of the article that starts with that word and ends with that head
_PURPOSE_SHORT = [
    (
        "区总工会建成劳模和工匠人才创新工作室8个。劳模工作室成为职工技能提升的平台。",
        "劳模和工匠人才创新工作室",
        "劳模工作室",
    ),
]
# two programmes fit, or the short name is a standing kind of the gazetteer: it stays its
# own node
_PURPOSE_APART = [
    (
        "公司建成劳模和工匠人才创新工作室、劳模技能大师工作室。区总工会命名了劳模工作室。",
        "劳模工作室",
    ),
    (
        "先后组建起24个劳模技师创新工作室。国网泰兴市供电公司与泰兴市邮政公司建立了"
        "劳模创新工作室的结对共建机制。",
        "劳模创新工作室",
    ),
]


@pytest.mark.parametrize(("text", "canonical", "short"), _PURPOSE_SHORT)
def test_purpose_named_programme_joins_the_full_one(text: str, canonical: str, short: str) -> None:
    entities = _entities(text)
    assert short not in entities
    assert short in entities[canonical].aliases


@pytest.mark.parametrize(("text", "short"), _PURPOSE_APART)
def test_purpose_named_programme_without_a_match_stays(text: str, short: str) -> None:
    entities = _entities(text)
    assert short in entities
    assert all(short not in e.aliases for e in entities.values())
