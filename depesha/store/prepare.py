"""What ingest computes per record before touching the database: checks, MinHash, search lemmas, stored JSON."""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from depesha.corpus import dedup
from depesha.errors import StoreError

from .lemma import lemmatize_words


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
    if type(span) is list and len(span) == 2:  # the common case, checked fast
        start, stop = span
        if type(start) is int and type(stop) is int and 0 <= start <= stop <= size:
            return start, stop
    if not (isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        raise StoreError(f"{what}: expected [start, stop], got {span!r}")
    start, stop = span
    if not 0 <= start <= stop <= size:
        raise StoreError(f"{what}: span {span} outside the text (length {size})")
    return start, stop


TEXT, TEXTS, SPANS = "a string", "a list of strings", "a list of [start, stop]"
ARTICLE_FIELDS = {key: TEXT for key in ("id", "source", "published", "title", "url", "path", "attribution", "language")}
DATELINE_FIELDS = {"place": TEXT, "date": TEXT, "agency": TEXT}
ENTITY_FIELDS = {"country": TEXT, "gender": TEXT, "sector": TEXT, "canonical": TEXT, "mentions": SPANS}
POSITION_FIELDS = {"organization": TEXT, "country": TEXT, "text": TEXT}
EVENT_FIELDS = {**{key: TEXT for key in ("id", "category", "kind", "date", "date_precision", "mode", "place", "outcome",
                                         "trigger", "summary", "initiator")},
                "countries": TEXTS, "participants": TEXTS, "topics": TEXTS, "evidence": SPANS}


def check_fields(item: dict[str, Any], fields: dict[str, str], what: str) -> None:
    """Each field the store reads is absent, null or of its kind (a wrong type would fail halfway through)."""
    for key, value in item.items():
        kind = fields.get(key)
        if kind is None or value is None or (type(value) is str if kind is TEXT else type(value) is list and (
                kind is SPANS or all(type(x) is str for x in value))):
            continue
        raise StoreError(f"{what}: `{key}` should be {kind}, got {value!r:.40}")


def items_of(record: dict[str, Any], key: str) -> list[Any]:
    value = record.get(key)
    if value is None:
        return []
    if type(value) is not list:
        raise StoreError(f"`{key}` should be a list, got {type(value).__name__}")
    return value


def check_record(record: Any) -> None:
    """Provenance must hold: every offset points into the article text, every id is known; every field the store
    reads has its type."""
    if not isinstance(record, dict) or not isinstance(record.get("article"), dict):
        raise StoreError(f"expected a depesha/1 record, got {type(record).__name__}")
    article = record["article"]
    text = article.get("text")
    if not isinstance(text, str) or not article.get("id"):
        raise StoreError("record without article id or text")
    check_fields(article, ARTICLE_FIELDS, "article")
    if article.get("dateline") is not None:
        if type(article["dateline"]) is not dict:
            raise StoreError(f"article: `dateline` should be an object, got {article['dateline']!r:.40}")
        check_fields(article["dateline"], DATELINE_FIELDS, "dateline")
    size, ids = len(text), set()
    for entity in items_of(record, "entities"):
        if not (type(entity) is dict and type(entity.get("id")) is str and type(entity.get("type")) is str
                and type(entity.get("name")) is str) and not (
                isinstance(entity, dict) and all(isinstance(entity.get(key), str) for key in ("id", "type", "name"))):
            raise StoreError(f"entity without id, type or name: {entity!r:.80}")
        if entity["id"] in ids:
            raise StoreError(f"entity id {entity['id']!r} given twice")
        ids.add(entity["id"])
        check_fields(entity, ENTITY_FIELDS, f"entity {entity['id']}")
        if "mentions" in entity and type(entity["mentions"]) is not list:
            raise StoreError(f"entity {entity['id']}: `mentions` should be a list, got {entity['mentions']!r:.40}")
        for span in entity.get("mentions") or []:
            check_span(span, size, f"entity {entity.get('id')}")
    for position in items_of(record, "positions"):
        if not isinstance(position, dict):
            raise StoreError(f"position is not an object: {position!r:.80}")
        if type(position.get("person")) is not str:
            raise StoreError(f"position: `person` should be an entity id, got {position.get('person')!r:.40}")
        check_fields(position, POSITION_FIELDS, f"position of {position.get('person')}")
        if position.get("person") not in ids:
            raise StoreError(f"position of unknown person {position.get('person')!r}")
        if not isinstance(position.get("title"), str):
            raise StoreError(f"position of {position['person']} without title")
        if position.get("evidence"):
            check_span(position["evidence"], size, f"position of {position['person']}")
    for event in items_of(record, "events"):
        if not isinstance(event, dict):
            raise StoreError(f"event is not an object: {event!r:.80}")
        if not event.get("category"):
            raise StoreError(f"event {event.get('id')} without category")
        check_fields(event, EVENT_FIELDS, f"event {event.get('id')}")
        for key in ("participants", "countries", "topics", "evidence", "related"):
            if key in event and event[key] is not None and type(event[key]) is not list:
                raise StoreError(f"event {event.get('id')}: `{key}` should be a list, got {event[key]!r:.40}")
        for key in ("participants", "countries", "topics", "related"):
            if any(type(item) is not str for item in event.get(key) or []):
                raise StoreError(f"event {event.get('id')}: `{key}` should hold strings")
        if event.get("initiator") is not None and type(event["initiator"]) is not str:
            raise StoreError(f"event {event.get('id')}: `initiator` should be an entity id")
        for span in event.get("evidence") or []:
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
    words = dedup.words_of(record["article"]["text"])   # once for MinHash and search
    signature = dedup.make_minhash(record["article"]["text"], words)
    return Prepared(record, raw, dedup.dump_minhash(signature), dedup.band_keys(signature),
                    search_lemmas(record, words) if lemmas else None, stored_json(record))


def search_lemmas(record: dict[str, Any], words: list[str]) -> str:
    """The lemmas of the title and the text (`words`) that full-text search indexes."""
    return lemmatize_words(dedup.words_of(record["article"].get("title") or "") + words)


def stored_json(record: dict[str, Any]) -> str:
    """The `record` column: the record without the article text (stored once, in its own column)."""
    stored = dict(record)
    stored["article"] = {key: value for key, value in record["article"].items() if key != "text"}
    return dumps(stored)


def parse_line(line: str | bytes) -> Any:
    """One JSONL line.

    Raises:
        StoreError: the line is not UTF-8, or not JSON.
    """
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError as error:
        if isinstance(line, bytes):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as bad:
                raise StoreError(f"not UTF-8 (byte {bad.start}: {line[bad.start:bad.start + 1]!r}); records are "
                                 "written in UTF-8 by `depesha extract`") from None
        raise StoreError(f"not JSON: {error}") from None


def source_of(record: Any, fallback: str = "?") -> str:
    article = record.get("article") if isinstance(record, dict) else None
    return str((article or {}).get("source") or fallback)


Item = tuple[Any, "str | None", str]   # a record (or one JSONL line of it), the raw input, where it came from


def prepare_or_reject(item: Item, lemmas: bool = True) -> Prepared | Rejected:
    """`prepare` for one item; a JSONL line is parsed first; failures become a Rejected naming the input."""
    payload, raw, source = item
    if isinstance(payload, (str, bytes)):
        try:
            payload = parse_line(payload)
        except StoreError as error:
            return Rejected(source, str(error))
    try:
        return prepare(payload, raw, lemmas)
    except StoreError as error:
        return Rejected(source_of(payload, source), str(error))


def prepare_all(items: Iterable[Item], lemmas: bool = True, workers: int = 0) -> Iterator[Prepared | Rejected]:
    """Prepared records (or why not) in input order; with `workers`, JSONL lines are checked and hashed in that
    many processes (see `derive_chunk`)."""
    if workers < 1:
        return (prepare_or_reject(item, lemmas) for item in items)
    return prepare_parallel(items, lemmas, workers)


# PARALLEL PREPARATION

Derived = tuple[bytes, list[int], "str | None", str] | tuple[str, str]  # (minhash, keys, lemmas, stored) | (source, why)
CHUNK = 64   # lines per message to a worker
NICE = 5     # the helper processes run this much nicer than the main process


def derive_chunk(chunk: list[str | bytes], lemmas: bool) -> list[Derived]:
    """A worker's part: parse, check and hash JSONL lines (MinHash of all of them at once). The parsed records are
    not sent back: the main process parses each line again, which costs less than unpickling the record."""
    derived: list[Derived | None] = []
    checked: list[tuple[int, dict[str, Any], list[str]]] = []
    for line in chunk:
        try:
            payload = parse_line(line)
        except StoreError as error:
            derived.append(("", str(error)))
            continue
        try:
            check_record(payload)
        except StoreError as error:
            derived.append((source_of(payload, ""), str(error)))
            continue
        checked.append((len(derived), payload, dedup.words_of(payload["article"]["text"])))
        derived.append(None)
    if checked:
        signatures = dedup.make_minhashes([words for _, _, words in checked])
        for (index, record, words), signature, keys in zip(checked, signatures, dedup.band_keys_many(signatures),
                                                           strict=True):
            derived[index] = (dedup.dump_minhash(signature), keys, search_lemmas(record, words) if lemmas else None,
                              stored_json(record))
    return derived  # type: ignore[return-value]


def yield_to_parent() -> None:
    """Helper processes (the workers here, the writer of depesha.store.apply) run at a lower priority: the main
    process, whose work depends on every article before it, sets the pace and should not share its core. Ctrl-C
    is the main process's to handle."""
    if hasattr(os, "nice"):  # POSIX
        os.nice(NICE)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle


def prepare_parallel(items: Iterable[Item], lemmas: bool, workers: int) -> Iterator[Prepared | Rejected]:
    """`prepare_all` with the lines' checks, MinHash, lemmas and stored JSON computed in worker processes (started
    at the first line: records given as objects are prepared here). The items are read here, in the calling
    thread, a few chunks ahead of the results."""
    import multiprocessing
    from collections import deque
    from contextlib import ExitStack
    from itertools import islice

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    iterator = iter(items)
    window: deque[tuple[list[Item], Any]] = deque()
    with ExitStack() as stack:
        pool = None
        while True:
            chunk = list(islice(iterator, CHUNK))
            if chunk:  # records that are not lines are prepared here: the workers get an empty line in their place
                lines = [payload if isinstance(payload, (str, bytes)) else "" for payload, _, _ in chunk]
                work = None
                if any(lines):
                    pool = pool or stack.enter_context(context.Pool(workers, initializer=yield_to_parent))
                    work = pool.apply_async(derive_chunk, (lines, lemmas))
                window.append((chunk, work))
                if len(window) < 4 * workers + 2:
                    continue
            if not window:
                return
            chunk, work = window.popleft()
            for (payload, raw, source), values in zip(chunk, work.get() if work else [()] * len(chunk), strict=True):
                if not isinstance(payload, (str, bytes)):
                    yield prepare_or_reject((payload, raw, source), lemmas)
                elif len(values) == 2:
                    yield Rejected(values[0] or source, values[1])  # type: ignore[misc]
                else:
                    minhash, keys, lemma_text, stored = values  # type: ignore[misc]
                    yield Prepared(orjson.loads(payload), raw, minhash, keys, lemma_text, stored)
