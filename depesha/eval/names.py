"""Names in the nominative: person-name forms in NEREL texts, each with the nominative an annotator wrote,
against the name depesha gives the person entity that mention belongs to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "name_forms.tsv"


@dataclass
class NameForm:
    split: str
    doc: str
    start: int
    stop: int
    kind: str
    form: str
    nominative: str


def part_of(row: NameForm) -> str:
    """`test` (sealed: never read while writing the rules) or `tune`, by a hash of the document name."""
    import hashlib

    return "test" if int(hashlib.sha256(row.doc.encode()).hexdigest(), 16) % 2 == 0 else "tune"


def read_table(path: Path = TABLE) -> list[NameForm]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            split, doc, start, stop, kind, form, nominative = line.split("\t")
            rows.append(NameForm(split, doc, int(start), int(stop), kind, form, nominative))
    return rows


def words(name: str) -> list[str]:
    return re.findall(r"[^\s.]+\.?", name.replace("ё", "е").replace("Ё", "Е"))


def agrees(expected: str, found: str) -> bool:
    """The nominative the annotator wrote is the entity's name or a contiguous part of it; an initial ("В.")
    matches a word with that first letter ("Владимир")."""
    want, have = words(expected), words(found)
    for offset in range(len(have) - len(want) + 1):
        if all(w == h or (w.endswith(".") and h.startswith(w[:-1])) or w.replace(".", "") == h.replace(".", "")
               for w, h in zip(want, have[offset:offset + len(want)], strict=True)):
            return True
    return False


def check(rows: list[NameForm], root: Path) -> Iterator[tuple[NameForm, str | None]]:
    """(row, the name of depesha's person entity covering the form, or None when no person covers it)."""
    import depesha

    from .offsets import OffsetMap

    by_doc: dict[tuple[str, str], list[NameForm]] = {}
    for row in rows:
        by_doc.setdefault((row.split, row.doc), []).append(row)
    for (split, name), items in sorted(by_doc.items()):
        raw = (root / split / f"{name}.txt").read_text(encoding="utf-8")
        doc = depesha.extract_doc(depesha.Article(text=raw))
        table = OffsetMap(doc.text, raw) if doc.text != raw else None
        for row in items:
            found = None
            for entity in doc.entities:
                if entity.type != "person":
                    continue
                for start, stop in entity.mentions:
                    a, b = (table.start(start), table.stop(stop)) if table else (start, stop)
                    if a < row.stop and row.start < b:
                        found = entity.name
            yield row, found
