"""kg_places (kg.nlp.components.places): a venue that acts is an organisation."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

XIAMEN = (
    "据了解,此次活动的主办单位是厦门市总工会,承办单位为厦门市工人文化宫、厦门市职工服务中心"
    "和厦门市总工会全媒体中心,协办单位包括厦门市服务业工会联合会、自贸区工会和各区总工会。"
)
VENUES = [
    # listed after an organiser's role noun: it organises (GUIDELINES: venue vs organisation)
    (XIAMEN, "厦门市工人文化宫", T.ORGANIZATION),
    # where the event is held: a place
    ("9月13日晚,中秋嘉年华活动在厦门市工人文化宫举行。", "厦门市工人文化宫", T.PLACE),
]


@pytest.mark.parametrize(("text", "name", "label"), VENUES)
def test_venue_types(analyse, text: str, name: str, label: T) -> None:
    _, mentions, _ = analyse(text)
    assert label in {m.label for m in mentions if m.display_name == name}
