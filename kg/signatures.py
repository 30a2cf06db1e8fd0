"""Relation signatures: which entity types each relation may join, read from the ontology.

A relation's signature is the set of entity types allowed at its head (the property's
``rdfs:domain``, or ``schema:domainIncludes`` for the reused W3C ORG terms) and at its
tail (``rdfs:range`` / ``schema:rangeIncludes``), ``owl:unionOf`` lists expanded and
subclasses included (a ``Union`` is an ``Organization``). Resolution keeps only the
relations their signature admits, so every graph respects the ontology's domains and
ranges by construction, whichever extractor proposed the relation. The SHACL shapes
enforce the same signatures on the exported graph; a test checks the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from kg.types import EntityType, Relation, RelationType

__all__ = ["Signature", "admits", "admitted", "signature", "signatures"]


@dataclass(frozen=True)
class Signature:
    """Entity types allowed at the head and at the tail of one relation."""

    predicate: RelationType
    heads: frozenset[EntityType]
    tails: frozenset[EntityType]

    def admits(self, head: EntityType, tail: EntityType) -> bool:
        return head in self.heads and tail in self.tails


@cache
def signatures() -> Mapping[RelationType, Signature]:
    """Every relation's signature, from the ontology shipped in the package.

    Examples
    --------
    >>> s = signatures()[RelationType.LOCATED_IN]
    >>> sorted(t.value for t in s.tails)
    ['Place']
    >>> EntityType.PERSON in s.heads, EntityType.UNION in s.heads
    (False, True)
    """
    from rdflib import Graph
    from rdflib.collection import Collection

    from kg.rdf.export import ENTITY_CLASSES, RELATION_PROPERTIES
    from kg.rdf.namespace import OWL, RDFS, SCHEMA
    from kg.rdf.resources import load_ontology

    onto: Graph = load_ontology()

    def classes(node) -> set:
        members = set()
        for part in onto.objects(node, OWL.unionOf):
            for member in Collection(onto, part):
                members |= classes(member)
        return members or {node}

    def types_under(nodes: Iterable) -> frozenset[EntityType]:
        allowed = set()
        for node in nodes:
            for cls in classes(node):
                allowed |= {
                    EntityType(t)
                    for t, iri in ENTITY_CLASSES.items()
                    if cls in onto.transitive_objects(iri, RDFS.subClassOf)
                }
        return frozenset(allowed)

    every = frozenset(EntityType)
    table = {}
    for predicate in RelationType:
        prop = RELATION_PROPERTIES[predicate.value]
        domain = [*onto.objects(prop, RDFS.domain), *onto.objects(prop, SCHEMA.domainIncludes)]
        range_ = [*onto.objects(prop, RDFS.range), *onto.objects(prop, SCHEMA.rangeIncludes)]
        table[predicate] = Signature(
            predicate,
            types_under(domain) if domain else every,
            types_under(range_) if range_ else every,
        )
    return table


def signature(predicate: RelationType | str) -> Signature:
    """The signature of ``predicate``."""
    return signatures()[RelationType(predicate)]


def admits(predicate: RelationType | str, head: EntityType | str, tail: EntityType | str) -> bool:
    """Whether the ontology allows ``head --predicate--> tail``.

    Examples
    --------
    >>> admits("locatedIn", "Person", "Place")
    False
    >>> admits("locatedIn", "Union", "Place"), admits("memberOf", "Person", "Enterprise")
    (True, True)
    """
    return signature(predicate).admits(EntityType(head), EntityType(tail))


def admitted(relations: Iterable[Relation], types: Mapping[str, EntityType]) -> Iterator[Relation]:
    """The relations whose head and tail types (``types[entity_id]``) fit the signature.

    Examples
    --------
    >>> from kg.types import Relation as R, RelationType as P
    >>> types = {"p": EntityType.PERSON, "u": EntityType.UNION, "x": EntityType.PLACE}
    >>> [r.head for r in admitted([R("p", P.LOCATED_IN, "x"), R("u", P.LOCATED_IN, "x")], types)]
    ['u']
    """
    for rel in relations:
        if admits(rel.predicate, types[rel.head], types[rel.tail]):
            yield rel
