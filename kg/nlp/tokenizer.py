"""spaCy's Chinese tokenizer (``segmenter = "jieba"``) whose tokens are jieba posseg's
words, so that the text is segmented once: ``kg_words`` takes the words and their tags
from the tokenizer instead of running jieba a second time (spaCy's own jieba tokenizer
runs ``jieba.cut``, a separate pass over the same text).

The Doc's text, and so every char offset, is the same as with spaCy's tokenizer; only
the token boundaries follow posseg's words (the pipeline re-splits tokens at its spans).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces, registry

from kg.nlp.doc import Word, register_extensions
from kg.nlp.posseg import pos_tagger

__all__ = ["TOKENIZER", "PossegTokenizer", "create_tokenizer", "posseg_words"]

TOKENIZER = "kg.ChineseTokenizer.v1"
"""The tokenizer's name in spaCy's registry (``[nlp.tokenizer] @tokenizers``)."""


_GLUED_TAGS = frozenset({"nr", "ns", "nz", "nt", "nrt", "nrfg"})


@cache
def _glue_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Single-character prepositions and aspect particles (lexicon ``prepositions``,
    ``aspect_particles``), and the heads a name glued to one is written before (place
    levels, venue, organisation and programme heads)."""
    from kg.nlp.lexicon import load_lexicon

    lex = load_lexicon()
    heads = {*lex.place_suffixes, *lex.venue_suffixes, *lex.org_suffixes, *lex.programme_suffixes}
    heads = tuple(sorted(heads, key=len, reverse=True))
    glued = {p for p in lex.prepositions | lex.aspect_particles if len(p) == 1}
    return frozenset(glued), heads


def posseg_words(text: str) -> list[Word]:
    """jieba posseg's words of ``text`` with their char offsets and tags (they cover the
    text: their texts joined are ``text``).

    A name jieba's HMM glued to the preposition or aspect particle before it, followed by
    a place level or a venue, organisation or programme head (大会|由三圣(nr)|街道总工会,
    启用仪式|暨关港(nt)|园区, 介绍|了瑞青(nr)|工作室), is given back as the preposition and
    the name; a dictionary word (以色列) and a person (由三圣主持) are kept.
    """
    tagger = pos_tagger()
    glued, heads = _glue_words()
    pairs = [(p.word, p.flag) for p in tagger.cut(text, HMM=True)]
    words: list[Word] = []
    offset = 0
    for i, (word, flag) in enumerate(pairs):
        end = offset + len(word)
        if (
            flag in _GLUED_TAGS
            and len(word) >= 3
            and word[0] in glued
            and word not in tagger.word_tag_tab
            and i + 1 < len(pairs)
            and pairs[i + 1][0].startswith(heads)
        ):
            words.append(Word(offset, offset + 1, word[0], "p"))
            words.append(Word(offset + 1, end, word[1:], flag))
        else:
            words.append(Word(offset, end, word, flag))
        offset = end
    return words


class PossegTokenizer(ChineseTokenizer):
    """With the jieba segmenter, tokens are posseg's words, ``token.tag_`` their tags and
    ``doc._.kg_words`` the words; any other segmenter is spaCy's."""

    def __call__(self, text: str) -> Doc:
        if self.segmenter != Segmenter.jieba:
            return super().__call__(text)
        register_extensions()
        words = posseg_words(text)
        tag_at = {w.start: w.tag for w in words}
        # spaCy's alignment: a single space after a word becomes its trailing space
        orths, spaces = get_words_and_spaces([w.text for w in words], text)
        tags = []
        offset = 0
        for orth, space in zip(orths, spaces, strict=True):
            tags.append(tag_at.get(offset, "x"))
            offset += len(orth) + space
        doc = Doc(self.vocab, words=orths, spaces=spaces, tags=tags)
        doc._.kg_words = words
        doc._.kg_text = text  # what doc.text would join from the tokens again
        return doc


@registry.tokenizers(TOKENIZER)
def create_tokenizer(
    segmenter: Segmenter = Segmenter.jieba,
) -> Callable[[Language], PossegTokenizer]:
    """spaCy's tokenizer factory for :class:`PossegTokenizer`."""

    def make(nlp: Language) -> PossegTokenizer:
        return PossegTokenizer(nlp.vocab, segmenter=segmenter)

    return make
