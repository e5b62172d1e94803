"""pymorphy3 lookups, cached: parses of a word and its inflection to a case."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parse_word(word: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of a word (cached)."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form, lower case."""
    parses = parse_word(word)
    return parses[0].normal_form.replace("ё", "е") if parses else word.lower()


def inflect_word(word: str, grammemes: frozenset[str], filter_tags: frozenset[str] = frozenset()) -> str | None:
    """Inflect `word` to `grammemes` using the first parse that has all `filter_tags`; None if impossible."""
    for parse in parse_word(word):
        if filter_tags and not filter_tags <= set(str(parse.tag).replace(" ", ",").split(",")):
            continue
        form = parse.inflect(set(grammemes))
        if form is not None:
            return match_case(form.word, word)
    return None


def match_case(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
