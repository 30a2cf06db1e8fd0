"""Relations read off the structure of names.

* a place qualifying a name: ``襄阳市总工会`` → locatedIn 襄阳市; ``湖北省襄阳市`` →
  襄阳市 locatedIn 湖北省;
* an organisation inside a longer one: ``中建安装苏杭公司工会`` subOrganizationOf
  ``中建安装苏杭公司``;
* an organisation heading a programme or event name: ``西安市总工会人才市场平台`` →
  establishes; ``吉林省总工会第十五届委员会第二次全体会议`` → organizes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["extract_nesting"]

_YEAR = re.compile(r"\d{4}年度?")
_YEAR = re.compile(r"\d{4}年度?")
_COMPANY_FORM = re.compile(r"^([(（][^)）]{1,6}[)）])?(股份)?(有限)?(责任)?公司$")


def extract_nesting(doc: Doc) -> Iterator[RelationMention]:
    """Relations implied by nested and adjacent names.

    Examples
    --------
    >>> from kg.nlp import annotate
    >>> from kg.ingest import parse_text
    >>> doc = parse_text("湖北省襄阳市总工会设立爱心母婴室。", source="t", document_id="t")
    >>> rels = extract_nesting(annotate(doc.articles[0]))
    >>> sorted((r.head.name, r.predicate.value, r.tail.name) for r in rels)[:2]
    [('湖北省襄阳市总工会', 'locatedIn', '襄阳市'), ('襄阳市', 'locatedIn', '湖北省')]
    """
    ctx = DocContext(doc)
    mentions = ctx.mentions
    by_start: dict[int, list[Mention]] = {}
    for m in mentions:
        by_start.setdefault(m.start, []).append(m)
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
            last = places[-1]
            if outer.label != EntityType.PLACE:
                yield RelationMention(
                    outer, RelationType.LOCATED_IN, last, evidence, rule="nesting-place"
                )
            for a, b in itertools.pairwise(places):
                yield RelationMention(
                    b, RelationType.LOCATED_IN, a, evidence, rule="nesting-place-chain"
                )
        for org in inner:
            year = _YEAR.match(ctx.article.analysis_text, outer.start - ctx.article.start)
            after_year = outer.start + (len(year.group(0)) if year else 0)
            starts = (outer.start, _after_places(outer, places), after_year)
            if org.label not in ORG_TYPES or org.start not in starts:
                continue
            rest = ctx.article.analysis_text[
                org.end - ctx.article.start : outer.end - ctx.article.start
            ]
            evidence = ctx.evidence(outer.start - ctx.article.start)
            if outer.label in ORG_TYPES and not _COMPANY_FORM.match(rest):
                yield RelationMention(
                    outer, RelationType.SUB_ORGANIZATION_OF, org, evidence, rule="nesting-org"
                )
            elif outer.label == EntityType.PROGRAMME:
                yield RelationMention(
                    org, RelationType.ESTABLISHES, outer, evidence, rule="nesting-programme"
                )
            elif outer.label == EntityType.EVENT:
                yield RelationMention(
                    org, RelationType.ORGANIZES, outer, evidence, rule="nesting-event"
                )
    # adjacent places in running text: 江苏省南京市
    top = sorted((m for m in mentions if m.label == EntityType.PLACE), key=lambda m: m.start)
    for a, b in itertools.pairwise(top):
        if a.end == b.start and not _nested_in_other(a, mentions):
            yield RelationMention(
                b,
                RelationType.LOCATED_IN,
                a,
                ctx.evidence(a.start - ctx.article.start),
                rule="adjacent-places",
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


def _nested_in_other(m: Mention, mentions: list[Mention]) -> bool:
    return any(
        o is not m
        and o.start <= m.start
        and m.end <= o.end
        and (o.start, o.end) != (m.start, m.end)
        for o in mentions
    )
