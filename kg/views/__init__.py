"""Views of the graph: a self-contained interactive HTML page (pyvis / vis-network).

>>> from kg.views import render_html, write_html  # doctest: +SKIP
"""

from __future__ import annotations

from kg.views.html import load_style, render_html, write_html

__all__ = ["load_style", "render_html", "write_html"]
