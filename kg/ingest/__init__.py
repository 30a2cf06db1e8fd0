"""Ingest: files → :class:`~kg.types.Document` objects split into articles and sentences.

Modules by concern: :mod:`~kg.ingest.encoding` (bytes → text),
:mod:`~kg.ingest.html_text` (visible text of HTML), :mod:`~kg.ingest.linebreaks` (PDF
line-break repair), :mod:`~kg.ingest.normalize` (simplified, half-width analysis text),
:mod:`~kg.ingest.layout` (page-layout rules from ``data/layout.yaml``),
:mod:`~kg.ingest.articles`, :mod:`~kg.ingest.sentences` and :mod:`~kg.ingest.reader`.
"""

from __future__ import annotations

from kg.ingest.reader import parse_text, read_corpus, read_document

__all__ = ["parse_text", "read_corpus", "read_document"]
