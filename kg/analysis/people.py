"""Who holds which post where: ``memberOf`` edges of people."""

from __future__ import annotations

import networkx as nx

from kg.types import EntityType, RelationType

__all__ = ["people_posts"]

_PERSON = str(EntityType.PERSON)
_MEMBER_OF = str(RelationType.MEMBER_OF)


def people_posts(G: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """Every person's posts: ``(person name, post, organisation name)``.

    Parameters
    ----------
    G
        The graph model.

    Returns
    -------
    list[tuple[str, str, str]]
        One row per ``memberOf`` edge from a ``Person``; ``post`` is the edge's
        ``role`` as written, ``""`` when the text gives none. Sorted by person,
        organisation, post.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, Relation
    >>> es = [Entity("Person/王雷", EntityType.PERSON, "王雷"),
    ...       Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会")]
    >>> rs = [Relation("Person/王雷", RelationType.MEMBER_OF, "Union/西安市总工会",
    ...                role="党组书记、常务副主席")]
    >>> people_posts(build_graph(es, rs))
    [('王雷', '党组书记、常务副主席', '西安市总工会')]
    """
    rows = {
        (
            str(G.nodes[head].get("name") or head),
            str(data.get("role") or ""),
            str(G.nodes[tail].get("name") or tail),
        )
        for head, tail, key, data in G.edges(keys=True, data=True)
        if (data.get("predicate") or key) == _MEMBER_OF and G.nodes[head].get("type") == _PERSON
    }
    return sorted(rows, key=lambda r: (r[0], r[2], r[1]))
