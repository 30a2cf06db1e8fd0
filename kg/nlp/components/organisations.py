"""``kg_organisations``: place + body + suffix names, typed by their head suffix."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.automaton import PhraseMatch, Phrases
from kg.nlp.doc import (
    CJK,
    Candidate,
    Word,
    add_candidate,
    clause_start,
    doc_text,
    register_extensions,
    word_index_at,
)
from kg.nlp.grow import NUMERALS, Piece, grow_left, is_specific, made_of
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.types import EntityType

__all__ = ["OrganisationRecognizer"]

_PHRASE_TAGS = frozenset({"l", "i", "v", "vn", "a", "ad", "an", "d"})
_TRADE_NAME_TAGS = frozenset({"l", "v", "vn", "a", "i", "nr", "nz", "n", "j", "f", "b", "m"})
_TASK_TAGS = frozenset({"n", "vn", "v", "a", "an"})  # 女性生殖健康知识宣讲团
_SESSION = re.compile(r"第[〇零一二三四五六七八九十百\d]+届")
_COORDINATED = re.compile(r"(?:委|政府)[省市区县州镇乡]$")
_ENUMERATED_ITEM = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff()（）]{1,9}")
_OWNER_TYPES = frozenset(
    {
        EntityType.PLACE,
        EntityType.UNION,
        EntityType.ENTERPRISE,
        EntityType.GOVERNMENT_BODY,
        EntityType.ORGANIZATION,
    }
)
_TRADE_TAGS = frozenset({"n", "nz", "vn"})  # 农林, 气象, 教育 in 自治区农林气象工会
_UNION_SHORT = re.compile(r"(?<=[省市区县镇州])总(?!工会)")
_BODY_TYPES = frozenset(
    {EntityType.UNION, EntityType.ENTERPRISE, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
)
# a unit's name: characters, digits and parentheses, 和/与 inside (劳动和经济工作部)
_UNIT_TAIL = re.compile(r"[\u4e00-\u9fff\d()（）]+")
_UNIT_MAX = 20
_ITEM_MAX = 20  # the longest list item read back for a collective determiner
_UNIT_STOPS = frozenset("的在是为了将等向对把被从由获")
_LEVEL_CHARS = frozenset("省市区县镇乡州旗盟")
# two or more levels written together (区县, 县市区, 区县(市)): every body of those levels
_LEVELS_ONLY = re.compile(r"[省市区县镇乡州旗]{2,}(?:[(（][省市区县镇乡州旗、]+[)）])?")

_NUMERAL = re.compile(f"[{NUMERALS}]+")


class OrganisationRecognizer:
    """Grow a name leftwards from every organisation head suffix.

    The last head decides the type (``中建安装苏杭公司工会`` is a Union), except a sub-unit
    head (部, 处, 分会 …) which inherits the type of the organisation it follows
    (``天津市总工会劳动关系部`` is a Union). A name must be specific (``企业工会`` is not a
    name) unless its left part is only level words (``市总工会``: a short form that
    resolution qualifies with the article's place).
    """

    def __init__(self, lex: Lexicon, priority: int = 30) -> None:
        register_extensions()
        self.lex = lex
        self.priority = priority
        heads = sorted({*lex.org_suffixes, *lex.subunit_suffixes}, key=lambda s: (-len(s), s))
        self.head_re = Phrases(heads)
        self.posts = tuple(sorted(lex.posts, key=len, reverse=True))
        self.post_phrases = Phrases(lex.posts)
        self.brand_re = Phrases(lex.enterprise_brand_heads)
        self.media_res = tuple(re.compile(p, re.MULTILINE) for p in lex.media_patterns)
        groups = "|".join(map(re.escape, lex.quoted_group_heads))
        self.quoted_group_re = re.compile(rf"“([\u4e00-\u9fff·]{{2,10}})”({groups})")
        self.break_re = Phrases([w for w in lex.left_breaks if len(w) > 1])
        closers = "|".join(
            map(re.escape, sorted({w for ws in lex.enumeration_closers.values() for w in ws}))
        )
        # A、B、C等企业 (items joined by 、, the last one maybe by 和/及)
        self.enumeration_re = re.compile(
            rf"((?:[^、，,。；;：:！？\n“”]{{2,12}}、)+[^、，,。；;：:！？\n“”]{{2,12}}?)等({closers})"
        )
        roles = "|".join(map(re.escape, lex.byline_roles))
        self.byline_re = re.compile(rf"[(（](?:{roles})[^)）]*[)）]")
        self.body_heads = (
            tuple(h for h, t in lex.org_suffixes.items() if t != EntityType.UNION)
            + tuple(lex.subunit_suffixes)
            + lex.union_parent_heads
        )
        self.programme_heads = tuple(
            p
            for p in lex.programme_suffixes
            if any(p.endswith(h) and p != h for h in heads) and p not in lex.shared_programme_heads
        )
        # venue heads that end in an organisation head (会展中心 ends in 中心)
        self.venue_heads = tuple(
            v for v in lex.venue_suffixes if any(v.endswith(h) and v != h for h in heads)
        )

    def __call__(self, doc: Doc) -> Doc:
        text, words, lex = doc_text(doc), doc._.kg_words or [], self.lex
        word_ends = {w.end for w in words}
        word_starts = {w.start for w in words}
        found: list[Candidate] = self._union_short_forms(doc, word_ends)
        self._brands(doc, word_ends)
        place_spans = {  # the places proposed before; this loop adds bodies only
            (c.start, c.end) for c in doc._.kg_candidates or [] if c.label == EntityType.PLACE
        }
        place_starts = {s for s, _ in place_spans}
        place_ends = {e for _, e in place_spans}
        # bodies named before this component ran (the gazetteer's): a unit takes their type
        known_bodies = [c for c in doc._.kg_candidates or [] if c.label in _BODY_TYPES]
        for m in self._head_matches(text):
            head = m.group(0)
            if (
                m.end() not in word_ends
                and not _followed_by_head(text, m.end(), self.head_re)
                and not text.startswith(self.posts, m.end())
                and not self._modified_post(text, m.end())
            ):
                continue  # 局长, 部分: the head is inside a longer word (but 市总工会|主席 is not)
            if m.start() not in word_starts:
                inside, tag = _word_prefix(words, m.start(), text)
                if head in lex.subunit_suffixes and any(
                    c.end == m.start() - len(inside) for c in found
                ):
                    pass  # 瑶海区总工会|组宣部(l): a department word right after its body
                elif (
                    len(inside) < 2
                    and head not in ("总工会", "工会")
                    and inside not in lex.level_words
                    and not _NUMERAL.fullmatch(inside)  # 中建|二局: a group's numbered bureau
                ):
                    continue  # 格局, 全部, 大厅
                elif tag in _PHRASE_TAGS:
                    continue  # 服务大局: an idiom or verb phrase, not a name
                elif inside + text[m.start() : m.end()] in lex.domain_words:
                    continue  # 上市公司: a common term of the domain that ends in a head
            if lex.org_suffixes.get(head) != EntityType.UNION and text.startswith(
                tuple(lex.community_suffixes), m.end()
            ):
                continue  # 何埂镇联盟村, 中心社区: the head begins a village's or community's name
            if text.startswith(lex.person_nouns, m.end()) and m.start() not in place_ends:
                continue  # 工会工作者, 工会干部: people of a kind, not a body (吴忠市总工会干部
                # is one named body's)
            if head == "工会" and text.startswith(lex.union_branded_heads, m.end()):
                continue  # 银河社区工会驿站: a programme's name (kg_programmes)
            if text.endswith(lex.false_org_heads, 0, m.end()):
                continue  # 顾大局, 新格局: a common word, not a body
            if any(text.startswith(lex.words_over_heads, i) for i in range(m.start(), m.end())):
                continue  # 市人社部|门 (部门), 省委|中心工作: a common word over the head's end
            if text.startswith(lex.body_posts, m.start()) and any(
                c.end == m.start() and c.label in _BODY_TYPES
                for c in [*found, *(doc._.kg_candidates or [])]
            ):
                continue  # 工联会|立法会议员: after a body's name the head begins a post
            following = self.head_re.match(text, m.end())
            after = lex.org_suffixes.get(following.group(0)) if following else None
            organ = following is not None and following.group(0) in lex.organ_departments
            subunit = following is not None and following.group(0) in lex.subunit_suffixes
            if following is not None and (
                following.group(0) in lex.place_bound_heads or text.startswith(self.posts, m.end())
            ):
                following = None  # 开封大学|党委书记, 劳工及福利局|局长: a post, not the name
            if following and after != EntityType.UNION and not (organ or subunit):
                continue  # 中铁十八局|集团, 旅行社|总社: part of a longer name
            # (县委|组织部, 公安局|交警支队, 总工会|经审会, 股份|总厂: a body and its
            # department or sub-unit are both bodies)
            if text[: m.end()].endswith(self.programme_heads):
                continue  # 工匠学院, 创新工作室联盟: a programme head, not an organisation
            if text[: m.end()].endswith(self.venue_heads):
                continue  # 国际会展中心: a venue head (kg_places), an organisation if it acts
            start, pieces = grow_left(text, words, m.start(), lex, max_chars=30, allow_quotes=True)
            if start == m.start():
                start, pieces = self._name_word_before(text, words, m.start(), pieces)
            task_named = False
            if head in lex.team_heads and start == m.start():
                start, pieces = self._task_name(text, words, m.start())
                task_named = bool(pieces)
            if head in lex.conjoined_heads and pieces:
                start, pieces = self._conjoined(doc, text, words, start, pieces, found)
            byline = self.byline_re.match(text, start, m.start())
            if byline:
                start = byline.end()  # (记者郑莉)澳门工会联合总会: the byline is not the name
                pieces = [p for p in pieces if p.start >= start]
            if head in lex.subunit_suffixes:
                # …林业局溪水森林经营所(所/c)|森林资源管护中队: growth stopped at a body's end
                start = min([start] + [c.start for c in found if c.end == start < m.start()])
            if head in lex.subunit_suffixes or head in lex.unit_heads:
                start, pieces = self._bridged_unit(text, words, start, m.start(), pieces, found)
            start, pieces = _over_cut_place(text, start, m.start(), pieces, place_spans)
            for union in found:
                if (
                    union.label == EntityType.UNION
                    and start <= union.start
                    and union.end < m.start()
                    and union.end in place_starts
                    and text.endswith("工会", 0, union.end)
                ):
                    start = union.end  # 湖南省直属基层工会|湖南省总工会机关工会: two unions
                    pieces = [p for p in pieces if p.start >= start]
            if lex.org_suffixes.get(head) == EntityType.UNION:
                opened = _place_opened(pieces, place_spans, found)
                if opened is not None:
                    start = opened  # 全面总结(n n)|沙坪坝区工会: common words before its place
                    pieces = [p for p in pieces if p.start >= start]
            national = _national_start(text, start, m.start(), lex.national_openers, place_spans)
            if national is not None:
                start = national  # 厦门|全国总工会…: a national name; the place names no level
                pieces = [p for p in pieces if p.start >= start]
            label = self._label(head, text, start, m.start(), [*known_bodies, *found])
            if label is None:
                continue
            if label == EntityType.GOVERNMENT_BODY and head in lex.committee_heads:
                label = self._committee_label(doc, start, m.start(), found)
            if label == EntityType.ENTERPRISE:
                trade = self._trade_name_start(text, words, start)
                if trade < start:  # the place the trade name follows makes the name specific
                    pieces = [*pieces, Piece(trade, start, text[trade:start], "ns")]
                start = trade
                if head.endswith(lex.company_forms):  # not …有限公司|微粉分公司
                    start = self._after_company(text, start, m.start())
            if text[start] in lex.prepositions and _word_tag(words, start) not in ("ns", "nt"):
                start += 1  # 于是向众惠公司提出: jieba glued 向 to the name (向众惠/nr)
                pieces = [p for p in pieces if p.start >= start]
            joined = [
                c.end + 1
                for c in found
                if c.label in _BODY_TYPES
                and start <= c.start
                and c.end < m.start() - 1
                and text[c.end] in self.lex.conjunctions
            ]
            if joined:
                start = max(joined)  # 重庆市总工会|和|国网重庆市电力公司: two bodies joined
                pieces = [p for p in pieces if p.start >= start]
            if _COORDINATED.search(text, start, m.start()):
                start = m.start() - 1  # 市委|市政府, 省委|省政府: two bodies, not one name
                pieces = []
            # …有限公司|工会: the union of a company named just before takes its whole name
            start = min([start] + [c.start for c in found if c.end == m.start()])
            left = text[start : m.start()]
            glued = len(pieces) == 1 and pieces[0].tag not in ("ns", "nt")
            if glued and len(left) > 1 and all(ch in lex.level_words for ch in left):
                continue  # 省区公司, 市县工会: every such body of the levels, not one
            if start and _word_at(words, start - 1, text).startswith(lex.collective_determiners):
                continue  # 各省|区管理中心: each province's, not one body
            # 各区(县)总工会、乡镇(街道)工会联合会: 各 is for the whole list, but not for an
            # item with a name of its own (各镇街总工会、滕州经济开发区工会)
            if _after_collective_item(
                words, text, start, lex.collective_determiners
            ) and not is_specific(pieces, lex, strict=True):
                continue
            if (
                glued
                and len(left) > 1
                and left[-1] in lex.level_words
                and left not in lex.place_names  # 吉林省政府 is one jieba word
                and left not in lex.level_words  # 自治区|教育厅 is not 区教育厅
                and left not in lex.zone_words  # 高新区(nr)|总工会 is the zone's union
                and (start, m.start()) not in place_spans  # 冗渡镇(n)|卫生院 is a town's
            ):
                # 经省总工会: jieba glued a word to the level; the name is the short form 省总工会
                start, left, pieces = m.start() - 1, left[-1], []
            elif (
                len(pieces) > 1
                and pieces[0].text in lex.level_words
                and pieces[0].end == m.start()
                and pieces[1].tag in ("v", "vn", "vd")
            ):
                # 组织港澳职工游览|市|总工会…: an action before the level word, which is the
                # short form's; no place name is written before it
                start, left, pieces = pieces[0].start, pieces[0].text, []
            elif lead := _modifiers_before_level(pieces, lex):
                # 2017年度|省石油化学工会: a name opens on its level, not on a modifier
                pieces = pieces[:-lead]
                start = pieces[-1].start
                left = text[start : m.start()]
            if not left and head in lex.standalone_bodies and start == m.start():
                name = head  # 财政部, 人力资源社会保障部: a national body named by its head
                candidate = Candidate(start, m.end(), label, name, "org-suffix", self.priority)
                found.append(candidate)
                add_candidate(doc, candidate)
                continue
            if not left or _SESSION.search(left):
                continue
            if text[start : m.end()] in self._union_committees:
                continue  # 选出女职工委员会和经费审查委员会: a union's own committee, no body
            if head in lex.place_bound_heads and not (
                left.endswith(lex.place_suffixes) or left in lex.level_words
            ):
                continue  # 公司党委: a company's committee is no body of its own
            if head in lex.place_opened_heads and not (
                start in place_starts or text.startswith(tuple(lex.level_words), start)
            ):
                continue  # 车辆安检申报厅: a hall, not a department of a government
            if left.startswith("“") and label == EntityType.UNION:
                continue  # “苏杭安+”工会品牌: a slogan before 工会, not a union's name
            if not (is_specific(pieces, lex) or task_named or self._short_form(left)):
                continue
            if head in ("工会", "总工会") and self._collective(left, head):
                continue  # 粤港澳三地工会, 四川工会: the unions of places, not one body
            if head == "工会" and self._listed_short_place(text, start, left):
                continue  # 与香港、澳门工会的合作: the places listed share 工会, no one body
            if head == "工会" and self._kind_after_places(pieces):
                # 广东省广州市|基层工会: the place's unions of a kind, not one body; it still
                # ends the name after it (湖南省直属基层工会|湖南省总工会机关工会)
                found.append(Candidate(start, m.end(), label, text[start : m.end()], "", 0))
                continue
            if lex.collective_place_re.match(left):
                continue  # 六县职工综合服务中心: the bodies of several places, not one
            if head == "工会" and not (
                is_specific(pieces, lex, strict=True)
                or left.endswith(self.body_heads)
                or self._level_trade(pieces)
                or self._short_brand(left)
                or left in lex.zone_words
            ):
                continue  # 深化工会, 助推工会: X工会 needs a proper name or a body before it
            name = text[start : m.end()].replace("“", "").replace("”", "")
            parents = [p for p in found if p.start == start and p.end <= m.start()]
            parent = max(parents, key=lambda p: p.end, default=None)  # the longest
            if parent is not None and parent.name != text[parent.start : parent.end]:
                name = parent.name + text[parent.end : m.end()]  # 天津市总 + 劳动关系部
            rule = "org-suffix"
            if self._programme_site(doc, text, start, m.start(), m.end(), found):
                label, rule = EntityType.PROGRAMME, "programme-site"
            generic = self._generic(doc, pieces, start, m.start(), found)
            if label == EntityType.ORGANIZATION and generic and not task_named:
                continue  # 11个试点中心, 骑手友好医院: a kind of body, not a named one
            candidate = Candidate(start, m.end(), label, name, rule, self.priority)
            found.append(candidate)
            add_candidate(doc, candidate)
        self._chain_departments(doc, found)
        self._units(doc)
        self._enumerated_companies(doc)
        self._media(doc)
        self._quoted_groups(doc)
        return doc

    def _quoted_groups(self, doc: Doc) -> None:
        """A quoted name and a group's members noun ending the word (“中建好妈妈”志愿者是…)
        name a team: lexicon ``quoted_group_heads``; a name character after the noun
        (志愿者服务队, 志愿者行动) makes it part of a longer name."""
        text, lex = doc_text(doc), self.lex
        for m in self.quoted_group_re.finditer(text):
            after = text[m.end() : m.end() + 1]
            if CJK.match(after) and after not in lex.name_stop_chars:
                continue
            name = m.group(1) + m.group(2)
            add_candidate(
                doc,
                Candidate(
                    m.start(),
                    m.end(),
                    EntityType.ORGANIZATION,
                    name,
                    "org-quoted-group",
                    self.priority,
                ),
            )

    def _task_name(self, text: str, words, head_start: int) -> tuple[int, list[Piece]]:
        """A team named by its task (女性|生殖(vn)|健康(a)|知识(v)|宣讲团, lexicon
        ``team_heads``), where jieba's tags stopped the name's growth: the content words
        right before the head, up to a function word, a clause's verb or punctuation;
        four to ten characters, else none."""
        lex = self.lex
        i = word_index_at(words, head_start - 1) if head_start > 0 else -1
        taken: list[Piece] = []
        chars = 0
        while i >= 0:
            w = words[i]
            if (
                w.end != (taken[0].start if taken else head_start)
                or w.tag not in _TASK_TAGS
                or not all(CJK.match(ch) for ch in w.text)
                or w.text in lex.left_breaks
                or w.text in self._clause_verbs
                or chars + len(w.text) > 10
            ):
                break
            taken.insert(0, Piece(w.start, w.end, w.text, w.tag))
            chars += len(w.text)
            i -= 1
        if chars < 4:
            return head_start, []
        return taken[0].start, taken

    def _chain_departments(self, doc: Doc, found: list[Candidate]) -> None:
        """``天门市委常委、统战部部长``: a department named after 、 in a post chain that
        follows an organ is that organ's department (天门市委统战部), the name written
        short; lexicon ``organ_departments``."""
        text, lex = doc_text(doc), self.lex
        departments = sorted(lex.organ_departments, key=len, reverse=True)
        for body in found:
            if body.label != EntityType.GOVERNMENT_BODY:
                continue
            post = next((p for p in self.posts if text.startswith(p, body.end)), None)
            if post is None or text[body.end + len(post) : body.end + len(post) + 1] != "、":
                continue
            start = body.end + len(post) + 1
            unit = next((d for d in departments if text.startswith(d, start)), None)
            if unit is None or not text.startswith(self.posts, start + len(unit)):
                continue
            name = body.name + unit
            add_candidate(
                doc,
                Candidate(
                    start, start + len(unit), body.label, name, "org-chain-unit", self.priority
                ),
            )

    def _units(self, doc: Doc) -> None:
        """A unit written after a body's name and before a post is a body of its own, of
        the body's type: ``鞍钢工程重机公司灵山机械重型车间班长`` → 鞍钢工程重机公司灵山机械
        重型车间, ``瑶海区总工会组宣部部长`` → 瑶海区总工会组宣部 (lexicon ``unit_heads``;
        the post may follow a two-character qualifier: 新林林场|营林|技术员)."""
        text, lex = doc_text(doc), self.lex
        words = doc._.kg_words or []
        word_ends = {w.end for w in words}
        # verbs that end a name on the left (lexicon left_breaks): never inside a unit's name
        verbs = [w for w in words if w.tag.startswith("v") and w.text in lex.left_breaks]
        verb_starts = [w.start for w in verbs]
        candidates = list(doc._.kg_candidates or [])
        extents = {(c.start, c.end) for c in candidates if c.label in _BODY_TYPES}
        # an organ's departments are read from their own suffixes (县委|组织部), not here
        bodies = sorted(
            (c for c in candidates if c.label in _BODY_TYPES - {EntityType.GOVERNMENT_BODY}),
            key=lambda c: (c.start - c.end, c.start),
        )
        for body in bodies:
            tail = _UNIT_TAIL.match(text, body.end, min(len(text), body.end + _UNIT_MAX))
            if tail is None:
                continue
            i = bisect_left(verb_starts, body.end)
            first_verb_end = verbs[i].end if i < len(verbs) else len(text) + 1
            end = None
            for stop in range(tail.end(), body.end + 1, -1):
                unit = text[body.end : stop]
                if not unit.endswith(lex.unit_heads) or unit in lex.unit_heads:
                    continue
                if stop not in word_ends and not self.post_phrases.match(text, stop):
                    continue  # 负责人和部|分: the head ends inside a word (but 研究|室主任)
                if first_verb_end <= stop:
                    continue  # 总工会|崔华副调研员带领市女职工部: a clause, not a unit
                if unit.endswith(lex.unit_not_bodies) or unit.endswith(lex.false_org_heads):
                    continue
                if unit[0] in lex.conjunctions or _UNIT_STOPS & set(unit):
                    continue
                if any(self.post_phrases.match(text, stop + k) for k in range(3)):
                    end = stop
                    break
            if end is None or (body.start, end) in extents:
                continue
            extents.add((body.start, end))
            name = body.name + text[body.end : end]
            add_candidate(
                doc, Candidate(body.start, end, body.label, name, "org-unit", self.priority)
            )

    def _bridged_unit(self, text: str, words, start: int, head_start: int, pieces, found):
        """A unit's name whose growth stopped at a verb-tagged word right after its body's
        name: 国网河北电科院|开关(v)|技术研究室 is the body's 开关技术研究室. The word
        (one to three characters, no function word or name-ending verb) joins the unit's
        name, which then opens with the body's."""
        if start >= head_start:
            return start, pieces
        i = word_index_at(words, start - 1) if start > 0 else -1
        if i < 0:
            return start, pieces
        w = words[i]
        if (
            w.end != start
            or w.tag not in ("v", "vn")
            or not 1 < len(w.text) <= 3
            or not CJK.match(w.text)
            or w.text in self.lex.left_breaks
            or w.text in self._clause_verbs
            or _UNIT_STOPS & set(w.text)
        ):
            return start, pieces  # 电科院|推进|技术研究室建设: the clause's verb
        bodies = [c for c in found if c.end == w.start and c.label in _BODY_TYPES]
        if not bodies:
            return start, pieces
        body = max(bodies, key=lambda c: c.end - c.start)
        return body.start, [Piece(w.start, w.end, w.text, w.tag), *pieces]

    def _media(self, doc: Doc) -> None:
        """Media named as a source (GUIDELINES: media): 中工网讯, 东北网3月2日讯,
        (据西藏商报), 摄(人民视觉), 工人日报-中工网记者; lexicon ``media_patterns``, each
        group that matches is a name."""
        text = doc_text(doc)
        for pattern in self.media_res:
            for m in pattern.finditer(text):
                for group in range(1, (pattern.groups or 0) + 1):
                    if m.group(group) is None:
                        continue
                    add_candidate(
                        doc,
                        Candidate(
                            m.start(group),
                            m.end(group),
                            EntityType.ORGANIZATION,
                            m.group(group),
                            "org-media",
                            self.priority,
                        ),
                    )

    def _enumerated_companies(self, doc: Doc) -> None:
        """The items of a list closed by 等企业 / 等单位 (建明酒店、七彩云童装、嘉柏服装等企业)
        are companies: every item after 等企业, and after 等单位 when most items already read
        as companies. Items are 2–10 characters with no function word."""
        text, lex = doc_text(doc), self.lex
        candidates = doc._.kg_candidates or []
        by_extent = {(c.start, c.end): c.label for c in candidates}
        for m in self.enumeration_re.finditer(text):
            closing = m.group(2)
            items, pos = [], m.start(1)
            parts = m.group(1).split("、")
            last = re.split(r"(?<=..)[和及](?=..)", parts[-1], maxsplit=1)
            for part in parts[:-1] + last:
                start = text.index(part, pos)
                pos = start + len(part)
                items.append((start, pos))
            if len(items) < 2:
                continue
            # the first item starts after the clause's last function word (其中包括|建明酒店)
            first_start, first_end = items[0]
            for w in self.break_re.finditer(text, first_start, first_end):
                if w.end() < first_end:
                    first_start = w.end()
            items[0] = (first_start, first_end)
            typed = [by_extent.get(item) for item in items]
            companies = sum(t == EntityType.ENTERPRISE for t in typed)
            if closing in lex.enumeration_closers["Enterprise"]:
                pass
            elif not (closing in lex.enumeration_closers["any"] and companies * 2 > len(items)):
                continue
            for (start, end), label in zip(items, typed, strict=True):
                name = text[start:end]
                if label is not None or not _ENUMERATED_ITEM.fullmatch(name):
                    continue
                if any(w in name for w in lex.left_breaks if len(w) > 1) or name in lex.not_person:
                    continue
                add_candidate(
                    doc,
                    Candidate(start, end, EntityType.ENTERPRISE, name, "org-list", self.priority),
                )

    def _union_short_forms(self, doc: Doc, word_ends: set[int]) -> list[Candidate]:
        """``襄阳市总``, ``昌平区总``: a union named by place + 总; its name gets 工会."""
        text, words, lex = doc_text(doc), doc._.kg_words or [], self.lex
        found: list[Candidate] = []
        for m in _UNION_SHORT.finditer(text):
            if m.end() not in word_ends:
                continue  # 总体, 总经理, 总书记: 总 starts a longer word
            start, pieces = grow_left(text, words, m.start(), lex, max_chars=12)
            left = text[start : m.start()]
            if not left or not (is_specific(pieces, lex, strict=True) or self._short_form(left)):
                continue
            candidate = Candidate(
                start,
                m.end(),
                EntityType.UNION,
                text[start : m.end()] + "工会",
                "union-short",
                self.priority,
            )
            found.append(candidate)
            add_candidate(doc, candidate)
        return found

    def _brands(self, doc: Doc, word_ends: set[int]) -> None:
        """Companies written as a place's short name + their trade (湖南移动, 云南铜业,
        南通轨道交通): a brand head right after a place that is not a province, county or
        district written in full, ending a word that no company suffix follows."""
        text = doc_text(doc)
        places = {
            c.end: c
            for c in doc._.kg_candidates or []
            if c.label == EntityType.PLACE and not text.endswith(("省", "区", "县"), c.start, c.end)
        }
        for end, place in sorted(places.items()):
            head = self.brand_re.match(text, end)
            if head is None or head.end() not in word_ends:
                continue
            if self.head_re.match(text, head.end()):
                continue  # 云南铜业|集团: the full name is found from its suffix
            name = text[place.start : head.end()]
            candidate = Candidate(
                place.start, head.end(), EntityType.ENTERPRISE, name, "org-brand", self.priority
            )
            add_candidate(doc, candidate)
        # jieba keeps the place and the trade as one word (云南铜业/nz): the same name
        shorts = self._place_short_names | self.lex.place_names
        for w in doc._.kg_words or []:
            head = self.brand_re.search(w.text)
            if head is None or head.end() != len(w.text) or w.start + head.start() in places:
                continue
            if w.text[: head.start()] not in shorts or self.head_re.match(text, w.end):
                continue
            add_candidate(
                doc,
                Candidate(
                    w.start, w.end, EntityType.ENTERPRISE, w.text, "org-brand", self.priority
                ),
            )

        # a company's short name of place and trade initials before its union (太钢工会)
        for w in doc._.kg_words or []:
            if self._short_brand(w.text) and text.startswith("工会", w.end):
                add_candidate(
                    doc,
                    Candidate(
                        w.start, w.end, EntityType.ENTERPRISE, w.text, "org-brand", self.priority
                    ),
                )

    def _name_word_before(
        self, text: str, words: list[Word], at: int, pieces: list[Piece]
    ) -> tuple[int, list[Piece]]:
        """The word ending at ``at`` when it names a body whatever jieba's tag (攀钢/v,
        自贸区/l): a company's short brand or a zone word; else ``at`` and ``pieces``."""
        word = words[word_index_at(words, at - 1)] if words and at > 0 else None
        if (
            word is not None
            and word.end == at
            and (self._short_brand(word.text) or word.text in self.lex.zone_words)
        ):
            return word.start, [Piece(word.start, word.end, word.text, "nz")]
        return at, pieces

    def _short_brand(self, left: str) -> bool:
        """True for a company's two-character short name: a place's initial and a trade's
        (lexicon ``enterprise_trade_initials``)."""
        lex = self.lex
        return (
            len(left) == 2
            and left[0] in lex.place_initials
            and left[1] in lex.enterprise_trade_initials
        )

    def _conjoined(self, doc: Doc, text: str, words, start: int, pieces, found):
        """Two fields joined by 与 in a faculty's or an institute's name (机械与汽车学院,
        环境与资源研究所): a bare noun before 与, not the end of another name, belongs to
        the name, which grows on from it."""
        if not text.endswith("与", 0, start) or start < 3:
            return start, pieces
        i = word_index_at(words, start - 2)
        field = words[i] if 0 <= i < len(words) else None
        if (
            field is None
            or field.end != start - 1
            or not field.tag.startswith("n")
            or field.tag in ("nr", "ns", "nt", "nz")
            or not 1 < len(field.text) <= 4
            or any(c.end == field.end for c in (*(doc._.kg_candidates or []), *found))
        ):
            return start, pieces
        new_start, more = grow_left(text, words, field.start, self.lex, max_chars=30)
        while more and more[-1].text in self.lex.org_suffixes:
            new_start = more.pop().end  # 学校|机械与汽车学院: a bare head is not the name's
        new_start = max(new_start, min((p.start for p in more), default=field.start))
        joined = [
            Piece(start - 1, start, "与", "c"),
            Piece(field.start, field.end, field.text, field.tag),
        ]
        return new_start, [*pieces, *joined, *more]

    def _programme_site(
        self, doc: Doc, text: str, start: int, head_start: int, end: int, found: list[Candidate]
    ) -> bool:
        """Whether an organisation-headed name is a programme (GUIDELINES: service sites,
        alliances): a 中心 named, after its owners (places, bodies), only by its users and
        purpose (三亚市总工会|帮扶中心, 滨州市|职工健康服务中心); a 工作室联盟 named by its
        members' kind, with no place or body in its name (职工创新工作室联盟, not
        昌平农服中心劳模创新工作室联盟). One that organises (承办单位为…职工服务中心,
        …中心主办) acts, so is an organisation (GUIDELINES: a venue that acts)."""
        lex = self.lex
        clause = clause_start(text, start)
        if any(w in text[clause:start] for w in lex.organiser_roles) or text.startswith(
            lex.organiser_roles, end
        ):
            return False
        owners = [
            c
            for c in (*(doc._.kg_candidates or []), *found)
            if c.label in _OWNER_TYPES and start <= c.start and c.end <= head_start
        ]
        if text.endswith(lex.ownerless_programme_heads, 0, end):
            return not owners
        if not text.endswith(lex.shared_programme_heads, 0, end):
            return False
        owner_end = max((c.end for c in owners), default=start)
        rest = text[owner_end:head_start].replace("“", "").replace("”", "")
        return bool(rest) and made_of(rest, lex.programme_users | lex.programme_purpose_words)

    def _generic(
        self, doc: Doc, pieces: list[Piece], start: int, head_start: int, found: list[Candidate]
    ) -> bool:
        """Whether an organisation's name is only common words before its head: no
        proper-name word, quote or ordinal, no place or body inside it, not opened by a
        level (市人民医院, a short form resolution qualifies), no faculty joining two
        fields (机械与汽车学院) and no head whose names are common words (工人日报)."""
        lex, text = self.lex, doc_text(doc)
        if is_specific(pieces, lex, strict=True):
            return False
        if text.startswith(tuple(lex.level_words), start):
            return False
        if text.startswith(lex.common_name_heads, head_start):
            return False
        if any(p.text == "与" for p in pieces):
            return False
        return not any(
            start <= c.start and c.end <= head_start
            for c in (*(doc._.kg_candidates or []), *found)
            if c.label in _OWNER_TYPES
        )

    def _committee_label(
        self, doc: Doc, start: int, head_start: int, found: list[Candidate]
    ) -> EntityType:
        """A committee named after a school, an association or a programme run as one
        (贵州省国防工业工匠学院|车工专业技术委员会) is that body's committee, an Organization;
        after a union it is a union body (深圳市总工会|女职工委员会); after a place or an
        organ it is a government one (港城工业园区管理委员会)."""
        inside = [
            c
            for c in (*(doc._.kg_candidates or []), *found)
            if start <= c.start and c.end <= head_start and c.label != EntityType.PLACE
        ]
        if inside and all(
            c.label in (EntityType.ORGANIZATION, EntityType.PROGRAMME) for c in inside
        ):
            return EntityType.ORGANIZATION
        if inside and all(c.label == EntityType.UNION for c in inside):
            return EntityType.UNION
        return EntityType.GOVERNMENT_BODY

    def _label(
        self, head: str, text: str, start: int, head_start: int, found: list[Candidate]
    ) -> EntityType | None:
        if (
            head in self.lex.numbered_bureau_heads
            and head_start > start
            and _NUMERAL.fullmatch(text[head_start - 1])
        ):
            return EntityType.ENTERPRISE  # 中建二局, 中铁十八局: a group's numbered bureau
        if head in self.lex.org_suffixes and head not in self.lex.subunit_suffixes:
            return self.lex.org_suffixes[head]
        # sub-unit: inherit from an organisation (found here or a known name) inside it
        for parent in reversed(found):
            if parent.start >= start and parent.end <= head_start:
                return parent.label
        if head in self.lex.place_branch_heads and text[start:head_start] in self.lex.place_names:
            return EntityType.ENTERPRISE  # 长沙分公司: a company's branch named by its city
        return self.lex.org_suffixes.get(head)

    def _after_company(self, text: str, start: int, head_start: int) -> int:
        """A company's name starts after another company's full form written before it:
        …有限责任公司|和|平陆运河集团有限公司 is two companies joined by 和 (jieba read 和平)."""
        for form in self.lex.company_forms:
            at = text.rfind(form, start, head_start)
            if at >= 0:
                start = at + len(form)
                if text[start : start + 1] in self.lex.left_breaks:
                    start += 1
                break
        return start

    def _trade_name_start(self, text: str, words, start: int) -> int:
        """江苏|唯得康(l)医疗科技有限公司, 鄂尔多斯市|呼能(v)运销(vn)有限公司: jieba often
        mis-tags a company's trade name; right after a place it is part of the name."""
        i = word_index_at(words, start - 1) if start > 0 else -1
        chars = 0
        for taken in range(4):  # up to three mis-tagged words, then the place
            if i < 0:
                break
            w = words[i]
            if w.tag == "ns":
                return w.start if taken else start
            chars += len(w.text)
            single = len(w.text) == 1 and w.text not in self.lex.name_stop_chars
            if (
                w.tag not in _TRADE_NAME_TAGS
                or not (single or 1 < len(w.text) <= 3)
                or chars > 6
                or w.text in self.lex.left_breaks
                or not CJK.match(w.text)
            ):
                break
            i -= 1
        return start

    @cached_property
    def _union_committees(self) -> frozenset[str]:
        """A union's own committees (relations.yaml committee_names: 经费审查委员会,
        女职工委员会): written alone they name no body, a post in one is the union's."""
        from kg.extract.context import relation_data

        return frozenset(relation_data()["committee_names"])

    @cached_property
    def _clause_verbs(self) -> frozenset[str]:
        """Verbs that act in a clause (trigger words, programme runners, posts taken)."""
        lex = self.lex
        words = [w for ws in lex.triggers.values() for w in ws]
        return frozenset(
            [*words, *lex.programme_triggers, *lex.programme_runners, *lex.appointment_verbs]
        )

    @cached_property
    def _place_short_names(self) -> frozenset[str]:
        lex = self.lex
        shorts = {e.pattern for e in lex.gazetteer if str(e.label) == "Place" and e.pattern != e.id}
        return frozenset(shorts | {"大湾区", "粤港澳大湾区"})

    def _listed_short_place(self, text: str, start: int, left: str) -> bool:
        """True if ``left`` is a place's short name listed after another one (香港、澳门):
        the bare 工会 after it is for all the places listed."""
        shorts = self._place_short_names
        if left not in shorts or text[start - 1 : start] != "、":
            return False
        return any(text.endswith(s, 0, start - 1) for s in shorts)

    def _collective(self, left: str, head: str) -> bool:
        """True if ``left`` + ``head`` names the unions of one or more places together:
        a collective word at its end, or (before a bare 工会) two or more places' short names."""
        lex = self.lex
        if left.endswith(lex.collective_place_words):
            return True
        if len(left) >= 2 and left[-2] in lex.collective_numerals and left[-1] in _LEVEL_CHARS:
            return True  # 渝中江北两区总工会: a count of places before the head
        if _LEVELS_ONLY.fullmatch(left):
            return True  # 各区县(市)总工会: the unions of every level below, not one
        if head != "工会":
            return False
        region = next((r for r in lex.collective_regions if left.startswith(r)), None)
        if region is not None and made_of(left[len(region) :], lex.generic_modifiers):
            return True  # 粤港澳大湾区工会, 长三角区域城市工会: the unions of a region's places
        shorts = self._place_short_names
        count = 0
        while left:
            word = max((w for w in shorts if left.startswith(w)), key=len, default=None)
            if word is None and left[0] in lex.province_abbreviations:
                word = left[0]
            if word is None:
                return False
            left, count = left[len(word) :], count + 1
        return count > 1  # 西安工会 is the one union of 西安

    def _kind_after_places(self, pieces: list[Piece]) -> bool:
        """True when only places and kinds of union (lexicon union_kinds) stand before a bare 工会
        (广东省广州市|基层工会, 湖南省|直属|基层工会): a kind of union in those places."""
        rest = [p for p in pieces if p.tag != "ns"]
        return (
            len(rest) < len(pieces)
            and bool(rest)
            and all(p.text in self.lex.union_kinds for p in rest)
        )

    def _level_trade(self, pieces: list[Piece]) -> bool:
        """True for a level word and a trade before 工会 (自治区|农林|气象工会, 省|教育工会):
        a place's industrial union, which resolution qualifies with the article's place."""
        lex = self.lex
        if len(pieces) < 2 or pieces[-1].text not in lex.level_words:
            return False
        trade = pieces[:-1]
        return (
            all(p.tag in _TRADE_TAGS and p.text not in lex.generic_modifiers for p in trade)
            and sum(len(p.text) for p in trade) >= 2
        )

    def _head_matches(self, text: str) -> Iterator[PhraseMatch]:
        """The heads in ``text``, leftmost first; where a head begins inside one and ends
        after it, the later one is taken (工人报|社: 报社 over 工人报)."""
        done = 0
        for m in self.head_re.finditer(text):
            if m.start() < done:
                continue
            for k in range(m.start() + 1, m.end()):
                longer = self.head_re.match(text, k)
                if longer is not None and longer.end() > m.end():
                    m = longer
                    break
            done = m.end()
            yield m

    def _modified_post(self, text: str, at: int) -> bool:
        """A post with a modifier before it (lexicon ``post_modifiers``) begins at ``at``
        (报社|原副总编辑)."""
        modifier = next((w for w in self.lex.post_modifiers if text.startswith(w, at)), None)
        return modifier is not None and text.startswith(self.posts, at + len(modifier))

    def _short_form(self, left: str) -> bool:
        levels = self.lex.level_words
        return (
            left in levels
            or left in self.lex.zone_words
            or (len(left) <= 4 and all(ch in levels for ch in left))
        )


def _followed_by_head(text: str, end: int, head_re: Phrases) -> bool:
    return bool(head_re.match(text, end))


def _after_collective_item(words, text: str, start: int, determiners: tuple[str, ...]) -> bool:
    """True if the name at ``start`` is listed (after 、) after an item with a word that
    opens with a collective determiner (与各区(县)总工会、…): it is for every item."""
    at = start
    while at > 0 and text[at - 1] == "、":
        item = max(clause_start(text, at - 1), text.rfind("、", 0, at - 1) + 1)
        if at - 1 - item > _ITEM_MAX:
            return False
        if any(
            w.start >= item and text.startswith(determiners, w.start)
            for w in words[word_index_at(words, item) : word_index_at(words, at - 1)]
        ):
            return True
        at = item
    return False


def _national_start(
    text: str, start: int, head: int, openers: tuple[str, ...], places: set[tuple[int, int]]
) -> int | None:
    """Where a national name (全国…, 中华全国…) starts inside a name that places open
    (厦门|全国总工会劳模疗休养中心), else None."""
    cursor = start
    while cursor < head:
        if cursor > start and text.startswith(openers, cursor):
            return cursor
        step = max((e for s, e in places if s == cursor and e <= head), default=None)
        if step is None:
            return None
        cursor = step
    return None


def _place_opened(
    pieces: list[Piece], place_spans: set[tuple[int, int]], found: list[Candidate]
) -> int | None:
    """Where a union's name starts when only common nouns (jieba ``n``) are written before
    its first place and no body ends there: at the place; None otherwise."""
    places = [k for k, p in enumerate(pieces) if (p.start, p.end) in place_spans]
    if not places or places[-1] == len(pieces) - 1:
        return None
    first = pieces[places[-1]]
    if any(c.end == first.start for c in found):
        return None
    if all(p.tag == "n" for p in pieces[places[-1] + 1 :]):
        return first.start
    return None


def _modifiers_before_level(pieces: list[Piece], lex: Lexicon) -> int:
    """How many of a name's first pieces (``pieces`` run nearest the head first) are
    generic modifiers written before a level word, which opens the name; 0 if none."""
    for k, piece in enumerate(pieces[:-1]):
        if piece.text in lex.level_words and all(
            p.text in lex.generic_modifiers for p in pieces[k + 1 :]
        ):
            return len(pieces) - k - 1
    return 0


def _word_at(words, offset: int, text: str) -> str:
    i = word_index_at(words, offset)
    return text[words[i].start : words[i].end] if 0 <= i < len(words) else ""


def _word_tag(words, offset: int) -> str:
    i = word_index_at(words, offset)
    return words[i].tag if 0 <= i < len(words) else ""


def _word_prefix(words, offset: int, text: str) -> tuple[str, str]:
    """The part before ``offset`` of the word ``offset`` falls inside, and its tag."""
    i = word_index_at(words, offset)
    if 0 <= i < len(words) and words[i].start < offset < words[i].end:
        return text[words[i].start : offset], words[i].tag
    return "", ""


@Language.factory("kg_organisations", default_config={"priority": 30})
def make_organisations(nlp: Language, name: str, priority: int) -> OrganisationRecognizer:
    return OrganisationRecognizer(load_lexicon(), priority=priority)


def _over_cut_place(
    text: str, start: int, head: int, pieces: list[Piece], places: set[tuple[int, int]]
) -> tuple[int, list[Piece]]:
    """Move a name's start that jieba left inside a place (九里|堤街道总工会, the place
    九里堤街道 proposed by its level) to the place's start, and over the places written
    right before it (金牛区 + 九里堤街道 + 总工会)."""
    cut = [(s, e) for s, e in places if s < start < e <= head and e - s >= 3]  # not 和|省
    if not cut:
        return start, pieces
    place_start, place_end = min(cut)
    kept = [p for p in pieces if p.start >= place_end]
    new = [Piece(place_start, place_end, text[place_start:place_end], "ns")]
    while (
        before := max((s for s, e in places if e == place_start and s < e), default=None)
    ) is not None:
        new.insert(0, Piece(before, place_start, text[before:place_start], "ns"))
        place_start = before
    return place_start, [*new, *kept]
