"""Groups of entities that are densely linked: modularity communities with a fixed seed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import networkx as nx

from kg.analysis.projection import type_filter, undirected_projection
from kg.types import EntityType

__all__ = ["actor_communities"]

Method = Literal["louvain", "greedy"]


def actor_communities(
    G: nx.MultiDiGraph,
    *,
    types: Iterable[str | EntityType] | None = None,
    method: Method = "louvain",
    seed: int = 42,
    resolution: float = 1.0,
    min_size: int = 2,
) -> list[list[str]]:
    """Communities of the undirected projection (edge weight = number of relations).

    Isolated nodes are left out. Communities are found on the whole graph; ``types``
    then keeps only members of those types, and groups with fewer than ``min_size``
    members are dropped.

    Parameters
    ----------
    G
        The graph model.
    types
        Member types to keep (e.g. :data:`~kg.analysis.projection.ACTOR_TYPES`);
        ``None`` keeps all.
    method
        ``"louvain"`` (:func:`networkx.community.louvain_communities`, seeded) or
        ``"greedy"`` (:func:`networkx.community.greedy_modularity_communities`,
        deterministic by itself).
    seed
        Random seed for Louvain: same graph and seed → same communities.
    resolution
        Modularity resolution; above 1 favours smaller communities.
    min_size
        Smallest community to report.

    Returns
    -------
    list[list[str]]
        Node ids; each community sorted, communities largest first (ties by first id).

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation, RelationType
    >>> E, R = EntityType, RelationType
    >>> es = [Entity("Union/西安市总工会", E.UNION, "西安市总工会"),
    ...       Entity("Person/王雷", E.PERSON, "王雷"),
    ...       Entity("Union/吉林省总工会", E.UNION, "吉林省总工会"),
    ...       Entity("Place/吉林省", E.PLACE, "吉林省")]
    >>> rs = [Relation("Person/王雷", R.MEMBER_OF, "Union/西安市总工会"),
    ...       Relation("Union/吉林省总工会", R.LOCATED_IN, "Place/吉林省")]
    >>> actor_communities(build_graph(es, rs))
    [['Person/王雷', 'Union/西安市总工会'], ['Place/吉林省', 'Union/吉林省总工会']]
    """
    H = undirected_projection(G)
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    if H.number_of_edges() == 0:
        return []
    if method == "louvain":
        found = nx.community.louvain_communities(
            H, weight="weight", resolution=resolution, seed=seed
        )
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(
            H, weight="weight", resolution=resolution
        )
    else:
        raise ValueError(f"unknown method {method!r}; choose 'louvain' or 'greedy'")
    wanted = type_filter(types)
    groups = [
        sorted(str(n) for n in members if wanted is None or H.nodes[n].get("type") in wanted)
        for members in found
    ]
    groups = [g for g in groups if len(g) >= max(1, min_size)]
    return sorted(groups, key=lambda g: (-len(g), g[0]))
