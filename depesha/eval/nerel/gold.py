"""Read NEREL's BRAT standoff files (`.txt` + `.ann`) into plain span and relation records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...record import Record


@dataclass(repr=False)
class BratEntity(Record):
    """A `T` line: an entity with one span (fragments are joined into their hull)."""

    id: str
    type: str
    start: int
    stop: int
    text: str = ""


@dataclass(repr=False)
class BratRelation(Record):
    """An `R` line: a typed link from `arg1` to `arg2` (entity ids)."""

    id: str
    type: str
    arg1: str
    arg2: str


@dataclass(repr=False)
class BratDoc(Record):
    """One NEREL document: its text and its annotation."""

    id: str
    text: str
    entities: list[BratEntity] = field(default_factory=list)
    relations: list[BratRelation] = field(default_factory=list)


# PARSE


def parse_entity(line: str) -> BratEntity:
    """`T1\tPERSON 6 11;12 15\tОбамы` -> BratEntity (fragments -> hull)."""
    id, body, *rest = line.split("\t")
    type, offsets = body.split(" ", 1)
    numbers = [int(number) for part in offsets.split(";") for number in part.split()]
    return BratEntity(id, type, min(numbers), max(numbers), rest[0] if rest else "")


def parse_relation(line: str) -> BratRelation:
    """`R1\tWORKS_AS Arg1:T32 Arg2:T6` -> BratRelation."""
    id, body = line.split("\t")[:2]
    type, arg1, arg2 = body.split()[:3]
    return BratRelation(id, type, arg1.split(":", 1)[1], arg2.split(":", 1)[1])


def parse_ann(lines: list[str]) -> tuple[list[BratEntity], list[BratRelation]]:
    """Entities and relations of an `.ann`; relations to missing entities are dropped."""
    entities = [parse_entity(line) for line in lines if line.startswith("T")]
    known = {entity.id for entity in entities}
    relations = [parse_relation(line) for line in lines if line.startswith("R")]
    return entities, [rel for rel in relations if rel.arg1 in known and rel.arg2 in known]


# FORMAT


def format_ann(entities: list[BratEntity], relations: list[BratRelation]) -> str:
    """BRAT `.ann` text for entities and relations."""
    lines = [f"{e.id}\t{e.type} {e.start} {e.stop}\t{e.text}" for e in entities]
    lines += [f"{r.id}\t{r.type} Arg1:{r.arg1} Arg2:{r.arg2}\t" for r in relations]
    return "".join(line + "\n" for line in lines)


# LOAD


def load_doc(path: Path) -> BratDoc:
    """The `.txt` at `path` and the `.ann` beside it (missing `.ann` = no annotation)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    ann = path.with_suffix(".ann")
    lines = ann.read_text(encoding="utf-8").splitlines() if ann.exists() else []
    entities, relations = parse_ann([line for line in lines if line.strip()])
    return BratDoc(path.stem, text, entities, relations)


def load_split(dir: Path, limit: int | None = None) -> Iterator[BratDoc]:
    """Documents of a split directory in name order, at most `limit`."""
    paths = sorted(Path(dir).glob("*.txt"))
    for path in paths[:limit] if limit else paths:
        yield load_doc(path)
