"""Query parameters, checked once for the CLI and the API: country codes, dates, page sizes, cursors."""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
MODES = ["online", "in_person", "phone"]
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_COUNTRIES = 20        # every one must take part; each is a join, and SQLite joins at most 64 tables
SQL_INT_MAX = 2**63 - 1   # the largest integer SQLite (and PostgreSQL's bigint) holds: no id is larger
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    from depesha.data import COUNTRIES, load_table

    return frozenset(row[0].upper() for row in load_table(COUNTRIES, 6))


def check_country(value: str) -> str:
    """'kz' -> 'KZ'; ValueError for anything that is not a known ISO 3166-1 alpha-2 code."""
    code = value.strip().upper()
    if code not in known_countries():
        raise ValueError(f"unknown country code {value[:40]!r}: expected ISO 3166-1 alpha-2, e.g. KZ, MX")
    return code


def check_date(value: str, end: bool = False) -> str:
    """'2025', '2025-11' or '2025-11-28'; a partial date covers its whole year or month when `end`."""
    if not DATE.match(value.strip()):
        raise ValueError(f"bad date {value[:40]!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    parts = value.strip().split("-")
    try:
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError as error:
        raise ValueError(f"bad date {value!r}: {error}") from None
    if len(parts) == 3:
        return value.strip()
    return value.strip() + ("-99" if end and len(parts) == 2 else "-12-99" if end else "-01" if len(parts) == 2 else "-01-01")


def is_sql_int(value: int) -> bool:
    """True when `value` fits a 64-bit signed integer column (a larger one cannot be bound to a query)."""
    return -SQL_INT_MAX - 1 <= value <= SQL_INT_MAX


def check_limit(value: int, maximum: int = MAX_LIMIT) -> int:
    if not 1 <= value <= maximum:
        raise ValueError(f"page size {value} out of range: expected 1..{maximum}")
    return value


def check_choice(value: str, choices: list[str], what: str) -> str:
    if value not in choices:
        raise ValueError(f"unknown {what} {value[:40]!r}: expected one of {', '.join(choices)}")
    return value


# CURSORS: opaque strings holding the sort key of the last row of a page


def dump_cursor(*key: object) -> str:
    return base64.urlsafe_b64encode("\x1f".join(map(str, key)).encode()).decode().rstrip("=")


def load_cursor(value: str, size: int) -> list[str]:
    try:
        parts = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode().split("\x1f")
    except Exception:  # noqa: BLE001 - any garbage is the same mistake for the user
        parts = []
    if len(parts) != size:
        raise ValueError(f"bad cursor {value[:100]!r}: pass back the `next` value of a previous page")
    return parts


def cursor_number(value: str, part: str) -> int:
    """An integer part of the cursor `value`; ValueError (bad cursor) when it is not one a page could hold."""
    digits = part[1:] if part.startswith("-") else part
    number = int(part) if digits.isascii() and digits.isdigit() and len(part) <= 20 else None   # not "²", not "--5"
    if number is None or not is_sql_int(number):
        raise ValueError(f"bad cursor {value[:100]!r}: pass back the `next` value of a previous page")
    return number


@dataclass
class EventFilter:
    """Filters of `depesha events`, `/api/events` and exports; `check()` normalises and validates."""

    countries: list[str] = field(default_factory=list)    # all must take part (two = a pair)
    person: str | None = None                             # a name or an entity id
    organization: str | None = None
    category: str | None = None
    kind: str | None = None
    mode: str | None = None
    topic: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    source: str | None = None                             # the agency or site of a report (articles.source)
    open: bool = False                                    # commitments only: not followed up

    def check(self) -> EventFilter:
        self.countries = list(dict.fromkeys(check_country(code) for code in self.countries))
        if len(self.countries) > MAX_COUNTRIES:
            raise ValueError(f"too many countries: {len(self.countries)}, at most {MAX_COUNTRIES}"
                             " (an event must involve every one)")
        if self.category:
            self.category = check_choice(self.category.upper(), CATEGORIES, "category")
        if self.mode:
            self.mode = check_choice(self.mode, MODES, "mode")
        if self.since:
            self.since = check_date(self.since)
        if self.until:
            self.until = check_date(self.until, end=True)
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"empty date range: since {self.since} is after until {self.until}")
        return self
