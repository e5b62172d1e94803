"""PLOVER contexts of an event from the words of its sentences (`topics.tsv`)."""

from __future__ import annotations

from bisect import bisect_left
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
    ordered = sorted(words)
    found: list[str] = []
    for prefixes, context in topic_rules():
        if context not in found and all(starts_some(ordered, prefix) for prefix in prefixes):
            found.append(context)
    return found


def starts_some(ordered: list[str], prefix: str) -> bool:
    """Some word of the sorted list starts with `prefix`: then the first word not below `prefix` does."""
    index = bisect_left(ordered, prefix)
    return index < len(ordered) and ordered[index].startswith(prefix)
