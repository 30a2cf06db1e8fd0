"""The relation decision layer: for each pair of mentions, the relation or none.

The rules in :mod:`kg.extract` propose relations; this stage decides. Its candidates are
every ordered pair of mentions in a sentence whose types admit a relation (within
``max_distance`` characters), every pair a rule proposed, and the article's main actor
with each programme or event of the other sentences (the topic body). Each candidate is
described by sparse features (the pair's types, head-suffix classes, triggers of
``kg/nlp/data/lexicon.yaml`` between and around the pair, distance, order, punctuation
and quotes between, which rule proposed what, the mentions' recognisers, the article's
place), and a multinomial logistic regression trained from the dev gold
(:mod:`kg.learn.train`, weights in ``kg/learn/data/relations.json``) gives each allowed
relation a probability. The most probable label wins: a relation the rules proposed
is kept (with its role and amount), replaced or dropped, and one they missed is added
(rule ``model``). Its probability becomes the mention's ``confidence``.

Applying the model is plain Python (no scikit-learn at build time).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from kg.extract.context import ORG_TYPES, DocContext
from kg.extract.membership import parse_post_chain
from kg.extract.topic import main_actor
from kg.nlp.lexicon import load_lexicon
from kg.signatures import admits
from kg.types import EntityType, Mention, Provenance, RelationMention, RelationType

__all__ = [
    "DEFAULTS",
    "NONE",
    "Candidate",
    "RelationLayerConfig",
    "RelationModel",
    "allowed_relations",
    "candidates",
    "decide",
    "decide_relations",
    "load_model",
]

NONE = "none"


@dataclass(frozen=True, slots=True)
class RelationLayerConfig:
    """Settings of the relation decision layer (the one place they are declared)."""

    #: apply the shipped model in ``kg build`` (False: the rules alone, rule priors)
    enabled: bool = True
    #: the model keeps, drops and adds relations (True), or only scores the rules'
    #: proposals, its probability becoming their confidence (False). The default is
    #: whichever wins under ``make cv``: today the rules' own decisions.
    decide: bool = False
    #: the weights file in ``kg/learn/data``
    model: str = "relations.json"
    #: longest gap, in characters, between the ends of a pair no rule proposed
    max_distance: int = 60
    #: least probability for a relation a rule proposed to be kept
    keep_threshold: float = 0.05
    #: least probability for a relation no rule proposed to be added
    add_threshold: float = 0.5
    #: the relations the model may add where no rule proposed one
    add: tuple[str, ...] = ("establishes", "partnerOf", "subOrganizationOf")
    #: a memberOf the rules did not propose is added only with a post read between the two
    member_needs_role: bool = True
    #: features seen fewer times in training are not learned
    min_count: int = 2
    #: inverse L2 strength of the logistic regression
    c: float = 1.0
    #: seed of the solver (lbfgs is deterministic; kept for the record)
    seed: int = 0


DEFAULTS = RelationLayerConfig()


def allowed_relations(head: EntityType, tail: EntityType) -> tuple[RelationType, ...]:
    """The relations the ontology admits from a ``head`` to a ``tail`` type
    (:func:`kg.signatures.admits`: the domains and ranges of GUIDELINES.md).

    Examples
    --------
    >>> [r.value for r in allowed_relations(EntityType.UNION, EntityType.PROGRAMME)]
    ['establishes', 'organizes']
    >>> allowed_relations(EntityType.PLACE, EntityType.PERSON)
    ()
    """
    return _allowed(head, tail)


@cache
def _allowed(head: EntityType, tail: EntityType) -> tuple[RelationType, ...]:
    return tuple(r for r in RelationType if admits(r, head, tail))


# --- the model ------------------------------------------------------------------------


@dataclass(frozen=True)
class RelationModel:
    """Weights of a multinomial logistic regression over sparse binary features."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RelationModel:
        return cls(
            tuple(data["classes"]),
            tuple(data["intercept"]),
            {k: tuple(v) for k, v in data["weights"].items()},
            dict(data.get("meta", {})),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "classes": list(self.classes),
            "intercept": list(self.intercept),
            "meta": self.meta,
            "weights": {k: list(v) for k, v in sorted(self.weights.items())},
        }

    def probabilities(
        self, features: Iterable[str], allowed: Sequence[RelationType]
    ) -> dict[str, float]:
        """``none`` and each allowed relation → probability (softmax over those)."""
        wanted = {NONE, *(r.value for r in allowed)}
        index = [i for i, c in enumerate(self.classes) if c in wanted]
        scores = [self.intercept[i] for i in index]
        for f in features:
            w = self.weights.get(f)
            if w is not None:
                for j, i in enumerate(index):
                    scores[j] += w[i]
        picked = {self.classes[i]: scores[j] for j, i in enumerate(index)}
        top = max(picked.values())
        exp = {c: math.exp(s - top) for c, s in picked.items()}
        total = sum(exp.values())
        return {c: v / total for c, v in exp.items()}


@cache
def load_model(name: str = DEFAULTS.model) -> RelationModel | None:
    """The shipped model ``kg/learn/data/NAME`` (None if it is not there)."""
    path = resources.files("kg.learn") / "data" / name
    if not path.is_file():
        return None
    return RelationModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


# --- candidates and their features ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """An ordered pair of mentions to decide, with its features and the rules' proposals."""

    head: Mention
    tail: Mention
    evidence: Provenance
    features: tuple[str, ...]
    proposed: tuple[RelationMention, ...] = ()
    gap: str = ""


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


_DIST = (0, 1, 2, 4, 8, 16, 32, 64)
_QUOTES = re.compile(r"[“”\"‘’《》]")


@cache
def _triggers() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = load_lexicon()
    out = []
    for category, words in sorted(lex.triggers.items()):
        ordered = sorted(words, key=lambda w: (-len(w), w))
        out.append((category, re.compile("|".join(map(re.escape, ordered)))))
    return tuple(out)


def _suffix(m: Mention) -> tuple[str, str]:
    name = m.display_name
    return name[-1:], name[-2:]


class _Article:
    """What the features read from one annotated article."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention] | None = None):
        self.ctx = ctx = DocContext(doc)
        if mentions is not None:
            ctx.mentions = list(mentions)  # type: ignore[misc]  (cached_property slot)
        self.text = ctx.text
        self.sentences = ctx.sentences
        self.starts = [s for s, _ in self.sentences]
        places = Counter(m.display_name for m in ctx.mentions if m.label == EntityType.PLACE)
        self.place = max(places, key=lambda p: (places[p], -len(p)), default="") if places else ""
        base = ctx.article.start
        self.spans = {m.key: (m.start - base, m.end - base) for m in ctx.mentions}
        by_sentence: dict[int, list[Mention]] = {}
        for m in ctx.mentions:
            start, end = self.spans[m.key]
            i = self.sentence_index(start)
            if end <= self.sentences[i][1]:
                by_sentence.setdefault(i, []).append(m)
        self.by_sentence = by_sentence
        self.hits: list[tuple[int, int, str, str]] = []  # trigger matches: start, end, cat, word
        for category, pattern in _triggers():
            for t in pattern.finditer(self.text):
                self.hits.append((t.start(), t.end(), category, t.group()))
        self.hits.sort()

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def local(self, m: Mention) -> tuple[int, int]:
        got = self.spans.get(m.key)
        return got if got is not None else self.ctx.local(m)

    def triggers_in(self, lo: int, hi: int) -> list[tuple[str, str]]:
        i = bisect.bisect_left(self.hits, (lo, -1, "", ""))
        out = []
        while i < len(self.hits) and self.hits[i][0] < hi:
            _, end, category, word = self.hits[i]
            if end <= hi:
                out.append((category, word))
            i += 1
        return out


def _pair_features(
    art: _Article,
    head: Mention,
    tail: Mention,
    inside: Sequence[Mention],
    bounds: tuple[int, int],
    proposed: Sequence[RelationMention],
    reverse: Sequence[RelationMention],
) -> tuple[tuple[str, ...], str]:
    text = art.text
    hs, he = art.local(head)
    ts, te = art.local(tail)
    sig = f"{head.label.value}>{tail.label.value}"
    f: list[str] = [f"sig={sig}"]
    gap = ""
    if hs <= ts and te <= he:
        f.append("nest=tail_in_head")
        if head.display_name.startswith(tail.display_name) or hs == ts:
            f.append("nest=prefix")
    elif ts <= hs and he <= te:
        f.append("nest=head_in_tail")
    else:
        first_end, second_start = (he, ts) if hs < ts else (te, hs)
        order = "head_first" if hs < ts else "tail_first"
        f += [f"order={order}", f"sig|order={sig}|{order}"]
        gap = text[first_end:second_start]
        dist = _bucket(len(gap), _DIST)
        f += [f"dist={dist}", f"sig|dist={sig}|{dist}"]
        if len(gap) <= 4:
            f.append(f"gap={gap}")
        if gap and parse_post_chain(gap):
            f.append("gap_posts")
        for ch, name in (("，", "comma"), (",", "comma"), ("、", "enum"), ("：", "colon")):
            if ch in gap:
                f.append(f"gap_{name}")
        if _QUOTES.search(gap):
            f.append("gap_quote")
        between = [
            m
            for m in inside
            if m.key not in (head.key, tail.key)
            and first_end <= art.local(m)[0]
            and art.local(m)[1] <= second_start
        ]
        f.append(f"n_between={_bucket(len(between), (0, 1, 3))}")
        labels = sorted({m.label.value for m in between})
        f += [f"between_has={label}" for label in labels]
        if tail.label in ORG_TYPES and any(m.label in ORG_TYPES for m in between):
            f.append("org_between")
        for category, word in art.triggers_in(first_end, second_start):
            f += [f"btw={category}", f"btw_word={word}", f"sig|btw={sig}|{category}|{order}"]
        s_start, s_end = bounds
        for category, _ in art.triggers_in(s_start, min(hs, ts)):
            f.append(f"sig|pre={sig}|{category}")
        for category, _ in art.triggers_in(max(he, te), s_end):
            f.append(f"sig|post={sig}|{category}")
        before = text[s_start : min(hs, ts)]
        if "由" in before[-12:]:
            f.append("you_before")
        if text[max(s_start, ts - 1) : ts] == "在":
            f.append("zai_before_tail")
    h1, h2 = _suffix(head)
    t1, t2 = _suffix(tail)
    f += [f"hs1={h1}", f"hs2={h2}", f"ts1={t1}", f"ts2={t2}", f"sig|ts2={sig}|{t2}"]
    f += [f"hrule={head.rule}", f"trule={tail.rule}"]
    if art.place:
        if tail.label == EntityType.PLACE and tail.display_name == art.place:
            f.append("tail_is_article_place")
        if head.display_name.startswith(art.place):
            f.append("head_has_article_place")
    if head.display_name.startswith(tail.display_name):
        f.append("head_starts_with_tail")
    f += _rule_features(proposed, reverse)
    return tuple(dict.fromkeys(f)), gap


def _rule_features(
    proposed: Sequence[RelationMention], reverse: Sequence[RelationMention]
) -> list[str]:
    f = [f"rule={r.rule}|{r.predicate.value}" for r in proposed]
    f += [f"proposed={r.predicate.value}" for r in proposed]
    f += [f"reverse={r.predicate.value}" for r in reverse]
    if not proposed:
        f.append("unproposed")
    return f


def _topic_features(
    art: _Article,
    head: Mention,
    tail: Mention,
    bounds: tuple[int, int],
    inside: Sequence[Mention],
    proposed: Sequence[RelationMention],
    reverse: Sequence[RelationMention],
    actor: bool,
) -> tuple[str, ...]:
    sig = f"{head.label.value}>{tail.label.value}"
    ts, _ = art.local(tail)
    f = [f"sig={sig}", "cross_sentence", f"sig|cross={sig}"]
    if actor:
        f.append("head_is_main_actor")
    gap = abs(art.sentence_index(art.local(head)[0]) - art.sentence_index(ts))
    f.append(f"sentences_apart={_bucket(gap, (1, 2, 4))}")
    orgs = [m for m in inside if m.label in ORG_TYPES]
    f.append(f"orgs_in_sentence={_bucket(len(orgs), (0, 1))}")
    if any(m.display_name == head.display_name for m in orgs):
        f.append("head_named_in_sentence")
    for category, _ in art.triggers_in(bounds[0], ts):
        f.append(f"sig|pre={sig}|{category}")
    t1, t2 = _suffix(tail)
    f += [f"hs2={_suffix(head)[1]}", f"ts1={t1}", f"ts2={t2}", f"trule={tail.rule}"]
    f += _rule_features(proposed, reverse)
    return tuple(dict.fromkeys(f))


def candidates(
    doc: Doc,
    relations: Iterable[RelationMention],
    config: RelationLayerConfig = DEFAULTS,
    mentions: Sequence[Mention] | None = None,
) -> list[Candidate]:
    """The pairs of one annotated article to decide, in text order (only the rules'
    proposals when ``config.decide`` is false: then nothing is added).

    Parameters
    ----------
    doc
        The article's annotated ``Doc`` (:func:`kg.nlp.annotate`).
    relations
        What the rules proposed for it (:func:`kg.extract.extract_relations`).
    mentions
        The article's mentions, if already made (else read from ``doc``).
    """
    art = _Article(doc, mentions)
    ctx = art.ctx
    relations = list(relations)
    by_pair: dict[tuple, list[RelationMention]] = {}
    for r in relations:
        by_pair.setdefault((r.head.key, r.tail.key), []).append(r)
    out: list[Candidate] = []
    seen: set[tuple] = set()

    def proposals(h: Mention, t: Mention) -> tuple[list[RelationMention], list[RelationMention]]:
        return by_pair.get((h.key, t.key), []), by_pair.get((t.key, h.key), [])

    for i, bounds in enumerate(art.sentences):
        inside = art.by_sentence.get(i, [])
        if len(inside) < 2:
            continue
        evidence = ctx.evidence(bounds[0])
        for h in inside:
            for t in inside:
                if h.key == t.key or h.display_name == t.display_name:
                    continue
                if not allowed_relations(h.label, t.label):
                    continue
                proposed, reverse = proposals(h, t)
                hs, he = art.local(h)
                ts, te = art.local(t)
                distance = max(0, max(hs, ts) - min(he, te))
                if not proposed and (distance > config.max_distance or not config.decide):
                    continue
                features, gap = _pair_features(art, h, t, inside, bounds, proposed, reverse)
                seen.add((h.key, t.key))
                out.append(Candidate(h, t, evidence, features, tuple(proposed), gap))
    actor = main_actor(ctx.mentions)
    extra: list[tuple[Mention, Mention, Provenance]] = []
    for r in relations:  # proposals across sentences (the article's topic)
        if (r.head.key, r.tail.key) not in seen:
            extra.append((r.head, r.tail, r.evidence))
            seen.add((r.head.key, r.tail.key))
    if actor is not None and config.decide:  # only a deciding model adds
        for m in ctx.mentions:
            if m.label in (EntityType.PROGRAMME, EntityType.EVENT) and (
                (actor.key, m.key) not in seen
            ):
                extra.append((actor, m, ctx.evidence(art.local(m)[0])))
                seen.add((actor.key, m.key))
    for h, t, evidence in extra:
        if h.key == t.key or not allowed_relations(h.label, t.label):
            continue
        proposed, reverse = proposals(h, t)
        bounds = ctx.sentence_of(art.local(t)[0])
        features = _topic_features(
            art,
            h,
            t,
            bounds,
            ctx.in_sentence(bounds),
            proposed,
            reverse,
            actor is not None and h.display_name == actor.display_name,
        )
        out.append(Candidate(h, t, evidence, features, tuple(proposed)))
    return out


# --- decisions ------------------------------------------------------------------------


def decide(
    cands: Iterable[Candidate],
    model: RelationModel,
    config: RelationLayerConfig = DEFAULTS,
    passed: Iterable[RelationMention] = (),
) -> list[RelationMention]:
    """The relations the model keeps or adds among ``cands``, with their probability as
    ``confidence``; ``passed`` (rule relations the model has no candidate for) are
    kept as they are."""
    out: list[RelationMention] = list(passed)
    partners: set[frozenset] = set()
    for c in cands:
        allowed = allowed_relations(c.head.label, c.tail.label)
        probs = model.probabilities(c.features, allowed)
        if c.proposed or not config.decide:
            for r in c.proposed:
                p = probs.get(r.predicate.value)
                if p is None:  # a relation the model never learned: the rule decides
                    out.append(r)
                elif p >= config.keep_threshold or not config.decide:
                    out.append(replace(r, confidence=round(p, 4)))
            continue
        options = [(k, v) for k, v in probs.items() if k != NONE]
        if not options:
            continue
        label, p = max(options, key=lambda kv: (kv[1], kv[0]))
        if p < config.add_threshold or label not in config.add:
            continue
        predicate = RelationType(label)
        if predicate == RelationType.PARTNER_OF:
            pair = frozenset((c.head.key, c.tail.key))
            if pair in partners:
                continue
            partners.add(pair)
        role = None
        if predicate == RelationType.MEMBER_OF:
            role = parse_post_chain(c.gap) if c.gap else None
            if role is None and config.member_needs_role:
                continue
        added = RelationMention(c.head, predicate, c.tail, c.evidence, role=role, rule="model")
        out.append(replace(added, confidence=round(p, 4)))
    return out


def decide_relations(
    doc: Doc,
    relations: Iterable[RelationMention],
    model: RelationModel | None = None,
    config: RelationLayerConfig = DEFAULTS,
    mentions: Sequence[Mention] | None = None,
) -> list[RelationMention]:
    """The decision stage over one annotated article: the rules' ``relations`` kept,
    dropped or added to by the model (the shipped one by default). Without a model (or
    with ``config.enabled`` false) the rules' relations come back unchanged.

    Examples
    --------
    >>> from kg.ingest import parse_text
    >>> from kg.nlp import annotate
    >>> from kg.extract import extract_relations
    >>> text = parse_text("西安市总工会主席薛振虎讲话。", source="x", document_id="x")
    >>> doc = annotate(text.articles[0])
    >>> [(r.head.text, r.predicate.value, r.tail.text)
    ...  for r in decide_relations(doc, extract_relations(doc)) if r.predicate == "memberOf"]
    [('薛振虎', 'memberOf', '西安市总工会')]
    """
    relations = list(relations)
    model = model if model is not None else (load_model(config.model) if config.enabled else None)
    if model is None:
        return relations
    cands = candidates(doc, relations, config, mentions)
    judged = {(c.head.key, c.tail.key) for c in cands}
    passed = [r for r in relations if (r.head.key, r.tail.key) not in judged]
    return decide(cands, model, config, passed)
