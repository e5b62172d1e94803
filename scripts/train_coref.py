"""Train the mention-pair coreference model on RuCoCo's train split; choose C and the threshold on dev.

    PYTHONPATH=. python scripts/coref_annotate.py          # once: natasha over RuCoCo -> out/coref/annotated.jsonl.gz
    PYTHONPATH=. python scripts/train_coref.py             # -> depesha/models/coref.npz (byte-identical on rerun)

The sealed test split is never read here (depesha.eval.coref.split).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import time
from pathlib import Path

import numpy as np

from depesha.coref.cache import load_doc
from depesha.coref.features import candidate_pairs, mention_arrays, n_features, pair_slots
from depesha.coref.mentions import find_mentions
from depesha.coref.model import MODEL, PairModel
from depesha.coref.vectors import vector
from depesha.eval.coref.corpus import default_corpus, read_corpus
from depesha.eval.coref.run import evaluate, model_chains

NEGATIVE_SHARE = 0.25    # negatives kept for training (all positives are)


def annotated(cache: str, gold: dict[str, list]):  # type: ignore[no-untyped-def]
    with gzip.open(cache, "rt", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            if item["id"] in gold:
                doc = load_doc(item)
                doc.id = item["id"]
                yield doc, gold[item["id"]]


def examples(pairs, rng):  # type: ignore[no-untyped-def]
    rows, labels = [], []
    for doc, chains in pairs:
        chain_of = {span: n for n, chain in enumerate(chains) for span in chain}
        mentions = find_mentions(doc)
        ids = np.array([chain_of.get((m.start, m.stop), -1) for m in mentions])
        arrays = mention_arrays(mentions, vector)
        i, j = candidate_pairs(arrays)
        y = (ids[i] >= 0) & (ids[i] == ids[j])
        keep = y | (rng.random(len(y)) < NEGATIVE_SHARE)
        rows.append(pair_slots(arrays, i[keep], j[keep]))
        labels.append(y[keep])
    return np.concatenate(rows), np.concatenate(labels)


def fit(slots: np.ndarray, labels: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    n, m = slots.shape
    x = csr_matrix((np.ones(n * m, dtype=np.float64), slots.ravel(), np.arange(0, n * m + 1, m)),
                   shape=(n, n_features()))
    model = LogisticRegression(C=c, max_iter=300, solver="lbfgs")
    model.fit(x, labels)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default=str(default_corpus()))
    parser.add_argument("--cache", default="out/coref/annotated.jsonl.gz")
    parser.add_argument("--out", default=str(MODEL))
    parser.add_argument("--c", type=float, nargs="*", default=[0.3])
    args = parser.parse_args()
    gold = {split: {doc.id: doc.chains for doc in read_corpus(args.corpus, split=split)} for split in ("train", "dev")}
    started = time.perf_counter()
    slots, labels = examples(annotated(args.cache, gold["train"]), np.random.default_rng(15))
    print(f"{len(labels)} training pairs ({labels.sum()} positive) in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)
    dev = list(annotated(args.cache, gold["dev"]))
    best: tuple[float, float, float, np.ndarray, float] | None = None
    for c in args.c:
        weights, bias = fit(slots, labels, c)
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            model = PairModel(weights, bias, threshold)
            lea = evaluate(dev, {"model": model_chains}, model=model)["model"]["lea"]["f1"]
            print(f"C {c} threshold {threshold}: dev LEA F1 {lea:.4f}", file=sys.stderr)
            if best is None or lea > best[0]:
                best = (lea, c, threshold, weights, bias)
    assert best is not None
    lea, c, threshold, weights, bias = best
    print(f"chosen: C {c}, threshold {threshold} (dev LEA F1 {lea:.4f})", file=sys.stderr)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, weights=weights.astype(np.float16), bias=np.float32(bias),
                        threshold=np.float32(threshold), c=np.float32(c))
    Path(args.out).write_bytes(buffer.getvalue())
    print(f"-> {args.out} ({len(buffer.getvalue()) // 1024} kB)", file=sys.stderr)


if __name__ == "__main__":
    main()
