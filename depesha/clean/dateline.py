"""Agency datelines ("МОСКВА, 12 марта. /ТАСС/.") -> place, date, agency and where the body starts."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..data import AGENCIES, MONTHS, load_table
from ..doc import Dateline

PLACE = r"(?P<place>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]+(?:[ \-][A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]+)?)"
REGION = r"(?:,\s*(?P<region>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]+(?: [A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]+)?))?"
DAY_MONTH = (r"(?P<day>\d{1,2})\s+(?P<month>[а-яё]{3,9})\.?(?:\s+(?P<year>\d{4})(?:\s+г(?:ода|\.)?)?)?"
             r"(?:,?\s+\d{1,2}:\d{2})?")
AGENCY = r"(?P<agency>[/(«\"]?[A-Za-zА-Яа-яЁё][\w .\-«»\"]{0,40}?[/)»\"]?)"
DASH = r"\s*[-–—]+\s*"
SEP = r"\s*[.,]\s*"

EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"]
EN_DATE = r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})"

# ordered: the first that matches wins (TASS-style "/ТАСС/", BelTA-style "(БелТА)", dash-style)
RULES = [
    re.compile(rf"^{PLACE}{REGION}{SEP}(?:{DAY_MONTH}{SEP}?)?(?P<agency>/[^/\n]{{2,40}}/)\.?\s*"),
    re.compile(rf"^{PLACE}{REGION}{SEP}(?:{DAY_MONTH}\s*)?(?P<agency>\([^)\n]{{2,40}}\))\s*[-–—.]?\s*"),
    re.compile(rf"^{PLACE}{REGION}{SEP}(?:{DAY_MONTH}\s*[.,]?\s*)?[-–—]\s*(?P<agency>[A-Za-zА-Яа-яЁё][\w .\-«»\"]{{1,40}}?)\.\s+"),
    re.compile(rf"^{PLACE}{REGION}{SEP}(?:{DAY_MONTH}{SEP})?{AGENCY}{DASH}"),
    re.compile(rf"^{PLACE}{REGION}{SEP}{DAY_MONTH}{DASH}"),
    re.compile(rf"^{PLACE}{REGION},\s*{EN_DATE}\s*(?P<agency>\([^)\n]{{2,40}}\))\s*[-–—]\s*"),
]
HEAD_LINES = 4   # a dateline may follow a repeated headline or left-over navigation lines


@lru_cache(maxsize=1)
def month_forms() -> dict[str, int]:
    return {form: int(number) for form, number, *_ in load_table(MONTHS, 2)}


@lru_cache(maxsize=1)
def agency_names() -> dict[str, str]:
    """Every printed variant (lower case, no punctuation) -> the agency's name."""
    names: dict[str, str] = {}
    for name, variants, _iso in load_table(AGENCIES, 3):
        for variant in [name, *variants.split("|")]:
            if variant:
                names[squash(variant)] = name
    return names


def squash(text: str) -> str:
    return re.sub(r"[^\wа-яё]+", " ", text.lower()).strip()


def parse_month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for number, name in enumerate(EN_MONTHS, 1):
        if len(word) >= 3 and name.startswith(word):
            return number
    forms = month_forms()
    if word in forms:
        return forms[word]
    for form, number in forms.items():
        if len(word) >= 3 and form.startswith(word[:3]):
            return number
    return None


def infer_year(day: int, month: int, published: str | None) -> date | None:
    """The day-month in the year that puts it on or shortly before the publication date."""
    if not published:
        return None
    try:
        pub = date.fromisoformat(published[:10])
        guess = date(pub.year, month, day)
    except ValueError:
        return None
    if guess > pub + timedelta(days=7):
        guess = guess.replace(year=pub.year - 1)
    return guess


def resolve_agency(raw: str) -> str | None:
    """An agency's canonical name, or the cleaned raw text when it looks like one."""
    key = squash(raw)
    names = agency_names()
    if key in names:
        return names[key]
    for variant, name in names.items():
        if variant and (key.startswith(variant + " ") or key == variant.replace(" ", "")):
            return name
    if key.endswith(" ru") and key[:-3] in names:  # INTERFAX.RU
        return names[key[:-3]]
    return None


def parse_dateline(text: str, published: str | None = None) -> Dateline | None:
    """Parse a dateline at the start of `text` or of one of its first lines; None when there is none."""
    offset = 0
    for line in text.split("\n")[:HEAD_LINES]:
        found = parse_dateline_at(text[offset : offset + 200], published)
        if found is not None:
            found.start += offset
            found.stop += offset
            return found
        offset += len(line) + 1
    return None


def parse_dateline_at(head: str, published: str | None) -> Dateline | None:
    for rule in RULES:
        match = rule.match(head)
        if not match:
            continue
        groups = match.groupdict()
        agency_raw = (groups.get("agency") or "").strip("/()«»\" .")
        agency = resolve_agency(agency_raw) if agency_raw else None
        if agency_raw and agency is None and not is_caps_name(agency_raw):
            continue
        when = None
        if groups.get("day") and groups.get("month"):
            month = parse_month(groups["month"])
            if month is None:
                continue
            day = int(groups["day"])
            if groups.get("year"):
                try:
                    when = date(int(groups["year"]), month, day)
                except ValueError:
                    when = None
            else:
                when = infer_year(day, month, published)
        elif not agency:
            continue
        place = groups["place"]
        return Dateline(place=format_place(place), date=when.isoformat() if when else None,
                        agency=agency or agency_raw or None, start=0, stop=match.end())
    return None


def is_caps_name(text: str) -> bool:
    """An unknown agency is accepted only when it looks like one: short, capitalised."""
    words = text.split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() for word in words)


def format_place(place: str) -> str:
    """'АСТАНА' -> 'Астана', 'НУР-СУЛТАН' -> 'Нур-Султан'; mixed case is kept."""
    if place.isupper():
        return "-".join(part.capitalize() for part in place.split("-"))
    return place
