"""Longest-match lookup of word tuples (gazetteers, lexicons, triggers) over a token sequence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

V = TypeVar("V")


class Matcher(Generic[V]):
    """Finds the longest key starting at each position, indexed by the key's first word."""

    def __init__(self, table: dict[tuple[str, ...], V]) -> None:
        self.table = table
        sizes: dict[str, set[int]] = {}
        for key in table:
            if key:
                sizes.setdefault(key[0], set()).add(len(key))
        self.sizes = {first: sorted(found, reverse=True) for first, found in sizes.items()}

    def at(self, words: list[str], index: int) -> Iterator[tuple[int, V]]:
        """Every (size, value) of keys starting at `index`, longest first."""
        for size in self.sizes.get(words[index], ()):
            key = tuple(words[index : index + size])
            if len(key) == size and key in self.table:
                yield size, self.table[key]

    def scan(self, words: list[str]) -> Iterable[tuple[int, int, V]]:
        """Non-overlapping longest matches, left to right: (first, last, value)."""
        index = 0
        while index < len(words):
            hit = next(self.at(words, index), None)
            if hit is None:
                index += 1
                continue
            size, value = hit
            yield index, index + size, value
            index += size
