"""Awards and honorary titles: who confers one establishes it.

``中华全国总工会授予A全国五一劳动奖状``, ``受到中华全国总工会表彰:A获全国五一劳动奖状,
B获全国五一劳动奖章``, ``辽宁省政府此次表彰的省劳动模范中…他们被授予辽宁省劳动模范称号``:
the body written right before an award verb confers every award programme (a name with
an award head: 奖章, 先锋号, 劳动模范…) named after the verb in its sentence, across
clauses, and in the following sentences of its paragraph that name no award verb of
their own. The body must not receive (a receiving word between it and the verb).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext, relation_data
from kg.extract.triggers import may_establish
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["award_relations", "is_award"]


def is_award(name: str) -> bool:
    """A programme named as an award or honorary title (…劳动奖章, …先锋号)."""
    return name.endswith(tuple(relation_data()["award_heads"]))


def award_relations(doc: Doc) -> Iterator[RelationMention]:
    """``establishes`` from an awarding body to the awards it confers (module doc)."""
    data = relation_data()
    verbs = re.compile("|".join(map(re.escape, data["award_verbs"])))
    gap = re.compile(data["award_gap"])
    ctx = DocContext(doc)
    awarder: Mention | None = None
    last_start = 0
    for bounds in ctx.sentences:
        s_start, s_end = bounds
        if _new_paragraph(ctx.text, last_start, s_start, s_end):
            awarder = None  # an awarding body holds only in its own paragraph
        last_start = s_start
        inside = ctx.in_sentence(bounds)
        orgs = [m for m in ctx.top_level(inside) if m.label in ORG_TYPES]
        awards = [m for m in inside if m.label == EntityType.PROGRAMME and is_award(m.display_name)]
        start, has_verb, conferred = s_start, False, None
        for t in verbs.finditer(ctx.text, s_start, s_end):
            has_verb = True
            before = [m for m in orgs if ctx.local(m)[1] <= t.start()]
            body = max(before, key=lambda m: ctx.local(m)[1]) if before else None
            if body is not None and gap.fullmatch(ctx.text, ctx.local(body)[1], t.start()):
                conferred, start = body, t.end()
                break
        if has_verb:
            awarder = conferred  # a sentence with its own award verb: its body or none
        if awarder is None:
            continue
        for award in awards:
            if ctx.local(award)[0] >= start and may_establish(awarder, award):
                yield RelationMention(
                    awarder,
                    RelationType.ESTABLISHES,
                    award,
                    ctx.evidence(ctx.local(award)[0]),
                    rule="award",
                )


def _new_paragraph(text: str, last_start: int, start: int, end: int) -> bool:
    """A line break ends the sentence before ``start`` or begins the one there."""
    before = text[last_start:start]
    sentence = text[start:end]
    return (
        "\n" in before[len(before.rstrip()) :]
        or "\n" in sentence[: len(sentence) - len(sentence.lstrip())]
    )
