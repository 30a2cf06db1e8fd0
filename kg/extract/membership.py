"""``memberOf`` from post chains: ``昌平区总工会党组书记、常务副主席王冰``,
``市人大常委会副主任、市总工会主席戴建平`` (one membership per body)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext, relation_data
from kg.nlp.automaton import Phrases
from kg.nlp.lexicon import load_lexicon
from kg.types import EntityType, Mention, RelationMention, RelationType

__all__ = ["extract_memberships", "parse_post_chain"]

# what joins the links of a post chain or the people of a list (、 or a comma)
_CHAIN_SEPARATORS = frozenset({"、", "，", ","})
# how long an unnamed body in a post chain may be, and what ends such a link
_UNNAMED_LINK_MAX = 12
_CLAUSE_MARKS = re.compile(r"[，,。；;：:！？!?\n“”()（）]")
# the space between a listed name and its body (李雪贞 饿了么外卖配送员)
_LINE_GAP = re.compile(r"[ \u3000]+")


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
    """Person ← posts ← organisation, read right to left from each person mention.

    A chain may cross 、 and a comma to an earlier body (``州人大常委会副主任，州总工会
    主席李萍``); in a list of people a post with no body of its own takes the body of the
    person before it (``开封大学党委书记陈灿,党委副书记储建新``); ``PERSON 当选 ORG POST``
    gives the post in that body.
    """
    ctx = DocContext(doc)
    lex = load_lexicon()
    data = relation_data()
    text = ctx.text
    mentions = ctx.mentions
    orgs_by_end: dict[int, list[Mention]] = {}
    orgs_by_start: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.label in ORG_TYPES:
            orgs_by_end.setdefault(ctx.local(m)[1], []).append(m)
            orgs_by_start.setdefault(ctx.local(m)[0], []).append(m)
    programmes_by_end: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.label == EntityType.PROGRAMME:
            programmes_by_end.setdefault(ctx.local(m)[1], []).append(m)
    persons = [m for m in mentions if m.label == EntityType.PERSON]
    person_ends = {ctx.local(m)[1]: m for m in persons}
    is_post = _post_test(lex.posts, data, set(orgs_by_end), lex.organ_departments)
    max_len = max(lex.max_post_len, max(map(len, data["post_heads"])) + data["post_qualifier_max"])
    modifiers = lex.post_modifiers
    held: dict[int, list[tuple[Mention, str]]] = {}  # person end → (body, role)
    last_elected: tuple[Mention, int] | None = None
    for person in persons:
        evidence = ctx.evidence(ctx.local(person)[0])
        found: list[tuple[Mention, str]] = []
        cursor = ctx.local(person)[0]
        while text[cursor - 1 : cursor] in (" ", "\u3000"):
            cursor -= 1
        first_chain: int | None = None
        while True:
            org = role = None
            starts = _chain_starts(text, cursor, is_post, max_len)
            if first_chain is None and starts:
                first_chain = starts[0]
            for chain_start in starts:
                org_end = chain_start
                for modifier in modifiers:
                    if text[chain_start - len(modifier) : chain_start] == modifier:
                        org_end = chain_start - len(modifier)
                org = (
                    _longest(orgs_by_end.get(org_end, []))
                    or _bracketed_short_form(ctx, text, org_end, orgs_by_end)
                    or _anaphor(ctx, text, org_end)
                )
                if (
                    org is None
                    and org_end == chain_start
                    and text[org_end : org_end + 2] in lex.posts
                ):
                    # 勞工局長吳威志, 社長: a post of the head's character begins on the
                    # body's last one
                    org = _longest(orgs_by_end.get(org_end + 1, []))
                body_start = None if org is None else ctx.local(org)[0]
                role_start = chain_start
                if org is None:
                    org, body_start = _bare_body(ctx, text, org_end, data)
                if org is None:
                    # …有限公司(劳模创新)工作室领办人: the post is held in the programme's owner
                    org = _programme_owner(ctx, programmes_by_end.get(org_end, []), orgs_by_start)
                    if org is not None:
                        body_start, role_start = ctx.local(org)
                if org is not None:
                    role = text[role_start:cursor]
                    org, role = _own_union(org, role, orgs_by_end.get(org_end + 2, []))
                    break
            if org is None and starts:
                # 副主席、书记处书记、党组成员,机关党委书记: posts after a comma still
                # belong to the body before the earlier posts
                org, body_start, role = _across_comma(
                    ctx, text, starts[0], cursor, orgs_by_end, person_ends, is_post, max_len
                )
            if org is None and starts and found == [] and first_chain == starts[0]:
                # 市交通运输局党组成员、副局长、市交通运输行业党委|副书记薛河川: a link whose
                # body is not named is passed over to the posts before it
                link = _unnamed_link(text, starts[0], person_ends)
                if link is not None:
                    cursor = link
                    continue
            if org is None:
                break
            found.extend(_split_units(ctx, org, role, data))
            org_start = body_start if org.article_id == person.article_id else chain_start
            # 市人大常委会副主任、市总工会主席: another body before 、 or a comma
            sep = text[org_start - 1 : org_start]
            if sep not in _CHAIN_SEPARATORS:
                break
            if sep != "、" and (
                org_start - 1 in person_ends
                or not _chain_starts(text, org_start - 1, is_post, max_len)
            ):
                break
            cursor = org_start - 1
        if not found:
            found = _from_list(text, ctx.local(person)[0], first_chain, person_ends, held, data)
        if not found and first_chain is not None:
            found = _government_post(ctx, text[first_chain : ctx.local(person)[0]], data)
        if not found and first_chain is None:
            found = _listed_staff(ctx, text, person, orgs_by_end, data)
        if not found and first_chain is None:
            found = _post_after_name(ctx, text, person, orgs_by_end, lex)
        if not found and first_chain is None:
            found = _listed_line(ctx, text, person, orgs_by_start, lex)
        elected = _elected(
            ctx, text, ctx.local(person)[1], orgs_by_start, is_post, data, last_elected
        )
        if elected:
            last_elected = (elected[0][0], ctx.local(person)[1])
        found += [e for e in elected if e[0] not in [f[0] for f in found]]
        if found:
            held[ctx.local(person)[1]] = found
        for org, role in found:
            yield RelationMention(
                person, RelationType.MEMBER_OF, org, evidence, role=role, rule="post-chain"
            )
    # 他现任…工会主席: a pronoun before an election verb stands for the last person named
    for pronoun in re.finditer(data["subject_pronouns"], text):
        before = [p for p in persons if ctx.local(p)[1] <= pronoun.start()]
        if not before:
            continue
        person = max(before, key=lambda p: ctx.local(p)[1])
        evidence = ctx.evidence(pronoun.start())
        for org, role in _elected(ctx, text, pronoun.end(), orgs_by_start, is_post, data, None):
            yield RelationMention(
                person, RelationType.MEMBER_OF, org, evidence, role=role, rule="pronoun-post"
            )


def _bracketed_short_form(
    ctx: DocContext, text: str, end: int, orgs_by_end: dict[int, list[Mention]]
) -> Mention | None:
    """The short form in brackets right before a post, after the full name it stands for
    (``中央人民政府駐港聯絡辦公室(中聯辦)副主任何靖``): that body.

    Examples
    --------
    >>> _bracketed_short_form(None, "总工会副主席", 3, {}) is None
    True
    """
    if text[end - 1 : end] not in (")", "）"):
        return None
    inside = [
        m
        for m in orgs_by_end.get(end - 1, [])
        if text[ctx.local(m)[0] - 1 : ctx.local(m)[0]] in ("(", "（")
    ]
    return _longest(inside)


def _listed_staff(
    ctx: DocContext, text: str, person: Mention, orgs_by_end: dict[int, list[Mention]], data: dict
) -> list[tuple[Mention, str]]:
    """``国网衡水供电公司程旭、国网邯郸供电公司王彦军2名职工``: people written right after
    their body, in a list closed by a count of staff (``staff_count``), hold the closing
    noun as their post."""
    start, end = ctx.local(person)
    org = _longest(orgs_by_end.get(start, []))
    if org is None:
        return []
    close = re.search(r"[，,。；;！？\n]", text[end:])
    clause = text[end : end + close.start()] if close else text[end:]
    count = re.match(data["staff_count"], clause)
    if count is None:
        return []
    return [(org, count.group(1))]


def _post_after_name(
    ctx: DocContext, text: str, person: Mention, orgs_by_end: dict[int, list[Mention]], lex
) -> list[tuple[Mention, str]]:
    """``福州市总工会王元榕副主席``, ``南沙区总工会梁博部长``: a name written right after its
    body and right before a post (not a weak one: 劳模, 代表 …) holds that post there."""
    start, end = ctx.local(person)
    org = _longest(orgs_by_end.get(start, []))
    if org is None or any(ctx.local(m)[0] <= start and end < ctx.local(m)[1] for m in ctx.mentions):
        return []  # 昌平区医院孙礼玲职工创新工作室: the name opens a programme's
    post = _post_phrases().match(text, end)
    if post is None or post.group() in lex.weak_posts:
        return []
    if _post_phrases().match(text, post.end()):
        return []  # a longer title the lexicon lacks (主任医师)
    return [(org, post.group())]


@cache
def _post_phrases() -> Phrases:
    return Phrases(load_lexicon().posts)


@cache
def _post_joiners() -> tuple[str, ...]:
    """What joins posts into one chain (relations.yaml ``post_joiners``: 、, 兼)."""
    return tuple(relation_data()["post_joiners"])


def _unnamed_link(text: str, chain: int, person_ends: dict[int, Mention]) -> int | None:
    """Where the link before a post chain's first link ends, when that link's body is
    written in words no recogniser named (…、市交通运输行业党委|副书记): the 、 before it,
    within a few characters of no punctuation and no person; None otherwise."""
    joint = text.rfind("、", max(0, chain - _UNNAMED_LINK_MAX), chain)
    if joint < 0 or _CLAUSE_MARKS.search(text, joint + 1, chain) or joint in person_ends:
        return None
    return joint


def _across_comma(
    ctx: DocContext,
    text: str,
    chain: int,
    cursor: int,
    orgs_by_end: dict[int, list[Mention]],
    person_ends: dict[int, Mention],
    is_post,
    max_len: int,
) -> tuple[Mention | None, int | None, str | None]:
    """The body and whole role of a post chain ``text[chain:cursor]`` written after a
    comma, when the posts before the comma follow a body (``滨州市卫生健康委党组书记、
    主任,二级巡视员``); never across a person (``主席张三,副主席李四``)."""
    comma = chain - 1
    if text[comma : comma + 1] not in ("，", ",") or comma in person_ends:
        return None, None, None
    for start in _chain_starts(text, comma, is_post, max_len):
        org = _longest(orgs_by_end.get(start, []))
        if org is not None and org.article_id == ctx.article.id:
            return org, ctx.local(org)[0], text[start:cursor]
    return None, None, None


def _split_units(ctx: DocContext, org: Mention, role: str, data: dict) -> list[tuple[Mention, str]]:
    """``天门市委常委、统战部部长``: a post qualified by a unit of the body (统战部部长) is a
    post in that unit when the article names it (天门市委统战部); the rest stays."""
    heads = sorted(data["post_heads"], key=len, reverse=True)
    units = tuple(data["post_qualifier_units"])
    named = {o.display_name: o for o in ctx.mentions if o.label in ORG_TYPES}
    kept, moved = [], []
    for part in role.split("、"):
        head = next((h for h in heads if part.endswith(h) and len(part) > len(h)), None)
        unit = part[: len(part) - len(head)] if head else ""
        body = named.get(org.display_name + unit) if unit.endswith(units) else None
        if body is not None and body is not org:
            moved.append((body, head))
        else:
            kept.append(part)
    if not moved:
        return [(org, role)]
    return ([(org, "、".join(kept))] if kept else []) + moved


def _post_test(posts: frozenset[str], data: dict, org_ends: set[int], departments: frozenset[str]):
    """A test for ``text[start:end]`` being a post: a lexicon post, or a head post after
    a short qualifier, or after an organ's department (社会工作部部长), that does not end an
    organisation's name."""
    heads = sorted(data["post_heads"], key=len, reverse=True)
    stops = set(data["post_qualifier_stops"])
    limit = data["post_qualifier_max"]
    bodies = tuple(data["post_qualifier_bodies"])
    units = tuple(data["post_qualifier_units"])
    joiners = _post_joiners()

    def test(text: str, start: int, end: int) -> bool:
        part = text[start:end]
        if part in posts:
            return True
        for head in heads:
            qualifier = part[: len(part) - len(head)]
            if (
                part.endswith(head)
                and (0 < len(qualifier) <= limit or qualifier in departments)
                and all("\u4e00" <= c <= "\u9fff" or c.isdigit() for c in qualifier)
                and not stops & set(qualifier)
                and start + len(qualifier) not in org_ends
                and not qualifier.endswith(bodies)
                # 组宣部部长 right after a body is a post in its unit; 、经审会主任 and
                # 兼社工部部长 are not
                and (text[start - 1 : start] in joiners or not qualifier.endswith(units))
            ):
                return True
        return False

    return test


def _government_post(ctx: DocContext, role: str, data: dict) -> list[tuple[Mention, str]]:
    """``副市长王春泉`` / ``省委常委王宇燕``: a post that names its own level of
    government or Party committee is a post in the one body of that kind the article
    names (琼海市人民政府, 青海省委)."""
    role = role.strip()
    spec = data["government_posts"].get(role)
    if spec is None:
        return []
    bodies = {
        o.display_name: o
        for o in ctx.mentions
        if o.label == EntityType.GOVERNMENT_BODY and o.display_name.endswith(tuple(spec["bodies"]))
    }
    if len(bodies) != 1:
        return []
    return [(next(iter(bodies.values())), spec.get("role", role))]


def _from_list(
    text: str,
    start: int,
    chain: int | None,
    person_ends: dict[int, Mention],
    held: dict[int, list[tuple[Mention, str]]],
    data: dict,
) -> list[tuple[Mention, str]]:
    """The body of the person listed before: ``副主席张红、胡宁`` (same post), or
    ``陈灿,党委副书记储建新`` (own post, same body)."""
    if chain is None:
        before = held.get(start - 1) if text[start - 1 : start] == "、" else None
        return list(before or [])
    if text[chain - 1 : chain] not in _CHAIN_SEPARATORS:
        return []
    before = held.get(chain - 1)
    role = text[chain:start].strip()
    weak = load_lexicon().weak_posts
    if (
        not before
        or any(post in role for post in data["own_body_posts"])
        or all(part in weak or part.endswith(tuple(weak)) for part in role.split("、"))
    ):
        return []
    return [(before[0][0], role)]


def _elected(
    ctx: DocContext,
    text: str,
    end: int,
    orgs_by_start: dict[int, list[Mention]],
    is_post,
    data: dict,
    last: tuple[Mention, int] | None,
) -> list[tuple[Mention, str]]:
    """``王雄之等9人全票当选…联合会第一届委员会委员``: PERSON (等N人) 当选 ORG POST; the
    body may be written by its head noun (当选联合会主席) or, later in the sentence, left
    out (…;赵德胜当选副主席; …工会召开会员大会,选举吴秋北担任会长: the sentence's one
    body). A form of address, adverbs or a date may come before the verb (吴秋北于2018年
    接任…; 他现任…)."""
    copulas = data["copulas"]
    verbs = "|".join(
        map(re.escape, sorted([*data["election_verbs"], *copulas], key=len, reverse=True))
    )
    gap = data["election_gap"]
    m = re.match(rf"(?:等\d+人)?(?:{gap})(?:全票|高票|同时)?(?:{verbs})", text[end : end + 24])
    if m is None:
        return []
    at = end + m.end()
    org = _longest(orgs_by_start.get(at, []))
    copula = text[:at].endswith(tuple(copulas))
    if copula and org is None:
        return []  # 张三是一名志愿者: no body written
    if org is not None and org.text in data["committee_names"]:
        org = None  # 当选经费审查委员会主任: a post in the body being elected
    length = 0 if org is None else org.end - org.start
    if org is None:  # 当选联合会主席: the body last named with that head noun
        noun = next((n for n in data["bare_body_nouns"] if text.startswith(n, at)), None)
        named = [
            o
            for o in ctx.mentions
            if noun
            and o.label in ORG_TYPES
            and ctx.local(o)[1] <= at
            and o.display_name.endswith(noun)
        ]
        if named:
            org, length = named[-1], len(noun)
        elif last is not None and not re.search(r"[。！？\n]", text[last[1] : at]):
            org = last[0]
        else:  # …工会召开会员大会,选举吴秋北担任会长: the one body of the sentence
            org = _sole_body(ctx, end)
            if org is None:
                return []
    rest = at + length
    if copula:
        # 她同时是A与B的理事长: bodies joined before 的 share the post
        joined = [org]
        while (join := _JOINER.match(text, rest)) and (
            more := _longest(orgs_by_start.get(join.end(), []))
        ):
            joined.append(more)
            rest = join.end() + (more.end - more.start)
        # 主国杰是福建省天辰耀隆新材料有限公司的操作工
        linker = re.match(data["copula_linker"], text[rest : rest + 6])
        rest += linker.end() if linker else 0
        if len(joined) > 1:
            if not (linker and linker.group(0).startswith("的")):
                return []  # 他是A与B合作的…: no post of theirs
            role, _ = _post_after(text, rest, is_post, data)
            return [(o, role) for o in joined] if role else []
    # 副会长、会长: a chain of posts up to the clause's end, else the first post alone
    role, stop = _post_after(text, rest, is_post, data)
    if role is None:
        return []
    found = [(org, role)]
    # 先后担任A常务理事、B理事长等职: the next body and its posts after 、
    while text.startswith("、", stop) and (more := _longest(orgs_by_start.get(stop + 1, []))):
        role, stop = _post_after(text, stop + 1 + more.end - more.start, is_post, data)
        if role is None:
            break
        found.append((more, role))
    return found


_JOINER = re.compile(r"[与和及、]")


def _post_after(text: str, rest: int, is_post, data: dict) -> tuple[str | None, int]:
    """The posts written from ``rest`` (a chain up to the clause's end, else the first
    post alone; a closing 等职 dropped) and where they end."""
    for closers in (r"[，,。；;\n]", r"[，,。；;、\n]"):
        close = re.search(rf"{closers}|等职|$", text[rest : rest + 30])
        stop = rest + (close.start() if close else 0)
        role = text[rest:stop]
        term = re.match(r"第[一二三四五六七八九十\d]+届(?:委员会|理事会)?", role)
        offset = term.end() if term else 0
        committee = next((c for c in data["committee_names"] if role.startswith(c, offset)), "")
        offset += len(committee)
        if len(role) <= offset:
            return None, rest
        posts = role[offset:]
        if all(is_post(text, rest + offset + a, rest + offset + b) for a, b in _parts(posts)):
            return role, stop
    return None, rest


def _sole_body(ctx: DocContext, end: int) -> Mention | None:
    """The one organisation named in the sentence before ``end`` (nested names aside)."""
    lo = ctx.sentence_of(max(0, end - 1))[0]
    named = ctx.top_level(
        [o for o in ctx.mentions if o.label in ORG_TYPES and lo <= ctx.local(o)[0] < end]
    )
    names = {o.display_name for o in named}
    return named[0] if len(names) == 1 else None


def _listed_line(
    ctx: DocContext, text: str, person: Mention, orgs_by_start: dict[int, list[Mention]], lex
) -> list[tuple[Mention, str]]:
    """``李雪贞 饿了么外卖配送员``: a line of a list of people that opens on the name and
    goes on, after a space, with the person's body and a post ending the line."""
    start, end = ctx.local(person)
    line_start = text.rfind("\n", 0, start) + 1
    gap = _LINE_GAP.match(text, end)
    if text[line_start:start].strip() or gap is None:
        return []
    org = _longest(orgs_by_start.get(gap.end(), []))
    if org is None:
        return []
    line_end = text.find("\n", gap.end())
    role = text[ctx.local(org)[1] : line_end if line_end >= 0 else len(text)].strip()
    if len(role) > lex.max_post_len or not any(role[k:] in lex.posts for k in range(len(role))):
        return []
    return [(org, role)]


def _programme_owner(
    ctx: DocContext, programmes: list[Mention], orgs_by_start: dict[int, list[Mention]]
) -> Mention | None:
    """The body whose name opens a programme's name written right before a post
    (``重庆长安汽车股份有限公司(劳模创新)工作室领办人刘源``: the company), or None."""
    programme = _longest(programmes)
    if programme is None:
        return None
    start, end = ctx.local(programme)
    owners = [o for o in orgs_by_start.get(start, []) if ctx.local(o)[1] < end]
    return _longest(owners)


def _bare_body(
    ctx: DocContext, text: str, end: int, data: dict
) -> tuple[Mention | None, int | None]:
    """``…政协副主席、总工会主席陈克安``: a body written by its head noun alone, after
    、 in a chain, is the one of that kind in the place of the body written before it
    (吴忠市政协 → 吴忠市总工会), when the article names it."""
    noun = next((n for n in data["bare_body_nouns"] if text.endswith(n, 0, end)), None)
    if noun is None:
        return None, None
    start = end - len(noun)
    if text[start - 1 : start] not in _CHAIN_SEPARATORS:
        return None, None
    sentence_start = ctx.sentence_of(start)[0]
    left = [
        o
        for o in ctx.mentions
        if o.label in ORG_TYPES and sentence_start <= ctx.local(o)[0] and ctx.local(o)[1] < start
    ]
    if not left:
        return None, None
    previous = max(left, key=lambda o: ctx.local(o)[1])
    place = next(
        (
            p
            for p in ctx.mentions
            if p.label == EntityType.PLACE and p.start == previous.start and p.end < previous.end
        ),
        None,
    )
    if place is None:
        return None, None
    wanted = place.text + noun
    same = [
        o
        for o in ctx.mentions
        if o.label in ORG_TYPES and o.display_name.endswith(wanted) and o is not previous
    ]
    return (_longest(same), start) if same else (None, None)


def _parts(role: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for part in role.split("、"):
        spans.append((at, at + len(part)))
        at += len(part) + 1
    return spans


def _chain_starts(text: str, end: int, is_post, max_len: int) -> list[int]:
    """Every start of a post chain ending at ``end``, longest chain first.

    ``市总工会主席`` ends in both ``主席`` and ``工会主席``; the caller keeps the first start
    at which an organisation ends.
    """
    joiners = _post_joiners()
    starts: list[int] = []
    frontier = [end]
    while frontier:
        cursor = frontier.pop()
        for length in range(1, min(max_len, cursor) + 1):
            start = cursor - length
            if is_post(text, start, cursor):
                starts.append(start)
                if text[start - 1 : start] in joiners:  # 党组书记、副主席, 副秘书长兼部长
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
