"""Trigger-word relations inside one sentence.

* establishes: ORG … 设立/打造/开展/启动 … PROGRAMME; ``PROGRAMME是A和B携手共建的``
* organizes:   ORG … 主办/承办/举办/召开 … EVENT; ``由 ORG、ORG 主办`` (passive);
  ``主办单位是A`` (role nouns); ``本届大赛`` / ``此次活动`` refer to the last such event
* partnerOf:   ORG 与/和/联合/携手 ORG; ``A先后与B、C`` (A with each);
  ``A、B和C三方共同建设`` (the first with each)
* locatedIn:   ``在 PLACE 举行/召开`` (event, the deepest place written), ``ORG 位于 PLACE``,
  ``PLACE“PROGRAMME”`` (a place written before a programme)

Word lists beyond the NLP lexicon's triggers are in ``kg/extract/data/relations.yaml``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext, is_medium, relation_data
from kg.nlp.doc import CLAUSE_END, clause_start
from kg.nlp.grow import made_of
from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["extract_triggered"]


def may_establish(subject: Mention, programme: Mention) -> bool:
    """A national programme (产改, 全国…) is established only by a national-level body."""
    data = relation_data()
    names = (programme.text, programme.display_name)  # “一带一路”倡议: quotes inside
    national = any(n.endswith(tuple(data["national_programmes"])) for n in names)
    if not national and not programme.text.startswith(tuple(data["national_names"])):
        return True
    return subject.text.startswith(tuple(data["national_prefixes"]))


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


#: What is set up in a place (``built_in``) and so located there.
_BUILT_TYPES = frozenset(
    {EntityType.PROGRAMME, EntityType.UNION, EntityType.ENTERPRISE, EntityType.ORGANIZATION}
)


#: Between a place and the programme it qualifies (巴隆乡“司机之家”, 火车站的“党员先锋岗”),
#: and between that programme and the next one listed with it (”、“).
_QUALIFIER_GAP = re.compile(r"的?“?")
_LISTED_GAP = re.compile(r"”?[、和及与]“?")


def extract_triggered(doc: Doc) -> Iterator[RelationMention]:
    """establishes / organizes / partnerOf / locatedIn read from trigger words."""
    ctx = DocContext(doc)
    lex = load_lexicon()
    establish = _alternation((*lex.triggers["establishes"], *relation_data()["establish_triggers"]))
    organize = _alternation((*lex.triggers["organizes"], *relation_data()["organize_triggers"]))
    partner = _alternation(lex.triggers["partner"])
    located = _alternation(lex.triggers["located"])
    held = _alternation(lex.triggers["held_in"])
    held_after = re.compile(
        f"[^，,。]{{0,16}}(?:{_alternation(tuple(relation_data()['held_after_words'])).pattern})"
    )
    opened = re.compile(f"(?:正式)?(?:{_alternation(tuple(relation_data()['opened_in'])).pattern})")
    built = re.compile(
        f"[^，,。；;]{{0,6}}?(?:{_alternation(tuple(relation_data()['built_in'])).pattern})"
    )
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
    referring_body = re.compile(r"[该其此]([\u4e00-\u9fff])")
    run_gaps = set(data["run_gaps"])
    list_leads = tuple(data["list_leads"])
    host_roles = tuple(data["host_roles"])
    venue_before = re.compile(
        f"(?:{_alternation(tuple(data['venue_words'])).pattern})[^，,。；;“]{{0,3}}“?$"
    )
    own_gap = re.compile(data["own_programme_gap"])
    # a trigger followed by a word of its own has an object of its own (由A组织全国…合作)
    own_object = re.compile(r"[\u4e00-\u9fff“]")
    said = re.compile(
        f"(?<![据简])(?:{_alternation(lex.speech_verbs).pattern})[{re.escape(data['speech_marks'])}]"
    )
    purpose = tuple(data["purpose_leads"])
    venue_set = re.compile(f"(?:{_alternation(tuple(data['venue_nouns'])).pattern})设在")
    passive_markers = tuple(data["passive_markers"])
    role_breaks = tuple(data["role_noun_breaks"])
    role_tails = _alternation(tuple(data["role_noun_tails"])).pattern
    role_noun = re.compile(f"(?:{organize.pattern})(?:{role_tails})(?:是|为|包括|有)?[:：]?")
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

        def referred(
            sentence: str = sentence, last: list[Mention] = last_events, before: int = s_start
        ) -> list[Mention]:
            """本届大赛 / 此次活动: the last event so named, else the last events named."""
            ref = referring.search(sentence)
            if ref is None:
                return list(last)
            noun = ref.group(1)
            named = [e for e in reversed(seen_events) if noun in e.text]
            headed = [e for e in named if _headed_by(e.display_name, noun)]
            if named and not headed:
                # 此次竞赛 after …劳动竞赛启动仪式: the contest, not its ceremony; the
                # contest named inside the ceremony's name, if it is an entity of its own
                inner = [
                    p
                    for p in ctx.mentions
                    if p.label == EntityType.PROGRAMME
                    and ctx.local(p)[1] <= before
                    and any(p.start >= e.start and p.end <= e.end for e in named)
                    and _headed_by(p.display_name, noun)
                ]
                return inner[-1:]
            return headed[:1] or list(last)

        # 主办单位是A，承办单位为B、C: the bodies named after each role noun
        role_spans = []
        for r in role_noun.finditer(sentence):
            if sentence.startswith(role_breaks, r.end()):
                continue  # 主办方对…快递员进行了表扬: what the hosts act on, not who hosts
            close = re.search(r"[，,。；;]", sentence[r.end() :])
            stop = r.end() + (close.start() if close else len(sentence) - r.end())
            role_spans.append((r.start(), stop))
            listed = [m for m in orgs if r.end() <= pos(m) < stop]
            if not listed and sentence.startswith(list_leads, stop + 1):
                # 主办方共有11家，分别是A、B…: the list in the next clause
                close = re.search(r"[，,。；;]", sentence[stop + 1 :])
                stop = stop + 1 + (close.start() if close else len(sentence) - stop - 1)
                role_spans[-1] = (r.start(), stop)
                listed = [m for m in orgs if r.end() <= pos(m) < stop]
            events = [m for m in top if m.label == EntityType.EVENT] or referred()
            for subject in listed:
                for event in events:
                    yield RelationMention(
                        subject, RelationType.ORGANIZES, event, evidence, rule="role-noun"
                    )
            if r.group(0).startswith(host_roles):
                # co-hosts named together are partners: the first with each
                for other in listed[1:]:
                    yield RelationMention(
                        listed[0], RelationType.PARTNER_OF, other, evidence, rule="co-hosts"
                    )
        # establishes and organizes
        for pattern, predicate, wanted in (
            (establish, RelationType.ESTABLISHES, {EntityType.PROGRAMME}),
            # a programme a body runs is what it establishes; held is an event
            (organize, RelationType.ORGANIZES, {EntityType.EVENT}),
        ):
            for t in pattern.finditer(sentence):
                if any(a <= t.start() < b for a, b in role_spans):
                    continue
                if any(pos(m) <= t.start() and t.end() <= pos(m) + len(m.text) for m in inside):
                    continue  # 深中通道建设工程: the trigger word is inside a name
                if sentence[: t.start()].endswith(passive_markers):
                    continue  # 被授予/被列为: what comes before is acted on, not acting
                if (
                    predicate == RelationType.ESTABLISHES
                    and sentence.startswith(data["make_into"], t.end())
                    and any(
                        marker in sentence[clause_start(sentence, t.start(), 0) : t.start()]
                        for marker in data["disposal_markers"]
                    )
                ):
                    continue  # 把爱心托管班打造成…“温暖之家”: made into a likeness
                pool = inside if predicate == RelationType.ESTABLISHES else top
                # 召开贯彻党的二十大精神…会议: a party congress is never what is held here
                pool = [m for m in pool if m.rule != "event-pattern"]
                objects = [m for m in pool if m.label in wanted and pos(m) >= t.end()]
                objects = [
                    m
                    for m in objects
                    if not _other_trigger_between(sentence, t.end(), pos(m), establish, organize)
                    and (
                        predicate != RelationType.ESTABLISHES
                        or not CLAUSE_END.search(sentence, t.end(), pos(m))
                    )
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
                        # 在工会驿站…举行,活动由A…开展: not the venue the event is held at
                        objects = [
                            m
                            for m in pool
                            if m.label in wanted
                            and pos(m) < t.start()
                            and not venue_before.search(sentence, 0, pos(m))
                        ]
                        if (
                            not objects
                            and predicate == RelationType.ORGANIZES
                            and not own_object.match(sentence, t.end())
                        ):
                            # 活动由A主办,B承办: the last event named; not 由A组织…合作
                            objects = referred()
                else:
                    subjects = _subjects_before(sentence, t.start(), orgs, pos, acted_on)
                    if not subjects and topic is not None and objects:
                        # not for 该行已建起… (another body referred to) nor for a
                        # relative clause (开展心理疏导的心灵驿站)
                        clause = clause_start(sentence, t.start(), 0)
                        ref = referring_body.search(sentence, clause, t.start())
                        if ref is None:
                            objects = [m for m in objects if "的" not in sentence[t.end() : pos(m)]]
                            # nor for what someone says (徐振福表示,开展…) or a purpose
                            # (为今后开展…积累经验): no body is shown doing it
                            if said.search(sentence, 0, t.start()) or sentence.startswith(
                                purpose, clause
                            ):
                                objects = []
                            subjects = [topic] if objects else []
                        else:  # 该行已建起…: the last body named with that head
                            subjects = _referred_body(ctx, ref.group(1), s_start + ref.start())
                    if not objects and subjects and predicate == RelationType.ORGANIZES:
                        # A主办,B承办X: hosts whose clause ends at the trigger share the
                        # object of the next body's organising trigger
                        objects = _next_hosts_object(sentence, t, organize, orgs, pool, wanted, pos)
                    if not objects and subjects:
                        # X是A和B携手共建的 / X在A挂牌: the name before the subject
                        objects = _object_before(sentence, subjects[0], pool, wanted, pos)
                    if (
                        not objects
                        and predicate == RelationType.ORGANIZES
                        and referring.search(sentence, 0, t.start())
                    ):
                        objects = referred()
                if predicate == RelationType.ORGANIZES and not objects:
                    # 共同举办工资集体协商…行动: a programme held right after the verb is
                    # one the bodies set up
                    run = [
                        m
                        for m in inside
                        if m.label == EntityType.PROGRAMME
                        and (
                            sentence[t.end() : pos(m)] in run_gaps
                            if pos(m) >= t.end()
                            # X…由A举办 (a programme before): not one where it is held
                            else not venue_before.search(sentence, 0, pos(m))
                        )
                    ]
                    for subject in subjects:
                        for obj in run[:1]:
                            if may_establish(subject, obj):
                                yield RelationMention(
                                    subject,
                                    RelationType.ESTABLISHES,
                                    obj,
                                    evidence,
                                    rule="trigger-runs",
                                )
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
        yield from _partners(sentence, orgs, pos, evidence, partner, words)
        # locatedIn
        events = [m for m in top if m.label == EntityType.EVENT]
        for m in re.finditer(r"在", sentence):
            place = next(
                (p for p in inside if p.label == EntityType.PLACE and pos(p) == m.end()), None
            )
            if place is None:
                continue
            place = _deepest(place, inside)  # 在江苏省南京市召开 → 南京市
            rest = sentence[pos(place) + len(place.text) :]
            if held.match(rest.lstrip("内")) or held_after.match(rest):
                for event in events:
                    yield RelationMention(
                        event, RelationType.LOCATED_IN, place, evidence, rule="held-in"
                    )
            elif opened.match(rest) and (
                site := _object_before(sentence, place, top, {EntityType.PROGRAMME}, pos, "在")
            ):
                # 首都工匠学院今天在北京…挂牌 / 服务中心在市工人文化宫启用
                for programme in site:
                    yield RelationMention(
                        programme, RelationType.LOCATED_IN, place, evidence, rule="opened-in"
                    )
            elif (found := built.match(rest)) is not None:
                # 在钱塘智慧城探索建立…工会联合会, 在海西州布局建设了10个职工疗休养基地,
                # 在上海挂牌成立了…工会驿站 (nothing named before 在 opened there)
                after = pos(place) + len(place.text) + found.end()
                stop = CLAUSE_END.search(sentence, after)
                clause_end = stop.start() if stop else len(sentence)
                for made in top:
                    if made.label in _BUILT_TYPES and after <= pos(made) < clause_end:
                        yield RelationMention(
                            made, RelationType.LOCATED_IN, place, evidence, rule="built-in"
                        )
        # 建成巴隆乡“司机之家”, 拉萨火车站的“党员先锋岗”、“…基地”: a place written right
        # before a programme's name (and the programmes listed with it)
        programmes = [m for m in top if m.label == EntityType.PROGRAMME]
        for place in (m for m in top if m.label == EntityType.PLACE):
            end, gap_re = pos(place) + len(place.text), _QUALIFIER_GAP
            for programme in programmes:
                if pos(programme) < end:
                    continue
                if not gap_re.fullmatch(sentence[end : pos(programme)]):
                    break
                yield RelationMention(
                    programme, RelationType.LOCATED_IN, place, evidence, rule="place-qualifier"
                )
                end, gap_re = pos(programme) + len(programme.text), _LISTED_GAP
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
            if place is not None:
                place = _deepest(place, inside)
            if subject is not None and place is not None:
                yield RelationMention(
                    subject, RelationType.LOCATED_IN, place, evidence, rule="located-trigger"
                )
        # 会场设在A: the event of the sentence, else the last events named, is held there
        for t in venue_set.finditer(sentence):
            place = next(
                (p for p in inside if p.label == EntityType.PLACE and pos(p) == t.end()), None
            )
            if place is None:
                continue
            place = _deepest(place, inside)
            held_events = [e for e in events if pos(e) < t.start()] or (
                [] if events else last_events
            )
            for event in held_events:
                yield RelationMention(
                    event, RelationType.LOCATED_IN, place, evidence, rule="venue-set"
                )
        # the acting body for sentences that name none: the last union named (unions
        # are what this news is about), else the first organisation
        unions = [
            m for m in orgs if m.label == EntityType.UNION and not acted_on(m)
        ]  # 在钱塘智慧城探索建立…工会联合会: what is set up does not act next
        if unions:
            topic = unions[0]
        elif topic is None:
            topic = next((m for m in orgs if not is_medium(m)), None)
        if events:
            last_events = events
            seen_events.extend(events)
        # 陕西省人力资源和社会保障厅“秦云就业”小程序, 郑州市总工会2024年“五大行动”: an
        # organisation's own programme
        for org in orgs:
            if sentence[: pos(org)].endswith(lex.grant_verbs):
                continue  # 授予鞍山钢铁全国五一劳动奖状: the body receives it
            end = pos(org) + len(org.text)
            follower = next(
                (
                    m
                    for m in inside
                    if m.label == EntityType.PROGRAMME
                    and pos(m) >= end
                    and own_gap.fullmatch(sentence, end, pos(m))
                ),
                None,
            )
            while follower is not None:
                yield RelationMention(
                    org, RelationType.ESTABLISHES, follower, evidence, rule="org-programme"
                )
                # 郑州市总工会2024年“五大行动”“十件实事”: the quoted names chained to it
                end = pos(follower) + len(follower.text)
                follower = next(
                    (
                        m
                        for m in inside
                        if m.label == EntityType.PROGRAMME
                        and pos(m) > end
                        and _QUOTE_CHAIN.fullmatch(sentence, end, pos(m))
                    ),
                    None,
                )


_QUOTE_CHAIN = re.compile("”(?:、|和|及)?“")


def _headed_by(name: str, noun: str) -> bool:
    """An event's name (or a part of it joined by 暨) ends with ``noun``: 此次竞赛 names a
    …竞赛, not a …竞赛启动仪式."""
    return any(part.rstrip('”"').endswith(noun) for part in name.split("暨"))


def _referred_body(ctx: DocContext, noun: str, before: int) -> list[Mention]:
    """The organisation ``该<noun>`` refers to: the last named before ``before`` whose
    name ends with the noun (该行 → 福州农商银行), if any."""
    named = [
        m
        for m in ctx.mentions
        if m.label in ORG_TYPES and ctx.local(m)[1] <= before and m.display_name.endswith(noun)
    ]
    return [max(named, key=lambda m: ctx.local(m)[1])] if named else []


def _deepest(place: Mention, inside: list[Mention]) -> Mention:
    """The last of the places written one after another from ``place`` (江苏省南京市)."""
    while True:
        deeper = next(
            (p for p in inside if p.label == EntityType.PLACE and p.start == place.end), None
        )
        if deeper is None:
            return place
        place = deeper


def _partners(
    sentence: str, orgs: list[Mention], pos, evidence, partner: re.Pattern[str], words: dict
) -> Iterator[RelationMention]:
    """``A与B``, ``A先后与B、C、D`` (A with each), ``A、B和C三方共同建设`` (the first
    with each), ``A签署B``."""
    data = relation_data()
    lead = re.compile(data["partner_lead"])
    joint = re.compile(data["partner_joint"])
    joins = load_lexicon().list_links
    done: set[tuple[int, int]] = set()
    partnered: set[int] = set()  # members of a list already partnered with its lead
    lead_of: dict[int, Mention] = {}  # each such member → the lead it partners

    def between(a: Mention, b: Mention) -> str:
        return sentence[pos(a) + len(a.text) : pos(b)]

    def pair(a: Mention, b: Mention, rule: str) -> Iterator[RelationMention]:
        key = (pos(a), pos(b))
        if key not in done:
            done.add(key)
            yield RelationMention(a, RelationType.PARTNER_OF, b, evidence, rule=rule)

    posts = load_lexicon().posts
    for i, (a, b) in enumerate(itertools.pairwise(orgs)):
        link = between(a, b)
        if link in words["partner_links"] or lead.fullmatch(link):
            tail = sentence[pos(b) + len(b.text) :]
            if tail.startswith("的") and any(tail.startswith(p, 1) for p in posts):
                continue  # 她是A与B的理事长: one person's posts, not a partnership
            if link in joins:
                # A和B: a plain pair unless they act together or sign (A和B共同…/签订)
                after = sentence[pos(b) + len(b.text) :]
                clause = re.split(r"[，,。；;]", after)[0]
                if joint.match(after) or partner.search(clause):
                    yield from pair(a, b, "partner-link")
                continue  # A和B、C: a plain list, not A with each
            yield from pair(a, b, "partner-link")
            j = i + 1
            partnered.add(pos(b))
            lead_of[pos(b)] = a
            while j + 1 < len(orgs) and between(orgs[j], orgs[j + 1]) in joins:
                j += 1
                partnered.add(pos(orgs[j]))
                lead_of[pos(orgs[j])] = a
                yield from pair(a, orgs[j], "partner-list")
        elif link and partner.fullmatch(link):
            yield from pair(a, b, "partner-verb")
    # A推出…,联合B、C / A…并与B、C等14家企业开展合作: the body before, with each
    distant = re.compile(data["partner_distant_lead"])
    with_lead = re.compile(data["partner_with_lead"])
    with_after = re.compile(data["partner_with_after"])
    for j, b in enumerate(orgs):
        if j == 0 or pos(b) in partnered:
            continue
        members, k = [b], j
        while k + 1 < len(orgs) and between(orgs[k], orgs[k + 1]) in joins:
            k += 1
            members.append(orgs[k])
        before = sentence[: pos(b)]
        after = sentence[pos(members[-1]) + len(members[-1].text) :]
        if not (distant.search(before) or (with_lead.search(before) and with_after.match(after))):
            continue
        a = orgs[j - 1]
        if between(a, b) in joins or CLAUSE_END.search(sentence, pos(a), pos(a) + len(a.text)):
            continue
        # A与B、C签署…,并与D、E合作: the lead of the list before, not its last member
        a = lead_of.get(pos(a), a)
        for m in members:
            partnered.add(pos(m))
            yield from pair(a, m, "partner-distant")
    # A、B和C(三方|等单位)共同/联合…: the first with each
    run: list[Mention] = []
    for m in [*orgs, None]:
        if m is not None and (not run or between(run[-1], m) in joins):
            run.append(m)
            continue
        if (
            len(run) >= 2
            and pos(run[0]) not in partnered
            and joint.match(sentence, pos(run[-1]) + len(run[-1].text))
        ):
            for other in run[1:]:
                yield from pair(run[0], other, "partner-joint")
        run = [m] if m is not None else []


def _subjects_before(
    sentence: str, trigger: int, orgs: list[Mention], pos, acted_on
) -> list[Mention]:
    """The organisation acting before a trigger, with those joined to it by 、/与/和.

    In an earlier clause it must not be a verb's object: in ``放大湖滨…联合工会作为…的
    优势,承办…推进会`` the union is what 放大 acts on, not who 承办.
    """
    venue = tuple(relation_data()["venue_words"])
    joins = load_lexicon().list_links
    # 在内蒙古工业大学举行: a body after 在 is where it happens, not who acts; so is one
    # listed with it (在河南省职工医院和郑州市职工文体中心两地同步开展)
    venues: list[Mention] = []
    for m in orgs:
        if sentence[: pos(m)].endswith(venue) or (
            venues and sentence[pos(venues[-1]) + len(venues[-1].text) : pos(m)] in joins
        ):
            venues.append(m)
    # 本报讯(大连新闻传媒集团记者刘湘竹): a medium reports, it acts in nothing it reports
    before = [
        m for m in orgs if pos(m) + len(m.text) <= trigger and m not in venues and not is_medium(m)
    ]
    # 香港工會聯合會(工聯會)與香港海員工會(海員工會)合辦: a short form in brackets after a
    # body's name is that body, and the brackets join nothing
    ends = {pos(m) + len(m.text) for m in before}
    short: dict[int, int] = {}  # the body's end → the end of the brackets after it
    for m in before:
        opened = _short_form_opening().search(sentence, 0, pos(m))
        closes = sentence[pos(m) + len(m.text) : pos(m) + len(m.text) + 1] in ")）"
        if opened and opened.start() in ends and closes:
            short[opened.start()] = pos(m) + len(m.text) + 1
    before = [m for m in before if not any(s < pos(m) < e for s, e in short.items())]
    if before and CLAUSE_END.search(sentence, pos(before[-1]), trigger) and acted_on(before[-1]):
        # A近日携手B,在…举行: B is what 携手 acts on, and acts with A
        joint = re.compile(relation_data()["subject_joint_verbs"])
        if len(before) >= 2 and joint.fullmatch(
            sentence, pos(before[-2]) + len(before[-2].text), pos(before[-1])
        ):
            return before[-2:]
        return []
    if not before:
        return []
    group = [before[-1]]
    links = (*load_lexicon().relation_words["subject_links"], *relation_data()["subject_links"])
    link_re = re.compile(relation_data()["subject_link_pattern"])
    for m in reversed(before[:-1]):
        end = pos(m) + len(m.text)
        link = sentence[short.get(end, end) : pos(group[0])]
        if link in links or link_re.fullmatch(link):
            group.insert(0, m)
        else:
            break
    return group


@cache
def _short_form_opening() -> re.Pattern[str]:
    """An opening bracket (and an abbreviation marker) right before a short form."""
    markers = "|".join(map(re.escape, load_lexicon().abbreviation_markers))
    return re.compile(f"[(（](?:{markers})?$")


def _passive_subjects(sentence: str, trigger: int, orgs: list[Mention], pos) -> list[Mention]:
    """``由 A、B 主办``: the organisations between 由 and the trigger."""
    by = sentence.rfind("由", 0, trigger)
    if by < 0:
        return []
    venue = tuple(relation_data()["venue_words"])
    between = [
        m
        for m in orgs
        if by < pos(m)
        and pos(m) + len(m.text) <= trigger
        and not sentence[: pos(m)].endswith(venue)
    ]
    if not between:
        return []
    gap = sentence[pos(between[-1]) + len(between[-1].text) : trigger]
    return between if re.fullmatch(relation_data()["passive_gap"], gap) else []


def _object_before(
    sentence: str, subject: Mention, pool: list[Mention], wanted: set, pos, extra: str = ""
) -> list[Mention]:
    """The programme or event named just before the acting body and linked to it by
    是/在 in the same clause (黔南工匠学院是…携手共建的; 首都工匠学院今天在…挂牌)."""
    gap = re.compile(relation_data()["object_before_gap"] + re.escape(extra))
    before = [m for m in pool if m.label in wanted and pos(m) + len(m.text) <= pos(subject)]
    if not before:
        return []
    last = max(before, key=lambda m: pos(m) + len(m.text))
    between = sentence[pos(last) + len(last.text) : pos(subject)]
    return [last] if gap.fullmatch(between) else []


def _next_hosts_object(
    sentence: str, trigger: re.Match, organize: re.Pattern[str], orgs, pool, wanted, pos
) -> list[Mention]:
    """The objects right after the next organising trigger when ``trigger`` ends its
    clause and only bodies stand between (兵团总工会主办,第十一师总工会承办“…”启动仪式)."""
    if sentence[trigger.end() : trigger.end() + 1] not in ("，", ",", "、"):
        return []
    following = organize.search(sentence, trigger.end() + 1)
    if following is None:
        return []
    between = sentence[trigger.end() + 1 : following.start()]
    hosts = 0
    for org in sorted(orgs, key=lambda m: -len(m.text)):
        at = pos(org) - trigger.end() - 1
        if at >= 0 and at + len(org.text) <= len(between) and between[at] != " ":
            between = between[:at] + " " * len(org.text) + between[at + len(org.text) :]
            hosts += 1
    lex = load_lexicon()
    if not hosts or not made_of(between.replace(" ", ""), lex.list_links | lex.conjunctions):
        return []  # no body, or more than bodies (and the words listing them) before it
    return [
        m
        for m in pool
        if m.label in wanted
        and pos(m) >= following.end()
        and not organize.search(sentence, following.end(), pos(m))
        and not CLAUSE_END.search(sentence, following.end(), pos(m))
    ]


def _other_trigger_between(sentence: str, a: int, b: int, *patterns: re.Pattern[str]) -> bool:
    return any(p.search(sentence, a, b) for p in patterns)
