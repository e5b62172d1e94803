"""Micro-summed P/R/F1 with fractional TP, as in the factRuEval scorers' tables."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Metric:
    """TP1 (recall side), TP2 (precision side), In Std., In Test."""

    tp1: float = 0.0
    tp2: float = 0.0
    n_std: int = 0
    n_test: int = 0

    @property
    def precision(self) -> float:
        return self.tp2 / self.n_test if self.n_test else 1.0

    @property
    def recall(self) -> float:
        return self.tp1 / self.n_std if self.n_std else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Metric) -> Metric:
        self.tp1 += other.tp1
        self.tp2 += other.tp2
        self.n_std += other.n_std
        self.n_test += other.n_test
        return self

    def as_json(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp1": round(self.tp1, 4),
            "tp2": round(self.tp2, 4),
            "in_std": self.n_std,
            "in_test": self.n_test,
        }


def sum_metrics(rows: list[dict[str, Metric]], tags: list[str]) -> dict[str, Metric]:
    """Micro sums per tag over documents plus an `overall` row."""
    total = {tag: Metric() for tag in [*tags, "overall"]}
    for row in rows:
        for tag in tags:
            if tag in row:
                total[tag].add(row[tag])
                total["overall"].add(row[tag])
    return total


def format_table(metrics: dict[str, Metric], title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'':<12}{'P':>8}{'R':>8}{'F1':>8}{'TP1':>10}{'TP2':>10}{'In Std.':>9}{'In Test.':>9}")
    for tag, m in metrics.items():
        lines.append(
            f"{tag:<12}{m.precision:>8.4f}{m.recall:>8.4f}{m.f1:>8.4f}{m.tp1:>10.2f}{m.tp2:>10.2f}{m.n_std:>9}{m.n_test:>9}"
        )
    return "\n".join(lines)
