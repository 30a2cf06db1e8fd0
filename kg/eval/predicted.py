"""Turn a built graph (exported RDF or the in-memory networkx model) into a bag of facts.

The result has the shape of a gold document (entities with type, name and aliases;
relations with role and amount) so :func:`kg.eval.score.score` can compare the two.

RDF contract (namespace-agnostic: classes and project properties match by *local name*,
the part after ``#`` or the last ``/``):

* an entity is a node typed with one of the eight classes ``Union``, ``Enterprise``,
  ``GovernmentBody``, ``Organization``, ``Person``, ``Programme``, ``Place``, ``Event``;
  its ``rdfs:label`` is the canonical name, its ``skos:altLabel`` values the aliases;
* a relation is a direct triple between two entities whose predicate's local name is
  ``memberOf``, ``subOrganizationOf``, ``establishes``, ``organizes``, ``partnerOf`` or
  ``locatedIn``;
* the post of a ``memberOf`` sits on a membership node
  (``?m org:member ?p ; org:organization ?o ; :post "…"`` or ``org:role ?r . ?r rdfs:label "…"``);
* the amount of an ``establishes``/``organizes`` sits on an ``rdf:Statement``
  (``rdf:subject``/``rdf:predicate``/``rdf:object``) with ``:amount "…"``.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
from rdflib import RDF, RDFS, SKOS, Literal
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import Errors, KGError
from kg.eval.gold import GoldDocument, GoldEntity, GoldRelation, relation_key
from kg.types import EntityType, RelationType

__all__ = [
    "GraphReadError",
    "PredictedDocument",
    "PredictedEntity",
    "PredictedRelation",
    "facts_from_networkx",
    "facts_from_rdf",
    "load_graph",
    "local_name",
]

_ENTITY_TYPES = {t.value: t for t in EntityType}
_RELATION_TYPES = {r.value: r for r in RelationType}
_LOCAL_NAME = re.compile(r"[^#/:]*$")


class GraphReadError(KGError):
    """A graph file is missing or cannot be parsed as RDF."""


# A scored graph's facts have exactly the gold's shape, so they share its types.
PredictedEntity = GoldEntity
PredictedRelation = GoldRelation
PredictedDocument = GoldDocument


def local_name(term: Node | str) -> str:
    """The part of an IRI after ``#``, else after the last ``/`` (or ``:``).

    Examples
    --------
    >>> local_name("http://www.w3.org/ns/org#memberOf")
    'memberOf'
    >>> local_name("https://example.org/kg/Union")
    'Union'
    """
    match = _LOCAL_NAME.search(str(term))
    return match.group(0) if match else ""


def load_graph(path: str | os.PathLike[str]) -> rdflib.Graph:
    """Parse an RDF file, its format guessed from the suffix (Turtle if unknown).

    Raises
    ------
    GraphReadError
        The file is missing or not parseable (message ``[E304] …``).
    """
    source = Path(path)
    if not source.is_file():
        raise GraphReadError(Errors.E304.format(path=source, reason="file not found"))
    graph = rdflib.Graph()
    try:
        graph.parse(source, format=guess_format(str(source)) or "turtle")
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        raise GraphReadError(Errors.E304.format(path=source, reason=exc)) from exc
    return graph


def facts_from_rdf(graph: rdflib.Graph, source: str = "") -> PredictedDocument:
    """Read entities and relations from an exported RDF graph (contract in module doc).

    Parameters
    ----------
    graph
        The exported graph. Nodes not typed with one of the eight entity classes
        (articles, sentences, memberships, statements, roles, ontology terms) are ignored.
    source
        A label for reports.

    Returns
    -------
    PredictedDocument
        Entities sorted by IRI. Name: the ``rdfs:label`` (``zh``/``zh-*`` first, then
        untagged, then any); further labels become aliases, as do ``skos:altLabel``
        values; with no label, ``skos:prefLabel``, else the IRI's local name. A node typed
        with several entity classes keeps one: ``Organization`` gives way to a more
        specific class (ORG's ``org:Organization`` shares the local name), then the
        alphabetically first wins. Relations are deduplicated (``partnerOf`` in both
        directions counts once); posts of several memberships of one pair, or several
        amounts, are joined with ``、``.
    """
    types: dict[Node, set[EntityType]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        entity_type = _ENTITY_TYPES.get(local_name(cls))
        if entity_type is not None and not isinstance(node, Literal):
            types[node].add(entity_type)

    entities: dict[Node, PredictedEntity] = {}
    for node in sorted(types, key=str):
        labels = _sorted_literals(graph.objects(node, RDFS.label))
        if not labels:
            labels = _sorted_literals(graph.objects(node, SKOS.prefLabel))
        alt = _sorted_literals(graph.objects(node, SKOS.altLabel))
        name = labels[0] if labels else local_name(node)
        aliases = _unique(a for a in [*labels[1:], *alt] if a != name)
        entities[node] = PredictedEntity(str(node), _pick_type(types[node]), name, aliases)

    roles = _membership_roles(graph, entities)
    amounts = _statement_amounts(graph, entities)
    raw: list[PredictedRelation] = []
    for head, predicate, tail in graph:
        rel = _RELATION_TYPES.get(local_name(predicate))
        if rel is None or head not in entities or tail not in entities:
            continue
        role = _join(roles.get((head, tail), ())) if rel == RelationType.MEMBER_OF else None
        amount = _join(amounts.get((head, str(rel), tail), ()))
        raw.append(PredictedRelation(str(head), rel, str(tail), role, amount))
    return PredictedDocument(tuple(entities.values()), _merge_relations(raw), source)


def facts_from_networkx(G: nx.Graph, source: str = "") -> PredictedDocument:
    """Read entities and relations from the in-memory graph model (see :mod:`kg.graph`).

    Parameters
    ----------
    G
        Any networkx graph; nodes carry ``type``, ``name``, ``aliases``; edges carry
        ``predicate`` (else the edge key is used), ``role``, ``amount``. Nodes whose
        ``type`` is not an entity class are ignored, and so are their edges.
    source
        A label for reports.

    Returns
    -------
    PredictedDocument
        Same conventions as :func:`facts_from_rdf`.
    """
    entities: dict[Any, PredictedEntity] = {}
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        entity_type = _ENTITY_TYPES.get(str(data.get("type", "")))
        if entity_type is None:
            continue
        name = str(data.get("name") or node)
        aliases = _unique(str(a) for a in data.get("aliases") or () if str(a) != name)
        entities[node] = PredictedEntity(str(node), entity_type, name, aliases)

    if G.is_multigraph():
        edges: Iterable[tuple[Any, Any, Any, dict[str, Any]]] = G.edges(keys=True, data=True)
    else:
        edges = ((h, t, None, d) for h, t, d in G.edges(data=True))
    raw: list[PredictedRelation] = []
    for head, tail, key, data in edges:
        rel = _RELATION_TYPES.get(str(data.get("predicate") or key or ""))
        if rel is None or head not in entities or tail not in entities:
            continue
        raw.append(
            PredictedRelation(
                str(head), rel, str(tail), data.get("role") or None, data.get("amount") or None
            )
        )
    return PredictedDocument(tuple(entities.values()), _merge_relations(raw), source)


def _pick_type(candidates: set[EntityType]) -> EntityType:
    if len(candidates) > 1:
        candidates = candidates - {EntityType.ORGANIZATION}
    return sorted(candidates)[0]


def _sorted_literals(values: Iterable[Node]) -> list[str]:
    def rank(lit: Literal) -> tuple[int, str]:
        lang = (lit.language or "").lower()
        if lang == "zh" or lang.startswith("zh-"):
            return (0, str(lit))
        return (1 if not lang else 2, str(lit))

    literals = sorted((v for v in values if isinstance(v, Literal)), key=rank)
    return list(_unique(str(lit) for lit in literals if str(lit).strip()))


def _membership_roles(
    graph: rdflib.Graph, entities: dict[Node, PredictedEntity]
) -> dict[tuple[Node, Node], list[str]]:
    by_node: dict[Node, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for node, predicate, value in graph:
        name = local_name(predicate)
        if name in {"member", "organization", "post", "role"}:
            by_node[node][name].append(value)
    roles: dict[tuple[Node, Node], list[str]] = defaultdict(list)
    for props in by_node.values():
        posts = [str(v) for v in props["post"] if isinstance(v, Literal)]
        for role in props["role"]:
            if isinstance(role, Literal):
                posts.append(str(role))
            else:
                posts.extend(_sorted_literals(graph.objects(role, RDFS.label)))
        if not posts:
            continue
        for member in props["member"]:
            for org in props["organization"]:
                if member in entities and org in entities:
                    roles[(member, org)].extend(posts)
    return roles


def _statement_amounts(
    graph: rdflib.Graph, entities: dict[Node, PredictedEntity]
) -> dict[tuple[Node, str, Node], list[str]]:
    amounts: dict[tuple[Node, str, Node], list[str]] = defaultdict(list)
    for statement in set(graph.subjects(RDF.subject, None)):
        values = [
            str(v)
            for p, v in graph.predicate_objects(statement)
            if local_name(p) == "amount" and isinstance(v, Literal)
        ]
        if not values:
            continue
        for head in graph.objects(statement, RDF.subject):
            for predicate in graph.objects(statement, RDF.predicate):
                for tail in graph.objects(statement, RDF.object):
                    if head in entities and tail in entities:
                        amounts[(head, local_name(predicate), tail)].extend(values)
    return amounts


def _merge_relations(raw: list[PredictedRelation]) -> tuple[PredictedRelation, ...]:
    """One relation per (head, rel, tail); partnerOf ends unordered; roles joined."""
    groups: dict[tuple[str, str, str], list[PredictedRelation]] = {}
    for rel in sorted(raw, key=lambda r: (r.head, str(r.rel), r.tail, r.role or "")):
        groups.setdefault(relation_key(rel.head, rel.rel, rel.tail), []).append(rel)
    merged = []
    for (head, _, tail), group in sorted(groups.items()):
        merged.append(
            PredictedRelation(
                head,
                group[0].rel,
                tail,
                _join(r.role for r in group if r.role),
                _join(r.amount for r in group if r.amount),
            )
        )
    return tuple(merged)


def _join(values: Iterable[str]) -> str | None:
    unique = sorted(set(values))
    return "、".join(unique) if unique else None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
