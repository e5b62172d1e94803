"""The shipped mention-pair model: weights over pair slots, best-first clustering into chains (numpy only)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import candidate_pairs, mention_arrays, pair_slots
from .mentions import Mention

MODEL = Path(__file__).resolve().parents[1] / "models" / "coref.npz"
BLOCK = 5_000       # pairs scored at a time: each gathers two 300-float vectors, 2.4 KB (a 240 KB text: 0.9 GB at once)


@dataclass
class PairModel:
    """Logistic weights (one per slot), a bias and the linking threshold chosen on the dev split."""

    weights: np.ndarray
    bias: float
    threshold: float

    def scores(self, slots: np.ndarray) -> np.ndarray:
        """The probability that each pair corefers."""
        logits = self.weights[slots].sum(axis=1) + self.bias if len(slots) else np.zeros(0)
        return 1.0 / (1.0 + np.exp(-logits))


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL)) -> PairModel:
    with np.load(path) as data:
        return PairModel(weights=data["weights"].astype(np.float32), bias=float(data["bias"]),
                         threshold=float(data["threshold"]))


def cluster(n: int, i: np.ndarray, j: np.ndarray, scores: np.ndarray, threshold: float) -> list[list[int]]:
    """Best-first: every mention joins the chain of its most probable antecedent above the threshold."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[int, tuple[float, int]] = {}
    for a, b, score in zip(i.tolist(), j.tolist(), scores.tolist(), strict=True):
        if score >= threshold and score > best.get(b, (0.0, -1))[0]:
            best[b] = (score, a)
    for b, (_, a) in sorted(best.items()):
        parent[root(b)] = root(a)
    chains: dict[int, list[int]] = {}
    for x in range(n):
        chains.setdefault(root(x), []).append(x)
    return [members for members in chains.values() if len(members) > 1]


def resolve(mentions: list[Mention], vector, model: PairModel | None = None,  # type: ignore[no-untyped-def]
            threshold: float | None = None) -> list[list[Mention]]:
    """Chains (two or more mentions, in text order) over the candidates of one Doc."""
    model = model or load_model()
    arrays = mention_arrays(mentions, vector)
    i, j = candidate_pairs(arrays)
    scores = np.concatenate([model.scores(pair_slots(arrays, i[k:k + BLOCK], j[k:k + BLOCK]))
                             for k in range(0, len(i), BLOCK)]) if len(i) else model.scores(pair_slots(arrays, i, j))
    chains = cluster(len(mentions), i, j, scores, model.threshold if threshold is None else threshold)
    return [[mentions[x] for x in chain] for chain in chains]
