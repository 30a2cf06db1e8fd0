"""5-fold cross-validation of the relation decision layer, by document.

    python bench/cv.py              # markdown table: rules alone vs rules + model, per relation
    python bench/cv.py --folds 5 --dev   # also the model trained on all documents (dev figures)

The annotated documents (seeds 000–002 and ../shared/dev, as bench/dev_eval.py reads
them) are sorted by name and dealt round-robin into folds; the model is trained on the
other folds (kg.learn.train.fit, the shipped settings) and each document of the held-out
fold is scored as bench/dev_eval.py scores it (the document built alone, kg.eval.score),
micro-averaged. "rules alone" is the same build without the decision layer.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from kg.eval import micro_average, score
from kg.learn.relations import DEFAULTS
from kg.learn.train import analyse_dev_set, fit
from kg.pipeline import reduce_analyses

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
#: the model deciding (RelationLayerConfig.decide), whatever the shipped default is
DECIDING = dataclasses.replace(DEFAULTS, decide=True)


def _score(doc, analysis):
    return score(reduce_analyses([analysis]).graph, doc.gold)


def _rows(report) -> list[tuple[str, object]]:
    rows = [("entities, typed", report.entities_typed), ("relations", report.relations)]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dev", action="store_true", help="also train on all and score all")
    args = parser.parse_args()
    t0 = time.perf_counter()
    docs = sorted(analyse_dev_set(SHARED, REPO / "seeds"), key=lambda d: d.name)
    rules = [_score(d, d.analysis) for d in docs]
    held_out = []
    for k in range(args.folds):
        train = [d for i, d in enumerate(docs) if i % args.folds != k]
        model = fit(train)
        for i, d in enumerate(docs):
            if i % args.folds == k:
                held_out.append(_score(d, d.with_model(model, DECIDING)))
    columns = {
        "rules alone": micro_average(rules),
        f"rules + model, {args.folds}-fold CV": micro_average(held_out),
    }
    if args.dev:
        model = fit(docs)
        columns["rules + model, trained on all (dev)"] = micro_average(
            _score(d, d.with_model(model, DECIDING)) for d in docs
        )
    print(f"{len(docs)} documents, {args.folds} folds by document\n")
    print(table(columns))
    rule_f1 = columns["rules alone"].relations.f1
    cv_f1 = columns[f"rules + model, {args.folds}-fold CV"].relations.f1
    winner = "rules + model (decide=True)" if cv_f1 > rule_f1 else "rules alone (decide=False)"
    print(f"\nrelations F1 under CV: rules alone {rule_f1:.3f}, rules + model {cv_f1:.3f}")
    print(f"winner under CV: {winner}  ({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
