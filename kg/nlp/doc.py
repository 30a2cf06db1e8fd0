"""What the NLP components leave on a ``Doc``: extensions, word table, candidates.

Recognisers work on characters (Chinese names do not respect jieba's token
boundaries), so they record :class:`Candidate` char spans on ``doc._.kg_candidates``;
the final ``kg_spans`` component aligns tokens once and writes ``doc.spans["kg"]``.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from kg.types import EntityType

__all__ = [
    "CJK",
    "CLAUSE_END",
    "Candidate",
    "Word",
    "add_candidate",
    "clause_start",
    "doc_text",
    "register_extensions",
    "split_tokens_at",
    "word_index_at",
]

CJK = re.compile(r"[\u3400-\u9fff]")
CLAUSE_END = re.compile(r"[，,。；;！？!?：:\n]")
SPAN_KEY = "kg"


@dataclass(frozen=True, slots=True)
class Word:
    """A jieba posseg word: char offsets in the doc and its part-of-speech flag."""

    start: int
    end: int
    text: str
    tag: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed entity span. ``name`` is the name form (quotes stripped, expanded)."""

    start: int
    end: int
    label: EntityType
    name: str
    rule: str
    priority: int = 0


def register_extensions() -> None:
    """Declare the Doc/Span extensions (idempotent)."""
    for name, default in (
        ("kg_words", None),
        ("kg_candidates", None),
        ("kg_aliases", None),
        ("kg_article", None),
        ("kg_text", None),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("kg_name", "kg_rule"):
        if not Span.has_extension(name):
            Span.set_extension(name, default="")
    from kg.nlp import serialize  # here, not at the top: it imports this module's types

    serialize.register()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once: spaCy joins the tokens on every access, and splitting
    tokens never changes the text."""
    text = doc._.kg_text
    if text is None:
        text = doc._.kg_text = doc.text
    return text


def add_candidate(doc: Doc, candidate: Candidate) -> None:
    if doc._.kg_candidates is None:
        doc._.kg_candidates = []
    doc._.kg_candidates.append(candidate)


def word_index_at(words: list[Word], offset: int) -> int:
    """Index of the word containing char ``offset`` (binary search)."""
    lo, hi = 0, len(words) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if words[mid].end <= offset:
            lo = mid + 1
        elif words[mid].start > offset:
            hi = mid - 1
        else:
            return mid
    return max(0, min(lo, len(words) - 1))


def split_tokens_at(doc: Doc, offsets: set[int]) -> None:
    """Split tokens so that every char offset in ``offsets`` is a token boundary."""
    if not offsets or not len(doc):
        return
    bounds = doc.to_array([IDX, LENGTH]).astype(numpy.int64)  # one C pass, no Token objects
    starts = bounds[:, 0]
    ends = starts + bounds[:, 1]
    points = sorted(offsets)
    inside: dict[int, list[int]] = {}
    for i, point in zip(numpy.searchsorted(starts, points, side="right") - 1, points, strict=True):
        if i >= 0 and starts[i] < point < ends[i]:
            inside.setdefault(int(i), []).append(point)
    if not inside:
        return
    text = doc_text(doc)
    with doc.retokenize() as retokenizer:
        for i, inner in inside.items():
            token = doc[i]
            cut = [token.idx, *inner, token.idx + len(token.text)]
            orths = [text[a:b] for a, b in itertools.pairwise(cut)]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))


def span_group(doc: Doc) -> list[Span]:
    return list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []


def clause_start(text: str, offset: int, lo: int = 0) -> int:
    """Where the clause holding ``offset`` begins: just after the last clause punctuation
    in ``text[lo:offset]``, else ``lo``.

    Examples
    --------
    >>> clause_start("会议指出，要坚持。工会", 11), clause_start("会议指出，要坚持", 8, lo=6)
    (9, 6)
    """
    ends = _clause_ends(text)
    i = bisect_right(ends, offset) - 1  # the last mark before offset (its end ≤ offset)
    return ends[i] if i >= 0 and ends[i] > lo else lo


@lru_cache(maxsize=8)  # a doc's components ask about the same few texts many times
def _clause_ends(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in CLAUSE_END.finditer(text))
