"""Read a batch output back as records and load them into the corpus store."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import islice
from typing import Any

from .schema import LISTS, assemble_record
from .spark import join

log = logging.getLogger(__name__)


def read_records(spark: Any, out: str) -> Iterator[dict[str, Any]]:
    """Every record of a batch output, rebuilt from its Parquet tables, streamed to the driver."""
    from pyspark.sql import functions as F

    frame = spark.read.parquet(join(out, "articles"))
    for table in LISTS:
        items = spark.read.parquet(join(out, table))
        columns = [column for column in items.columns if column != "article_id"]
        grouped = items.groupBy("article_id").agg(F.collect_list(F.struct(*columns)).alias(f"_{table}"))
        frame = frame.join(grouped, "article_id", "left")
    for row in frame.toLocalIterator():
        data = row.asDict(recursive=True)
        yield assemble_record(data, {table: data.pop(f"_{table}") or [] for table in LISTS})


def open_target(url: str) -> Any:
    """The corpus store at `url`, checked to accept pre-extracted records."""
    try:
        from ..store import open_store
    except ImportError as error:
        raise RuntimeError(f"--load needs depesha.store.open_store, not available: {error}") from None
    store = open_store(url)
    if not hasattr(store, "ingest_records"):
        raise RuntimeError("--load needs Store.ingest_records(records), not provided by depesha.store")
    return store


def load_records(url: str, records: Iterator[dict[str, Any]], chunk: int = 500) -> int:
    """Ingest records in chunks; the store keys them by article id, so a rerun adds nothing twice."""
    store = open_target(url)
    total = 0
    try:
        while batch := list(islice(records, chunk)):
            store.ingest_records(batch)
            total += len(batch)
            log.info("loaded %d records into %s", total, url)
    finally:
        close = getattr(store, "close", None)
        if close:
            close()
    return total
