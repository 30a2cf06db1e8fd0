"""Helpers shared by the extractors: spans as mentions, sentences, evidence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from spacy.tokens import Doc

from kg.io import load_yaml
from kg.nlp import mentions_from_doc
from kg.nlp.doc import doc_text
from kg.nlp.regional import extend_word_lists, regional_words
from kg.types import Article, EntityType, Mention, Provenance

__all__ = ["ORG_TYPES", "DocContext", "is_medium", "relation_data"]

ORG_TYPES = frozenset(
    {EntityType.UNION, EntityType.ENTERPRISE, EntityType.GOVERNMENT_BODY, EntityType.ORGANIZATION}
)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@cache
def relation_data() -> dict:
    """The relation rules' word lists (``kg/extract/data/relations.yaml``), with the
    regional ones of ``kg/nlp/data/traditional.yaml`` (:mod:`kg.nlp.regional`)."""
    path = resources.files("kg.extract") / "data" / "relations.yaml"
    data = load_yaml(path.read_text(encoding="utf-8"))
    return extend_word_lists(data, regional_words("relations"))


def is_medium(mention: Mention) -> bool:
    """True for a news medium: a source the text cites (``org-media``) or a name with a
    media head (relations.yaml ``media_heads``: 日报, 电视台, 网 …). It reports what the
    article tells, it does not act in it."""
    return mention.rule == "org-media" or mention.display_name.endswith(_media_heads())


@cache
def _media_heads() -> tuple[str, ...]:
    return tuple(relation_data()["media_heads"])


@dataclass
class DocContext:
    """An annotated article seen by the extractors (article-relative offsets inside)."""

    doc: Doc

    @cached_property
    def article(self) -> Article:
        return self.doc._.kg_article

    @cached_property
    def mentions(self) -> list[Mention]:
        return mentions_from_doc(self.doc, self.article)

    @cached_property
    def text(self) -> str:
        return doc_text(self.doc)

    def local(self, m: Mention) -> tuple[int, int]:
        return m.start - self.article.start, m.end - self.article.start

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence bounds, article-relative."""
        base = self.article.start
        if self.article.sentences:
            return [(s.start - base, s.end - base) for s in self.article.sentences]
        bounds, start = [], 0
        for m in _SENTENCE_END.finditer(self.text):
            bounds.append((start, m.end()))
            start = m.end()
        if start < len(self.text):
            bounds.append((start, len(self.text)))
        return bounds

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return self.sentences[i]
        return 0, len(self.text)

    def evidence(self, offset: int) -> Provenance:
        start, end = self.sentence_of(offset)
        base = self.article.start
        return Provenance(
            document_id=self.article.document_id,
            article_id=self.article.id,
            sentence=self.article.text[start:end].strip(),
            start=base + start,
            end=base + end,
        )

    @cached_property
    def _by_start(self) -> tuple[list[int], list[int]]:
        """The mentions' article-relative starts, sorted, and their indices in ``mentions``."""
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        return [self.local(self.mentions[i])[0] for i in order], order

    def in_sentence(self, bounds: tuple[int, int]) -> list[Mention]:
        """The mentions inside ``bounds``, in the order of ``mentions``."""
        start, end = bounds
        starts, order = self._by_start
        found = order[bisect_left(starts, start) : bisect_left(starts, end)]
        mentions = self.mentions
        return [mentions[i] for i in sorted(found) if self.local(mentions[i])[1] <= end]

    def top_level(self, mentions: list[Mention]) -> list[Mention]:
        """Mentions not nested inside another of the list."""
        return [
            m
            for m in mentions
            if not any(
                o is not m
                and o.start <= m.start
                and m.end <= o.end
                and (o.start, o.end) != (m.start, m.end)
                for o in mentions
            )
        ]
