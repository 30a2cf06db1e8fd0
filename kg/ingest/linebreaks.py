"""Repair line breaks that PDF extraction put inside sentences.

Newspaper columns are extracted line block by line block, so a sentence that runs over
a column or page-block boundary comes out split, usually with a blank line between the
halves (``坚守\\n\\n主业``). A break is joined when the line before is body text that ends
no sentence and the line after can go on a sentence; headline-like lines are joined only
on stronger signals (see ``linebreaks`` in ``data/layout.yaml``), one of them a name's
head word split by the break (``…新立社\\n\\n区工会驿站``: the lexicon's organisation,
place and unit heads of two or more characters, :func:`split_head`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.ingest.layout import Layout, LineKind, iter_lines, load_layout
from kg.ingest.normalize import to_analysis_text

__all__ = ["Break", "line_break_decisions", "repair_line_breaks", "split_head"]

_JOIN_BEFORE = frozenset({LineKind.BODY, LineKind.OPENING, LineKind.HEADLINE})
_JOIN_AFTER = frozenset({LineKind.BODY, LineKind.HEADLINE})
_CONTINUABLE = frozenset({LineKind.BODY, LineKind.OPENING, LineKind.CONTINUED_FROM})
_CONTEXT = 200  # characters of the line before that a decision looks at


@dataclass(frozen=True, slots=True)
class Break:
    """One decision: join ``before`` and ``after`` (two non-blank lines) or not."""

    before: str
    after: str
    joined: bool
    reason: str


def repair_line_breaks(text: str, layout: Layout | None = None) -> str:
    """Join the lines of ``text`` that one sentence was broken over.

    Parameters
    ----------
    text
        Page text with ``\\n`` line ends.
    layout
        Layout rules; the packaged ones by default.

    Returns
    -------
    str
        The text with the whitespace between joined lines removed; every other
        character is kept.

    Examples
    --------
    >>> repair_line_breaks("此次报告会邀请了廖丽娟、\\n\\n白妙馨、王雪梅3名劳模。")
    '此次报告会邀请了廖丽娟、白妙馨、王雪梅3名劳模。'
    >>> repair_line_breaks("## 确保安全生产\\n\\n近日,中原油田开展巡检。")
    '## 确保安全生产\\n\\n近日,中原油田开展巡检。'
    """
    return _repair(text, layout or load_layout())[0]


def line_break_decisions(text: str, layout: Layout | None = None) -> list[Break]:
    """Every break between two non-blank lines of ``text`` with the decision taken.

    Meant for checking the repair on a corpus (joins and non-joins side by side).
    """
    return _repair(text, layout or load_layout())[1]


def _repair(text: str, layout: Layout) -> tuple[str, list[Break]]:
    raws = text.split("\n")
    out: list[list[str]] = []  # output lines, each as pieces (joins append to them)
    decisions: list[Break] = []
    last = -1  # index in ``out`` of the last non-blank line
    last_level = 0
    last_kind = LineKind.BLANK
    # the end of that line (joins included), original and normalised; decisions only
    # look at the end, so a long run of joins stays linear
    before = before_norm = ""
    for ln in iter_lines(text, layout, probe=to_analysis_text(text)):
        raw = raws[ln.index]
        if ln.kind is LineKind.BLANK:
            out.append([raw])
            continue
        if last >= 0:
            blanks = len(out) - last - 1
            joined, reason = _decide(
                before_norm, last_kind, last_level, ln.norm, ln.kind, ln.level, blanks, layout
            )
            decisions.append(Break(before, ln.content, joined, reason))
            if joined:
                pieces = out[last]
                pieces[-1] = pieces[-1].rstrip()
                right = raw.lstrip()
                sep = " " if _latin(pieces[-1][-1:]) and _latin(right[:1]) else ""
                pieces.append(sep + right)
                del out[last + 1 :]
                before = (before + sep + ln.content)[-_CONTEXT:]
                before_norm = (before_norm + sep + ln.norm)[-_CONTEXT:]
                last_kind = LineKind.BODY  # a sentence run over lines is body text
                continue
        out.append([raw])
        last = len(out) - 1
        last_level, last_kind = ln.level, ln.kind
        before, before_norm = ln.content, ln.norm
    return "\n".join("".join(pieces) for pieces in out), decisions


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _ends_paragraph(line: str, layout: Layout) -> bool:
    if layout.end_credit_at_end(line) or layout.photo_credit_at_end(line) is not None:
        return True
    if layout.continued_to.search(line):
        return True
    marker = layout.continued_from.search(line)
    if marker and marker.end() == len(line):  # "(上接第1版)" on a line of its own
        return True
    core = _strip_trailing_note(line, layout).rstrip(layout.closers)
    if not core:
        return True
    return (
        core[-1] in layout.sentence_end
        or core[-1] == layout.ellipsis
        or (core.endswith(layout.paragraph_end))
    )


def _strip_trailing_note(line: str, layout: Layout) -> str:
    """Drop a parenthesised note after a sentence end: "…难题。(相关报道详见本报今日7版)"."""
    if not line.endswith((")", "）")):
        return line
    opener = max(line.rfind("("), line.rfind("（"))
    head = line[:opener].rstrip()
    if opener > 0 and head and head[-1] in layout.sentence_end:
        return head
    return line


def _unbalanced(line: str, layout: Layout) -> bool:
    return any(line.count(a) > line.count(b) for a, b in layout.pairs if a != b)


def _decide(
    before: str,
    kind_before: LineKind,
    before_level: int,
    after: str,
    kind_after: LineKind,
    after_level: int,
    blanks: int,
    layout: Layout,
) -> tuple[bool, str]:
    if before_level or after_level:
        return False, "markdown heading"
    if kind_before not in _JOIN_BEFORE and kind_before not in _CONTINUABLE:
        return False, f"line before is {kind_before.value}"
    if kind_after not in _JOIN_AFTER:
        return False, f"line after is {kind_after.value}"
    if _ends_paragraph(before, layout):
        return False, "line before ends a sentence"
    strong_after = after[0] in layout.continuation_start or after[0] in layout.join_before_chars
    if not strong_after and not layout.continuation_first_char.match(after):
        return False, "line after cannot go on a sentence"
    strong_before = (
        before[-1] in layout.clause
        or _unbalanced(before, layout)
        or before[-1] in layout.join_after_chars
    )
    if strong_before or strong_after:
        return True, "clause goes on"
    if kind_after is LineKind.HEADLINE and blanks >= layout.gap_blank_lines:
        return False, "headline after a gap"
    if split_head(before, after) is not None:
        return True, "a name's head runs over the break"
    if kind_before is LineKind.HEADLINE:
        if any(p.search(before) for p in layout.body_openers):
            return True, "body opener"
        return False, "line before is headline-like"
    if kind_after is LineKind.HEADLINE:
        return False, "line after is headline-like"
    return True, "body line goes on"


def split_head(before: str, after: str) -> str | None:
    """The head word of a name that ``before`` starts and ``after`` finishes, if any.

    Examples
    --------
    >>> split_head("来到覃家岗街道新立社", "区工会驿站,邓朝霞与代表围坐交流")
    '社区'
    >>> split_head("团结企业与职工走出共济共赢新路", "上城区总工会聚焦聚力") is None
    True
    """
    for head in _heads_by_length():
        for cut in range(1, len(head)):
            if before.endswith(head[:cut]) and after.startswith(head[cut:]):
                return head
    return None


@cache
def _heads_by_length() -> tuple[str, ...]:
    """Head words a line break can split (two or more characters), longest first."""
    from kg.nlp.lexicon import load_lexicon  # the word lists only: no spaCy, no jieba

    lex = load_lexicon()
    heads = {*lex.org_suffixes, *lex.place_suffixes, *lex.unit_heads}
    return tuple(sorted((h for h in heads if len(h) >= 2), key=lambda h: (-len(h), h)))
