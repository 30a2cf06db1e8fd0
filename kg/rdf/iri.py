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

import functools
import hashlib
from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.rdf.namespace import ID

__all__ = [
    "article_iri",
    "article_iri_text",
    "document_iri",
    "document_iri_text",
    "entity_id_from_iri",
    "entity_iri",
    "entity_iri_text",
    "membership_iri",
    "membership_iri_text",
    "role_iri",
    "role_iri_text",
    "sentence_iri",
    "sentence_iri_text",
    "statement_iri",
    "statement_iri_text",
]

_BASE = str(ID)


@functools.lru_cache(maxsize=65536)  # the export mints the same few ids again and again
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
    return URIRef(entity_iri_text(node_id))


def entity_iri_text(node_id: str) -> str:
    """:func:`entity_iri` as a plain ``str`` (the direct export, :mod:`kg.rdf.table`,
    makes no rdflib terms); the ``*_iri_text`` functions below are the same."""
    return _BASE + _quote(node_id, "/")


def entity_id_from_iri(iri: str) -> str:
    """Inverse of :func:`entity_iri` (for IRIs minted by it)."""
    text = str(iri)
    if not text.startswith(_BASE):
        raise ValueError(f"{text!r} is not under {_BASE}")
    return unquote(text[len(_BASE) :])


def article_iri(article_id: str) -> URIRef:
    """IRI of an article; ``/`` in the id is encoded too."""
    return URIRef(article_iri_text(article_id))


def article_iri_text(article_id: str) -> str:
    return f"{_BASE}article/{_quote(article_id)}"


def document_iri(document_id: str) -> URIRef:
    """IRI of an input document."""
    return URIRef(document_iri_text(document_id))


def document_iri_text(document_id: str) -> str:
    return f"{_BASE}document/{_quote(document_id)}"


def sentence_iri(document_id: str, start: int, end: int) -> URIRef:
    """IRI of a sentence, from its document and document offsets.

    Examples
    --------
    >>> str(sentence_iri("000_ab", 10, 42))
    'https://w3id.org/cn-union-kg/id/sentence/000_ab/10-42'
    """
    return URIRef(sentence_iri_text(document_id, start, end))


def sentence_iri_text(document_id: str, start: int, end: int) -> str:
    return f"{_BASE}sentence/{_quote(document_id)}/{int(start)}-{int(end)}"


def role_iri(role: str) -> URIRef:
    """IRI of an ``org:Role``: one per distinct post title."""
    return URIRef(role_iri_text(role))


def role_iri_text(role: str) -> str:
    return f"{_BASE}role/{_quote(role)}"


def membership_iri(head: str, tail: str, role: str) -> URIRef:
    """IRI of the ``org:Membership`` of person ``head`` in organisation ``tail``."""
    return URIRef(membership_iri_text(head, tail, role))


def membership_iri_text(head: str, tail: str, role: str) -> str:
    return f"{_BASE}membership/{_digest(head, tail, role)}"


def statement_iri(head: str, predicate: str, tail: str) -> URIRef:
    """IRI of the reified statement of the edge ``head -predicate-> tail``."""
    return URIRef(statement_iri_text(head, predicate, tail))


def statement_iri_text(head: str, predicate: str, tail: str) -> str:
    return f"{_BASE}statement/{_digest(head, predicate, tail)}"
