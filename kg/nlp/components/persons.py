"""``kg_persons``: people from bylines, post titles, speech verbs and jieba's ``nr``."""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.automaton import Phrases
from kg.nlp.doc import (
    Candidate,
    Word,
    add_candidate,
    doc_text,
    register_extensions,
    word_index_at,
)
from kg.nlp.jieba_tables import posseg
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.types import EntityType

__all__ = ["PersonRecognizer"]

_HAN = "\u3400-\u9fff"
_NAME_TAGS = ("nr", "nrfg", "nrt")
#: jieba tags of words that are never the last character of a name
_FUNCTION_TAGS = frozenset(
    {"d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "q", "x"}
)
_NAME_LINE = re.compile(r"(?m)^[ \u3000]*([\u4e00-\u9fff]{2,3})[ \u3000]*$")
_BYLINE_REACH = 200  # characters from an article's start within which a byline is read
_BOUNDARY = frozenset("，,、。；;：:（()）\n “”\u3000")
#: the dots between the parts of a transliterated name (阿里木江·哈力克)
_NAME_DOTS = "·•‧"
#: a list of short items joined by 、 (names of two or three characters), with the runs of
#: characters around it
_LIST = re.compile(rf"[{_HAN}]{{2,}}(?:、[{_HAN}]{{2,3}})+、[{_HAN}]{{2,}}")
#: what stands right before a person's name in a list: 、 , — ( :
_LIST_CUES = frozenset("、，,—–(（：:的和与及")
#: jieba tags that end a transliterated name part
_PART_STOP_TAGS = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "m", "q", "x", "f", "t", "ns"}
)


def _known(word: str) -> str | None:
    """jieba's dictionary tag for a word, None when it is not in the dictionary."""
    return posseg.dt.word_tag_tab.get(word)


class PersonRecognizer:
    """Find full personal names; anonymised ones (张某) and bare roles are not names."""

    def __init__(self, lex: Lexicon, priority: int = 40) -> None:
        register_extensions()
        self.lex = lex
        self.priority = priority
        roles = "|".join(map(re.escape, lex.byline_roles))
        # (记者彭冰 柳柳) · 本报记者 叶小钟 赵思远 · (杨明清 记者张楠)
        self.byline_re = re.compile(rf"(?:{roles})[ \u3000:：]*((?:[{_HAN}]{{2,4}}[ \u3000、]*)+)")
        credits = "|".join(map(re.escape, lex.photo_credits))
        # 谢璐 胡瑾 摄 · 刘甲平 周坤 农晨迪 摄 · 谢道韫 摄影报道 (a caption's last line)
        self.credit_re = re.compile(
            rf"(?:^|(?<=[\s。！？!?]))((?:[{_HAN}]{{2,4}}[ \u3000]+){{1,5}})(?:{credits})(?=\s|$)",
            re.MULTILINE,
        )
        self.paren_re = re.compile(rf"[(（]([{_HAN} \u3000]{{2,40}})[)）]")
        posts = sorted(lex.posts, key=lambda p: (-len(p), p))
        self.post_re = Phrases(posts)
        self.posts = tuple(posts)
        self.speech_re = Phrases(lex.speech_verbs)
        self.appointment_re = Phrases(lex.appointment_verbs)

    def __call__(self, doc: Doc) -> Doc:
        text, words = doc_text(doc), doc._.kg_words or []
        seen: set[tuple[int, int]] = set()

        def emit(
            start: int, end: int, rule: str, *, final_check: bool = True, surname: bool = True
        ) -> None:
            if text.startswith(self.lex.non_person_followers, end):
                return  # 武钢|工会: a body's name
            name = text[start:end]
            if (start, end) not in seen and self._valid(
                name, final_check=final_check, surname=surname
            ):
                seen.add((start, end))
                add_candidate(
                    doc,
                    Candidate(start, end, EntityType.PERSON, text[start:end], rule, self.priority),
                )

        nr_words = {w.start: w for w in words if w.tag in ("nr", "nrfg", "nrt")}
        for m in self.byline_re.finditer(text):
            line_end = min(
                (i for i in (text.find(c, m.start()) for c in ")）\n") if i >= 0), default=len(text)
            )
            pos = m.start()
            enclosed = m.start() > 0 and text[m.start() - 1] in "(（"  # (见习记者 德央)
            for chunk in re.split(r"[ \u3000、]+", text[m.start() : line_end]):
                if not chunk:
                    continue
                start = text.index(chunk, pos)
                pos = start + len(chunk)
                for role in self.lex.byline_roles:
                    if chunk.startswith(role):
                        start += len(role)
                        break
                if text[start : start + 1] in ":：":
                    start += 1
                name = text[start:pos]
                if name.endswith("摄"):
                    name, pos = name[:-1], pos - 1
                if 2 <= len(name) <= 4 and not self._is_role(name):
                    # in a byline in brackets the role says a name follows: one with no
                    # Chinese surname too (见习记者 德央: a Tibetan name)
                    whole = pos == line_end or text[pos] in " \u3000、"
                    emit(
                        start, start + len(name), "person-byline", surname=not (enclosed and whole)
                    )
        for m in _NAME_LINE.finditer(text, 0, _BYLINE_REACH):
            # a line of just a name near the top of an article: its writer's byline
            name = m.group(1)
            if _known(name) in (None, *_NAME_TAGS):
                emit(m.start(1), m.end(1), "person-byline")
        for m in self.credit_re.finditer(text):
            pos = m.start(1)
            for part in m.group(1).split():
                start = text.index(part, pos)
                pos = start + len(part)
                if self._bare_name(part):
                    emit(start, pos, "person-credit")
        for m in self.paren_re.finditer(text):
            inner = m.group(1)
            parts = [p for p in re.split(r"[ \u3000]+", inner) if p]
            if 1 <= len(parts) <= 4 and all(
                (self._bare_name(p) and _known(p) in (None, *_NAME_TAGS)) or self._is_role_name(p)
                for p in parts
            ):  # (王雷), (记者 张三); not a word of the dictionary: 重点工程(项目)
                pos = m.start(1)
                for part in parts:
                    start = text.index(part, pos)
                    pos = start + len(part)
                    for role in self.lex.byline_roles:
                        if part.startswith(role):
                            start += len(role)
                            break
                    if self._bare_name(text[start:pos]):
                        emit(start, pos, "person-paren")
        word_starts = {w.start: w for w in words}
        for m in self.post_re.finditer(text):
            start = m.end()
            follower = word_starts.get(start)
            if follower is None:
                first = word_starts.get(m.start())
                if (
                    first is not None
                    and first.end < m.end()
                    and m.group(0) not in self.lex.weak_posts
                ):
                    # 主|任何|少驹: jieba read the post's last character into the name
                    end = self._bounded_end(text, start, strong=True)
                    if end is not None:
                        emit(start, end, "person-post")
                continue
            if (
                m.start() not in word_starts
                and not any(
                    text[s : m.end()] in self.lex.posts
                    for s in range(m.start() + 1, m.end())
                    if s in word_starts
                )
                and not self._organ_post_word(text, words, m.start(), m.end())
            ):
                continue  # the post is part of a longer word (工人文化宫), unless a shorter
                # post ends it at a word start (观塘区|议员黄国明: 区议员 inside the place)
            strong = m.group(0) not in self.lex.weak_posts
            common = len(follower.text) >= 2 and _known(follower.text) not in (
                None,
                *_NAME_TAGS,
                "ns",
                "nz",
            )
            married = self._married_name(follower, word_starts)
            if married is not None:
                emit(start, married, "person-post", surname=False)  # 召集人葉|劉淑儀
                continue
            end = None
            if (strong and not common) or follower.tag in _NAME_TAGS:
                nr = follower.end if follower.tag in _NAME_TAGS else None
                end = self._bounded_end(text, start, strong=strong, nr_end=nr)
            if end is not None:
                emit(start, end, "person-post", final_check=end != nr)
                continue
            if strong and self._transliterated_after_post(text, follower):
                if (follower.start, follower.end) not in seen:
                    seen.add((follower.start, follower.end))
                    add_candidate(
                        doc,
                        Candidate(
                            follower.start,
                            follower.end,
                            EntityType.PERSON,
                            follower.text,
                            "person-post",
                            self.priority,
                        ),
                    )
                continue
            bound = self._bound_final(text, follower, word_starts) if strong else None
            if bound is not None:
                emit(start, bound, "person-post")  # 副组长高利(n)|媛(zg)
                continue
            if len(follower.text) >= 2 and follower.tag not in _NAME_TAGS and _known(follower.text):
                continue  # 职工权益: a dictionary word, not a name
            weak = m.group(0) in self.lex.weak_posts or text[start : start + 1] in (
                self.lex.ambiguous_surnames
            )
            if weak and start not in nr_words:
                continue  # 大国工匠和高技能人才: 和 is no surname here
            if start < len(text) and text[start] in self.lex.surnames:
                end = self._name_end(text, start, nr_words, word_starts)
                if end - start >= 2:
                    clipped = start in nr_words and end > nr_words[start].end
                    emit(start, end, "person-post", final_check=not clipped)
        for start, end in self._transliterated(text, words):
            if (start, end) not in seen:
                seen.add((start, end))
                add_candidate(
                    doc,
                    Candidate(
                        start, end, EntityType.PERSON, text[start:end], "person-dot", self.priority
                    ),
                )
        for i, w in enumerate(words):
            if (
                w.start in nr_words
                and len(w.text) == 3
                and not self._valid(w.text)
                and self._valid(w.text, final_check=False)
                and _known(w.text) in (None, *_NAME_TAGS)
                and self.speech_re.match(text[w.end : w.end + 3])
            ):
                emit(w.start, w.end, "person-nr", final_check=False)  # 李从正表示
                continue
            if (
                w.start in nr_words
                and self._valid(w.text)
                and _known(w.text) in (None, *_NAME_TAGS)
            ):
                clipped = self._clipped_end(text, w, word_starts.get(w.end))
                if clipped is not None:
                    emit(w.start, clipped, "person-nr", final_check=False)
                    continue
                after = text[w.end : w.end + 3]
                before = text[max(0, w.start - 1) : w.start]
                enumerated = before == "、" or after[:1] == "、"
                unknown = _known(w.text) is None
                post = self.post_re.match(text, w.end)  # 习近平总书记, 王雷主任
                titled = (
                    post is not None
                    and post.group(0) not in self.lex.weak_posts
                    and not self._common_word(w.text)  # 做|文明(nr)|职工: a word, no name
                    and not self._place_word(w.text)  # 萧山|技师学院: a place's name
                )
                plain = w.text[0] not in self.lex.ambiguous_surnames
                # 康养度假、温泉旅游 is no list of people; 廖丽娟、白妙馨、王雪梅 is
                enumerated = enumerated and (plain or self._listed_with_people(i, words))
                # 花露水、毛巾: everyday nouns jieba's dictionary tags as names; 、滕州工匠: a
                # place's name
                enumerated = enumerated and not (
                    self._common_word(w.text) or self._place_word(w.text)
                )
                said = self.speech_re.match(after) or self.appointment_re.match(after)
                honoured = text.startswith(self.lex.name_honorifics, w.end)  # 张中华同志
                cue = said or enumerated or before == "”" or titled or honoured
                if cue or (plain and unknown and (len(w.text) == 3 or before == "的")):
                    emit(w.start, w.end, "person-nr")
        for start, end in self._listed(text, seen):
            emit(start, end, "person-list", final_check=False)
        for start, end in self._paired(text, seen):
            emit(start, end, "person-list")
        self._lengthen(doc, text, seen)
        return doc

    def _lengthen(self, doc: Doc, text: str, seen: set[tuple[int, int]]) -> None:
        """A two-character name whose next or previous character makes a three-character
        name found elsewhere in the text is that name (理事长李从|正在会上 beside 李从正表示:
        jieba read 正在; 周|常青指出 beside 主席周常青出席: jieba read 常青 alone)."""
        longer = {text[s:e] for s, e in seen if e - s == 3}
        grown: dict[tuple[int, int], tuple[int, int]] = {}
        for s, e in sorted(seen):
            if e - s != 2:
                continue
            if text[s : e + 1] in longer:
                grown[s, e] = (s, e + 1)
            elif s > 0 and text[s - 1 : e] in longer and (s - 1, e) not in seen:
                grown[s, e] = (s - 1, e)
        if not grown:
            return
        for candidate in list(doc._.kg_candidates or []):
            span = (candidate.start, candidate.end)
            if candidate.label == EntityType.PERSON and span in grown:
                doc._.kg_candidates.remove(candidate)
                start, end = grown[span]
                add_candidate(
                    doc,
                    Candidate(
                        start,
                        end,
                        EntityType.PERSON,
                        text[start:end],
                        candidate.rule,
                        candidate.priority,
                    ),
                )

    def _listed(self, text: str, seen: set[tuple[int, int]]) -> list[tuple[int, int]]:
        """The other names of a list of people joined by 、 (雷建国、邱孝、谢梦、彭炜、徐建新、
        黄秋云): when most of its items are names already found, every item of two or three
        characters after a surname is one, the first and last taken at their length of a
        name found or else of three characters."""
        found = []
        starts = {s: e for s, e in seen}
        ends = {e: s for s, e in seen}
        for m in _LIST.finditer(text):
            seps = [i for i in range(m.start(), m.end()) if text[i] == "、"]
            items = []
            for a, b in itertools.pairwise(seps):
                items.append((a + 1, b))
            first_end, last_start = seps[0], seps[-1] + 1
            first = ends.get(first_end)
            if first is None and first_end - 3 >= m.start():
                first = first_end - 3
            last = starts.get(last_start)
            if last is None:
                three = last_start + 3
                last = three if three <= m.end() and self._after_name(text, three) else None
            items = [(first, first_end)] * (first is not None) + items
            items += [(last_start, last)] * (last is not None)
            if len(items) < 3 or sum(item in seen for item in items) * 2 < len(items):
                continue
            for item in items:
                name = text[item[0] : item[1]]
                if (
                    item not in seen
                    and 2 <= len(name) <= 3
                    and self._valid(name, final_check=False)
                ):
                    found.append(item)
        return found

    def _paired(self, text: str, seen: set[tuple[int, int]]) -> list[tuple[int, int]]:
        """The second of two names after one post (副主任沈国伟、安华山出席): three characters
        after the 、 that ends a name found right after a post, up to a name's boundary."""
        found = []
        for start, end in sorted(seen):
            if text[end : end + 1] != "、" or not text.endswith(self.posts, 0, start):
                continue
            second = (end + 1, end + 4)
            if second not in seen and self._after_name(text, second[1]):
                found.append(second)
        return found

    def _after_name(self, text: str, end: int) -> bool:
        nxt = text[end : end + 1]
        return not nxt or nxt in _BOUNDARY or text.startswith(self.lex.name_followers, end)

    def _transliterated(self, text: str, words: list[Word]) -> list[tuple[int, int]]:
        """Names of two or three parts joined by a dot (拜谢纳力·朱马力, 斯勒哈提姆·阿勒艾敏),
        as Uyghur, Kazakh and foreign names are written: each part runs over jieba's words
        from the dot up to punctuation, a function word, a post, a place, a common noun
        (家属, 护边员) or a verb that follows or precedes names (带领, 出席, 慰问)."""
        found = []
        by_start = {w.start: k for k, w in enumerate(words)}
        by_end = {w.end: k for k, w in enumerate(words)}
        for m in re.finditer(rf"[{_NAME_DOTS}]", text):
            left = self._part(text, words, by_end.get(m.start()), -1)
            if left is None:
                continue
            end, dots = m.end(), 0
            while dots < 2:
                right = self._part(text, words, by_start.get(end), 1)
                if right is None:
                    break
                end, dots = right, dots + 1
                if not (text[end : end + 1] and text[end] in _NAME_DOTS):
                    break
                end += 1
            if dots and text[end - 1] not in _NAME_DOTS and self._cued(text, words, left, end):
                found.append((left, end))
        return found

    def _cued(self, text: str, words: list[Word], start: int, end: int) -> bool:
        """True when what stands around a dotted name is what stands around a person's:
        a post, a noun for people or a list before it (总书记|, 家属|, 、|), and punctuation,
        a number or a word that follows names after it (|带领, |3人). A column title
        (新闻·川渝) or a slogan in quotes (“送温暖·基层行”) has neither."""
        lex = self.lex
        before = text[start - 1 : start]
        k = word_index_at(words, start - 1) if start else -1
        previous = words[k].text if 0 <= k < len(words) and words[k].end == start else ""
        left = (
            before in _LIST_CUES
            or text.endswith(self.posts, 0, start)
            or previous.endswith(lex.person_nouns)
            or (len(previous) > 1 and previous.endswith(lex.person_noun_endings))
        )
        after = text[end : end + 1]
        right = (
            not after
            or after in _BOUNDARY
            or after.isdigit()
            or after in "”和与及等"
            or text.startswith(lex.name_followers, end)
        )
        return left and right

    def _part(self, text: str, words: list[Word], k: int | None, step: int) -> int | None:
        """The far end of a name part starting with ``words[k]`` and growing by ``step``
        (-1 leftwards, 1 rightwards); None when the word next to the dot names no one."""
        lex = self.lex
        taken, edge = 0, None
        while k is not None and 0 <= k < len(words):
            w = words[k]
            stop = (
                not re.fullmatch(f"[{_HAN}]+", w.text)
                or w.tag in _PART_STOP_TAGS
                or w.text in lex.posts
                or w.text in lex.left_breaks
                or w.text in lex.name_followers
                or w.text.endswith(lex.person_nouns)
                or (len(w.text) > 1 and w.text.endswith(lex.person_noun_endings))
            )
            common = len(w.text) >= 2 and _known(w.text) in ("n", "vn", "v", "a")
            if stop and step == 1 and not taken and self._bound_syllable(w, words, k):
                stop = False  # 阿依古再丽·吾(r)|普尔(nr): a syllable jieba read as a word
            if stop or (taken >= 2 and common and w.tag != "v") or (taken + len(w.text) > 8):
                break
            if taken and w.tag == "v" and step == 1:
                break  # 阿勒艾敏|带领: a verb after the name
            taken += len(w.text)
            edge = w.start if step < 0 else w.end
            k += step
        # a one-character last part (努尔斯曼·周) stands only where the name's end is cued
        return edge if taken >= 2 or (step == 1 and taken == 1) else None

    @staticmethod
    def _bound_syllable(w: Word, words: list[Word], k: int) -> bool:
        """A one-character word right after a name's dot that a name word follows."""
        nxt = words[k + 1] if k + 1 < len(words) else None
        return (
            len(w.text) == 1
            and nxt is not None
            and nxt.start == w.end
            and nxt.tag in _NAME_TAGS
            and bool(re.fullmatch(f"[{_HAN}]", w.text))
        )

    def _name_end(
        self, text: str, start: int, nr_words: dict, word_starts: dict, max_len: int = 3
    ) -> int:
        """End of a name starting at ``start``: jieba's nr word if it starts there, else
        surname + one or two characters, stopping at characters no name ends with."""
        word = nr_words.get(start)
        if word is not None and 2 <= len(word.text) <= max(3, max_len) and self._valid(word.text):
            return self._clipped_end(text, word, word_starts.get(word.end)) or word.end
        compound = text[start : start + 2] in self.lex.surnames
        limit = min(len(text), start + min(max_len, 4 if compound else 3))
        end = start + 1
        while end < limit and re.match(f"[{_HAN}]", text[end]):
            if end - start >= 2 and text[end] in self.lex.name_stop_chars:
                break
            if self.post_re.match(text, end) and end - start >= 2:
                break
            end += 1
        return end

    def _married_name(self, follower, word_starts) -> int | None:
        """End of a married name of two surnames (葉劉淑儀, 范徐麗泰: HK, Macau, Taiwan) that
        jieba read as a one-character surname and a three-character name; None otherwise."""
        rest = word_starts.get(follower.end)
        if (
            follower.tag not in _NAME_TAGS
            or len(follower.text) != 1
            or follower.text not in self.lex.surnames
            or rest is None
            or rest.tag not in _NAME_TAGS
            or len(rest.text) != 3
            or not self._valid(rest.text)
        ):
            return None
        return rest.end

    def _bound_final(self, text: str, follower, word_starts) -> int | None:
        """End of a three-character name after a strong post that jieba read as a
        dictionary word and a bound morpheme (zg) it could not join to anything, or any one
        character a boundary closes (乔家|华,); the name must begin with a surname and pass
        the name checks."""
        final = word_starts.get(follower.end)
        if (
            len(follower.text) != 2
            or follower.text[0] not in self.lex.surnames
            or final is None
            or len(final.text) != 1
            or (final.tag != "zg" and text[final.end : final.end + 1] not in _BOUNDARY)
        ):
            return None
        after = word_starts.get(final.end)
        if after is not None and after.tag == "zg":
            return None
        return final.end if self._valid(text[follower.start : final.end]) else None

    def _bounded_end(
        self, text: str, start: int, *, strong: bool, nr_end: int | None = None
    ) -> int | None:
        """End of a 2–4 character name right after a post whose end is a clear boundary:
        punctuation, a number or a word that follows names (主席何卫东等, 副主席罗海华，,
        副主席刘海珍2人). A name jieba tagged as one may end in a character names seldom
        end with when such a word follows it (常务副主席田力|通报)."""
        lex = self.lex
        if start >= len(text) or text[start] in lex.name_stop_chars:
            return None
        if not strong and text[start] in lex.ambiguous_surnames:
            return None
        for length in (3, 2, 4):
            end = start + length
            name = text[start:end]
            if len(name) < length:
                continue
            if not self._valid(name) and not (
                end == nr_end
                and self._valid(name, final_check=False)
                and text.startswith(lex.name_followers, end)
            ):
                continue
            if (
                length == 3
                and name[-1] in lex.name_stop_chars
                and not (name[-1] in lex.name_final_stops and text[end : end + 1] in _BOUNDARY)
                and not (end == nr_end and text.startswith(lex.name_followers, end))
            ):
                continue  # 王霞等, 王冰说: the last character follows the name
            nxt = text[end : end + 1]
            if nxt and (
                nxt in _BOUNDARY or nxt.isdigit() or text.startswith(lex.name_followers, end)
            ):
                return end
        return None

    def _clipped_end(self, text: str, word: Word, follower: Word | None) -> int | None:
        """End of a three-character name whose last character jieba split off before a
        speech verb (surname + one character as ``nr``, then one character, then 说)."""
        if len(word.text) != 2 or follower is None or len(follower.text) != 1:
            return None
        if follower.tag in _FUNCTION_TAGS or follower.text in self.lex.name_stop_chars:
            return None
        if not re.fullmatch(f"[{_HAN}]", follower.text):
            return None
        # jieba's split already says the character is no word of its own (品 in 阎晶品说)
        name = word.text + follower.text
        if not self._valid(name, final_check=False) or not self.speech_re.match(
            text[follower.end :]
        ):
            return None
        return follower.end

    def _organ_post_word(self, text: str, words: list[Word], start: int, end: int) -> bool:
        """Whether the post ``text[start:end]`` ends a jieba word that an organ's short
        name begins (市委书记, 政协主席; lexicon ``post_word_organs``)."""
        if not words:
            return False
        w = words[word_index_at(words, start)]
        return w.end == end and text[w.start : start].endswith(self.lex.post_word_organs)

    def _place_word(self, word: str) -> bool:
        """True for a place's name or a division's name without its level (滕州)."""
        return word in self.lex.place_names or word in self.lex.division_stems

    def _common_word(self, word: str) -> bool:
        """True for a word jieba's dictionary counts often (lexicon
        ``common_name_word_frequency``)."""
        return posseg.dt.tokenizer.FREQ.get(word, 0) >= self.lex.common_name_word_frequency

    def _listed_with_people(self, i: int, words: list) -> bool:
        """True if a neighbour of ``words[i]`` across 、 is a name with an unambiguous
        surname (廖丽娟、白妙馨、王雪梅)."""
        neighbours = []
        if i >= 2 and words[i - 1].text == "、":
            neighbours.append(words[i - 2])
        if i + 2 < len(words) and words[i + 1].text == "、":
            neighbours.append(words[i + 2])
        return any(
            n.tag in _NAME_TAGS
            and self._valid(n.text)
            and n.text[0] not in self.lex.ambiguous_surnames
            for n in neighbours
        )

    def _transliterated_after_post(self, text: str, word: Word) -> bool:
        """A name jieba reads as one transliterated name (nrt), of two to four characters,
        right after a post and before a clear boundary: a Mongolian, Tibetan or Uyghur name
        written without a dot, which starts with no Chinese surname (总工会主席托娅到场)."""
        if word.tag != "nrt" or not 2 <= len(word.text) <= 4:
            return False
        if not re.fullmatch(f"[{_HAN}]+", word.text) or word.text in self.lex.not_person:
            return False
        if word.text in self.lex.posts or word.text in self.lex.place_names:
            return False
        nxt = text[word.end : word.end + 1]
        return bool(nxt) and (
            nxt in _BOUNDARY or text.startswith(self.lex.name_followers, word.end)
        )

    def _valid(self, name: str, *, final_check: bool = True, surname: bool = True) -> bool:
        lex = self.lex
        if not (2 <= len(name) <= 4) or "某" in name or name in lex.not_person:
            return False
        if name.endswith(lex.plural_markers) or name.endswith(lex.forms_of_address):
            return False  # 师傅们: a group; 钟先生: a form of address, no full name
        if len(name) == 3 and name[1] == "家" and name[2] in lex.family_place_finals:
            return False  # 覃家岗, 马家堡: a place
        if not re.fullmatch(f"[{_HAN}]+", name):
            return False
        if name in lex.posts or name in lex.level_words:
            return False
        if final_check and name[-1] in lex.non_name_final_chars:
            return False
        if not surname:
            return True
        if len(name) == 4 and name[:2] not in lex.surnames:
            return False
        return name[0] in lex.surnames or name[:2] in lex.surnames

    def _bare_name(self, part: str) -> bool:
        return 2 <= len(part) <= 3 and self._valid(part)

    def _is_role(self, chunk: str) -> bool:
        return chunk in self.lex.byline_roles or chunk in self.lex.posts

    def _is_role_name(self, part: str) -> bool:
        for role in self.lex.byline_roles:
            if part.startswith(role) and self._bare_name(part[len(role) :]):
                return True
        return False


@Language.factory("kg_persons", default_config={"priority": 40})
def make_persons(nlp: Language, name: str, priority: int) -> PersonRecognizer:
    return PersonRecognizer(load_lexicon(), priority=priority)
