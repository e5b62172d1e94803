"""PLOVER contexts of an event from the words of its sentences (`topics.tsv`)."""

from __future__ import annotations

from functools import lru_cache

from ..data import TOPICS, load_table
from ..doc import Token


@lru_cache(maxsize=1)
def topic_rules() -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(prefixes.split()), context) for prefixes, context in load_table(TOPICS, 2)]


@lru_cache(maxsize=1)
def topic_starts() -> frozenset[str]:
    """First three letters of every topic prefix: only such words need their lemma."""
    return frozenset(prefix[:3] for prefixes, _ in topic_rules() for prefix in prefixes)


def find_topics(tokens: list[Token]) -> list[str]:
    """Contexts whose every prefix starts some word (or lemma) of the tokens, in rule order."""
    words = {token.text.lower().replace("ё", "е") for token in tokens}
    starts = topic_starts()
    words |= {token.lemma.lower().replace("ё", "е") for token in tokens
              if token.text[:3].lower().replace("ё", "е") in starts and token.lemma}
    found: list[str] = []
    for prefixes, context in topic_rules():
        if context not in found and all(any(word.startswith(prefix) for word in words) for prefix in prefixes):
            found.append(context)
    return found
