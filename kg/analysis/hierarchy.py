"""Who is under whom: the ``subOrganizationOf`` forest as plain data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.analysis.projection import type_filter
from kg.types import EntityType, RelationType

__all__ = ["tree_lines", "union_tree"]

_SUB_ORG = str(RelationType.SUB_ORGANIZATION_OF)


def union_tree(
    G: nx.MultiDiGraph, *, types: Iterable[str | EntityType] | None = None
) -> list[dict[str, Any]]:
    """The organisation hierarchy: ``subOrganizationOf`` edges as a forest.

    Each node is ``{"id", "name", "type", "children": [...]}``; an edge ``A
    subOrganizationOf B`` puts A among B's children. Only entities on such edges appear.
    A body with two parents appears under both; a cycle is cut where it would repeat
    (a cycle with no way in is entered at its smallest id).

    Parameters
    ----------
    G
        The graph model.
    types
        Keep only entities of these types (e.g. ``["Union"]`` for unions alone);
        ``None`` keeps enterprises and other parents of unions too.

    Returns
    -------
    list[dict]
        The roots, sorted by name then id; children sorted the same way.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation
    >>> E, R = EntityType, RelationType
    >>> es = [Entity("Union/中华全国总工会", E.UNION, "中华全国总工会"),
    ...       Entity("Union/陕西省总工会", E.UNION, "陕西省总工会"),
    ...       Entity("Union/西安市总工会", E.UNION, "西安市总工会")]
    >>> rs = [Relation("Union/西安市总工会", R.SUB_ORGANIZATION_OF, "Union/陕西省总工会"),
    ...       Relation("Union/陕西省总工会", R.SUB_ORGANIZATION_OF, "Union/中华全国总工会")]
    >>> tree = union_tree(build_graph(es, rs))
    >>> tree[0]["name"], tree[0]["children"][0]["children"][0]["name"]
    ('中华全国总工会', '西安市总工会')
    """
    wanted = type_filter(types)
    children: dict[str, set[str]] = {}
    has_parent: set[str] = set()
    for child, parent, key, data in G.edges(keys=True, data=True):
        if (data.get("predicate") or key) != _SUB_ORG or child == parent:
            continue
        if wanted is not None and not (
            G.nodes[child].get("type") in wanted and G.nodes[parent].get("type") in wanted
        ):
            continue
        children.setdefault(str(parent), set()).add(str(child))
        children.setdefault(str(child), set())
        has_parent.add(str(child))

    def order(nodes: Iterable[str]) -> list[str]:
        return sorted(nodes, key=lambda n: (str(G.nodes[n].get("name", n)), n))

    placed: set[str] = set()

    def build(node: str, path: frozenset[str]) -> dict[str, Any]:
        placed.add(node)
        data = G.nodes[node]
        return {
            "id": node,
            "name": str(data.get("name", node)),
            "type": str(data.get("type", "")),
            "children": [
                build(child, path | {child}) for child in order(children[node]) if child not in path
            ],
        }

    forest = [build(root, frozenset({root})) for root in order(set(children) - has_parent)]
    for node in sorted(children):  # cycles nobody points into from outside
        if node not in placed:
            forest.append(build(node, frozenset({node})))
    return sorted(forest, key=lambda t: (t["name"], t["id"]))


def tree_lines(forest: list[dict[str, Any]], *, indent: str = "  ") -> list[str]:
    """Indented text lines for a forest from :func:`union_tree` (for printing).

    Examples
    --------
    >>> tree_lines([{"id": "a", "name": "陕西省总工会", "type": "Union",
    ...              "children": [{"id": "b", "name": "西安市总工会", "type": "Union",
    ...                            "children": []}]}])
    ['陕西省总工会 (Union)', '  西安市总工会 (Union)']
    """
    lines: list[str] = []

    def walk(node: dict[str, Any], depth: int) -> None:
        lines.append(f"{indent * depth}{node['name']} ({node['type']})")
        for child in node["children"]:
            walk(child, depth + 1)

    for root in forest:
        walk(root, 0)
    return lines
