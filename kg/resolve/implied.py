"""Relations implied by resolved names.

A name that starts with a place is located in it, whether the text wrote the place
(``襄阳市总工会``) or resolution supplied it (``市总工会`` in a Hangzhou article →
``杭州市总工会``). Consecutive leading places nest (``湖北省襄阳市`` → 襄阳市 in 湖北省).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from kg.nlp.lexicon import Division, load_lexicon
from kg.types import Entity, EntityType, Relation, RelationType

__all__ = ["division_parent", "implied_locations"]


def division_parent(
    name: str, mentioned: set[str], divisions: dict[str, Division] | None = None
) -> str | None:
    """The nearest administrative ancestor of ``name`` that is among ``mentioned``.

    Examples
    --------
    >>> division_parent("雅江县", {"四川省", "广元市"})
    '四川省'
    >>> division_parent("抚远市", {"黑龙江省", "佳木斯市"})
    '佳木斯市'
    >>> division_parent("抚远市", {"上海市"}) is None
    True
    """
    divisions = load_lexicon().divisions if divisions is None else divisions
    seen = {name}
    division = divisions.get(name)
    while division is not None and division.parent is not None:
        if division.parent in mentioned:
            return division.parent
        if division.parent in seen:
            return None
        seen.add(division.parent)
        division = divisions.get(division.parent)
    return None


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
    for place in list(places.values()):
        # 上城区 → 杭州市: geography, when one article names both
        articles = {p.article_id for p in place.provenance}
        near = {n for n, e in places.items() if articles & {p.article_id for p in e.provenance}}
        parent = division_parent(place.name, near)
        if parent is not None:
            evidence = place.provenance[:1]
            yield Relation(place.id, RelationType.LOCATED_IN, places[parent].id, evidence)
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
