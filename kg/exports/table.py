"""The graph model flattened for other tools: scalar attributes, fixed order, communities.

GraphML, GEXF and CSV hold only scalar attribute values, so lists are joined with
:data:`LIST_SEPARATOR` and missing values are empty strings.
"""

from __future__ import annotations

import networkx as nx

from kg.analysis.communities import actor_communities

__all__ = ["LIST_SEPARATOR", "NO_COMMUNITY", "export_graph"]

#: Joins list values (aliases) in one attribute; Neo4j's default array delimiter.
LIST_SEPARATOR = ";"

#: ``community`` of an entity without relations (communities are numbered from 1).
NO_COMMUNITY = 0


def export_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` for export: sorted nodes and edges, scalar attributes only.

    Node attributes: ``label`` and ``name`` (canonical name), ``type``, ``aliases``
    (joined by ``;``), ``community`` (Louvain with a fixed seed, 1 = the largest;
    :data:`NO_COMMUNITY` without relations), ``confidence`` where the model has one.
    Edge attributes: ``label`` and ``predicate``, ``role``, ``amount``, ``evidence`` (how
    many sentences support it), ``confidence`` where the model has one.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType as E, Relation, RelationType as R
    >>> G = build_graph([Entity("Union/西安市总工会", E.UNION, "西安市总工会", ("市总工会",)),
    ...                  Entity("Person/王雷", E.PERSON, "王雷")],
    ...                 [Relation("Person/王雷", R.MEMBER_OF, "Union/西安市总工会", role="主席")])
    >>> H = export_graph(G)
    >>> sorted(H.nodes["Union/西安市总工会"].items())  # doctest: +NORMALIZE_WHITESPACE
    [('aliases', '市总工会'), ('community', 1), ('confidence', 0.99), ('label', '西安市总工会'),
     ('name', '西安市总工会'), ('type', 'Union')]
    >>> [(u, v, d["predicate"], d["role"]) for u, v, d in H.edges(data=True)]
    [('Person/王雷', 'Union/西安市总工会', 'memberOf', '主席')]
    """
    H = nx.MultiDiGraph()
    for node in sorted(G, key=str):
        data = G.nodes[node]
        attrs = {
            "label": str(data.get("name", "")),
            "type": str(data.get("type", "")),
            "name": str(data.get("name", "")),
            "aliases": LIST_SEPARATOR.join(sorted(str(a) for a in data.get("aliases") or ())),
            "community": NO_COMMUNITY,
        }
        if data.get("confidence") is not None:
            attrs["confidence"] = float(data["confidence"])
        H.add_node(str(node), **attrs)
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for head, tail, key, data in edges:
        attrs = {
            "label": str(data.get("predicate") or key),
            "predicate": str(data.get("predicate") or key),
            "role": str(data.get("role") or ""),
            "amount": str(data.get("amount") or ""),
            "evidence": len(data.get("evidence") or ()),
        }
        if data.get("confidence") is not None:
            attrs["confidence"] = float(data["confidence"])
        H.add_edge(str(head), str(tail), key=str(key), **attrs)
    for number, members in enumerate(actor_communities(H, min_size=1), start=1):
        for member in members:
            H.nodes[member]["community"] = number
    return H
