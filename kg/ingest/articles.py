"""Cut a page into articles.

A page is read line by line (see :class:`~kg.ingest.layout.LineKind`). A run of
headline lines starts an article when

- no article is open (page start, after the masthead, or the last one was closed by a
  photo credit "… 摄" or an end credit "(王钰哲)" / "本报通讯员 胡晋飞");
- it holds a markdown ``#``/``##`` heading;
- it follows a gap of blank lines (PDF extraction separates page blocks by more than
  one blank line);
- the next line is an opening (``本报讯(记者…)``), a byline (``本报记者 …``), a
  continuation marker (``(上接第1版)``, the run is the continuation's jump headline) or a
  photo credit, or a photo credit follows within a few paragraphs (a photo item);
- or nothing follows it.

Otherwise the run is a section head inside the open article ("企业职工共建共赢"). A run
right before a credit meta line (``来源:工人日报``) is one web article's head, whatever its
length; writers' names at its end (``黄洪涛``) are its byline.
An opening, byline or continuation marker after body text starts a headline-less article
(a credit meta line, ``来源:人民网``, stays in the article it ends);
so does body text after a closed article (an orphan, e.g. the rest of an article whose
start is on another block of the page). A continuation (``(上接第1版)``) is kept as its
own article: the part it continues is on another page, so it cannot be identified.
``(下转第2版)`` stays at the end of the article it interrupts. Masthead lines belong to
no article; ``阅读提示`` boxes stay in the article around them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from kg.ingest.layout import HEADLINE_KINDS, Layout, Line, LineKind, iter_lines, load_layout
from kg.ingest.meta import Meta, article_meta
from kg.ingest.sentences import split_sentences
from kg.types import Article, Sentence

__all__ = ["split_articles"]

_STARTERS = frozenset(
    {
        LineKind.OPENING,
        LineKind.BYLINE,
        LineKind.CREDIT,
        LineKind.CONTINUED_FROM,
        LineKind.PHOTO_CREDIT,
    }
)
# lines that start a headline-less article when the open one already has body text; a
# credit meta line after the body (来源:人民网) ends the article it is written in
_STARTERS_AFTER_BODY = frozenset({LineKind.OPENING, LineKind.BYLINE, LineKind.CONTINUED_FROM})
_ONE_SENTENCE = HEADLINE_KINDS | {
    LineKind.BOX,
    LineKind.BYLINE,
    LineKind.CREDIT,
    LineKind.PHOTO_CREDIT,
    LineKind.SECTION,
}
# where a credit that follows a sentence begins
_CREDIT_STOPS = "。！？!?；;”’)）,，、"


@dataclass
class _Draft:
    lines: list[Line] = field(default_factory=list)
    headline: list[Line] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    has_body: bool = False
    closed: bool = False
    in_box: bool = False


def split_articles(
    text: str,
    analysis_text: str,
    *,
    document_id: str,
    source: str,
    layout: Layout | None = None,
    meta: Meta | None = None,
    page_starts: tuple[int, ...] = (),
) -> tuple[Article, ...]:
    """The articles of a page, in page order.

    Parameters
    ----------
    text
        The page text (line breaks repaired).
    analysis_text
        The same text normalised for analysis (same length).
    document_id, source
        Copied into every article; ids are ``f"{document_id}-a{index:02d}"``.
    layout
        Layout rules; the packaged ones by default.
    meta
        The page's metadata; an article without a date of the page's own takes the
        one its opening gives (see :func:`kg.ingest.meta.article_meta`).
    page_starts
        Where each PDF page (1-based) starts in ``text``: gives ``Article.page``.

    Examples
    --------
    >>> page = "## 标题一\\n本报讯(记者张三)今天开会。\\n## 标题二\\n本报记者 李四\\n好。"
    >>> [(a.id, a.headline, a.byline) for a in split_articles(page, page, document_id="p",
    ...                                                         source="p.txt")]
    [('p-a00', '标题一', '本报讯(记者张三)'), ('p-a01', '标题二', '本报记者 李四')]
    """
    layout = layout or load_layout()
    if len(analysis_text) != len(text):
        raise ValueError("analysis_text must have the same length as text")
    lines = [
        ln for ln in iter_lines(text, layout, probe=analysis_text) if ln.kind is not LineKind.BLANK
    ]
    articles = []
    for index, draft in enumerate(_segment(lines, layout)):
        start, end = draft.lines[0].content_start, draft.lines[-1].content_end
        sentences = tuple(s for ln in draft.lines for s in _sentences(text, ln, layout))
        info = article_meta(text[start:end], meta or Meta())
        articles.append(
            Article(
                id=f"{document_id}-a{index:02d}",
                document_id=document_id,
                source=source,
                headline=" ".join(
                    ln.content for ln in draft.headline if ln.kind is not LineKind.LABEL
                ),
                start=start,
                end=end,
                text=text[start:end],
                analysis_text=analysis_text[start:end],
                sentences=sentences,
                byline="\n".join(dict.fromkeys(draft.credits)),
                date=info.date,
                publisher=info.publisher,
                source_name=info.source,
                author=info.author,
                page=bisect.bisect_right(page_starts, start) if page_starts else None,
            )
        )
    return tuple(articles)


def _sentences(text: str, ln: Line, layout: Layout) -> tuple[Sentence, ...]:
    if ln.kind in _ONE_SENTENCE:  # a headline line is one sentence, whatever it holds
        return (Sentence(text=ln.content, start=ln.content_start, end=ln.content_end),)
    return split_sentences(text, ln.content_start, ln.content_end, layout=layout)


def _segment(lines: list[Line], layout: Layout) -> list[_Draft]:
    drafts: list[_Draft] = []
    cur: _Draft | None = None

    def new() -> _Draft:
        draft = _Draft()
        drafts.append(draft)
        return draft

    i = 0
    while i < len(lines):
        ln = lines[i]
        kind = ln.kind
        if kind is LineKind.MASTHEAD:
            if cur is not None:
                cur.closed = True
            i += 1
            continue
        if kind in HEADLINE_KINDS:
            j = i + 1
            while j < len(lines) and lines[j].kind in HEADLINE_KINDS:
                # plain lines before a markdown headline are not part of it
                if _article_heading(lines[j], layout) and not any(x.level for x in lines[i:j]):
                    break
                j += 1
            run = lines[i:j]
            if cur is None or _starts_article(run, lines, j, cur, layout):
                nxt = _next_significant(lines, j)
                # a web page's headline, subtitle and writer's name before its credit
                # line (…\n黄洪涛\n2024年10月09日 来源:工人日报) are one article's head
                credited = nxt is not None and nxt.kind is LineKind.CREDIT
                head, tail = ([], run) if credited else _split_run(run, layout)
                if head:  # a headline whose body is elsewhere on the page
                    orphan = new()
                    orphan.lines, orphan.headline, orphan.closed = list(head), list(head), True
                cur = new()
                cur.lines, cur.headline = list(tail), list(tail)
                while (
                    credited
                    and len(cur.headline) > 1
                    and layout.writers.match(cur.headline[-1].norm)
                ):
                    cur.credits.insert(0, cur.headline.pop().content)  # the writers' names
            else:
                cur.lines.extend(run)  # section heads inside the article
            i = j
            continue
        if cur is None or cur.closed or (kind in _STARTERS_AFTER_BODY and cur.has_body):
            cur = new()
        cur.lines.append(ln)
        _absorb(cur, ln, layout)
        i += 1
    return drafts


def _article_heading(ln: Line, layout: Layout) -> bool:
    return 0 < ln.level <= layout.markdown_article_level


def _absorb(draft: _Draft, ln: Line, layout: Layout) -> None:
    kind, content, norm = ln.kind, ln.content, ln.norm
    if kind is LineKind.OPENING:
        if m := layout.opening.search(norm):
            draft.credits.append(content[m.start("credit") : m.end("credit")].strip())
        draft.has_body = True
    elif kind in (LineKind.BYLINE, LineKind.CREDIT):
        draft.credits.append(content)
    elif kind is LineKind.PHOTO_CREDIT:
        draft.credits.append(content)
        draft.closed = True
    elif kind is LineKind.CONTINUED_FROM:
        draft.has_body = True
    elif kind is LineKind.BOX:
        draft.in_box = True
    elif kind is LineKind.BODY:
        if draft.in_box:
            draft.in_box = False
        else:
            draft.has_body = True
        if (at := layout.photo_credit_at_end(norm)) is not None:
            draft.credits.append(_credit_before(content, norm, at))
            draft.closed = True
        elif span := layout.end_credit_at_end(norm):
            draft.credits.append(content[span[0] : span[1]])
            draft.closed = True


def _credit_before(content: str, norm: str, at: int) -> str:
    """The credit that ends ``content``, from the last sentence end before ``at``."""
    stop = max(norm.rfind(c, 0, at + 1) for c in _CREDIT_STOPS)
    return content[stop + 1 :].strip()


def _starts_article(
    run: list[Line], lines: list[Line], after: int, cur: _Draft, layout: Layout
) -> bool:
    if cur.closed:
        return True
    if any(_article_heading(ln, layout) for ln in run):
        return True
    if run[0].blank_before >= layout.gap_blank_lines:
        return True
    nxt = _next_significant(lines, after)
    if nxt is None or nxt.kind in _STARTERS:
        return True
    return _photo_follows(lines, after, layout)


def _next_significant(lines: list[Line], j: int) -> Line | None:
    while j < len(lines):
        if lines[j].kind is LineKind.BOX:
            j += 2  # the box label and its paragraph
            continue
        return lines[j]
    return None


def _photo_follows(lines: list[Line], j: int, layout: Layout) -> bool:
    for paragraphs, ln in enumerate(lines[j:]):
        if ln.kind is LineKind.PHOTO_CREDIT:
            return True
        if ln.kind is not LineKind.BODY or paragraphs == layout.photo_max_paragraphs:
            return False
        if layout.photo_credit_at_end(ln.norm) is not None:
            return True
    return False


def _split_run(run: list[Line], layout: Layout) -> tuple[list[Line], list[Line]]:
    """Split a too-long headline run: (headline-only article, headline of the next)."""
    content = [ln for ln in run if ln.kind is not LineKind.LABEL]
    limit = layout.max_lines + (1 if content and layout.kicker.search(content[0].norm) else 0)
    if len(content) <= limit:
        return [], run
    keep = 2 if layout.kicker.search(content[-2].norm) else 1
    cut = run.index(content[-keep])
    while cut > 0 and run[cut - 1].kind is LineKind.LABEL:
        cut -= 1
    return run[:cut], run[cut:]
