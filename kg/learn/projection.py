"""Projection of gold onto text: which gold entity each mention of a build names.

Gold files (GUIDELINES.md in the shared gold folder) are bags of facts with no offsets:
an entity is a canonical name plus aliases. To label training examples, every mention
the pipeline found is mapped to the gold entity it names, by these steps (first that
decides wins):

1. the mention's name or surface form equals a gold name or alias, both compared in
   :func:`kg.eval.normalise_name` form after OpenCC t2s (so a traditional spelling in
   the gold or in the text still matches); among several, one of the mention's type;
2. a short form: exactly one gold name ends with the mention (``市总工会`` →
   ``西安市总工会``), the mention at least three characters long;
3. a qualified form: the mention ends with exactly one gold name of at least three
   characters, the longest such (``辖区万事利集团`` → ``万事利集团``).

Mentions that none of these place are left out (they name nothing in the gold).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.eval.gold import GoldDocument, GoldEntity
from kg.eval.score import normalise_name
from kg.ingest.normalize import simplify
from kg.types import Entity, EntityType, Mention

__all__ = ["GoldIndex", "comparable", "project", "project_resolved"]

_MIN_PARTIAL = 3


def comparable(name: str) -> str:
    """The form names are matched in: t2s, then :func:`kg.eval.normalise_name`.

    Examples
    --------
    >>> comparable("「香港工會聯合會」")
    '香港工会联合会'
    """
    return normalise_name(simplify(name))


@dataclass
class GoldIndex:
    """The gold entities of one document by every name they go by.

    Examples
    --------
    >>> from kg.eval import parse_gold
    >>> gold = parse_gold(['{"kind": "entity", "id": "e1", "type": "Union",'
    ...     ' "name": "西安市总工会", "aliases": ["市总"]}'])
    >>> index = GoldIndex.of(gold)
    >>> index.lookup("市总", EntityType.UNION), index.lookup("市总工会", EntityType.UNION)
    ('e1', 'e1')
    """

    entities: dict[str, GoldEntity]
    by_name: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, gold: GoldDocument) -> GoldIndex:
        by_name: dict[str, list[str]] = defaultdict(list)
        for entity in gold.entities:
            for name in entity.names:
                key = comparable(name)
                if key and entity.id not in by_name[key]:
                    by_name[key].append(entity.id)
        return cls({e.id: e for e in gold.entities}, dict(by_name))

    def _pick(self, ids: Iterable[str], label: EntityType | None) -> str | None:
        ids = list(dict.fromkeys(ids))
        if len(ids) == 1:
            return ids[0]
        typed = [i for i in ids if self.entities[i].type == label]
        return typed[0] if len(typed) == 1 else None

    def lookup(self, name: str, label: EntityType | None = None) -> str | None:
        """The gold entity that ``name`` (of type ``label``) names, or None."""
        key = comparable(name)
        if not key:
            return None
        exact = self.by_name.get(key)
        if exact:
            return self._pick(exact, label)
        if len(key) >= _MIN_PARTIAL:
            longer = {i for n, ids in self.by_name.items() if n.endswith(key) for i in ids}
            if longer:
                return self._pick(sorted(longer), label)
            inside = [(len(n), ids) for n, ids in self.by_name.items() if key.endswith(n)]
            inside = [(n, ids) for n, ids in inside if n >= _MIN_PARTIAL]
            if inside:
                best = max(n for n, _ in inside)
                return self._pick(sorted({i for n, ids in inside if n == best for i in ids}), label)
        return None


def project(mentions: Iterable[Mention], gold: GoldDocument | GoldIndex) -> dict[tuple, str]:
    """Mention key → the id of the gold entity it names (mentions naming none left out).

    Parameters
    ----------
    mentions
        The build's mentions (:class:`kg.types.Mention`, simplified text).
    gold
        The document's gold, or its :class:`GoldIndex`.

    Examples
    --------
    >>> from kg.eval import parse_gold
    >>> gold = parse_gold(['{"kind": "entity", "id": "e1", "type": "Union",'
    ...     ' "name": "香港工会联合会", "aliases": ["工联会"]}'])
    >>> m = Mention("工联会", EntityType.UNION, 0, 3, "d#1")
    >>> project([m], gold)
    {('d#1', 0, 3): 'e1'}
    """
    index = gold if isinstance(gold, GoldIndex) else GoldIndex.of(gold)
    out: dict[tuple, str] = {}
    for m in mentions:
        if m.key in out:
            continue
        found = index.lookup(m.display_name, m.label)
        if found is None and m.text != m.display_name:
            found = index.lookup(m.text, m.label)
        if found is not None:
            out[m.key] = found
    return out


def project_resolved(
    entities: Sequence[Entity], mentions: Iterable[Mention], gold: GoldDocument
) -> dict[tuple, str]:
    """Mention key → gold id through the resolver, as the scorer sees the build.

    Each mention goes to the resolved entity that holds it (:class:`kg.types.Entity`
    from :func:`kg.resolve.resolve`), and that entity to the gold entity the scorer's
    one-to-one alignment pairs it with (:mod:`kg.eval.score`); a mention whose entity the
    scorer pairs with nothing names nothing. Mentions no entity holds fall back on
    :func:`project` by name.
    """
    from kg.eval.score import align_entities  # the scorer's own alignment
    from kg.learn.confidence import _entity_of

    entities = sorted(entities, key=lambda e: e.id)
    alignment = align_entities(entities, list(gold.entities), typed=False)
    gold_of = {entities[p].id: gold.entities[g].id for p, g in alignment.items()}
    find = _entity_of(list(entities))
    mentions = list(mentions)
    by_name = project(mentions, gold)
    out: dict[tuple, str] = {}
    for m in mentions:
        entity = find(m)
        if entity is None:
            if m.key in by_name:
                out[m.key] = by_name[m.key]
        elif entity in gold_of:
            out[m.key] = gold_of[entity]
    return out
