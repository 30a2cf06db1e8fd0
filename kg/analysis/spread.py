"""Where programmes run: programme ↔ place, through the programme or its organisers."""

from __future__ import annotations

from typing import Literal

import networkx as nx

from kg.analysis.places import located_places, province_of
from kg.types import EntityType, RelationType

__all__ = ["programme_places", "programme_spread", "unplaced_programmes"]

Level = Literal["place", "province"]
_PROGRAMME = str(EntityType.PROGRAMME)
_RUNS = frozenset({str(RelationType.ESTABLISHES), str(RelationType.ORGANIZES)})


def programme_places(G: nx.MultiDiGraph, *, level: Level = "place") -> dict[str, list[str]]:
    """For each programme (node id), the place ids where it runs.

    A programme runs where it is ``locatedIn`` and wherever an organisation that
    ``establishes`` or ``organizes`` it is located (see
    :func:`~kg.analysis.places.located_places`); all such places count.

    Parameters
    ----------
    G
        The graph model.
    level
        ``"place"``: the places as found; ``"province"``: each one replaced by its
        province-level place (:func:`~kg.analysis.places.province_of`, falling back to
        the broadest place known).

    Returns
    -------
    dict[str, list[str]]
        Programme id → sorted place ids; programmes with no place are left out.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation
    >>> E, R = EntityType, RelationType
    >>> es = [Entity("Programme/春风行动", E.PROGRAMME, "春风行动"),
    ...       Entity("Union/西安市总工会", E.UNION, "西安市总工会"),
    ...       Entity("Place/西安市", E.PLACE, "西安市")]
    >>> rs = [Relation("Union/西安市总工会", R.ESTABLISHES, "Programme/春风行动"),
    ...       Relation("Union/西安市总工会", R.LOCATED_IN, "Place/西安市")]
    >>> programme_places(build_graph(es, rs))
    {'Programme/春风行动': ['Place/西安市']}
    """
    if level not in ("place", "province"):
        raise ValueError(f"unknown level {level!r}; choose 'place' or 'province'")
    out: dict[str, list[str]] = {}
    for node in sorted(G.nodes, key=str):
        if G.nodes[node].get("type") != _PROGRAMME:
            continue
        places = set(located_places(G, node))
        for head, _, key, data in G.in_edges(node, keys=True, data=True):
            if (data.get("predicate") or key) in _RUNS:
                places.update(located_places(G, head))
        if level == "province":
            places = {province_of(G, p) or p for p in places}
        if places:
            out[node] = sorted(places, key=str)
    return out


def programme_spread(G: nx.MultiDiGraph, *, level: Level = "place") -> dict[str, list[str]]:
    """Place name → names of the programmes that run there.

    The inverse of :func:`programme_places`, by name (places or programmes that share a
    name are merged).

    Parameters
    ----------
    G
        The graph model.
    level
        ``"place"`` or ``"province"`` (see :func:`programme_places`).

    Returns
    -------
    dict[str, list[str]]
        Keys sorted by place name, each value the sorted, distinct programme names.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation
    >>> E, R = EntityType, RelationType
    >>> es = [Entity("Programme/春风行动", E.PROGRAMME, "春风行动"),
    ...       Entity("Union/西安市总工会", E.UNION, "西安市总工会"),
    ...       Entity("Place/西安市", E.PLACE, "西安市"),
    ...       Entity("Place/陕西省", E.PLACE, "陕西省")]
    >>> rs = [Relation("Union/西安市总工会", R.ESTABLISHES, "Programme/春风行动"),
    ...       Relation("Union/西安市总工会", R.LOCATED_IN, "Place/西安市"),
    ...       Relation("Place/西安市", R.LOCATED_IN, "Place/陕西省")]
    >>> G = build_graph(es, rs)
    >>> programme_spread(G), programme_spread(G, level="province")
    ({'西安市': ['春风行动']}, {'陕西省': ['春风行动']})
    """
    spread: dict[str, set[str]] = {}
    for programme, places in programme_places(G, level=level).items():
        name = _name(G, programme)
        for place in places:
            spread.setdefault(_name(G, place), set()).add(name)
    return {place: sorted(spread[place]) for place in sorted(spread)}


def unplaced_programmes(G: nx.MultiDiGraph) -> list[str]:
    """Names of the programmes with no known place (sorted).

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity
    >>> G = build_graph([Entity("Programme/司机之家", EntityType.PROGRAMME, "司机之家")], [])
    >>> unplaced_programmes(G)
    ['司机之家']
    """
    placed = programme_places(G)
    return sorted(
        {
            _name(G, n)
            for n, data in G.nodes(data=True)
            if data.get("type") == _PROGRAMME and n not in placed
        }
    )


def _name(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node].get("name") or node)
