"""The undirected, simple projection of the graph that the analyses work on."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.types import EntityType

__all__ = ["ACTOR_TYPES", "nodes_of_types", "type_filter", "undirected_projection"]

#: Organisations and people: the types that act in the news.
ACTOR_TYPES: frozenset[str] = frozenset(
    {str(t) for t in EntityType if t.is_organisation} | {str(EntityType.PERSON)}
)


def type_filter(types: Iterable[str | EntityType] | None) -> frozenset[str] | None:
    """Normalise a ``types`` argument: ``None`` stays ``None`` (= every type).

    Examples
    --------
    >>> sorted(type_filter([EntityType.PLACE, "Union"]))
    ['Place', 'Union']
    >>> type_filter(None) is None
    True
    """
    if types is None:
        return None
    if isinstance(types, str):
        types = [types]
    return frozenset(str(t) for t in types)


def nodes_of_types(G: nx.MultiDiGraph, types: Iterable[str | EntityType] | None) -> list[str]:
    """Node ids whose ``type`` is in ``types`` (all nodes when ``None``), sorted.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    >>> nodes_of_types(G, ["Place"]), nodes_of_types(G, ["Union"])
    (['Place/西安市'], [])
    """
    wanted = type_filter(types)
    return sorted(
        n for n, data in G.nodes(data=True) if wanted is None or data.get("type") in wanted
    )


def undirected_projection(G: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph with the same nodes; ``weight`` = number of edges joined.

    Nodes and edges are inserted in sorted order, so results computed on it do not
    depend on the order in which ``G`` was built. Self-loops are dropped.

    Parameters
    ----------
    G
        The graph model (:mod:`kg.graph`).

    Returns
    -------
    networkx.Graph
        Node attributes are copied; each edge has an integer ``weight``.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation, RelationType
    >>> a = Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会")
    >>> b = Entity("Place/西安市", EntityType.PLACE, "西安市")
    >>> G = build_graph([a, b], [Relation(a.id, RelationType.LOCATED_IN, b.id),
    ...                          Relation(a.id, RelationType.PARTNER_OF, b.id)])
    >>> H = undirected_projection(G)
    >>> H.number_of_edges(), H.edges[a.id, b.id]["weight"]
    (1, 2)
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes(data=True), key=lambda item: str(item[0])))
    weights: dict[tuple[str, str], int] = {}
    for u, v in G.edges():
        if u == v:
            continue
        pair = (u, v) if str(u) <= str(v) else (v, u)
        weights[pair] = weights.get(pair, 0) + 1
    for (u, v), w in sorted(weights.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
        H.add_edge(u, v, weight=w)
    return H
