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

from kg.extract.context import ORG_TYPES, DocContext, is_medium, relation_data
from kg.extract.triggers import may_establish
from kg.nlp.doc import CLAUSE_END, clause_start
from kg.nlp.grow import made_of
from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["main_actor", "topic_relations"]

_OWNED = {
    EntityType.PROGRAMME: RelationType.ESTABLISHES,
    EntityType.EVENT: RelationType.ORGANIZES,
}


def main_actor(mentions: Iterable[Mention]) -> Mention | None:
    """The union named most often (ties: the first named), else the first organisation
    that is no news medium (relations.yaml ``media_heads``)."""
    mentions = list(mentions)
    unions = [m for m in mentions if m.label == EntityType.UNION]
    pool = unions or [m for m in mentions if m.label in ORG_TYPES and not is_medium(m)]
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
    disposal = {
        w.start
        for w in doc._.kg_words or []
        if w.tag == "p" and w.text in relation_data()["disposal_markers"]
    }
    data = relation_data()
    visit = re.compile("|".join(map(re.escape, data["visit_verbs"])))
    basis = re.compile("|".join(map(re.escape, data["basis_verbs"])))
    going = re.compile("|".join(map(re.escape, data["going_words"])))
    metaphor = re.compile("|".join(map(re.escape, data["likeness_words"])))
    passing = re.compile("|".join(map(re.escape, data["passing_verbs"])))
    triggers = (*load_lexicon().triggers["establishes"], *data["establish_triggers"])
    setting_up = re.compile("|".join(map(re.escape, triggers)))
    referred = tuple(data["reference_followers"])
    titles = tuple(data["person_titles"])
    basis_frames = tuple(data["basis_frames"])
    lexicon = load_lexicon()
    national = tuple(data["national_names"])
    national_actor = actor.display_name.startswith(tuple(data["national_prefixes"]))
    founding = tuple(relation_data()["founding_words"])
    venue_before = re.compile(
        f"(?:{'|'.join(map(re.escape, data['venue_words']))})[^，,。；;“]{{0,3}}“?$"
    )
    venue = tuple(data["venue_words"])
    said = re.compile(
        "(?<![据简])(?:"
        + "|".join(map(re.escape, load_lexicon().speech_verbs))
        + f")[{re.escape(data['speech_marks'])}]"
    )
    purpose = tuple(data["purpose_leads"])
    lower = load_lexicon().lower_place_suffixes
    actor_lower = _lower_place(ctx, actor, lower)
    done: set[str] = set()
    for m in ctx.mentions:
        predicate = _OWNED.get(m.label)
        name = m.display_name
        if predicate is None or name in owned or name in done or m.rule == "event-pattern":
            continue
        if predicate == RelationType.ESTABLISHES and not may_establish(actor, m):
            continue
        if name.startswith(actor.display_name) and name[len(actor.display_name) :].startswith(
            founding
        ):
            continue  # 山东省工匠学院联盟成立仪式: held for the actor, not by it
        if not actor_lower and _lower_place(ctx, m, lower):
            continue  # 华泾镇关港职工服务站: a site of a town or community, not the actor's
        bounds = ctx.sentence_of(ctx.local(m)[0])
        start = ctx.local(m)[0]
        clause = clause_start(ctx.text, start, bounds[0])
        if visit.search(ctx.text, clause, start):
            continue  # 察看了职工书屋: a place visited, not one the actor set up
        clause_end = next(
            (c.start() for c in CLAUSE_END.finditer(ctx.text, ctx.local(m)[1], bounds[1])),
            bounds[1],
        )
        if going.search(ctx.text, clause, start) and visit.search(
            ctx.text, ctx.local(m)[1], clause_end
        ):
            continue  # 到…工会服务站参观交流: a place gone to and visited
        if metaphor.search(ctx.text, clause, start):
            continue  # 商家店铺将化身“爱心驿站”: a likeness, not a programme set up
        if venue_before.search(ctx.text, clause, start):
            continue  # 在李绍玉劳模工作室,…参观了: where something happens, not what is set up
        spoken = [p.end() for p in said.finditer(ctx.text, bounds[0], start)]
        if spoken and setting_up.search(ctx.text, spoken[-1], start):
            continue  # 徐振福表示,开展“两癌”筛查是…: set up in what someone says
        if ctx.text.startswith(purpose, clause) and setting_up.search(ctx.text, clause, start):
            continue  # 为今后开展职工文化艺术活动积累经验: a purpose, not a deed
        if basis.search(ctx.text, clause, start):
            continue  # 结合“骑手友好社区”试点: drawn upon, not shown set up
        frame = ctx.text.rfind("以", clause, start)
        if frame >= 0 and ctx.text.startswith(basis_frames, ctx.local(m)[1]):
            continue  # 以王志永劳模创新工作室为基础: drawn upon, not set up
        if any(clause <= offset < start for offset in disposal):
            continue  # 把…心灵驿站…等功能集于一身: disposed of by a later verb
        if any(
            o.label == EntityType.PROGRAMME
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in ctx.mentions
        ):
            continue  # 送温暖 inside “关爱职工健康,体检送温暖”活动: a part of another's name
        if _bare_kind(name, lexicon) and ctx.text[start - 1 : start] != "“":
            continue  # 职工之家, 工匠学院 named as a kind (建设…职工之家): no one site set up
        if name.endswith(titles) and not (national_actor and name.startswith(national)):
            continue  # 北京大工匠王月鹏, 重庆市劳动模范: a title people hold, not shown set up
        if _in_speech(ctx.text, start, bounds):
            continue  # “冬天送温暖、夏天送清凉,…真贴心。”: in what someone says
        received = [p.end() for p in passing.finditer(ctx.text, bounds[0], start)]
        if received and not any(
            "的" not in ctx.text[t.end() : start]
            for t in setting_up.finditer(ctx.text, received[-1], start)
        ):
            continue  # 荣获…工人先锋号1个,…职工之家1个; 还有…开展心理疏导的心灵驿站
        if ctx.text[ctx.local(m)[1] :].lstrip('”"').startswith(referred):
            continue  # 落实…推进会精神: an event referred to
        if (
            predicate == RelationType.ORGANIZES
            and any(part.startswith(national) for part in name.split("暨"))
            and not national_actor
        ):
            continue  # 全国…表彰大会在北京举行: not held by a local body
        if (
            predicate == RelationType.ORGANIZES
            and any(p in name for p in data["national_programmes"])
            and not national_actor
        ):
            continue  # 如皋召开产业工人队伍建设改革联席会议: convened for the national
            # reform (by its leading group), not shown held by the article's union
        # …授牌仪式在A公司举行: a body after 在 is where an event is held, not who acts
        bodies = [o for o in ctx.in_sentence(bounds) if o.label in ORG_TYPES]
        if predicate == RelationType.ORGANIZES:
            bodies = _not_venues(ctx, bodies, venue)
        if bodies and not any(
            _same_body(ctx, o, actor) and not _acted_on(ctx, o, verbs) for o in bodies
        ):
            continue  # another body acts there, or the actor is what a verb acts on
        done.add(name)  # the first mention that passes; an earlier one may not
        evidence = ctx.evidence(ctx.local(m)[0])
        yield RelationMention(actor, predicate, m, evidence, rule=f"topic-{predicate.value}")


def _bare_kind(name: str, lex) -> bool:
    """A site's kind written alone: a programme head, or the users and purpose it serves
    before one (职工之家, 工匠学院, 职工书屋), with no name of its own (a quoted one,
    “工会驿站”, is the brand's name)."""
    head = next((h for h in lex.programme_suffixes if name.endswith(h)), None)
    if head is None or head in lex.shared_programme_heads:  # …工作室联盟: a body of sites
        return False
    rest = name[: -len(head)]
    return not rest or made_of(rest, lex.programme_users | lex.programme_purpose_words)


def _in_speech(text: str, start: int, bounds: tuple[int, int]) -> bool:
    """``start`` lies inside a quotation that holds a sentence end: speech, not a name."""
    opened = text.rfind("“", bounds[0], start)
    if opened < 0 or text.rfind("”", opened, start) >= 0:
        return False
    closed = text.find("”", start)
    quoted = text[opened : closed if closed >= 0 else bounds[1]]
    return any(mark in quoted for mark in "。！？!?")


def _lower_place(ctx: DocContext, m: Mention, lower: tuple[str, ...]) -> bool:
    """A place below the county (街道, 镇, 社区 …) is written inside ``m``'s name."""
    return any(
        p.label == EntityType.PLACE
        and m.start <= p.start
        and p.end <= m.end
        and p.display_name.endswith(lower)
        for p in ctx.mentions
    )


def _acted_on(ctx: DocContext, m: Mention, verbs: set[int]) -> bool:
    """A verb comes before ``m`` in its clause (放大|湖滨…联合工会的优势)."""
    start = ctx.local(m)[0]
    clause = clause_start(ctx.text, start, ctx.sentence_of(start)[0])
    return any(offset in verbs for offset in range(clause, start))


def _leading_place(ctx: DocContext, m: Mention) -> tuple[str, str]:
    """The last of the places opening ``m``'s name and the rest of its name
    (北京昌平区总 → 昌平区, 总工会); no place: ("", the name)."""
    end, last, written = m.start, "", ""
    while True:
        place = next(
            (
                p
                for p in ctx.mentions
                if p.label == EntityType.PLACE and p.start == end and p.end < m.end
            ),
            None,
        )
        if place is None:
            break
        end, last, written = place.end, place.display_name, place.text
    at = m.display_name.find(written) if written else -1
    if at < 0:
        return last, ctx.text[end - ctx.article.start : ctx.local(m)[1]]
    return last, m.display_name[at + len(written) :]


def _same_body(ctx: DocContext, o: Mention, actor: Mention) -> bool:
    """``o`` names the actor: the same name, or the same place level and head written
    with more or fewer places before it (北京昌平区总工会 for 昌平区总工会; 西安市工会
    for 西安市总工会)."""
    if o.display_name == actor.display_name:
        return True
    if o.label != actor.label:
        return False
    (place, rest), (actor_place, actor_rest) = _leading_place(ctx, o), _leading_place(ctx, actor)
    short = relation_data()["body_head_variants"]
    return (
        bool(place)
        and place == actor_place
        and short.get(rest, rest) == short.get(actor_rest, actor_rest)
    )


def _not_venues(ctx: DocContext, bodies: list[Mention], venue: tuple[str, ...]) -> list[Mention]:
    """The bodies that are not venues: a body written after a venue word (走进A、B) and
    those listed after it with 、 are where something happens, not who acts."""
    kept, last_venue_end = [], None
    for o in sorted(bodies, key=lambda m: ctx.local(m)[0]):
        start, end = ctx.local(o)
        if ctx.text[:start].endswith(venue) or (
            last_venue_end is not None and ctx.text[last_venue_end:start] == "、"
        ):
            last_venue_end = end
            continue
        kept.append(o)
    return kept
