"""Tune the NEREL model's cut-offs end to end on dev, with the depesha pipeline (and its core positions) in the loop.

    PYTHONPATH=. python scripts/tune_nerel_end_to_end.py ../shared/data/nerel-1.1/dev [--model PATH] [--dry-run]

`train_relations.py --tune` picks the cut-offs on natasha-only annotations, where the core's positions (which raise
the candidates they state, `depesha/eval/nerel/positions.py`) are absent, so its WORKPLACE and tagger choices are
not the best for `depesha eval nerel`. This script annotates dev once with `depesha.extract_doc`, then runs a
coordinate ascent (two passes over `GRID`, a tie keeps the current value) maximising the summed relaxed F1 of
WORKS_AS and WORKPLACE, and writes the chosen values into the model file. About 5 minutes.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from depesha.eval.nerel.gold import BratDoc, load_split
from depesha.eval.nerel.predict import predict
from depesha.eval.nerel.run import to_raw
from depesha.eval.nerel.score import score_docs
from depesha.eval.offsets import OffsetMap
from depesha.extractors.relations_model import MODEL, RelationModel

GRID = {
    "O:outer": (0.5, 1.0, 1.5, 2.0),
    "WORKS_AS": (0.4, 0.5, 0.6),
    "WORKS_AS:second": (0.0, 0.6, 0.7, 0.8, 1.1),
    "WORKS_AS:plural": (0.1, 0.2, 0.3, 0.4, 0.5, 1.1),
    "WORKS_AS:cross": (0.3, 0.4, 0.5),
    "WORKPLACE": (0.3, 0.4, 0.5, 0.6, 0.7),
    "WORKPLACE:second": (0.8, 1.1),
}
TARGETS = ("WORKS_AS", "WORKPLACE")


def annotate(golds: list[BratDoc]) -> list:
    """(gold, depesha Doc, offset map or None) for every dev text."""
    import depesha

    out = []
    for gold in golds:
        doc = depesha.extract_doc(depesha.Article(text=gold.text))
        out.append((gold, doc, OffsetMap(doc.text, gold.text) if doc.text != gold.text else None))
    return out


def score(model: RelationModel, docs: list) -> dict[str, float]:
    """Relaxed F1 of the target relations over the annotated docs."""
    pairs = []
    for gold, doc, table in docs:
        entities, relations = predict(doc, model)
        if table is not None:
            to_raw(entities, table, gold.text)
        pairs.append((gold, BratDoc(gold.id, gold.text, entities, relations)))
    return {s.type: s.f1 for s in score_docs(pairs, [], list(TARGETS)) if s.mode == "relaxed"}


def tune(model: RelationModel, docs: list) -> RelationModel:
    best = score(model, docs)
    print(f"start {model_cuts(model)}: {best}", file=sys.stderr)
    for _ in range(2):
        for key, values in GRID.items():
            for value in values:
                trial = replace(model, thresholds={**model.thresholds, key: value})
                scores = score(trial, docs)
                if sum(scores.values()) > sum(best.values()) + 1e-9:
                    model, best = trial, scores
                    print(f"  {key}={value}: {scores}", file=sys.stderr)
    print(f"end {model_cuts(model)}: {best}", file=sys.stderr)
    return model


def model_cuts(model: RelationModel) -> dict[str, float | None]:
    """The tuned cut-offs (None: absent, `decode` uses its default)."""
    return {key: round(model.thresholds[key], 2) if key in model.thresholds else None for key in GRID}


def save_thresholds(model: RelationModel, path: Path) -> None:
    arrays = dict(np.load(path, allow_pickle=False))
    arrays["threshold_names"] = np.array(list(model.thresholds))
    arrays["threshold_values"] = np.array(list(model.thresholds.values()), dtype=np.float32)
    np.savez_compressed(path, **arrays)
    print(f"saved {path}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev", type=Path, help="NEREL dev split (BRAT .txt/.ann)")
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--dry-run", action="store_true", help="print the choice, do not write the model")
    args = parser.parse_args(argv)
    docs = annotate(list(load_split(args.dev)))
    model = tune(RelationModel.load(args.model), docs)
    if not args.dry_run:
        save_thresholds(model, args.model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
