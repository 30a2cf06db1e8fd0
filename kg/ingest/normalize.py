"""The analysis form of a text: simplified characters, half-width ASCII, same length.

Offsets found in the analysis text must point at the same characters in the original,
so every change here maps one character to one character.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["simplify", "to_analysis_text", "to_half_width"]

# Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic and no-break spaces → space,
# corner brackets → the curly quotes simplified-Chinese text uses, and a few variant
# characters → their standard form.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20,
    0x00A0: 0x20,
    ord("「"): ord("“"),
    ord("」"): ord("”"),
    ord("『"): ord("‘"),
    ord("』"): ord("’"),
    ord("陜"): ord("陕"),  # a variant of 陝 that OpenCC t2s leaves as it is
}
# a text is "traditional" when this share of its Han characters exists only in traditional
# script (outside GB2312); below it, GB2312 characters are kept as they are, so that
# simplified text keeps e.g. 乾 in the name 王乾志 (t2s would make it 干)
_TRADITIONAL_SHARE = 0.02
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@cache
def _converter() -> object:
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _convert(text: str) -> str:
    return _converter().convert(text)  # type: ignore[attr-defined]


def _convert_same_length(line: str) -> str:
    out = _convert(line)
    if len(out) == len(line):
        return out
    # a phrase rule changed the length: fall back to single characters
    chars = []
    for ch in line:
        conv = _convert(ch)
        chars.append(conv if len(conv) == 1 else ch)
    return "".join(chars)


def simplify(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC ``t2s``) with the length kept.

    In a text that is mostly simplified, only characters that simplified Chinese
    does not use (outside GB2312) are converted.

    Examples
    --------
    >>> simplify("臺灣工會聯合會發佈報告")
    '台湾工会联合会发布报告'
    >>> simplify("本报实习生 王乾志")
    '本报实习生 王乾志'
    """
    if text.isascii():
        return text
    parts: list[str] = []
    changed: list[int] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        conv = _convert_same_length(line)
        if conv != line:
            changed.extend(
                pos + i for i, (a, b) in enumerate(zip(line, conv, strict=True)) if a != b
            )
        parts.append(conv)
        pos += len(line)
    if not changed:
        return text
    converted = "".join(parts)
    han = len(_HAN.findall(text)) or 1
    traditional_only = sum(1 for i in changed if not _in_gb2312(text[i]))
    if traditional_only / han >= _TRADITIONAL_SHARE:
        return converted
    out = list(text)
    for i in changed:
        if not _in_gb2312(text[i]):
            out[i] = converted[i]
    return "".join(out)


def to_half_width(text: str) -> str:
    """Full-width ASCII and special spaces → ASCII; 「」『』 → “”‘’.

    Examples
    --------
    >>> to_half_width("ＡＢＣ１２３，「工会」")
    'ABC123,“工会”'
    """
    return text.translate(_WIDTH)


def to_analysis_text(text: str) -> str:
    """:func:`simplify` then :func:`to_half_width`; ``len`` is unchanged.

    Examples
    --------
    >>> to_analysis_text("臺灣總工會，成立。")
    '台湾总工会,成立。'
    """
    out = to_half_width(simplify(text))
    if len(out) != len(text):  # pragma: no cover - guarded by construction
        raise AssertionError("analysis text changed length")
    return out
