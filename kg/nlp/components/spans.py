"""``kg_spans``: settle the candidates into ``doc.spans["kg"]``.

Nested spans are kept (``西安市`` inside ``西安市总工会``; ``中建安装苏杭公司`` inside
``中建安装苏杭公司工会``): they are entities too and give ``locatedIn`` and
``subOrganizationOf``. Crossing spans and same-extent duplicates are settled by priority,
then length, then position.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.automaton import Phrases
from kg.nlp.doc import (
    SPAN_KEY,
    Candidate,
    Word,
    doc_text,
    register_extensions,
    split_tokens_at,
    word_index_at,
)
from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType

__all__ = ["SpanSettler", "settle", "through_places"]


def settle(
    candidates: list[Candidate],
    ceremony_verbs: tuple[str, ...] = (),
    unit_heads: tuple[str, ...] = (),
) -> list[Candidate]:
    """Pick a consistent set: no two spans cross; one label per extent.

    Examples
    --------
    >>> from kg.types import EntityType as T
    >>> a = Candidate(0, 6, T.UNION, "西安市总工会", "org", 30)
    >>> b = Candidate(0, 3, T.PLACE, "西安市", "ns", 20)
    >>> [c.name for c in settle([a, b])]
    ['西安市总工会', '西安市']
    """
    by_extent: dict[tuple[int, int], Candidate] = {}
    for c in candidates:
        if c.end <= c.start:
            continue
        key = (c.start, c.end)
        best = by_extent.get(key)
        if best is None or (c.priority, len(c.name)) > (best.priority, len(best.name)):
            by_extent[key] = c
    ordered = sorted(by_extent.values(), key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    kept: list[Candidate] = []
    covering: dict[int, list[Candidate]] = {}  # char offset -> the kept spans over it
    for c in ordered:
        # each test below is about a kept span that overlaps c, so only those are read
        near = [k for at in range(c.start, c.end) for k in covering.get(at, ())]
        if any(_cross(c, k) for k in near):
            continue
        if c.label == EntityType.PERSON and any(
            _inside(c, k) and k.label == EntityType.PERSON for k in near
        ):
            continue  # 梅森 inside 易梅森
        if c.label == EntityType.PROGRAMME and any(
            _inside(c, k)
            and (
                k.end == c.end
                or (k.label == EntityType.EVENT and not _ceremony_object(c, k, ceremony_verbs))
            )
            for k in near
        ):
            continue  # 工匠学院 ending 吉林工匠学院; a programme named inside an event name
        if c.label == EntityType.PROGRAMME and any(
            _inside(c, k) and k.start == c.start and k.label in _ORGS for k in near
        ):
            continue  # 山东省工匠学院|联盟: the opening of a body's name, not the programme
        if any(_same_thing(c, k) for k in near):
            continue  # …启动仪式 inside …启动仪式暨首场报告会; 集团 inside 集团(集团)有限公司
        kept.append(c)
        for at in range(c.start, c.end):
            covering.setdefault(at, []).append(c)
    # 海川 inside 陕西海川医药有限公司 goes; 临安区 and 玲珑街道 leading 临安区玲珑街道总工会 stay
    kept = [c for c in kept if c.label != EntityType.PLACE or _qualifies(c, kept)]
    if unit_heads:
        kept = _without_inner_units(kept, unit_heads)
    return sorted(kept, key=lambda c: (c.start, -(c.end - c.start)))


_ORGS = frozenset(
    {EntityType.UNION, EntityType.ENTERPRISE, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
)


def _without_inner_units(kept: list[Candidate], unit_heads: tuple[str, ...]) -> list[Candidate]:
    """Drop a unit written only inside a longer body's name, between its body and the
    unit that name is for (鞍钢股份|能源管控中心|发电分厂|汽机作业区|电动鼓风机班: the centre,
    the plant and the area are not named on their own, so they are no entities); a unit
    the article also writes on its own, or one whose union is named, stays."""
    bodies = [c for c in kept if c.label in _ORGS]
    standing = {
        c.name for c in bodies if not any(_inside(c, o) and o.start == c.start for o in bodies)
    }

    def inner(c: Candidate) -> bool:
        if c.label not in _ORGS or c.name in standing or not c.name.endswith(unit_heads):
            return False
        outers = [o for o in bodies if _inside(c, o) and o.start == c.start]
        if not outers or any(o.name[len(c.name) :].startswith("工会") for o in outers):
            return False  # …拉萨办事处|工会: the union of the unit names the unit
        # a body before it in the same name: it lies between that body and the unit
        return any(b.start == c.start and b.end < c.end for b in bodies if _inside(b, c))

    return [c for c in kept if not inner(c)]


_COMPANY_FORM = re.compile(r"^([(（][^)）]{1,6}[)）])?(股份)?(有限)?(责任)?公司$")


def _same_thing(inner: Candidate, outer: Candidate) -> bool:
    """A shorter name at the start of a longer one of the same type that names the same
    thing (events, programmes, places, or a company and its legal form)."""
    if not _inside(inner, outer) or inner.label != outer.label:
        return False
    if inner.label in (EntityType.EVENT, EntityType.PROGRAMME):
        # also a quoted name opening the longer one: “送教上门”产业工人提素专项行动
        return inner.start == outer.start or (
            inner.start == outer.start + 1 and outer.name.startswith(inner.name)
        )
    if inner.start != outer.start:
        return False
    return bool(_COMPANY_FORM.match(outer.name[len(inner.name) :]))


def _ceremony_object(programme: Candidate, event: Candidate, verbs: tuple[str, ...]) -> bool:
    """True if the event is a ceremony for the programme named in it: the programme is
    written right before a ceremony verb (黔南工匠学院|揭牌暨…开班仪式)."""
    name = event.name
    # names drop their quotes: find the programme's name in the event's (免费“两癌”筛查活动)
    at = name.find(programme.name, max(0, programme.start - event.start - 4))
    if at >= 0:
        offset = at + len(programme.name)
    else:
        # the event's name starts inside the programme's, at its last place (山东省|滨州市
        # 职工健康服务中心启动仪式): the part of the programme's name the event's keeps
        kept = _kept_tail(programme.name, name)
        offset = kept if kept else programme.end - event.start
    return offset < len(name) and name.startswith(verbs, offset)


def _kept_tail(inner: str, outer: str) -> int:
    """Length of the longest proper end of ``inner`` (two characters or more) that
    ``outer`` opens with, or 0."""
    return next(
        (len(inner) - i for i in range(1, len(inner) - 1) if outer.startswith(inner[i:])), 0
    )


def _inside(a: Candidate, b: Candidate) -> bool:
    return b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _qualifies(place: Candidate, kept: list[Candidate]) -> bool:
    """A place nested in a longer name counts only as its leading qualifier
    (湖北省襄阳市总工会 → 湖北省, 襄阳市), not from the middle of a name."""
    for outer in kept:
        if not _inside(place, outer) or outer.label == EntityType.PLACE:
            continue
        if outer.label == EntityType.PERSON:
            return False
        if place.rule == "gazetteer":
            continue  # a known division anywhere in a name qualifies it (国网石家庄供电公司)
        cursor = outer.start
        while cursor < place.start:
            step = next(
                (
                    k
                    for k in kept
                    if k.label == EntityType.PLACE and k.start == cursor and k.end <= place.start
                ),
                None,
            )
            if step is None:
                return False
            cursor = step.end
    return True


def _cross(a: Candidate, b: Candidate) -> bool:
    overlap = a.start < b.end and b.start < a.end
    nested = (a.start >= b.start and a.end <= b.end) or (b.start >= a.start and b.end <= a.end)
    return overlap and not nested


def through_places(candidates: list[Candidate], levels: tuple[str, ...]) -> list[Candidate]:
    """Names that start on the level word of a lower-level place (社区工会驿站 after
    新立社区) taken back to the place's start, and over the lower-level places written
    right before it (覃家岗街道新立社区工会驿站): the name the text writes, which
    otherwise crosses the place and drops it.

    Examples
    --------
    >>> from kg.types import EntityType as T
    >>> cs = [Candidate(0, 5, T.PLACE, "覃家岗街道", "split", 20),
    ...       Candidate(5, 9, T.PLACE, "新立社区", "chain", 20),
    ...       Candidate(7, 13, T.PROGRAMME, "社区工会驿站", "head", 40)]
    >>> [c.name for c in through_places(cs, ("街道", "社区"))]
    ['覃家岗街道', '新立社区', '覃家岗街道新立社区工会驿站']
    """
    places = [c for c in candidates if c.label == EntityType.PLACE and c.name.endswith(levels)]
    out = []
    for c in candidates:
        crossed = next(
            (
                p
                for p in places
                if p.start < c.start < p.end < c.end
                and p.name[c.start - p.start :] in levels
                and len(p.name) == p.end - p.start
            ),
            None,
        )
        if c.label == EntityType.PLACE or c.label == EntityType.PERSON or crossed is None:
            out.append(c)
            continue
        start, name = crossed.start, crossed.name[: c.start - crossed.start] + c.name
        while (
            before := next(
                (p for p in places if p.end == start and len(p.name) == p.end - p.start), None
            )
        ) is not None:
            start, name = before.start, before.name + name
        out.append(Candidate(start, c.end, c.label, name, c.rule, c.priority))
    return out


def repeats(
    kept: list[Candidate], text: str, words: list[Word], types: frozenset[EntityType]
) -> list[Candidate]:
    """Other uses of a name the text has already given as an entity (one sense per
    document): 中通 named in a list of 快递企业 is the same company when a later clause
    starts with it. A use counts where a word starts and ends, or where only one more
    character is joined to its last word by the segmenter (申|通则在: 申通|则); it may open a
    longer body's name (中通|工会), never sit elsewhere inside a span."""
    names = {
        c.name: c.label
        for c in kept
        if c.label in types and len(c.name) >= 2 and text[c.start : c.end] == c.name
    }
    if not names:
        return []
    starts = {w.start for w in words}
    ends = {w.end for w in words}
    taken = {(c.start, c.end) for c in kept}
    found = []
    uses = sorted((m.span(), m.group()) for m in Phrases(names).overlapping(text))
    for (start, end), name in uses:
        if (start, end) in taken or start not in starts:
            continue
        opens = [k for k in kept if k.start == start and k.end > end and k.label in _ORGS]
        if not opens and end not in ends and words[word_index_at(words, end)].end - end > 1:
            continue
        if any(k.start < end and start < k.end and k not in opens for k in kept):
            continue
        found.append(Candidate(start, end, names[name], name, "repeat", 5))
    return found


class SpanSettler:
    def __init__(self, repeated_types: frozenset[EntityType] = frozenset()) -> None:
        register_extensions()
        self.repeated_types = repeated_types
        lex = load_lexicon()
        self.ceremony_verbs = lex.ceremony_verbs
        self.levels = lex.lower_place_suffixes
        from kg.extract.context import relation_data  # the nesting rule's unit heads

        self.unit_heads = tuple(relation_data()["dependent_unit_heads"])

    def __call__(self, doc: Doc) -> Doc:
        candidates = through_places(doc._.kg_candidates or [], self.levels)
        kept = settle(candidates, self.ceremony_verbs, self.unit_heads)
        again = repeats(kept, doc_text(doc), doc._.kg_words or [], self.repeated_types)
        if again:
            kept = settle(candidates + again, self.ceremony_verbs, self.unit_heads)
        split_tokens_at(doc, {c.start for c in kept} | {c.end for c in kept})
        spans = []
        for c in kept:
            span = doc.char_span(c.start, c.end, label=str(c.label))
            if span is None:
                continue
            span._.kg_name = c.name
            span._.kg_rule = c.rule
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory(
    "kg_spans",
    default_config={"repeated_types": ["Union", "Enterprise", "GovernmentBody", "Organization"]},
)
def make_span_settler(nlp: Language, name: str, repeated_types: list[str]) -> SpanSettler:
    return SpanSettler(frozenset(EntityType(t) for t in repeated_types))


def kg_spans(doc: Doc) -> list[Span]:
    return list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
