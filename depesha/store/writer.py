"""The one write connection: stores records atomically, resolves entities, links duplicates and events."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from depesha.corpus import dedup
from depesha.corpus.resolve import Candidate, Mention, Resolver
from depesha.errors import StoreError

from .lemma import lemmatize

log = logging.getLogger(__name__)
PG_LOCK = 0x64657065  # "depe": the advisory lock that makes one writer at a time on PostgreSQL


@dataclass
class Outcome:
    """What happened to one record."""

    article: str
    status: str                      # stored | skipped (already there) | reprocessed
    num: int | None = None
    dup_of: str | None = None


@dataclass
class Summary:
    """Counts for the end of an ingest."""

    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "skipped":
            self.skipped += 1
        else:
            self.stored += 1
            self.duplicates += outcome.dup_of is not None

    def fail(self, source: str, reason: str) -> None:
        self.failed += 1
        self.failures.append((source, reason))


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
    size, ids = len(text), {entity.get("id") for entity in record.get("entities", [])}
    for entity in record.get("entities", []):
        for span in entity.get("mentions", []):
            check_span(span, size, f"entity {entity.get('id')}")
    for position in record.get("positions", []):
        if position.get("person") not in ids:
            raise StoreError(f"position of unknown person {position.get('person')!r}")
        if position.get("evidence"):
            check_span(position["evidence"], size, f"position of {position['person']}")
    for event in record.get("events", []):
        if not event.get("category"):
            raise StoreError(f"event {event.get('id')} without category")
        for span in event.get("evidence", []):
            check_span(span, size, f"event {event.get('id')}")


def raw_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def today() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# WRITER


class Writer:
    """Adds records in transactions of `batch` articles; never leaves half an article behind."""

    def __init__(self, store: Any, batch: int = 1, extractor: str | None = None):
        self.store, self.batch, self.extractor = store, batch, extractor
        self.raw = store.engine.raw_connection()
        self.pg = store.dialect != "sqlite"
        if not self.pg:
            self.raw.driver_connection.isolation_level = None  # we say BEGIN ourselves
        self.cursor = self.raw.cursor()
        self.resolver = Resolver(self.load_candidates, self.create_entity, self.update_entity)
        self.pending = 0
        self.in_transaction = False
        self.next_cluster: int | None = None
        self.deferred: dict[str, list[tuple[Any, ...]]] = {}
        self.known_sectors: set[int] = set()
        if self.pg:
            self.execute("SELECT pg_advisory_lock(?)", (PG_LOCK,))
            self.raw.commit()

    # SQL helpers

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        self.cursor.execute(self.store.sql(sql) if self.pg else sql, tuple(params))
        return self.cursor

    def executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self.cursor.executemany(self.store.sql(sql) if self.pg else sql, rows)

    def defer(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """Rows nothing reads back during ingest: written in one statement per table at commit."""
        self.deferred.setdefault(sql, []).extend(rows)

    def flush(self) -> None:
        deferred, self.deferred = self.deferred, {}
        for sql, rows in deferred.items():
            self.executemany(sql, rows)

    def insert_id(self, sql: str, params: Iterable[Any]) -> int:
        return self.execute(sql + " RETURNING id", params).fetchone()[0]

    # transactions

    def begin(self) -> None:
        if not self.in_transaction:
            if not self.pg:  # psycopg opens the transaction itself
                self.execute("BEGIN IMMEDIATE")
            self.in_transaction, self.next_cluster = True, None

    def commit(self) -> None:
        if self.in_transaction:
            self.flush()
            self.execute("COMMIT") if not self.pg else self.raw.commit()
            self.in_transaction, self.pending = False, 0

    def rollback(self) -> None:
        self.deferred = {}
        if self.in_transaction:
            self.execute("ROLLBACK") if not self.pg else self.raw.rollback()
            self.in_transaction, self.pending = False, 0
        self.resolver.clear()  # it may have cached entities that were not committed
        self.known_sectors.clear()

    def close(self) -> None:
        self.commit()
        if self.pg:
            self.execute("SELECT pg_advisory_unlock(?)", (PG_LOCK,))
            self.raw.commit()
        self.raw.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: Any, *rest: Any) -> None:
        if kind is not None:
            self.rollback()
        self.close()

    # records

    def add(self, record: dict[str, Any], raw: str | None = None) -> Outcome:
        """Store one record (or skip it if its article is stored); commits every `batch` articles."""
        check_record(record)
        article = record["article"]
        self.begin()
        try:
            found = self.execute("SELECT num FROM articles WHERE id = ?", (article["id"],)).fetchone()
            if found:
                return Outcome(article["id"], "skipped", found[0])
            outcome = self.insert_article(record, raw)
            self.insert_facts(outcome.num or 0, record, duplicate=outcome.dup_of is not None)
        except BaseException:
            self.rollback()
            raise
        self.pending += 1
        if self.pending >= self.batch:
            self.commit()
        return outcome

    def has_raw(self, raw: str) -> bool:
        """Whether this input was stored before (checked before spending time on extraction)."""
        return self.execute("SELECT 1 FROM articles WHERE raw_hash = ?", (raw_hash(raw),)).fetchone() is not None

    def add_many(self, records: Iterable[dict[str, Any]], summary: Summary | None = None) -> Summary:
        summary = summary or Summary()
        for record in records:
            try:
                summary.add(self.add(record))
            except StoreError as error:
                summary.fail(str((record.get("article") or {}).get("source") or "?"), str(error))
        self.commit()
        return summary

    def insert_article(self, record: dict[str, Any], raw: str | None) -> Outcome:
        article, dateline = record["article"], record["article"].get("dateline") or {}
        signature = dedup.make_minhash(article["text"])
        keys = dedup.band_keys(signature)
        dup_num, dup_id, similarity = self.find_duplicate(signature, keys)
        stored = {key: value for key, value in record.items()}
        stored["article"] = {key: value for key, value in article.items() if key != "text"}
        num = self.execute(
            "INSERT INTO articles (id, source, published, title, url, path, agency, attribution, dateline_place,"
            " dateline_date, language, text, raw, raw_hash, record, extractor, ingested_at, dup_of, similarity,"
            " minhash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING num",
            (article["id"], article.get("source"), article.get("published"), article.get("title"),
             article.get("url"), article.get("path"), dateline.get("agency"), article.get("attribution"),
             dateline.get("place"), dateline.get("date"), article.get("language"), article["text"], raw,
             raw_hash(raw) if raw is not None else None, json.dumps(stored, ensure_ascii=False), self.extractor, today(), dup_num, similarity,
             dedup.dump_minhash(signature)),
        ).fetchone()[0]
        self.executemany("INSERT INTO lsh (key, article) VALUES (?, ?)", [(key, num) for key in keys])
        if not self.pg:
            lemmas = lemmatize((article.get("title") or "") + " " + article["text"])
            self.defer("INSERT INTO article_fts (rowid, lemmas) VALUES (?, ?)", [(num, lemmas)])
        return Outcome(article["id"], "stored", num, dup_id)

    def find_duplicate(self, signature: Any, keys: list[int]) -> tuple[int | None, str | None, float | None]:
        marks = ", ".join("?" * len(keys))
        rows = self.execute(
            f"SELECT a.num, a.minhash, a.dup_of FROM (SELECT article FROM lsh WHERE key IN ({marks})"
            f" GROUP BY article HAVING count(*) >= ? ORDER BY count(*) DESC LIMIT ?) k"
            f" JOIN articles a ON a.num = k.article", [*keys, dedup.MIN_BANDS, dedup.MAX_CANDIDATES],
        ).fetchall()
        if not rows:
            return None, None, None
        values = dedup.similarities(signature, [bytes(row[1]) for row in rows])
        index = int(values.argmax())
        if values[index] < dedup.THRESHOLD:
            return None, None, None
        first = rows[index][2] or rows[index][0]  # the first publication, not another copy
        id = self.execute("SELECT id FROM articles WHERE num = ?", (first,)).fetchone()[0]
        return first, id, float(values[index])

    # entities

    def load_candidates(self, type: str, skey: str) -> list[Candidate]:
        rows = self.execute(
            "SELECT id, type, name, key, skey, country, gender FROM entities WHERE type = ? AND skey = ?",
            (type, skey),
        ).fetchall()
        return [Candidate(*row) for row in rows]

    def create_entity(self, candidate: Candidate) -> int:
        return self.insert_id(
            "INSERT INTO entities (type, name, key, skey, country, gender, articles) VALUES (?, ?, ?, ?, ?, ?, 0)",
            (candidate.type, candidate.name, candidate.key, candidate.skey, candidate.country, candidate.gender),
        )

    def update_entity(self, candidate: Candidate) -> None:
        self.execute(
            "UPDATE entities SET name = ?, key = ?, country = ?, gender = ? WHERE id = ?",
            (candidate.name, candidate.key, candidate.country, candidate.gender, candidate.id),
        )

    def resolve(self, record: dict[str, Any]) -> dict[str, int]:
        ids = {}
        for entity in record.get("entities", []):
            mention = Mention(entity["type"], entity["name"], entity.get("country"), entity.get("gender"),
                              entity.get("canonical"))
            ids[entity["id"]] = self.resolver.resolve(mention)
        return ids

    # facts

    def insert_facts(self, num: int, record: dict[str, Any], duplicate: bool) -> None:
        from .facts import insert_facts

        insert_facts(self, num, record, duplicate)

    def link_cluster(self, cluster: int, date: str, countries: list[str], participants: list[int],
                     topics: list[str]) -> None:
        from .facts import cluster_links

        for sql, rows in cluster_links(cluster, date, countries, participants, topics).items():
            self.executemany(sql, rows)

    def allocate_cluster(self) -> int:
        """Cluster ids come from the writer (one per transaction start), so a whole article's go in one statement."""
        if self.next_cluster is None:
            self.next_cluster = self.execute("SELECT coalesce(max(id), 0) + 1 FROM clusters").fetchone()[0]
        self.next_cluster += 1
        return self.next_cluster - 1
