"""NLP stage: one spaCy ``Language`` (``spacy.blank("zh")`` with the jieba segmenter)
whose components find typed entity spans.

Components, in order (each registered with ``@Language.factory``; word lists in
``kg/nlp/data``): ``kg_words`` → ``kg_gazetteer`` → ``kg_places`` → ``kg_organisations``
→ ``kg_events`` → ``kg_programmes`` → ``kg_persons`` → ``kg_abbreviations`` →
``kg_spans``. The result is ``doc.spans["kg"]``, each span with ``span._.kg_name``.

The functions live in :mod:`kg.nlp.language` and are loaded on first use, so importing
``kg.nlp.lexicon`` (the resolver's word lists) loads neither spaCy nor jieba: a rebuild
that analyses no new document never loads them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "COMPONENTS",
    "annotate",
    "create_pipeline",
    "load",
    "load_pipeline",
    "mentions_from_doc",
]

COMPONENTS = (
    "kg_words",
    "kg_gazetteer",
    "kg_places",
    "kg_organisations",
    "kg_events",
    "kg_programmes",
    "kg_persons",
    "kg_abbreviations",
    "kg_spans",
)

_LAZY = frozenset(__all__) - {"COMPONENTS"}

if TYPE_CHECKING:
    from kg.nlp.language import annotate, create_pipeline, load, load_pipeline, mentions_from_doc


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module("kg.nlp.language"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
