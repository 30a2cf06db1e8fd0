"""The entity decision layer: keep or drop each candidate span the recognisers propose.

The recognisers of :mod:`kg.nlp` propose typed spans; this stage judges each one. A span
is described by sparse features: its type and proposing recogniser, its head suffix (the
last one and two characters), its length, the POS pattern of its jieba pieces, the words
and POS tags either side, quotes around it, the other spans it holds or lies in (a place
prefix, a gazetteer entry inside), how often the name recurs in the article, the
article's most named place and where in the article the span lies. A logistic regression
trained from the dev gold (:mod:`kg.learn.train`, weights in
``kg/learn/data/entities.json``) gives the probability that the span names a gold entity
of its type; that probability becomes the mention's ``confidence`` (so the entity's
``kg:confidence``), and, when the layer decides, a span below ``drop_threshold`` is
dropped with the relations that end on it.

Applying the model is plain Python (no scikit-learn at build time).
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.attrs import IDX, LENGTH, POS, TAG
from spacy.tokens import Doc

from kg.nlp.doc import doc_text
from kg.types import EntityType, Mention, RelationMention

__all__ = [
    "ENTITY_DEFAULTS",
    "EntityCandidate",
    "EntityLayerConfig",
    "EntityModel",
    "decide_entities",
    "entity_candidates",
    "judge",
    "load_entity_model",
]


@dataclass(frozen=True, slots=True)
class EntityLayerConfig:
    """Settings of the entity decision layer (the one place they are declared)."""

    #: apply the shipped model in ``kg build`` (False: the rules alone, rule priors)
    enabled: bool = True
    #: the model drops the spans it doubts (True), or only scores them, its probability
    #: becoming their confidence (False). The default is whichever wins under ``make cv``.
    decide: bool = False
    #: the weights file in ``kg/learn/data``
    model: str = "entities.json"
    #: a span whose probability is below this is dropped (when deciding)
    drop_threshold: float = 0.3
    #: features seen fewer times in training are not learned
    min_count: int = 2
    #: inverse L2 strength of the logistic regression
    c: float = 0.5
    #: seed of the solver (lbfgs is deterministic; kept for the record)
    seed: int = 0


ENTITY_DEFAULTS = EntityLayerConfig()


# --- the model ------------------------------------------------------------------------


@dataclass(frozen=True)
class EntityModel:
    """Weights of a binary logistic regression over sparse binary features."""

    intercept: float
    weights: dict[str, float]
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityModel:
        return cls(
            float(data["intercept"]),
            {k: float(v) for k, v in data["weights"].items()},
            dict(data.get("meta", {})),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "intercept": self.intercept,
            "meta": self.meta,
            "weights": dict(sorted(self.weights.items())),
        }

    def probability(self, features: Iterable[str]) -> float:
        """The probability that the span the ``features`` describe is a gold entity."""
        score = self.intercept
        for f in features:
            score += self.weights.get(f, 0.0)
        if score >= 0:
            return 1.0 / (1.0 + math.exp(-score))
        e = math.exp(score)
        return e / (1.0 + e)


@cache
def load_entity_model(name: str = ENTITY_DEFAULTS.model) -> EntityModel | None:
    """The shipped model ``kg/learn/data/NAME`` (None if it is not there)."""
    path = resources.files("kg.learn") / "data" / name
    if not path.is_file():
        return None
    return EntityModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


# --- candidates and their features ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityCandidate:
    """A span to judge, with its features."""

    mention: Mention
    features: tuple[str, ...]


_QUOTES_OPEN = frozenset('“‘"《「『')
_QUOTES_CLOSE = frozenset('”’"》」』')
#: no span is longer (the window in which spans that hold another are looked for)
_LONGEST = 64
_PUNCT = frozenset("，。、；：！？,.;:!?（）()【】[]—…·\n ")


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _char_class(ch: str) -> str:
    if not ch:
        return "edge"
    if ch in _QUOTES_OPEN or ch in _QUOTES_CLOSE:
        return "quote"
    if ch in _PUNCT:
        return "punct"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "han"


def _pieces(doc: Doc) -> tuple[list[int], list[str], list[str]]:
    """Each token's start, tag (else its part of speech, else ``x``) and text, read from
    one array (a loop over ``doc`` makes a ``Token`` object per token)."""
    strings, text = doc.vocab.strings, doc_text(doc)
    rows = doc.to_array([IDX, LENGTH, TAG, POS]).tolist() if len(doc) else []
    starts = [start for start, _, _, _ in rows]
    tags = [strings[tag] if tag else strings[pos] if pos else "x" for _, _, tag, pos in rows]
    words = [text[start : start + length] for start, length, _, _ in rows]
    return starts, tags, words


def entity_candidates(doc: Doc, mentions: Sequence[Mention], base: int) -> list[EntityCandidate]:
    """The features of each of one article's ``mentions`` (same order).

    Parameters
    ----------
    doc
        The article's annotated ``Doc`` (:func:`kg.nlp.annotate`).
    mentions
        Its mentions (:func:`kg.nlp.mentions_from_doc`), document offsets.
    base
        The article's start in the document (``Article.start``).
    """
    text = doc_text(doc)
    n = len(text)
    token_starts, tags, words = _pieces(doc)
    spans = [(m.start - base, m.end - base) for m in mentions]
    names = Counter(m.display_name for m in mentions)
    places = Counter(m.display_name for m in mentions if m.label == EntityType.PLACE)
    place = max(places, key=lambda p: (places[p], -len(p)), default="") if places else ""
    # the lead: up to the first full stop
    lead = text.find("。") if "。" in text else n
    by_start = sorted(range(len(mentions)), key=lambda i: spans[i])
    sorted_starts = [spans[k][0] for k in by_start]
    out: list[EntityCandidate] = []
    for i, m in enumerate(mentions):
        s, e = spans[i]
        name = m.display_name
        label = m.label.value
        f: list[str] = [f"type={label}", f"rule={m.rule}", f"type|rule={label}|{m.rule}"]
        f += [f"s1={label}|{name[-1:]}", f"s2={label}|{name[-2:]}", f"p1={label}|{name[:1]}"]
        f.append(f"len={label}|{_bucket(len(name), (1, 2, 3, 4, 5, 6, 8, 10, 14, 20))}")
        if name != m.text:
            f.append("name_differs")
        # jieba pieces: POS pattern, first and last piece
        first = max(0, bisect.bisect_right(token_starts, s) - 1)
        last = max(first, bisect.bisect_left(token_starts, e) - 1)
        pattern = tags[first : last + 1]
        f.append(f"npieces={_bucket(len(pattern), (1, 2, 3, 5))}")
        f.append(f"pos={'_'.join(pattern[:4])}")
        f += [f"pos_last={label}|{pattern[-1]}", f"pos_first={pattern[0]}"]
        if token_starts[first] != s:
            f.append("starts_inside_piece")
        if last + 1 < len(token_starts) and token_starts[last + 1] != e:
            f.append("ends_inside_piece")
        f.append(f"last_piece={label}|{words[last][-4:]}")
        # context either side
        left = words[first - 1] if first > 0 and token_starts[first] == s else ""
        right = words[last + 1] if last + 1 < len(words) else ""
        f += [f"lw={left}", f"rw={right}", f"lw|type={left}|{label}", f"rw|type={right}|{label}"]
        if first > 0:
            f.append(f"lpos={tags[first - 1]}")
        if last + 1 < len(tags):
            f.append(f"rpos={tags[last + 1]}")
        lc = text[s - 1] if s > 0 else ""
        rc = text[e] if e < n else ""
        f += [f"lc={_char_class(lc)}", f"rc={_char_class(rc)}"]
        if lc in _QUOTES_OPEN and rc in _QUOTES_CLOSE:
            f.append("quoted")
        if any(ch in _QUOTES_OPEN or ch in _QUOTES_CLOSE for ch in m.text):
            f.append("has_quote")
        # the other spans it holds or lies in
        inner: set[str] = set()
        outer: set[str] = set()
        lo = bisect.bisect_left(sorted_starts, s - _LONGEST)
        hi = bisect.bisect_left(sorted_starts, e)
        for k in by_start[lo:hi]:
            ks, ke = spans[k]
            if k == i or ke <= s:
                continue
            other = mentions[k]
            if s <= ks and ke <= e and (ks, ke) != (s, e):
                where = "prefix" if ks == s else ("suffix" if ke == e else "mid")
                inner.add(f"holds={other.label.value}|{where}")
                if other.rule == "gazetteer":
                    inner.add("holds_gazetteer")
            elif ks <= s and e <= ke and (ks, ke) != (s, e):
                outer.add(f"in={other.label.value}")
                outer.add(f"in|type={other.label.value}|{label}")
            elif (ks, ke) == (s, e):
                outer.add(f"same_span={other.label.value}")
            else:
                outer.add("crosses")
        f += sorted(inner) + sorted(outer)
        # the article
        recur = names[name]
        f.append(f"recur={_bucket(recur, (1, 2, 4))}")
        f.append(f"text_recur={_bucket(text.count(name), (1, 2, 4, 8))}")
        if place and m.label != EntityType.PLACE:
            if name.startswith(place):
                f.append("has_article_place")
        elif place and name == place:
            f.append("is_article_place")
        f.append(f"where={'lead' if s < lead else _bucket(10 * s // max(1, n), (2, 5, 9))}")
        out.append(EntityCandidate(m, tuple(dict.fromkeys(f))))
    return out


# --- decisions ------------------------------------------------------------------------


def judge(
    cands: Iterable[EntityCandidate],
    model: EntityModel,
    config: EntityLayerConfig = ENTITY_DEFAULTS,
) -> tuple[list[Mention], set[tuple[str, int, int]]]:
    """The mentions with the model's probability as ``confidence`` (those it keeps, or
    all when not deciding), and the keys of those it drops."""
    kept: list[Mention] = []
    dropped: set[tuple[str, int, int]] = set()
    for c in cands:
        p = model.probability(c.features)
        if config.decide and p < config.drop_threshold:
            dropped.add(c.mention.key)
            continue
        kept.append(dataclasses.replace(c.mention, confidence=round(p, 4)))
    return kept, dropped


def without_dropped(
    relations: Iterable[RelationMention], dropped: set[tuple[str, int, int]]
) -> list[RelationMention]:
    """The ``relations`` none of whose ends was dropped."""
    return [r for r in relations if r.head.key not in dropped and r.tail.key not in dropped]


def decide_entities(
    doc: Doc,
    mentions: Sequence[Mention],
    base: int,
    model: EntityModel | None = None,
    config: EntityLayerConfig = ENTITY_DEFAULTS,
) -> tuple[list[Mention], set[tuple[str, int, int]]]:
    """The decision stage over one article's mentions: each scored (and, when
    deciding, the doubtful dropped) by the model, the shipped one by default. Without a
    model (or with ``config.enabled`` false) the mentions come back unchanged.

    Returns
    -------
    The kept mentions, ``confidence`` set, and the keys of the dropped ones.

    Examples
    --------
    >>> from kg.ingest import parse_text
    >>> from kg.nlp import annotate, mentions_from_doc
    >>> article = parse_text("西安市总工会召开会议。", source="x", document_id="x").articles[0]
    >>> doc = annotate(article)
    >>> kept, dropped = decide_entities(doc, mentions_from_doc(doc, article), article.start)
    >>> [m.name for m in kept], all(0 < m.confidence < 1 for m in kept), dropped
    (['西安市总工会', '西安市'], True, set())
    """
    model = (
        model
        if model is not None
        else (load_entity_model(config.model) if config.enabled else None)
    )
    if model is None or not mentions:
        return list(mentions), set()
    return judge(entity_candidates(doc, mentions, base), model, config)
