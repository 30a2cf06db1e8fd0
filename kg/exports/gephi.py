"""GraphML and GEXF exports (Gephi, yEd, Cytoscape), written with networkx.

Both are byte-deterministic: nodes and edges in sorted order, no timestamps (networkx's
GEXF writer stamps today's date into ``<meta>``; it is removed).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import networkx as nx

from kg.exports.table import export_graph
from kg.io import atomic_write_bytes

__all__ = ["gexf_bytes", "graphml_bytes", "write_gexf", "write_graphml"]

_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')

# Characters XML 1.0 cannot hold, even escaped (C0 controls but tab/LF/CR, surrogates,
# U+FFFE/U+FFFF); article text can carry them, so they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: object) -> object:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_safe(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``H`` with every id and string attribute made representable in XML 1.0.

    Examples
    --------
    >>> H = nx.MultiDiGraph()
    >>> H.add_node("Event/\x1b会", name="\x1b会")
    >>> dict(_xml_safe(H).nodes(data=True))
    {'Event/\ufffd会': {'name': '\ufffd会'}}
    """
    safe = nx.MultiDiGraph()
    for node, data in H.nodes(data=True):
        safe.add_node(_xml_text(node), **{k: _xml_text(v) for k, v in data.items()})
    for head, tail, key, data in H.edges(keys=True, data=True):
        attrs = {k: _xml_text(v) for k, v in data.items()}
        safe.add_edge(_xml_text(head), _xml_text(tail), key=_xml_text(key), **attrs)
    return safe


def graphml_bytes(G: nx.MultiDiGraph) -> bytes:
    """GraphML of :func:`~kg.exports.table.export_graph` ``(G)``, UTF-8."""
    H = _xml_safe(export_graph(G))
    text = "\n".join(nx.generate_graphml(H, encoding="utf-8", prettyprint=True))
    return (text.rstrip("\n") + "\n").encode("utf-8")


def gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 of :func:`~kg.exports.table.export_graph` ``(G)``, UTF-8, no date.

    Edge ids are ``head|predicate|tail`` (unique, as GEXF requires).
    """
    H = _xml_safe(export_graph(G))
    for head, tail, key, data in H.edges(keys=True, data=True):
        data["id"] = f"{head}|{key}|{tail}"
    text = "\n".join(nx.generate_gexf(H, encoding="utf-8", prettyprint=True, version="1.2draft"))
    text = _GEXF_DATE.sub("", text)
    return (text.rstrip("\n") + "\n").encode("utf-8")


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as GraphML (atomically).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    >>> dict(nx.read_graphml(write_graphml(G, out)).nodes["Place/西安市"])["type"]
    'Place'
    """
    return atomic_write_bytes(path, graphml_bytes(G))


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as GEXF 1.2 (atomically); Gephi opens it directly.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from kg.graph import build_graph
    >>> from kg.types import Entity, EntityType
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> G = build_graph([Entity("Place/西安市", EntityType.PLACE, "西安市")], [])
    >>> nx.read_gexf(write_gexf(G, out)).nodes["Place/西安市"]["label"]
    '西安市'
    """
    return atomic_write_bytes(path, gexf_bytes(G))
