"""Organisation mentions: gazetteer bodies by lemmas, merged with natasha's ORG spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..annotate.morph import LemmaGate, inflect_word, lemma
from ..doc import Token
from .gazetteer import Body, body_patterns, positions

INFLECTED_ABBREVIATION = re.compile(r"^[А-ЯЁ]{2,}[а-яё]{1,3}$")
CASE_TAGS = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


@dataclass
class BodyMention:
    """Tokens [first, last) that name a body from the gazetteer."""

    first: int
    last: int
    start: int
    stop: int
    body: Body


def token_lemma(token: Token) -> str:
    """The lemma for lexicon lookups; a word that starts like no lexicon word keeps its own form.

    Lemmatizing is the costliest step after natasha (pymorphy guesses unknown words, names above all),
    and a word whose first three letters begin no lexicon word can never match one. Nor can a word whose
    lemma is no word of the lexicons (`lexicon_gate`): it keeps its own form too, with the same matches.
    """
    word, lexical = lexical_word(token.text, token.pos)
    return (token.lemma or token.text).lower().replace("ё", "е") if lexical else word


@lru_cache(maxsize=200_000)
def lexical_word(text: str, pos: str) -> tuple[str, bool]:
    """The word lower case with е for ё, and whether its lemma may be a lexicon word (asked once per word and tag)."""
    word = text.lower().replace("ё", "е")
    return word, pos in LEXICAL and word[:3] in lexicon_prefixes() and lexicon_gate()(word)


LEXICAL = {"NOUN", "PROPN", "VERB", "ADJ", "X", ""}   # "" for text annotated without natasha


@lru_cache(maxsize=1)
def lexicon_prefixes() -> frozenset[str]:
    """First three letters of every word of the bodies, positions and triggers lexicons."""
    from ..data import BODIES, POSITIONS, TRIGGERS, load_table

    words: set[str] = set()
    for path, width in ((BODIES, 5), (POSITIONS, 2), (TRIGGERS, 4)):
        for row in load_table(path, width):
            words.update(row[0].lower().replace("ё", "е").replace("-", " ").split())
            words.update(row[0].lower().replace("ё", "е").split())
    return frozenset(word[:3] for word in words)


@lru_cache(maxsize=1)
def lexicon_gate() -> LemmaGate:
    """Words whose lemma may be a key word of the lexicons token_lemma serves: bodies, positions, triggers."""
    from ..events.triggers import triggers

    keys = {form for words, _ in body_patterns() for forms in words for form in forms}
    keys.update(word for table in (positions(), triggers()) for key in table for word in key)
    return LemmaGate(keys)


def token_keys(token: Token) -> set[str]:
    """natasha's lemma and the word itself."""
    return {token_lemma(token), token.text.lower().replace("ё", "е")}


Pattern = tuple[tuple[frozenset[str], ...], Body]


@lru_cache(maxsize=1)
def patterns_by_first() -> dict[str, list[Pattern]]:
    """Patterns indexed by every key of their first word, longest first, then in file order."""
    index: dict[str, list[Pattern]] = {}
    for pattern in sorted(body_patterns(), key=lambda item: -len(item[0])):
        for key in pattern[0][0]:
            index.setdefault(key, []).append(pattern)
    return index


def word_matches(token: Token, keys: set[str], forms: frozenset[str]) -> bool:
    """By natasha's lemma or the word, else by pymorphy's lemma (natasha misses unknown names: "Мажлиса")."""
    return bool(keys & forms) or lemma(token.text) in forms


def match_at(tokens: list[Token], keys: list[set[str]], index: int) -> Pattern | None:
    best: Pattern | None = None
    for key in keys[index]:
        for words, body in patterns_by_first().get(key, ()):
            if best is not None and len(words) <= len(best[0]):
                break
            if index + len(words) <= len(keys) and all(word_matches(tokens[index + i], keys[index + i], words[i])
                                                      for i in range(1, len(words))):
                best = (words, body)
                break
    return best


def find_bodies(tokens: list[Token]) -> list[BodyMention]:
    """Longest matches of the bodies gazetteer, left to right; a word matches by any of its keys."""
    keys = [token_keys(token) for token in tokens]
    found, index = [], 0
    while index < len(tokens):
        hit = match_at(tokens, keys, index)
        if hit is None:
            index += 1
            continue
        last = index + len(hit[0])
        found.append(BodyMention(index, last, tokens[index].start, tokens[last - 1].stop, hit[1]))
        index = last
    return found


GENDER_TAGS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def head_grammemes(tokens: list[Token], singular: bool = False) -> frozenset[str]:
    """nomn plus the number and, in the singular, the gender of the first noun: adjectives agree with it."""
    head = next((token for token in tokens if token.pos in ("NOUN", "PROPN")), None)
    if head is None:
        return frozenset({"nomn", "sing"})
    if head.feats.get("Number") == "Plur" and not singular:
        return frozenset({"nomn", "plur"})
    gender = GENDER_TAGS.get(head.feats.get("Gender", ""))
    return frozenset({"nomn", "sing"} | ({gender} if gender else set()))


def nominative_phrase(tokens: list[Token], singular: bool = False) -> str:
    """The head noun phrase to the nominative, adjectives agreeing with the head, the rest kept as written.

    `singular`: "парламентов Казахстана и Мексики" names one body per country, "Парламент".
    """
    words: list[str] = []
    head_done = False
    agree = head_grammemes(tokens, singular)
    for token in tokens:
        text = token.text
        if INFLECTED_ABBREVIATION.match(text):
            words.append(text.rstrip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"))  # "МИДа" -> "МИД"
            head_done = True
            continue
        case = CASE_TAGS.get(token.feats.get("Case", ""))
        if singular and token.feats.get("Case") == "Nom" and token.feats.get("Number") == "Plur":
            case = "nomn"   # "Делегации Кубы и Мексики": one body per country
        participle = token.pos == "VERB" and token.feats.get("VerbForm") == "Part"
        if not head_done and case and (token.pos in ("NOUN", "ADJ", "PROPN") or participle) and not text.isupper():
            if token.pos == "ADJ" or participle:
                form = inflect_word(text, agree, frozenset({"PRTF" if participle else "ADJF"}))
            else:
                form = inflect_word(text, agree - {"masc", "femn", "neut"}, frozenset({"NOUN"}))
            if form is not None:
                text = form if "ё" in token.text else form.replace("ё", "е")
        if token.pos in ("NOUN", "PROPN"):
            head_done = True
        words.append(text)
    phrase = join_tokens(tokens, words)
    return phrase[:1].upper() + phrase[1:]


def join_tokens(tokens: list[Token], words: list[str]) -> str:
    parts = []
    for index, (token, word) in enumerate(zip(tokens, words, strict=False)):
        if index and token.start > tokens[index - 1].stop:
            parts.append(" ")
        parts.append(word)
    return "".join(parts)
