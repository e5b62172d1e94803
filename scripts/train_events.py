"""Train the learned event classifier on the tune split of the event corpus; write depesha/models/events.npz.

    PYTHONPATH=. python scripts/train_events.py gold/events/gold.json            # CV report + the shipped model
    PYTHONPATH=. python scripts/train_events.py gold/events/gold.json --dry-run  # CV report only

Only documents of the `tune` split are read: the sealed `test` split is never seen here. Candidates are the
sentences with two or more states (depesha.events.learned.candidates); a candidate is positive for a category
when a gold event of that category quotes its evidence from the sentence (an `acceptable` reading only: left
out of that category's training). 5-fold cross-validation by document chooses the regularisation and the
decision threshold that maximise event F1 under the scoring rules of ../shared/EVENTS.md, with the rule events
in the loop; the final model is fitted on every tune document.
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from depesha.doc import Article, Doc
from depesha.eval import default_data_dir
from depesha.eval.events.gold import CATEGORIES, GoldDoc, attach_texts, load_gold, resolve
from depesha.eval.events.run import reduce_record
from depesha.eval.events.score import score_doc, summarize
from depesha.events.learned import MODEL, Candidate, EventModel, add_events, candidates

FOLDS = 5
SEED = 13
GRID_C = (0.1, 0.3, 1.0)
GRID_T = tuple(round(0.2 + 0.05 * step, 2) for step in range(13))
MIN_POSITIVES = 3


def annotate(docs: list[GoldDoc]) -> list[Doc]:
    """depesha's Doc of every document, with the rule events only (the learned stage left out)."""
    from depesha.pipeline import Pipeline
    from depesha.stages import default_stages

    pipeline = Pipeline([stage for stage in default_stages() if stage.name != "learned events"])
    return [pipeline(Doc(raw=gold.text, article=Article(text=gold.text, source=gold.id))) for gold in docs]


def locate(doc: Doc, quote: str) -> int | None:
    """Offset of a gold evidence quote in the cleaned text (spaces may differ)."""
    at = doc.text.find(quote)
    if at >= 0:
        return at
    pattern = r"\s+".join(map(re.escape, quote.split()))
    match = re.search(pattern, doc.text)
    return match.start() if match else None


def labels(gold: GoldDoc, doc: Doc, found: list[Candidate], lost: Counter) -> tuple[np.ndarray, np.ndarray]:
    """[candidates, categories] targets (1/0) and a mask (0 where only an acceptable reading says so)."""
    y = np.zeros((len(found), len(CATEGORIES)), dtype=np.int8)
    mask = np.ones_like(y)
    for part, events in (("events", gold.events), ("acceptable", gold.acceptable)):
        for event in events:
            at = locate(doc, event.evidence)
            row = next((i for i, cand in enumerate(found) if at is not None and cand.sent.start <= at < cand.sent.stop),
                       None)
            if row is None:
                lost[part] += 1
                continue
            column = CATEGORIES.index(event.category)
            if part == "events":
                y[row, column] = 1
            elif not y[row, column]:
                mask[row, column] = 0
    mask[y == 1] = 1
    return y, mask


def fit(rows: list[list[str]], y: np.ndarray, mask: np.ndarray, c: float) -> EventModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    names = sorted({name for row in rows for name in row})
    vocabulary = {name: index for index, name in enumerate(names)}
    data = [(i, vocabulary[name]) for i, row in enumerate(rows) for name in row]
    x = csr_matrix((np.ones(len(data)), ([i for i, _ in data], [j for _, j in data])), shape=(len(rows), len(names)))
    weights = np.zeros((len(names), len(CATEGORIES)), dtype=np.float32)
    bias = np.full(len(CATEGORIES), -20.0, dtype=np.float32)
    for column in range(len(CATEGORIES)):
        keep = mask[:, column] == 1
        if y[keep, column].sum() < MIN_POSITIVES:
            continue
        model = LogisticRegression(C=c, max_iter=2000, solver="liblinear", class_weight="balanced")
        model.fit(x[keep], y[keep, column])
        weights[:, column] = model.coef_[0]
        bias[column] = model.intercept_[0]
    return EventModel(vocabulary, weights, bias, list(CATEGORIES), 0.5)


def evaluate(golds: list[GoldDoc], docs: list[Doc], models: dict[int, EventModel], folds: list[int],
             threshold: float) -> dict:
    counts: Counter = Counter()
    for index, (gold, doc) in enumerate(zip(golds, docs, strict=True)):
        model = copy.copy(models[folds[index]])
        model.threshold = threshold
        copied = copy.copy(doc)
        copied.events = list(doc.events)
        add_events(copied, model)
        counts += score_doc(gold, reduce_record(copied.as_record()))
    return summarize(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--texts", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, do not write the model")
    args = parser.parse_args(argv)
    corpora, docs = load_gold(args.gold)
    golds = [doc for doc in docs if doc.split == "tune"]
    for line in attach_texts(golds, resolve(corpora, args.texts or [default_data_dir()])):
        print("error:", line, file=sys.stderr)
    golds = [gold for gold in golds if gold.text]
    print(f"{len(golds)} tune documents; annotating", file=sys.stderr)
    docs_ = annotate(golds)
    lost: Counter = Counter()
    per_doc = []
    for gold, doc in zip(golds, docs_, strict=True):
        found = candidates(doc)
        y, mask = labels(gold, doc, found, lost)
        per_doc.append((found, y, mask))
    total = sum(len(found) for found, _, _ in per_doc)
    positives = sum(int(y.sum()) for _, y, _ in per_doc)
    gold_events = sum(len(gold.events) for gold in golds)
    print(f"{total} candidates, {positives} positive labels of {gold_events} gold events "
          f"(evidence outside every candidate: {dict(lost)})", file=sys.stderr)
    order = list(range(len(golds)))
    random.Random(SEED).shuffle(order)
    folds = [0] * len(golds)
    for rank, index in enumerate(order):
        folds[index] = rank % FOLDS

    def stack(indexes: list[int]) -> tuple[list[list[str]], np.ndarray, np.ndarray]:
        rows = [cand.features for i in indexes for cand in per_doc[i][0]]
        y = np.concatenate([per_doc[i][1] for i in indexes]) if indexes else np.zeros((0, len(CATEGORIES)))
        mask = np.concatenate([per_doc[i][2] for i in indexes]) if indexes else np.zeros((0, len(CATEGORIES)))
        return rows, y, mask

    baseline = evaluate(golds, docs_, {0: EventModel({}, np.zeros((0, 16)), np.full(16, -20.0), list(CATEGORIES), 1.0)},
                        [0] * len(golds), 1.0)
    print(f"rules only: recall {baseline['recall']} precision {baseline['precision']} f1 {baseline['f1']}")
    best = None
    for c in GRID_C:
        models = {}
        for fold in range(FOLDS):
            train = [i for i in range(len(golds)) if folds[i] != fold]
            models[fold] = fit(*stack(train), c)
        for threshold in GRID_T:
            report = evaluate(golds, docs_, models, folds, threshold)
            print(f"C {c} threshold {threshold}: recall {report['recall']} precision {report['precision']} "
                  f"f1 {report['f1']} negatives_fp {report['negatives_fp']}")
            if best is None or (report["f1"] or 0) > best[0]:
                best = (report["f1"] or 0, c, threshold, report)
    assert best is not None
    _, c, threshold, report = best
    print(f"chosen: C {c}, threshold {threshold}; 5-fold on tune: recall {report['recall']} "
          f"(1:1 {report['recall_1to1']}) precision {report['precision']} f1 {report['f1']} "
          f"negatives_fp {report['negatives_fp']} of {report['negative_docs']}")
    if args.dry_run:
        return 0
    model = fit(*stack(list(range(len(golds)))), c)
    used = np.flatnonzero(np.abs(model.weights).sum(axis=1) > 0)
    names = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    np.savez_compressed(args.out, vocabulary=np.array([names[i] for i in used]),
                        weights=model.weights[used].astype(np.float16), bias=model.bias.astype(np.float32),
                        categories=np.array(CATEGORIES), threshold=np.array(threshold, dtype=np.float32))
    print(f"saved {args.out} ({args.out.stat().st_size / 1e3:.0f} kB, {len(used)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
