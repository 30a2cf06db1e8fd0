"""Duplicate nodes across documents: a corpus built in one go against all its gold files.

Each gold file describes one document; a real-world thing named in several documents
(中华全国总工会, 西安市总工会) should still be one node when the documents are built
together. This module pools the gold files by canonical name and reports every gold
thing that two or more predicted nodes stand for.

Matching rules
--------------
Gold identity
    Gold entities of different files with the same normalised canonical name
    (:func:`kg.eval.score.normalise_name`) are one thing.
Predicted nodes
    A predicted entity stands for the gold thing whose canonical name is its own, and
    for the thing any of its aliases names when that alias names only one thing in the
    whole pool (so the generic short form 市总工会, an alias in many files, or 工匠学院,
    a canonical name in one file and an alias in others, identify nothing). When the
    graph carries provenance (a kg build), a name that is only a gold alias (the
    node's own name or one of its aliases) identifies a thing only for a node mentioned
    in a document whose gold file names that thing: 州人大常委会 is one
    prefecture's short form in one article, and a node read only in another prefecture's
    article that carries the same short form is that other prefecture's body.
Duplicates
    A gold thing that two or more predicted nodes stand for; each node beyond the first
    is one duplicate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import rdflib

from kg.eval.gold import GoldDocument
from kg.eval.predicted import facts_from_networkx, facts_from_rdf
from kg.eval.score import normalise_name

__all__ = ["CrossDuplicate", "cross_document_duplicates"]


@dataclass(frozen=True, slots=True)
class CrossDuplicate:
    """A gold thing (by canonical name) that several predicted nodes stand for."""

    name: str
    documents: tuple[str, ...]
    nodes: tuple[str, ...]

    @property
    def extra(self) -> int:
        """Nodes beyond the first."""
        return len(self.nodes) - 1

    def describe(self) -> str:
        return f"{self.name} [{', '.join(self.documents)}]: {' | '.join(self.nodes)}"


def cross_document_duplicates(
    predicted: GoldDocument | rdflib.Graph | nx.Graph, golds: Sequence[GoldDocument]
) -> tuple[CrossDuplicate, ...]:
    """Gold things that more than one predicted node stands for (rules in the module doc).

    Parameters
    ----------
    predicted
        The facts of a graph built from all the documents together (or the graph).
    golds
        One gold document per built document.

    Returns
    -------
    tuple of CrossDuplicate
        Sorted by canonical name; ``sum(d.extra for d in ...)`` is the duplicate count.

    Examples
    --------
    >>> from kg.eval.gold import GoldEntity
    >>> from kg.types import EntityType as T
    >>> a = GoldDocument((GoldEntity("e1", T.UNION, "西安市总工会", ("市总工会",)),), (), "a")
    >>> qualified = ("陕西省西安市总工会",)
    >>> b = GoldDocument((GoldEntity("e4", T.UNION, "西安市总工会", qualified),), (), "b")
    >>> p = GoldDocument((GoldEntity("n1", T.UNION, "西安市总工会"),
    ...                   GoldEntity("n2", T.UNION, "陕西省西安市总工会")), ())
    >>> [d.describe() for d in cross_document_duplicates(p, [a, b])]
    ['西安市总工会 [a, b]: 西安市总工会 | 陕西省西安市总工会']
    """
    read_in: dict[tuple[str, str], set[str]] | None = None
    if isinstance(predicted, rdflib.Graph):
        read_in = _documents_of(_model(predicted))
        predicted = facts_from_rdf(predicted)
    elif isinstance(predicted, nx.Graph):
        read_in = _documents_of(predicted)
        predicted = facts_from_networkx(predicted)
    display: dict[str, str] = {}
    documents: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, set[str]] = defaultdict(set)  # a normalised name → things it names
    for gold in golds:
        for entity in gold.entities:
            key = normalise_name(entity.name)
            display.setdefault(key, entity.name)
            documents[key].add(Path(gold.source).stem)
            for name in (entity.name, *entity.aliases):
                owners[normalise_name(name)].add(key)
    nodes: dict[str, set[str]] = defaultdict(set)
    for entity in predicted.entities:
        canonical = normalise_name(entity.name)
        things = {canonical} if canonical in display else set()
        seen = None if read_in is None else read_in.get((str(entity.type), entity.name), set())
        for name in {canonical, *(normalise_name(a) for a in entity.aliases)}:
            if len(owners.get(name, ())) == 1:  # a name that names one thing only
                (thing,) = owners[name]
                if seen is None or seen & documents[thing]:
                    things.add(thing)
        for key in things:
            nodes[key].add(entity.id)
    labels = {e.id: e.name for e in predicted.entities}
    return tuple(
        CrossDuplicate(
            display[key],
            tuple(sorted(documents[key])),
            tuple(sorted(labels[n] for n in ids)),
        )
        for key, ids in sorted(nodes.items(), key=lambda kv: display[kv[0]])
        if len(ids) > 1
    )


def _model(graph: rdflib.Graph) -> nx.Graph:
    """The graph model of an exported graph (without provenance unless kg made it)."""
    from kg.rdf import from_rdf

    return from_rdf(graph)


def _documents_of(G: nx.Graph | None) -> dict[tuple[str, str], set[str]] | None:
    """(type, name) of each entity → the documents it is mentioned in; None when the
    graph carries no provenance."""
    if G is None:
        return None
    read_in: dict[tuple[str, str], set[str]] = {}
    for _, data in G.nodes(data=True):
        docs = {p.get("document_id") for p in data.get("provenance") or ()} - {None}
        if docs:
            read_in[(str(data.get("type", "")), str(data.get("name", "")))] = docs
    return read_in or None
