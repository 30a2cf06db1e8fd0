"""RDF export of the knowledge graph: ontology, IRIs, export, read-back, validation.

>>> from kg.rdf import KG, to_rdf, write_graph, read_graph  # doctest: +SKIP
"""

from __future__ import annotations

from kg.rdf.export import serialize, to_rdf, write_graph
from kg.rdf.iri import entity_iri
from kg.rdf.load import from_rdf, parse_graph_file, read_graph
from kg.rdf.namespace import ID, KG, PREFIXES
from kg.rdf.resources import load_ontology, load_shapes
from kg.rdf.validate import ValidationResult, validate

__all__ = [
    "ID",
    "KG",
    "PREFIXES",
    "ValidationResult",
    "entity_iri",
    "from_rdf",
    "load_ontology",
    "load_shapes",
    "parse_graph_file",
    "read_graph",
    "serialize",
    "to_rdf",
    "validate",
    "write_graph",
]
