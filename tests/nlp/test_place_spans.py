"""kg_spans: a name that starts on a place's level word takes the place in (real sentences)."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

# jieba cuts 新立|社区工会驿站: the site's name would start on 社区 and cross 新立社区
THROUGH = [
    (
        "来到覃家岗街道新立社区工会驿站,邓朝霞与新就业形态劳动者代表围坐交流。",
        (T.PROGRAMME, "覃家岗街道新立社区工会驿站"),
        (T.PLACE, "新立社区"),
    ),
]
# a name that does not start inside a place is left as it is
NOT_THROUGH = [
    ("西安市总工会人才市场平台上线。", (T.UNION, "西安市总工会")),
    ("昆明市五华区红云街道银河社区工会驿站揭牌。", (T.PLACE, "红云街道")),
]


@pytest.mark.parametrize(("text", "name", "place"), THROUGH)
def test_name_through_place(analyse, text: str, name: tuple, place: tuple) -> None:
    _, mentions, _ = analyse(text)
    found = {(m.label, m.display_name) for m in mentions}
    assert name in found and place in found, found


@pytest.mark.parametrize(("text", "name"), NOT_THROUGH)
def test_name_kept(analyse, text: str, name: tuple) -> None:
    _, mentions, _ = analyse(text)
    found = {(m.label, m.display_name) for m in mentions}
    assert name in found, found
    assert not any(n.startswith(("区", "道", "社区")) for _, n in found), found
