"""``kg_places``: administrative divisions and named venues."""

from __future__ import annotations

import itertools
import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import CJK, Candidate, Word, add_candidate, doc_text, register_extensions
from kg.nlp.grow import NUMERALS, grow_left, is_specific
from kg.nlp.jieba_tables import posseg
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.types import EntityType

__all__ = ["PlaceRecognizer"]

_ALL_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_VENUE_SHORT = re.compile(r"[省市区县](?:第[一二三四五六七八九十]+)?")  # 市第二工人文化宫
_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "d", "r", "v", "m", "q", "f", "x"})
_COMMUNITY_STEM_TAGS = frozenset({"n", "s", "ns", "nr", "nz", "j", "ng", "nrt", "nrfg"})
_NAME_WORD_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "j", "a", "x"})
_LIST_LINKS = frozenset("、和及与")
_ITEM_BREAKS = "、，,。；;：:！？“”‘’（）()《》 \n"


@cache
def _count() -> re.Pattern[str]:
    """A count: numerals and at most one classifier (lexicon ``count_classifiers``)."""
    classifiers = "".join(sorted(load_lexicon().count_classifiers))
    return re.compile(rf"^[{NUMERALS}\d]+[{classifiers}]?$")


def _numbered_toponym(w: Word) -> bool:
    """Whether jieba's number word ``w`` is a toponym's first part (三门|镇), not a count.

    Examples
    --------
    >>> _numbered_toponym(Word(0, 2, "三门", "m")), _numbered_toponym(Word(0, 2, "两个", "m"))
    (True, False)
    """
    return (
        w.tag == "m"
        and len(w.text) >= 2
        and bool(_ALL_CJK.match(w.text))
        and not _count().match(w.text)
    )


class PlaceRecognizer:
    """Places from jieba's ``ns`` words, place suffixes (干河村, 陈涛镇) and venue heads
    (土门工人文化宫, 昆仑物流园)."""

    def __init__(self, lex: Lexicon, priority: int = 20) -> None:
        register_extensions()
        self.lex = lex
        self.priority = priority
        self.suffix_re = re.compile("|".join(map(re.escape, lex.place_suffixes)))
        self.venue_re = re.compile("|".join(map(re.escape, lex.venue_suffixes)))
        from kg.resolve.implied import _generic_venues, _zones

        self.zone_heads = _zones()  # kg/resolve/data/qualifiers.yaml zone_endings
        self.generic_venues = _generic_venues()  # qualifiers.yaml generic_venues
        sites = "|".join(map(re.escape, (s for s in lex.programme_suffixes if len(s) >= 3)))
        self.programme_campus = re.compile(rf"(?:{sites})[\u4e00-\u9fff]{{0,4}}$")
        self.body_heads = tuple(
            h
            for h, t in lex.org_suffixes.items()
            if t in (EntityType.UNION, EntityType.GOVERNMENT_BODY) and len(h) >= 2
        )
        acting = "|".join(map(re.escape, (*lex.triggers["organizes"], *lex.triggers["partner"])))
        self.acting_re = re.compile(rf"(?:[、和与][^，,。；;！？]{{2,20}}?)?(?:{acting})")
        # 承办单位为A、B和C: the bodies listed after an organiser's role noun
        organizes = "|".join(map(re.escape, lex.triggers["organizes"]))
        self.role_listed_re = re.compile(
            rf"(?:{organizes})(?:单位|方)(?:是|为|包括|有)?[:：]?(?:[^，,。；;！？]{{0,30}}?[、和及])?$"
        )
        self.posts = tuple(sorted(lex.name_breaking_posts, key=len, reverse=True))
        lower = "|".join(map(re.escape, lex.lower_place_suffixes))
        # a town or village written after a known place; up to six characters, as
        # transliterated names are long (阿合奇县|库兰萨日克乡|别迭里村)
        self.chain_re = re.compile(rf"([\u4e00-\u9fff]{{2,6}}?)({lower})")
        self.inner_level_re = re.compile(rf"^[\u4e00-\u9fff]+?(?:{lower})(?=[\u4e00-\u9fff]{{2}})")

    def _word_across(self, w: Word, nxt: Word) -> bool:
        """Whether a known place and a dictionary word were read as a name and its level:
        jieba's 北京城|市 is 北京 and 城市 (a city), not a place 北京城市."""
        joined = w.text[-1] + nxt.text
        return (
            w.text[:-1] in self.lex.place_names
            and joined in posseg.dt.word_tag_tab
            and joined not in self.lex.place_names
        )

    def __call__(self, doc: Doc) -> Doc:
        text, words, lex = doc_text(doc), doc._.kg_words or [], self.lex
        for i, w in enumerate(words):
            if w.tag != "ns" or len(w.text) < 2 or w.text in lex.not_place:
                continue
            if lex.collective_place_re.match(w.text):
                continue  # 各县市: places taken together, no name
            if not _ALL_CJK.match(w.text) or self._generic_area(w.text):
                continue
            end = w.end
            # 抚远 + 市: jieba sometimes leaves the level suffix as its own word
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt is not None and nxt.text in lex.level_suffix_words:
                if self._word_across(w, nxt):
                    continue  # 北京城(ns)|市|副中心: 北京 and the word 城市
                end = nxt.end
            elif w.text[:-1] in lex.generic_modifiers:
                continue  # 种植大镇
            elif not w.text.endswith(lex.place_suffixes):
                # bare ns words (福利, 魏国) are too often wrong; the gazetteer has the rest
                continue
            start = w.start
            if (
                i > 0
                and words[i - 1].tag == "ns"
                and words[i - 1].end == w.start
                and self.inner_level_re.match(w.text)
                and words[i - 1].text not in lex.place_names
            ):
                continue  # 库兰萨(ns)|日克乡别迭里村(ns): jieba cut a long name; see _chains
            if end - start == 2 and i > 0 and len(words[i - 1].text) == 1:
                prev = words[i - 1]  # 干 + 河村 → 干河村
                if _ALL_CJK.match(prev.text) and prev.tag not in _FUNCTION_TAGS:
                    start = prev.start
                else:
                    continue
            add_candidate(doc, self._candidate(start, end, text, "place-ns"))
        for k, (w, nxt) in enumerate(itertools.pairwise(words)):
            # 玲珑 + 街道, 小营 + 街道, 临安 + 区: a name word and its level as separate words
            if nxt.text not in lex.place_suffixes:
                continue
            if w.tag not in _NAME_WORD_TAGS and not _numbered_toponym(w):
                joined = self._joined_stem(words, k)
                if joined is not None and nxt.text in lex.lower_place_suffixes:
                    # 崇文门(nrt)|外|街道, 大宁(ns)|路|街道: a name word and one character
                    add_candidate(doc, self._candidate(joined, nxt.end, text, "place-split"))
                continue
            if len(w.text) < 2 or not _ALL_CJK.match(w.text) or w.text in lex.generic_modifiers:
                continue
            if w.text + nxt.text in lex.not_place or w.text in lex.left_breaks:
                continue
            if self._word_across(w, nxt):
                continue
            suffix = self.suffix_re.search(w.text)
            stem = w.text[: suffix.start()] if suffix and suffix.end() == len(w.text) else w.text
            if stem in lex.not_toponym_stems:
                continue  # 边境县|乡: a kind of area, not a toponym
            add_candidate(doc, self._candidate(w.start, nxt.end, text, "place-split"))
        self._listed_stems(doc)
        self._communities(doc)
        for w in words:
            m = self.suffix_re.search(w.text)
            if m is None or m.end() != len(w.text) or w.tag == "ns":
                continue
            if len(w.text) < 2 or w.text in lex.not_place or not _ALL_CJK.match(w.text):
                continue
            if self._generic_area(w.text):
                continue
            stem = w.text[: m.start()]
            if len(stem) < 2 or stem in lex.generic_modifiers or stem in lex.left_breaks:
                continue
            if w.tag not in ("x", "nr", "nz", "ns", "n", "nrt", "j") and w.tag is not None:
                continue
            if w.tag == "n" and w.text in lex.not_place:
                continue
            if stem in lex.not_toponym_stems:
                continue
            if w.tag == "n" and posseg.dt.word_tag_tab.get(w.text) == "n":
                continue  # 功能区, 经济特区: a common noun of jieba's dictionary, no toponym
            if str(posseg.dt.word_tag_tab.get(stem, "")).startswith("v"):
                continue  # 休息区, 学习区: an activity's area, not a toponym
            add_candidate(doc, self._candidate(w.start, w.end, text, "place-suffix"))
        self._chains(doc)
        programme_campuses: set[int] = set()
        for m in self.venue_re.finditer(text):
            if m.group(0) == "大湾区":
                continue
            start, pieces = grow_left(text, words, m.start(), lex, max_chars=14)
            head = m.group(0)
            if (
                len(head) == 2
                and head[0] in "东西南北"
                and head[1] == "站"
                and text[start : m.start()] not in lex.place_names
            ):
                continue  # 西安北站 is named after its city; 美团外卖城南站 is no 南站
            acts = self._acts(text, start, m.end())
            # 市第二工人文化宫: a level and a venue every place has is the place's own venue
            short = _VENUE_SHORT.fullmatch(text[start : m.start()]) is not None and bool(
                acts or m.group(0).endswith(self.generic_venues)
            )
            inner = next(
                (
                    w
                    for w in words
                    if w.end == m.start()
                    and w.start < w.end - 1
                    and w.text.endswith(self.generic_venues)
                ),
                None,
            )
            if inner is not None and not short:
                # 市|劳动人民文化宫|广场: a part of a venue every place has, named by its level
                before = text[max(0, inner.start - 4) : inner.start]
                level = _VENUE_SHORT.search(before)
                if level is not None and level.end() == len(before):
                    start, short = inner.start - len(level.group(0)), True
                    acts = self._acts(text, start, m.end())
            content = sum(len(p.text) for p in pieces if p.text not in lex.generic_modifiers)
            item = self._list_item(text, words, m.start(), m.end())
            glued = next((w for w in words if w.start < m.start() < w.end), None)
            if glued is not None and text[glued.start : m.start()] in lex.place_names:
                start = glued.start  # 哈尔滨火车站 as one jieba word: a place and the venue
            elif item is not None and item <= start and not acts:
                start = item  # 来到皋电产业集群、丁堰科创产业园: the whole item of a list
            elif start == m.start() or not (
                short
                or is_specific(pieces, lex, strict=True)
                or (self._heads_body(text, m) and is_specific(pieces, lex))
                or (content >= 3 and self._hosts(text, start, m.end()) and is_specific(pieces, lex))
            ):
                continue
            name = text[start : m.end()]
            # a venue that acts (organises, has staff) is an organisation (GUIDELINES)
            label = EntityType.ORGANIZATION if acts else EntityType.PLACE
            if m.group(0) == "校区" and (
                self.programme_campus.search(text, start, m.start()) is not None
                or (text[start - 1 : start] == "、" and start - 1 in programme_campuses)
            ):
                # 云南工匠学院电网校区、普洱校区: a campus of a programme (工匠学院) is a site
                # of the programme, not a venue (GUIDELINES: service sites are Programme)
                label = EntityType.PROGRAMME
                programme_campuses.add(m.end())
            if CJK.search(name):
                add_candidate(
                    doc, Candidate(start, m.end(), label, name, "place-venue", self.priority)
                )
        self._drop_unknown_closed_levels(doc)
        return doc

    def _drop_unknown_closed_levels(self, doc: Doc) -> None:
        """Provinces and regions are a closed set (lexicon ``closed_place_levels``): a
        place this recogniser read with such a level that no division is named (科教|兴省,
        落实|省) is no place."""
        lex = self.lex
        doc._.kg_candidates = [
            c
            for c in doc._.kg_candidates or []
            if not (
                c.label == EntityType.PLACE
                and c.rule.startswith("place-")
                and c.name.endswith(lex.closed_place_levels)
                and c.name not in lex.divisions
                and c.name not in lex.place_names
            )
        ]

    def _listed_stems(self, doc: Doc) -> None:
        """A division written without its level (中山) in a list with a place the text
        names (延伸到广州、江门和中山) is that division: alone the word is too often
        something else (中山路, 孙中山)."""
        text, stems = doc_text(doc), self.lex.division_stems
        places = {
            (c.start, c.end) for c in doc._.kg_candidates or [] if c.label == EntityType.PLACE
        }
        starts, ends = {s for s, _ in places}, {e for _, e in places}
        for w in doc._.kg_words or []:
            name = stems.get(w.text)
            if name is None or text.startswith(self.lex.place_suffixes, w.end):
                continue
            before = text[w.start - 1 : w.start]
            after = text[w.end : w.end + 1]
            listed_after = before in _LIST_LINKS and w.start - 1 in ends
            listed_before = after in _LIST_LINKS and w.end + 1 in starts
            if listed_after or listed_before:
                add_candidate(
                    doc,
                    Candidate(
                        w.start, w.end, EntityType.PLACE, name, "place-listed", self.priority
                    ),
                )

    def _communities(self, doc: Doc) -> None:
        """Communities and villages named by common nouns (碧头|社区, 火车站|社区, 臣|田|社区):
        the word or two single characters right before a lower-level suffix, when they are
        no function word and no kind of community (农村社区, 和谐社区)."""
        text, words, lex = doc_text(doc), doc._.kg_words or [], self.lex
        for i, w in enumerate(words):
            if w.text not in lex.community_suffixes or i == 0:
                continue
            prev = words[i - 1]
            start = prev.start
            if len(prev.text) == 1 and i > 1 and len(words[i - 2].text) == 1:
                start = words[i - 2].start  # 臣 + 田 + 社区
                pieces = [words[i - 2], prev]
            else:
                pieces = [prev]
            stem = text[start : w.start]
            if not 2 <= len(stem) <= 4 or not _ALL_CJK.match(stem):
                continue
            if any(p.tag not in _COMMUNITY_STEM_TAGS for p in pieces):
                continue
            if (
                stem in lex.community_kinds
                or stem in lex.generic_modifiers
                or stem in lex.left_breaks
                or stem + w.text in lex.not_place
                or any(p.text in lex.left_breaks or p.text in lex.name_stop_chars for p in pieces)
            ):
                continue
            add_candidate(doc, self._candidate(start, w.end, text, "place-community"))

    def _chains(self, doc: Doc) -> None:
        """Lower levels written after a known place (滨海县 + 滨海港镇 + 干河村), or after a
        division's name without its level (泊头 + 营子镇), and the same level enumerated
        after them (陈涛镇五层村、六联村)."""
        text = doc_text(doc)
        named = {c.name for c in doc._.kg_candidates or [] if c.label == EntityType.PLACE}
        for w in doc._.kg_words or []:
            # 泊头|营子镇: a county the text names (泊头市), without its level, before a town
            if self.lex.division_stems.get(w.text) in named:
                m = self.chain_re.match(text, w.end)
                if (
                    m is not None
                    and self._toponym(m.group(1))
                    and not any(s in m.group(1) for s in self.lex.lower_place_suffixes)
                ):
                    add_candidate(doc, self._candidate(w.start, w.end, text, "place-chain"))
        ends = sorted({c.end for c in doc._.kg_candidates or [] if c.label == EntityType.PLACE})
        queue, done = list(ends), set()
        while queue:
            end = queue.pop(0)
            if end in done:
                continue
            done.add(end)
            m = self.chain_re.match(text, end)
            if m is None or not self._toponym(m.group(1)):
                continue
            add_candidate(doc, self._candidate(end, m.end(), text, "place-chain"))
            queue.append(m.end())
            item = re.compile(rf"、([\u4e00-\u9fff]{{2,3}}?){re.escape(m.group(2))}")
            cursor = m.end()
            while (more := item.match(text, cursor)) and self._toponym(more.group(1)):
                add_candidate(doc, self._candidate(cursor + 1, more.end(), text, "place-chain"))
                cursor = more.end()

    def _joined_stem(self, words: list[Word], k: int) -> int | None:
        """The start of a town's or street's name read as a name word and one more
        character (崇文门|外, 大宁|路) before the level word after ``words[k]``."""
        if k == 0:
            return None
        w, name = words[k], words[k - 1]
        if len(w.text) != 1 or not _ALL_CJK.match(w.text) or w.text in self.lex.name_stop_chars:
            return None
        if name.tag not in _NAME_WORD_TAGS or len(name.text) < 2 or not _ALL_CJK.match(name.text):
            return None
        if not self._toponym(name.text + w.text):
            return None
        return name.start

    def _heads_body(self, text: str, m: re.Match[str]) -> bool:
        """A zone that heads the name of its own body (港城工业园区|管理委员会, …开发区|工会):
        a zone the text names, not a kind of zone."""
        if not m.group(0).endswith(self.zone_heads):
            return False
        return text.startswith(self.body_heads, m.end())

    def _generic_area(self, word: str) -> bool:
        """An area of a kind (偏远地区, 贫困地区): every division named 地区 is in the
        division table (阿里地区, 大兴安岭地区), and a former one is named after a known
        place (日喀则地区), so another …地区 names no place."""
        names = self.lex.place_names
        return word.endswith("地区") and word not in names and word[:-2] not in names

    def _list_item(self, text: str, words: list, head: int, end: int) -> int | None:
        """The start of a venue named as an item of a list of places (…、丁堰科创产业园两处,
        来到皋电产业集群、…), when jieba's words do not make its name: the item runs from
        the 、 before it, or from a whole verb or preposition word before it when a 、 follows
        it; two to eight characters of CJK text, no function word, no place level word."""
        lo = max(0, head - 8)
        before = text[lo:head]
        cut = max(before.rfind(ch) for ch in _ITEM_BREAKS)
        if cut >= 0 and before[cut] == "、":
            start = lo + cut + 1
        else:
            if not text.startswith("、", end):
                return None
            opener = next(
                (
                    w
                    for w in words
                    if w.end <= head
                    and w.end > lo + cut
                    and w.tag in ("v", "p")
                    and w.text in self.lex.left_breaks | self.lex.venue_prepositions
                ),
                None,
            )
            later = [w for w in words if w.end <= head and w.end > lo + cut and w.tag in ("v", "p")]
            if opener is None or later[-1] is not opener:
                return None
            start = opener.end
        stem = text[start:head]
        if not 2 <= len(stem) <= 8 or not _ALL_CJK.match(stem):
            return None
        if stem in self.lex.generic_modifiers or any(
            ch in "的和与及在省市区县镇乡村" for ch in stem
        ):
            return None
        inside = [w for w in words if start <= w.start and w.end <= head]
        if any(
            w.text in self.lex.left_breaks and (len(w.text) > 1 or w.tag in _FUNCTION_TAGS)
            for w in inside
        ):
            return None
        return start

    def _hosts(self, text: str, start: int, end: int) -> bool:
        """True when the venue at ``start:end`` is where something is held: a venue
        preposition before it and a holding or organising verb right after it
        (在工人俱乐部礼堂合办…, 在潮港城餐厅登场): its name needs no proper-name word, only
        three characters of its own (not 在食堂餐厅举行)."""
        if text[max(0, start - 1) : start] not in self.lex.venue_prepositions:
            return False
        verbs = (*self.lex.triggers["held_in"], *self.lex.triggers["organizes"])
        return text.startswith(verbs, end)

    def _acts(self, text: str, start: int, end: int) -> bool:
        """True when the venue at ``start:end`` acts: a post follows (…产业园副主任易梅森) or
        it heads a clause that organises or signs (市第二工人文化宫、南沙区总工会承办), or it is
        listed after an organiser's role noun (承办单位为厦门市工人文化宫、…)."""
        if text.startswith(self.posts, end):
            return True
        if text[max(0, start - 1) : start] in self.lex.venue_prepositions:
            return False  # 在土门工人文化宫举行: the venue is where, not who
        if self.role_listed_re.search(text, max(0, start - 40), start):
            return True  # 承办单位为厦门市工人文化宫、…: listed as an organiser
        return self.acting_re.match(text, end) is not None

    def _toponym(self, stem: str) -> bool:
        """A stem that can name a town or village: no function word, no generic word."""
        lex = self.lex
        if stem in lex.generic_modifiers or stem in lex.not_toponym_stems:
            return False
        if any(ch in lex.name_stop_chars or ch in "省市区县" for ch in stem):
            return False
        return not any(w in stem for w in lex.left_breaks if len(w) > 1)

    def _candidate(self, start: int, end: int, text: str, rule: str) -> Candidate:
        name = text[start:end]
        return Candidate(start, end, EntityType.PLACE, name, rule, self.priority)


@Language.factory("kg_places", default_config={"priority": 20})
def make_places(nlp: Language, name: str, priority: int) -> PlaceRecognizer:
    return PlaceRecognizer(load_lexicon(), priority=priority)
