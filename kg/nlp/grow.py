"""Grow a name leftwards from its head suffix over the words before it.

Chinese names are written without spaces, so ``湖北省襄阳市总工会`` is found from its head
(``总工会``) by taking the preceding words while they can be part of a name. Growth stops
at punctuation, function words, verbs of the clause (lexicon ``left_breaks``) and other
tags that never sit inside a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.nlp.doc import CJK, CLAUSE_END, Word, word_index_at
from kg.nlp.jieba_tables import posseg
from kg.nlp.lexicon import Lexicon

__all__ = ["NUMERALS", "Piece", "grow_left", "is_specific", "made_of"]

# jieba flags that never occur inside a name: prepositions, conjunctions, particles,
# adverbs, pronouns, interjections, verbs (see grow_left for the exceptions), idioms.
_BREAK_TAGS = frozenset(
    [
        "p",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "ug",
        "uv",
        "ud",
        "d",
        "ad",
        "r",
        "y",
        "e",
        "o",
        "zg",
        "v",
        "vd",
        "l",
        "i",
    ]
)
_SPECIFIC_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng", "nrf"})
_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg", "nrf"})
_NAME_HYPHENS = frozenset({"-", "－"})
#: the characters of Chinese numerals (一, 十, 两 …)
NUMERALS = "〇零一二三四五六七八九十百千两"
_CJK_NUMERAL = re.compile(rf"^[第{NUMERALS}首]+$")
_ORDINAL = re.compile(rf"^(第?[{NUMERALS}\d]+[届次期场]|首[届场次期]|\d{{4}}年度?|\d{{4}})$")
# a numbered bureau or division of a group jieba reads as a number (中铁|二十一局|集团公司)
_NUMBERED_UNIT = re.compile(rf"^[{NUMERALS}]+局$")
_EDITION_WORDS = frozenset("届次期")  # jieba may tag them as adverbs (十八|届(d)|二次)
_COUNT = re.compile(rf"^[{NUMERALS}\d]+[届次期场]$")
# an ordinal or a year that ends the text before a piece jieba split (第|十五|届, 2024|年)
_ORDINAL_END = re.compile(rf"(第?[{NUMERALS}\d]+[届次期]|首届|\d{{4}}年度?)$")
_QUOTE_BREAK = re.compile(r"[。；;！？!?：:\n]")
_DASH_AFTER_QUOTE = re.compile(r"”(?:——|—|－－)$")
_PAREN = re.compile(r"[(（][\u3400-\u9fff]{1,6}[)）]$")


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int
    text: str
    tag: str


def _pieces_before(text: str, words: list[Word], start: int) -> list[Piece]:
    """Words before ``start``, nearest first; a word cut by ``start`` gives its left part."""
    if not words or start <= 0:
        return []
    i = word_index_at(words, start - 1)
    pieces = []
    while i >= 0:
        w = words[i]
        end = min(w.end, start)
        if end > w.start:
            piece_text = text[w.start : end]
            pieces.append(Piece(w.start, end, piece_text, w.tag if end == w.end else "part"))
        i -= 1
        if len(pieces) > 16:
            break
    return pieces


def grow_left(
    text: str,
    words: list[Word],
    start: int,
    lex: Lexicon,
    *,
    max_chars: int = 24,
    allow_ordinals: bool = False,
    allow_quotes: bool = False,
) -> tuple[int, list[Piece]]:
    """Return the new start of a name whose head starts at ``start``, and the pieces taken.

    Parameters
    ----------
    text, words
        The doc text and its jieba posseg words.
    start
        Char offset where the head suffix begins.
    allow_ordinals
        Accept ``第二届``, ``2024年``, ``首届`` (event names).
    allow_quotes
        Accept a quoted segment ``“…”`` inside the name.
    """
    taken: list[Piece] = []
    new_start = start
    pieces = _pieces_before(text, words, start)
    k = 0
    while k < len(pieces):
        piece = pieces[k]
        if piece.end != new_start:
            break
        t = piece.text
        if t in (")", "）") and k + 2 < len(pieces):
            # a short parenthesised part: 合肥市产业投资控股集团(集团)有限公司
            m = _PAREN.search(text[max(0, new_start - 8) : new_start])
            if m and m.group(0)[1:].startswith(lex.byline_roles):
                break  # (记者赵黎浩)云南工匠学院: a byline, not part of the name
            if m and m.group(0)[1:].startswith(tuple(lex.abbreviation_markers)):
                break  # 横琴粤澳深度合作区(下称深合区)…: a short form declared, no part of a name
            if m and not allow_quotes:
                new_start -= len(m.group(0))
                while k < len(pieces) and pieces[k].start >= new_start:
                    k += 1
                continue
            if m:
                new_start -= len(m.group(0))
                while k < len(pieces) and pieces[k].start >= new_start:
                    k += 1
                continue
            break
        if allow_quotes and t == "”":
            open_at = text.rfind("“", max(0, new_start - 24), new_start)
            # a slogan may hold a comma (“粽叶飘香,情暖驿站”), never a sentence's end
            if open_at >= 0 and not _QUOTE_BREAK.search(text, open_at, new_start):
                taken.append(Piece(open_at, new_start, text[open_at:new_start], "quote"))
                new_start = open_at
                while k < len(pieces) and pieces[k].start >= new_start:
                    k += 1
                continue
            break
        dash = _DASH_AFTER_QUOTE.search(text, max(0, new_start - 3), new_start)
        if allow_quotes and dash and taken and taken[-1].tag == "quote":
            # “致敬户外劳动者,共赴新春嘉年华”——“工会服务户外劳动者日”社区宣传活动
            taken.append(Piece(dash.start() + 1, new_start, dash.group(0)[1:], "x"))
            new_start = dash.start() + 1
            while k < len(pieces) and pieces[k].start >= new_start:
                k += 1
            continue
        if (
            t in _NAME_HYPHENS
            and taken
            and taken[-1].tag in _SPECIFIC_TAGS
            and k + 1 < len(pieces)
            and pieces[k + 1].end == piece.start
            and pieces[k + 1].tag in _SPECIFIC_TAGS
        ):
            # 一汽(j)-大众汽车(nt)有限公司: a hyphen joins two proper parts of one name
            taken.extend((piece, pieces[k + 1]))
            new_start = pieces[k + 1].start
            k += 2
            continue
        if (
            t in lex.name_spans
            and k + 1 < len(pieces)
            and pieces[k + 1].end == piece.start
            and pieces[k + 1].text.isdigit()
        ):
            # 24|小时|智能化服务驿站: a count of hours opens a service's name
            taken.extend((piece, pieces[k + 1]))
            new_start = pieces[k + 1].start
            k += 2
            continue
        if allow_quotes and t == "·":
            taken.append(piece)
            new_start = piece.start
            k += 1
            continue
        if allow_ordinals and _ORDINAL.match(t):
            if _counts_editions(t, piece.start, words, lex):
                break
            taken.append(piece)
            new_start = piece.start
            k += 1
            continue
        if allow_ordinals and (piece.tag in ("m", "q", "t", "x", "eng") or t in _EDITION_WORDS):
            # 2024年 split as 2024 + 年, 第十五届 as 第 + 十五 + 届, 十八|届(d)
            joined = _ORDINAL_END.search(text[max(0, new_start - 8) : new_start])
            if joined and _counts_editions(
                joined.group(0), new_start - len(joined.group(0)), words, lex
            ):
                break
            if joined:
                new_start -= len(joined.group(0))
                taken.append(
                    Piece(new_start, new_start + len(joined.group(0)), joined.group(0), "ord")
                )
                while k < len(pieces) and pieces[k].start >= new_start:
                    k += 1
                continue
        if (
            piece.tag in ("v", "vn")
            and t in lex.name_internal_verbs
            and not (taken and taken[-1].tag in ("v", "vn"))  # 创新|建设 is a verb phrase
        ):
            taken.append(piece)  # 劳模和工匠人才创新|工作室联盟, 帮扶|服务中心
            new_start = piece.start
            k += 1
            continue
        if piece.tag in ("v", "vd", "l") and not _left_break(piece, lex) and k + 1 < len(pieces):
            # a verb inside a name (中建安装苏杭公司, 现场推进会) when a proper-name word or an
            # event is being grown and the word before it belongs to the name too; a
            # phrase (l) of the trade right before the head after a proper name
            # (广西|汉达|社会工作(l)|服务中心)
            before = pieces[k + 1]
            proper = _SPECIFIC_TAGS - {"j"}
            after = taken[-1].tag in proper if taken else _trade_phrase(piece)
            # not after a person's name: 符公兴(nr)|为定(v)|城镇总工会 is a clause
            inside_name = after and before.tag in proper - _PERSON_TAGS
            if allow_ordinals or (before.end == piece.start and inside_name):
                taken.append(piece)
                new_start = piece.start
                k += 1
                continue
        if (
            piece.tag == "t"
            and taken
            and k + 1 < len(pieces)
            and pieces[k + 1].tag == "ns"
            and pieces[k + 1].end == piece.start
            and len(t) == 2
            and CJK.match(t)
            and not _CJK_NUMERAL.match(t)
            and t not in lex.left_breaks
        ):
            # a word jieba reads as a time between a place and the rest of a name
            # (内蒙古|现代|乳业工匠学院)
            taken.append(piece)
            new_start = piece.start
            k += 1
            continue
        if piece.tag == "zg" and (t in lex.name_internal_chars or t in lex.level_words):
            # 沙洋县|委|组织部, 县|人大常委会: jieba left the organ's 委 or a level on its own
            taken.append(piece)
            new_start = piece.start
            k += 1
            continue
        if (
            piece.tag == "ns"
            and t[:1] in lex.conjunctions
            and t[1:] in lex.level_words
            and t not in lex.place_names
        ):
            # 基层工会|和省(ns)|总: jieba joined a conjunction to the level word after it
            taken.append(Piece(piece.start + 1, piece.end, t[1:], "n"))
            new_start = piece.start + 1
            break
        if not _name_like(piece, lex) or t in lex.name_breaking_posts:
            break
        if allow_ordinals and piece.tag in ("nr", "nrfg", "nrt"):
            break  # a person before an event head is its subject, not its name
        if allow_ordinals and piece.tag == "t" and t not in lex.left_breaks:
            taken.append(piece)  # 春季大型招聘会
            new_start = piece.start
            k += 1
            continue
        if start - piece.start > max_chars:
            break
        taken.append(piece)
        new_start = piece.start
        k += 1
    return new_start, taken


def _trade_phrase(piece: Piece) -> bool:
    """A phrase jieba keeps whole (l) that names a field of work, not an action: its
    last word is no plain verb (社会工作, not 不断完善)."""
    if piece.tag != "l" or len(piece.text) < 3:
        return False
    last = str(posseg.dt.word_tag_tab.get(piece.text[-2:], ""))
    return last == "vn" or not last.startswith("v")


_VERB_PHRASE_TAGS = frozenset({"l", "i", "d", "ad", "v", "vd"})


def _left_break(piece: Piece, lex: Lexicon) -> bool:
    """A word that stops a name on the left: one of lexicon ``left_breaks``, or a phrase
    that ends in one of its verbs (紧紧围绕, 大力开展: an adverb and the verb)."""
    t = piece.text
    if t in lex.left_breaks:
        return True
    return len(t) >= 4 and piece.tag in _VERB_PHRASE_TAGS and t[-2:] in lex.left_breaks


def _name_like(piece: Piece, lex: Lexicon) -> bool:
    t = piece.text
    if _left_break(piece, lex):
        return False
    if piece.tag in _BREAK_TAGS:
        return False
    if piece.tag == "m":
        return bool(_CJK_NUMERAL.match(t) or _NUMBERED_UNIT.match(t))
    if piece.tag == "t":
        return False
    if piece.tag in ("x", "part") and not CJK.search(t) and not t.isalnum():
        return False
    if not (CJK.search(t) or t.isalnum()):
        return False
    return not (t.isdigit() and len(t) > 0)


def is_specific(pieces: list[Piece], lex: Lexicon, *, strict: bool = False) -> bool:
    """True if the words before a head make a name, not a generic phrase (企业工会).

    ``strict`` asks for a proper-name word (place, person, brand, abbreviation), a quoted
    part or an ordinal; otherwise two characters of non-generic content suffice.
    """
    texts = [p.text for p in pieces]
    if not texts:
        return False
    if all(t in lex.generic_modifiers for t in texts):
        return False
    if any(
        p.tag in _SPECIFIC_TAGS or p.tag in ("quote", "ord") or _ORDINAL.match(p.text)
        for p in pieces
    ):
        return True
    if strict or texts[-1] in lex.generic_modifiers:
        return False  # a name that opens on a modifier needs a proper part (老陶瓷厂)
    content = [t for t in texts if t not in lex.generic_modifiers]
    return sum(map(len, content)) >= 2


def made_of(text: str, vocabulary: frozenset[str]) -> bool:
    """True if ``text`` is a sequence of words of ``vocabulary`` (职工创新 = 职工 + 创新)."""
    while text:
        word = max((w for w in vocabulary if text.startswith(w)), key=len, default=None)
        if word is None:
            return False
        text = text[len(word) :]
    return True


def _counts_editions(ordinal: str, at: int, words: list[Word], lex: Lexicon) -> bool:
    """Whether a bare number of editions (三届, no 第) is the object of the verb before it
    (举办三届…竞赛), or is listed after such a count (举办三届A、一届B): it counts the events
    and is no part of their name, unlike 十四届 opening 十四届全国人大."""
    if not _COUNT.match(ordinal) or at == 0 or not words:
        return False
    i = word_index_at(words, at - 1)
    if words[i].end != at:
        return False
    if words[i].tag.startswith("v"):
        return True
    if words[i].text not in lex.list_links:
        return False
    for j in range(i - 1, max(-1, i - 16), -1):  # the count that opens the list's first item
        word = words[j]
        if CLAUSE_END.match(word.text):
            return False
        if _COUNT.match(word.text) and j > 0 and words[j - 1].tag.startswith("v"):
            return words[j - 1].end == word.start
    return False
