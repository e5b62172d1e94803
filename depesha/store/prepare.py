"""What ingest computes per record before touching the database: checks, MinHash, search lemmas, stored JSON."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from depesha.corpus import dedup
from depesha.errors import StoreError

from .lemma import lemmatize


@dataclass
class Prepared:
    """A checked record with everything the writer derives from it without a query."""

    record: dict[str, Any]
    raw: str | None
    minhash: bytes
    keys: list[int]
    lemmas: str | None       # None: the database lemmatizes itself (PostgreSQL)
    stored: str              # the record as JSON without the article text (the `record` column)


@dataclass
class Rejected:
    """A record that failed its checks: where it came from and why."""

    source: str
    reason: str


# CHECKS


def check_span(span: Any, size: int, what: str) -> tuple[int, int]:
    if not (isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        raise StoreError(f"{what}: expected [start, stop], got {span!r}")
    start, stop = span
    if not 0 <= start <= stop <= size:
        raise StoreError(f"{what}: span {span} outside the text (length {size})")
    return start, stop


def check_record(record: Any) -> None:
    """Provenance must hold: every offset points into the article text, every id is known."""
    if not isinstance(record, dict) or not isinstance(record.get("article"), dict):
        raise StoreError(f"expected a depesha/1 record, got {type(record).__name__}")
    text = record["article"].get("text")
    if not isinstance(text, str) or not record["article"].get("id"):
        raise StoreError("record without article id or text")
    size, ids = len(text), set()
    for entity in record.get("entities", []):
        if not isinstance(entity, dict) or not all(isinstance(entity.get(key), str) for key in ("id", "type", "name")):
            raise StoreError(f"entity without id, type or name: {entity!r:.80}")
        ids.add(entity["id"])
        for span in entity.get("mentions", []):
            check_span(span, size, f"entity {entity.get('id')}")
    for position in record.get("positions", []):
        if not isinstance(position, dict):
            raise StoreError(f"position is not an object: {position!r:.80}")
        if position.get("person") not in ids:
            raise StoreError(f"position of unknown person {position.get('person')!r}")
        if not isinstance(position.get("title"), str):
            raise StoreError(f"position of {position['person']} without title")
        if position.get("evidence"):
            check_span(position["evidence"], size, f"position of {position['person']}")
    for event in record.get("events", []):
        if not isinstance(event, dict):
            raise StoreError(f"event is not an object: {event!r:.80}")
        if not event.get("category"):
            raise StoreError(f"event {event.get('id')} without category")
        for span in event.get("evidence", []):
            check_span(span, size, f"event {event.get('id')}")


def raw_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def dumps(value: Any) -> str:
    """Compact JSON, non-ASCII as is."""
    return orjson.dumps(value).decode("utf-8")


# PREPARE


def prepare(record: Any, raw: str | None = None, lemmas: bool = True) -> Prepared:
    """Check a record and derive its MinHash, band keys, search lemmas and stored JSON.

    Raises:
        StoreError: the record breaks provenance (an offset outside the text, an unknown person...).
    """
    check_record(record)
    article = record["article"]
    signature = dedup.make_minhash(article["text"])
    stored = dict(record)
    stored["article"] = {key: value for key, value in article.items() if key != "text"}
    return Prepared(record, raw, dedup.dump_minhash(signature), dedup.band_keys(signature),
                    lemmatize((article.get("title") or "") + " " + article["text"]) if lemmas else None,
                    dumps(stored))


def source_of(record: Any, fallback: str = "?") -> str:
    article = record.get("article") if isinstance(record, dict) else None
    return str((article or {}).get("source") or fallback)


Item = tuple[Any, "str | None", str]   # a record (or one JSONL line of it), the raw input, where it came from


def prepare_or_reject(item: Item, lemmas: bool = True) -> Prepared | Rejected:
    """`prepare` for one item; a JSONL line is parsed first; failures become a Rejected naming the input."""
    payload, raw, source = item
    if isinstance(payload, (str, bytes)):
        try:
            payload = orjson.loads(payload)
        except orjson.JSONDecodeError as error:
            return Rejected(source, f"not JSON: {error}")
    try:
        return prepare(payload, raw, lemmas)
    except StoreError as error:
        return Rejected(source_of(payload, source), str(error))


def prepare_all(items: Iterable[Item], lemmas: bool = True) -> Iterator[Prepared | Rejected]:
    """Prepared records (or why not) in input order."""
    return (prepare_or_reject(item, lemmas) for item in items)
