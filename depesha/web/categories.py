"""The 16 PLOVER categories as every page shows them: one colour, one pattern per quad class, labels in words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from depesha.data import CATEGORIES, load_table

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
PATTERNS = ("none", "dots", "lines", "cross")


@dataclass(frozen=True)
class Category:
    code: str
    quad: str
    colour: str
    pattern: str
    en: str
    ru: str


@lru_cache(maxsize=1)
def categories() -> dict[str, Category]:
    """Category code -> its display, in the order of the data file (cooperation first)."""
    out = {}
    for code, quad, colour, pattern, en, ru in load_table(CATEGORIES, 6):
        if quad not in QUADS or pattern not in PATTERNS or not colour.startswith("#"):
            raise ValueError(f"{CATEGORIES.name}: bad row for {code}")
        out[code] = Category(code, quad, colour, pattern, en, ru)
    return out


def order(codes: list[str]) -> list[str]:
    """Codes in the file's order (cooperation before conflict), unknown ones last, alphabetically."""
    known = list(categories())
    return sorted(codes, key=lambda code: (known.index(code) if code in known else len(known), code))


def style(code: str) -> dict[str, str]:
    """What a chart needs for one series: colour, pattern, quad class, label (in the page's language)."""
    found = categories().get(code)
    if found is None:
        return {"color": "#666666", "pattern": "none", "quad": "", "label": code}
    from depesha.web.i18n import category_label

    return {"color": found.colour, "pattern": found.pattern, "quad": found.quad, "label": category_label(code)}
