"""One multi-pattern pass over a text: the recognisers' phrase lists as an Aho-Corasick
automaton (``ahocorasick_rs``), in place of a regex alternation of escaped phrases.

:meth:`Phrases.finditer` gives exactly what ``re.finditer("|".join(longest first))``
gives: leftmost-longest, non-overlapping matches, scanned left to right.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick_rs

__all__ = ["Phrases"]


class Phrases:
    """A set of literal phrases matched in one pass.

    Parameters
    ----------
    phrases
        The phrases (duplicates and empty strings are ignored).

    Examples
    --------
    >>> p = Phrases(["吉林", "吉林省", "总工会"])
    >>> list(p.finditer("吉林省总工会在吉林"))
    [('吉林省', 0, 3), ('总工会', 3, 6), ('吉林', 7, 9)]
    >>> p.match("到吉林省", 1)
    '吉林省'
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

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[tuple[str, int, int]]:
        """``(phrase, start, end)`` of each leftmost-longest match in ``text[pos:endpos]``,
        left to right, not overlapping (offsets into ``text``)."""
        if self._automaton is None:
            return
        if pos or endpos is not None:
            text = text[pos:endpos]
        phrases = self.phrases
        for index, start, end in self._automaton.find_matches_as_indexes(text):
            yield phrases[index], start + pos, end + pos

    def match(self, text: str, pos: int = 0) -> str | None:
        """The longest phrase that starts at ``pos`` in ``text``, or None."""
        for length in self._lengths:
            piece = text[pos : pos + length]
            if len(piece) == length and piece in self._set:
                return piece
        return None
