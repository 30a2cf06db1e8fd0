"""Views of the graph: a self-contained, navigable HTML page (vis-network from pyvis).

>>> from kg.views import render_html, show, write_html  # doctest: +SKIP
"""

from __future__ import annotations

from kg.views.html import ARTICLE_DATE, cjk_fonts, load_style, render_html, write_html
from kg.views.notebook import notebook_html, show
from kg.views.select import find_nodes, neighbourhood, of_types, top_nodes

__all__ = [
    "ARTICLE_DATE",
    "cjk_fonts",
    "find_nodes",
    "load_style",
    "neighbourhood",
    "notebook_html",
    "of_types",
    "render_html",
    "show",
    "top_nodes",
    "write_html",
]
