"""Maximum one-to-one matching between gold items and predictions (Kuhn's augmenting paths), for every scorer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


def count_matched(golds: Sequence[G], guesses: Sequence[P], match: Callable[[G, P], bool]) -> int:
    """Size of a maximum one-to-one matching of `golds` to `guesses` where `match(gold, guess)` holds."""
    edges = [[j for j, guess in enumerate(guesses) if match(gold, guess)] for gold in golds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(golds)))
