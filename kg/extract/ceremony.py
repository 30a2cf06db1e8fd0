"""Programmes launched at an event: the event's organisers set the programme up.

An event named after a programme and a launch word (``劳模工匠进校园行动启动仪式``,
``黔南工匠学院揭牌暨…开班仪式``, ``工资集体协商集中要约行动签约仪式``) is held to start
that programme, so every body that organizes the event establishes the programme.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from kg.extract.context import DocContext, relation_data
from kg.extract.triggers import may_establish
from kg.types import EntityType, RelationMention, RelationType

__all__ = ["launch_relations"]


def launch_relations(doc: Doc, found: Iterable[RelationMention]) -> Iterator[RelationMention]:
    """``establishes`` from each organiser in ``found`` of a launch event to the longest
    programme of the article whose name the event's name writes before a launch word."""
    ctx = DocContext(doc)
    launch = tuple(relation_data()["launch_words"])
    programmes = {}
    for m in ctx.mentions:
        if m.label == EntityType.PROGRAMME and len(m.display_name) >= 2:
            programmes.setdefault(m.display_name, m)
    launched: dict[tuple, list] = {}
    for event in ctx.mentions:
        if event.label != EntityType.EVENT or event.key in launched:
            continue
        # A启动暨B揭牌仪式: each part joined by 暨 may launch a programme of its own
        for part in event.display_name.split("暨"):
            for form in sorted(programmes, key=len, reverse=True):
                at = part.find(form)
                if at >= 0 and part[at + len(form) :].startswith(launch):
                    if programmes[form] not in launched.setdefault(event.key, []):
                        launched[event.key].append(programmes[form])
                    break
    if not launched:
        return
    for rel in list(found):
        if rel.predicate != RelationType.ORGANIZES:
            continue
        for programme in launched.get(rel.tail.key, ()):
            if may_establish(rel.head, programme):
                yield RelationMention(
                    rel.head, RelationType.ESTABLISHES, programme, rel.evidence, rule="launch-event"
                )
