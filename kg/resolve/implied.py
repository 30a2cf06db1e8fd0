"""Relations implied by resolved names.

A name that starts with a place is located in it, whether the text wrote the place
(``襄阳市总工会``) or resolution supplied it (``市总工会`` in a Hangzhou article →
``杭州市总工会``). Consecutive leading places nest (``湖北省襄阳市`` → 襄阳市 in 湖北省).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from kg.types import Entity, EntityType, Relation, RelationType

__all__ = ["implied_locations"]


def implied_locations(entities: Iterable[Entity]) -> Iterator[Relation]:
    """``locatedIn`` for every entity whose canonical name begins with known places.

    Examples
    --------
    >>> from kg.types import Entity, EntityType as T
    >>> city = Entity("Place/杭州市", T.PLACE, "杭州市")
    >>> es = [city, Entity("Union/杭州市总工会", T.UNION, "杭州市总工会")]
    >>> [(r.head, r.tail) for r in implied_locations(es)]
    [('Union/杭州市总工会', 'Place/杭州市')]
    """
    entities = list(entities)
    places = {e.name: e for e in entities if e.type == EntityType.PLACE}
    for alias_owner in [e for e in entities if e.type == EntityType.PLACE]:
        for alias in alias_owner.aliases:
            places.setdefault(alias, alias_owner)
    by_length = sorted(places, key=lambda n: (-len(n), n))
    for entity in entities:
        if entity.type == EntityType.PERSON:
            continue
        chain, rest = [], entity.name
        while True:
            head = next((p for p in by_length if rest.startswith(p) and len(rest) > len(p)), None)
            if head is None:
                break
            chain.append(places[head])
            rest = rest[len(head) :]
        if not chain:
            continue
        evidence = entity.provenance[:1]
        if chain[-1].id != entity.id:
            yield Relation(entity.id, RelationType.LOCATED_IN, chain[-1].id, evidence)
        for outer, inner in itertools.pairwise(chain):
            if outer.id != inner.id:
                yield Relation(inner.id, RelationType.LOCATED_IN, outer.id, evidence)
