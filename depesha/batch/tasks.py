"""Executor-side work: extract a partition of articles into tagged rows of the output tables.

The natasha models load once per Python worker process: `depesha.make_pipeline()` is cached
per process, and Spark reuses its Python workers across tasks (`spark.python.worker.reuse`).
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterable, Iterator
from typing import Any

from ..api import extract_doc, make_pipeline
from ..read.text import cyrillic_score
from .io import Item
from .schema import flatten_record

# Each output row is (kind, payload): kind is a table name ("articles", "entities", ...),
# "skipped", "jsonl" (one record as a JSON line) or "stat" (one per partition).
RUSSIAN = 0.3   # share of Cyrillic letters below which `russian_only` skips an article
KINDS = ["articles", "entities", "positions", "events", "failures", "skipped", "jsonl", "stat"]


def peak_rss_mb() -> float:
    """High-water mark of this process's resident memory (Linux), in MB; 0 elsewhere."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0][:300] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def extract_items(items: Iterable[Item], jsonl: bool = False, russian_only: bool = False) -> Iterator[tuple[str, Any]]:
    """Read items -> (kind, row); a failing article becomes a `failures` row, never an exception."""
    started, cpu = time.perf_counter(), time.process_time()
    misses = make_pipeline.cache_info().misses
    load_seconds = 0.0
    pipeline = None
    articles = 0
    for kind, input_id, payload in items:
        if kind == "failure":
            yield ("failures", (input_id, "read", payload))
            continue
        if kind == "skipped":
            yield ("skipped", (input_id, "skip", payload))
            continue
        if russian_only and cyrillic_score(payload.text[:3000]) < RUSSIAN:
            yield ("skipped", (input_id, "skip", "not Russian"))
            continue
        if pipeline is None:
            load_started = time.perf_counter()
            pipeline = make_pipeline()
            load_seconds = time.perf_counter() - load_started
        try:
            record = extract_doc(payload, pipeline).as_record()
            rows = flatten_record(record, input_id)
            line = json.dumps(record, ensure_ascii=False) if jsonl else None
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the job
            yield ("failures", (input_id, "extract", describe(error)))
            continue
        articles += 1
        for table, table_rows in rows.items():
            for row in table_rows:
                yield (table, row)
        if line is not None:
            yield ("jsonl", line)
    loads = make_pipeline.cache_info().misses - misses
    stat = (os.getpid(), socket.gethostname(), loads, load_seconds, time.perf_counter() - started,
            time.process_time() - cpu, articles, peak_rss_mb())
    yield ("stat", stat)


def tag_rows(rows: Iterable[tuple[str, Any]]) -> Iterator[tuple]:
    """(kind, payload) -> one wide row: `kind` plus one column per kind, only its own set."""
    width = len(KINDS)
    for kind, payload in rows:
        row: list[Any] = [None] * (width + 1)
        row[0] = kind
        row[KINDS.index(kind) + 1] = payload
        yield tuple(row)


def extract_partition(items: Iterable[Item], jsonl: bool = False, russian_only: bool = False) -> Iterator[tuple]:
    """The `mapPartitions` function of the extraction stage."""
    return tag_rows(extract_items(items, jsonl, russian_only))
