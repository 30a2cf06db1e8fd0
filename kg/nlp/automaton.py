"""One multi-pattern pass over a text: the recognisers' phrase lists as an Aho-Corasick
automaton (``ahocorasick_rs``), in place of a regex alternation of escaped phrases.

:meth:`Phrases.finditer` gives exactly what ``re.finditer("|".join(longest first))``
gives: leftmost-longest, non-overlapping matches, scanned left to right; its matches
answer ``group()``, ``start()`` and ``end()`` as ``re.Match`` does, so a component swaps
``re.compile("|".join(map(re.escape, words)))`` for ``Phrases(words)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick_rs

__all__ = ["PhraseMatch", "Phrases"]


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """One match, read like an ``re.Match`` of a phrase alternation."""

    phrase: str
    begin: int
    finish: int

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")
        return self.phrase

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish


class Phrases:
    """A set of literal phrases matched in one pass.

    Parameters
    ----------
    phrases
        The phrases (duplicates and empty strings are ignored).

    Examples
    --------
    >>> p = Phrases(["吉林", "吉林省", "总工会"])
    >>> [m.span() for m in p.finditer("吉林省总工会在吉林")]
    [(0, 3), (3, 6), (7, 9)]
    >>> p.match("到吉林省", 1).group()
    '吉林省'
    >>> p.search("在吉林", 0, 2) is None
    True
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases: tuple[str, ...] = tuple(sorted({p for p in phrases if p}))
        self._set = frozenset(self.phrases)
        self._lengths = tuple(sorted({len(p) for p in self.phrases}, reverse=True))
        self._automaton = (
            ahocorasick_rs.AhoCorasick(
                list(self.phrases), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
            if self.phrases
            else None
        )
        self._every: ahocorasick_rs.AhoCorasick | None = None  # overlapping matches, lazily

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._set

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[PhraseMatch]:
        """Each leftmost-longest match in ``text[pos:endpos]``, left to right, not
        overlapping (offsets into ``text``)."""
        if self._automaton is None:
            return
        if pos or endpos is not None:
            text = text[pos:endpos]
        phrases = self.phrases
        for index, start, end in self._automaton.find_matches_as_indexes(text):
            yield PhraseMatch(phrases[index], start + pos, end + pos)

    def overlapping(self, text: str) -> Iterator[PhraseMatch]:
        """Every match in ``text``, overlapping ones included, by end then start.

        Examples
        --------
        >>> [m.group() for m in Phrases(["中通", "中通工会"]).overlapping("中通工会")]
        ['中通', '中通工会']
        """
        if not self.phrases:
            return
        if self._every is None:
            self._every = ahocorasick_rs.AhoCorasick(list(self.phrases))
        phrases = self.phrases
        for index, start, end in self._every.find_matches_as_indexes(text, overlapping=True):
            yield PhraseMatch(phrases[index], start, end)

    def match(self, text: str, pos: int = 0) -> PhraseMatch | None:
        """The longest phrase that starts at ``pos`` in ``text``, or None."""
        for length in self._lengths:
            piece = text[pos : pos + length]
            if len(piece) == length and piece in self._set:
                return PhraseMatch(piece, pos, pos + length)
        return None

    def longest_ending_at(self, text: str, ends: Iterable[int]) -> list[PhraseMatch]:
        """At each offset of ``ends`` (in their order) where a phrase of the set ends in
        ``text``, the longest such phrase: one overlapping pass instead of a slice per
        length and offset.

        Examples
        --------
        >>> heads = Phrases(["劳动奖", "奖状", "劳动奖状"])
        >>> [m.span() for m in heads.longest_ending_at("五一劳动奖状", [2, 5, 6])]
        [(2, 5), (2, 6)]
        """
        if not self.phrases:
            return []
        if self._every is None:
            self._every = ahocorasick_rs.AhoCorasick(list(self.phrases))
        longest: dict[int, int] = {}
        for _, start, end in self._every.find_matches_as_indexes(text, overlapping=True):
            if end - start > longest.get(end, 0):
                longest[end] = end - start
        return [
            PhraseMatch(text[end - longest[end] : end], end - longest[end], end)
            for end in ends
            if end in longest
        ]

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> PhraseMatch | None:
        """The first match in ``text[pos:endpos]``, or None."""
        return next(self.finditer(text, pos, endpos), None)
