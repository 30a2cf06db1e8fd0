"""5-fold cross-validation of the decision layers (entities, relations), by document.

    python bench/cv.py              # markdown table: rules alone vs rules + model, per type
    python bench/cv.py --folds 5 --dev   # also the models trained on all documents (dev figures)

The annotated documents (seeds 000–002 and ../shared/dev, as bench/dev_eval.py reads
them) are sorted by name and dealt round-robin into folds; each model is trained on the
other folds (kg.learn.train.fit / fit_entities, the shipped settings) and each document of
the held-out fold is scored as bench/dev_eval.py scores it (the document built alone,
kg.eval.score), micro-averaged. "rules alone" is the same build without the decision
layers; each layer is measured deciding (keeping, dropping, adding), whatever the
shipped default, and so are both together.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from kg.eval import micro_average, score
from kg.learn.entities import ENTITY_DEFAULTS
from kg.learn.relations import DEFAULTS
from kg.learn.train import analyse_dev_set, fit, fit_entities
from kg.pipeline import reduce_analyses

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
#: the models deciding (``decide=True``), whatever the shipped defaults are
DECIDING = dataclasses.replace(DEFAULTS, decide=True)
ENTITIES_DECIDING = dataclasses.replace(ENTITY_DEFAULTS, decide=True)
#: the least gain in F1 that makes a layer win: one unit at the precision the tables
#: report (on this dev set about two spans or relations); less is a tie
MARGIN = 0.001


def _score(doc, analysis):
    return score(reduce_analyses([analysis]).graph, doc.gold)


def _rows(report) -> list[tuple[str, object]]:
    rows = [("entities, typed", report.entities_typed)]
    rows += [(f"  {name}", c) for name, c in sorted(report.per_type.items())]
    rows.append(("relations", report.relations))
    rows += [(f"  {name}", c) for name, c in report.per_relation.items()]
    rows.append(("memberOf+role", report.member_of_role))
    return rows


def table(columns: dict[str, object]) -> str:
    names = list(columns)
    head = "| measure | " + " | ".join(f"{n} P / R / F1" for n in names) + " |"
    lines = [head, "|---|" + "---:|" * len(names)]
    firsts = list(columns.values())
    for i, (label, _) in enumerate(_rows(firsts[0])):
        cells = []
        for report in firsts:
            c = _rows(report)[i][1]
            cells.append(f"{c.precision:.3f} / {c.recall:.3f} / **{c.f1:.3f}**")
        lines.append(f"| {label.strip()} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _both(d, entity_model, relation_model):
    """The document with both layers deciding: relations first, then entities (which
    drop the relations that end on a dropped span)."""
    return d.with_entity_model(
        entity_model, ENTITIES_DECIDING, d.with_model(relation_model, DECIDING)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dev", action="store_true", help="also train on all and score all")
    args = parser.parse_args()
    t0 = time.perf_counter()
    docs = sorted(analyse_dev_set(SHARED, REPO / "seeds"), key=lambda d: d.name)
    rules = [_score(d, d.analysis) for d in docs]
    entities, relations, both = [], [], []
    for k in range(args.folds):
        train = [d for i, d in enumerate(docs) if i % args.folds != k]
        relation_model = fit(train)
        entity_model = fit_entities(train)
        for i, d in enumerate(docs):
            if i % args.folds == k:
                entities.append(_score(d, d.with_entity_model(entity_model, ENTITIES_DECIDING)))
                relations.append(_score(d, d.with_model(relation_model, DECIDING)))
                both.append(_score(d, _both(d, entity_model, relation_model)))
    cv = f"{args.folds}-fold CV"
    columns = {
        "rules alone": micro_average(rules),
        f"rules + entity model, {cv}": micro_average(entities),
        f"rules + relation model, {cv}": micro_average(relations),
        f"rules + both, {cv}": micro_average(both),
    }
    if args.dev:
        relation_model, entity_model = fit(docs), fit_entities(docs)
        columns["rules + both, trained on all (dev)"] = micro_average(
            _score(d, _both(d, entity_model, relation_model)) for d in docs
        )
    print(f"{len(docs)} documents, {args.folds} folds by document\n")
    print(table(columns))
    rule = columns["rules alone"]
    # a layer wins when it raises its own measure by at least MARGIN and lowers no other
    # (an entity the model drops takes its relations with it); a smaller gain is a tie,
    # and a tie keeps the rules
    for layer, column, measures in (
        ("entity", f"rules + entity model, {cv}", ("entities_typed", "relations")),
        ("relation", f"rules + relation model, {cv}", ("relations",)),
    ):
        pairs = [(getattr(rule, m).f1, getattr(columns[column], m).f1) for m in measures]
        wins = pairs[0][1] - pairs[0][0] >= MARGIN and all(
            after >= before for before, after in pairs[1:]
        )
        winner = "rules + model (decide=True)" if wins else "rules alone (decide=False)"
        figures = "; ".join(
            f"{m.replace('_', ' ')} F1 rules alone {before:.4f}, rules + model {after:.4f}"
            for m, (before, after) in zip(measures, pairs, strict=True)
        )
        print(f"\n{layer} layer under CV: {figures}; winner: {winner}")
    print(f"\n({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
