"""How many entities of each type and relations of each predicate."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.types import EntityType, RelationType

__all__ = ["predicate_counts", "type_counts"]


def type_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Number of nodes per entity type.

    Parameters
    ----------
    G
        The graph model.

    Returns
    -------
    dict[str, int]
        Every :class:`~kg.types.EntityType` in declaration order (0 when absent), then
        any other ``type`` value found, sorted.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    >>> type_counts(G)["Place"], type_counts(G)["Union"]
    (1, 0)
    """
    counts = Counter(str(data.get("type", "")) for _, data in G.nodes(data=True))
    return _ordered(counts, [str(t) for t in EntityType])


def predicate_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Number of edges per relation predicate (every :class:`~kg.types.RelationType` first).

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> predicate_counts(build_graph([], []))["memberOf"]
    0
    """
    counts = Counter(
        str(data.get("predicate") or key) for _, _, key, data in G.edges(keys=True, data=True)
    )
    return _ordered(counts, [str(p) for p in RelationType])


def _ordered(counts: Counter[str], known: list[str]) -> dict[str, int]:
    out = {name: counts.get(name, 0) for name in known}
    out.update({name: counts[name] for name in sorted(counts) if name not in out})
    return out
