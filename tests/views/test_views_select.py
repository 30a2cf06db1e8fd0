"""Finding nodes by name and cutting the graph a view shows."""

from __future__ import annotations

import pytest
from view_graphs import XSS_ID, xss_graph

from kg.errors import ViewError
from kg.views import find_nodes, neighbourhood, of_types, top_nodes
from kg.views.select import pick_view


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("西安市总工会", ["Union/西安市总工会"]),
        ("西安市總工會", ["Union/西安市总工会"]),  # traditional
        ("市总", ["Union/西安市总工会"]),  # an alias, exactly
        ("Union/陕西省总工会", ["Union/陕西省总工会"]),  # a node id
        ("总工会", ["Union/西安市总工会", "Union/陕西省总工会"]),  # partial, best linked first
        ("某某公司", [XSS_ID]),
        ("  ", []),
        ("不存在", []),
    ],
)
def test_find_nodes(query: str, expected: list[str]) -> None:
    assert find_nodes(xss_graph(), query) == expected


def test_an_exact_alias_beats_partial_names() -> None:
    # "西安" is an alias of 西安市 and part of several other names
    assert find_nodes(xss_graph(), "西安") == ["Place/西安市"]


def test_neighbourhood_follows_relations_both_ways() -> None:
    G = xss_graph()
    assert set(neighbourhood(G, "Programme/春风行动", 1)) == {
        "Programme/春风行动",
        "Union/陕西省总工会",
    }
    two = neighbourhood(G, "Programme/春风行动", 2)
    assert {"Union/西安市总工会", "Place/陕西省"} <= set(two)
    assert two.graph["articles"] == G.graph["articles"]
    with pytest.raises(ViewError, match="E601"):
        neighbourhood(G, "Union/不存在", 1)


def test_of_types_and_top_nodes() -> None:
    G = xss_graph(extra=20)
    unions = of_types(G, ["Union"])
    assert {d["type"] for _, d in unions.nodes(data=True)} == {"Union"}
    with pytest.raises(ViewError, match="E602"):
        of_types(G, ["Union", "Spaceship"])
    assert top_nodes(G, G.number_of_nodes()) is G
    assert "Union/西安市总工会" in top_nodes(G, 1)


def test_pick_view_prefers_a_whole_name_and_reports_ambiguity() -> None:
    G = xss_graph()
    _, node = pick_view(G, focus="西安市")  # a whole name, also part of 西安市总工会
    assert node == "Place/西安市"
    with pytest.raises(ViewError, match="2 nodes match"):
        pick_view(G, focus="省")
