"""Relations read off the structure of names.

* a place qualifying a name: ``襄阳市总工会`` → locatedIn 襄阳市; ``湖北省襄阳市`` →
  襄阳市 locatedIn 湖北省;
* an organisation inside a longer one: ``中建安装苏杭公司工会`` subOrganizationOf
  ``中建安装苏杭公司``, the direct parent only (a unit written nowhere on its own is
  passed over);
* an organisation heading a programme or event name: ``西安市总工会人才市场平台`` →
  establishes; ``吉林省总工会第十五届委员会第二次全体会议`` → organizes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext, relation_data
from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["extract_nesting"]

_YEAR = re.compile(r"\d{4}年度?")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_COMPANY_FORM = re.compile(r"^([(（][^)）]{1,6}[)）])?(股份)?(有限)?(责任)?公司$")


def extract_nesting(doc: Doc) -> Iterator[RelationMention]:
    """Relations implied by nested and adjacent names.

    Examples
    --------
    >>> from kg.nlp import annotate
    >>> from kg.ingest import parse_text
    >>> doc = parse_text("湖北省襄阳市总工会设立爱心母婴室。", source="t", document_id="t")
    >>> rels = extract_nesting(annotate(doc.articles[0]))
    >>> sorted((r.head.name, r.predicate.value, r.tail.name) for r in rels)[:3]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('湖北省襄阳市总工会', 'locatedIn', '湖北省'), ('湖北省襄阳市总工会', 'locatedIn', '襄阳市'),
     ('襄阳市', 'locatedIn', '湖北省')]
    """
    from kg.resolve.implied import may_contain  # the division tables (no cycle at import)

    ctx = DocContext(doc)
    mentions = ctx.mentions
    founding = tuple(relation_data()["founding_words"])
    standing = _standing_names(mentions)
    for outer in mentions:
        inner = [
            m
            for m in mentions
            if m is not outer
            and outer.start <= m.start
            and m.end <= outer.end
            and (m.start, m.end) != (outer.start, outer.end)
        ]
        if not inner:
            continue
        places = _leading_places(outer, inner)
        if places and outer.label != EntityType.PERSON:
            evidence = ctx.evidence(outer.start - ctx.article.start)
            if outer.label != EntityType.PLACE:
                # at every level the name writes: 金牛区九里堤街道总工会 → 九里堤街道, 金牛区
                for place in reversed(places):
                    yield RelationMention(
                        outer, RelationType.LOCATED_IN, place, evidence, rule="nesting-place"
                    )
            for a, b in itertools.pairwise(places):
                if not may_contain(a.display_name, b.display_name):
                    continue  # 广东省|广西商会: the tables rule the nesting out
                yield RelationMention(
                    b, RelationType.LOCATED_IN, a, evidence, rule="nesting-place-chain"
                )
        parent = _direct_parent(ctx, outer, inner, places, standing)
        if parent is not None:
            yield RelationMention(
                outer,
                RelationType.SUB_ORGANIZATION_OF,
                parent,
                ctx.evidence(outer.start - ctx.article.start),
                rule="nesting-org",
            )
        starts = _org_starts(ctx, outer, places)
        for org in inner:
            if org.label not in ORG_TYPES or org.start not in starts:
                continue
            rest = ctx.article.analysis_text[
                org.end - ctx.article.start : outer.end - ctx.article.start
            ]
            evidence = ctx.evidence(outer.start - ctx.article.start)
            if outer.label in ORG_TYPES:
                continue
            if any(
                o is not org
                and o.label in ORG_TYPES
                and o.start == org.start
                and org.end < o.end <= outer.end
                for o in inner
            ):
                continue  # only the longest body written at the name's start owns it
            if outer.label == EntityType.PROGRAMME:
                yield RelationMention(
                    org, RelationType.ESTABLISHES, outer, evidence, rule="nesting-programme"
                )
                for other in _joined_bodies(ctx, org, inner):  # they set it up too
                    yield RelationMention(
                        other, RelationType.ESTABLISHES, outer, evidence, rule="nesting-joint"
                    )
            elif outer.label == EntityType.EVENT and not rest.startswith(founding):
                # 成立大会 / 揭牌仪式 of a body are held for it, not by it
                yield RelationMention(
                    org, RelationType.ORGANIZES, outer, evidence, rule="nesting-event"
                )
                for other in _joined_bodies(ctx, org, inner):  # they hold it too
                    yield RelationMention(
                        other, RelationType.ORGANIZES, outer, evidence, rule="nesting-event"
                    )
                    yield RelationMention(
                        org, RelationType.PARTNER_OF, other, evidence, rule="nesting-joint"
                    )
    yield from _inner_places(ctx, mentions)
    yield from _group_members(ctx, mentions)
    yield from _short_written_units(ctx, mentions)
    # adjacent places in running text: 江苏省南京市
    top = sorted((m for m in mentions if m.label == EntityType.PLACE), key=lambda m: m.start)
    yield from _listed_places(ctx, top)
    together = load_lexicon().collective_place_re
    for a, b in itertools.pairwise(top):
        after = ctx.article.analysis_text[b.end - ctx.article.start :]
        if together.match(after):
            continue  # 渝中江北两区: places taken together, neither in the other
        if (
            a.end == b.start
            and not _nested_in_other(a, mentions)
            and may_contain(a.display_name, b.display_name)  # not 宁波|舟山: two cities
        ):
            yield RelationMention(
                b,
                RelationType.LOCATED_IN,
                a,
                ctx.evidence(a.start - ctx.article.start),
                rule="adjacent-places",
            )


def _org_starts(ctx: DocContext, outer: Mention, places: list[Mention]) -> tuple[int, ...]:
    """Where an organisation heading ``outer``'s name may start: at its start, after its
    leading places, after a leading year."""
    year = _YEAR.match(ctx.article.analysis_text, outer.start - ctx.article.start)
    after_year = outer.start + (len(year.group(0)) if year else 0)
    return (outer.start, _after_places(outer, places), after_year)


def _standing_names(mentions: list[Mention]) -> frozenset[str]:
    """Names of organisations the article writes on their own at least once, not only
    as the start of a longer organisation's name."""
    orgs = [m for m in mentions if m.label in ORG_TYPES]
    return frozenset(
        name
        for m in orgs
        if not any(o is not m and _inside(m, o) for o in orgs)
        for name in (m.text, m.display_name)
    )


def _dependent(m: Mention, standing: frozenset[str]) -> bool:
    """A unit that exists only inside the name of its body (…炼焦总厂五炼焦作业区 written
    alone nowhere): named by a dependent unit head and never written on its own."""
    heads = tuple(relation_data()["dependent_unit_heads"])
    return m.text.endswith(heads) and not {m.text, m.display_name} & standing


def _joined_bodies(ctx: DocContext, org: Mention, inner: list[Mention]) -> Iterator[Mention]:
    """The bodies written right after ``org`` inside the same name, joined to it by a link
    word (lexicon ``event_name_links``): 市政府与市总工会|联席会议 names both parties."""
    links = load_lexicon().event_name_links
    text, base = ctx.article.analysis_text, ctx.article.start
    for other in inner:
        if other.label in ORG_TYPES and text[org.end - base : other.start - base] in links:
            yield other


def _direct_parent(
    ctx: DocContext,
    outer: Mention,
    inner: list[Mention],
    places: list[Mention],
    standing: frozenset[str],
) -> Mention | None:
    """The one body ``outer`` is directly part of, read off its name: the longest
    organisation its name begins with (after places or a year), passing over units that
    exist only inside the name (鞍钢股份能源管控中心发电分厂汽机作业区电动鼓风机班 →
    鞍钢股份); None for a company form (…有限公司 after its trade name) and for a
    dependent unit itself."""
    if outer.label not in ORG_TYPES or _dependent(outer, standing):
        return None
    starts = _org_starts(ctx, outer, places)
    candidates = []
    for org in inner:
        if org.label not in ORG_TYPES or org.start not in starts or org.end == outer.end:
            continue  # 滨海新区|区委: the body's own head after its place is no parent
        rest = ctx.article.analysis_text[
            org.end - ctx.article.start : outer.end - ctx.article.start
        ]
        if not _COMPANY_FORM.match(rest):
            candidates.append(org)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    return next((m for m in candidates if not _dependent(m, standing)), None) or (
        candidates[-1] if candidates else None
    )


def _short_written_units(ctx: DocContext, mentions: list[Mention]) -> Iterator[RelationMention]:
    """A unit written short whose name is a body's name + what is written
    (天门市委常委、统战部部长 → 天门市委统战部) is part of that body."""
    bodies = {m.display_name: m for m in mentions if m.label in ORG_TYPES}
    for m in mentions:
        if m.label not in ORG_TYPES or m.display_name == m.text:
            continue
        if not m.display_name.endswith(m.text):
            continue
        body = bodies.get(m.display_name[: -len(m.text)])
        if body is not None:
            yield RelationMention(
                m,
                RelationType.SUB_ORGANIZATION_OF,
                body,
                ctx.evidence(m.start - ctx.article.start),
                rule="short-unit",
            )


def _group_members(ctx: DocContext, mentions: list[Mention]) -> Iterator[RelationMention]:
    """A company named with a group's short stem is part of the group: 鞍钢集团 →
    鞍钢股份, 鞍钢工程重机公司; 陕煤集团 → 陕西陕煤曹家滩矿业有限公司 (a place may
    come first); 国家电网公司 → 国网石家庄供电公司 (a four-character stem written short,
    ``abbreviated_company_suffixes``). A name that writes the group's full name is left to
    the nesting rule."""
    data = relation_data()
    suffixes = tuple(sorted(data["group_suffixes"], key=len, reverse=True))
    places = [m for m in mentions if m.label == EntityType.PLACE]
    abbreviated = tuple(sorted(data["abbreviated_company_suffixes"], key=len, reverse=True))
    groups: dict[str, Mention] = {}
    for m in mentions:
        if m.label in ORG_TYPES and m.text.endswith(suffixes):
            suffix = next(x for x in suffixes if m.text.endswith(x))
            stem = m.text[: -len(suffix)]
            if len(stem) >= data["group_stem_min"]:
                groups.setdefault(stem, m)
    for m in mentions:
        # a four-character stem of two words is written short by the first character of
        # the first and the first or last of the second (国家电网公司 → 国网…供电公司)
        if m.label == EntityType.ENTERPRISE and m.text.endswith(abbreviated):
            suffix = next(x for x in abbreviated if m.text.endswith(x))
            stem = m.text[: -len(suffix)]
            if len(stem) == 4 and _CJK.fullmatch(stem):
                for short in (stem[0] + stem[2], stem[0] + stem[3]):
                    groups.setdefault(short, m)
    if not groups:
        return
    done: set[tuple[str, str]] = set()
    for m in mentions:
        if m.label not in (EntityType.ENTERPRISE, EntityType.ORGANIZATION):
            continue
        text = m.text
        lead = next((p for p in places if p.start == m.start and p.end < m.end), None)
        # 鞍钢矿渣开发公司微粉分公司: part of the nearer body its name begins with
        nearer = max(
            (
                len(o.text)
                for o in mentions
                if o.label in ORG_TYPES and o.start == m.start and o.end < m.end
            ),
            default=0,
        )
        rest = text[len(lead.text) :] if lead is not None else text
        for stem, group in groups.items():
            if (
                rest.startswith(stem)
                and not rest.startswith(group.text)
                and not text.startswith(group.text)
                and len(rest) > len(stem) + 1
                and nearer <= len(stem) + (len(lead.text) if lead is not None else 0)
                and (m.text, group.text) not in done
            ):
                done.add((m.text, group.text))
                yield RelationMention(
                    m,
                    RelationType.SUB_ORGANIZATION_OF,
                    group,
                    ctx.evidence(m.start - ctx.article.start),
                    rule="group-stem",
                )


def _inner_places(ctx: DocContext, mentions: list[Mention]) -> Iterator[RelationMention]:
    """A place the article names, written inside a longer name after its start
    (中国铁路太原局集团有限公司 → 太原; 国网甘肃省电力公司 → 甘肃省), and the article's own
    province or city for a name that says 全省/全市 (全省职工书屋建设…推进会) or that a
    sentence counts among the area's own (全县已建成职工服务中心1家), and the place a
    sentence counts a programme's sites in (三亚市共建立了29家…服务站点)."""
    data = relation_data()
    skip = set(data["inner_place_skip"])
    places = [m for m in mentions if m.label == EntityType.PLACE]
    forms: dict[str, Mention] = {}
    for m in places:
        if len(m.text) >= 2 and m.text not in skip:
            forms.setdefault(m.text, m)
    by_length = sorted(forms, key=lambda f: (-len(f), f))
    counts = Counter(m.display_name for m in places)
    whole = {
        word: max(
            (m for m in places if m.display_name.endswith(suffix)),
            key=lambda m: counts[m.display_name],
            default=None,
        )
        for word, suffix in data["whole_area_words"].items()
    }
    inventory = re.compile(data["whole_area_inventory"])
    # where each area word opens a count of the area's own (全县已建成…), read once
    counted = {
        word: [m.start() for m in re.finditer(re.escape(word) + inventory.pattern, ctx.text)]
        for word in whole
    }
    place_ends = {ctx.local(m)[1]: m for m in places}
    # a place right before an inventory verb (三亚市|共建立了…)
    place_counts = [
        (m.start(), place_ends[m.start()])
        for m in inventory.finditer(ctx.text)
        if m.start() in place_ends
    ]
    for outer in mentions:
        if outer.label in (EntityType.PERSON, EntityType.PLACE):
            continue
        name = outer.text
        covered = [False] * len(name)
        nested = [
            m for m in mentions if m is not outer and outer.start <= m.start and m.end <= outer.end
        ]
        for place in _leading_places(outer, nested):  # read by the rule above
            for i in range(place.start - outer.start, place.end - outer.start):
                covered[i] = True
        evidence = ctx.evidence(outer.start - ctx.article.start)
        found: set[str] = set()
        for form in by_length:
            at = name.find(form, 1)
            while at > 0 and any(covered[at : at + len(form)]):
                at = name.find(form, at + 1)
            if at <= 0:
                continue
            for i in range(at, at + len(form)):
                covered[i] = True
            place = forms[form]
            if place.display_name not in found:
                found.add(place.display_name)
                yield RelationMention(
                    outer, RelationType.LOCATED_IN, place, evidence, rule="nesting-inner-place"
                )
        if outer.label in (EntityType.EVENT, EntityType.PROGRAMME):
            local = outer.start - ctx.article.start
            opening = ctx.sentence_of(local)[0]
            if outer.label == EntityType.PROGRAMME:
                # 三亚市共建立了29家户外劳动者服务站点: a place counts its own sites
                for at, place in place_counts:
                    if opening <= at < local and place.display_name not in found:
                        found.add(place.display_name)
                        yield RelationMention(
                            outer, RelationType.LOCATED_IN, place, evidence, rule="area-inventory"
                        )
            for word, place in whole.items():
                if place is None or place.display_name in found:
                    continue
                if word in name or any(opening <= at < local for at in counted[word]):
                    found.add(place.display_name)
                    yield RelationMention(
                        outer, RelationType.LOCATED_IN, place, evidence, rule="whole-area"
                    )


def _leading_places(outer: Mention, inner: list[Mention]) -> list[Mention]:
    chain, cursor = [], outer.start
    while True:
        step = next((m for m in inner if m.label == EntityType.PLACE and m.start == cursor), None)
        if step is None or step.end >= outer.end:
            return chain
        chain.append(step)
        cursor = step.end


def _after_places(outer: Mention, places: list[Mention]) -> int:
    return places[-1].end if places else outer.start


def _inside(m: Mention, o: Mention) -> bool:
    """``m`` lies inside ``o`` and is shorter."""
    return o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)


def _listed_places(ctx: DocContext, places: list[Mention]) -> Iterator[RelationMention]:
    """Places listed after places written together take the level they share:
    四川广元市、雅江县 → 雅江县 in 四川省 (the division table tells which of the written
    places holds it), 咸安区浮山街道书台社区、温泉街道 → 温泉街道 in 咸安区 (it has the level
    word of 浮山街道, which 咸安区 holds)."""
    from kg.resolve.implied import division_parent

    text, base = ctx.article.analysis_text, ctx.article.start
    lex = load_lexicon()
    links = sorted(lex.list_links | lex.conjunctions, key=len, reverse=True)
    by_start: dict[int, Mention] = {}
    for m in places:  # the shortest place at each start: 温泉街道, not 温泉街道温泉商圈
        if m.start not in by_start or m.end < by_start[m.start].end:
            by_start[m.start] = m
    seen: set[int] = set()
    for first in sorted(by_start.values(), key=lambda m: m.start):
        if first.start in seen or _nested_in_other(first, ctx.mentions):
            continue
        chain = [first]
        while (nxt := by_start.get(chain[-1].end)) is not None:
            chain.append(nxt)
        seen.update(m.start for m in chain)
        if len(chain) < 2:
            continue
        names = {m.display_name: m for m in chain}
        end = chain[-1].end
        while True:
            link = next((k for k in links if text.startswith(k, end - base)), None)
            item = by_start.get(end + len(link)) if link else None
            if item is None or item.display_name in names:
                break
            seen.add(item.start)
            parent = _list_parent(
                item.display_name,
                chain,
                division_parent(item.display_name, set(names)),
                lex.listed_place_levels,
            )
            if parent is not None:
                yield RelationMention(
                    item,
                    RelationType.LOCATED_IN,
                    names[parent],
                    ctx.evidence(chain[0].start - base),
                    rule="listed-places",
                )
            end = item.end
            while (nxt := by_start.get(end)) is not None:  # the item's own lower levels
                seen.add(nxt.start)
                end = nxt.end


def _list_parent(
    name: str, chain: list[Mention], known: str | None, levels: tuple[str, ...]
) -> str | None:
    """The written place a listed place is in: the one the division table names, else
    the one above the chain's place of the same level word (lexicon listed_place_levels)."""
    if known is not None:
        return known
    level = next((e for e in levels if name.endswith(e)), None)
    if level is None or len(chain) < 2:
        return None
    for outer, inner in itertools.pairwise(chain):
        if inner.display_name.endswith(level) and not outer.display_name.endswith(level):
            return outer.display_name
    return None


def _nested_in_other(m: Mention, mentions: list[Mention]) -> bool:
    return any(
        o is not m
        and o.start <= m.start
        and m.end <= o.end
        and (o.start, o.end) != (m.start, m.end)
        for o in mentions
    )
