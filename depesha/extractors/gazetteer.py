"""The gazetteers as lookup tables: country forms, bodies and positions keyed by lemmas."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..annotate.morph import lemma, parse_word
from ..data import BODIES, COUNTRIES, COUNTRY_FORMS, POSITIONS, REGIONS, load_lines, load_table

WORD = re.compile(r"[\wЁё]+(?:-[\wЁё]+)*|[^\w\s]")


@dataclass(frozen=True)
class CountryForm:
    iso: str
    kind: str          # name | adj | capital | abbr | demonym
    exact: bool        # match only with this capitalisation


@dataclass(frozen=True)
class Country:
    iso: str
    iso3: str
    name: str
    adjective: str
    capital: str


@dataclass(frozen=True)
class Body:
    name: str
    country: str       # iso2, "*" (from context) or "-" (international)
    sector: str
    type: str
    size: int          # number of words in the pattern


def words(text: str) -> list[str]:
    return WORD.findall(text)


def lemma_key(text: str) -> tuple[str, ...]:
    return tuple(lemma(word) for word in words(text))


def word_forms(word: str) -> frozenset[str]:
    """Keys a pattern word matches: its likeliest lemma, itself, and the lemmas of its nominative readings.

    "Великое" -> великий as well as великое; "Олий" -> олий as well as олия; "Мажлиса" stays мажлиса too.
    """
    forms = {lemma(word), word.lower()} | {p.normal_form for p in parse_word(word) if "nomn" in p.tag}
    return frozenset(form.replace("ё", "е") for form in forms)


@lru_cache(maxsize=1)
def body_patterns() -> list[tuple[tuple[frozenset[str], ...], Body]]:
    """Every bodies.tsv pattern as one set of accepted keys per word, in file order."""
    table = []
    for pattern, name, iso, sector, kind in load_table(BODIES, 5):
        key = tuple(word_forms(word) for word in words(pattern))
        table.append((key, Body(name=name, country=iso, sector=sector, type=kind, size=len(key))))
    return table


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    return {iso: Country(iso, iso3, name, adjective, capital)
            for iso, iso3, name, adjective, capital, _aliases in load_table(COUNTRIES, 6)}


@lru_cache(maxsize=1)
def country_forms() -> dict[tuple[str, ...], list[tuple[str, CountryForm]]]:
    """Lower-case word tuples -> [(form as written, CountryForm)]."""
    table: dict[tuple[str, ...], list[tuple[str, CountryForm]]] = {}
    for form, iso, kind, flags in load_table(COUNTRY_FORMS, 4):
        key = tuple(word.lower().replace("ё", "е") for word in words(form))
        entry = (form, CountryForm(iso, kind, "cs" in flags.split(",")))
        table.setdefault(key, []).append(entry)
    return table


@lru_cache(maxsize=1)
def regions() -> dict[tuple[str, ...], str]:
    """Lemma tuples of the parts of the world -> the name as listed ("латинский америка" -> "Латинская Америка")."""
    return {lemma_key(name): name for name in load_lines(REGIONS)}


@lru_cache(maxsize=1)
def positions() -> dict[tuple[str, ...], tuple[str, str]]:
    """Lemma tuples -> (title as listed, sector)."""
    return {lemma_key(title): (title, sector) for title, sector in load_table(POSITIONS, 2)}


def country_name(iso: str) -> str:
    country = countries().get(iso)
    return country.name if country else iso


def iso3(iso: str) -> str | None:
    country = countries().get(iso)
    return country.iso3 if country else None
