"""Read SPARQL text without running it: its variables, federated calls, where to bind.

A small tokenizer that knows what is a comment, a string, an IRI, a variable and a
keyword, so that ``SERVICE`` inside a string or a comment is not taken for the keyword,
and so that values can be bound at the start of the query's ``WHERE`` group as a
``VALUES`` block of terms serialised by Oxigraph (never the user's raw text).
Codepoint escapes (``\\u0053ERVICE``) are decoded first, as SPARQL parsers do.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["QueryText", "analyse", "with_values"]

_TOKENS = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][^\W][\w\u00B7\u0300-\u036F\u203F-\u2040]*)
  | (?P<word>[^\W\d][\w.\-]*(?::[\w.\-%\\]*)?|:[\w.\-%\\]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decode_codepoints(text: str) -> str:
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


@dataclass(frozen=True, slots=True)
class QueryText:
    """What :func:`analyse` found in a query.

    ``text`` is the query with codepoint escapes decoded (what is run); ``variables``
    the names (without ``?``) in order of first use; ``form`` the query form keyword
    (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``) or ``""``; ``service`` whether it
    calls ``SERVICE``; ``groups`` each group pattern as (offset just inside its ``{``,
    the variables written directly in it, whether it is the ``WHERE`` group).
    """

    text: str
    variables: tuple[str, ...]
    form: str
    service: bool
    groups: tuple[tuple[int, frozenset[str], bool], ...]


def analyse(sparql: str) -> QueryText:
    """Tokenise ``sparql`` (see the module doc).

    Examples
    --------
    >>> q = analyse('SELECT ?a WHERE { ?a ?b "SERVICE ?c" } # SERVICE')
    >>> q.variables, q.form, q.service
    (('a', 'b'), 'SELECT', False)
    >>> analyse("SELECT * { SERV\\u0049CE <http://x/> { ?s ?p ?o } }").service
    True
    """
    text = _decode_codepoints(sparql)
    variables: dict[str, None] = {}
    form, service, saw_where, values_pending, where_done = "", False, False, False, False
    stack: list[tuple[int, set[str], str]] = []  # (offset, direct variables, kind)
    groups: list[tuple[int, frozenset[str], bool]] = []
    where_offset, template_seen = -1, False
    for match in _TOKENS.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "var":
            variables.setdefault(token[1:], None)
            if stack and stack[-1][2] == "group":
                stack[-1][1].add(token[1:])
        elif kind == "word":
            upper = token.upper()
            service = service or upper == "SERVICE"
            values_pending = values_pending or upper == "VALUES"
            if not stack:
                if not form and upper in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                    form = upper
                saw_where = saw_where or upper == "WHERE"
        elif kind == "open":
            if values_pending:
                group_kind, values_pending = "data", False
            elif stack:
                group_kind = "group" if stack[-1][2] == "group" else "data"
            elif form == "CONSTRUCT" and not saw_where:
                group_kind, template_seen = "data", True  # the template
            elif form == "CONSTRUCT" and not template_seen and not where_done:
                group_kind = "short"  # CONSTRUCT WHERE { triples }: no VALUES inside
                where_done = True
            else:
                group_kind = "group"
                if not where_done:
                    where_done, where_offset = True, match.end()
            stack.append((match.end(), set(), group_kind))
        elif kind == "close" and stack:
            offset, direct, group_kind = stack.pop()
            if group_kind == "group":
                groups.append((offset, frozenset(direct), offset == where_offset))
    return QueryText(text, tuple(variables), form, service, tuple(sorted(groups)))


def with_values(query: QueryText, values: Mapping[str, Sequence[str]]) -> str:
    """The query text with ``VALUES ?name { term ... }`` for each bound variable.

    ``values`` maps a variable name to terms already in SPARQL syntax (serialised by
    Oxigraph). A block opens the ``WHERE`` group and every group that uses the variable
    (a ``UNION`` branch, an ``OPTIONAL``, an ``EXISTS``), so each pattern and ``FILTER``
    sees the bound value wherever it stands, as with rdflib's ``initBindings``.

    Examples
    --------
    >>> with_values(analyse("SELECT ?x WHERE { }"), {"x": ['"a"']})
    'SELECT ?x WHERE { VALUES ?x { "a" }\\n }'
    """
    if not values:
        return query.text
    inserts = []
    for offset, direct, is_where in query.groups:
        names = [n for n in values if is_where or n in direct]
        if names:
            block = " ".join(f"VALUES ?{n} {{ {' '.join(values[n])} }}" for n in names)
            inserts.append((offset, f" {block}\n"))
    if not any(is_where for _o, _d, is_where in query.groups):
        # no WHERE group to open (CONSTRUCT WHERE { … }, DESCRIBE <x>): one trailing
        # VALUES clause, joined with the whole answer
        names = " ".join(f"?{name}" for name in values)
        rows = " ".join(f"({' '.join(row)})" for row in itertools.product(*values.values()))
        return f"{_insert(query.text, inserts)}\nVALUES ({names}) {{ {rows} }}\n"
    return _insert(query.text, inserts)


def _insert(text: str, inserts: list[tuple[int, str]]) -> str:
    parts, last = [], 0
    for offset, block in sorted(inserts):
        parts += [text[last:offset], block]
        last = offset
    parts.append(text[last:])
    return "".join(parts)
