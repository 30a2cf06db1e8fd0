"""The ontology and shapes files, and the KG namespace class that mirrors them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.rdf.namespace import KG, ORG, OWL, RDF, RDFS, SKOS
from kg.rdf.resources import load_ontology, load_shapes
from kg.types import EntityType, RelationType

REPO = Path(__file__).resolve().parents[2]
NS = str(KG)
SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def _ontology_terms(graph: Graph) -> set[str]:
    terms = {str(t) for t in graph.all_nodes() if isinstance(t, URIRef)}
    return {t[len(NS) :] for t in terms if t.startswith(NS)}


def _namespace_terms(ns: type) -> set[str]:
    names = set()
    for cls in ns.__mro__:
        names |= {n for n in getattr(cls, "__annotations__", {}) if not n.startswith("_")}
    return names


def test_packaged_files_are_the_repo_files() -> None:
    from kg.rdf.resources import ontology_text, shapes_text

    assert ontology_text() == (REPO / "ontology" / "kg.ttl").read_text(encoding="utf-8")
    assert shapes_text() == (REPO / "ontology" / "shapes.ttl").read_text(encoding="utf-8")


def test_ontology_parses_and_declares_an_owl_ontology(ontology: Graph) -> None:
    assert len(ontology) > 100
    assert (URIRef("https://w3id.org/cn-union-kg/ontology"), RDF.type, OWL.Ontology) in ontology


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_files_parse_with_pyoxigraph_too(name: str) -> None:
    import pyoxigraph

    path = REPO / "ontology" / name
    triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(Graph().parse(path, format="turtle"))


def test_namespace_class_matches_ontology_both_ways(ontology: Graph) -> None:
    in_file = _ontology_terms(ontology)
    in_class = _namespace_terms(KG)
    assert in_file - in_class == set(), "terms in kg.ttl missing from KG"
    assert in_class - in_file == set(), "terms in KG missing from kg.ttl"


def test_every_kg_term_is_declared_labelled_and_defined(ontology: Graph) -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for name in sorted(_namespace_terms(KG)):
        term = KG[name]
        assert kinds & set(ontology.objects(term, RDF.type)), f"{name} not declared"
        for prop in (RDFS.label, SKOS.definition):
            langs = {o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)}
            assert {"zh", "en"} <= langs, f"{name} lacks {prop} in zh and en"


def test_reused_terms_are_labelled_in_both_languages(ontology: Graph) -> None:
    for term in (ORG.memberOf, ORG.subOrganizationOf, ORG.Membership, ORG.Role):
        langs = {o.language for o in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, term


def test_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        _ = KG.Unoin
    with pytest.raises(AttributeError):
        _ = KG["partnerof"]


def test_entity_types_and_relations_have_terms(ontology: Graph) -> None:
    for etype in EntityType:
        assert (KG[etype.value], RDF.type, OWL.Class) in ontology
    for rel in RelationType:
        term = ORG[rel.value] if rel.value in {"memberOf", "subOrganizationOf"} else KG[rel.value]
        assert (term, RDF.type, OWL.ObjectProperty) in ontology, rel


def test_class_hierarchy_and_alignments(ontology: Graph) -> None:
    sub = RDFS.subClassOf
    for cls in (KG.Union, KG.Enterprise, KG.GovernmentBody):
        assert (cls, sub, KG.Organization) in ontology
    assert (KG.Organization, sub, ORG.Organization) in ontology
    assert (KG.Person, sub, URIRef("http://xmlns.com/foaf/0.1/Person")) in ontology
    assert (KG.Article, sub, URIRef("https://schema.org/NewsArticle")) in ontology
    assert (KG.Place, sub, URIRef("http://www.w3.org/ns/prov#Location")) in ontology
    assert (KG.partnerOf, RDF.type, OWL.SymmetricProperty) in ontology
    assert (KG.establishes, RDFS.range, KG.Programme) in ontology
    assert (KG.locatedIn, RDFS.range, KG.Place) in ontology


def test_shapes_parse_and_cover_the_entity_classes() -> None:
    shapes = load_shapes()
    targets = set(shapes.objects(None, URIRef(SH + "targetClass")))
    for cls in (KG.Organization, KG.Person, KG.Programme, KG.Place, KG.Event, KG.Sentence):
        assert cls in targets, cls
    assert ORG.Membership in targets
    subjects_of = set(shapes.objects(None, URIRef(SH + "targetSubjectsOf")))
    assert {ORG.memberOf, KG.locatedIn, KG.establishes, KG.organizes} <= subjects_of
