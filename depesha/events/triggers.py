"""Event triggers: lemma sequences from `triggers.tsv` found in a sentence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import TRIGGERS, load_table
from ..doc import Token
from ..extractors.gazetteer import lemma_key
from ..extractors.match import Matcher
from ..extractors.orgs import token_lemma


@dataclass(frozen=True)
class TriggerType:
    category: str
    kind: str
    mode: str | None


@dataclass
class Trigger:
    """A trigger found at tokens [first, last) of one sentence."""

    first: int
    last: int
    type: TriggerType


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, ...], TriggerType]:
    return {lemma_key(lemmas): TriggerType(category, kind, mode or None)
            for lemmas, category, kind, mode in load_table(TRIGGERS, 4)}


@lru_cache(maxsize=1)
def trigger_matcher() -> Matcher[TriggerType]:
    return Matcher(triggers())


def negated(tokens: list[Token], index: int) -> bool:
    return index > 0 and tokens[index - 1].text.lower() in ("не", "ни")


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    matcher = trigger_matcher()
    lemmas = [token_lemma(token) for token in tokens]
    found, index = [], 0
    while index < len(tokens):
        hit = None
        for size, type_ in matcher.at(lemmas, index):
            if tokens[index].pos in ("NOUN", "VERB", "ADJ", "PROPN") and not negated(tokens, index):
                hit = Trigger(index, index + size, type_)
                break
        if hit:
            found.append(hit)
            index = hit.last
        else:
            index += 1
    return found
