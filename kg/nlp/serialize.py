"""msgpack hooks so that kg's Doc extensions survive serialisation.

spaCy serialises ``doc.user_data`` (where extension values live) with srsly's msgpack
in ``Doc.to_bytes``, ``DocBin`` and ``nlp.pipe(n_process=N)``, which sends each Doc
back from its worker as bytes. The values of ``doc._.kg_words`` and
``doc._.kg_candidates`` are frozen dataclasses, which msgpack cannot pack by itself;
these two hooks, registered in srsly's ``msgpack_encoders`` / ``msgpack_decoders``
when the extensions are declared, pack them as tagged maps and rebuild them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import srsly

from kg.nlp.doc import Candidate, Word
from kg.types import EntityType

__all__ = ["decode", "encode", "register"]

_TAG = "__kg__"


def encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """Pack a :class:`Word` or :class:`Candidate` as a tagged map; pass anything else on."""
    if isinstance(obj, Word):
        return {_TAG: "Word", "v": [obj.start, obj.end, obj.text, obj.tag]}
    if isinstance(obj, Candidate):
        return {
            _TAG: "Candidate",
            "v": [obj.start, obj.end, obj.label.value, obj.name, obj.rule, obj.priority],
        }
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """Rebuild what :func:`encode` packed; pass any other map on."""
    kind = obj.get(_TAG) if isinstance(obj, dict) else None
    if kind == "Word":
        start, end, text, tag = obj["v"]
        return Word(start, end, text, tag)
    if kind == "Candidate":
        start, end, label, name, rule, priority = obj["v"]
        return Candidate(start, end, EntityType(label), name, rule, priority)
    return obj if chain is None else chain(obj)


def register() -> None:
    """Add the hooks to srsly's msgpack registries (idempotent)."""
    srsly.msgpack_encoders.register("kg", func=encode)
    srsly.msgpack_decoders.register("kg", func=decode)
