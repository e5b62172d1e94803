"""Morphological lookups through natasha's own pymorphy vocabulary (one analyzer, one cache per process)."""

from __future__ import annotations

from collections.abc import Iterable
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
    return inflected(parse, frozenset(grammemes))


@lru_cache(maxsize=50_000)
def inflected(parse: Any, grammemes: frozenset[str]) -> Any:
    """pymorphy inflects by building the whole lexeme: once per parse and grammemes is enough."""
    from pymorphy2.analyzer import Parse

    return Parse.inflect(parse, set(grammemes))


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


# LEMMA GATE


def normal(word: str) -> str:
    """Lower case with е for ё, as natasha's lemmatizer sees a word."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """The dictionary has the word (ё where it wrote е allowed): pymorphy then parses it by the dictionary alone."""
    vocab = analyzer()
    return bool(vocab.dictionary.words.similar_keys(word, vocab.char_substitutes))


def lexeme_forms(word: str) -> set[str]:
    """Every form of every dictionary lexeme whose normal form is `word`, lower case with е for ё."""
    vocab = analyzer()
    dictionary = vocab.dictionary
    forms: set[str] = set()
    for fixed, parses in dictionary.words.similar_items(word, vocab.char_substitutes):
        for para_id, index in parses:
            if normal(dictionary.build_normal_form(para_id, index, fixed)) != word:
                continue
            paradigm = dictionary.paradigms[para_id]
            stem, size = dictionary.build_stem(paradigm, index, fixed), len(paradigm) // 3
            forms.update(normal(dictionary.paradigm_prefixes[paradigm[2 * size + i]] + stem
                                + dictionary.suffixes[paradigm[i]]) for i in range(size))
    return forms


class LemmaGate:
    """Whether a word's lemma may be one of `targets`, answered without lemmatizing the word.

    natasha's lemma of a word the dictionary knows is the normal form of one of the word's lexemes (or, when no
    parse fits its tags, the word itself), so it can be a target only if the word is a target or a form of a
    target's lexeme. Unknown words are guessed from their letters and hyphenated ones from their parts: they
    always pass, as do single letters. Words are given lower case with е for ё (`normal`).
    """

    def __init__(self, targets: Iterable[str]) -> None:
        self.targets = frozenset(normal(target) for target in targets)
        self.forms = frozenset(form for target in self.targets for form in lexeme_forms(target))

    def __call__(self, word: str) -> bool:
        return (word in self.forms or word in self.targets or "-" in word or len(word) < 2
                or not is_known(word))


@lru_cache(maxsize=64)
def lemma_gate(targets: tuple[str, ...] | frozenset[str]) -> LemmaGate:
    """One gate per lexicon, built once."""
    return LemmaGate(targets)


def may_lemmatize_to(word: str, targets: tuple[str, ...] | frozenset[str]) -> bool:
    """False when natasha's lemma of `word` can be none of `targets`: the lemma need not be looked up."""
    return lemma_gate(targets)(normal(word))
