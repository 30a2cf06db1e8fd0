"""The article's main actor for programmes and events no trigger gave an owner.

News about unions reports what one body does: a programme or event the article names
without saying who set it up or held it belongs to the organisation the article is
about. These are candidates (rule ``topic-*``) for the decision layer to weigh.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext, relation_data
from kg.extract.triggers import may_establish
from kg.nlp.doc import clause_start
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["main_actor", "topic_relations"]

_OWNED = {
    EntityType.PROGRAMME: RelationType.ESTABLISHES,
    EntityType.EVENT: RelationType.ORGANIZES,
}


def main_actor(mentions: Iterable[Mention]) -> Mention | None:
    """The union named most often (ties: the first named), else the first organisation."""
    mentions = list(mentions)
    unions = [m for m in mentions if m.label == EntityType.UNION]
    pool = unions or [m for m in mentions if m.label in ORG_TYPES]
    if not pool:
        return None
    counts = Counter(m.display_name for m in pool)
    best = max(counts.values())
    return next(m for m in pool if counts[m.display_name] == best)


def topic_relations(doc: Doc, found: Iterable[RelationMention]) -> Iterator[RelationMention]:
    """``establishes`` / ``organizes`` from the main actor to every programme and event
    of the article that no relation in ``found`` gives an owner."""
    ctx = DocContext(doc)
    actor = main_actor(ctx.mentions)
    if actor is None:
        return
    owned = {
        r.tail.display_name
        for r in found
        if r.predicate in (RelationType.ESTABLISHES, RelationType.ORGANIZES)
    }
    verbs = {w.start for w in doc._.kg_words or [] if w.tag in ("v", "vd")}
    visit = re.compile("|".join(map(re.escape, relation_data()["visit_verbs"])))
    founding = tuple(relation_data()["founding_words"])
    done: set[str] = set()
    for m in ctx.mentions:
        predicate = _OWNED.get(m.label)
        name = m.display_name
        if predicate is None or name in owned or name in done or m.rule == "event-pattern":
            continue
        done.add(name)
        if predicate == RelationType.ESTABLISHES and not may_establish(actor, m):
            continue
        if name.startswith(actor.display_name) and name[len(actor.display_name) :].startswith(
            founding
        ):
            continue  # 山东省工匠学院联盟成立仪式: held for the actor, not by it
        bounds = ctx.sentence_of(ctx.local(m)[0])
        start = ctx.local(m)[0]
        clause = clause_start(ctx.text, start, bounds[0])
        if visit.search(ctx.text, clause, start):
            continue  # 察看了职工书屋: a place visited, not one the actor set up
        bodies = [o for o in ctx.in_sentence(bounds) if o.label in ORG_TYPES]
        if bodies and not any(
            o.display_name == actor.display_name and not _acted_on(ctx, o, verbs) for o in bodies
        ):
            continue  # another body acts there, or the actor is what a verb acts on
        evidence = ctx.evidence(ctx.local(m)[0])
        yield RelationMention(actor, predicate, m, evidence, rule=f"topic-{predicate.value}")


def _acted_on(ctx: DocContext, m: Mention, verbs: set[int]) -> bool:
    """A verb comes before ``m`` in its clause (放大|湖滨…联合工会的优势)."""
    start = ctx.local(m)[0]
    clause = clause_start(ctx.text, start, ctx.sentence_of(start)[0])
    return any(offset in verbs for offset in range(clause, start))
