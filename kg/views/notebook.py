"""The view inline in Jupyter: the same self-contained page in a sandboxed iframe."""

from __future__ import annotations

import html
from typing import Any

import networkx as nx

from kg.views.html import render_html

__all__ = ["notebook_html", "show"]


def notebook_html(
    G: nx.MultiDiGraph,
    *,
    title: str = "kg",
    height: int = 720,
    focus: str | None = None,
    max_nodes: int | None = None,
) -> str:
    """The HTML snippet :func:`show` displays: an ``<iframe srcdoc>`` holding the page.

    The iframe is sandboxed (scripts only: no same-origin access to the notebook) and
    needs no network; the page keeps its own Content-Security-Policy.

    Examples
    --------
    >>> from kg.graph import build_graph
    >>> snippet = notebook_html(build_graph([], []), height=400)
    >>> snippet.startswith('<div class="kg-view"><iframe') and 'height="400"' in snippet
    True
    """
    page = render_html(G, title=title, focus=focus, max_nodes=max_nodes)
    return (
        '<div class="kg-view"><iframe sandbox="allow-scripts" width="100%" '
        f'height="{int(height)}" style="border:1px solid #ddd" title="{html.escape(title)}" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe></div>'
    )


def show(
    G: nx.MultiDiGraph,
    *,
    title: str = "kg",
    height: int = 720,
    focus: str | None = None,
    max_nodes: int | None = None,
) -> Any:
    """Display the interactive view of ``G`` inline in Jupyter (works offline).

    Parameters
    ----------
    G
        The graph model.
    title, focus, max_nodes
        As for :func:`kg.views.render_html`.
    height
        Height of the view in pixels.

    Returns
    -------
    IPython.display.DisplayHandle or None
        The handle of the displayed output (``None`` outside IPython).
    """
    from IPython.display import HTML, display

    snippet = notebook_html(G, title=title, height=height, focus=focus, max_nodes=max_nodes)
    return display(HTML(snippet), display_id=True)
