"""Train the shipped decision models from ../shared (``make train``; needs the ``train`` extra).

    python bench/train.py                 # → kg/learn/data/relations.json, entities.json
    python bench/train.py --shared DIR --out-dir DIR

The same documents always give the same bytes (see kg.learn.train).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.learn.entities import ENTITY_DEFAULTS
from kg.learn.relations import DEFAULTS
from kg.learn.train import analyse_dev_set, fit, fit_entities, write_entity_model, write_model

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--seeds", type=Path, default=REPO / "seeds")
    parser.add_argument("--out-dir", type=Path, default=REPO / "kg" / "learn" / "data")
    args = parser.parse_args()
    docs = analyse_dev_set(args.shared, args.seeds)
    model = fit(docs)
    out = args.out_dir / DEFAULTS.model
    write_model(model, out)
    n = model.meta["examples"]
    print(f"wrote {out} ({len(model.weights)} features, {n} examples, {len(docs)} documents)")
    entities = fit_entities(docs)
    out = args.out_dir / ENTITY_DEFAULTS.model
    write_entity_model(entities, out)
    n = entities.meta["examples"]
    print(f"wrote {out} ({len(entities.weights)} features, {n} spans, {len(docs)} documents)")


if __name__ == "__main__":
    main()
