"""``kg_programmes``: quoted programme names and programme head suffixes."""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.automaton import PhraseMatch, Phrases
from kg.nlp.doc import (
    CJK,
    Candidate,
    add_candidate,
    clause_start,
    doc_text,
    register_extensions,
    word_index_at,
)
from kg.nlp.grow import NUMERALS, grow_left, is_specific, made_of
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.types import EntityType

__all__ = ["ProgrammeRecognizer"]

_PROPER = frozenset({"ns", "nz", "nt", "nr", "j"})
_MAX_TRIGGER_SPAN = 16
_MAX_TAIL = 14
_TAIL_BODY = re.compile(r"[\u3400-\u9fff+]+")
_NAME_BODY = re.compile(r"[\u3400-\u9fff“”·+]+")
_FUNCTION_TAGS = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "q", "y", "e"}
)
# a slogan may be two phrases joined by one comma (“留蓉不孤单,工会服务不打烊”); a sentence
# end inside the quotes makes it speech
_QUOTED = re.compile(r"“([^“”，,。；;！？!?\n]{2,20}(?:[，,][^“”，,。；;！？!?\n]{3,14})?)”")
_AWARD_OBJECT = re.compile(
    r"[\u3400-\u9fff\d“”()（）·]{2,40}?(?=[，,。；;！？!?：:、\n]|称号|荣誉称号|等(?!奖)|的|$)"
)
_AWARD_FUNCTION_TAGS = frozenset({"r", "p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "y", "e"})
_COUNT = re.compile(r"[两三四五六七八九十\d]+[项个类]")
_CHAIN_LINKS = frozenset({"", "、", "和", "及", "与", "以及"})
_ORG_LABELS = frozenset(
    {EntityType.UNION, EntityType.ENTERPRISE, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
)
_COUNTED_QUOTE = re.compile(r"“([两三四五六七八九十])[\u4e00-\u9fff]{1,3}”")
_CJK_COUNTS = {c: i for i, c in enumerate("零一两三四五六七八九十") if i >= 2}
_PERIOD = re.compile(r"(?:第[一二三四五六七八九十百\d]+期|首期)$")
_JOINERS = frozenset("和与及暨")  # joining words jieba may glue to the next word
_MAX_ITEM = 10
_BODY_TAGS = frozenset({"n", "nt", "ns", "nz", "j"})
_EVENT_TAIL = -1  # _tail: the description after a quoted name names an event
_TRAILING_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)[个名家项位人]$")


class ProgrammeRecognizer:
    """Programmes, campaigns, service sites, brands.

    * ``“劳模工匠进校园”行动`` → 劳模工匠进校园行动 (a class word after the quote belongs
      to the name);
    * ``“产投匠星”评选``, ``开展“红棉之心”“红棉之旅”`` → the quoted name (a follower word
      after it, or a set-up trigger before a chain of quotes);
    * ``爱心母婴室``, ``司机之家`` → head suffixes; weak heads (机制, 热线, 平台 …) count
      only after a set-up trigger in the same clause.
    """

    def __init__(self, lex: Lexicon, priority: int = 35) -> None:
        register_extensions()
        self.lex = lex
        self.priority = priority
        self.class_re = Phrases(lex.programme_class_words)
        self.follower_re = Phrases(lex.programme_followers)
        quote_triggers = sorted(
            {*lex.programme_triggers, *lex.programme_runners}, key=lambda w: (-len(w), w)
        )
        self.trigger_re = re.compile(
            "(?:" + "|".join(map(re.escape, quote_triggers)) + r")(?:了|的|出)?$"
        )
        recipients = "".join(sorted(lex.recipient_classifiers))
        self.recipients_re = re.compile(rf"[{NUMERALS}\d]+[{recipients}]$")
        tail_heads = {*lex.programme_suffixes, *lex.weak_programme_suffixes}
        self.event_heads = tuple(lex.event_suffixes)
        self.union_heads = tuple(h for h, t in lex.org_suffixes.items() if t == EntityType.UNION)
        self.tail_heads = tuple(sorted(tail_heads | set(lex.programme_class_words), key=len))
        self.meeting_re = re.compile(
            "(?:"
            + "|".join(map(re.escape, lex.joint_meeting_heads))
            + ")(?:"
            + "|".join(map(re.escape, lex.meeting_system_heads))
            + ")"
        )
        self.body_heads = tuple(sorted(lex.org_suffixes, key=len, reverse=True))
        self.head_re = Phrases(lex.programme_suffixes)
        contests = "|".join(map(re.escape, lex.programme_contests))
        self.contest_tail_re = re.compile(rf"[\u3400-\u9fff]{{0,6}}?({contests})")
        self.weak_re = Phrases(lex.weak_programme_suffixes)
        self.shared_re = Phrases(lex.shared_programme_heads)
        self.setup_re = Phrases(lex.triggers["establishes"])
        self.setup_words = frozenset(lex.triggers["establishes"])
        self.title_re = Phrases(lex.programme_title_heads)
        verbs = sorted({*lex.award_verbs, *lex.award_marked_verbs}, key=lambda w: (-len(w), w))
        self.award_re = re.compile("|".join(map(re.escape, verbs)))
        self.level_grades = tuple(g for g in lex.generic_modifiers if g.endswith("级"))
        runners = {*lex.triggers["establishes"], *lex.triggers["organizes"], *lex.programme_runners}
        self.adjacent_re = Phrases(sorted(runners, key=lambda w: (-len(w), w)))

    def __call__(self, doc: Doc) -> Doc:
        self._meeting_systems(doc)
        self._titles(doc)
        self._awards(doc)
        self._quoted(doc)
        self._heads(doc, self.head_re, weak=False)
        self._heads(doc, self.weak_re, weak=True)
        # 创新工作室 is itself a head, so 职工创新工作室联盟 needs its own pass
        self._heads(doc, self.shared_re, weak=False)
        self._launched(doc)
        self._campuses(doc)
        self._counted(doc)
        self._coordinated(doc)
        return doc

    def _campuses(self, doc: Doc) -> None:
        """A campus of a programme run as a school is part of the programme (云南工匠学院电网
        校区, GUIDELINES: training institutions run as programmes), and so is a campus listed
        right after it (、普洱校区); other campuses stay venues."""
        text = doc_text(doc)
        places = sorted(
            (
                c
                for c in doc._.kg_candidates or []
                if c.label == EntityType.PLACE and c.name.endswith(self.lex.campus_heads)
            ),
            key=lambda c: c.start,
        )
        last_end = None
        for c in places:
            owned = any(h in c.name for h in self.lex.owned_heads)
            listed = last_end is not None and text[last_end : c.start] == "、"
            if owned or listed:
                self._emit(doc, c.start, c.end, c.name, "programme-campus")
                last_end = c.end
            else:
                last_end = None

    def _counted(self, doc: Doc) -> None:
        """The items a counted quote sums up (春送岗位、夏送清凉、金秋助学、冬送温暖“四送”活动;
        送清凉、送安全等“四送”服务): at most as many items, joined by 、, as the quote counts,
        each of 2-6 characters; the first is cut, at a word start, to the others' length
        when the verb before it ran into it (做好|送清凉)."""
        text, words = doc_text(doc), doc._.kg_words or []
        starts = {w.start for w in words}
        for m in _COUNTED_QUOTE.finditer(text):
            count = _CJK_COUNTS.get(m.group(1), 0)
            end = m.start() - (1 if text.endswith("等", 0, m.start()) else 0)
            clause = clause_start(text, end)
            items = text[clause:end].split("、")
            if not 2 <= len(items) <= count:
                continue
            longest = max(len(i) for i in items[1:])
            first = items[0][-longest:] if len(items[0]) > longest else items[0]
            pos = end - sum(len(i) + 1 for i in items[1:]) - len(first)
            if pos not in starts:
                continue
            spans, at = [], pos
            for item in [first, *items[1:]]:
                if not (2 <= len(item) <= 6 and _TAIL_BODY.fullmatch(item)):
                    spans = []
                    break
                spans.append((at, at + len(item)))
                at += len(item) + 1
            for a, b in spans:
                self._emit(doc, a, b, text[a:b], "programme-counted")

    def _launched(self, doc: Doc) -> None:
        """A programme named before the launch word of its launch event (新就业形态女职工免费
        “两癌”筛查活动|启动仪式, …队伍培育行动计划|启动暨…开班仪式): the part before the
        launch word ends in a programme head, not in an event's (…研学活动启动)."""
        text = doc_text(doc)
        heads = (*self.tail_heads, *self.lex.programme_contests)
        for event in [c for c in doc._.kg_candidates or [] if c.label == EntityType.EVENT]:
            start = event.start
            for part in re.split("(暨)", text[event.start : event.end]):
                end = start + len(part)
                if part != "暨":
                    launch = next((w for w in self.lex.launch_heads if part.endswith(w)), None)
                    body = part[: -len(launch)] if launch else ""
                    close = body.find("”")
                    if body.startswith("“") and 0 < close < len(body) - 1:
                        # “中国梦·劳动美…”滨海新区职工阅读年: the theme is not the name
                        start, body = start + close + 1, body[close + 1 :]
                    name = body.replace("“", "").replace("”", "")
                    if (
                        len(name) >= 4
                        and name.endswith(heads)
                        and not name.endswith(self.event_heads)
                        and body.count("“") == body.count("”")
                    ):
                        self._emit(doc, start, start + len(body), name, "programme-launched")
                start = end

    def _coordinated(self, doc: Doc) -> None:
        """Items listed with a programme and ending in the same head are programmes too
        (金牌职工奖、十佳职工创新成果奖、十佳金点子奖; 工会驿站、就享家服务站、心灵驿站):
        each item a run of content words between list links (lexicon coordinated_heads)."""
        text, words = doc_text(doc), doc._.kg_words or []
        if not words:
            return
        starts = {w.start: i for i, w in enumerate(words)}
        ends = {w.end: i for i, w in enumerate(words)}
        todo = [
            c
            for c in doc._.kg_candidates or []
            if c.label == EntityType.PROGRAMME and c.start in starts and c.end in ends
        ]
        seen = {(c.start, c.end) for c in todo}
        while todo:
            c = todo.pop()
            head = next((h for h in self.lex.coordinated_heads if c.name.endswith(h)), None)
            if head is None:
                continue
            for item in (
                self._item_before(text, words, starts[c.start]),
                self._item_after(text, words, ends[c.end]),
            ):
                if item is None or item in seen:
                    continue
                start, end = item
                name = text[start:end]
                if not name.endswith(head) or len(name) <= len(head) + 1:
                    continue
                seen.add(item)
                found = Candidate(start, end, EntityType.PROGRAMME, name, "programme-list", 33)
                add_candidate(doc, found)
                todo.append(found)

    def _item_before(self, text: str, words, i: int) -> tuple[int, int] | None:
        """The list item written before word ``i`` (…、|item|、word i), if any."""
        if i < 2 or words[i - 1].text not in self.lex.list_links:
            return None
        end, j = words[i - 1].start, i - 2
        while j >= 0 and self._item_word(words[j]) and end - words[j].start <= _MAX_ITEM:
            j -= 1
        start = words[j + 1].start if j + 1 < i - 1 else end
        return (start, end) if start < end else None

    def _item_after(self, text: str, words, i: int) -> tuple[int, int] | None:
        """The list item written after word ``i``, if any."""
        if i + 2 >= len(words) or words[i + 1].text not in self.lex.list_links:
            return None
        start, j = words[i + 2].start, i + 2
        while j < len(words) and self._item_word(words[j]) and words[j].end - start <= _MAX_ITEM:
            j += 1
        end = words[j - 1].end if j > i + 2 else start
        return (start, end) if start < end else None

    def _item_word(self, w) -> bool:
        return (
            bool(_TAIL_BODY.fullmatch(w.text))
            and w.tag not in _FUNCTION_TAGS
            and w.tag not in ("v", "vd", "d", "ad")
            and w.text not in self.lex.left_breaks
            and w.text not in self.lex.list_links
        )

    def _meeting_systems(self, doc: Doc) -> None:
        """The system of a standing joint meeting of the parties written before it
        (政府与工会|联席会议制度, 市政府与市总工会|联席会议制度): each party a run of nouns
        ending in a body's head, joined by 与/和; the name is the whole."""
        text, words = doc_text(doc), doc._.kg_words or []
        ends = {w.end for w in words}
        for m in self.meeting_re.finditer(text):
            if m.end() not in ends:
                continue
            i = word_index_at(words, m.start()) - 1
            start, segment_end, links = m.start(), m.start(), 0
            while i >= 0 and words[i].end == start:
                w = words[i]
                if w.text in self.lex.event_name_links:
                    if start == segment_end or not text.endswith(self.body_heads, 0, segment_end):
                        break  # no party, or one that is no body, after the link
                    links += 1
                    segment_end = w.start
                elif w.tag in _BODY_TAGS and segment_end - w.start <= 10:
                    pass
                else:
                    break
                start = w.start
                i -= 1
            # the leftmost party: from where growth stopped to the last link
            first = start < segment_end and text.endswith(self.body_heads, 0, segment_end)
            if not (links and first):
                continue
            while text[start : start + 1] in self.lex.event_name_links:
                start += 1
            self._emit(doc, start, m.end(), text[start : m.end()], "programme-meeting-system")

    def _titles(self, doc: Doc) -> None:
        """Honorary titles given as programmes: a place, a region's literary name or a title
        word + 工匠 (浙江工匠, 北京大工匠, 云岭工匠, 人民工匠), ending a word."""
        text, words = doc_text(doc), doc._.kg_words or []
        places = {c.end: c.start for c in doc._.kg_candidates or [] if c.label == EntityType.PLACE}
        for m in _heads_at_word_ends(text, words, self.title_re):
            start = places.get(m.start())
            if start is None:
                qualifiers = (*self.lex.title_qualifiers, *self.lex.regional_title_names)
                qualifier = next((q for q in qualifiers if text.endswith(q, 0, m.start())), None)
                if qualifier is None:
                    continue
                start = m.start() - len(qualifier)
            self._emit(doc, start, m.end(), text[start : m.end()], "programme-title")

    def _awards(self, doc: Doc) -> None:
        """Titles awarded (GUIDELINES: award titles): the object of 被评为, 获评, 荣获 …
        (lexicon ``award_verbs``), or of 获得 when 称号 follows it (``award_marked_verbs``),
        each item of a list joined by 、; an item ends at its clause, 称号, 等 or 的 and
        holds no pronoun, preposition, particle or adverb. A contest's title (…竞赛先进个人)
        names the contest; a prize rank (一等奖) is no title."""
        text, words, lex = doc_text(doc), doc._.kg_words or [], self.lex
        if not words:
            return
        for verb in self.award_re.finditer(text):
            pos, items = verb.end(), []
            while (m := _AWARD_OBJECT.match(text, pos)) is not None:
                items.append((m.start(), m.end()))
                if not text.startswith("、", m.end()):
                    break
                pos = m.end() + 1
            if not items:
                continue
            last_end = items[-1][1]
            marked = text.startswith(("称号", "荣誉称号"), last_end)
            if verb.group(0) in lex.award_marked_verbs and not marked:
                continue
            for start, end in items:
                for part in _quoted_parts(text, start, end):
                    self._award(doc, text, words, *part)

    def _award(self, doc: Doc, text: str, words, start: int, end: int) -> None:
        lex = self.lex
        inside = [w for w in words if start <= w.start < end]
        if not inside or inside[0].start != start or inside[-1].end < end:
            return  # the verb or the end cuts a word
        body = text[start:end]
        quoted = body.startswith("“") and body.endswith("”") and body.count("“") == 1
        if not quoted and any(w.tag in _AWARD_FUNCTION_TAGS for w in inside):
            return  # a quoted title is a name as written (“重庆市供电服务之(u)星”)
        # a level grade is not part of the title (省级工人先锋号 is 工人先锋号)
        grade = next((g for g in self.level_grades if body.startswith(g)), None)
        if grade is not None and len(body) - len(grade) >= 3:
            start, body = start + len(grade), body[len(grade) :]
        if (count := _TRAILING_COUNT.search(body)) is not None:
            end, body = end - len(count.group(0)), body[: count.start()]
        if body.endswith(lex.prize_ranks) or _COUNT.match(body):
            return  # 一等奖; 荣获23个奖项: a count of prizes, no title
        contest = next((t for t in lex.contest_titles if body.endswith(t)), None)
        if contest is not None and body[: -len(contest)].endswith(self.event_heads):
            end, body = end - len(contest), body[: -len(contest)]
        name = body.replace("“", "").replace("”", "")
        if not 3 <= len(name) <= 24 or name in lex.programme_users:
            return
        self._emit(doc, start, end, name, "programme-award")

    def _emit(self, doc: Doc, start: int, end: int, name: str, rule: str) -> None:
        if name.endswith(self.lex.construction_heads) and any(
            w in name for w in self.lex.construction_markers
        ):
            # 宝安滨海廊桥工程, …产业园项目工程: a construction site (GUIDELINES: named
            # venues), not a programme
            add_candidate(
                doc, Candidate(start, end, EntityType.PLACE, name, "construction-site", 21)
            )
            return
        add_candidate(doc, Candidate(start, end, EntityType.PROGRAMME, name, rule, self.priority))

    def _quoted(self, doc: Doc) -> None:
        text = doc_text(doc)
        matches = list(_QUOTED.finditer(text))
        chain_ok = False
        emitted_before = 0  # candidates made before the previous quote was read
        for i, m in enumerate(matches):
            made = len(doc._.kg_candidates or [])
            # the previous quote was named a programme (“五大行动”“十件实事”)
            prev_named, emitted_before = made > emitted_before and i > 0, made
            inner = m.group(1)
            after = text[m.end() : m.end() + 12]
            if not CJK.search(inner) and not self.class_re.match(after):
                continue  # 推进“3+1”城市发展: a code, no name (“5.1”劳动周 has its kind)
            chained = i > 0 and _joined(text, matches[i - 1].end(), m.start())
            if not chained:
                before = text[max(0, m.start() - 6) : m.start()]
                chain_ok = bool(self.trigger_re.search(before))
            cls = self.class_re.match(after)
            formula_end = self._formula_tail(text, m.end()) if "+" in inner else None
            if formula_end is not None:
                # “工会+”劳动争议联合调处机制, “社区+园区+企业”共享职工之家: a formula that
                # qualifies the name after it, not a name of its own
                name = inner + text[m.end() : formula_end]
                self._emit(doc, m.start(), formula_end, name, "programme-quoted-tail")
                continue
            tail_end = self._tail(doc, text, m.end())
            if tail_end == _EVENT_TAIL:
                if not cls:
                    continue  # “粽叶飘香,情暖驿站”户外劳动者驿站慰问活动: an event's theme
                tail_end = None  # …”关爱货车司机系列活动: the class word names a programme
            if tail_end is not None and (not cls or tail_end > m.end() + len(cls.group(0))):
                # “三有三优”建功立业竞赛活动: a description ending in a programme head
                start, qualifier = self._quote_qualifier(doc, text, m.start(), firms=True)
                name = qualifier + inner + text[m.end() : tail_end]
                self._emit(doc, start, tail_end, name, "programme-quoted-tail")
                continue
            if cls:
                end = m.end() + len(cls.group(0))
                # “柳州工匠”品牌: a kind word says what the quoted name is; the name is the quote
                name = (
                    inner if cls.group(0) in self.lex.programme_kind_words else inner + cls.group(0)
                )
                self._emit(doc, m.start(), end, name, "programme-quoted-class")
                continue
            chain_end = m.end()
            j = i
            while j + 1 < len(matches) and _joined(text, chain_end, matches[j + 1].start()):
                j += 1
                chain_end = matches[j].end()
            tail = text[chain_end : chain_end + 3]
            if tail.startswith("的") or tail.startswith("即"):
                continue  # “孕有所护”“幼有所育”的“三育”服务体系: modifiers, not names
            # “新春写福”和“爱心义诊”两项服务: a count and a class word after the chain
            in_chain = chained or chain_end > m.end()
            counted = _COUNT.match(text, chain_end) if in_chain else None
            named = (
                self.follower_re.match(after)
                or (counted and self.class_re.match(text, counted.end()))
                # “审家规”和“劳模聚”服务: a class word after the chain names each
                or (chain_end > m.end() and self.class_re.match(text, chain_end))
            )
            if not named and "、" in inner and not inner.endswith(self.lex.programme_suffixes):
                continue  # 落实“自立自强、专业服务”: parallel phrases make a slogan, no name
            if (
                named
                or chain_ok
                or inner.endswith(self.lex.programme_suffixes)
                or (chained and prev_named)
            ):
                start, qualifier = self._quote_qualifier(doc, text, m.start())
                if qualifier:
                    # 镇江市“五一劳动奖章”, 书台社区“工会驿站”: the place is part of the name
                    self._emit(doc, start, m.end(), qualifier + inner, "programme-quoted")
                else:
                    self._emit(doc, m.start() + 1, m.end() - 1, inner, "programme-quoted")

    def _quote_qualifier(
        self, doc: Doc, text: str, quote: int, *, firms: bool = False
    ) -> tuple[int, str]:
        """The place written right before a quoted programme name, which qualifies it
        (镇江市“五一劳动奖章”): its start and text, else the quote's start and ''. A place
        after a venue preposition (在书台社区“…”) or a set-up verb (建成巴隆乡“…”) is where
        something is, not a qualifier. With ``firms``, an enterprise qualifies a name that
        goes on after the quote to a head (杰牌控股集团“五员合一”培训班)."""
        labels = (EntityType.PLACE, EntityType.ENTERPRISE) if firms else (EntityType.PLACE,)
        place = max(
            (
                c
                for c in doc._.kg_candidates or []
                if c.label in labels and c.end == quote and c.start < quote
            ),
            key=lambda c: quote - c.start,
            default=None,
        )
        if place is None or text[place.start - 1 : place.start] in self.lex.venue_prepositions:
            return quote, ""
        if self.trigger_re.search(text[max(0, place.start - 6) : place.start]):
            return quote, ""  # 建成巴隆乡“司机之家”: the place is where it was set up
        return place.start, text[place.start : quote]

    def _counted_recipients(
        self, text: str, start: int, pieces, places: set[tuple[int, int]]
    ) -> int | None:
        """The start of a title's place (one of ``places``) when only common nouns counted
        before it are written between (147个集体|河南省…): None otherwise."""
        at = [k for k, p in enumerate(pieces) if (p.start, p.end) in places]
        if not at or at[-1] == len(pieces) - 1:
            return None
        before = pieces[at[-1] + 1 :]
        if not all(p.tag == "n" for p in before) or not self.recipients_re.search(text, 0, start):
            return None
        return pieces[at[-1]].start

    def _formula_tail(self, text: str, start: int) -> int | None:
        """End of the name a quoted formula qualifies: the longest run of CJK text after
        it, up to a function character, that ends in a programme head, verbs included
        (联合调处机制)."""
        run = _TAIL_BODY.match(text, start)
        if run is None:
            return None
        body = run.group(0)[:_MAX_TAIL]
        stop = next((k for k, ch in enumerate(body) if ch in self.lex.name_stop_chars), None)
        body = body[:stop]  # “工会+人社”等五项机制: a list's count, no description
        ends = [k for k in range(2, len(body) + 1) if body[:k].endswith(self.tail_heads)]
        if not ends or body[: ends[-1]].endswith(self.lex.loose_tail_heads):
            return None  # “大户+公司”发展模式: a way of working, no programme
        return start + ends[-1]

    def _tail(self, doc: Doc, text: str, start: int) -> int | None:
        """End of a description written right after a quoted name that ends in a programme
        head (“九里小鸽”户外劳动者驿站): content words only, within the clause; a contest
        run as a campaign may hold its own 和 (“当好主人翁,建功新时代”网上劳动和技能竞赛).
        ``_EVENT_TAIL`` when the description names an event (…驿站慰问活动)."""
        words = doc._.kg_words or []
        if not words or start >= len(text):
            return None
        i = word_index_at(words, start)
        if words[i].start != start:
            return None
        contest = self.contest_tail_re.match(text, start)
        if contest is not None:
            inside = [w for w in words[i:] if w.start < contest.end()]
            prefix = [w for w in inside if w.start < contest.start(1)]
            if inside[-1].end == contest.end() and not any(
                w.tag in _FUNCTION_TAGS or w.text in self.lex.left_breaks for w in prefix
            ):
                return contest.end()
        best = None
        if words[i].tag == "v":
            return None  # “微心愿”列入办实事清单: a verb after the quote, not a description
        for w in words[i:]:
            if w.end - start > _MAX_TAIL or not _TAIL_BODY.fullmatch(w.text):
                break
            if w.tag in _FUNCTION_TAGS or w.text in self.lex.left_breaks:
                break
            tail = text[start : w.end]
            if len(tail) >= 3 and tail.endswith(self.tail_heads):
                best = w.end
        if best is not None and text[start:best].endswith(
            (*self.event_heads, *self.lex.loose_tail_heads)
        ):
            # “月正圆·长相伴”骑手中秋慰问活动 is an event (kg_events)
            return _EVENT_TAIL if text[start:best].endswith(self.event_heads) else None
        return best

    def _heads(self, doc: Doc, head_re: Phrases, *, weak: bool) -> None:
        text, words, lex = doc_text(doc), doc._.kg_words or [], self.lex
        places = {
            (c.start, c.end) for c in doc._.kg_candidates or [] if c.label == EntityType.PLACE
        }
        for m in _heads_at_word_ends(text, words, head_re):
            start, pieces = grow_left(text, words, m.start(), lex, max_chars=20, allow_quotes=True)
            # a union's short form before it is its owner, not its name (清河县总|职工健康服务站)
            owner_end = max(
                (
                    c.end
                    for c in doc._.kg_candidates or []
                    if c.label == EntityType.UNION and start <= c.start and c.end <= m.start()
                ),
                default=None,
            )
            if owner_end is not None and not self._owner_named(text, owner_end, m.start(), m.end()):
                start = owner_end
                pieces = [p for p in pieces if p.start >= owner_end]
            joined = text.rfind("暨", start, m.start())
            if joined >= 0:
                # …工匠学院推介暨|产教融合创新行动: 暨 joins two names, the head's is after it
                start = joined + 1
                pieces = [p for p in pieces if p.start >= start]
            # 授予|鞍山钢铁|全国五一劳动奖状: the body after a granting verb receives the title
            recipient = max(
                (
                    c.end
                    for c in doc._.kg_candidates or []
                    if c.label in _ORG_LABELS
                    and c.start == start
                    and c.end < m.start()
                    and text.endswith(lex.grant_verbs, 0, start)
                ),
                default=None,
            )
            if recipient is not None:
                start = recipient
                pieces = [p for p in pieces if p.start >= recipient]
            opened = self._counted_recipients(text, start, pieces, places)
            if opened is not None:
                # 147个集体|河南省工人先锋号: the ones counted receive the title, which opens
                # on its place
                start = opened
                pieces = [p for p in pieces if p.start >= opened]
            # an enterprise written right before its workers' site names it
            # (福州农商银行城门支行|工会驿站, GUIDELINES: service sites)
            firm = next(
                (
                    c
                    for c in doc._.kg_candidates or []
                    if c.label == EntityType.ENTERPRISE and c.end == start and c.start < start
                ),
                None,
            )
            if firm is not None and made_of(
                text[start : m.start()], lex.programme_users | lex.programme_purpose_words
            ):
                self._emit(
                    doc, firm.start, m.end(), text[firm.start : m.end()], "programme-firm-site"
                )
                continue
            # strip generic modifiers and set-up verbs on the left (高品质爱心母婴室 →
            # 爱心母婴室, 建设吉林“六新产业”工匠学院 → 吉林…工匠学院)
            while pieces and (
                pieces[-1].text in lex.generic_modifiers or pieces[-1].text in self.setup_words
            ):
                start = pieces[-1].end
                pieces = pieces[:-1]
            # jieba joined a conjunction to the word after it (前台服务区|和暖|蜂驿站): the
            # name starts after the conjunction
            for k, p in enumerate(pieces):
                if p.tag.startswith("nr") and p.text[:1] in _JOINERS and len(p.text) > 1:
                    rest = type(p)(p.start + 1, p.end, p.text[1:], "part")
                    start, pieces = p.start + 1, [*pieces[:k], rest]
                    break
            graded = False
            if not weak and text[start : m.start()] in lex.programme_users:
                # an award title: a grade before users + head (市级示范职工之家 → 示范职工之家);
                # jieba may tag the grade as a verb (示范/v), so it is read off the text
                grade = next((g for g in lex.programme_grades if text.endswith(g, 0, start)), None)
                if grade is not None:
                    start -= len(grade)
                    graded = True
            if (
                m.group(0) in lex.descriptive_programme_heads
                and (span := self._trigger_span(text, words, m.start())) is not None
            ):
                name = text[span : m.end()].replace("“", "").replace("”", "")
                self._emit(doc, span, m.end(), name, "programme-trigger")
                continue
            if not (graded or (pieces and is_specific(pieces, lex, strict=weak))):
                continue
            if m.group(0) in lex.shared_programme_heads and not made_of(
                text[start : m.start()], lex.programme_users | lex.programme_purpose_words
            ):
                continue  # a named alliance is an organisation (kg_organisations)
            if text[start - 1 : start] == "“":
                continue  # handled as a quoted name
            quotes = [i for i, p in enumerate(pieces) if p.tag == "quote"]
            if quotes and text[start - 1 : start] == "、":
                continue  # 金秋助学、冬送温暖“四送”活动: a list item, then the quoted name
            if quotes and (
                quotes[-1] == len(pieces) - 1 or pieces[quotes[-1] + 1].tag not in _PROPER
            ):
                continue  # 吉林“六新产业”工匠学院 yes, 冬送温暖“四送”活动 no
            if weak:
                mark = max(text.rfind(p, 0, start) for p in "，,。；;！？\n")
                if not self.setup_re.search(text, mark + 1, start) and not (
                    text.startswith(lex.launched_after, m.end())  # …培育工程|正式启动
                ):
                    continue
            period = _PERIOD.search(text, max(0, start - 6), start)
            if period is not None and not _TAIL_BODY.match(text, m.end()):
                # 第六期|职工医疗互助推进月。: the round is in the name; not 首期|…工作室|领衔人
                # 创新能力提升班, where the round is the longer name's
                start = period.start()
            name = text[start : m.end()].replace("“", "").replace("”", "")
            self._emit(doc, start, m.end(), name, "programme-head")

    def _owner_named(self, text: str, owner_end: int, head_start: int, head_end: int) -> bool:
        """Whether a service site keeps the union written in full before it as part of
        its name (GUIDELINES: service sites): 区总工会|法律援助|工作站, named after its owner
        by its users and purpose only, or by nothing but an owned head (…科研工会|工匠学院,
        lexicon owned_heads); a short form (清河县总|…) is only its owner."""
        rest = text[owner_end:head_start]
        return text.endswith(self.union_heads, 0, owner_end) and (
            (
                bool(rest)
                and made_of(rest, self.lex.programme_users | self.lex.programme_purpose_words)
            )
            or (not rest and text[head_start:head_end] in self.lex.owned_heads)
        )

    def _trigger_span(self, text: str, words, head_start: int) -> int | None:
        """Start of a weak head's descriptive name written right after the verb that sets
        up, holds or runs it (实施|职工建功立业创新创造活动, 举办的|一线职工省内疗休养活动):
        every word from the verb to the head, when none of them is a function word."""
        lo = max(0, head_start - _MAX_TRIGGER_SPAN - 8)
        clause = clause_start(text, head_start, lo)
        verbs = list(self.adjacent_re.finditer(text, clause, head_start))
        if not verbs:
            return None
        start = verbs[-1].end()
        if head_start - start < 2 and len(verbs) > 1:
            # 持续开展|厂务公开职代会星级创建|活动: a set-up verb ending the name is in it
            start = verbs[-2].end()
        while text.startswith(("了", "的"), start):
            start += 1
        body = text[start:head_start]
        if not 3 <= len(body) <= _MAX_TRIGGER_SPAN or not _NAME_BODY.fullmatch(body):
            return None
        inside = [w for w in words if start <= w.start < head_start]
        if not inside or inside[0].start != start:
            return None  # the verb ends inside a word: 开展|览, not a trigger
        if any(w.tag in _FUNCTION_TAGS or w.text in self.lex.left_breaks for w in inside):
            return None
        content = [w.text for w in inside if w.text not in self.lex.generic_modifiers]
        if sum(map(len, content)) < 3 or inside[0].text in self.lex.generic_modifiers:
            return None
        return start


def _joined(text: str, end: int, start: int) -> bool:
    """True if two quoted names are written together: side by side or joined by 、/和."""
    return text[end:start] in _CHAIN_LINKS


def _quoted_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted titles of an award's object written as a chain of quotes, each with its
    quotes (全国“双15工程重要贡献单位”“厂务公开民主管理先进单位”), else the object."""
    parts = [(m.start(), m.end()) for m in _QUOTED.finditer(text, start, end)]
    if len(parts) < 2 or any(not _joined(text, a[1], b[0]) for a, b in itertools.pairwise(parts)):
        return [(start, end)]
    if parts[-1][1] != end:
        return [(start, end)]
    return parts


def _heads_at_word_ends(text: str, words, head_re: Phrases) -> list[PhraseMatch]:
    """The longest head ending at each word end: 奖状 in 五一劳动|奖状, which a left-to-right
    scan misses after taking 劳动奖."""
    return head_re.longest_ending_at(text, [w.end for w in words])


@Language.factory("kg_programmes", default_config={"priority": 35})
def make_programmes(nlp: Language, name: str, priority: int) -> ProgrammeRecognizer:
    return ProgrammeRecognizer(load_lexicon(), priority=priority)
