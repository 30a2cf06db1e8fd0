"""SPARQL over the exported graph: :func:`run_query` and :func:`format_result`.

Examples
--------
>>> from kg.query import run_query, format_result  # doctest: +SKIP
>>> print(format_result(run_query("out/graph.ttl", "people_and_posts")))  # doctest: +SKIP
"""

from __future__ import annotations

from kg.query.format import FORMATS, display_width, format_result
from kg.query.run import QueryResult, bundled_queries, load_query, run_query

__all__ = [
    "FORMATS",
    "QueryResult",
    "bundled_queries",
    "display_width",
    "format_result",
    "load_query",
    "run_query",
]
