"""Morphological lookups through natasha's own pymorphy vocabulary (one analyzer, one cache per process)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """natasha's MorphVocab: the pymorphy analyzer its lemmatizer also uses, with its parse cache."""
    from natasha import MorphVocab

    return MorphVocab()


@lru_cache(maxsize=200_000)
def parse_word(word: str) -> tuple[Any, ...]:
    """All pymorphy parses of a word (cached; the lower-case key is shared with natasha's lemmatizer)."""
    return tuple(analyzer().parse(word.lower()))


def inflect_parse(parse: Any, grammemes: set[str]) -> Any:
    """Inflect a parse to OpenCorpora grammemes (natasha's MorphForm.inflect expects UD names)."""
    from pymorphy2.analyzer import Parse

    return Parse.inflect(parse, grammemes)


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
        form = inflect_parse(parse, set(grammemes))
        if form is not None:
            return match_case(form.word, word)
    return None


def match_case(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
