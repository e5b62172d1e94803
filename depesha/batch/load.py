"""Read a batch output back as records and load them into the corpus store."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from .schema import LISTS, assemble_record
from .spark import check_run, join

log = logging.getLogger(__name__)


def read_records(spark: Any, out: str) -> Iterator[dict[str, Any]]:
    """Every record of a batch output, rebuilt from its Parquet tables, streamed to the driver.

    Raises:
        RuntimeError: at once (before any record), when a local output is not one finished run (`check_run`).
    """
    if "://" not in out or out.startswith("file://"):
        check_run(out)
    return stream_records(spark, out)


def stream_records(spark: Any, out: str) -> Iterator[dict[str, Any]]:
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
    """The corpus store at `url` (created if missing)."""
    try:
        from ..store import open_store
    except ImportError as error:
        raise RuntimeError(f"--load needs the corpus store (the [store] extra): {error}") from None
    return open_store(url)


def load_records(url: str, records: Iterable[dict[str, Any]], chunk: int = 500) -> Any:
    """Add records to the store, committing every `chunk` articles; returns the store's Summary.

    The store skips an article whose id it has, so loading again after a crash or a rerun adds
    only what is missing: nothing twice, nothing lost.
    """
    from .. import __version__
    from ..store.link import link_followups

    store = open_target(url)
    try:
        with store.writer(batch=chunk, extractor=__version__, bulk=True) as writer:  # as `ingest --bulk`
            summary = writer.add_many(records)
            link_followups(writer)
    finally:
        store.close()
    log.info("loaded into %s: %d stored, %d already there, %d failed", url, summary.stored, summary.skipped,
             summary.failed)
    return summary
