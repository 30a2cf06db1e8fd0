"""Article metadata: publication date, publisher, source and author.

Read from HTML ``<meta>`` tags, from the Chinese meta lines of web pages
(``来源:工人日报 2024-05-10 09:30 编辑:李明``), from a newspaper masthead's issue line
(``2024年5月8日 星期三``) and from an article's dateline. Rules are data in
``data/meta.yaml``. Dates are ISO strings: ``2024-05-08``, ``2024-05`` or ``2024``.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any

from kg.errors import Errors, ResourceError
from kg.io import load_yaml

__all__ = [
    "Meta",
    "article_meta",
    "credit_meta_line",
    "load_meta_rules",
    "meta_line",
    "parse_date",
    "text_meta",
    "title_from",
]

_RESOURCE = "meta.yaml"
_TIME = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
_SPACES = re.compile(r"[\s\u3000]+")
_HEADING = re.compile(r"^[ \t\u3000]*#{1,6}\s+")


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata of a page or article; empty strings where unknown."""

    title: str = ""
    date: str = ""
    publisher: str = ""
    source: str = ""
    author: str = ""

    def fill(self, other: Meta) -> Meta:
        """This metadata, with the fields it lacks taken from ``other``.

        Examples
        --------
        >>> Meta(date="2024").fill(Meta(date="2023", publisher="工人日报"))
        Meta(title='', date='2024', publisher='工人日报', source='', author='')
        """
        names = [f.name for f in fields(self) if not getattr(self, f.name)]
        missing = {name: getattr(other, name) for name in names}
        return replace(self, **missing)


@dataclass(frozen=True)
class MetaRules:
    """Compiled rules of ``data/meta.yaml``; see :func:`load_meta_rules`."""

    max_chars: int
    keys: dict[str, str]
    weak_keys: dict[str, str]
    key_pattern: re.Pattern[str]
    html_meta: dict[str, str]
    title_separators: tuple[str, ...]
    dates: tuple[re.Pattern[str], ...]
    year_only: re.Pattern[str]
    masthead_date: re.Pattern[str]
    dateline_chars: int
    reprint: re.Pattern[str]
    publishers: frozenset[str]
    top_lines: int
    byline_marks: tuple[str, ...] = ()
    credit_fields: tuple[str, ...] = ()


@cache
def load_meta_rules() -> MetaRules:
    """The packaged metadata rules (parsed once per process)."""
    resource = importlib.resources.files("kg.ingest") / "data" / _RESOURCE
    try:
        data: dict[str, Any] = load_yaml(resource.read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(Errors.E101.format(name=f"ingest/data/{_RESOURCE}")) from exc
    try:
        keys = {str(k): str(v) for k, v in data["keys"].items()}
        weak = {str(k): str(v) for k, v in data["weak_keys"].items()}
        alternatives = "|".join(re.escape(k) for k in sorted({*keys, *weak}, key=len, reverse=True))
        return MetaRules(
            max_chars=int(data["max_chars"]),
            keys=keys,
            weak_keys=weak,
            key_pattern=re.compile(rf"(?P<key>{alternatives})\s*[:：]\s*"),
            html_meta={str(k).lower(): str(v) for k, v in data["html_meta"].items()},
            title_separators=tuple(data["title_separators"]),
            dates=tuple(re.compile(p) for p in data["dates"]),
            year_only=re.compile(data["year_only"]),
            masthead_date=re.compile(data["masthead_date"]),
            dateline_chars=int(data["dateline_chars"]),
            reprint=re.compile(data["reprint"]),
            publishers=frozenset(data["publishers"]),
            top_lines=int(data["top_lines"]),
            byline_marks=tuple(data["byline_marks"]),
            credit_fields=tuple(data["credit_fields"]),
        )
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise ResourceError(Errors.E102.format(name=_RESOURCE, line="?", reason=exc)) from exc


def parse_date(text: str) -> str:
    """The first valid date in ``text`` as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    Examples
    --------
    >>> parse_date("2024年5月8日 星期三"), parse_date("2024-05-10T09:30:00+08:00")
    ('2024-05-08', '2024-05-10')
    >>> parse_date("2024年5月"), parse_date("2024年"), parse_date("2024年13月40日")
    ('2024-05', '2024', '')
    """
    rules = load_meta_rules()
    for pattern in rules.dates:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            year, month = int(parts["y"]), int(parts["m"])
            try:
                if parts.get("d"):
                    return dt.date(year, month, int(parts["d"])).isoformat()
                dt.date(year, month, 1)
            except ValueError:
                continue
            return f"{year:04d}-{month:02d}"
    if m := rules.year_only.match(text.strip()):
        return m.group("y")
    return ""


def credit_meta_line(line: str, fields: dict[str, str] | None = None) -> bool:
    """Whether ``line`` is a meta line that also credits the article: it names its writers
    (meta.yaml ``byline_marks``), its source or its editor (``credit_fields``). Such a
    line is the article's byline as well. ``fields``: the line's :func:`meta_line`, when
    the caller has read it already.

    Examples
    --------
    >>> credit_meta_line("2020-09-24 来源:南方工报 记者:王艳 通讯员:刘宇太")
    True
    >>> credit_meta_line("来源:工人日报 2024-05-10 09:30 编辑:李明")
    True
    >>> credit_meta_line("发布时间:2024-05-10 09:30 浏览次数:12")
    False
    """
    rules = load_meta_rules()
    fields = meta_line(line) if fields is None else fields
    if fields is None:
        return False
    return any(mark in line for mark in rules.byline_marks) or any(
        field in fields for field in rules.credit_fields
    )


def meta_line(line: str) -> dict[str, str] | None:
    """The fields of a meta line, or ``None`` when ``line`` is not one.

    Examples
    --------
    >>> meta_line("来源:工人日报 2024-05-10 09:30 编辑:李明")
    {'source': '工人日报', 'editor': '李明', 'date': '2024-05-10'}
    >>> meta_line("时间:5月20日上午9时") is None  # an event notice
    True
    """
    rules = load_meta_rules()
    content = line.strip()
    if not content or len(content) > rules.max_chars:
        return None
    found = list(rules.key_pattern.finditer(content))
    if not found:
        return None
    head = content[: found[0].start()]
    if head.strip() and not parse_date(head):  # only a date may come before the first key
        return None
    if not any(m.group("key") in rules.keys for m in found):
        return None
    result: dict[str, str] = {}
    date = parse_date(head) if head.strip() else ""
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        field = rules.keys.get(m.group("key")) or rules.weak_keys[m.group("key")]
        value = content[m.end() : nxt.start() if nxt else len(content)]
        date = date or parse_date(value)  # "来源:工人日报 2024-05-10" dates the page too
        value = _clean(value)
        if field in {"source", "author", "editor"} and value:
            result.setdefault(field, value)
    if date:
        result["date"] = date
    return result


def _clean(value: str) -> str:
    """A field value without dates, times and surrounding space."""
    for pattern in load_meta_rules().dates:
        value = pattern.sub(" ", value)
    value = _TIME.sub(" ", value)
    return _SPACES.sub(" ", value).strip(" :：|/")


def title_from(title: str) -> str:
    """A page ``<title>`` without its site suffix.

    Examples
    --------
    >>> title_from("广东启动产业工人技能提质行动_工人日报网")
    '广东启动产业工人技能提质行动'
    """
    for sep in load_meta_rules().title_separators:
        if sep in title:
            head = title.split(sep)[0].strip()
            if len(head) >= 4:
                return head
    return title.strip()


def text_meta(text: str) -> Meta:
    """Page metadata from its lines: meta lines, the masthead's issue date and publisher.

    Examples
    --------
    >>> text_meta("工人日报\\n2024年5月8日 星期三 农历四月初一\\n\\n## 标题\\n正文。")
    Meta(title='', date='2024-05-08', publisher='工人日报', source='', author='')
    """
    rules = load_meta_rules()
    found: dict[str, str] = {}
    lines = [_HEADING.sub("", ln).strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    for number, content in enumerate(lines):
        fields = meta_line(content)
        if fields is not None:
            for key, value in fields.items():
                found.setdefault(key, value)
            continue
        if number < rules.top_lines:
            if rules.masthead_date.match(content):
                found.setdefault("date", parse_date(content))
            elif content in rules.publishers:
                found.setdefault("publisher", content)
    return Meta(
        date=found.get("date", ""),
        publisher=found.get("publisher", ""),
        source=found.get("source", ""),
        author=found.get("author", ""),
    )


def publisher_in(title: str) -> str:
    """A known publisher named by a part of a page title ("工人日报 2024年05月08日 …").

    Examples
    --------
    >>> publisher_in("工人日报 2024年05月08日 第03版:工会新闻")
    '工人日报'
    """
    rules = load_meta_rules()
    for part in re.split(r"[\s_|\-—－]+", title):
        if part in rules.publishers:
            return part
    return ""


def article_meta(text: str, page: Meta) -> Meta:
    """An article's metadata: the page's, else what its own text gives.

    The page's date (meta tags, masthead) is the publication date and wins; without it a
    full date in the article's opening (its dateline, "本报讯 2020年11月23日下午…") is
    used. "(原载《人民日报》…)" names the article's source.

    Examples
    --------
    >>> article_meta("本报讯 2020年11月23日下午,合肥市总工会召开会议。", Meta()).date
    '2020-11-23'
    >>> article_meta("本报讯 2020年11月23日下午,开会。", Meta(date="2020-11-25")).date
    '2020-11-25'
    """
    rules = load_meta_rules()
    own: dict[str, str] = {}
    opening = text.lstrip()[: rules.dateline_chars]
    for pattern in rules.dates[:2]:  # full dates only: "5月" alone dates nothing
        if pattern.search(opening):
            own["date"] = parse_date(opening)
            break
    if m := rules.reprint.search(text):
        own["source"] = m.group("source")
    mine = Meta(date=own.get("date", ""), source=own.get("source", ""))
    return replace(page, title="").fill(mine) if page.date else mine.fill(page)
