"""Text normalisation that only deletes or swaps characters one for one, so offsets stay simple."""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import BOILERPLATE, load_lines

# one-for-one replacements: offsets do not move
SWAPS = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\t": " ",
    "„": "«", "“": "»", "”": "»", "\u2012": "–", "\u2015": "—",
})
DROP = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
TRAILING = re.compile(r"[ \t]+\n")
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
BOILERPLATE_CHARS = 300


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """All boilerplate expressions as one pattern matched against a whole stripped line."""
    parts = [f"(?:{line.strip()})" for line in load_lines(BOILERPLATE)]
    return re.compile(r"^\s*(?:" + "|".join(parts) + r")\s*$", re.I)


def drop_boilerplate(text: str) -> str:
    """Lines that are boilerplate out; a line over BOILERPLATE_CHARS is a paragraph of the article (a one-line
    article that mentions cookies was dropped whole)."""
    pattern = boilerplate_pattern()
    return "\n".join(line for line in text.split("\n") if len(line) > BOILERPLATE_CHARS or not pattern.match(line))


def clean_text(text: str) -> str:
    """Boilerplate lines out, invisible characters out, runs of blank lines to one, quotes unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = DROP.sub("", text).translate(SWAPS)
    text = drop_boilerplate(text)
    text = TRAILING.sub("\n", text)
    text = BLANKS.sub("\n\n", text)
    return text.strip()


def detect_language(text: str) -> str:
    """'ru' when Cyrillic dominates, 'en' for Latin script, 'und' otherwise."""
    sample = text[:5000]
    cyrillic, latin = len(CYRILLIC.findall(sample)), len(LATIN.findall(sample))
    if cyrillic == latin == 0:
        return "und"
    if cyrillic >= latin * 0.5:
        return "ru"
    return "en"
