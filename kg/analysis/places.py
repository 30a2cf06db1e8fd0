"""Where things are: ``locatedIn`` chains up to the province level."""

from __future__ import annotations

from collections import deque

import networkx as nx

from kg.types import EntityType, RelationType

__all__ = [
    "PROVINCE_LEVEL_CITIES",
    "is_province_level",
    "located_places",
    "place_ancestors",
    "province_of",
]

#: Municipalities directly under the central government (province level).
PROVINCE_LEVEL_CITIES: frozenset[str] = frozenset(
    {"北京市", "天津市", "上海市", "重庆市", "北京", "天津", "上海", "重庆"}
)
_PROVINCE_SUFFIXES = ("省", "自治区", "特别行政区")
_PLACE = str(EntityType.PLACE)
_LOCATED_IN = str(RelationType.LOCATED_IN)
_SUB_ORG = str(RelationType.SUB_ORGANIZATION_OF)


def is_province_level(name: str) -> bool:
    """Whether a place name is a province-level division.

    Examples
    --------
    >>> [is_province_level(n) for n in ("陕西省", "内蒙古自治区", "上海市", "西安市")]
    [True, True, True, False]
    """
    return name in PROVINCE_LEVEL_CITIES or name.endswith(_PROVINCE_SUFFIXES)


def _targets(G: nx.MultiDiGraph, node: str, predicate: str, type_: str | None = None) -> list[str]:
    out = {
        tail
        for _, tail, key, data in G.out_edges(node, keys=True, data=True)
        if (data.get("predicate") or key) == predicate
        and (type_ is None or G.nodes[tail].get("type") == type_)
    }
    return sorted(out, key=str)


def place_ancestors(G: nx.MultiDiGraph, place: str) -> list[str]:
    """``place`` and every place above it along ``locatedIn``, nearest first.

    Breadth-first, parents in sorted order; cycles are cut.

    Parameters
    ----------
    G
        The graph model.
    place
        A node id (normally a ``Place``).

    Returns
    -------
    list[str]
        Node ids, starting with ``place`` itself.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation
    >>> es = [Entity(f"Place/{n}", EntityType.PLACE, n) for n in ("碑林区", "西安市", "陕西省")]
    >>> rs = [Relation("Place/碑林区", RelationType.LOCATED_IN, "Place/西安市"),
    ...       Relation("Place/西安市", RelationType.LOCATED_IN, "Place/陕西省")]
    >>> place_ancestors(build_graph(es, rs), "Place/碑林区")
    ['Place/碑林区', 'Place/西安市', 'Place/陕西省']
    """
    seen = [place]
    queue = deque([place])
    while queue:
        for parent in _targets(G, queue.popleft(), _LOCATED_IN, _PLACE):
            if parent not in seen:
                seen.append(parent)
                queue.append(parent)
    return seen


def province_of(G: nx.MultiDiGraph, place: str, *, fallback: bool = True) -> str | None:
    """The province-level place containing ``place`` (a node id).

    Parameters
    ----------
    G
        The graph model.
    place
        A ``Place`` node id.
    fallback
        When no province-level place is on the chain, return the broadest place
        reached (the last of :func:`place_ancestors`) instead of ``None``.

    Returns
    -------
    str or None
        A node id.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation
    >>> es = [Entity(f"Place/{n}", EntityType.PLACE, n) for n in ("西安市", "陕西省", "土门")]
    >>> G = build_graph(es, [Relation("Place/西安市", RelationType.LOCATED_IN, "Place/陕西省")])
    >>> province_of(G, "Place/西安市"), province_of(G, "Place/土门", fallback=False)
    ('Place/陕西省', None)
    """
    chain = place_ancestors(G, place)
    for node in chain:
        if is_province_level(str(G.nodes[node].get("name", ""))):
            return node
    return chain[-1] if fallback else None


def located_places(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The places an entity is in: its own ``locatedIn`` places, else its nearest parent's.

    Parents are followed along ``subOrganizationOf`` (breadth-first) until some level
    has a place, so an enterprise union with no place of its own gets its enterprise's.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation
    >>> E, R = EntityType, RelationType
    >>> es = [Entity("Union/某公司工会", E.UNION, "某公司工会"),
    ...       Entity("Enterprise/某公司", E.ENTERPRISE, "某公司"),
    ...       Entity("Place/西安市", E.PLACE, "西安市")]
    >>> rs = [Relation("Union/某公司工会", R.SUB_ORGANIZATION_OF, "Enterprise/某公司"),
    ...       Relation("Enterprise/某公司", R.LOCATED_IN, "Place/西安市")]
    >>> located_places(build_graph(es, rs), "Union/某公司工会")
    ['Place/西安市']
    """
    level = [node]
    seen = {node}
    while level:
        places = sorted({p for n in level for p in _targets(G, n, _LOCATED_IN, _PLACE)}, key=str)
        if places:
            return places
        parents = sorted({p for n in level for p in _targets(G, n, _SUB_ORG)} - seen, key=str)
        seen.update(parents)
        level = parents
    return []
