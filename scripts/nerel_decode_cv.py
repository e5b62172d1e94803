"""2-fold check of a decoding cut-off on NEREL train, away from dev: fit the pair classifiers on one half of train
(even- or odd-numbered documents), decode the gold mentions of the other half with each value, print WORKS_AS.

    PYTHONPATH=. python scripts/nerel_decode_cv.py [--cache /tmp/nerel-cache] [--key WORKS_AS:plural] [--values 1.1 0.1 0.3]

Needs the natasha annotation of train that `scripts/train_relations.py` caches (run it once first). Other cut-offs are
the shipped model's. About 2 minutes.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

from train_relations_fit import as_brat, cross_data, fit_linear, gold_mentions, relation_data

from depesha.eval.nerel.score import score_docs
from depesha.extractors.relations_model import RelationModel, load, split_lines


def fold_model(shipped: RelationModel, pairs) -> RelationModel:
    """The shipped model with its WORKS_AS / WORKPLACE / cross-sentence classifiers refitted on `pairs`."""
    model = RelationModel({}, {}, {}, {}, shipped.gazetteer, shipped.projection, shipped.centroids,
                          occupations=shipped.occupations)
    data = relation_data(pairs)
    for relation in ("WORKS_AS", "WORKPLACE"):
        model.weights[relation], model.scales[relation], model.biases[relation] = fit_linear(*data[relation], 1.0, relation)
    rows, labels = cross_data(pairs)
    name = "WORKS_AS:cross"
    model.weights[name], model.scales[name], model.biases[name] = fit_linear(rows, labels, 1.0, name)
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/nerel-cache"))
    parser.add_argument("--key", default="WORKS_AS:plural")
    parser.add_argument("--values", type=float, nargs="+", default=[1.1, 0.1, 0.2, 0.3])
    args = parser.parse_args(argv)
    with open(args.cache / "train-natasha.pkl", "rb") as file:
        pairs = [(gold, split_lines(doc)) for gold, doc in pickle.load(file)]
    shipped = load()
    halves = [pairs[0::2], pairs[1::2]]
    for k in (0, 1):
        model = fold_model(shipped, halves[k])
        for value in args.values:
            model.thresholds = {**shipped.thresholds, args.key: value}
            guesses = []
            for gold, doc in halves[1 - k]:
                mentions = gold_mentions(gold, doc)
                links = model.relations(doc, mentions)
                guesses.append((gold, as_brat(gold, mentions, [x for x in links if x[0] == "WORKS_AS"])))
            score = next(s for s in score_docs(guesses, [], ["WORKS_AS"]) if s.mode == "relaxed")
            print(f"fit on half {k}, {args.key}={value}: WORKS_AS P {score.precision:.3f} R {score.recall:.3f} "
                  f"F1 {score.f1:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
