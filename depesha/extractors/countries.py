"""Country mentions: names, adjectives, abbreviations and capitals in any case."""

from __future__ import annotations

from dataclasses import dataclass

from ..doc import Token
from .gazetteer import country_forms, max_country_words


@dataclass
class CountryMention:
    """A span of tokens that names or implies a country."""

    start: int
    stop: int
    iso: str
    kind: str
    text: str
    first: int      # index of the first token in the token list
    last: int       # index after the last token


def allowed(written: str, form: str, kind: str, exact: bool) -> bool:
    if exact:
        return written == form or (written.isupper() and written == form.upper())
    if kind in ("name", "capital", "abbr"):
        return written[:1].isupper()
    return True


def find_countries(tokens: list[Token]) -> list[CountryMention]:
    """Longest gazetteer matches over the tokens, left to right."""
    table, longest = country_forms(), max_country_words()
    found, index = [], 0
    while index < len(tokens):
        match = None
        for size in range(min(longest, len(tokens) - index), 0, -1):
            window = tokens[index : index + size]
            if any(a.stop != b.start and b.start - a.stop > 1 for a, b in zip(window, window[1:])):
                continue
            key = tuple(token.text.lower().replace("ё", "е") for token in window)
            for form, entry in table.get(key, ()):
                written = " ".join(token.text for token in window)
                if allowed(written, form, entry.kind, entry.exact):
                    match = CountryMention(window[0].start, window[-1].stop, entry.iso, entry.kind,
                                           written, index, index + size)
                    break
            if match:
                break
        if match:
            found.append(match)
            index = match.last
        else:
            index += 1
    return found
