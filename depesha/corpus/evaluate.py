"""Precision and recall of entity resolution on labelled pairs (tests/corpus/resolution_pairs.tsv)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .resolve import Mention, make_memory_resolver


@dataclass
class Pair:
    label: str          # same | diff
    a: Mention
    b: Mention
    note: str = ""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[tuple[str, Pair]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def parse_pairs(lines: Iterable[str]) -> list[Pair]:
    pairs = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.rstrip("\n").split("\t") + [""] * 9)[:9]
        label, type, name_a, country_a, gender_a, name_b, country_b, gender_b, note = cells
        pairs.append(Pair(label, Mention(type, name_a, country_a or None, gender_a or None),
                          Mention(type, name_b, country_b or None, gender_b or None), note))
    return pairs


def load_pairs(path: Path) -> list[Pair]:
    with open(path, encoding="utf-8") as file:
        return parse_pairs(file)


def score_pairs(pairs: list[Pair]) -> Score:
    """Resolve a then b in an empty store; 'merged' when both get the same id."""
    score = Score()
    for pair in pairs:
        resolver, _ = make_memory_resolver()
        merged = resolver.resolve(pair.a) == resolver.resolve(pair.b)
        if pair.label == "same":
            score.tp += merged
            score.fn += not merged
            if not merged:
                score.errors.append(("missed", pair))
        else:
            score.fp += merged
            score.tn += not merged
            if merged:
                score.errors.append(("wrongly merged", pair))
    return score
