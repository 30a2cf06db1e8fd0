"""Train the shipped relation model from ../shared (``make train``; needs the ``train`` extra).

    python bench/train.py                 # → kg/learn/data/relations.json
    python bench/train.py --shared DIR --out FILE

The same documents always give the same bytes (see kg.learn.train).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.learn.relations import DEFAULTS
from kg.learn.train import analyse_dev_set, fit, write_model

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--seeds", type=Path, default=REPO / "seeds")
    parser.add_argument("--out", type=Path, default=REPO / "kg" / "learn" / "data" / DEFAULTS.model)
    args = parser.parse_args()
    docs = analyse_dev_set(args.shared, args.seeds)
    model = fit(docs)
    write_model(model, args.out)
    n = model.meta["examples"]
    print(f"wrote {args.out} ({len(model.weights)} features, {n} examples, {len(docs)} documents)")


if __name__ == "__main__":
    main()
