"""Coreference metrics over chains of spans: MUC, B³, CEAF-e, their mean (CoNLL F1), and LEA."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

Cluster = Sequence[Hashable]
Clusters = Sequence[Cluster]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


Counts = tuple[float, float, float, float]   # recall numerator, denominator, precision numerator, denominator


def muc(key: Clusters, response: Clusters) -> Counts:
    """Link counts (Vilain et al. 1995)."""
    def side(a: Clusters, b: Clusters) -> tuple[float, float]:
        where = {m: n for n, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den
    return (*side(key, response), *side(response, key))


def b_cubed(key: Clusters, response: Clusters) -> Counts:
    """Per-mention counts (Bagga and Baldwin 1998)."""
    def side(a: Clusters, b: Clusters) -> tuple[float, float]:
        where = {m: set(c) for c in b for m in c}
        num = sum(len(set(c) & where.get(m, set())) / len(c) for c in a for m in c)
        den = sum(len(c) for c in a)
        return num, den
    return (*side(key, response), *side(response, key))


def ceaf_e(key: Clusters, response: Clusters) -> Counts:
    """Entity-based CEAF (Luo 2005) with the φ4 similarity, by the optimal one-to-one alignment."""
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return 0.0, float(len(key)), 0.0, float(len(response))
    sim = np.array([[2 * len(set(k) & set(r)) / (len(k) + len(r)) for r in response] for k in key])
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return total, float(len(key)), total, float(len(response))


def lea(key: Clusters, response: Clusters) -> Counts:
    """Link-based entity-aware counts (Moosavi and Strube 2016); a singleton's one self-link."""
    def links(n: int) -> int:
        return n * (n - 1) // 2 if n > 1 else 1

    def side(a: Clusters, b: Clusters) -> tuple[float, float]:
        where = {m: n for n, c in enumerate(b) for m in c}
        sizes = [len(c) for c in b]
        num = den = 0.0
        for c in a:
            counts: dict[int, int] = {}
            for m in c:
                if m in where:
                    counts[where[m]] = counts.get(where[m], 0) + 1
            if len(c) == 1:
                resolved = sum(1 for n, k in counts.items() if k == 1 and sizes[n] == 1)
            else:
                resolved = sum(k * (k - 1) // 2 for k in counts.values())
            num += len(c) * resolved / links(len(c))
            den += len(c)
        return num, den
    return (*side(key, response), *side(response, key))


METRICS = {"muc": muc, "b3": b_cubed, "ceafe": ceaf_e, "lea": lea}


class Scorer:
    """Counts summed over documents (micro average), then recall, precision and F1 per metric."""

    def __init__(self) -> None:
        self.counts = {name: [0.0, 0.0, 0.0, 0.0] for name in METRICS}

    def add(self, key: Clusters, response: Clusters) -> None:
        for name, metric in METRICS.items():
            for n, value in enumerate(metric(key, response)):
                self.counts[name][n] += value

    def report(self) -> dict[str, dict[str, float]]:
        out = {}
        for name, (rn, rd, pn, pd) in self.counts.items():
            r, p = rn / rd if rd else 0.0, pn / pd if pd else 0.0
            out[name] = {"recall": round(r, 4), "precision": round(p, 4), "f1": round(f1(p, r), 4)}
        out["conll"] = {"f1": round((out["muc"]["f1"] + out["b3"]["f1"] + out["ceafe"]["f1"]) / 3, 4)}
        return out
