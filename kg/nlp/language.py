"""The kg pipeline as a spaCy ``Language`` and the calls that run it (imported through
:mod:`kg.nlp`, which loads this module, and so spaCy and jieba, on first use)."""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Iterable
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp import COMPONENTS
from kg.nlp import components as _components  # noqa: F401  (registers the factories)
from kg.nlp.components.spans import kg_spans
from kg.nlp.doc import SPAN_KEY, register_extensions
from kg.nlp.jieba_tables import jieba
from kg.nlp.tokenizer import TOKENIZER
from kg.types import Article, EntityType, Mention

__all__ = [
    "COMPONENTS",
    "annotate",
    "create_pipeline",
    "load",
    "load_pipeline",
    "mentions_from_doc",
]


def create_pipeline(components: Iterable[str] = COMPONENTS) -> Language:
    """A fresh pipeline with the given components (all by default)."""
    register_extensions()
    jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG to stderr
    tokenizer = {"@tokenizers": TOKENIZER, "segmenter": "jieba"}  # jieba posseg, once
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": tokenizer}})
    for name in components:
        nlp.add_pipe(name)
    return nlp


def load(path: str | os.PathLike[str] | None = None) -> Language:
    """The kg pipeline as a spaCy ``Language``: a new one, or the one saved at ``path``.

    Parameters
    ----------
    path
        A folder written by ``nlp.to_disk``; None for a new pipeline with the default
        components and settings.

    Returns
    -------
    Language
        Its ``nlp(text).spans["kg"]`` are the entity spans (a place inside a name is a
        span too), each with ``span._.kg_name``. ``nlp.to_disk(folder)`` saves it, and
        ``spacy.load(folder)`` loads it in any interpreter where kg is installed: the
        components are registered through the ``spacy_factories`` entry point.

    Examples
    --------
    >>> import kg.nlp
    >>> nlp = kg.nlp.load()
    >>> doc = nlp("西安市总工会主席薛振虎在会上讲话。")
    >>> [(s.text, s.label_) for s in doc.spans["kg"]]
    [('西安市总工会', 'Union'), ('西安市', 'Place'), ('薛振虎', 'Person')]
    """
    if path is None:
        return create_pipeline()
    register_extensions()
    jieba.setLogLevel(logging.WARNING)
    return spacy.load(path)


@cache
def load_pipeline() -> Language:
    """The shared default pipeline (built once per process)."""
    return create_pipeline()


def annotate(article: Article, nlp: Language | None = None) -> Doc:
    """Run the pipeline over an article's analysis text; ``doc._.kg_article`` is set."""
    nlp = nlp or load_pipeline()
    doc = nlp.make_doc(article.analysis_text)
    doc._.kg_article = article
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


_MENTIONS: weakref.WeakKeyDictionary[Doc, tuple[object, int, str, int, tuple[Mention, ...]]] = (
    weakref.WeakKeyDictionary()
)


def mentions_from_doc(doc: Doc, article: Article) -> list[Mention]:
    """The doc's entity spans as :class:`Mention` objects with document offsets.

    Each relation extractor asks for them, so they are made once per doc (and made again
    if ``doc.spans["kg"]`` has been replaced or has grown since)."""
    group = doc.spans.get(SPAN_KEY)
    size = len(group) if group is not None else 0
    got = _MENTIONS.get(doc)
    if got is not None and got[0] is group and got[1:4] == (size, article.id, article.start):
        return list(got[4])
    mentions = []
    for span in kg_spans(doc):
        mentions.append(
            Mention(
                text=span.text,
                label=EntityType(span.label_),
                start=article.start + span.start_char,
                end=article.start + span.end_char,
                article_id=article.id,
                name=span._.kg_name or span.text,
                rule=span._.kg_rule,
            )
        )
    _MENTIONS[doc] = (group, size, article.id, article.start, tuple(mentions))
    return mentions
