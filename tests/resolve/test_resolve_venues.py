"""Resolution of venues and of a union's formal name (kg.resolve), on real sentences."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents


def _entities(*texts: str):
    documents = [
        parse_text(t, source=f"d{i}.txt", document_id=f"d{i}") for i, t in enumerate(texts)
    ]
    result = build_documents(documents)
    return {e.name: e for e in result.entities}, result


# A venue every place has keeps its place in the matching key; a chain of divisions
# before a named venue does not.
@pytest.mark.parametrize(
    ("text", "apart"),
    [
        (
            "厦门市工人文化宫开展活动。(上接第1版)福州工人文化宫秋龙园同样迎来不少排队拍照的家庭。",
            {"厦门市工人文化宫", "福州工人文化宫"},
        ),
        ("辽源市图书馆、东丰县图书馆参加。", {"辽源市图书馆", "东丰县图书馆"}),
    ],
)
def test_generic_venues_of_two_places_stay_apart(text: str, apart: set[str]) -> None:
    entities, _ = _entities(text)
    assert apart <= set(entities)


def test_place_chain_before_a_venue_still_merges() -> None:
    entities, _ = _entities("陕西省西安市土门工人文化宫举行活动。活动在土门工人文化宫举行。")
    venues = [e for e in entities.values() if e.name.endswith("文化宫")]
    assert len(venues) == 1, [v.name for v in venues]


def test_union_and_its_formal_committee_name_are_one_node() -> None:
    entities, _ = _entities(
        "湖南省总工会机关工会联合趣味运动会开赛。本次运动会由湖南省总工会机关工会委员会主办。"
    )
    unions = [e for e in entities.values() if "机关工会" in e.name and e.type.value == "Union"]
    assert len(unions) == 1, [u.name for u in unions]
