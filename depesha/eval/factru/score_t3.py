"""factRuEval track 3 scorer: clusters of response facts on gold facts, per type and document.

The official scorer enumerates every assignment (∏(k_i+1)). We maximise the surrogate
(TP1 + TP2) / (In Std. + In Test.) with Dinkelbach's method; it equals the document F1 whenever
every gold fact gets at most one response fact, and differs only for multi-fact clusters.
Each connected component of the "may join" graph is searched exhaustively when it has at most
`EXHAUSTIVE` assignments, otherwise by a Hungarian start plus single-move hill climbing.
"""

from __future__ import annotations

from functools import lru_cache
from math import prod

import numpy as np

from .assign import TIE, best_assignment
from .facts import FACT_TYPES, Fact, FactArg
from .metrics import Metric
from .values import matches_any

EXHAUSTIVE = 20000
Assignment = dict[int, int]          # response index -> gold index


# ARGUMENTS


def arg_matches(gold: FactArg, guess: FactArg) -> bool:
    return gold.name == guess.name and any(matches_any(v, gold.values) for v in guess.values)


def may_join(gold: Fact, guess: Fact) -> bool:
    """Same type and at least one non-position argument in common."""
    return gold.type == guess.type and any(
        arg_matches(g, r) for r in guess.args if r.name != "position" for g in gold.args
    )


def cluster_quality(gold: Fact, guesses: list[Fact]) -> float:
    """(arg + id·arg) / 2 over the pooled arguments of the cluster's response facts."""
    pooled = [(k, arg) for k, fact in enumerate(guesses) for arg in fact.args]
    weights = np.zeros((len(gold.args), len(pooled)))
    for i, g in enumerate(gold.args):
        for j, (_, r) in enumerate(pooled):
            if arg_matches(g, r):
                weights[i, j] = g.weight
    pairs = best_assignment(weights)
    matched = sum(gold.args[i].weight for i, _ in pairs)
    used = {j for _, j in pairs}
    extra = sum(r.weight for j, (_, r) in enumerate(pooled) if j not in used)
    missed = sum(g.weight for i, g in enumerate(gold.args) if i not in {i for i, _ in pairs})
    total = matched + extra + missed
    arg = matched / total if total else 0.0
    if len(guesses) == 1 or not pairs:
        share = 1.0
    else:
        owners = [pooled[j][0] for _, j in pairs]
        share = max(owners.count(k) for k in set(owners)) / len(owners)
    return (arg + share * arg) / 2


# SEARCH


class TypeMatcher:
    """Best clusters for the gold and response facts of one type in one document."""

    def __init__(self, golds: list[Fact], guesses: list[Fact]):
        self.golds, self.guesses = golds, guesses
        self.options = [[i for i, g in enumerate(golds) if may_join(g, r)] for r in guesses]
        self.quality = lru_cache(maxsize=None)(self._quality)

    def _quality(self, gold: int, members: tuple[int, ...]) -> float:
        return cluster_quality(self.golds[gold], [self.guesses[j] for j in members])

    def gains(self, assignment: Assignment) -> tuple[float, float, int]:
        """TP1, TP2 and the number of response facts attached to ignored gold facts."""
        clusters: dict[int, list[int]] = {}
        for j, i in assignment.items():
            clusters.setdefault(i, []).append(j)
        tp1 = tp2 = 0.0
        hidden = 0
        for i, members in clusters.items():
            if self.golds[i].ignored:
                hidden += len(members)
                continue
            value = self.quality(i, tuple(sorted(members)))
            tp1 += value
            tp2 += value * len(members)
        return tp1, tp2, hidden

    def objective(self, assignment: Assignment, lam: float) -> float:
        tp1, tp2, hidden = self.gains(assignment)
        return tp1 + tp2 + lam * hidden

    def components(self) -> list[list[int]]:
        parent = list(range(len(self.guesses)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        owner: dict[int, int] = {}
        for j, options in enumerate(self.options):
            for i in options:
                if i in owner:
                    parent[find(j)] = find(owner[i])
                owner[i] = j
        groups: dict[int, list[int]] = {}
        for j in range(len(self.guesses)):
            if self.options[j]:
                groups.setdefault(find(j), []).append(j)
        return list(groups.values())

    def exhaustive(self, members: list[int], lam: float) -> Assignment:
        best: tuple[float, Assignment] = (-1.0, {})

        def walk(k: int, current: Assignment) -> None:
            nonlocal best
            if k == len(members):
                value = self.objective(current, lam)
                if value > best[0] + 1e-12:
                    best = (value, dict(current))
                return
            j = members[k]
            walk(k + 1, current)
            for i in self.options[j]:
                current[j] = i
                walk(k + 1, current)
                del current[j]

        walk(0, {})
        return best[1]

    def climb(self, members: list[int], lam: float) -> Assignment:
        golds = sorted({i for j in members for i in self.options[j]})
        weights = np.zeros((len(golds), len(members)))
        for b, j in enumerate(members):
            for i in self.options[j]:
                a = golds.index(i)
                weights[a, b] = lam if self.golds[i].ignored else 2 * self.quality(i, (j,))
        current = {members[b]: golds[a] for a, b in best_assignment(weights)}
        value = self.objective(current, lam)
        improved = True
        while improved:
            improved = False
            for j in members:
                choices: list[int | None] = [None, *self.options[j]]
                for choice in choices:
                    trial = dict(current)
                    trial.pop(j, None)
                    if choice is not None:
                        trial[j] = choice
                    trial_value = self.objective(trial, lam)
                    if trial_value > value + 1e-12:
                        current, value, improved = trial, trial_value, True
        return current

    def solve(self, lam: float) -> Assignment:
        assignment: Assignment = {}
        for members in self.components():
            size = prod(len(self.options[j]) + 1 for j in members)
            search = self.exhaustive if size <= EXHAUSTIVE else self.climb
            assignment.update(search(members, lam))
        return assignment

    def metric(self, assignment: Assignment) -> Metric:
        tp1, tp2, hidden = self.gains(assignment)
        n_std = sum(1 for g in self.golds if not g.ignored)
        return Metric(tp1, tp2, n_std, len(self.guesses) - hidden)

    def best(self) -> Metric:
        metric = self.metric(self.solve(TIE))
        for _ in range(20):
            candidate = self.metric(self.solve(max(surrogate(metric), TIE)))
            if surrogate(candidate) <= surrogate(metric) + 1e-12:
                break
            metric = candidate
        return metric


def surrogate(metric: Metric) -> float:
    total = metric.n_std + metric.n_test
    return (metric.tp1 + metric.tp2) / total if total else 1.0


def score_doc(golds: list[Fact], guesses: list[Fact]) -> dict[str, Metric]:
    """Per-type metrics of one document."""
    return {
        type: TypeMatcher([g for g in golds if g.type == type], [r for r in guesses if r.type == type]).best()
        for type in FACT_TYPES
    }
