"""Which part of the graph a view shows: a node found by name, its neighbourhood, a typed
projection, the top nodes of a graph too big to draw whole."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import networkx as nx

from kg.analysis import central_actors, type_filter
from kg.errors import Errors, ViewError
from kg.types import EntityType

__all__ = [
    "find_nodes",
    "neighbourhood",
    "of_types",
    "pick_view",
    "simplified",
    "top_nodes",
    "traditional",
]


@cache
def _converter(config: str) -> object:
    import opencc

    return opencc.OpenCC(config)


def simplified(text: str) -> str:
    """``text`` in simplified characters (OpenCC ``t2s``), lower-cased, without spaces.

    Examples
    --------
    >>> simplified("西安市總工會 ")
    '西安市总工会'
    """
    if not text.isascii():
        text = _converter("t2s").convert(text)  # type: ignore[attr-defined]
    return "".join(text.split()).lower()


def traditional(text: str) -> str:
    """``text`` in traditional characters (OpenCC ``s2t``)."""
    return text if text.isascii() else _converter("s2t").convert(text)  # type: ignore[attr-defined]


def _names(data: dict) -> list[str]:
    return [str(data.get("name") or ""), *(str(a) for a in data.get("aliases") or ())]


def find_nodes(G: nx.MultiDiGraph, query: str) -> list[str]:
    """Nodes whose id, name or an alias matches ``query``, simplified or traditional.

    Exact matches (id, name, alias) come first; only when there is none, nodes whose
    name or alias contains the query. Within each group: most relations first, then id.

    Parameters
    ----------
    G
        The graph model.
    query
        A name, alias or node id; traditional characters match simplified ones.

    Returns
    -------
    list[str]
        Node ids, best first; empty when nothing matches.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity
    >>> G = build_graph([Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会",
    ...                         ("市总工会",))], [])
    >>> find_nodes(G, "西安市總工會"), find_nodes(G, "市总工会"), find_nodes(G, "西安")
    (['Union/西安市总工会'], ['Union/西安市总工会'], ['Union/西安市总工会'])
    """
    q = simplified(query)
    if not q:
        return []
    exact: list[str] = []
    partial: list[str] = []
    for node, data in G.nodes(data=True):
        keys = _keys(data)
        if q == simplified(str(node)) or q in keys:
            exact.append(str(node))
        elif any(q in k for k in keys):
            partial.append(str(node))
    found = exact or partial
    return sorted(found, key=lambda n: (-G.degree(n), n))


def neighbourhood(G: nx.MultiDiGraph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """The nodes within ``depth`` relations of ``node`` (either direction), with every
    relation among them.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation, RelationType
    >>> es = [Entity(f"Place/{n}", EntityType.PLACE, n) for n in ("雁塔区", "西安市", "陕西省")]
    >>> rs = [Relation("Place/雁塔区", RelationType.LOCATED_IN, "Place/西安市"),
    ...       Relation("Place/西安市", RelationType.LOCATED_IN, "Place/陕西省")]
    >>> sorted(neighbourhood(build_graph(es, rs), "Place/陕西省", 1))
    ['Place/西安市', 'Place/陕西省']
    """
    if node not in G:
        raise ViewError(Errors.E601.format(name=node, hint="not a node of the graph"))
    if depth < 0:
        raise ValueError(f"depth must be >= 0, not {depth}")
    reach = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), node, depth)
    return G.subgraph(reach).copy()


def of_types(G: nx.MultiDiGraph, types: Iterable[str | EntityType]) -> nx.MultiDiGraph:
    """The typed projection: nodes of ``types`` and the relations among them.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市"),
    ...                  Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会")], [])
    >>> list(of_types(G, ["Union"]))
    ['Union/西安市总工会']
    """
    wanted = type_filter(types) or frozenset()
    unknown = sorted(wanted - {str(t) for t in EntityType})
    if unknown:
        raise ViewError(
            Errors.E602.format(types=unknown, choices=", ".join(str(t) for t in EntityType))
        )
    return G.subgraph(n for n, d in G.nodes(data=True) if d.get("type") in wanted).copy()


def top_nodes(G: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    """The ``n`` nodes with the most distinct neighbours (ties by name, then id).

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation, RelationType
    >>> es = [Entity(f"Place/{n}", EntityType.PLACE, n) for n in ("雁塔区", "西安市", "陕西省")]
    >>> rs = [Relation("Place/雁塔区", RelationType.LOCATED_IN, "Place/西安市")]
    >>> sorted(top_nodes(build_graph(es, rs), 2))
    ['Place/西安市', 'Place/雁塔区']
    """
    if G.number_of_nodes() <= n:
        return G
    keep = [node for node, _, _ in central_actors(G, n, measure="degree")]
    return G.subgraph(keep).copy()


def pick_view(
    G: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 1,
    types: Iterable[str | EntityType] | None = None,
) -> tuple[nx.MultiDiGraph, str | None]:
    """The part of ``G`` that ``kg view --type … --focus … --depth …`` shows.

    ``types`` first keeps the typed projection; ``focus`` (found with :func:`find_nodes`)
    then keeps its neighbourhood within it.

    Returns
    -------
    tuple[networkx.MultiDiGraph, str | None]
        The subgraph and the focused node id (``None`` without ``focus``).

    Raises
    ------
    ViewError
        [E601] ``focus`` matches no node, or several equally well; [E602] unknown type.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation, RelationType
    >>> es = [Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会"),
    ...       Entity("Place/西安市", EntityType.PLACE, "西安市")]
    >>> G = build_graph(es, [Relation(es[0].id, RelationType.LOCATED_IN, es[1].id)])
    >>> H, node = pick_view(G, focus="西安市總工會")
    >>> node, sorted(H)
    ('Union/西安市总工会', ['Place/西安市', 'Union/西安市总工会'])
    """
    if types:
        G = of_types(G, types)
    if focus is None:
        return G, None
    found = find_nodes(G, focus)
    if not found:
        where = " of the selected types" if types else ""
        raise ViewError(Errors.E601.format(name=focus, hint=f"no name or alias{where} matches"))
    q = simplified(focus)
    named = [n for n in found if q in (simplified(n), simplified(str(G.nodes[n].get("name"))))]
    best = named or found
    if len(best) > 1 and not named:
        shown = "、".join(str(G.nodes[n].get("name", n)) for n in best[:8])
        more = f" and {len(best) - 8} more" if len(best) > 8 else ""
        raise ViewError(
            Errors.E601.format(name=focus, hint=f"{len(best)} nodes match: {shown}{more}")
        )
    return neighbourhood(G, best[0], depth), best[0]


def _keys(data: dict) -> list[str]:
    return [simplified(k) for k in _names(data) if k]
