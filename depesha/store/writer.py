"""The one write connection: stores records atomically, resolves entities, links duplicates and events."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from depesha.corpus import dedup
from depesha.corpus.resolve import Candidate, Mention, Resolver

from . import apply, lock
from .apply import Applier
from .memory import MemoryIndex
from .prepare import Item, Prepared, check_record, prepare, prepare_all, raw_hash
from .store import CACHE_KB

__all__ = ["Outcome", "Summary", "Writer", "check_record", "raw_hash"]

log = logging.getLogger(__name__)
BULK_CACHE_KB = 262_144   # SQLite page cache of a bulk writer (256 MB; 64 MB otherwise)
BULK_CHECKPOINT_PAGES = 262_144   # its write-ahead log is copied into the file every 1 GB, not every 4 MB
FREEZE_EVERY = 1000   # articles
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


ARTICLE_COLUMNS = ("id, source, published, title, url, path, agency, attribution, dateline_place, dateline_date,"
                   " language, text, raw, raw_hash, record, extractor, ingested_at, dup_of, similarity, minhash")
ARTICLE_MARKS = ", ".join("?" * len(ARTICLE_COLUMNS.split(",")))
INSERT_LSH = "INSERT INTO lsh (key, article) VALUES (?, ?)"
INSERT_ENTITY = ("INSERT INTO entities (id, type, name, key, skey, country, gender, articles)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, 0)")
UPDATE_NAME = "UPDATE entities SET name = ?, key = ?, country = ?, gender = ? WHERE id = ?"


def today(clock: list[Any] = [0, ""]) -> str:  # noqa: B006 -- the last second and its text, formatted once
    """The ingest time, to the second (UTC)."""
    now = int(time.time())
    if now != clock[0]:
        clock[:] = [now, dt.datetime.fromtimestamp(now, dt.timezone.utc).isoformat(timespec="seconds")]
    return str(clock[1])


# WRITER


class Writer:
    """Adds records in transactions of `batch` articles; never leaves half an article behind.

    `bulk=True` holds the indexes ingest reads (stored ids, LSH bands, clusters, entity ids) in memory and writes
    every row in one statement per table at commit: the same store, faster, at the cost of memory. `parallel`
    (default: with `bulk` on a machine of 2 cores or more) also checks and hashes JSONL lines in a worker process and,
    on an SQLite file, applies each batch's SQL in a child process (depesha.store.apply) while the next one is built.
    """

    def __init__(self, store: Any, batch: int = 1, extractor: str | None = None, bulk: bool = False,
                 parallel: bool | None = None, wait: float | None = None):
        self.store, self.batch, self.extractor, self.bulk = store, batch, extractor, bulk
        database = store.engine.url.database if store.dialect == "sqlite" else None
        # another process's writer is waited for (`wait` seconds at most): its entities are not in our indexes
        self.file_lock = lock.acquire(database, wait) if database and database != ":memory:" else None
        try:
            self.start(store, bulk, parallel)
        except BaseException:  # a writer that failed to start gives the lock back
            if self.file_lock is not None:
                lock.release(self.file_lock)
            raise

    def start(self, store: Any, bulk: bool, parallel: bool | None) -> None:
        self.parallel = bulk and ((os.cpu_count() or 1) >= 2 if parallel is None else parallel)
        self.memory: MemoryIndex | None = None
        self.applier: Applier | None = None
        self.new_entities: dict[int, Candidate] = {}   # created in this batch (applier: inserted at its end)
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
        self.sightings: dict[int, list[Any]] = {}    # entity -> [articles, first seen, last seen] of this batch
        self.known_sectors: set[int] = set()
        if self.pg:
            self.execute("SELECT pg_advisory_lock(?)", (PG_LOCK,))
            self.raw.commit()
        elif bulk:  # a bulk load touches every index of a large file: keep more of it in memory, and copy the
            pragmas = {"cache_size": -BULK_CACHE_KB, "wal_autocheckpoint": BULK_CHECKPOINT_PAGES}  # write-ahead log
            path = store.engine.url.database                                                    # once, at the end
            if self.parallel and path and path != ":memory:" and apply.available():
                self.applier = Applier(path, pragmas)
            self.pragmas(**pragmas)  # with a writer process: for the reads and the follow-up pass after the load

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

    def seen(self, entities: Iterable[int], date: str) -> None:
        """Count an article for each entity and widen its first/last seen dates (one UPDATE per entity at commit)."""
        for entity in entities:
            counts = self.sightings.get(entity)
            if counts is None:
                self.sightings[entity] = [1, date, date]
            else:
                counts[0] += 1
                counts[1], counts[2] = min(counts[1], date), max(counts[2], date)

    def update(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """Rows of an UPDATE: run now, or at commit when a child process applies the SQL."""
        if self.applier is not None:
            self.defer(sql, rows)
        else:
            self.executemany(sql, rows)

    def take(self) -> list[tuple[str, list[tuple[Any, ...]]]]:
        """The batch's deferred statements in the order they must run (new entities first, their counts last)."""
        from .facts import UPDATE_ENTITY

        deferred, self.deferred = self.deferred, {}
        sightings, self.sightings = self.sightings, {}
        created, self.new_entities = self.new_entities, {}
        batch: list[tuple[str, list[tuple[Any, ...]]]] = [(INSERT_ENTITY, [
            (c.id, c.type, c.name, c.key, c.skey, c.country, c.gender) for c in created.values()])] if created else []
        batch += deferred.items()
        batch.append((UPDATE_ENTITY, [(count, first, first, last, last, entity)
                                      for entity, (count, first, last) in sorted(sightings.items())]))
        return [(sql, rows) for sql, rows in batch if rows]

    def flush(self) -> None:
        for sql, rows in self.take():
            self.executemany(sql, rows)

    def insert_id(self, sql: str, params: Iterable[Any]) -> int:
        return self.execute(sql + " RETURNING id", params).fetchone()[0]

    # transactions

    def pragmas(self, **values: int) -> None:
        """Set SQLite pragmas on the write connection (their answers read, so no statement stays open)."""
        for name, value in values.items():
            self.execute(f"PRAGMA {name}={value}").fetchall()

    def begin(self) -> None:
        if not self.in_transaction:
            if not self.pg and self.applier is None:  # psycopg opens the transaction itself; the child its own
                self.execute("BEGIN IMMEDIATE")
            self.in_transaction, self.next_cluster = True, None

    def commit(self) -> None:
        """Commit what was added; when a child applies the SQL, wait until it has."""
        self.end_batch()
        if self.applier is not None:
            self.applier.wait()

    def end_batch(self) -> None:
        """Commit the batch, or hand it to the child process that applies it (without waiting)."""
        if self.in_transaction and self.applier is not None:
            self.applier.send(self.take())
            self.in_transaction, self.pending = False, 0
        elif self.in_transaction:
            self.flush()
            if self.pg and self.memory is not None:  # nums were given by the index, not by the sequence
                self.execute("SELECT setval(pg_get_serial_sequence('articles', 'num'),"
                             " (SELECT coalesce(max(num), 0) + 1 FROM articles), false)")
            self.execute("COMMIT") if not self.pg else self.raw.commit()
            self.in_transaction, self.pending = False, 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction of this connection's own statements (a pass over the store after a load), also when
        a writer process applies the batches: those are committed first."""
        self.commit()
        if not self.pg:
            self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.execute("ROLLBACK") if not self.pg else self.raw.rollback()
            raise
        self.execute("COMMIT") if not self.pg else self.raw.commit()

    def rollback(self) -> None:
        self.deferred, self.sightings, self.new_entities = {}, {}, {}
        if self.applier is not None:
            self.in_transaction, self.pending = False, 0
            try:
                self.applier.wait()
            except Exception as error:  # the error being handled is the one to report
                log.error("%s", error)
        elif self.in_transaction:
            self.execute("ROLLBACK") if not self.pg else self.raw.rollback()
            self.in_transaction, self.pending = False, 0
        self.memory = None     # it may hold rows that were not committed: read again from the store
        self.resolver.clear()  # it may have cached entities that were not committed
        self.known_sectors.clear()

    def close(self) -> None:
        """Commit, close the connection and give back the writer lock (even when the commit fails)."""
        try:
            self.finish()
        finally:
            if self.file_lock is not None:
                lock.release(self.file_lock)
                self.file_lock = None

    def finish(self) -> None:
        try:
            self.commit()
        finally:
            if self.bulk:
                gc.unfreeze()
            if self.applier is not None:
                self.applier.close()
        if self.pg and self.memory is not None:  # a bulk load changes the tables' sizes: fresh planner statistics
            self.execute("ANALYZE")
            self.raw.commit()
        elif self.bulk and not self.pg:
            if self.applier is None:  # else the writer process copied the write-ahead log into the file
                self.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            self.pragmas(cache_size=-CACHE_KB, wal_autocheckpoint=1000)  # the connection goes back to the pool
        self.applier = None
        if self.pg:
            self.execute("SELECT pg_advisory_unlock(?)", (PG_LOCK,))
            self.raw.commit()
        self.raw.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: Any, *rest: Any) -> None:
        try:
            if kind is not None:
                self.rollback()
        finally:
            self.close()

    def index(self) -> MemoryIndex | None:
        """The in-memory indexes in bulk mode (read from the store on first use), else None."""
        if self.bulk and self.memory is None:
            self.memory = MemoryIndex.load(lambda sql: self.execute(sql).fetchall())
        return self.memory

    # records

    def add(self, record: dict[str, Any], raw: str | None = None) -> Outcome:
        """Store one record (or skip it if its article is stored); commits every `batch` articles.

        Raises:
            StoreError: the record breaks provenance; nothing of it is stored.
        """
        return self.add_prepared(prepare(record, raw, lemmas=not self.pg))

    def add_prepared(self, prepared: Prepared) -> Outcome:
        """Store a record checked and hashed by `prepare`."""
        article = prepared.record["article"]
        self.begin()
        try:
            index = self.index()
            if index is not None:
                found = index.nums.get(article["id"])
            else:
                row = self.execute("SELECT num FROM articles WHERE id = ?", (article["id"],)).fetchone()
                found = row[0] if row else None
            if found is not None:
                return Outcome(article["id"], "skipped", found)
            outcome = self.insert_article(prepared)
            self.insert_facts(outcome.num or 0, prepared.record, duplicate=outcome.dup_of is not None)
        except BaseException:
            self.rollback()
            raise
        self.pending += 1
        if self.bulk and self.pending % FREEZE_EVERY == 0:
            # what outlives an article (the in-memory indexes) is kept out of the garbage collector's full passes,
            # which would otherwise walk all of it again and again as it grows (undone in `close`)
            gc.freeze()
        if self.pending >= self.batch:
            self.end_batch()
        return outcome

    def has_raw(self, raw: str) -> bool:
        """Whether this input was stored before (checked before spending time on extraction)."""
        return self.execute("SELECT 1 FROM articles WHERE raw_hash = ?", (raw_hash(raw),)).fetchone() is not None

    def add_many(self, records: Iterable[dict[str, Any]], summary: Summary | None = None) -> Summary:
        """Store records; one that fails its checks is counted and skipped."""
        return self.add_all(((record, None, f"record {number}") for number, record in enumerate(records, 1)), summary)

    def add_all(self, items: Iterable[Item], summary: Summary | None = None,
                progress: Callable[[int, Summary], None] | None = None) -> Summary:
        """Store (record or JSONL line, raw input, source) items; one that fails its checks is counted and skipped."""
        summary = summary or Summary()
        workers = 1 if self.parallel else 0
        for number, prepared in enumerate(prepare_all(items, lemmas=not self.pg, workers=workers), 1):
            if isinstance(prepared, Prepared):
                summary.add(self.add_prepared(prepared))
            else:
                summary.fail(prepared.source, prepared.reason)
            if progress:
                progress(number, summary)
        self.commit()
        if self.applier is not None:  # the load is in the write-ahead log: copy it into the file now, or every read
            self.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # of this connection (the follow-up
        return summary                                                  # pass) looks each page up there first

    def insert_article(self, prepared: Prepared) -> Outcome:
        record, raw, minhash, keys = prepared.record, prepared.raw, prepared.minhash, prepared.keys
        article, dateline = record["article"], record["article"].get("dateline") or {}
        dup_num, dup_id, similarity = self.find_duplicate(dedup.load_minhash(minhash), keys)
        values = (article["id"], article.get("source"), article.get("published"), article.get("title"),
                  article.get("url"), article.get("path"), dateline.get("agency"), article.get("attribution"),
                  dateline.get("place"), dateline.get("date"), article.get("language"), article["text"], raw,
                  raw_hash(raw) if raw is not None else None, prepared.stored,
                  self.extractor, today(), dup_num, similarity, minhash)
        if self.memory is not None:
            num = self.memory.next_num
            self.defer(f"INSERT INTO articles (num, {ARTICLE_COLUMNS}) VALUES (?, {ARTICLE_MARKS})", [(num, *values)])
            self.memory.add_article(num, article["id"], minhash, dup_num, keys)
            self.defer(INSERT_LSH, [(key, num) for key in keys])
        else:
            num = self.execute(f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({ARTICLE_MARKS}) RETURNING num",
                               values).fetchone()[0]
            self.executemany(INSERT_LSH, [(key, num) for key in keys])
        if prepared.lemmas is not None:
            self.defer("INSERT INTO article_fts (rowid, lemmas) VALUES (?, ?)", [(num, prepared.lemmas)])
        return Outcome(article["id"], "stored", num, dup_id)

    def find_duplicate(self, signature: Any, keys: list[int]) -> tuple[int | None, str | None, float | None]:
        if self.memory is not None:
            rows = self.memory.duplicate_candidates(keys, dedup.MIN_BANDS, dedup.MAX_CANDIDATES)
        else:
            marks = ", ".join("?" * len(keys))
            rows = self.execute(
                f"SELECT a.num, a.minhash, a.dup_of FROM (SELECT article FROM lsh WHERE key IN ({marks})"
                f" GROUP BY article HAVING count(*) >= ? ORDER BY count(*) DESC, article LIMIT ?) k"
                f" JOIN articles a ON a.num = k.article", [*keys, dedup.MIN_BANDS, dedup.MAX_CANDIDATES],
            ).fetchall()
        if not rows:
            return None, None, None
        values = dedup.similarities(signature, [bytes(row[1]) for row in rows])
        index = int(values.argmax())
        if values[index] < dedup.THRESHOLD:
            return None, None, None
        first = rows[index][2] or rows[index][0]  # the first publication, not another copy
        if self.memory is not None:
            id = self.memory.articles[first][0]
        else:
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
        if self.applier is not None and self.memory is not None:  # its row goes with the batch
            candidate.id = self.memory.next_entity
            self.memory.next_entity += 1
            self.new_entities[candidate.id] = candidate
            return candidate.id
        return self.insert_id(
            "INSERT INTO entities (type, name, key, skey, country, gender, articles) VALUES (?, ?, ?, ?, ?, ?, 0)",
            (candidate.type, candidate.name, candidate.key, candidate.skey, candidate.country, candidate.gender),
        )

    def update_entity(self, candidate: Candidate) -> None:
        if candidate.id in self.new_entities:  # its row is not written yet and will be written as it is now
            return
        if self.applier is not None:
            self.defer(UPDATE_NAME, [(candidate.name, candidate.key, candidate.country, candidate.gender, candidate.id)])
            return
        self.execute(UPDATE_NAME, (candidate.name, candidate.key, candidate.country, candidate.gender, candidate.id))

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
        if self.memory is not None:
            self.memory.next_cluster += 1
            return self.memory.next_cluster - 1
        if self.next_cluster is None:
            self.next_cluster = self.execute("SELECT coalesce(max(id), 0) + 1 FROM clusters").fetchone()[0]
        self.next_cluster += 1
        return self.next_cluster - 1
