"""Relations implied by resolved names.

A name that starts with a place is located in it, whether the text wrote the place
(``襄阳市总工会``) or resolution supplied it (``市总工会`` in a Hangzhou article →
``杭州市总工会``). Consecutive leading places nest (``湖北省襄阳市`` → 襄阳市 in 湖北省).
A place is never put in another from the division table alone (GUIDELINES: "never from
world knowledge alone"): the table only tells which written level a short form means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from kg.io import load_yaml
from kg.nlp.lexicon import Division, load_lexicon
from kg.types import Entity, EntityType, Relation, RelationType

__all__ = ["division_parent", "may_contain", "written_locations"]


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


def written_locations(entities: Iterable[Entity]) -> Iterator[Relation]:
    """``locatedIn`` from the places a name writes before itself, at every level.

    Examples
    --------
    >>> from kg.types import Entity, EntityType as T
    >>> es = [Entity("Place/江门市", T.PLACE, "江门市"), Entity("Place/新会区", T.PLACE, "新会区"),
    ...       Entity("Union/江门市新会区总工会", T.UNION, "江门市新会区总工会")]
    >>> sorted((r.head, r.tail) for r in written_locations(es))  # doctest: +NORMALIZE_WHITESPACE
    [('Place/新会区', 'Place/江门市'), ('Union/江门市新会区总工会', 'Place/新会区'),
     ('Union/江门市新会区总工会', 'Place/江门市')]
    """
    entities = list(entities)
    places = {e.name: e for e in entities if e.type == EntityType.PLACE}
    for alias_owner in [e for e in entities if e.type == EntityType.PLACE]:
        for alias in alias_owner.aliases:
            places.setdefault(alias, alias_owner)
    for place in [e for e in entities if e.type == EntityType.PLACE]:
        stem = division_short_form(place.name)
        if stem is not None and not place.name.endswith(_zones()):  # 天门经济开发 is no name
            places.setdefault(stem, place)
    for entity in entities:
        if entity.type == EntityType.PERSON:
            continue
        evidence = entity.provenance[:1]
        done: set[tuple[str, str]] = set()
        # every level each written form names: 江门市新会区总工会 → 新会区 and → 江门市
        own = frozenset({entity.id})
        for written in (entity.name, *entity.aliases):
            chain = _leading_places(written, places, own)
            # 渝中江北两区总工会: places taken together, neither in the other
            apart = load_lexicon().collective_place_re.search(written) is not None
            if entity.type == EntityType.PLACE and chain and chain[-1].id == entity.id:
                chain = [*chain[:-1], entity]
            else:
                chain = [*chain, entity]
            for i, inner in enumerate(chain):
                for outer in chain[:i]:
                    pair = (inner.id, outer.id)
                    if outer.id == inner.id or pair in done:
                        continue
                    if inner is not entity and (outer is not chain[i - 1] or apart):
                        continue  # place → place only as written next to each other
                    done.add(pair)
                    yield Relation(inner.id, RelationType.LOCATED_IN, outer.id, evidence)
        # 中央人民政府驻港联络办公室: a body stationed in a place the document names
        if entity.type in _BODY_TYPES:
            for short, full in _stationed_forms().items():
                place = places.get(full)
                if place is not None and short in entity.name and (entity.id, place.id) not in done:
                    done.add((entity.id, place.id))
                    yield Relation(entity.id, RelationType.LOCATED_IN, place.id, evidence)


_BODY_TYPES = frozenset(
    {EntityType.UNION, EntityType.ENTERPRISE, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
)


@cache
def _stationed_forms() -> dict[str, str]:
    path = resources.files("kg.resolve") / "data" / "qualifiers.yaml"
    return dict(load_yaml(path.read_text(encoding="utf-8"))["stationed_forms"])


@cache
def _zones() -> tuple[str, ...]:
    path = resources.files("kg.resolve") / "data" / "qualifiers.yaml"
    return tuple(load_yaml(path.read_text(encoding="utf-8"))["zone_endings"])


@cache
def _generic_venues() -> tuple[str, ...]:
    """Venues of a kind every place has (工人文化宫, 图书馆): ``generic_venues``."""
    path = resources.files("kg.resolve") / "data" / "qualifiers.yaml"
    return tuple(load_yaml(path.read_text(encoding="utf-8"))["generic_venues"])


@cache
def _short_form_pattern() -> re.Pattern[str]:
    path = resources.files("kg.resolve") / "data" / "qualifiers.yaml"
    levels = load_yaml(path.read_text(encoding="utf-8"))["short_form_levels"]
    ending = "|".join(map(re.escape, sorted(levels, key=len, reverse=True)))
    return re.compile(f"(.{{2,}}?)(?:[\\u4e00-\\u9fff]{{1,3}}族)*(?:{ending})")


def division_short_form(name: str) -> str | None:
    """A division's name without its level word, or None when too short to stand alone.

    Examples
    --------
    >>> division_short_form("云南省"), division_short_form("玉树藏族自治州")
    ('云南', '玉树')
    >>> division_short_form("黔南布依族苗族自治州"), division_short_form("和县") is None
    ('黔南', True)
    """
    match = _short_form_pattern().fullmatch(name)
    return match.group(1) if match else None


def may_contain(outer: str, inner: str, chain: Iterable[str] = ()) -> bool:
    """False if the division tables rule out ``inner`` lying in ``outer`` when a name
    writes ``inner`` right after ``outer``: two divisions of one level (广东省|广西商会), or
    ``inner`` above ``outer`` or above a place written before it (梧栖区|台中港酒店).

    Examples
    --------
    >>> may_contain("湖北省", "襄阳市"), may_contain("广东省", "广西壮族自治区")
    (True, False)
    """
    divisions = load_lexicon().divisions
    first, second = divisions.get(outer), divisions.get(inner)
    if first is not None and second is not None and first.level == second.level:
        return False
    return not any(division_parent(p, {inner}) == inner for p in (*chain, outer))


def _leading_places(
    name: str, places: dict[str, Entity], exclude: frozenset[str] = frozenset()
) -> list[Entity]:
    """The places ``name`` starts with, outermost first (湖北省襄阳市总工会 → 湖北省, 襄阳市),
    and, for a zone (``zone_endings``), the places its own name starts with
    (天门经济开发区总工会 → 天门市, 天门经济开发区); a place never counts as a leading
    place of itself (``exclude``)."""
    chain: list[Entity] = []
    rest = name
    while True:
        # the longest place ``rest`` starts with, shorter than ``rest``
        head = next((rest[:n] for n in range(len(rest) - 1, 0, -1) if rest[:n] in places), None)
        if head is None or places[head].id in exclude:
            return chain
        place = places[head]
        level = rest[len(head) :]
        if level in load_lexicon().place_suffixes and not level.endswith(_zones()):
            # 张家村|街道: the place is the stem of the name, not a level of it (a zone
            # named after its place lies in it: 福州|新区)
            return chain
        if chain and not may_contain(chain[-1].name, place.name, [p.name for p in chain[:-1]]):
            return chain
        if not chain and place.name.endswith(_zones()):
            # a zone named after its place (天门经济开发区): that place leads too
            inner = _leading_places(place.name, places, exclude | {place.id})
            chain.extend(p for p in inner if p not in chain)
        if place not in chain:
            chain.append(place)
        rest = rest[len(head) :]
