"""``memberOf`` from post chains: ``昌平区总工会党组书记、常务副主席王冰``,
``市人大常委会副主任、市总工会主席戴建平`` (one membership per body)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext
from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["extract_memberships", "parse_post_chain"]


def parse_post_chain(text: str) -> str | None:
    """``text`` if it is one or more posts joined by 、 (``党组书记、常务副主席``), else None.

    Examples
    --------
    >>> parse_post_chain("党组书记、常务副主席")
    '党组书记、常务副主席'
    >>> parse_post_chain("帮助退役军人") is None
    True
    """
    posts = load_lexicon().posts
    parts = text.strip().split("、")
    return text.strip() if parts and all(p in posts for p in parts) else None


def extract_memberships(doc: Doc) -> Iterator[RelationMention]:
    """Person ← posts ← organisation, read right to left from each person mention."""
    ctx = DocContext(doc)
    lex = load_lexicon()
    text = ctx.text
    mentions = ctx.mentions
    orgs_by_end: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.label in ORG_TYPES:
            orgs_by_end.setdefault(ctx.local(m)[1], []).append(m)
    for person in (m for m in mentions if m.label == EntityType.PERSON):
        cursor = ctx.local(person)[0]
        while text[cursor - 1 : cursor] in (" ", "\u3000"):
            cursor -= 1
        while True:
            org = role = None
            for chain_start in _chain_starts(text, cursor, lex.posts, lex.max_post_len):
                org = _longest(orgs_by_end.get(chain_start, [])) or _anaphor(ctx, text, chain_start)
                if org is not None:
                    role = text[chain_start:cursor]
                    org, role = _own_union(org, role, orgs_by_end.get(chain_start + 2, []))
                    break
            if org is None:
                break
            evidence = ctx.evidence(ctx.local(person)[0])
            yield RelationMention(
                person, RelationType.MEMBER_OF, org, evidence, role=role, rule="post-chain"
            )
            org_start = ctx.local(org)[0] if org.article_id == person.article_id else chain_start
            # 市人大常委会副主任、市总工会主席: another body before 、
            if text[org_start - 1 : org_start] != "、":
                break
            cursor = org_start - 1


def _chain_starts(text: str, end: int, posts: frozenset[str], max_len: int) -> list[int]:
    """Every start of a post chain ending at ``end``, longest chain first.

    ``市总工会主席`` ends in both ``主席`` and ``工会主席``; the caller keeps the first start
    at which an organisation ends.
    """
    starts: list[int] = []
    frontier = [end]
    while frontier:
        cursor = frontier.pop()
        for length in range(1, min(max_len, cursor) + 1):
            start = cursor - length
            if text[start:cursor] in posts:
                starts.append(start)
                if text[start - 1 : start] == "、":
                    frontier.append(start - 1)
    return sorted(set(starts))


def _own_union(org: Mention, role: str, unions_after: list[Mention]) -> tuple[Mention, str]:
    """``…有限公司工会主席同艳``: one 工会 post after a company is a post in the company's
    union, when that union is a mention (a chain 党委副书记、工会主席 stays with the company)."""
    union = next((m for m in unions_after if m.label == EntityType.UNION), None)
    if union is None or "、" in role or not role.startswith("工会") or len(role) <= 2:
        return org, role
    return union, role[2:]


def _longest(mentions: list[Mention]) -> Mention | None:
    return max(mentions, key=lambda m: m.end - m.start, default=None)


def _anaphor(ctx: DocContext, text: str, end: int) -> Mention | None:
    anaphors = load_lexicon().anaphors
    nouns = "|".join(map(re.escape, sorted(anaphors, key=len, reverse=True)))
    m = re.search(f"该({nouns})$", text[max(0, end - 4) : end])
    if m is None:
        return None
    noun = m.group(1)
    wanted = anaphors[noun]
    before = [
        o
        for o in ctx.mentions
        if o.label in ORG_TYPES
        and ctx.local(o)[1] <= end - len(m.group(0))
        and (o.display_name.endswith(noun) or (wanted is not None and o.label == wanted))
    ]
    return before[-1] if before else None
