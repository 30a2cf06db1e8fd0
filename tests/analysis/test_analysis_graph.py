"""kg.analysis on a small real graph: counts, centrality, communities, places, spread,
hierarchy, people."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_graphs import ENTITIES, analysis_graph, reversed_copy

from kg.analysis import (
    ACTOR_TYPES,
    actor_communities,
    central_actors,
    is_province_level,
    located_places,
    people_posts,
    place_ancestors,
    predicate_counts,
    programme_places,
    programme_spread,
    province_of,
    tree_lines,
    type_counts,
    undirected_projection,
    union_tree,
    unplaced_programmes,
)
from kg.graph import build_graph
from kg.types import Entity, EntityType, Relation, RelationType


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return analysis_graph()


def _community_of(groups: list[list[str]], node: str) -> int:
    return next(i for i, group in enumerate(groups) if node in group)


# -- summary -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_", "count"),
    [
        ("Union", 6),
        ("Enterprise", 1),
        ("GovernmentBody", 1),
        ("Organization", 1),
        ("Person", 3),
        ("Programme", 4),
        ("Place", 6),
        ("Event", 1),
    ],
)
def test_type_counts(G: nx.MultiDiGraph, type_: str, count: int) -> None:
    assert type_counts(G)[type_] == count


def test_type_counts_order_and_unknown_types() -> None:
    H = nx.MultiDiGraph()
    H.add_node("x", type="Spaceship")
    counts = type_counts(H)
    assert list(counts) == [str(t) for t in EntityType] + ["Spaceship"]
    assert counts["Spaceship"] == 1 and counts["Union"] == 0


@pytest.mark.parametrize(
    ("predicate", "count"),
    [
        ("memberOf", 3),
        ("subOrganizationOf", 5),
        ("establishes", 4),
        ("organizes", 1),
        ("partnerOf", 1),
        ("locatedIn", 9),
    ],
)
def test_predicate_counts(G: nx.MultiDiGraph, predicate: str, count: int) -> None:
    assert predicate_counts(G)[predicate] == count


# -- projection ----------------------------------------------------------------------------


def test_projection_merges_parallel_and_reverse_edges() -> None:
    a = Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会")
    b = Entity("Organization/西安交通大学", EntityType.ORGANIZATION, "西安交通大学")
    G = build_graph(
        [a, b],
        [
            Relation(a.id, RelationType.PARTNER_OF, b.id),
            Relation(b.id, RelationType.PARTNER_OF, a.id),
            Relation(a.id, RelationType.LOCATED_IN, b.id),
            Relation(a.id, RelationType.SUB_ORGANIZATION_OF, a.id),
        ],
    )
    H = undirected_projection(G)
    assert sorted(H.nodes) == sorted([a.id, b.id])
    assert H.number_of_edges() == 1
    assert H.edges[a.id, b.id]["weight"] == 3
    assert H.nodes[a.id]["name"] == "西安市总工会"


# -- centrality --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "top3"),
    [
        ("degree", ["吉林省总工会", "西安市总工会", "西安市"]),
        ("betweenness", ["西安市总工会", "吉林省总工会", "春风行动"]),
    ],
)
def test_central_actors_ranking(G: nx.MultiDiGraph, measure: str, top3: list[str]) -> None:
    ranked = central_actors(G, 3, measure=measure)
    assert [name for _, name, _ in ranked] == top3
    scores = [score for *_, score in ranked]
    assert scores == sorted(scores, reverse=True)


def test_degree_scores_are_normalised_degrees(G: nx.MultiDiGraph) -> None:
    n = G.number_of_nodes()
    scores = {node: score for node, _, score in central_actors(G, None)}
    assert scores["Union/西安市总工会"] == pytest.approx(6 / (n - 1))
    assert scores["Person/王雷"] == pytest.approx(1 / (n - 1))
    assert scores["GovernmentBody/抚远市信访局"] == 0.0


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (["Person"], {"王雷", "戴建平", "彭冰"}),
        ([EntityType.PLACE], {"陕西省", "西安市", "碑林区", "吉林省", "长春市", "天津市"}),
        (ACTOR_TYPES, {n for i, t, n in ENTITIES if t.is_organisation or t == EntityType.PERSON}),
    ],
)
def test_central_actors_type_filter(G: nx.MultiDiGraph, types: object, expected: set[str]) -> None:
    assert {name for _, name, _ in central_actors(G, None, types=types)} == expected


def test_central_actors_ties_break_by_name(G: nx.MultiDiGraph) -> None:
    people = central_actors(G, None, types=["Person"])
    assert [name for _, name, _ in people] == sorted(["王雷", "戴建平", "彭冰"])


@pytest.mark.parametrize("k", [0, 1, 5, 100])
def test_central_actors_k(G: nx.MultiDiGraph, k: int) -> None:
    assert len(central_actors(G, k)) == min(k, G.number_of_nodes())


@pytest.mark.parametrize("measure", ["degree", "betweenness"])
def test_central_actors_ignore_insertion_order(G: nx.MultiDiGraph, measure: str) -> None:
    assert central_actors(reversed_copy(G), None, measure=measure) == central_actors(
        G, None, measure=measure
    )


@pytest.mark.parametrize(("kwargs"), [{"measure": "pagerank"}, {"k": -1}])
def test_central_actors_rejects_bad_arguments(G: nx.MultiDiGraph, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        central_actors(G, **kwargs)


def test_central_actors_tiny_graphs() -> None:
    assert central_actors(nx.MultiDiGraph()) == []
    one = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    assert central_actors(one) == [("Place/西安市", "西安市", 0.0)]


# -- communities -------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["louvain", "greedy"])
@pytest.mark.parametrize(
    ("a", "b", "together"),
    [
        ("Person/王雷", "Union/西安市总工会", True),
        ("Person/戴建平", "Union/吉林省总工会", True),
        ("Union/中铁十八局集团工会", "Enterprise/中铁十八局集团", True),
        ("Person/王雷", "Person/戴建平", False),
        ("Union/吉林省总工会", "Union/中铁十八局集团工会", False),
    ],
)
def test_communities_group_linked_actors(
    G: nx.MultiDiGraph, method: str, a: str, b: str, together: bool
) -> None:
    groups = actor_communities(G, method=method)
    assert (_community_of(groups, a) == _community_of(groups, b)) is together


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_communities_are_deterministic(G: nx.MultiDiGraph, method: str) -> None:
    first = actor_communities(G, method=method, seed=7)
    assert actor_communities(G, method=method, seed=7) == first
    assert actor_communities(reversed_copy(G), method=method, seed=7) == first


def test_communities_shape(G: nx.MultiDiGraph) -> None:
    groups = actor_communities(G)
    members = [n for group in groups for n in group]
    assert len(members) == len(set(members))  # a partition
    assert "GovernmentBody/抚远市信访局" not in members  # isolated
    assert "Programme/司机之家" not in members
    assert all(group == sorted(group) for group in groups)
    assert [len(g) for g in groups] == sorted((len(g) for g in groups), reverse=True)


def test_communities_type_filter_and_min_size(G: nx.MultiDiGraph) -> None:
    people = actor_communities(G, types=["Person"], min_size=1)
    assert sorted(n for g in people for n in g) == ["Person/彭冰", "Person/戴建平", "Person/王雷"]
    assert all(len(g) >= 2 for g in actor_communities(G, types=["Person"], min_size=2))


def test_communities_of_edgeless_graph() -> None:
    one = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    assert actor_communities(one) == []


def test_communities_reject_unknown_method(G: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError):
        actor_communities(G, method="girvan-newman")  # type: ignore[arg-type]


# -- places ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("陕西省", True),
        ("吉林省", True),
        ("内蒙古自治区", True),
        ("香港特别行政区", True),
        ("天津市", True),
        ("北京市", True),
        ("西安市", False),
        ("碑林区", False),
        ("粤港澳大湾区", False),
    ],
)
def test_is_province_level(name: str, expected: bool) -> None:
    assert is_province_level(name) is expected


@pytest.mark.parametrize(
    ("place", "chain"),
    [
        ("Place/碑林区", ["Place/碑林区", "Place/西安市", "Place/陕西省"]),
        ("Place/长春市", ["Place/长春市", "Place/吉林省"]),
        ("Place/天津市", ["Place/天津市"]),
    ],
)
def test_place_ancestors(G: nx.MultiDiGraph, place: str, chain: list[str]) -> None:
    assert place_ancestors(G, place) == chain


@pytest.mark.parametrize(
    ("place", "province"),
    [
        ("Place/碑林区", "Place/陕西省"),
        ("Place/西安市", "Place/陕西省"),
        ("Place/陕西省", "Place/陕西省"),
        ("Place/长春市", "Place/吉林省"),
        ("Place/天津市", "Place/天津市"),
    ],
)
def test_province_of(G: nx.MultiDiGraph, place: str, province: str) -> None:
    assert province_of(G, place) == province


def test_province_of_without_province() -> None:
    es = [Entity(f"Place/{n}", EntityType.PLACE, n) for n in ("土门工人文化宫", "莲湖区")]
    G = build_graph(es, [Relation("Place/土门工人文化宫", RelationType.LOCATED_IN, "Place/莲湖区")])
    assert province_of(G, "Place/土门工人文化宫") == "Place/莲湖区"
    assert province_of(G, "Place/土门工人文化宫", fallback=False) is None


def test_place_cycle_terminates() -> None:
    es = [Entity(f"Place/{n}", EntityType.PLACE, n) for n in ("甲", "乙")]
    rs = [
        Relation("Place/甲", RelationType.LOCATED_IN, "Place/乙"),
        Relation("Place/乙", RelationType.LOCATED_IN, "Place/甲"),
    ]
    assert place_ancestors(build_graph(es, rs), "Place/甲") == ["Place/甲", "Place/乙"]


@pytest.mark.parametrize(
    ("node", "places"),
    [
        ("Union/西安市总工会", ["Place/西安市"]),
        ("Union/中铁十八局集团工会", ["Place/天津市"]),  # via its enterprise
        ("Union/中华全国总工会", []),
        ("Programme/吉林工匠学院", ["Place/长春市"]),
    ],
)
def test_located_places(G: nx.MultiDiGraph, node: str, places: list[str]) -> None:
    assert located_places(G, node) == places


# -- programme spread ------------------------------------------------------------------


def test_programme_spread_by_place(G: nx.MultiDiGraph) -> None:
    assert programme_spread(G) == {
        "吉林省": ["吉林工匠学院", "春风行动"],
        "天津市": ["职工创新工作室"],
        "西安市": ["春风行动"],
        "长春市": ["吉林工匠学院"],
    }


def test_programme_spread_by_province(G: nx.MultiDiGraph) -> None:
    assert programme_spread(G, level="province") == {
        "吉林省": ["吉林工匠学院", "春风行动"],
        "天津市": ["职工创新工作室"],
        "陕西省": ["春风行动"],
    }


@pytest.mark.parametrize(
    ("programme", "places"),
    [
        ("Programme/春风行动", ["Place/吉林省", "Place/西安市"]),
        ("Programme/吉林工匠学院", ["Place/吉林省", "Place/长春市"]),
        ("Programme/职工创新工作室", ["Place/天津市"]),
    ],
)
def test_programme_places(G: nx.MultiDiGraph, programme: str, places: list[str]) -> None:
    assert programme_places(G)[programme] == places


def test_unplaced_programmes(G: nx.MultiDiGraph) -> None:
    assert unplaced_programmes(G) == ["司机之家"]
    assert "Programme/司机之家" not in programme_places(G)


def test_events_do_not_count_as_programmes(G: nx.MultiDiGraph) -> None:
    names = {p for programmes in programme_spread(G).values() for p in programmes}
    assert "吉林省第二届职工职业技能大赛" not in names


def test_programme_spread_rejects_unknown_level(G: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError):
        programme_spread(G, level="county")  # type: ignore[arg-type]


# -- hierarchy ---------------------------------------------------------------------------


def test_union_tree(G: nx.MultiDiGraph) -> None:
    assert tree_lines(union_tree(G)) == [
        "中华全国总工会 (Union)",
        "  吉林省总工会 (Union)",
        "  陕西省总工会 (Union)",
        "    西安市总工会 (Union)",
        "      碑林区总工会 (Union)",
        "中铁十八局集团 (Enterprise)",
        "  中铁十八局集团工会 (Union)",
    ]


def test_union_tree_is_plain_data(G: nx.MultiDiGraph) -> None:
    root = union_tree(G)[0]
    assert set(root) == {"id", "name", "type", "children"}
    assert root["id"] == "Union/中华全国总工会"
    assert isinstance(root["children"], list)


def test_union_tree_type_filter(G: nx.MultiDiGraph) -> None:
    names = [line.strip() for line in tree_lines(union_tree(G, types=["Union"]))]
    assert "中铁十八局集团 (Enterprise)" not in names
    assert "中铁十八局集团工会 (Union)" not in names  # its only link went to the enterprise
    assert names[0] == "中华全国总工会 (Union)"


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        (  # two parents: shown under both
            [("甲工会", "乙总工会"), ("甲工会", "丙总工会")],
            ["丙总工会 (Union)", "  甲工会 (Union)", "乙总工会 (Union)", "  甲工会 (Union)"],
        ),
        (  # a cycle with no way in: entered at the smallest id, cut where it repeats
            [("甲工会", "乙总工会"), ("乙总工会", "甲工会")],
            ["乙总工会 (Union)", "  甲工会 (Union)"],
        ),
    ],
)
def test_union_tree_odd_shapes(edges: list[tuple[str, str]], expected: list[str]) -> None:
    names = sorted({n for edge in edges for n in edge})
    G = build_graph(
        [Entity(f"Union/{n}", EntityType.UNION, n) for n in names],
        [Relation(f"Union/{a}", RelationType.SUB_ORGANIZATION_OF, f"Union/{b}") for a, b in edges],
    )
    assert tree_lines(union_tree(G)) == expected


# -- people ------------------------------------------------------------------------------


def test_people_posts(G: nx.MultiDiGraph) -> None:
    assert people_posts(G) == [
        ("彭冰", "", "西安交通大学"),
        ("戴建平", "主席", "吉林省总工会"),
        ("王雷", "党组书记、常务副主席", "西安市总工会"),
    ]


def test_people_posts_only_from_people() -> None:
    es = [
        Entity("Union/碑林区总工会", EntityType.UNION, "碑林区总工会"),
        Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会"),
    ]
    rs = [Relation(es[0].id, RelationType.MEMBER_OF, es[1].id, role="会员单位")]
    assert people_posts(build_graph(es, rs)) == []
