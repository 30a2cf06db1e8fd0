"""Score the build against the dev set: each document built on its own, as `kg eval` does.

    python bench/dev_eval.py            # per-document F1, a micro-averaged markdown table and
                                        # the duplicate nodes across documents (all texts
                                        # built together, see kg eval --cross-document)
    python bench/dev_eval.py --record   # also write bench/dev_scores.json (regression guard)
    python bench/dev_eval.py --groups   # also the figures of each group of documents: the
                                        # ones the rules were written from, the held-out ones

The dev set is every gold file in ../shared/gold whose text is in seeds/ or
../shared/dev/. Equivalent CLI, one file at a time:
    kg build seeds/000_94a1c972eb8362e8.txt -o build/dev/000 --no-html
    kg eval build/dev/000/graph.ttl ../shared/gold/000_94a1c972eb8362e8.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.eval import load_gold, micro_average, score
from kg.eval.crossdoc import cross_document_duplicates
from kg.eval.devset import dev_documents
from kg.pipeline import build_corpus

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RECORD = REPO / "bench" / "dev_scores.json"

# The rules and lexicons were written from the seeds and d01-d30; d31-d40 are held out
# (read for traditional text: d35-d37; d32 and d38 read for the rules of 2026-12-07), so
# "never read" is the figure a new corpus gets.
HELD_OUT = {f"d{n}" for n in range(31, 41)}
TRADITIONAL = {"d35", "d36", "d37"}
READ = TRADITIONAL | {"d32", "d38"}
GROUPS = {
    "written from (seeds, d01-d30)": lambda key: key not in HELD_OUT,
    "held out (d31-d40)": lambda key: key in HELD_OUT,
    "traditional (d35-d37)": lambda key: key in TRADITIONAL,
    "unseen (d31-d40 without d35-d37)": lambda key: key in HELD_OUT - TRADITIONAL,
    "never read (d31, d33, d34, d39, d40)": lambda key: key in HELD_OUT - READ,
}


def dev_reports(shared: Path = SHARED, seeds: Path = REPO / "seeds"):
    """(name, report) for every dev document, each built alone."""
    reports = []
    for doc in dev_documents(shared / "gold", [seeds, shared / "dev"]):
        result = build_corpus([doc.text])
        reports.append((doc.name, score(result.graph, load_gold(doc.gold))))
    return reports


def cross_document_report(shared: Path = SHARED, seeds: Path = REPO / "seeds"):
    """Every text (seeds and dev, annotated or not) built together; the duplicate nodes
    across documents against all the gold files (kg.eval.crossdoc)."""
    texts = sorted(seeds.glob("*.txt")) + sorted((shared / "dev").glob("*.txt"))
    result = build_corpus(texts)
    golds = [load_gold(d.gold) for d in dev_documents(shared / "gold", [seeds, shared / "dev"])]
    return len(texts), cross_document_duplicates(result.graph, golds)


def headline_figures(report) -> dict[str, float]:
    figures = {
        "entities_typed_f1": report.entities_typed.f1,
        "entities_untyped_f1": report.entities_untyped.f1,
        "relations_f1": report.relations.f1,
        "memberOf_role_f1": report.member_of_role.f1,
        "duplicate_nodes": len(report.duplicate_entities),
    }
    figures |= {f"{t}_f1": c.f1 for t, c in report.per_type.items()}
    figures |= {f"{r}_f1": c.f1 for r, c in report.per_relation.items()}
    return {k: round(v, 4) for k, v in figures.items()}


def markdown(report) -> str:
    lines = ["| measure | tp | fp | fn | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for label, c in report.rows():
        cells = [label.strip(), c.tp, c.fp, c.fn]
        cells += [f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]
        lines.append("| " + " | ".join(map(str, cells)) + " |")
    lines.append(f"| duplicate nodes | {len(report.duplicate_entities)} | | | | | |")
    return "\n".join(lines)


def group_lines(reports) -> str:
    """Each group in GROUPS: its documents, typed entity and relation F1, then F1 per type
    and per relation."""
    lines = []
    for label, member in GROUPS.items():
        chosen = [r for name, r in reports if member(name.split("_")[0])]
        if not chosen:
            continue
        m = micro_average(chosen)
        types = ", ".join(f"{t} {c.f1:.3f}" for t, c in m.per_type.items())
        rels = ", ".join(f"{t} {c.f1:.3f}" for t, c in m.per_relation.items())
        lines.append(
            f"{label}: {len(chosen)} documents, entities typed F1 {m.entities_typed.f1:.3f}, "
            f"relations F1 {m.relations.f1:.3f}\n  {types}\n  {rels}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help=f"write {RECORD.name}")
    parser.add_argument("--groups", action="store_true", help="F1 per group of documents")
    args = parser.parse_args()
    reports = dev_reports()
    for name, report in reports:
        f = headline_figures(report)
        typed, rel = f["entities_typed_f1"], f["relations_f1"]
        print(f"{name}: entities typed F1 {typed:.3f}  relations F1 {rel:.3f}")
    total = micro_average(r for _, r in reports)
    print(f"\n{len(reports)} documents\n")
    if args.groups:
        print(group_lines(reports))
    n_texts, across = cross_document_report()
    extra = sum(d.extra for d in across)
    print(markdown(total))
    row = f"duplicate nodes across documents ({n_texts} texts built together)"
    print(f"| {row} | {extra} | | | | | |")
    print("\nduplicates across documents (gold thing [gold files]: nodes):")
    for d in across:
        print(f"  {d.describe()}")
    if args.record:
        figures = headline_figures(total) | {"cross_document_duplicates": extra}
        RECORD.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nrecorded {RECORD.relative_to(REPO)}")


if __name__ == "__main__":
    main()
