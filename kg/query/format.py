"""Render a :class:`~kg.query.QueryResult` as an aligned table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from kg.errors import Errors, QueryError
from kg.query.run import QueryResult

__all__ = ["FORMATS", "display_width", "format_result"]

#: Output formats of :func:`format_result`.
FORMATS = ("text", "csv", "tsv", "json")


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK) characters count 2, combining 0.

    Examples
    --------
    >>> display_width("王雷"), display_width("abc"), display_width("主席 A")
    (4, 3, 6)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _one_line(text: str) -> str:
    return " ".join(text.split()) if any(c in text for c in "\n\r\t\v\f") else text


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _text(result: QueryResult) -> str:
    header = list(result.columns)
    body = [[_one_line(cell) for cell in row] for row in result.rows]
    widths = [display_width(h) for h in header]
    for row in body:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    lines = [
        "  ".join(_pad(h, w) for h, w in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in body
    ]
    n = len(body)
    lines.append(f"({n} row{'' if n == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(result.rows)
    return buffer.getvalue()


def _tsv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(result.rows)
    return buffer.getvalue()


def _json(result: QueryResult) -> str:
    return json.dumps(result.as_dicts(), ensure_ascii=False, indent=2) + "\n"


_RENDERERS = {"text": _text, "csv": _csv, "tsv": _tsv, "json": _json}


def format_result(result: QueryResult, fmt: str = "text") -> str:
    """Render ``result``.

    Parameters
    ----------
    result
        From :func:`~kg.query.run_query`.
    fmt
        ``"text"``: a column-aligned table (wide CJK characters count double, line breaks
        in values become spaces) ending in a row count; ``"csv"``: header plus rows, via
        the :mod:`csv` module; ``"tsv"``: the same, tab-separated; ``"json"``: a list of
        ``{column: value}`` objects.

    Raises
    ------
    kg.errors.QueryError
        [E203] unknown ``fmt``.

    Examples
    --------
    >>> r = QueryResult(("name", "post"), (("王雷", "常务副主席"),))
    >>> print(format_result(r), end="")
    name  post
    ----  ----------
    王雷  常务副主席
    (1 row)
    >>> format_result(r, "csv")
    'name,post\\n王雷,常务副主席\\n'
    """
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise QueryError(Errors.E203.format(fmt=fmt, choices=", ".join(FORMATS)))
    return renderer(result)
