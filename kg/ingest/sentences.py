"""Split article text into sentences with document offsets."""

from __future__ import annotations

import re

from kg.ingest.layout import Layout, load_layout
from kg.types import Sentence

__all__ = ["split_sentences"]

_MARKER = re.compile(r"[ \t\u3000]*#{1,6}[ \t\u3000]+(?=\S)")  # used with match(pos)
# half-width ?!; inside a URL or code ("a.php?id=1") end nothing
_ASCII_GLUE = re.compile(r"[A-Za-z0-9=&_/%.-]")


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, layout: Layout | None = None
) -> tuple[Sentence, ...]:
    """The sentences of ``text[start:end]``.

    A sentence ends at 。！？!?；; (with the closing quotes/brackets right after it) and at
    every line end; ``……`` ends one only at a line end. Markdown heading markers and the
    whitespace around a sentence are left out; offsets are into ``text``.

    Examples
    --------
    >>> [s.text for s in split_sentences("## 标题\\n他说:“好!”然后走了。最后……结束")]
    ['标题', '他说:“好!”', '然后走了。', '最后……结束']
    >>> split_sentences("甲。乙")[1]
    Sentence(text='乙', start=2, end=3)
    """
    layout = layout or load_layout()
    end = len(text) if end is None else end
    out: list[Sentence] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line_start = pos
        if m := _MARKER.match(text, pos, line_end):
            line_start = m.end()
        _split_line(text, line_start, line_end, layout, out)
        pos = line_end + 1
    return tuple(out)


def _split_line(text: str, start: int, end: int, layout: Layout, out: list[Sentence]) -> None:
    piece = start
    i = start
    while i < end:
        ch = text[i]
        if ch in layout.sentence_end:
            if ch in "?!;" and i + 1 < end and _ASCII_GLUE.match(text[i + 1]):
                i += 1
                continue
            j = i + 1
            while j < end and text[j] in layout.sentence_end:
                j += 1
            while j < end and text[j] in layout.closers:
                j += 1
            _emit(text, piece, j, out)
            piece = i = j
            continue
        i += 1
    _emit(text, piece, end, out)


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(text=stripped, start=s, end=s + len(stripped)))
