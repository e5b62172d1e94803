"""Event gold files (`../shared/EVENTS.md` format): load, find each document's text, check."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...data import COUNTRIES, load_table

CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
              "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODES = (None, "in_person", "online", "phone")
DATE = re.compile(r"\d{4}-\d\d-\d\d")
MAX_EVIDENCE_WORDS = 15


@dataclass
class GoldEvent:
    category: str
    countries: list[str]
    date: str | None = None
    mode: str | None = None
    participants: list[str] = field(default_factory=list)
    evidence: str = ""


@dataclass
class GoldPerson:
    name: str
    position: str
    country: str | None = None


@dataclass
class GoldDoc:
    id: str
    corpus: str
    file: str
    negative: bool
    events: list[GoldEvent]
    acceptable: list[GoldEvent]
    people: list[GoldPerson]
    split: str = ""
    note: str = ""
    text: str = ""


def parse_event(item: dict[str, Any]) -> GoldEvent:
    return GoldEvent(item["category"], list(item["countries"]), item.get("date"), item.get("mode"),
                     list(item.get("participants") or []), item.get("evidence", ""))


def parse_doc(key: str, item: dict[str, Any]) -> GoldDoc:
    return GoldDoc(key, item["corpus"], item["file"], bool(item.get("negative")),
                   [parse_event(event) for event in item.get("events", [])],
                   [parse_event(event) for event in item.get("acceptable", [])],
                   [GoldPerson(p["name"], p["position"], p.get("country")) for p in item.get("people", [])],
                   item.get("split", ""), item.get("note", ""))


def load_gold(path: str | Path) -> tuple[dict[str, str], list[GoldDoc]]:
    """The corpora map (name -> where its texts are) and the documents, in file order."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data.get("corpora", {}), [parse_doc(key, item) for key, item in data["docs"].items()]


def resolve(corpora: dict[str, str], roots: list[Path]) -> dict[str, Path]:
    """Each corpus's location: `NAME=PATH` in `roots` wins, else the first root under which its path exists."""
    found: dict[str, Path] = {}
    plain = []
    for root in roots:
        name, sep, rest = str(root).partition("=")
        if sep and name in corpora:
            found[name] = Path(rest)
        else:
            plain.append(root)
    for name, where in corpora.items():
        if name not in found:
            for root in plain:
                if (root / where).exists():
                    found[name] = root / where
                    break
    return found


def jsonl_texts(path: Path) -> dict[str, str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:  # type: ignore[operator]
        return {item["id"]: item["text"] for item in map(json.loads, lines)}


def attach_texts(docs: list[GoldDoc], places: dict[str, Path]) -> Iterator[str]:
    """Fills `doc.text` from the corpora; yields an error line for every document whose text is missing."""
    cache: dict[str, dict[str, str]] = {}
    for doc in docs:
        place = places.get(doc.corpus)
        if place is None:
            yield f"{doc.id}: corpus {doc.corpus!r} not found (give --texts DIR or --texts {doc.corpus}=PATH)"
            continue
        if place.is_dir():
            path = place / doc.file
            if not path.exists():
                yield f"{doc.id}: {path} does not exist"
                continue
            with open(path, encoding="utf-8-sig", newline="") as file:
                doc.text = file.read()
        else:
            if doc.corpus not in cache:
                cache[doc.corpus] = jsonl_texts(place)
            if doc.file not in cache[doc.corpus]:
                yield f"{doc.id}: {doc.file!r} is not in {place}"
                continue
            doc.text = cache[doc.corpus][doc.file]


def iso_codes() -> set[str]:
    return {row[0] for row in load_table(COUNTRIES, 6)}


def check_doc(doc: GoldDoc, codes: set[str]) -> list[str]:
    """What is wrong with one gold document (its text attached): quotes, codes, categories, dates, modes."""
    problems = []
    if doc.negative and (doc.events or doc.acceptable):
        problems.append("negative but lists events")
    for part, events in (("events", doc.events), ("acceptable", doc.acceptable)):
        for event in events:
            where = f"{part} {event.category} {event.countries}"
            if event.category not in CATEGORIES:
                problems.append(f"{where}: unknown category")
            if len(event.countries) < 2 or event.countries != sorted(set(event.countries)):
                problems.append(f"{where}: countries must be two or more, sorted, unique")
            problems += [f"{where}: unknown ISO code {code}" for code in event.countries if code not in codes]
            if event.date is not None and not DATE.fullmatch(event.date):
                problems.append(f"{where}: date {event.date!r} is not YYYY-MM-DD")
            if event.mode not in MODES:
                problems.append(f"{where}: mode {event.mode!r}")
            if not event.evidence or event.evidence not in doc.text:
                problems.append(f"{where}: evidence is not a verbatim quote: {event.evidence!r}")
            elif len(event.evidence.split()) > MAX_EVIDENCE_WORDS:
                problems.append(f"{where}: evidence longer than {MAX_EVIDENCE_WORDS} words")
    for person in doc.people:
        if person.country is not None and person.country not in codes:
            problems.append(f"people {person.name}: unknown ISO code {person.country}")
    return problems
