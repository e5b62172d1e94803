"""Paths of the data files shipped in the package and one loader for them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

DIR = Path(__file__).parent

COUNTRIES = DIR / "countries.tsv"          # iso2 iso3 name adjective capital aliases(|)
COUNTRY_FORMS = DIR / "country_forms.tsv"  # form iso2 kind  (every case; generated, see scripts/)
COUNTRY_NUMERIC = DIR / "country_numeric.tsv"  # iso2 numeric (ISO 3166-1; keys of the world map's outline)
COUNTRY_NAMES_EN = DIR / "country_names_en.tsv"  # iso2 English short name (the pages' English labels)
POSITIONS = DIR / "positions.tsv"          # title sector
BODIES = DIR / "bodies.tsv"                # lemmas name iso2|* sector type
AGENCIES = DIR / "agencies.tsv"            # name  variants(|)  iso2
BOILERPLATE = DIR / "boilerplate.txt"      # one regular expression per line, matched against whole lines
TOPICS = DIR / "topics.tsv"                # lemma-prefixes(space) context
TRIGGERS = DIR / "triggers.tsv"            # lemma category kind
MONTHS = DIR / "months.tsv"                # form month-number
ACT_BODIES = DIR / "act_bodies.tsv"        # word-prefixes body ministry?  (follow-up rule)
ACT_UNREALISED = DIR / "act_unrealised.txt"  # word-prefixes of intended, planned or refused acts
REGIONS = DIR / "regions.txt"              # a part of the world in the nominative ("Латинская Америка")
RELATIVES = DIR / "relatives.txt"          # a kinship noun as a lemma ("дочь капитана Имя": not the captain)
OCCUPATIONS = DIR / "occupations.txt"      # an occupation noun as a lemma ("моряк", "литературовед")
EVENT_CUES = DIR / "event_cues.tsv"        # lemma category: a word that suggests an act between states
CATEGORIES = DIR / "categories.tsv"        # PLOVER category, quad class, colour, pattern, English and Russian label

ALL = [COUNTRIES, COUNTRY_FORMS, COUNTRY_NUMERIC, COUNTRY_NAMES_EN, POSITIONS, BODIES, AGENCIES, BOILERPLATE, TOPICS, TRIGGERS, MONTHS,
       REGIONS, RELATIVES, OCCUPATIONS, EVENT_CUES, CATEGORIES, ACT_BODIES, ACT_UNREALISED]


def load_lines(path: Path) -> Iterator[str]:
    """Non-empty lines without `#` comments."""
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield line


def load_table(path: Path, width: int) -> Iterator[list[str]]:
    """Tab-separated rows padded to `width` columns; a row with more columns is an error."""
    for number, line in enumerate(load_lines(path), 1):
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) > width:
            raise ValueError(f"{path.name}:{number}: expected at most {width} columns, got {len(cells)}")
        yield cells + [""] * (width - len(cells))
