"""``kg_words``: jieba part-of-speech words on the Doc, tokens aligned to them."""

from __future__ import annotations

import logging
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import doc_text, register_extensions, split_tokens_at
from kg.nlp.jieba_tables import jieba
from kg.nlp.lexicon import load_lexicon
from kg.nlp.tokenizer import posseg_words

__all__ = ["WordTagger", "add_lexicon_words"]


@cache
def add_lexicon_words() -> None:
    """Add the lexicon's words to jieba's dictionary, once per process.

    ``jieba.add_word`` adds the word's frequency to the dictionary's total again on every
    call, even for a word it already has, so adding the words for each pipeline built in
    the process would make every word less likely and cut the same text differently.
    """
    lex = load_lexicon()
    for word in (*lex.org_suffixes, *lex.posts, *lex.event_suffixes, *lex.programme_suffixes):
        if len(word) >= 2:
            jieba.add_word(word, freq=2000, tag="n")
    for word in lex.domain_words:
        jieba.add_word(word, freq=2000, tag="n")
    for word in lex.jieba_splits:
        jieba.del_word(word)  # 村委会和县…: 和 + 县, not the county 和县
    for entry in lex.gazetteer:
        if len(entry.pattern) >= 2:
            tag = {"Place": "ns", "Person": "nr"}.get(str(entry.label), "nt")
            jieba.add_word(entry.pattern, freq=2000, tag=tag)


class WordTagger:
    """Run jieba posseg over the text, keep its words in ``doc._.kg_words``, set ``tag_``.

    The lexicon's heads (总工会, 常务副主席 …) are added to jieba's dictionary so they come
    out as single words.
    """

    def __init__(self) -> None:
        register_extensions()
        jieba.setLogLevel(logging.WARNING)  # it logs its dictionary loading to stderr
        add_lexicon_words()

    def __call__(self, doc: Doc) -> Doc:
        if doc._.kg_words is None:  # kg's tokenizer (kg.nlp.tokenizer) set words and tags
            words = doc._.kg_words = posseg_words(doc_text(doc))
            split_tokens_at(doc, {w.end for w in words})
            tags = {w.start: w.tag for w in words}
            for token in doc:
                token.tag_ = tags.get(token.idx, token.tag_ or "x")
        return doc


@Language.factory("kg_words")
def make_word_tagger(nlp: Language, name: str) -> WordTagger:
    return WordTagger()
