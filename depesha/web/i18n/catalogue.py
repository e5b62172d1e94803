"""The message catalogue (messages.tsv: key, English, Russian), `t(key)` and Russian plural forms."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from depesha.data import load_table

from .choice import current

MESSAGES = Path(__file__).with_name("messages.tsv")


def load_messages(path: Path = MESSAGES) -> dict[str, dict[str, str]]:
    """key -> {"en": text, "ru": text}; a missing text or a key given twice is an error."""
    out: dict[str, dict[str, str]] = {}
    for number, (key, en, ru) in enumerate(load_table(path, 3), 1):
        if not key or not en or not ru:
            raise ValueError(f"{path.name}: row {number} ({key!r}) needs a key, English and Russian")
        if key in out:
            raise ValueError(f"{path.name}: {key!r} given twice")
        out[key] = {"en": en, "ru": ru}
    return out


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    return load_messages()


def t(key: str, default: str | None = None, **values: Any) -> str:
    """The message in the page's language, `{name}` fields filled from `values`; an unknown key gives `default`
    (for keys made from data: "role." + an entity type), or KeyError without one."""
    found = messages().get(key)
    if found is None:
        if default is None:
            raise KeyError(f"no message {key!r} in {MESSAGES.name}")
        return default
    text = found[current()]
    return text.format(**values) if values else text


def word(prefix: str, value: str | None) -> str:
    """A value of a record in words ("kind", "phone_call" -> "телефонный разговор"); unknown ones as stored."""
    return t(f"{prefix}.{value}", default=value.replace("_", " ")) if value else ""


def plural_form(n: float, forms: list[str], lang: str) -> str:
    """English: one, other; Russian: one (1, 21), few (2-4, 22-24), many (0, 5-20, 25...); fractions take 'few'."""
    if lang == "en":
        return forms[0] if n == 1 else forms[1]
    if n != int(n):
        return forms[1]
    tens, units = int(n) % 100, int(n) % 10
    if units == 1 and tens != 11:
        return forms[0]
    if 2 <= units <= 4 and not 12 <= tens <= 14:
        return forms[1]
    return forms[2]


def noun(n: float, key: str) -> str:
    """The catalogue's noun `key` ("one|few|many" forms) in the form that goes after `n`: 'событий' for 5."""
    return plural_form(n, t(key).split("|"), current())


def plural(n: float, key: str) -> str:
    """'5 событий', '2 events': the number and the catalogue's noun `key` ("one|few|many" forms) in its form."""
    return f"{n} {noun(n, key)}"
