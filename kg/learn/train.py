"""Train the relation decision layer from annotated documents (needs the ``train`` extra).

    make train        # bench/train.py: ../shared → kg/learn/data/relations.json

Examples come from the build itself: every document is analysed by the rules
(:func:`kg.nlp.annotate`, :func:`kg.extract.extract_relations`), its candidate pairs
are made as at build time (:func:`kg.learn.relations.candidates`), and each pair is
labelled with the gold relation between the gold entities its two mentions name
(:mod:`kg.learn.projection`), or ``none``. The fit is a multinomial logistic regression
(scikit-learn, lbfgs, fixed seed); the weights are written rounded, keys sorted, so the
same documents always give the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.cache import DocumentAnalysis
from kg.eval.devset import DevDocument, dev_documents
from kg.eval.gold import GoldDocument, load_gold
from kg.extract import extract_relations
from kg.ingest.reader import corpus_document, read_bytes, readable_path
from kg.io import atomic_write_text
from kg.learn.entities import (
    ENTITY_DEFAULTS,
    EntityCandidate,
    EntityLayerConfig,
    EntityModel,
    entity_candidates,
    judge,
    without_dropped,
)
from kg.learn.projection import project_resolved
from kg.learn.relations import (
    DEFAULTS,
    NONE,
    Candidate,
    RelationLayerConfig,
    RelationModel,
    allowed_relations,
    candidates,
    decide,
)
from kg.nlp import annotate, load_pipeline, mentions_from_doc
from kg.types import Mention, RelationMention, RelationType

__all__ = [
    "AnalysedDocument",
    "analyse",
    "analyse_dev_set",
    "dump_entity_model",
    "dump_model",
    "fit",
    "fit_entities",
    "label",
    "write_entity_model",
    "write_model",
]

_DIGITS = 4
#: training sees every candidate a deciding model would (not only the rules' proposals)
TRAINING = dataclasses.replace(DEFAULTS, decide=True)


@dataclass
class AnalysedDocument:
    """One annotated document seen by the rules: what training and CV need."""

    name: str
    gold: GoldDocument
    analysis: DocumentAnalysis
    """the rules' analysis (mentions and relation mentions), as the pipeline makes it"""
    articles: list[tuple[list[Candidate], list[RelationMention]]]
    """per article: its candidates and the rule relations no candidate judges"""
    labels: list[list[str]]
    """per article: the gold label of each candidate"""
    entities: list[list[EntityCandidate]] = dataclasses.field(default_factory=list)
    """per article: its candidate spans (every mention the recognisers proposed)"""
    entity_labels: list[list[bool]] = dataclasses.field(default_factory=list)
    """per article: whether each span names a gold entity of its type"""

    def with_model(
        self, model: RelationModel, config: RelationLayerConfig = DEFAULTS
    ) -> DocumentAnalysis:
        """The analysis with the model deciding the relations."""

        relations: list[RelationMention] = []
        for cands, passed in self.articles:
            relations += decide(cands, model, config, passed)
        return dataclasses.replace(self.analysis, relation_mentions=tuple(relations))

    def with_entity_model(
        self,
        model: EntityModel,
        config: EntityLayerConfig = ENTITY_DEFAULTS,
        analysis: DocumentAnalysis | None = None,
    ) -> DocumentAnalysis:
        """The analysis (the rules', or ``analysis``) with the entity model scoring the
        mentions (and, when ``config.decide``, dropping the doubtful and the relations
        that end on them)."""
        analysis = analysis if analysis is not None else self.analysis
        mentions: list[Mention] = []
        dropped: set[tuple] = set()
        for cands in self.entities:
            kept, gone = judge(cands, model, config)
            mentions += kept
            dropped |= gone
        relations = without_dropped(analysis.relation_mentions, dropped)
        return dataclasses.replace(
            analysis, mentions=tuple(mentions), relation_mentions=tuple(relations)
        )


def label(cand: Candidate, projected: dict[tuple, str], gold: GoldDocument) -> str:
    """The gold relation between the gold entities ``cand``'s mentions name, else none.

    ``partnerOf`` counts in either direction; a pair with several gold relations takes the
    first its types admit.
    """
    head = projected.get(cand.head.key)
    tail = projected.get(cand.tail.key)
    if head is None or tail is None or head == tail:
        return NONE
    allowed = allowed_relations(cand.head.label, cand.tail.label)
    for r in gold.relations:
        if r.rel not in allowed:
            continue
        if (r.head, r.tail) == (head, tail) or (
            r.rel == RelationType.PARTNER_OF and (r.tail, r.head) == (head, tail)
        ):
            return r.rel.value
    return NONE


def analyse(
    text: Path, gold: GoldDocument, name: str, config: RelationLayerConfig = TRAINING
) -> AnalysedDocument:
    """Rules, candidates and gold labels of one document."""
    from kg.pipeline import _without_text, reduce_analyses

    data, fmt = read_bytes(text)
    document = corpus_document(data, source=readable_path(text), document_id=text.stem, fmt=fmt)
    nlp = load_pipeline()
    mentions: list[Mention] = []
    rules: list[RelationMention] = []
    articles = []
    labels = []
    spans: list[list[EntityCandidate]] = []
    for article in document.articles:
        doc = annotate(article, nlp)
        found = mentions_from_doc(doc, article)
        spans.append(entity_candidates(doc, found, article.start))
        relations = list(extract_relations(doc))
        mentions += found
        rules += relations
        cands = candidates(doc, relations, config, found)
        judged = {(c.head.key, c.tail.key) for c in cands}
        passed = [r for r in relations if (r.head.key, r.tail.key) not in judged]
        articles.append((cands, passed))
    analysis = DocumentAnalysis(
        document=_without_text(document, mentions),
        characters=len(document.text),
        mentions=tuple(mentions),
        relation_mentions=tuple(rules),
    )
    # label through the resolver, as the scorer will see the pairs
    entities = reduce_analyses([analysis]).entities
    ends = mentions + [m for r in rules for m in (r.head, r.tail)]
    projected = project_resolved(entities, ends, gold)
    for cands, _ in articles:
        labels.append([label(c, projected, gold) for c in cands])
    types = {e.id: e.type for e in gold.entities}
    entity_labels = [
        [types.get(projected.get(c.mention.key, "")) == c.mention.label for c in cands]
        for cands in spans
    ]
    return AnalysedDocument(name, gold, analysis, articles, labels, spans, entity_labels)


def analyse_dev_set(
    shared: Path, seeds: Path | None = None, config: RelationLayerConfig = TRAINING
) -> list[AnalysedDocument]:
    """Every annotated document of ``shared`` (texts in ``shared/dev`` and the seeds)."""
    seeds = seeds if seeds is not None else shared / "seeds"
    docs: list[DevDocument] = dev_documents(shared / "gold", [seeds, shared / "dev"])
    return [analyse(d.text, load_gold(d.gold), d.name, config) for d in docs]


def _examples(docs: Iterable[AnalysedDocument]) -> tuple[list[tuple[str, ...]], list[str]]:
    xs, ys = [], []
    for d in docs:
        for (cands, _), labels in zip(d.articles, d.labels, strict=True):
            for c, y in zip(cands, labels, strict=True):
                xs.append(c.features)
                ys.append(y)
    return xs, ys


def fit(docs: Sequence[AnalysedDocument], config: RelationLayerConfig = DEFAULTS) -> RelationModel:
    """A model trained on ``docs`` (scikit-learn's LogisticRegression, lbfgs)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    xs, ys = _examples(docs)
    counts = Counter(f for x in xs for f in x)
    vocab = sorted(f for f, n in counts.items() if n >= config.min_count)
    column = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for i, x in enumerate(xs):
        for f in sorted({column[f] for f in x if f in column}):
            rows.append(i)
            cols.append(f)
    matrix = csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(xs), len(vocab)), dtype=np.float64
    )
    classes = sorted(set(ys) | {NONE})
    y = np.array([classes.index(v) for v in ys])
    clf = LogisticRegression(C=config.c, solver="lbfgs", max_iter=5000, random_state=config.seed)
    clf.fit(matrix, y)
    coef = clf.coef_
    learned = [classes[i] for i in clf.classes_]
    if len(learned) == 2:  # binary: sklearn keeps one row; make it two (none vs other)
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = [-clf.intercept_[0] / 2, clf.intercept_[0] / 2]
    else:
        intercept = list(clf.intercept_)
    weights = {}
    for j, f in enumerate(vocab):
        w = tuple(round(float(coef[k, j]), _DIGITS) + 0.0 for k in range(len(learned)))
        if any(w):
            weights[f] = w
    meta = {
        "c": config.c,
        "documents": len(docs),
        "examples": len(xs),
        "labels": dict(sorted(Counter(ys).items())),
        "max_distance": config.max_distance,
        "min_count": config.min_count,
        "solver": "lbfgs",
    }
    return RelationModel(
        tuple(learned),
        tuple(round(float(v), _DIGITS) + 0.0 for v in intercept),
        weights,
        meta,
    )


def dump_model(model: RelationModel) -> str:
    """The model as JSON text: keys sorted, one feature a line (byte-stable)."""
    data = model.to_dict()
    weights = data.pop("weights")
    head = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ": "))
    lines = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in weights.items()]
    return head[:-1] + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"


def write_model(model: RelationModel, path: Path) -> None:
    """Write :func:`dump_model` text to ``path`` atomically."""
    atomic_write_text(path, dump_model(model))


# --- the entity layer -----------------------------------------------------------------


def _sparse(xs: Sequence[tuple[str, ...]], min_count: int):
    import numpy as np
    from scipy.sparse import csr_matrix

    counts = Counter(f for x in xs for f in x)
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    column = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for i, x in enumerate(xs):
        for f in sorted({column[f] for f in x if f in column}):
            rows.append(i)
            cols.append(f)
    matrix = csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(xs), len(vocab)), dtype=np.float64
    )
    return vocab, matrix


def fit_entities(
    docs: Sequence[AnalysedDocument], config: EntityLayerConfig = ENTITY_DEFAULTS
) -> EntityModel:
    """An entity model trained on ``docs``' spans (LogisticRegression, lbfgs)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    xs: list[tuple[str, ...]] = []
    ys: list[int] = []
    for d in docs:
        for cands, labels in zip(d.entities, d.entity_labels, strict=True):
            for c, y in zip(cands, labels, strict=True):
                xs.append(c.features)
                ys.append(int(y))
    vocab, matrix = _sparse(xs, config.min_count)
    clf = LogisticRegression(C=config.c, solver="lbfgs", max_iter=5000, random_state=config.seed)
    clf.fit(matrix, np.array(ys))
    weights = {}
    for j, f in enumerate(vocab):
        w = round(float(clf.coef_[0, j]), _DIGITS) + 0.0
        if w:
            weights[f] = w
    meta = {
        "c": config.c,
        "documents": len(docs),
        "examples": len(xs),
        "keep": sum(ys),
        "min_count": config.min_count,
        "solver": "lbfgs",
    }
    return EntityModel(round(float(clf.intercept_[0]), _DIGITS) + 0.0, weights, meta)


def dump_entity_model(model: EntityModel) -> str:
    """The entity model as JSON text: keys sorted, one feature a line (byte-stable)."""
    data = model.to_dict()
    weights = data.pop("weights")
    head = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ": "))
    lines = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in weights.items()]
    return head[:-1] + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"


def write_entity_model(model: EntityModel, path: Path) -> None:
    """Write :func:`dump_entity_model` text to ``path`` atomically."""
    atomic_write_text(path, dump_entity_model(model))
