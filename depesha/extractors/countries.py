"""Country mentions: names, adjectives, abbreviations and capitals in any case."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc, Token
from .gazetteer import CountryForm, country_forms
from .match import Matcher


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


@lru_cache(maxsize=1)
def form_matcher() -> Matcher[list[tuple[str, CountryForm]]]:
    return Matcher(country_forms())


def allowed(written: str, form: str, kind: str, exact: bool) -> bool:
    if exact:
        return written == form or (written.isupper() and written == form.upper())
    if kind in ("name", "capital", "abbr"):
        return written[:1].isupper()
    return True


def find_countries(tokens: list[Token], text: str | None = None) -> list[CountryMention]:
    """Longest gazetteer matches over the tokens, left to right.

    A form that is also a common word ("Того", "Баку") is not taken at the start of a sentence.
    """
    matcher = form_matcher()
    words = [token.text.lower().replace("ё", "е") for token in tokens]
    found, index = [], 0
    while index < len(tokens):
        match = None
        for size, entries in matcher.at(words, index):
            window = tokens[index : index + size]
            if any(a.stop != b.start and b.start - a.stop > 1 for a, b in zip(window, window[1:], strict=False)):
                continue
            for form, entry in entries:
                written = " ".join(token.text for token in window)
                if entry.exact and entry.kind != "abbr" and sentence_start(tokens, index):
                    continue
                if allowed(written, form, entry.kind, entry.exact):
                    if text is not None:
                        written = text[window[0].start : window[-1].stop]
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


def sentence_start(tokens: list[Token], index: int) -> bool:
    """First token of a sentence (natasha ids are "sent_token")."""
    return tokens[index].id.endswith("_1") or index == 0 or tokens[index - 1].text in ".!?\n"


def dateline_country(doc: Doc) -> str | None:
    """The country of the dateline's place ("Астана, 5 февраля — Kazinform" -> KZ), if the article has one."""
    if not doc.dateline.stop:
        return None
    return next((mention.iso for mention in doc.geo if mention.start < doc.dateline.stop and mention.iso), None)
