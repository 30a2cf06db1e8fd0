"""Trigger-word relations inside one sentence.

* establishes: ORG … 设立/打造/开展/启动 … PROGRAMME
* organizes:   ORG … 主办/承办/举办/召开 … EVENT; ``由 ORG、ORG 主办`` (passive)
* partnerOf:   ORG 与/和/联合/携手 ORG; ``ORG、ORG 联合开展``
* locatedIn:   ``在 PLACE 举行/召开`` (event), ``ORG 位于 PLACE``
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext, relation_data
from kg.nlp.doc import CLAUSE_END, clause_start
from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["extract_triggered"]


def may_establish(subject: Mention, programme: Mention) -> bool:
    """A national programme is established only by a national-level body."""
    data = relation_data()
    if not programme.text.endswith(tuple(data["national_programmes"])):
        return True
    return subject.text.startswith(tuple(data["national_prefixes"]))


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


def extract_triggered(doc: Doc) -> Iterator[RelationMention]:
    """establishes / organizes / partnerOf / locatedIn read from trigger words."""
    ctx = DocContext(doc)
    lex = load_lexicon()
    establish = _alternation(lex.triggers["establishes"])
    organize = _alternation(lex.triggers["organizes"])
    partner = _alternation(lex.triggers["partner"])
    located = _alternation(lex.triggers["located"])
    held = _alternation(lex.triggers["held_in"])
    words = lex.relation_words
    amount_re = re.compile(
        f"(?:{_alternation(words['amount_verbs']).pattern})" + r"[^，,。]{0,6}?([\d.]+余?[万亿]?元)"
    )
    verbs = {
        w.start
        for w in doc._.kg_words or []
        if w.tag in ("v", "vd") or w.text in lex.triggers["establishes"]
    }

    def acted_on(m: Mention) -> bool:
        """A verb comes before ``m`` in its clause (建立|…工会联合会): it is an object."""
        start = ctx.local(m)[0]
        s_start = ctx.sentence_of(start)[0]
        clause = clause_start(ctx.text, start, s_start)
        return any(offset in verbs for offset in range(clause, start))

    data = relation_data()
    referring = re.compile(
        f"(?:{_alternation(tuple(data['event_determiners'])).pattern})"
        f"({_alternation(tuple(sorted(data['event_nouns'], key=len, reverse=True))).pattern})"
    )
    role_noun = re.compile(f"(?:{organize.pattern})(?:单位|方)(?:是|为|包括|有)?[:：]?")
    topic: Mention | None = None
    last_events: list[Mention] = []
    seen_events: list[Mention] = []
    for bounds in ctx.sentences:
        s_start, s_end = bounds
        sentence = ctx.text[s_start:s_end]
        inside = ctx.in_sentence(bounds)
        top = ctx.top_level(inside)
        orgs = [m for m in top if m.label in ORG_TYPES]
        evidence = ctx.evidence(s_start)

        def pos(m: Mention, s_start: int = s_start) -> int:
            return ctx.local(m)[0] - s_start

        def referred(sentence: str = sentence, last: list[Mention] = last_events) -> list[Mention]:
            """本届大赛 / 此次活动: the last event so named, else the last events named."""
            ref = referring.search(sentence)
            if ref is None:
                return list(last)
            noun = ref.group(1)
            named = [e for e in reversed(seen_events) if noun in e.text]
            return named[:1] or list(last)

        # 主办单位是A，承办单位为B、C: the bodies named after each role noun
        role_spans = []
        for r in role_noun.finditer(sentence):
            close = re.search(r"[，,。；;]", sentence[r.end() :])
            stop = r.end() + (close.start() if close else len(sentence) - r.end())
            role_spans.append((r.start(), stop))
            listed = [m for m in orgs if r.end() <= pos(m) < stop]
            events = [m for m in top if m.label == EntityType.EVENT] or referred()
            for subject in listed:
                for event in events:
                    yield RelationMention(
                        subject, RelationType.ORGANIZES, event, evidence, rule="role-noun"
                    )
        # establishes and organizes
        for pattern, predicate, wanted in (
            (establish, RelationType.ESTABLISHES, {EntityType.PROGRAMME}),
            (organize, RelationType.ORGANIZES, {EntityType.EVENT, EntityType.PROGRAMME}),
        ):
            for t in pattern.finditer(sentence):
                if any(a <= t.start() < b for a, b in role_spans):
                    continue
                pool = inside if predicate == RelationType.ESTABLISHES else top
                # 召开贯彻党的二十大精神…会议: a party congress is never what is held here
                pool = [m for m in pool if m.rule != "event-pattern"]
                objects = [m for m in pool if m.label in wanted and pos(m) >= t.end()]
                objects = [
                    m
                    for m in objects
                    if not _other_trigger_between(sentence, t.end(), pos(m), establish, organize)
                ]
                passive = _passive_subjects(sentence, t.start(), orgs, pos)
                if passive:
                    subjects = passive
                    if not objects and predicate == RelationType.ORGANIZES:
                        # 由A主办,B承办的…交流会: the other triggers share the object
                        objects = [
                            m
                            for m in pool
                            if m.label in wanted
                            and pos(m) >= t.end()
                            and not _other_trigger_between(sentence, t.end(), pos(m), establish)
                        ]
                    if not objects:
                        objects = [m for m in top if m.label in wanted and pos(m) < t.start()]
                        if not objects and predicate == RelationType.ORGANIZES:
                            objects = referred()
                else:
                    subjects = _subjects_before(sentence, t.start(), orgs, pos, acted_on)
                    if not subjects and topic is not None and objects:
                        subjects = [topic]
                    if (
                        not objects
                        and predicate == RelationType.ORGANIZES
                        and referring.search(sentence, 0, t.start())
                    ):
                        objects = referred()
                amount = amount_re.search(sentence)
                for subject in subjects:
                    for obj in objects:
                        if predicate == RelationType.ESTABLISHES and not may_establish(
                            subject, obj
                        ):
                            continue
                        yield RelationMention(
                            subject,
                            predicate,
                            obj,
                            evidence,
                            amount=amount.group(1)
                            if amount and predicate == RelationType.ESTABLISHES
                            else None,
                            rule=f"trigger-{predicate.value}",
                        )
        # partnerOf
        for a, b in itertools.pairwise(orgs):
            link = sentence[pos(a) + len(a.text) : pos(b)]
            if link in words["partner_links"]:
                yield RelationMention(a, RelationType.PARTNER_OF, b, evidence, rule="partner-link")
            elif link == "、" and sentence[pos(b) + len(b.text) :].startswith(words["joint_words"]):
                yield RelationMention(a, RelationType.PARTNER_OF, b, evidence, rule="partner-joint")
            elif link and partner.fullmatch(link):
                yield RelationMention(a, RelationType.PARTNER_OF, b, evidence, rule="partner-verb")
        # locatedIn
        events = [m for m in top if m.label == EntityType.EVENT]
        for m in re.finditer(r"在", sentence):
            place = next(
                (p for p in inside if p.label == EntityType.PLACE and pos(p) == m.end()), None
            )
            if place is None:
                continue
            rest = sentence[pos(place) + len(place.text) :]
            if held.match(rest.lstrip("内")) or re.match(r"[^，,。]{0,12}(?:举行|召开)", rest):
                for event in events:
                    yield RelationMention(
                        event, RelationType.LOCATED_IN, place, evidence, rule="held-in"
                    )
        for t in located.finditer(sentence):
            subject = next(
                (
                    m
                    for m in reversed(top)
                    if pos(m) + len(m.text) <= t.start() and m.label != EntityType.PLACE
                ),
                None,
            )
            place = next(
                (p for p in inside if p.label == EntityType.PLACE and pos(p) >= t.end()), None
            )
            while place is not None:
                deeper = next(
                    (p for p in inside if p.label == EntityType.PLACE and p.start == place.end),
                    None,
                )
                if deeper is None:
                    break
                place = deeper
            if subject is not None and place is not None:
                yield RelationMention(
                    subject, RelationType.LOCATED_IN, place, evidence, rule="located-trigger"
                )
        # the acting body for sentences that name none: the last union named (unions
        # are what this news is about), else the first organisation
        unions = [
            m for m in orgs if m.label == EntityType.UNION and not acted_on(m)
        ]  # 在钱塘智慧城探索建立…工会联合会: what is set up does not act next
        if unions:
            topic = unions[0]
        elif topic is None and orgs:
            topic = orgs[0]
        if events:
            last_events = events
            seen_events.extend(events)
        # 陕西省人力资源和社会保障厅“秦云就业”小程序: an organisation's own programme
        for org in orgs:
            end = pos(org) + len(org.text)
            follower = next(
                (m for m in inside if m.label == EntityType.PROGRAMME and pos(m) in (end, end + 1)),
                None,
            )
            if follower is not None and sentence[end : pos(follower)] in ("", "“", "的"):
                yield RelationMention(
                    org, RelationType.ESTABLISHES, follower, evidence, rule="org-programme"
                )


def _subjects_before(
    sentence: str, trigger: int, orgs: list[Mention], pos, acted_on
) -> list[Mention]:
    """The organisation acting before a trigger, with those joined to it by 、/与/和.

    In an earlier clause it must not be a verb's object: in ``放大湖滨…联合工会作为…的
    优势,承办…推进会`` the union is what 放大 acts on, not who 承办.
    """
    before = [m for m in orgs if pos(m) + len(m.text) <= trigger]
    if before and CLAUSE_END.search(sentence, pos(before[-1]), trigger) and acted_on(before[-1]):
        return []
    if not before:
        return []
    group = [before[-1]]
    links = (*load_lexicon().relation_words["subject_links"], *relation_data()["subject_links"])
    for m in reversed(before[:-1]):
        link = sentence[pos(m) + len(m.text) : pos(group[0])]
        if link in links:
            group.insert(0, m)
        else:
            break
    return group


def _passive_subjects(sentence: str, trigger: int, orgs: list[Mention], pos) -> list[Mention]:
    """``由 A、B 主办``: the organisations between 由 and the trigger."""
    by = sentence.rfind("由", 0, trigger)
    if by < 0:
        return []
    between = [m for m in orgs if by < pos(m) and pos(m) + len(m.text) <= trigger]
    if not between:
        return []
    gap = sentence[pos(between[-1]) + len(between[-1].text) : trigger]
    return between if re.fullmatch(r"(?:联合|共同)?", gap) else []


def _other_trigger_between(sentence: str, a: int, b: int, *patterns: re.Pattern[str]) -> bool:
    return any(p.search(sentence, a, b) for p in patterns)
