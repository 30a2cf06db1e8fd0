"""Which entities are central: degree or betweenness on the undirected projection."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import networkx as nx

from kg.analysis.projection import type_filter, undirected_projection
from kg.types import EntityType

__all__ = ["central_actors"]

Measure = Literal["degree", "betweenness"]


def central_actors(
    G: nx.MultiDiGraph,
    k: int | None = 10,
    *,
    types: Iterable[str | EntityType] | None = None,
    measure: Measure = "degree",
) -> list[tuple[str, str, float]]:
    """The ``k`` most central entities.

    Centrality is computed on the undirected simple projection of the whole graph
    (:func:`~kg.analysis.projection.undirected_projection`), so a place or programme
    still links the actors around it; ``types`` only filters the ranking.

    Parameters
    ----------
    G
        The graph model.
    k
        How many to return; ``None`` for all.
    types
        Entity types to rank (e.g. :data:`~kg.analysis.projection.ACTOR_TYPES`);
        ``None`` ranks every node.
    measure
        ``"degree"`` (normalised degree centrality: share of the other nodes joined)
        or ``"betweenness"`` (normalised, exact shortest-path betweenness).

    Returns
    -------
    list[tuple[str, str, float]]
        ``(node id, name, score)``, highest score first; ties by name, then id.

    Raises
    ------
    ValueError
        Unknown ``measure`` or negative ``k``.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation, RelationType
    >>> u = Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会")
    >>> p = Entity("Person/王雷", EntityType.PERSON, "王雷")
    >>> x = Entity("Place/西安市", EntityType.PLACE, "西安市")
    >>> G = build_graph([u, p, x], [Relation(p.id, RelationType.MEMBER_OF, u.id),
    ...                             Relation(u.id, RelationType.LOCATED_IN, x.id)])
    >>> central_actors(G, 1)
    [('Union/西安市总工会', '西安市总工会', 1.0)]
    >>> central_actors(G, types=["Person"], measure="betweenness")
    [('Person/王雷', '王雷', 0.0)]
    """
    if k is not None and k < 0:
        raise ValueError(f"k must be >= 0 or None, not {k}")
    H = undirected_projection(G)
    if measure == "degree":
        scores = nx.degree_centrality(H) if len(H) > 1 else dict.fromkeys(H, 0.0)
    elif measure == "betweenness":
        scores = nx.betweenness_centrality(H, normalized=True)
    else:
        raise ValueError(f"unknown measure {measure!r}; choose 'degree' or 'betweenness'")
    wanted = type_filter(types)
    ranked = sorted(
        (
            (str(node), str(H.nodes[node].get("name", node)), float(score))
            for node, score in scores.items()
            if wanted is None or H.nodes[node].get("type") in wanted
        ),
        key=lambda item: (-round(item[2], 12), item[1], item[0]),
    )
    return ranked if k is None else ranked[:k]
