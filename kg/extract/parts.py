"""``subOrganizationOf`` that the text states in words, not in the structure of a name.

* a body and the bodies listed after a subordination word: ``陕煤集团所属的A、B、C`` →
  each is part of 陕煤集团; ``B隶属于A`` → B is part of A (``part_words``,
  ``part_of_words`` in ``relations.yaml``);
* a union or organisation a body forms: ``吴忠市总还组建了…宣讲团`` → part of 吴忠市总工会
  (``forming_words``);
* a union that hosts under another's guidance: ``三圣街道总工会主办、区总工会指导``,
  ``在B的指导下,A…`` (``guided_*``);
* a branch named by its city alone (``长沙分公司``, lexicon ``place_branch_heads``) is part
  of the article's one company named in a place that holds that city
  (``中国人寿保险股份有限公司湖南省分公司``): the place hierarchy of the division table
  says which, the text names both.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext, relation_data
from kg.nlp.lexicon import load_lexicon
from kg.resolve.implied import division_parent
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["extract_parts"]


def extract_parts(doc: Doc) -> Iterator[RelationMention]:
    """Parts stated by a subordination word, and place-named branches.

    Examples
    --------
    >>> from kg.nlp import annotate
    >>> from kg.ingest import parse_text
    >>> doc = parse_text("陕煤集团所属的陕西中能煤田有限公司入选。", source="t", document_id="t")
    >>> [(r.head.name, r.tail.name) for r in extract_parts(annotate(doc.articles[0]))]
    [('陕西中能煤田有限公司', '陕煤集团')]
    """
    ctx = DocContext(doc)
    yield from _stated_parts(ctx)
    yield from _guided_parts(ctx)
    yield from _formed_parts(ctx)
    yield from _place_branches(ctx)


@cache
def _forming() -> re.Pattern[str]:
    data = relation_data()
    verbs = "|".join(map(re.escape, sorted(data["forming_words"], key=len, reverse=True)))
    return re.compile(f"{data['forming_gap']}(?:{verbs}){data['forming_lead']}")


def _formed_parts(ctx: DocContext) -> Iterator[RelationMention]:
    """A union or an organisation named right after a forming verb (组建, 成立) that
    follows a body in the same clause is part of that body: 吴忠市总还组建了女性生殖健康
    知识宣讲团. Nothing but a few words without punctuation, 的 or another name between."""
    text, base = ctx.article.analysis_text, ctx.article.start
    orgs = sorted(
        (m for m in ctx.top_level(ctx.mentions) if m.label in ORG_TYPES),
        key=lambda m: m.start,
    )
    parts = (EntityType.UNION, EntityType.ORGANIZATION)
    for whole, part in itertools.pairwise(orgs):
        if part.label not in parts or part.start <= whole.end:
            continue
        if _forming().fullmatch(text, whole.end - base, part.start - base):
            yield RelationMention(
                part,
                RelationType.SUB_ORGANIZATION_OF,
                whole,
                ctx.evidence(whole.start - base),
                rule="formed-part",
            )


def _guided_parts(ctx: DocContext) -> Iterator[RelationMention]:
    """A union acting under another union's guidance is part of it: ``A主办、B指导``,
    ``在B的指导下,A…`` (both unions, next to each other in the text)."""
    data = relation_data()
    gap, after = re.compile(data["guided_gap"]), data["guided_after"]
    by, by_after = re.compile(data["guided_by"]), re.compile(data["guided_by_after"])
    text, base = ctx.article.analysis_text, ctx.article.start
    orgs = sorted(
        (m for m in ctx.top_level(ctx.mentions) if m.label in ORG_TYPES),
        key=lambda m: m.start,
    )
    for a, b in itertools.pairwise(orgs):
        if a.label != EntityType.UNION or b.label != EntityType.UNION:
            continue
        between = text[a.end - base : b.start - base]
        evidence = ctx.evidence(a.start - base)
        if gap.fullmatch(between) and text.startswith(after, b.end - base):
            yield RelationMention(a, RelationType.SUB_ORGANIZATION_OF, b, evidence, rule="guided")
        before = text[max(0, a.start - base - 1) : a.start - base]
        if by.match(before) and by_after.match(between):
            yield RelationMention(b, RelationType.SUB_ORGANIZATION_OF, a, evidence, rule="guided")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = relation_data()

    def alternation(words: list[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    after_whole = re.compile(f"^(?:{alternation(data['part_words'])})的?")
    before_whole = re.compile(f"^(?:{alternation(data['part_of_words'])})")
    joins = re.compile(f"^(?:{alternation(sorted(load_lexicon().list_links))})$")
    return after_whole, before_whole, joins


def _stated_parts(ctx: DocContext) -> Iterator[RelationMention]:
    after_whole, before_whole, joins = _patterns()
    text = ctx.article.analysis_text
    base = ctx.article.start
    orgs = sorted(
        (m for m in ctx.top_level(ctx.mentions) if m.label in ORG_TYPES),
        key=lambda m: m.start,
    )
    for i, whole in enumerate(orgs):
        rest = text[whole.end - base :]
        evidence = ctx.evidence(whole.start - base)
        said = after_whole.match(rest)
        if said:
            # the list right after the word: A、B和C
            cursor = whole.end + said.end()
            for part in orgs[i + 1 :]:
                gap = text[cursor - base : part.start - base]
                if part.start != cursor and not joins.match(gap):
                    break
                yield RelationMention(
                    part, RelationType.SUB_ORGANIZATION_OF, whole, evidence, rule="part-word"
                )
                cursor = part.end
        said = before_whole.match(rest)
        if said and i + 1 < len(orgs) and orgs[i + 1].start == whole.end + said.end():
            yield RelationMention(
                whole, RelationType.SUB_ORGANIZATION_OF, orgs[i + 1], evidence, rule="part-of-word"
            )


def _place_branches(ctx: DocContext) -> Iterator[RelationMention]:
    heads = tuple(load_lexicon().place_branch_heads)
    places = [m for m in ctx.mentions if m.label == EntityType.PLACE]
    companies = [
        m for m in ctx.mentions if m.label == EntityType.ENTERPRISE and not _place_branch(m, places)
    ]
    for branch in ctx.mentions:
        if branch.label != EntityType.ENTERPRISE or not branch.text.endswith(heads):
            continue
        place = _place_branch(branch, places)
        if place is None:
            continue
        holders: dict[str, Mention] = {}
        for company in companies:
            inside = {
                p.display_name for p in places if company.start <= p.start and p.end <= company.end
            }
            if inside and division_parent(place.display_name, inside) is not None:
                holders.setdefault(company.display_name, company)
        if len(holders) == 1:
            (company,) = holders.values()
            yield RelationMention(
                branch,
                RelationType.SUB_ORGANIZATION_OF,
                company,
                ctx.evidence(branch.start - ctx.article.start),
                rule="place-branch",
            )


def _place_branch(m: Mention, places: list[Mention]) -> Mention | None:
    """The place of a branch named by it alone (长沙|分公司), else None."""
    heads = load_lexicon().place_branch_heads
    place = next((p for p in places if p.start == m.start and p.end < m.end), None)
    if place is None or m.text[place.end - m.start :] not in heads:
        return None
    return place
