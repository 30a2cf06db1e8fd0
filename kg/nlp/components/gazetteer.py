"""``kg_gazetteer``: phrase patterns from ``data/gazetteer.jsonl`` (label, pattern, id)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.automaton import Phrases
from kg.nlp.doc import CJK, Candidate, add_candidate, doc_text, register_extensions
from kg.nlp.lexicon import GazetteerEntry, load_lexicon
from kg.types import EntityType

__all__ = ["Gazetteer"]


class Gazetteer:
    """Find every known name; the pattern's ``id`` is the canonical name.

    A match must not be the middle of a longer CJK word run that jieba keeps together
    (``吉林`` inside ``吉林省`` is left to the longer pattern: patterns are tried longest
    first and matches do not overlap). An organisation's short form right after a noun
    is another body's name (深圳市工联会: not 工联会 = 香港工会联合会); a ``traditional``
    pattern matches only where the text is written in traditional characters.
    """

    def __init__(
        self,
        entries: tuple[GazetteerEntry, ...],
        priority: int = 50,
        verbs: frozenset[str] = frozenset(),
    ) -> None:
        register_extensions()
        self.verbs = verbs  # words jieba may tag as nouns that end names (lexicon left_breaks)
        self.entries = {e.pattern: e for e in entries}
        self.phrases = Phrases(self.entries)
        self.priority = priority

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        words = doc._.kg_words or []
        starts = {w.start for w in words} | {0}
        ends = {w.end for w in words}
        # where a noun ends: a short form right after one is another body's name
        # (深化(j)|产改 is a verb and its object)
        nouns_before = {
            w.end
            for w in words
            if (w.tag.startswith("n") or w.tag in ("vn", "j")) and w.text not in self.verbs
        }
        article = doc._.kg_article
        written = article.text if article is not None else text
        for m in self.phrases.finditer(text):
            entry, start, end = self.entries[m.group()], m.start(), m.end()
            if entry.traditional and written[start:end] == text[start:end]:
                continue  # written in simplified characters: not the regional name
            short_form = entry.label != EntityType.PLACE and entry.pattern != entry.id
            if short_form and start in nouns_before:
                continue  # 深圳市工联会: not 工联会 = 香港工会联合会
            # short patterns (西安) must sit on word boundaries: not 西安全 …
            bounded = entry.bounded or (len(entry.pattern) <= 2 and CJK.match(entry.pattern))
            if bounded and (start not in starts or end not in ends):
                continue
            add_candidate(
                doc,
                Candidate(start, end, entry.label, entry.id, "gazetteer", self.priority),
            )
        return doc


@Language.factory("kg_gazetteer", default_config={"priority": 50})
def make_gazetteer(nlp: Language, name: str, priority: int) -> Gazetteer:
    lex = load_lexicon()
    return Gazetteer(lex.gazetteer, priority=priority, verbs=lex.left_breaks)
