"""Vocabularies of the exported graph, as rdflib namespaces.

:class:`KG` is closed: every term of ``ontology/kg.ttl`` is an attribute, and a misspelt
term raises ``AttributeError`` instead of minting a wrong IRI. The test suite checks the
class against the ontology file both ways.

Examples
--------
>>> KG.Union
rdflib.term.URIRef('https://w3id.org/cn-union-kg/ontology#Union')
>>> KG.Unoin
Traceback (most recent call last):
...
AttributeError: term 'Unoin' not in namespace 'https://w3id.org/cn-union-kg/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

__all__ = [
    "DCTERMS",
    "ID",
    "KG",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
]

#: schema.org, under the ``https`` IRI rdflib uses.
SCHEMA = SDO

#: Base of every data IRI (entities, articles, sentences, statements, ...).
ID = Namespace("https://w3id.org/cn-union-kg/id/")


class KG(DefinedNamespace):
    """The cn-union-kg ontology, ``https://w3id.org/cn-union-kg/ontology#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/cn-union-kg/ontology#")

    # entity classes
    Organization: URIRef  # a named organisation (superclass of the three below)
    Union: URIRef  # a trade-union body at any level
    Enterprise: URIRef  # a company, group, cooperative or platform
    GovernmentBody: URIRef  # a Party or state organ
    Person: URIRef  # a named individual
    Programme: URIRef  # a named programme, campaign, service site, award, platform
    Place: URIRef  # an administrative division, region, venue or landmark
    Event: URIRef  # a named meeting, conference, contest or one-off activity

    # provenance classes
    Document: URIRef  # one input file
    Article: URIRef  # one news article cut from a document
    Sentence: URIRef  # one sentence of an article

    # relation properties (org:memberOf and org:subOrganizationOf are reused from ORG)
    establishes: URIRef  # organisation -> programme
    organizes: URIRef  # organisation -> event or programme
    partnerOf: URIRef  # organisation <-> organisation (symmetric)
    locatedIn: URIRef  # organisation/programme/event/place -> place

    # provenance properties
    mentionedIn: URIRef  # entity -> sentence
    inArticle: URIRef  # sentence -> article
    inDocument: URIRef  # article -> document
    text: URIRef  # sentence text
    startOffset: URIRef  # start character offset in the document text
    endOffset: URIRef  # end character offset (exclusive)
    sourceFile: URIRef  # input file path
    pageNumber: URIRef  # PDF page an article starts on
    post: URIRef  # post title as written, on memberships and statements
    amount: URIRef  # money as written, on statements
    role: URIRef  # statement -> org:Role
    confidence: URIRef  # 0–1, on entities and statements
    reviewRank: URIRef  # derived (store only): rank of a least certain fact


#: Prefixes bound in exported graphs and pre-bound in SPARQL queries.
PREFIXES: dict[str, Namespace] = {
    "kg": KG._NS,
    "org": Namespace(str(ORG)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "schema": Namespace(str(SCHEMA)),
    "xsd": Namespace(str(XSD)),
    "owl": Namespace(str(OWL)),
}
