"""The in-memory model: a networkx ``MultiDiGraph`` with provenance on every part.

Node ``n`` (an :attr:`kg.types.Entity.id`) carries::

    type: str            # an EntityType value, e.g. "Union"
    name: str            # canonical name
    aliases: list[str]
    provenance: list[Provenance]  # read-only mappings {document_id, article_id,
                                  # sentence, start, end}, in source order
    confidence: float    # 0–1 (kg.learn.confidence; 0.99 where not scored)

Edge ``(head, tail, key=predicate)`` carries::

    predicate: str       # a RelationType value, e.g. "memberOf"
    role: str | None     # the post on memberOf, as written
    amount: str | None   # money on establishes/organizes
    evidence: list[Provenance]  # as on nodes
    confidence: float    # 0–1, as on nodes

``G.graph["articles"]`` maps article id → ``{document_id, source, headline, start, end}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from kg.learn.confidence import HIGHEST as _HIGHEST  # the confidence of an unscored fact
from kg.types import Article, Entity, Provenance, Relation

__all__ = ["build_graph", "provenance_from_dict"]


def build_graph(
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    articles: Iterable[Article] = (),
) -> nx.MultiDiGraph:
    """Assemble the graph model from resolved entities and relations.

    Parameters
    ----------
    entities, relations
        Output of :func:`kg.resolve.resolve`. Relations whose ends are not among the
        entities are dropped.
    articles
        The articles the facts come from, recorded in ``G.graph["articles"]``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes and edges in a deterministic (sorted) insertion order.

    Examples
    --------
    >>> from kg.types import Entity, EntityType
    >>> G = build_graph([Entity("Place/吉林省", EntityType.PLACE, "吉林省")], [])
    >>> G.nodes["Place/吉林省"]["name"]
    '吉林省'
    """
    G = nx.MultiDiGraph()
    G.graph["articles"] = {
        a.id: {
            "document_id": a.document_id,
            "source": a.source,
            "headline": a.headline,
            "start": a.start,
            "end": a.end,
            **_article_meta(a),
        }
        for a in sorted(articles, key=lambda a: a.id)
    }
    for entity in sorted(entities, key=lambda e: e.id):
        G.add_node(
            entity.id,
            type=str(entity.type),
            name=entity.name,
            aliases=sorted(entity.aliases),
            provenance=_sorted_provenance(entity.provenance),
            confidence=_HIGHEST if entity.confidence is None else entity.confidence,
        )
    for rel in sorted(relations, key=lambda r: (r.head, str(r.predicate), r.tail)):
        if rel.head not in G or rel.tail not in G:
            continue
        G.add_edge(
            rel.head,
            rel.tail,
            key=str(rel.predicate),
            predicate=str(rel.predicate),
            role=rel.role,
            amount=rel.amount,
            evidence=_sorted_provenance(rel.evidence),
            confidence=_HIGHEST if rel.confidence is None else rel.confidence,
        )
    return G


def provenance_from_dict(data: Mapping[str, Any]) -> Provenance:
    """A :class:`Provenance` of a node's or an edge's piece of evidence: one of the
    model's own (returned as it is) or a mapping with the same keys (a graph read back
    from RDF or JSON)."""
    return data if isinstance(data, Provenance) else Provenance(**data)


def _article_meta(article: Article) -> dict[str, str | int]:
    """``date`` (ISO), ``publisher``, ``source_name``, ``author``, ``page``: those known."""
    fields = {
        "date": article.date,
        "publisher": article.publisher,
        "source_name": article.source_name,
        "author": article.author,
        "page": article.page,
    }
    return {k: v for k, v in fields.items() if v}


def _sorted_provenance(items: Iterable[Provenance]) -> list[Provenance]:
    return sorted(set(items), key=lambda p: (p.document_id, p.article_id, p.start, p.end))
