"""The scoring rules of `../shared/EVENTS.md`: event recall (also one-to-one), precision, negatives, dates, modes,
participants, people; summed over documents, overall and per category."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..matching import count_matched
from .gold import CATEGORIES, GoldDoc, GoldEvent

WORD = re.compile(r"\w+")


@dataclass
class Predicted:
    """One predicted event, reduced to what the rules compare."""

    category: str
    countries: list[str]
    date: str | None = None
    mode: str | None = None
    people: list[str] = field(default_factory=list)   # names of its participants


@dataclass
class PredictedPerson:
    name: str
    titles: list[tuple[str, str | None]]   # (title, country of the position)
    country: str | None = None


@dataclass
class DocPrediction:
    events: list[Predicted] = field(default_factory=list)
    people: list[PredictedPerson] = field(default_factory=list)


def finds(guess: Predicted, gold: GoldEvent) -> bool:
    """Recall match: same category, and the predicted countries include all the gold ones."""
    return guess.category == gold.category and set(gold.countries) <= set(guess.countries)


def agrees(guess: Predicted, gold: GoldEvent) -> bool:
    """Precision match: same category, and one country set includes the other."""
    mine, theirs = set(guess.countries), set(gold.countries)
    return guess.category == gold.category and (mine <= theirs or theirs <= mine)


def surname(name: str) -> str:
    words = WORD.findall(name.lower().replace("ё", "е"))
    return words[-1] if words else ""


def stem(word: str) -> str:
    return word.lower().replace("ё", "е")[:5]


def post_words(post: str) -> set[str]:
    """Stems of the content words of a post (4+ letters; "министр иностранных дел" -> минис, иностр.)."""
    return {stem(word) for word in WORD.findall(post) if len(word) >= 4}


def person_found(gold_name: str, gold_post: str, gold_country: str | None, people: list[PredictedPerson]) -> bool:
    """A person whose name contains the surname, holding a title with a word of the gold post, with the gold
    country on the person or the position."""
    key, words = surname(gold_name), post_words(gold_post)
    for person in people:
        if not key or key not in person.name.lower().replace("ё", "е"):
            continue
        for title, country in person.titles:
            if words & {stem(word) for word in WORD.findall(title)} and \
                    (gold_country is None or gold_country in (country, person.country)):
                return True
    return False


def best_match(gold: GoldEvent, guesses: list[Predicted]) -> Predicted | None:
    """Of the predictions that find a gold event, the one that also gets most of its date, mode and people."""
    found = [guess for guess in guesses if finds(guess, gold)]
    if not found:
        return None
    return max(found, key=lambda guess: (guess.date == gold.date) + (guess.mode == gold.mode)
               + len(participants_found(gold, guess)))


def participants_found(gold: GoldEvent, guess: Predicted) -> list[str]:
    names = " ".join(guess.people).lower().replace("ё", "е")
    return [name for name in gold.participants if surname(name) and surname(name) in names]


def score_doc(gold: GoldDoc, pred: DocPrediction) -> Counter:
    """Counts for one document; `summarize` turns summed counts into rates."""
    counts: Counter = Counter(docs=1, negative_docs=int(gold.negative))
    guesses = pred.events
    for event in gold.events:
        counts["gold"] += 1
        counts[f"gold:{event.category}"] += 1
        match = best_match(event, guesses)
        if match is None:
            continue
        counts["found"] += 1
        counts[f"found:{event.category}"] += 1
        counts["date_right"] += match.date == event.date
        if event.mode is not None:
            counts["mode_gold"] += 1
            counts["mode_right"] += match.mode == event.mode
        counts["participants_gold"] += len(event.participants)
        counts["participants_found"] += len(participants_found(event, match))
    counts["found_1to1"] += count_matched(gold.events, guesses, lambda event, guess: finds(guess, event))
    every = gold.events + gold.acceptable
    for guess in guesses:
        if len(set(guess.countries)) < 2:
            continue
        counts["predicted"] += 1
        counts[f"predicted:{guess.category}"] += 1
        if any(agrees(guess, event) for event in every):
            counts["right"] += 1
            counts[f"right:{guess.category}"] += 1
        if gold.negative:
            counts["negatives_fp"] += 1
    for person in gold.people:
        counts["people_gold"] += 1
        counts["people_found"] += person_found(person.name, person.position, person.country, pred.people)
    return counts


def rate(hit: int, total: int) -> float | None:
    return round(hit / total, 4) if total else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if not precision or not recall:
        return 0.0 if precision is not None and recall is not None else None
    return round(2 * precision * recall / (precision + recall), 4)


def summarize(counts: Counter) -> dict[str, Any]:
    """Rates from summed counts: the figures of the report."""
    recall, precision = rate(counts["found"], counts["gold"]), rate(counts["right"], counts["predicted"])
    report: dict[str, Any] = {
        "docs": counts["docs"], "negative_docs": counts["negative_docs"],
        "gold_events": counts["gold"], "predicted_events": counts["predicted"],
        "recall": recall, "recall_1to1": rate(counts["found_1to1"], counts["gold"]),
        "precision": precision, "f1": f1(precision, recall),
        "negatives_fp": counts["negatives_fp"],
        "date_accuracy": rate(counts["date_right"], counts["found"]),
        "mode_accuracy": rate(counts["mode_right"], counts["mode_gold"]),
        "participant_recall": rate(counts["participants_found"], counts["participants_gold"]),
        "people_recall": rate(counts["people_found"], counts["people_gold"]),
        "categories": {},
    }
    for category in CATEGORIES:
        gold, predicted = counts[f"gold:{category}"], counts[f"predicted:{category}"]
        if gold or predicted:
            report["categories"][category] = {
                "gold": gold, "recall": rate(counts[f"found:{category}"], gold),
                "predicted": predicted, "precision": rate(counts[f"right:{category}"], predicted)}
    return report


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def format_table(report: dict[str, Any]) -> str:
    lines = [
        f"documents {report['docs']} (negative {report['negative_docs']}); gold events {report['gold_events']}, "
        f"predicted events with 2+ states {report['predicted_events']}",
        f"event recall      {fmt(report['recall'])}  (one-to-one {fmt(report['recall_1to1'])})",
        f"event precision   {fmt(report['precision'])}   F1 {fmt(report['f1'])}",
        f"negatives: false events {report['negatives_fp']} in {report['negative_docs']} documents",
        f"date accuracy {fmt(report['date_accuracy'])}   mode accuracy {fmt(report['mode_accuracy'])}   "
        f"participant recall {fmt(report['participant_recall'])}   people recall {fmt(report['people_recall'])}",
        "",
        f"{'category':<10} {'gold':>5} {'recall':>7} {'pred':>5} {'prec':>7}",
    ]
    for category, row in report["categories"].items():
        lines.append(f"{category:<10} {row['gold']:>5} {fmt(row['recall']):>7} {row['predicted']:>5} "
                     f"{fmt(row['precision']):>7}")
    return "\n".join(lines)
