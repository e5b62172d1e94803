"""Lemmatised text for full-text search: pymorphy normal forms (natasha's vocabulary), cached per word."""

from __future__ import annotations

import re
from functools import lru_cache

from depesha.annotate.morph import lemma

WORD = re.compile(r"\w+")


@lru_cache(maxsize=300_000)
def lemmatize_word(word: str) -> str:
    """The most probable normal form of one lower-cased word; Latin words and numbers as they are."""
    if not word or word.isascii():
        return word
    return lemma(word)


def lemmatize(text: str) -> str:
    """Space-separated lemmas of every word of `text`, in order."""
    return " ".join(lemmatize_word(word) for word in WORD.findall(text.lower()))


def lemmatize_query(text: str) -> list[str]:
    """Lemmas of a search query, without duplicates."""
    return list(dict.fromkeys(lemmatize(text).split()))
