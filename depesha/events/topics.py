"""PLOVER contexts of an event from the words of its sentences (`topics.tsv`)."""

from __future__ import annotations

from functools import lru_cache

from ..data import TOPICS, load_table
from ..doc import Token


@lru_cache(maxsize=1)
def topic_rules() -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(prefixes.split()), context) for prefixes, context in load_table(TOPICS, 2)]


def find_topics(tokens: list[Token]) -> list[str]:
    """Contexts whose every prefix starts some word (or lemma) of the tokens, in rule order."""
    words = {token.text.lower().replace("ё", "е") for token in tokens}
    words |= {token.lemma.lower().replace("ё", "е") for token in tokens if token.lemma}
    found: list[str] = []
    for prefixes, context in topic_rules():
        if context not in found and all(any(word.startswith(prefix) for word in words) for prefix in prefixes):
            found.append(context)
    return found
