"""Regional vocabulary: Hong Kong, Macau and Taiwan usage (``data/traditional.yaml``).

Traditional-character text is analysed in simplified characters (OpenCC ``t2s`` in
:mod:`kg.ingest.normalize`), so the words are written simplified; the original spelling
stays an alias of every node. The file adds to word lists that already exist:
its ``lexicon`` section to ``kg/nlp/data/lexicon.yaml``, its ``relations`` section to
``kg/extract/data/relations.yaml``; a key either file lacks is an error. Places
(HK districts, Macau parishes, Taiwan's cities, counties and districts) are a division
table of their own, ``data/divisions_hk_mo_tw.tsv``, read with ``divisions.tsv``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from kg.errors import Errors, ResourceError
from kg.io import load_yaml

__all__ = ["REGIONAL_DIVISIONS", "extend_word_lists", "regional_words"]

REGIONAL_FILE = "traditional.yaml"
REGIONAL_DIVISIONS = "divisions_hk_mo_tw.tsv"


@cache
def _regional() -> dict[str, Any]:
    path = resources.files("kg.nlp") / "data" / REGIONAL_FILE
    if not path.is_file():
        raise ResourceError(Errors.E101.format(name=f"kg/nlp/data/{REGIONAL_FILE}"))
    return load_yaml(path.read_text(encoding="utf-8")) or {}


def regional_words(section: str) -> dict[str, Any]:
    """The ``section`` (``lexicon`` or ``relations``) of ``traditional.yaml``."""
    return dict(_regional().get(section) or {})


def extend_word_lists(
    base: dict[str, Any], extra: dict[str, Any], source: str = REGIONAL_FILE
) -> dict[str, Any]:
    """``base`` with ``extra``'s words appended (lists) or merged (mappings of lists).

    Repeated words are kept once; ``base`` is not changed.

    Examples
    --------
    >>> extend_word_lists({"posts": ["主席"], "org_suffixes": {"Union": ["工会"]}},
    ...                   {"posts": ["会长", "主席"], "org_suffixes": {"Union": ["职工会"]}})
    {'posts': ['主席', '会长'], 'org_suffixes': {'Union': ['工会', '职工会']}}
    """
    out = dict(base)
    for key, words in extra.items():
        if key not in base:
            raise ResourceError(Errors.E102.format(name=source, line=key, reason="unknown list"))
        old = base[key]
        if isinstance(old, list) and isinstance(words, list):
            out[key] = list(dict.fromkeys([*old, *words]))
        elif isinstance(old, dict) and isinstance(words, dict):
            merged = dict(old)
            for sub, sub_words in words.items():
                if not isinstance(sub_words, list) or not isinstance(merged.get(sub, []), list):
                    raise ResourceError(
                        Errors.E102.format(name=source, line=f"{key}.{sub}", reason="not a list")
                    )
                merged[sub] = list(dict.fromkeys([*merged.get(sub, []), *sub_words]))
            out[key] = merged
        else:
            raise ResourceError(
                Errors.E102.format(name=source, line=key, reason="not a list of words")
            )
    return out
