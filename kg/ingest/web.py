"""Saved web pages: the main content only, plus the page's metadata.

The article body comes from readability-lxml, a maintained boilerplate remover
(navigation, ads, "相关阅读" asides, footers and comment areas go);
``bench/html_extractors.py`` measures it against trafilatura and the plain tag walk on
real-shaped pages (readability kept all article text of every page and leaked no
boilerplate; trafilatura leaked a table-layout page whole). Headings it keeps become
heading lines, so a digital newspaper's 版面 page holding several articles is split
like a text page. The headline comes from ``<h1>``, ``og:title`` or ``<title>``; the date,
publisher, source and author from ``<meta>`` tags and the Chinese meta lines
(``来源:… 发布时间:… 编辑:…``), which never reach the article text. A page
readability finds no main content in is read whole (:func:`kg.ingest.html_text.html_to_text`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from kg.ingest.html_text import html_to_text
from kg.ingest.meta import (
    Meta,
    load_meta_rules,
    meta_line,
    parse_date,
    publisher_in,
    text_meta,
    title_from,
)

__all__ = ["EXTRACTORS", "WebPage", "read_web_page"]

#: boilerplate removers tried in order (see bench/html_extractors.py for the choice)
EXTRACTORS = ("readability",)

log = logging.getLogger(__name__)

_HEADING_LINE = re.compile(r"^#{1,6}\s+")
_SPACES = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True, slots=True)
class WebPage:
    """The main text of a page (paragraphs and ``## `` headline lines) and its metadata."""

    text: str
    meta: Meta
    extractor: str  # "trafilatura", "readability" or "tag walk"


def read_web_page(html: str, *, extractors: tuple[str, ...] = EXTRACTORS) -> WebPage:
    """The main content of ``html`` and its metadata.

    ``extractors`` are tried in order (``"trafilatura"``, ``"readability"``); the first
    that finds main content wins, else the whole page is read.

    Examples
    --------
    >>> page = read_web_page(
    ...     "<html><head><title>工会开会_中工网</title>"
    ...     "<meta name='publishdate' content='2024-05-10'></head>"
    ...     "<body><p>来源:工人日报 编辑:李明</p><p>本报讯 今天开会。</p></body></html>")
    >>> page.text
    '## 工会开会\\n\\n本报讯 今天开会。'
    >>> page.meta.date, page.meta.source
    ('2024-05-10', '工人日报')
    """
    soup = BeautifulSoup(html, "html.parser")
    meta = _html_meta(soup)
    whole = html_to_text(html)
    meta = meta.fill(text_meta(whole))
    if not meta.publisher and soup.title is not None:
        meta = meta.fill(Meta(publisher=publisher_in(soup.title.get_text())))
    body, extractor = None, "tag walk"
    for name in extractors:
        body = _MAIN_TEXT[name](html)
        if body is not None:
            extractor = name
            break
    if body is None:
        body = whole
    kept = [ln for ln in body.split("\n") if meta_line(_HEADING_LINE.sub("", ln)) is None]
    body = "\n".join(kept).strip()
    body = _with_headline(body, meta.title, soup)
    return WebPage(text=body, meta=meta, extractor=extractor)


def _trafilatura(html: str) -> str | None:
    """trafilatura's main text (a dev dependency: compared in bench/html_extractors.py)."""
    import trafilatura

    text = trafilatura.extract(
        html,
        output_format="markdown",
        include_formatting=True,  # keeps headings: several articles on one page
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not text or not text.strip():
        return None
    return _markdown_to_page(text)


def _readability(html: str) -> str | None:
    from readability import Document

    try:
        summary = Document(html).summary(html_partial=True)
    except Exception as exc:  # readability raises its own Unparseable and lxml errors
        log.debug("readability: %s", exc)
        return None
    text = html_to_text(summary)
    return text if text.strip() else None


_MAIN_TEXT = {"trafilatura": _trafilatura, "readability": _readability}


def _markdown_to_page(markdown: str) -> str:
    """trafilatura's markdown as page text: headings as ``### `` lines, no emphasis."""
    out = []
    for line in markdown.split("\n"):
        line = line.strip()
        if m := _HEADING_LINE.match(line):
            line = "### " + line[m.end() :].strip("*_ ")
        else:
            line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)  # bold/italic markers
            line = re.sub(r"^[-*]\s+", "", line)  # list bullets
        out.append(line)
    return "\n".join(out)


def _html_meta(soup: BeautifulSoup) -> Meta:
    rules = load_meta_rules()
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        if not isinstance(tag, Tag):
            continue
        key = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        field = rules.html_meta.get(key.strip())
        content = _SPACES.sub(" ", str(tag.get("content") or "")).strip()
        if field and content and field not in found:
            found[field] = parse_date(content) if field == "date" else content
    for node in soup.find_all("time"):  # <time datetime="2024-05-10">
        if isinstance(node, Tag) and "date" not in found:
            found["date"] = parse_date(str(node.get("datetime") or node.get_text()))
    headline = _first_text(soup, "h1") or found.get("title", "")
    if not headline and soup.title is not None:
        headline = title_from(soup.title.get_text())
    return Meta(
        title=_SPACES.sub(" ", headline).strip(),
        date=found.get("date", ""),
        publisher=found.get("publisher", ""),
        source=found.get("source", ""),
        author=found.get("author", ""),
    )


def _first_text(soup: BeautifulSoup, name: str) -> str:
    node = soup.find(name)
    return node.get_text(" ", strip=True) if isinstance(node, Tag) else ""


def _with_headline(body: str, headline: str, soup: BeautifulSoup) -> str:
    """Put the page's headline first, unless the body has headings of its own."""
    if not headline:
        return body
    first = body.split("\n", 1)[0]
    if _HEADING_LINE.sub("", first).strip() == headline:
        return "## " + headline + body[len(first) :]
    if any(_HEADING_LINE.match(ln) for ln in body.split("\n")) and len(soup.find_all("h1")) != 1:
        return body  # several articles, each under its own heading
    return f"## {headline}\n\n{body}"
