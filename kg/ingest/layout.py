"""Page-layout rules (loaded from ``data/layout.yaml``) and line classification.

One :class:`Line` per line of a page; its :class:`LineKind` drives both the PDF
line-break repair (:mod:`kg.ingest.linebreaks`) and the article splitter
(:mod:`kg.ingest.articles`).
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

import yaml

from kg.errors import Errors, ResourceError
from kg.ingest.meta import credit_meta_line

__all__ = [
    "HEADLINE_KINDS",
    "Layout",
    "Line",
    "LineKind",
    "iter_lines",
    "layout_from_mapping",
    "load_layout",
    "split_marker",
]

_RESOURCE = "layout.yaml"
_MARKDOWN_HEADING = re.compile(r"^[ \t\u3000]*(#{1,6})[ \t\u3000]+(?=\S)")
_CLOSING_HASHES = re.compile(r"\s+#+$")
# credits are short: byline and credit rules only look at this many characters, which
# also keeps their regexes from backtracking through long lines
_CREDIT_WINDOW = 60


class LineKind(StrEnum):
    """What a line of a page is."""

    BLANK = "blank"
    MASTHEAD = "masthead"  # newspaper furniture: in no article
    SECTION = "section"  # "一、职工服务": an enumerated section head inside an article
    CONTINUED_FROM = "continued_from"  # "(上接第1版)…"
    BOX = "box"  # "阅读提示" label
    LABEL = "label"  # column label ("新闻特写")
    HEADING = "heading"  # markdown "#"/"##"/… heading
    HEADLINE = "headline"  # plain short line that looks like a headline
    BYLINE = "byline"  # "本报记者 叶小钟 赵思远"
    CREDIT = "credit"  # "来源:工人日报 编辑:李明": a meta line that credits its article
    PHOTO_CREDIT = "photo_credit"  # "新华社记者 王松 摄" on a line of its own
    OPENING = "opening"  # "本报讯(记者…)…"
    BODY = "body"


#: kinds that make up a headline run
HEADLINE_KINDS = frozenset({LineKind.HEADING, LineKind.HEADLINE, LineKind.LABEL})


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``text[start:end]`` without its newline.

    ``content`` is the line without surrounding whitespace and markdown marker; it
    lies at ``text[content_start:content_end]``; ``norm`` is the same span of the
    normalised text, which the rules are matched against. ``blank_before`` counts the
    blank lines right above it.
    """

    index: int
    start: int
    end: int
    content_start: int
    content_end: int
    content: str
    norm: str
    level: int
    kind: LineKind
    blank_before: int


@dataclass(frozen=True)
class Layout:
    """Compiled layout rules; build with :func:`load_layout`."""

    sentence_end: str
    ellipsis: str
    closers: str
    clause: str
    continuation_start: str
    paragraph_end: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    join_after_chars: str
    join_before_chars: str
    body_openers: tuple[re.Pattern[str], ...]
    continuation_first_char: re.Pattern[str]
    max_chars: int
    max_chars_with_comma: int
    question_end: str
    max_lines: int
    kicker: re.Pattern[str]
    not_headline: tuple[re.Pattern[str], ...]
    markdown_article_level: int
    gap_blank_lines: int
    photo_max_paragraphs: int
    masthead: tuple[re.Pattern[str], ...]
    masthead_max_chars: int
    section_head: re.Pattern[str]
    page_names: frozenset[str]
    labels: frozenset[str]
    boxes: frozenset[str]
    opening: re.Pattern[str]
    byline: re.Pattern[str]
    writers: re.Pattern[str]
    photo_credit: tuple[re.Pattern[str], ...]
    end_credit: tuple[re.Pattern[str], ...]
    continued_from: re.Pattern[str]
    continued_to: re.Pattern[str]

    # -- predicates on stripped line content ---------------------------------------

    def is_masthead(self, content: str) -> bool:
        if content in self.page_names:
            return True
        return len(content) <= self.masthead_max_chars and any(
            p.search(content) for p in self.masthead
        )

    def is_section_head(self, content: str) -> bool:
        """An enumerated head ("一、职工服务", "(二)技能提升"): never part of a headline."""
        return self.is_headline_like(content) and bool(self.section_head.search(content))

    def is_headline_like(self, content: str) -> bool:
        """Short, no sentence punctuation at the end: a headline candidate."""
        if not content or any(p.search(content) for p in self.not_headline):
            return False
        has_comma = any(c in content for c in self.clause)
        limit = self.max_chars_with_comma if has_comma else self.max_chars
        if len(content) > limit and not self.kicker.search(content):
            return False
        last = content[-1]
        if last in self.clause or last in ":：":  # "全国广大企业和企业家们:"
            return False
        inner = content[:-1]
        if last in self.sentence_end or last == self.ellipsis:
            # "…何以如此火热?" is a headline, "“你们的晋升空间大吗?”" is not
            return (
                last in self.question_end
                and not any(c in self.sentence_end or c in self.clause for c in inner)
                and content[0] not in '“‘「『"'
            )
        return not any(c in self.sentence_end for c in content)

    def photo_credit_at_end(self, content: str) -> int | None:
        """Where a photo credit ending ``content`` starts ("…物资。本报记者 赖志凯 摄")."""
        offset = max(0, len(content) - _CREDIT_WINDOW)
        tail = content[offset:]
        for pattern in self.photo_credit:
            if m := pattern.search(tail):
                return offset + m.start()
        return None

    def end_credit_at_end(self, content: str) -> tuple[int, int] | None:
        """The span of an end credit ending ``content`` ("…推广宣传。(王钰哲)")."""
        offset = max(0, len(content) - _CREDIT_WINDOW)
        tail = content[offset:]
        for pattern in self.end_credit:
            if m := pattern.search(tail):
                return offset + m.start("credit"), offset + m.end("credit")
        return None

    def classify(self, content: str, level: int = 0) -> LineKind:
        """The kind of a line from its stripped content and markdown heading level."""
        if not content:
            return LineKind.BLANK
        if self.is_masthead(content):
            return LineKind.MASTHEAD
        if level != 1 and level <= 3 and self.is_section_head(content):
            return LineKind.SECTION
        if self.continued_from.search(content):
            return LineKind.CONTINUED_FROM
        if content in self.boxes:
            return LineKind.BOX
        if content in self.labels:
            return LineKind.LABEL
        if level:
            return LineKind.HEADING
        short = len(content) <= _CREDIT_WINDOW
        if short and self.byline.search(content):
            return LineKind.BYLINE
        if short and credit_meta_line(content):
            return LineKind.CREDIT
        if short and self.byline_like(content) and self.photo_credit_at_end(content) is not None:
            return LineKind.PHOTO_CREDIT
        if self.opening.search(content):
            return LineKind.OPENING
        if self.is_headline_like(content):
            return LineKind.HEADLINE
        return LineKind.BODY

    def byline_like(self, content: str) -> bool:
        """A credit line: no sentence punctuation, only names and roles."""
        return not any(c in self.sentence_end or c in self.clause for c in content)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ResourceError(
            Errors.E102.format(name=_RESOURCE, line=where, reason=f"bad regex: {exc}")
        ) from exc


def _compile_all(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    return tuple(_compile(p, where) for p in patterns)


def layout_from_mapping(data: dict[str, Any]) -> Layout:
    """Build a :class:`Layout` from the parsed YAML mapping."""
    try:
        punct = data["punctuation"]
        lb = data["linebreaks"]
        hl = data["headline"]
        return Layout(
            sentence_end=punct["sentence_end"],
            ellipsis=punct["ellipsis"],
            closers=punct["closers"],
            clause=punct["clause"],
            continuation_start=punct["continuation_start"],
            paragraph_end=tuple(punct["paragraph_end"]),
            pairs=tuple((p[0], p[1]) for p in punct["pairs"]),
            join_after_chars=lb["join_after_chars"],
            join_before_chars=lb["join_before_chars"],
            body_openers=_compile_all(lb["body_openers"], "linebreaks.body_openers"),
            continuation_first_char=_compile(
                lb["continuation_first_char"], "linebreaks.continuation_first_char"
            ),
            max_chars=int(hl["max_chars"]),
            max_chars_with_comma=int(hl["max_chars_with_comma"]),
            question_end=hl["question_end"],
            max_lines=int(hl["max_lines"]),
            kicker=_compile(hl["kicker"], "headline.kicker"),
            not_headline=_compile_all(hl["not_headline"], "headline.not_headline"),
            markdown_article_level=int(hl["markdown_article_level"]),
            gap_blank_lines=int(hl["gap_blank_lines"]),
            photo_max_paragraphs=int(hl["photo_max_paragraphs"]),
            masthead=_compile_all(data["masthead"]["patterns"], "masthead.patterns"),
            masthead_max_chars=int(data["masthead"]["max_chars"]),
            section_head=_compile(data["section_head"], "section_head"),
            page_names=frozenset(data["masthead"]["page_names"]),
            labels=frozenset(data["labels"]),
            boxes=frozenset(data["boxes"]),
            opening=_compile(data["opening"], "opening"),
            byline=_compile(data["byline"], "byline"),
            writers=_compile(data["writers"], "writers"),
            photo_credit=_compile_all(data["photo_credit"], "photo_credit"),
            end_credit=_compile_all(data["end_credit"], "end_credit"),
            continued_from=_compile(data["continued_from"], "continued_from"),
            continued_to=_compile(data["continued_to"], "continued_to"),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise ResourceError(
            Errors.E102.format(name=_RESOURCE, line="?", reason=f"missing or bad key: {exc}")
        ) from exc


@cache
def load_layout() -> Layout:
    """The packaged layout rules (parsed once per process)."""
    resource = importlib.resources.files("kg.ingest") / "data" / _RESOURCE
    try:
        raw = resource.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(Errors.E101.format(name=f"ingest/data/{_RESOURCE}")) from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise ResourceError(Errors.E102.format(name=_RESOURCE, line=line, reason=exc)) from exc
    if not isinstance(data, dict):
        raise ResourceError(Errors.E102.format(name=_RESOURCE, line=1, reason="not a mapping"))
    return layout_from_mapping(data)


def split_marker(raw: str) -> tuple[int, int, int]:
    """Where a line's content starts, how long it is, and its markdown heading level.

    Examples
    --------
    >>> split_marker("## 确保安全生产 ")
    (3, 6, 2)
    """
    level = 0
    lead = len(raw) - len(raw.lstrip())
    if m := _MARKDOWN_HEADING.match(raw):
        level = len(m.group(1))
        lead = m.end()
    content = raw[lead:].rstrip()
    if level:
        content = _CLOSING_HASHES.sub("", content) or content
    return lead, len(content), level


def iter_lines(
    text: str, layout: Layout | None = None, *, probe: str | None = None
) -> Iterator[Line]:
    """Classify every line of ``text``.

    ``probe`` is the normalised form of ``text`` (same length, see
    :func:`kg.ingest.normalize.to_analysis_text`); the rules are matched against it, so
    traditional-script and full-width pages are read like the others.

    Examples
    --------
    >>> [line.kind.value for line in iter_lines("## 标题\\n\\n本报讯(记者张三)今天开会。")]
    ['heading', 'blank', 'opening']
    >>> [line.kind.value for line in iter_lines("本報訊（記者）", probe="本报讯(记者)")]
    ['opening']
    """
    layout = layout or load_layout()
    if probe is None:
        probe = text
    elif len(probe) != len(text):
        raise ValueError("probe must have the same length as text")
    pos = 0
    blank = 0
    for index, raw in enumerate(text.split("\n")):
        start, end = pos, pos + len(raw)
        pos = end + 1
        lead, length, level = split_marker(probe[start:end])
        cstart, cend = start + lead, start + lead + length
        norm = probe[cstart:cend]
        kind = layout.classify(norm, level)
        yield Line(
            index=index,
            start=start,
            end=end,
            content_start=cstart,
            content_end=cend,
            content=text[cstart:cend],
            norm=norm,
            level=level,
            kind=kind,
            blank_before=blank,
        )
        blank = blank + 1 if kind is LineKind.BLANK else 0
