"""The ontology and SHACL shapes shipped inside the package (``kg/ontology/*.ttl``)."""

from __future__ import annotations

import logging
from importlib import resources

from rdflib import Graph

from kg.errors import Errors, ResourceError

__all__ = ["load_ontology", "load_shapes", "ontology_text", "shapes_text"]

log = logging.getLogger(__name__)

_ONTOLOGY = "kg.ttl"
_SHAPES = "shapes.ttl"


def _read(name: str) -> str:
    resource = resources.files("kg") / "ontology" / name
    try:
        return resource.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise ResourceError(Errors.E101.format(name=f"ontology/{name}")) from exc


def _parse(name: str) -> Graph:
    graph = Graph()
    try:
        graph.parse(data=_read(name), format="turtle")
    except ResourceError:
        raise
    except Exception as exc:  # rdflib raises several parser-specific exception types
        raise ResourceError(Errors.E102.format(name=name, line="?", reason=exc)) from exc
    log.debug("loaded %s: %d triples", name, len(graph))
    return graph


def ontology_text() -> str:
    """The Turtle source of the ontology (``ontology/kg.ttl``)."""
    return _read(_ONTOLOGY)


def shapes_text() -> str:
    """The Turtle source of the SHACL shapes (``ontology/shapes.ttl``)."""
    return _read(_SHAPES)


def load_ontology() -> Graph:
    """Parse the OWL ontology shipped with the package.

    Examples
    --------
    >>> from kg.rdf.namespace import KG, OWL, RDF
    >>> (KG.Union, RDF.type, OWL.Class) in load_ontology()
    True
    """
    return _parse(_ONTOLOGY)


def load_shapes() -> Graph:
    """Parse the SHACL shapes shipped with the package."""
    return _parse(_SHAPES)
