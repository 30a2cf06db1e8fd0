"""``kg_persons``: people from bylines, post titles, speech verbs and jieba's ``nr``."""

from __future__ import annotations

import re

import jieba.posseg
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.automaton import Phrases
from kg.nlp.doc import Candidate, Word, add_candidate, doc_text, register_extensions
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.types import EntityType

__all__ = ["PersonRecognizer"]

_HAN = "\u3400-\u9fff"
_NAME_TAGS = ("nr", "nrfg", "nrt")
#: jieba tags of words that are never the last character of a name
_FUNCTION_TAGS = frozenset(
    {"d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "q", "x"}
)
_BOUNDARY = frozenset("，,、。；;：:（()）\n “”\u3000")


def _known(word: str) -> str | None:
    """jieba's dictionary tag for a word, None when it is not in the dictionary."""
    return jieba.posseg.dt.word_tag_tab.get(word)


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
        self.speech_re = Phrases(lex.speech_verbs)
        self.appointment_re = Phrases(lex.appointment_verbs)

    def __call__(self, doc: Doc) -> Doc:
        text, words = doc_text(doc), doc._.kg_words or []
        seen: set[tuple[int, int]] = set()

        def emit(start: int, end: int, rule: str, *, final_check: bool = True) -> None:
            if (start, end) not in seen and self._valid(text[start:end], final_check=final_check):
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
                    emit(start, start + len(name), "person-byline")
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
                self._bare_name(p) or self._is_role_name(p) for p in parts
            ):
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
            if follower is None or m.start() not in word_starts:
                continue  # the post is part of a longer word (工人文化宫)
            strong = m.group(0) not in self.lex.weak_posts
            common = len(follower.text) >= 2 and _known(follower.text) not in (
                None,
                *_NAME_TAGS,
                "ns",
                "nz",
            )
            end = None
            if (strong and not common) or follower.tag in _NAME_TAGS:
                end = self._bounded_end(text, start, strong=strong)
            if end is not None:
                emit(start, end, "person-post")
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
        for i, w in enumerate(words):
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
                titled = post is not None and post.group(0) not in self.lex.weak_posts
                plain = w.text[0] not in self.lex.ambiguous_surnames
                # 康养度假、温泉旅游 is no list of people; 廖丽娟、白妙馨、王雪梅 is
                enumerated = enumerated and (plain or self._listed_with_people(i, words))
                said = self.speech_re.match(after) or self.appointment_re.match(after)
                cue = said or enumerated or before == "”" or titled
                if cue or (plain and unknown and (len(w.text) == 3 or before == "的")):
                    emit(w.start, w.end, "person-nr")
        return doc

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

    def _bounded_end(self, text: str, start: int, *, strong: bool) -> int | None:
        """End of a 2–4 character name right after a post whose end is a clear boundary:
        punctuation or a word that follows names (主席何卫东等, 副主席罗海华，)."""
        lex = self.lex
        if start >= len(text) or text[start] in lex.name_stop_chars:
            return None
        if not strong and text[start] in lex.ambiguous_surnames:
            return None
        for length in (3, 2, 4):
            end = start + length
            name = text[start:end]
            if len(name) < length or not self._valid(name):
                continue
            if (
                length == 3
                and name[-1] in lex.name_stop_chars
                and not (name[-1] in lex.name_final_stops and text[end : end + 1] in _BOUNDARY)
            ):
                continue  # 王霞等, 王冰说: the last character follows the name
            nxt = text[end : end + 1]
            if nxt and (nxt in _BOUNDARY or text.startswith(lex.name_followers, end)):
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

    def _valid(self, name: str, *, final_check: bool = True) -> bool:
        lex = self.lex
        if not (2 <= len(name) <= 4) or "某" in name or name in lex.not_person:
            return False
        if not re.fullmatch(f"[{_HAN}]+", name):
            return False
        if name in lex.posts or name in lex.level_words:
            return False
        if final_check and name[-1] in lex.non_name_final_chars:
            return False
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
