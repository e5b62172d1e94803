"""factRuEval track 3 value comparison: normalisation and the Levenshtein thresholds."""

from __future__ import annotations

import re

QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "ё": "е"})
DASHES = re.compile(r"[\u2010-\u2015\u2212\u00ad-]")
SPACE_BEFORE = re.compile(r"\s+([,.)])")
SPACE_AROUND_DASH = re.compile(r"\s*-\s*")
SPACE_AFTER_PAREN = re.compile(r"\(\s+")
SPACES = re.compile(r"\s+")


def normalize_value(text: str) -> str:
    """Lower case, ё→е, quotes→", dashes→-, no space before , . ) nor around - nor after (.

    >>> normalize_value("Мэрия  Москвы ( ЦАО ) — «Ё»")
    'мэрия москвы (цао)-"е"'
    """
    text = DASHES.sub("-", text.lower().translate(QUOTES))
    text = SPACE_BEFORE.sub(r"\1", text)
    text = SPACE_AROUND_DASH.sub("-", text)
    text = SPACE_AFTER_PAREN.sub("(", text)
    return SPACES.sub(" ", text).strip()


def levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Edit distance; stops early (returns limit + 1) once every cell exceeds `limit`."""
    if len(a) < len(b):
        a, b = b, a
    if limit is not None and len(a) - len(b) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def threshold(a: str, b: str) -> int:
    """Allowed distance by the longer string: 0 up to 1 char, 1 for 2-8, 2 from 9."""
    size = max(len(a), len(b))
    return 0 if size <= 1 else 1 if size <= 8 else 2


def same_value(a: str, b: str) -> bool:
    """Both already normalised."""
    limit = threshold(a, b)
    return levenshtein(a, b, limit) <= limit


def matches_any(value: str, accepted: frozenset[str] | set[str]) -> bool:
    return value in accepted or any(same_value(value, item) for item in accepted)
