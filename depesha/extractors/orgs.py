"""Organisation mentions: gazetteer bodies by lemmas, merged with natasha's ORG spans."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..annotate.morph import inflect_word
from ..doc import Token
from .gazetteer import Body, bodies
from .match import Matcher

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
    return (token.lemma or token.text).lower().replace("ё", "е")


@lru_cache(maxsize=1)
def body_matcher() -> Matcher[Body]:
    return Matcher(bodies())


def find_bodies(tokens: list[Token]) -> list[BodyMention]:
    """Longest lemma-sequence matches of the bodies gazetteer, left to right."""
    lemmas = [token_lemma(token) for token in tokens]
    return [BodyMention(first, last, tokens[first].start, tokens[last - 1].stop, body)
            for first, last, body in body_matcher().scan(lemmas)]


def nominative_phrase(tokens: list[Token]) -> str:
    """The head noun phrase to the nominative, the rest (genitive chain) kept as written."""
    words: list[str] = []
    head_done = False
    for token in tokens:
        text = token.text
        case = CASE_TAGS.get(token.feats.get("Case", ""))
        if not head_done and case and token.pos in ("NOUN", "ADJ", "PROPN") and not text.isupper():
            pos = "ADJF" if token.pos == "ADJ" else "NOUN"
            grammemes = frozenset({"nomn", "sing"})
            form = inflect_word(text, grammemes, frozenset({pos}))
            if form is not None:
                text = form
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
