"""Data IRIs of the exported graph, all under ``https://w3id.org/cn-union-kg/id/``.

=================  ===================================================================
thing              IRI (after ``…/id/``)
=================  ===================================================================
entity             the node id, percent-encoded except ``/`` (``Union/%E8%A5%BF…``)
article            ``article/<article id>`` (percent-encoded, ``/`` included)
document           ``document/<document id>``
sentence           ``sentence/<document id>/<start>-<end>``
membership         ``membership/<sha1 of head|tail|role, 16 hex>``
role               ``role/<post title>``
statement          ``statement/<sha1 of head|predicate|tail, 16 hex>``
=================  ===================================================================

Percent-encoding (UTF-8, :func:`urllib.parse.quote`; the raw byte for a surrogate
escape, as a non-UTF-8 file name gives) keeps every IRI valid whatever the
text holds (spaces, quotes, ``<>``, ``#``, ``%``); the original ids are also stored as
``dcterms:identifier`` literals, so nothing needs to be decoded from an IRI.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.rdf.namespace import ID

__all__ = [
    "article_iri",
    "document_iri",
    "entity_id_from_iri",
    "entity_iri",
    "membership_iri",
    "role_iri",
    "sentence_iri",
    "statement_iri",
]

_BASE = str(ID)


def _quote(text: str, safe: str = "") -> str:
    """Percent-encode UTF-8; a surrogate escape (a non-UTF-8 file name) as its raw byte."""
    return quote(text, safe=safe, errors="surrogateescape")


def _digest(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def entity_iri(node_id: str) -> URIRef:
    """IRI of an entity from its node id.

    Examples
    --------
    >>> str(entity_iri("Place/西安市"))
    'https://w3id.org/cn-union-kg/id/Place/%E8%A5%BF%E5%AE%89%E5%B8%82'
    >>> str(entity_iri('Event/"a b"#1'))
    'https://w3id.org/cn-union-kg/id/Event/%22a%20b%22%231'
    """
    return URIRef(_BASE + _quote(node_id, "/"))


def entity_id_from_iri(iri: str) -> str:
    """Inverse of :func:`entity_iri` (for IRIs minted by it)."""
    text = str(iri)
    if not text.startswith(_BASE):
        raise ValueError(f"{text!r} is not under {_BASE}")
    return unquote(text[len(_BASE) :])


def article_iri(article_id: str) -> URIRef:
    """IRI of an article; ``/`` in the id is encoded too."""
    return URIRef(f"{_BASE}article/{_quote(article_id)}")


def document_iri(document_id: str) -> URIRef:
    """IRI of an input document."""
    return URIRef(f"{_BASE}document/{_quote(document_id)}")


def sentence_iri(document_id: str, start: int, end: int) -> URIRef:
    """IRI of a sentence, from its document and document offsets.

    Examples
    --------
    >>> str(sentence_iri("000_ab", 10, 42))
    'https://w3id.org/cn-union-kg/id/sentence/000_ab/10-42'
    """
    return URIRef(f"{_BASE}sentence/{_quote(document_id)}/{int(start)}-{int(end)}")


def role_iri(role: str) -> URIRef:
    """IRI of an ``org:Role``: one per distinct post title."""
    return URIRef(f"{_BASE}role/{_quote(role)}")


def membership_iri(head: str, tail: str, role: str) -> URIRef:
    """IRI of the ``org:Membership`` of person ``head`` in organisation ``tail``."""
    return URIRef(f"{_BASE}membership/{_digest(head, tail, role)}")


def statement_iri(head: str, predicate: str, tail: str) -> URIRef:
    """IRI of the reified statement of the edge ``head -predicate-> tail``."""
    return URIRef(f"{_BASE}statement/{_digest(head, predicate, tail)}")
