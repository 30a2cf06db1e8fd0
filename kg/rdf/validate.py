"""SHACL validation of an exported graph against ``ontology/shapes.ttl``.

pyshacl is an optional (dev) dependency, imported only when :func:`validate` runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg.errors import Errors, ResourceError
from kg.rdf.resources import load_ontology, load_shapes

__all__ = ["ValidationResult", "validate"]


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Outcome of :func:`validate`: ``conforms`` and pyshacl's text report."""

    conforms: bool
    report: Graph
    text: str


def validate(data: Graph) -> ValidationResult:
    """Validate ``data`` with the package's shapes, the ontology as ontology graph.

    The ontology supplies the subclass axioms (a ``kg:Union`` is a ``kg:Organization``)
    that class targets and ``sh:class`` constraints rely on; no other inference is run.

    Raises
    ------
    kg.errors.ResourceError
        pyshacl is not installed.
    """
    try:
        import pyshacl
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ResourceError(Errors.E101.format(name="pyshacl (pip install kg[dev])")) from exc
    conforms, report, text = pyshacl.validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        allow_warnings=False,
    )
    return ValidationResult(conforms=bool(conforms), report=report, text=str(text))
