"""Score BRAT predictions against NEREL gold: P/R/F1 per type, relaxed (overlap) and strict (exact)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ...record import Record
from ..matching import count_matched
from .gold import BratDoc

ENTITY_TYPES = ["PERSON", "PROFESSION", "ORGANIZATION", "COUNTRY", "CITY", "EVENT", "DATE"]
RELATION_TYPES = ["WORKS_AS", "WORKPLACE", "PARTICIPANT_IN", "AGENT", "POINT_IN_TIME", "TAKES_PLACE_IN"]
MODES = ["relaxed", "strict"]

Span = tuple[int, int]
Item = tuple[Span, ...]   # one span for an entity, (arg1, arg2) for a relation
Match = Callable[[Item, Item], bool]


@dataclass(repr=False)
class Score(Record):
    """Counts for one type and mode; precision, recall and F1 derive from them."""

    type: str
    mode: str
    gold: int = 0
    pred: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


# MATCH


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def relaxed(etalon: Item, guess: Item) -> bool:
    """Every argument span of `guess` overlaps the one of `etalon`."""
    return all(overlaps(a, b) for a, b in zip(etalon, guess, strict=True))


def strict(etalon: Item, guess: Item) -> bool:
    return tuple(etalon) == tuple(guess)


MATCHERS: dict[str, Match] = {"relaxed": relaxed, "strict": strict}


# ITEMS


def entity_items(doc: BratDoc, type: str) -> list[Item]:
    return [((e.start, e.stop),) for e in doc.entities if e.type == type]


def relation_items(doc: BratDoc, type: str) -> list[Item]:
    spans = {e.id: (e.start, e.stop) for e in doc.entities}
    return [(spans[r.arg1], spans[r.arg2]) for r in doc.relations if r.type == type]


# SCORE


def score_docs(
    pairs: Iterable[tuple[BratDoc, BratDoc]],
    entity_types: list[str] = ENTITY_TYPES,
    relation_types: list[str] = RELATION_TYPES,
) -> list[Score]:
    """Micro-averaged scores over (etalon, guess) document pairs, one per type and mode."""
    kinds = [(t, entity_items) for t in entity_types] + [(t, relation_items) for t in relation_types]
    scores = {(t, mode): Score(t, mode) for t, _ in kinds for mode in MODES}
    for etalon, guess in pairs:
        for type, items in kinds:
            gold, pred = items(etalon, type), items(guess, type)
            for mode in MODES:
                score = scores[type, mode]
                score.gold += len(gold)
                score.pred += len(pred)
                score.matched += count_matched(gold, pred, MATCHERS[mode])
    return list(scores.values())


def format_table(scores: list[Score]) -> str:
    """A plain-text table: type, then P/R/F1 relaxed and strict, then gold/pred counts."""
    by = {(s.type, s.mode): s for s in scores}
    types = list(dict.fromkeys(s.type for s in scores))
    lines = [f"{'type':<16}{'P':>7}{'R':>7}{'F1':>7}  |{'P':>7}{'R':>7}{'F1':>7}  |{'gold':>7}{'pred':>7}",
             f"{'':<16}{'relaxed':>21}  |{'strict':>21}  |"]
    for type in types:
        r, s = by[type, "relaxed"], by[type, "strict"]
        lines.append(f"{type:<16}{r.precision:7.3f}{r.recall:7.3f}{r.f1:7.3f}  |"
                     f"{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}  |{r.gold:7d}{r.pred:7d}")
    return "\n".join(lines)


def format_report(scores: list[Score]) -> dict[str, dict[str, dict[str, float]]]:
    """JSON-ready {type: {mode: {precision, recall, f1, gold, pred, matched}}}."""
    report: dict[str, dict[str, dict[str, float]]] = {}
    for s in scores:
        report.setdefault(s.type, {})[s.mode] = {
            "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "gold": s.gold, "pred": s.pred, "matched": s.matched,
        }
    return report
