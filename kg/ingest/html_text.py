"""Visible text of an HTML page, laid out like the plain-text pages.

Block elements become paragraphs (separated by a blank line), ``<br>`` a line break,
and ``<h1>``–``<h6>`` markdown heading lines (``## `` for h1/h2, ``### `` below), so one
article splitter serves every format. Scripts, styles, the ``<head>``, comments and
hidden elements are dropped.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

__all__ = ["html_to_text"]

_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "select",
        "textarea",
        "button",
        "input",
        "nav",  # site navigation, not page content
    }
)
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_HEADINGS = {"h1": "## ", "h2": "## ", "h3": "### ", "h4": "### ", "h5": "### ", "h6": "### "}
_SKIP_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_LINE_BREAK = "\ue000"  # private-use stand-in for <br> while whitespace is collapsed
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")


def html_to_text(html: str) -> str:
    """The visible text of ``html`` as paragraphs and ``## `` heading lines.

    Examples
    --------
    >>> html_to_text("<h1>工会</h1><p>本报讯 今天<br>开会。</p><script>x()</script>")
    '## 工会\\n\\n本报讯 今天\\n开会。'
    """
    soup = BeautifulSoup(html, "html.parser")
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        paragraph = _collapse("".join(buffer))
        buffer.clear()
        if paragraph:
            blocks.append(paragraph)

    # an explicit stack, not recursion: real pages nest thousands of unclosed tags
    work: list[object] = list(reversed(soup.contents))
    while work:
        item = work.pop()
        if isinstance(item, _Close):
            if item.heading:
                heading = _collapse("".join(buffer)).replace("\n", " ")
                buffer.clear()
                if heading:
                    blocks.append(item.heading + heading)
            else:
                flush()
            continue
        if isinstance(item, NavigableString):
            if not isinstance(item, _SKIP_STRINGS):
                buffer.append(str(item))
            continue
        if not isinstance(item, Tag):
            continue
        name = (item.name or "").lower()
        if name in _DROP or _hidden(item):
            continue
        if name == "br":
            buffer.append(_LINE_BREAK)
            continue
        if name == "pre":
            flush()
            buffer.append(item.get_text().replace("\n", _LINE_BREAK))
            flush()
            continue
        if name in _HEADINGS:
            flush()
            work.append(_Close(_HEADINGS[name]))
        elif name in _BLOCK:
            flush()
            work.append(_Close(""))
        work.extend(reversed(item.contents))

    flush()
    return "\n\n".join(blocks)


class _Close:
    """Stack marker: the end of a block (``heading == ""``) or of a heading."""

    __slots__ = ("heading",)

    def __init__(self, heading: str) -> None:
        self.heading = heading


def _hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(str(tag.get("style", ""))))


def _collapse(raw: str) -> str:
    """Collapse whitespace like a browser; a line break between CJK characters vanishes."""

    def space(m: re.Match[str]) -> str:
        if "\n" in m.group():
            before = raw[m.start() - 1 : m.start()]
            after = raw[m.end() : m.end() + 1]
            if _CJK.match(before) and _CJK.match(after):
                return ""
        return " "

    text = _SPACE_RUN.sub(space, raw)
    lines = (line.strip() for line in text.split(_LINE_BREAK))
    return "\n".join(line for line in lines if line) if text.strip() else ""
