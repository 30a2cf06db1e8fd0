"""Relation extraction: pure functions ``Doc → Iterable[RelationMention]``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.awards import award_relations
from kg.extract.ceremony import launch_relations
from kg.extract.membership import extract_memberships, parse_post_chain
from kg.extract.nesting import extract_nesting
from kg.extract.parts import extract_parts
from kg.extract.topic import topic_relations
from kg.extract.triggers import extract_triggered
from kg.types import RelationMention

__all__ = [
    "EXTRACTORS",
    "award_relations",
    "extract_memberships",
    "extract_nesting",
    "extract_parts",
    "extract_relations",
    "extract_triggered",
    "launch_relations",
    "parse_post_chain",
    "topic_relations",
]

EXTRACTORS = (
    extract_nesting,
    extract_parts,
    extract_memberships,
    extract_triggered,
    award_relations,
)


def extract_relations(doc: Doc) -> Iterator[RelationMention]:
    """Every extractor over one annotated article, duplicates removed (first wins)."""
    seen: set[tuple] = set()
    found: list[RelationMention] = []
    for extractor in EXTRACTORS:
        for rel in extractor(doc):
            key = (rel.head.key, rel.predicate, rel.tail.key, rel.role)
            if rel.head.key == rel.tail.key or key in seen:
                continue
            seen.add(key)
            found.append(rel)
            yield rel
    for rel in launch_relations(doc, found):
        key = (rel.head.key, rel.predicate, rel.tail.key, rel.role)
        if key not in seen:
            seen.add(key)
            found.append(rel)
            yield rel
    for rel in topic_relations(doc, found):
        if rel.head.key != rel.tail.key:
            yield rel
