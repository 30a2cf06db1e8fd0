"""``kg_events``: named meetings, contests and one-off activities."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.automaton import Phrases
from kg.nlp.doc import (
    CLAUSE_END,
    Candidate,
    add_candidate,
    clause_start,
    doc_text,
    register_extensions,
)
from kg.nlp.grow import NUMERALS, grow_left, is_specific
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.types import EntityType

__all__ = ["EventRecognizer"]


class EventRecognizer:
    """Grow an event name leftwards from its head (大会, 推进会, 大赛 …), taking ordinals
    (第二届, 首届), years (2024年) and quoted parts (“匠心筑梦·湾区同行”).

    Quotes are dropped from the name: ``2024年“春风送岗…”西安市春季大型招聘会`` →
    ``2024年春风送岗…西安市春季大型招聘会``.
    """

    def __init__(self, lex: Lexicon, priority: int = 32) -> None:
        register_extensions()
        self.lex = lex
        self.priority = priority
        self.head_re = Phrases(lex.event_suffixes)
        self.weak_heads = frozenset(lex.event_weak_heads)
        self.any_head_re = Phrases([*lex.event_suffixes, *lex.event_weak_heads])
        self.pattern_re = re.compile("|".join(lex.event_patterns))
        self.left_break_re = Phrases(lex.left_breaks)
        self.opener_re = Phrases(lex.event_openers)
        self.union_heads = tuple(
            s for s, label in lex.org_suffixes.items() if label == EntityType.UNION
        )
        heads = "|".join(map(re.escape, lex.event_suffixes))
        self.listed_re = re.compile(rf"(?:{heads})[”]?、")
        self.verb_re = Phrases(
            [*lex.event_openers, *lex.triggers["organizes"], *lex.event_subject_breaks]
        )
        classifiers = "".join(map(re.escape, lex.event_classifiers))
        self.quantity_re = re.compile(rf"[\d一二两三四五六七八九十几数多首]+[余多]?[{classifiers}]")

    def __call__(self, doc: Doc) -> Doc:
        text, words, lex = doc_text(doc), doc._.kg_words or [], self.lex
        word_ends = {w.end for w in words}
        found: list[Candidate] = []
        for m in self.any_head_re.finditer(text):
            weak = m.group(0) in self.weak_heads
            if not weak and text.startswith("”", m.end()):
                quoted = self._quoted(text, m.start(), m.end())
                if quoted is not None:
                    found.append(quoted)
                    continue
            if m.end() not in word_ends and text[m.end() : m.end() + 1] not in "暨，,。 ":
                continue
            start, pieces = grow_left(
                text, words, m.start(), lex, max_chars=40, allow_ordinals=True, allow_quotes=True
            )
            opened = self._opened_start(text, m.start(), start)
            if opened is None and text.startswith("上", m.end()):
                opened = self._at_start(text, m.start(), start)
            if opened is None:
                opened = self._subject_start(text, words, m.start(), m.end(), start)
            subject = opened is None and self._grown_subject(text, m.start(), m.end(), start)
            # …会员代表大会暨成立大会: a head right after 暨 joins the event before it
            joins = text[start - 1 : start] == "暨" and any(c.end == start - 1 for c in found)
            if opened is not None:
                start = opened
            elif not joins and (
                (weak and not subject) or not pieces or not is_specific(pieces, lex, strict=True)
            ):
                continue  # …活动 named by growth alone is no event (a programme's activity)
            start = self._after_series(text, start, m.start())
            dated = list(_YEAR.finditer(text, start, m.start()))
            if dated and _EDITION.search(text, dated[-1].end(), m.start()):
                # 从1954年|株洲市工会联合会第一次代表大会: the year dates an edition, which
                # names the event without it
                start = dated[-1].end()
            if start == m.start() and not joins:
                continue  # the head alone is left
            if weak and not self._weak_name(text[start : m.start()], held=subject):
                continue
            if text.startswith(lex.venue_suffixes, m.end()):
                continue  # 第一次全国劳动大会旧址 is a place
            name_start, prefix = start, ""
            for own, level in lex.self_references.items():
                if text.endswith(own, 0, start) or text.startswith(own, start):
                    # 我市工会第十六次代表大会 → 市工会…, which resolution qualifies
                    if text.endswith(own, 0, start):
                        start -= len(own)
                    name_start, prefix = start + len(own), level
                    break
            # a 劳动竞赛 runs as a campaign: a programme (GUIDELINES: competitions)
            contest = text.endswith(lex.programme_contests, 0, m.end())
            if text[start - 1 : start] == "暨" and not contest:
                # A暨B is one event named in full (GUIDELINES: A暨B events)
                before = [c for c in found if c.end == start - 1]
                if before:
                    start = before[-1].start
                    found = [c for c in found if c is not before[-1]]
                else:
                    start = self._joined_start(text, words, start - 1)
            listed = [e for e in self.listed_re.finditer(text, start, m.start())]
            if listed:
                start = listed[-1].end()  # 读书会、交流会、分享会: the last of a list
                own = [p for p in pieces if p.start >= start]
                if m.start() - start < _MIN_OPENED_NAME and not is_specific(own, lex, strict=True):
                    continue  # 举办…职工拔河友谊赛、职工运动会等活动: a kind of event, no name
            if not prefix:
                name_start = start  # a 暨 join may have moved the start
                if "暨" not in text[start : m.start()]:
                    name_start = self._last_place(text, start, m.start())
            if m.start() - name_start < 2:
                continue
            body = text[name_start : m.start()]
            if "、" in body and "等" in body.rsplit("、", 1)[-1]:
                continue  # 包括拔河比赛、头盔接力、夹球跑等在内的趣味运动会: a list, no name
            name = prefix + text[name_start : m.end()].replace("“", "").replace("”", "")
            label = EntityType.PROGRAMME if contest else EntityType.EVENT
            found.append(Candidate(start, m.end(), label, name, "event-head", self.priority))
            if (
                not contest
                and m.group(0).startswith(lex.ceremony_verbs)
                and text.endswith(lex.programme_contests, 0, m.start())
            ):
                # …劳动竞赛|启动仪式: the contest the ceremony launches, named as fully
                inner = prefix + text[name_start : m.start()].replace("“", "").replace("”", "")
                found.append(
                    Candidate(
                        start,
                        m.start(),
                        EntityType.PROGRAMME,
                        inner,
                        "event-contest",
                        self.priority,
                    )
                )
        for m in _QUOTED_JOINED.finditer(text):
            # “匠心智造 产教同行——…工匠学院推介暨产教融合创新行动”在…启动: a quoted name of
            # two parts joined by 暨, the subject of its clause held then and there
            clause = clause_start(text, m.start(), max(0, m.start() - 30))
            leader = _LEADER.match(text, clause)
            if (leader.end() if leader else clause) == m.start() and _HELD.match(text, m.end()):
                found.append(
                    Candidate(m.start(), m.end(), EntityType.EVENT, m.group(1), "event-quoted", 33)
                )
        for m in self.pattern_re.finditer(text):
            start = m.start()
            # 喜迎|工会十八大: a verb that ends names on the left is no part of one
            verb = self.left_break_re.match(text, start)
            if verb and text.startswith("工会", verb.end()):
                start = verb.end()
            found.append(
                Candidate(
                    start, m.end(), EntityType.EVENT, text[start : m.end()], "event-pattern", 31
                )
            )
        for candidate in found:
            if not self._in_slogan(text, candidate, found):
                add_candidate(doc, candidate)
        return doc

    @staticmethod
    def _in_slogan(text: str, inner: Candidate, found: list[Candidate]) -> bool:
        """A head inside the quoted slogan of a longer event's name is part of that name
        (“致敬户外劳动者,共赴新春嘉年华”——“工会服务户外劳动者日”社区宣传活动)."""
        return text[inner.end : inner.end + 1] == "”" and any(
            o.start <= inner.start and inner.end + 1 < o.end for o in found if o is not inner
        )

    def _after_series(self, text: str, start: int, head: int) -> int:
        """Where an event's name starts once a quoted series written in it is left out:
        the series before a mark (lexicon event_series_marks) is a programme, and the
        event is one part of it."""
        for mark in self.lex.event_series_marks:
            at = text.rfind("”" + mark, start, head)
            if at >= 0:
                start = max(start, at + 1 + len(mark))
        return start

    def _last_place(self, text: str, start: int, head: int) -> int:
        """Where an event's name starts when it opens on a chain of places: at the last
        one, the level that holds the event (江苏省连云港市|连云区…专题辅导报告会). A union's
        own meeting keeps the union's full name (合肥市瑶海区…楼宇工会联合会成立大会)."""
        places = self._place_chain(text, start, head)
        if len(places) < 2 or any(u in text[places[-1] : head] for u in self.union_heads):
            return start
        return places[-1]

    def _place_chain(self, text: str, start: int, head: int) -> list[int]:
        """Starts of the places written one after another from ``start`` (names with a
        level suffix only: 山东省, 滨州市)."""
        starts: list[int] = []
        at = start
        while at < head:
            end = self._place_end(text, at, head)
            if end is None:
                break
            starts.append(at)
            at = end
        return starts

    def _place_end(self, text: str, at: int, head: int) -> int | None:
        """End of the longest known place with a level suffix written at ``at``."""
        names, suffixes = self.lex.place_names, self.lex.place_suffixes
        for end in range(min(head, at + _MAX_PLACE), at + 1, -1):
            piece = text[at:end]
            if piece in names and piece.endswith(suffixes):
                return end
        return None

    def _weak_name(self, body: str, *, held: bool = False) -> bool:
        """A name before a weak head (活动) makes an event only when it is written as one:
        a quoted slogan, two parts joined by 暨 (2024年“春风送岗…”…招聘会暨…直播送岗活动),
        or, ``held``, a proper name that is the subject of where and when it is held
        (湖北职工技术创新成果交流展示活动在武汉工人文化宫举办); not a list or a description
        (讲座、展览和征文演讲等专题活动, 比赛的开幕活动)."""
        if any(ch in body for ch in self.lex.event_weak_breaks):
            return False
        return held or "暨" in body or "“" in body

    def _quoted(self, text: str, head: int, end: int) -> Candidate | None:
        """A quoted name that ends with an event head (合辦「香港海員大罷工勝利100周年紀念大會」)
        is the event, named by the whole quote; a contest runs as a programme. None when
        no opening quote is in reach of the clause or the quote is only the head."""
        open_at = text.rfind("“", max(0, head - _MAX_QUOTED_NAME), head)
        if open_at < 0 or "”" in text[open_at:head] or CLAUSE_END.search(text, open_at, head):
            return None
        if head - open_at - 1 < 2:
            return None  # “大会”: the head alone
        contest = text.endswith(self.lex.programme_contests, 0, end)
        label = EntityType.PROGRAMME if contest else EntityType.EVENT
        name = text[open_at + 1 : end]
        return Candidate(open_at + 1, end, label, name, "event-quoted-head", _QUOTED_PRIORITY)

    def _joined_start(self, text: str, words, joint: int) -> int:
        """Start of the part before ``暨`` when it is no event of its own: its name grown
        leftwards, or from the verb that opens the clause (举行|…揭牌暨…启动仪式)."""
        grown, _ = grow_left(
            text, words, joint, self.lex, max_chars=40, allow_ordinals=True, allow_quotes=True
        )
        opened = self._opened_start(text, joint, grown)
        start = opened if opened is not None else grown
        return start if joint - start >= 2 else joint + 1

    def _subject_start(self, text: str, words, head: int, end: int, grown: int) -> int | None:
        """Where an event name starts when the event is the subject of its clause: the
        head is followed by when and where it is held (…开班仪式5月28日举行, …表彰大会在北京
        举行) and no verb precedes it in the clause (本报讯 5月4日下午，|新会区…揭牌暨…启动仪式
        由…主办); the name is the clause after its dateline. None otherwise."""
        if not _HELD.match(text, end):
            return None
        clause, start = _subject_clause(text, head)
        if start == grown or head - start > _MAX_SUBJECT_NAME:
            return None
        if start > grown:
            return start if grown >= clause else None  # the byline grown into: (记者赵黎浩)
        themes = list(_THEME.finditer(text, start, head))
        if themes:
            start = themes[-1].end()  # 以“…”为主题的|…大赛: the theme is not the name
        inside = [w for w in words if start <= w.start < head]
        if any(w.tag == "p" and w.text not in self.lex.event_name_links for w in inside):
            return None  # …代表…对大会: a preposition's object, not a name
        if not text[start:head].strip(_DEMONSTRATIVE) or _REFERRING.match(text, start):
            return None  # 本届大赛, 这次大会, 此次汽车维修工大赛: the event referred to
        for verb in self.verb_re.finditer(text, start, head):
            if text.startswith("暨", verb.end()) or self.head_re.match(text, verb.start()):
                continue  # …揭牌暨…, …成立大会: the verb names a ceremony
            return None  # 举行|…, 召开|…: a verb opens the name (see _opened_start)
        if text.count("“", start, head) != text.count("”", start, head):
            return None
        return start

    @staticmethod
    def _grown_subject(text: str, head: int, end: int, grown: int) -> bool:
        """Whether a name grown to ``grown`` fills its clause after the dateline and is
        followed by when and where it is held: the subject of its clause."""
        return _HELD.match(text, end) is not None and _subject_clause(text, head)[1] == grown

    def _at_start(self, text: str, head: int, grown: int) -> int | None:
        """Where an event name starts when the event is where something happens: 在|…
        表彰会|上 (在2022年庆祝“五一”国际劳动节暨全国五一劳动奖和全国工人先锋号表彰会上),
        if that is before where growth stopped; None otherwise."""
        clause = clause_start(text, head, max(0, head - 60))
        at = text.rfind("在", clause, grown)
        if at < 0:
            return None
        start = at + 1
        if (
            head - start < _MIN_OPENED_NAME
            or head - start > 40
            or self.quantity_re.match(text, start)
            or self.verb_re.search(text, start, grown)
            or text.count("“", start, head) != text.count("”", start, head)
        ):
            return None
        return start

    def _opened_start(self, text: str, head: int, grown: int) -> int | None:
        """Where an event name starts when a verb that holds or attends events opens it in
        the same clause (召开|贯彻党的二十大精神…视频会议, 举行|抗疫一线…启动仪式), if that
        is before where growth stopped; None otherwise."""
        clause = clause_start(text, head, max(0, head - 60))
        openers = list(self.opener_re.finditer(text, clause, grown))
        if not openers:
            return None
        start = openers[-1].end()
        if text.startswith(("了", "的"), start):
            start += 1
            if text.startswith(self.lex.event_opener_copulas, start):  # 举行的|还有|…仪式
                start += next(
                    len(c) for c in self.lex.event_opener_copulas if text.startswith(c, start)
                )
        if text[start : start + 1] in self.lex.prepositions:
            return None  # 落实以职工代表大会为…: the verb's object is not the event
        if self.quantity_re.match(text, start) or head - start < _MIN_OPENED_NAME:
            return None  # 举办了一场有针对性的招聘会, 参加劳动和技能竞赛: no name
        gap = text[start:grown]
        if (
            start > grown
            or head - start > 40
            or "”暨" in gap
            or "并" in text[start:head]  # 出席开幕式并宣布比赛开始: two verb phrases
            or text.count("“", start, head) != text.count("”", start, head)
        ):
            return None
        return start


_QUOTED_JOINED = re.compile(r"“([^“”。；;！？!?\n]{2,40}暨[^“”。；;！？!?\n]{2,40})”")
_MIN_OPENED_NAME = 6  # characters before the head
_MAX_SUBJECT_NAME = 50
_THEME = re.compile(r"为主题的|主题的")
# how far back the opening quote of a quoted event name may be, and the priority of such
# a name over the programme recogniser's reading of the same quote (programme-quoted, 35)
_MAX_QUOTED_NAME = 30
_MAX_PLACE = 10  # characters of one place's name
_QUOTED_PRIORITY = 36
_DEMONSTRATIVES, _EDITIONS = "本这该此", "届次场期"
_DEMONSTRATIVE = _DEMONSTRATIVES + _EDITIONS
_REFERRING = re.compile(f"[{_DEMONSTRATIVES}][{_EDITIONS}]")
_YEAR = re.compile(r"\d{4}年")
_EDITION = re.compile(rf"第[{NUMERALS}\d]+[次届]")
_WHEN = r"(?:\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?|近日|日前|当天|昨天|今天)"
# after the head: (when) + held / where / by whom
_HELD = re.compile(
    _WHEN + r"?\s*(?:在|于|由|举行|召开|开幕|开赛|开班|开营|隆重举行|隆重召开|正在进行|圆满落幕)"
)
# before the name: dateline, byline, date
_LEADER = re.compile(
    r"(?:\s|■|本报讯|简讯|讯|[(（][^)）\n]{0,14}[)）]|\d{4}年(?=\d{1,2}月)|" + _WHEN + r"|[，,])+"
)


def _subject_clause(text: str, head: int) -> tuple[int, int]:
    """Where the clause of an event head begins, and where its subject may begin: after
    the clause's dateline, byline or date (_LEADER)."""
    clause = clause_start(text, head, max(0, head - _MAX_SUBJECT_NAME - 20))
    leader = _LEADER.match(text, clause)
    return clause, leader.end() if leader else clause


@Language.factory("kg_events", default_config={"priority": 32})
def make_events(nlp: Language, name: str, priority: int) -> EventRecognizer:
    return EventRecognizer(load_lexicon(), priority=priority)
