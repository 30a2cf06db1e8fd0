"""``kg_abbreviations``: ``X(以下简称Y)`` makes Y an alias of X."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import Candidate, add_candidate, doc_text, register_extensions
from kg.nlp.lexicon import Lexicon, load_lexicon

__all__ = ["AbbreviationDetector"]


class AbbreviationDetector:
    """Record ``(alias, full)`` name pairs in ``doc._.kg_aliases`` and add a candidate
    for every later use of the short name, typed like the full one."""

    def __init__(self, lex: Lexicon, priority: int = 60) -> None:
        register_extensions()
        markers = "|".join(map(re.escape, lex.abbreviation_markers))
        self.regex = re.compile(
            rf"[(（]\s*(?:{markers})\s*[:：]?\s*[“\"]?([^)）“”\"，,。]{{2,16}})[”\"]?\s*[)）]"
        )
        # a bare parenthesised short form, 香港工會聯合會(工聯會): the usual way in HK/Macau/TW
        self.bare = re.compile(r"[(（]\s*([\u4e00-\u9fff]{2,8})\s*[)）]")
        self.name_heads = tuple(lex.org_suffixes)
        self.priority = priority

    def __call__(self, doc: Doc) -> Doc:
        aliases: list[tuple[str, str]] = doc._.kg_aliases or []
        candidates = doc._.kg_candidates or []
        found = [(m, False) for m in self.regex.finditer(doc_text(doc))]
        found += [(m, True) for m in self.bare.finditer(doc_text(doc))]
        for m, bare in sorted(found, key=lambda f: f[0].start()):
            full = _longest_ending_at(candidates, m.start())
            if full is None:
                continue
            short = m.group(1)
            if bare and (
                not _abbreviates(short, full.name)
                or doc_text(doc).startswith(self.name_heads, m.end())  # 控股(集团)有限公司
            ):
                continue
            aliases.append((short, full.name))
            for use in re.finditer(re.escape(short), doc_text(doc)):
                add_candidate(
                    doc,
                    Candidate(
                        use.start(), use.end(), full.label, full.name, "abbreviation", self.priority
                    ),
                )
        doc._.kg_aliases = aliases
        return doc


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is shorter than ``full`` and keeps its characters in order
    (工联会 of 香港工会联合会, 海员工会 of 香港海员工会), so a bare (Y) after X names X."""
    if len(short) >= len(full):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _longest_ending_at(candidates: list[Candidate], end: int) -> Candidate | None:
    best = None
    for c in candidates:
        if c.end == end and (best is None or c.end - c.start > best.end - best.start):
            best = c
    return best


@Language.factory("kg_abbreviations", default_config={"priority": 60})
def make_abbreviations(nlp: Language, name: str, priority: int) -> AbbreviationDetector:
    return AbbreviationDetector(load_lexicon(), priority=priority)
