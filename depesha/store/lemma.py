"""Lemmatised text for full-text search: pymorphy normal forms (natasha's vocabulary), cached per word."""

from __future__ import annotations

import re

from depesha.annotate.morph import lemma

WORD = re.compile(r"\w+")


CACHE_SIZE = 300_000
lemma_cache: dict[str, str] = {}


def lemmatize_word(word: str) -> str:
    """The most probable normal form of one lower-cased word; Latin words and numbers as they are (remembered;
    the cache is emptied when it grows past CACHE_SIZE)."""
    found = lemma_cache.get(word)
    if found is None:
        if len(lemma_cache) >= CACHE_SIZE:
            lemma_cache.clear()
        found = lemma_cache[word] = word if not word or word.isascii() else lemma(word)
    return found


def lemmatize(text: str) -> str:
    """Space-separated lemmas of every word of `text`, in order."""
    return lemmatize_words(WORD.findall(text.lower()))


def lemmatize_words(words: list[str]) -> str:
    """Space-separated lemmas of lower-cased words, in order."""
    get = lemma_cache.get
    return " ".join([get(word) or lemmatize_word(word) for word in words])


def lemmatize_query(text: str) -> list[str]:
    """Lemmas of a search query, without duplicates."""
    return list(dict.fromkeys(lemmatize(text).split()))
