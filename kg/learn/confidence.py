"""``kg:confidence`` of every entity and relation, and the ``--min-confidence`` filter.

A mention's confidence is the trained model's probability where the model scored it
(:attr:`kg.types.Mention.confidence`), else its rule's prior (``data/priors.yaml``). An
entity or a relation found several times is as certain as a noisy-or of its mentions:
``1 − Π(1 − cᵢ)``. Relations implied by a name's place chain get the ``implied`` prior.

Values are rounded to two decimals and kept within 0.01–0.99 (an extraction is never
certain, nor certainly wrong): so every value has one lexical form, ``0.5``, ``0.85``,
that rdflib writes and reads, and Oxigraph stores, unchanged (``1`` would be written
``1.0`` by rdflib and stored as ``1`` by Oxigraph), and the Turtle export and the store
hold the very same literal.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from kg.io import load_yaml
from kg.types import Entity, Mention, Relation, RelationMention, RelationType

__all__ = [
    "HIGHEST",
    "LOWEST",
    "attach_confidence",
    "combine",
    "confidence_lexical",
    "filter_by_confidence",
    "load_priors",
    "mention_confidence",
    "relation_mention_confidence",
]


@cache
def load_priors() -> dict[str, Any]:
    """The rule priors shipped in ``kg/learn/data/priors.yaml``."""
    path = resources.files("kg.learn") / "data" / "priors.yaml"
    return load_yaml(path.read_text(encoding="utf-8"))


#: the bounds of every confidence (see the module docstring)
LOWEST, HIGHEST = 0.01, 0.99


def _round(value: float) -> float:
    return min(HIGHEST, max(LOWEST, round(float(value), 2)))


def confidence_lexical(value: float) -> str:
    """The canonical ``xsd:decimal`` form of a confidence, rounded to two decimals.

    Examples
    --------
    >>> [confidence_lexical(v) for v in (0.5, 0.854, 1.0, 0.0, 0.1)]
    ['0.5', '0.85', '0.99', '0.01', '0.1']
    """
    text = format(Decimal(repr(_round(value))).normalize(), "f")
    return text


def mention_confidence(mention: Mention, priors: dict[str, Any] | None = None) -> float:
    """The model's probability of ``mention``, else its rule's prior."""
    if mention.confidence is not None:
        return mention.confidence
    priors = priors or load_priors()
    return float(priors["entities"].get(mention.rule, priors["entity_default"]))


def relation_mention_confidence(
    rel: RelationMention, priors: dict[str, Any] | None = None
) -> float:
    """The model's probability of ``rel``, else its rule's prior."""
    if rel.confidence is not None:
        return rel.confidence
    priors = priors or load_priors()
    return float(priors["relations"].get(rel.rule, priors["relation_default"]))


def combine(values: Iterable[float]) -> float:
    """Noisy-or of independent findings, rounded: ``1 − Π(1 − cᵢ)``.

    Examples
    --------
    >>> combine([0.5, 0.5]), combine([0.9]), combine([0.9, 0.9, 0.9])
    (0.75, 0.9, 0.99)
    """
    doubt = 1.0
    for value in values:
        doubt *= 1.0 - min(1.0, max(0.0, value))
    return _round(1.0 - doubt)


def _entity_of(entities: list[Entity]):
    """mention → entity id: the entity that has the mention's surface as name or alias
    and a provenance sentence around the mention."""
    by_surface: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        for surface in {entity.name, *entity.aliases}:
            by_surface[surface].append(entity)
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        for p in entity.provenance:
            spans[(entity.id, p.article_id)].append((p.start, p.end))

    def find(m: Mention) -> str | None:
        for surface in (m.text, m.display_name):
            for entity in by_surface.get(surface, ()):
                for start, end in spans.get((entity.id, m.article_id), ()):
                    if start <= m.start < end:
                        return entity.id
        return None

    return find


def attach_confidence(
    entities: list[Entity],
    relations: list[Relation],
    mentions: Iterable[Mention],
    relation_mentions: Iterable[RelationMention],
    priors: dict[str, Any] | None = None,
) -> tuple[list[Entity], list[Relation]]:
    """Entities and relations (same order) with ``confidence`` set.

    Parameters
    ----------
    entities, relations
        The resolver's output (:func:`kg.resolve.resolve`).
    mentions, relation_mentions
        What they were resolved from.
    priors
        Rule priors (default: the shipped ones, :func:`load_priors`).

    Examples
    --------
    >>> from kg.types import EntityType, Provenance
    >>> p = Provenance("d", "d#1", "西安市总工会召开会议。", 0, 11)
    >>> e = Entity("Union/西安市总工会", EntityType.UNION, "西安市总工会", (), (p,))
    >>> m = Mention("西安市总工会", EntityType.UNION, 0, 6, "d#1", confidence=0.8)
    >>> attach_confidence([e], [], [m, m], [])[0][0].confidence
    0.96
    """
    priors = priors or load_priors()
    find = _entity_of(entities)
    found: dict[tuple[str, int, int], str | None] = {}
    entity_votes: dict[str, list[float]] = defaultdict(list)
    for m in mentions:
        entity_id = found.setdefault(m.key, find(m))
        if entity_id is not None:
            entity_votes[entity_id].append(mention_confidence(m, priors))
    relation_votes: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for rel in relation_mentions:
        head = found.get(rel.head.key) or find(rel.head)
        tail = found.get(rel.tail.key) or find(rel.tail)
        if head is None or tail is None:
            continue
        if rel.predicate == RelationType.PARTNER_OF and tail < head:
            head, tail = tail, head
        relation_votes[(head, str(rel.predicate), tail)].append(
            relation_mention_confidence(rel, priors)
        )
    default = float(priors["entity_default"])
    implied = float(priors["implied"])
    out_entities = [
        dataclasses.replace(e, confidence=combine(entity_votes.get(e.id) or [default]))
        for e in entities
    ]
    out_relations = [
        dataclasses.replace(
            r,
            confidence=combine(relation_votes.get((r.head, str(r.predicate), r.tail)) or [implied]),
        )
        for r in relations
    ]
    return out_entities, out_relations


def filter_by_confidence(
    entities: Iterable[Entity], relations: Iterable[Relation], threshold: float
) -> tuple[list[Entity], list[Relation]]:
    """The entities and relations whose confidence is at least ``threshold``; relations
    keep both ends. Facts without a confidence are kept.

    Examples
    --------
    >>> from kg.types import EntityType
    >>> es = [Entity("Place/甲", EntityType.PLACE, "甲", confidence=0.4),
    ...       Entity("Place/乙", EntityType.PLACE, "乙", confidence=0.9)]
    >>> [e.name for e in filter_by_confidence(es, [], 0.5)[0]]
    ['乙']
    """
    kept = [e for e in entities if e.confidence is None or e.confidence >= threshold]
    ids = {e.id for e in kept}
    kept_relations = [
        r
        for r in relations
        if r.head in ids and r.tail in ids and (r.confidence is None or r.confidence >= threshold)
    ]
    return kept, kept_relations
