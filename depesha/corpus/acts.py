"""What a sentence says of an act: where a visit goes, which bodies act, whether the act is only intended."""

from __future__ import annotations

import re
from functools import lru_cache

from depesha.data import ACT_BODIES, ACT_UNREALISED, load_lines, load_table

WORD = re.compile(r"[\wЁё]+(?:-[\wЁё]+)*")
MINISTRY = ("министр", "министерств", "ведомств", "комитет", "агентств", "служб", "департамент", "управлени", "комисси")
VISIT_VERBS = ("посет", "посещ", "приех", "прибы", "прилет", "прилёт", "визит")
Cue = tuple[tuple[str, ...], str, bool]


def tokens(text: str) -> list[str]:
    return [word.lower().replace("ё", "е") for word in WORD.findall(text)]


@lru_cache(maxsize=1)
def body_cues() -> list[Cue]:
    """act_bodies.tsv: (word prefixes, body, needs a ministry word before it)."""
    return [(tuple(cue.split()), body, needs == "ministry")
            for cue, body, needs in load_table(ACT_BODIES, 3)]


@lru_cache(maxsize=1)
def unrealised_cues() -> list[tuple[str, ...]]:
    """act_unrealised.txt: word prefixes of intended, planned, postponed or refused acts."""
    return [tuple(line.split()) for line in load_lines(ACT_UNREALISED)]


def matches_at(words: list[str], index: int, cue: tuple[str, ...]) -> bool:
    return index + len(cue) <= len(words) and all(words[index + k].startswith(part) for k, part in enumerate(cue))


def bodies(text: str) -> frozenset[str]:
    """The bodies a sentence names: "министров обороны" -> {"defence"}, "глава МИД" -> {"foreign"}."""
    words = tokens(text)
    found = set()
    for index in range(len(words)):
        for cue, body, needs_ministry in body_cues():
            if matches_at(words, index, cue) and (
                    not needs_ministry or any(word.startswith(MINISTRY) for word in words[max(0, index - 3):index])):
                found.add(body)
    return frozenset(found)


def unrealised(text: str) -> bool:
    """The sentence reports an act as intended, planned, postponed or refused ("вновь заявили о намерении провести
    переговоры"). The whole sentence counts: a cue only next to the act's word was measured and let through the
    repeated intentions of a meeting (precision on the tune pairs 0.96 -> 0.86)."""
    words = tokens(text)
    return any(matches_at(words, index, cue) for index in range(len(words)) for cue in unrealised_cues())


def country_at(words: list[str], index: int, kinds: tuple[str, ...] = ("name", "capital", "abbr")) -> str | None:
    """The country named by the words at `index` (up to three words), by name, capital or abbreviation."""
    from depesha.extractors.gazetteer import country_forms

    forms = country_forms()
    for size in (3, 2, 1):
        entries = forms.get(tuple(words[index:index + size]))
        isos = {form.iso for _, form in entries or [] if form.kind in kinds}
        if len(isos) == 1:
            return isos.pop()
    return None


def destination(text: str, after: int = 0) -> str | None:
    """The country a visit goes to, from word `after` on: "посетить Бишкек", "прибыл в Душанбе", "в казахстанскую
    столицу", "визит в Казахстан" (None: not said)."""
    words = tokens(text)
    for index in range(after, len(words)):
        word = words[index]
        if word in ("в", "во") and index + 1 < len(words):
            found = country_at(words, index + 1)
            if found is None and index + 2 < len(words) and words[index + 2].startswith("столиц"):
                found = country_at(words, index + 1, ("adj",))
            if found:
                return found
        elif word.startswith(VISIT_VERBS) and index + 1 < len(words):
            found = country_at(words, index + 1)
            if found:
                return found
    return None


def place_country(place: str | None) -> str | None:
    """The country of an event's place as stored ("Душанбе" -> "TJ", "Казахстан" -> "KZ")."""
    return country_at(tokens(place), 0) if place else None
