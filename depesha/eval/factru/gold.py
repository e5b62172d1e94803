"""factRuEval-2016 gold readers: .tokens .spans .objects .coref .facts of one `book_N`."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import default_data_dir  # noqa: F401  (the tests and scripts import it from here)

log = logging.getLogger(__name__)

DOC_NAME = re.compile(r"^(book_[0-9]+)\.txt$")
OBJECT_TAGS = {"Person": "per", "Org": "org", "Location": "loc", "LocOrg": "locorg", "Project": "project"}
REF = re.compile(r"^(obj|span)(\d+)$")


# RECORDS


@dataclass
class GoldToken:
    id: int
    start: int
    stop: int
    text: str


@dataclass
class GoldSpan:
    id: int
    tag: str
    start: int
    stop: int
    token_ids: list[int]


@dataclass
class GoldObject:
    id: int
    type: str            # Person | Org | Location | LocOrg | Project
    span_ids: list[int]


@dataclass
class GoldChain:
    """One .coref block: object ids of the mentions plus name/firstname/... keys."""

    id: int
    object_ids: list[int]
    keys: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class GoldValue:
    """One alternative of a fact argument: an `objN`/`spanN` reference and the names written after it."""

    ref: str | None
    texts: list[str] = field(default_factory=list)


@dataclass
class GoldArg:
    name: str
    values: list[GoldValue]


@dataclass
class GoldFact:
    id: str
    type: str
    args: list[GoldArg]


@dataclass
class GoldDoc:
    name: str
    text: str
    tokens: list[GoldToken]
    spans: dict[int, list[GoldSpan]]
    objects: list[GoldObject]
    chains: list[GoldChain]
    facts: list[GoldFact]
    errors: list[str] = field(default_factory=list)

    def token(self, id: int) -> GoldToken:
        return self._tokens_by_id()[id]

    def _tokens_by_id(self) -> dict[int, GoldToken]:
        cache = self.__dict__.get("_by_id")
        if cache is None:
            cache = self.__dict__["_by_id"] = {token.id: token for token in self.tokens}
        return cache


# PARSE


def parse_tokens(lines: list[str]) -> list[GoldToken]:
    tokens = []
    for line in lines:
        parts = line.rstrip("\n").split(" ", 3)
        if len(parts) == 4:
            id, start, length, text = int(parts[0]), int(parts[1]), int(parts[2]), parts[3]
            tokens.append(GoldToken(id, start, start + length, text))
    return tokens


def parse_spans(lines: list[str]) -> dict[int, list[GoldSpan]]:
    """Span ids are not unique (one token may be both `surname` and `nickname`): id -> spans."""
    spans: dict[int, list[GoldSpan]] = {}
    for line in lines:
        head, _, tail = line.partition("#")
        parts = head.split()
        if len(parts) < 6:
            continue
        count = int(parts[5])
        token_ids = [int(item) for item in tail.split()[:count]]
        start = int(parts[2])
        span = GoldSpan(int(parts[0]), parts[1], start, start + int(parts[3]), token_ids)
        spans.setdefault(span.id, []).append(span)
    return spans


def parse_objects(lines: list[str]) -> list[GoldObject]:
    objects = []
    for line in lines:
        parts = line.partition("#")[0].split()
        if len(parts) >= 2:
            objects.append(GoldObject(int(parts[0]), parts[1], [int(item) for item in parts[2:]]))
    return objects


def split_blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        line = line.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def parse_coref(lines: list[str]) -> list[GoldChain]:
    chains = []
    for block in split_blocks(lines):
        head = [int(item) for item in block[0].split()]
        keys = []
        for line in block[1:]:
            key, _, value = line.partition(" ")
            if value.strip():
                keys.append((key, value.strip()))
        chains.append(GoldChain(head[0], head[1:], keys))
    return chains


def parse_values(text: str) -> list[GoldValue]:
    """'obj143 Украина | obj144 Турецкая республика | Турция' -> three names of two objects."""
    values: list[GoldValue] = []
    for part in text.split("|"):
        words = part.split()
        if words and REF.match(words[0]):
            values.append(GoldValue(words[0], [" ".join(words[1:])] if words[1:] else []))
        elif words and values:
            values[-1].texts.append(" ".join(words))
        elif words:
            values.append(GoldValue(None, [" ".join(words)]))
    return values


def parse_facts(lines: list[str]) -> list[GoldFact]:
    facts = []
    for block in split_blocks(lines):
        id, _, type = block[0].partition(" ")
        args = []
        for line in block[1:]:
            name, _, value = line.partition(" ")
            args.append(GoldArg(name, parse_values(value)))
        facts.append(GoldFact(id, type.strip(), args))
    return facts


def check_objects(objects: list[GoldObject]) -> list[str]:
    return [f"unknown object tag {item.type!r} (object {item.id})" for item in objects if item.type not in OBJECT_TAGS]


# LOAD


def read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8-sig") as file:
        return file.read().splitlines()


def list_docs(folder: str | Path) -> list[str]:
    """Names `book_N` of the documents in a gold folder, sorted by N."""
    names = [match.group(1) for match in map(DOC_NAME.match, os.listdir(folder)) if match]
    return sorted(names, key=lambda name: int(name.split("_")[1]))


def load_doc(folder: str | Path, name: str) -> GoldDoc:
    folder = Path(folder)
    with open(folder / f"{name}.txt", encoding="utf-8-sig", newline="") as file:
        text = file.read()
    doc = GoldDoc(
        name=name,
        text=text,
        tokens=parse_tokens(read_lines(folder / f"{name}.tokens")),
        spans=parse_spans(read_lines(folder / f"{name}.spans")),
        objects=parse_objects(read_lines(folder / f"{name}.objects")),
        chains=parse_coref(read_lines(folder / f"{name}.coref")),
        facts=parse_facts(read_lines(folder / f"{name}.facts")),
    )
    doc.errors = check_objects(doc.objects)
    for error in doc.errors:
        log.warning("GOLD %s: %s — these objects are skipped; the official scorer would treat the whole standard of the document as empty", name, error)
    return doc


def load_gold(folder: str | Path, limit: int | None = None) -> list[GoldDoc]:
    names = list_docs(folder)[:limit]
    return [load_doc(folder, name) for name in names]


def load_jobs(path: str | Path) -> dict[str, str]:
    """jobs_processed.txt: 'inflected | normal' per line -> {inflected: normal}, lower case."""
    table = {}
    for line in read_lines(Path(path)):
        inflected, sep, normal = line.partition("|")
        if sep:
            table[inflected.strip().lower()] = normal.strip().lower()
    return table
