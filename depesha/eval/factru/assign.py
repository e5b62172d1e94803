"""Optimal 1:1 matching for a ratio objective (document F1) with the Hungarian algorithm.

F1 = 2·TP / (In Std. + In Test.) is a ratio of two sums over the chosen pairs, so it is
maximised exactly by Dinkelbach's method: repeat a linear assignment on the weights
`gain - λ·cost` with λ = the best ratio so far, until λ stops growing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Pair = tuple[int, int]
TIE = 1e-6    # λ never drops to 0, so that hiding a response behind an ignored gold wins ties


def best_assignment(weights: np.ndarray) -> list[Pair]:
    """Max-weight matching; only pairs with a positive weight are kept."""
    if weights.size == 0:
        return []
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError as error:
        raise ImportError("factRuEval scoring needs scipy: pip install 'depesha[ml]'") from error
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if weights[i, j] > 0]


def maximize_ratio(
    weights_for: Callable[[float], np.ndarray],
    ratio_of: Callable[[list[Pair]], float],
    rounds: int = 20,
) -> list[Pair]:
    """Dinkelbach iterations: `weights_for(λ)` gives the pair weights of the linearised objective."""
    pairs = best_assignment(weights_for(TIE))
    best = ratio_of(pairs)
    for _ in range(rounds):
        candidate = best_assignment(weights_for(max(best, TIE)))
        value = ratio_of(candidate)
        if value <= best + 1e-12:
            break
        pairs, best = candidate, value
    return pairs
