"""A bulk load's SQL, applied to the SQLite file by a child process while the parent prepares the next batch."""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import sqlite3
import sys
from typing import Any

from depesha.errors import StoreError

from . import schema
from .prepare import yield_to_parent

log = logging.getLogger(__name__)

Batch = list[tuple[str, list[tuple[Any, ...]]]]   # (statement, rows) in the order they must run
PR_SET_PDEATHSIG = 1
SORTED = tuple(f"INSERT INTO {table.name} " for table in schema.metadata.tables.values()   # keyed tables
               if table.dialect_options["sqlite"].get("with_rowid") is False)               # without a rowid


def available() -> bool:
    """A child can be tied to its parent's life (Linux) and forked cheaply."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def die_with_parent(parent: int) -> None:
    """The kernel kills this process when its parent dies (`kill -9` of an ingest): an unfinished transaction is
    then simply not committed, and no orphan writes behind the back of the next run."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def serve(path: str, pragmas: dict[str, int], channel: Any, parent: int) -> None:
    """The child: apply each received batch in one transaction, answer None or the error; None received: stop."""
    die_with_parent(parent)
    yield_to_parent()  # lower priority; Ctrl-C is the parent's, so the batch in flight finishes
    gc.freeze()  # the parent's objects it inherited are never collected here (no copy-on-write of the heap)
    db = sqlite3.connect(path, isolation_level=None, timeout=60)
    for name, value in {"busy_timeout": 60000, "synchronous": 1, "temp_store": 2, **pragmas}.items():
        db.execute(f"PRAGMA {name}={value}").fetchall()
    while True:
        try:
            batch = channel.recv()
        except EOFError:  # the parent is gone
            return
        if batch is None:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            db.close()
            channel.send(None)
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            for sql, rows in batch:
                if sql.startswith(SORTED):  # keyed tables without rowid: rows in key order touch each page once
                    rows.sort()
                db.executemany(sql, rows)
            db.execute("COMMIT")
            channel.send(None)
        except Exception as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            channel.send(f"{type(error).__name__}: {error}")


class Applier:
    """The parent's handle on the child: one batch in flight at most; `wait` raises what the child reported."""

    def __init__(self, path: str, pragmas: dict[str, int]):
        context = multiprocessing.get_context("fork")
        self.channel, child = context.Pipe()
        self.process = context.Process(target=serve, args=(path, pragmas, child, os.getpid()), daemon=True,
                                       name="depesha-apply")
        self.process.start()
        child.close()
        self.busy = False

    def send(self, batch: Batch) -> None:
        """Hand over a batch (after the previous one is committed)."""
        self.wait()
        self.channel.send(batch)
        self.busy = True

    def wait(self) -> None:
        """Block until the batch in flight is committed.

        Raises:
            StoreError: the child rolled it back (the error it reported) or died.
        """
        if not self.busy:
            return
        self.busy = False
        try:
            answer = self.channel.recv()
        except EOFError:
            raise StoreError(f"the bulk writer process died (exit code {self.process.exitcode})") from None
        if answer is not None:
            raise StoreError(f"bulk write failed, the batch was rolled back: {answer}")

    def close(self) -> None:
        """Wait for the last batch, let the child copy the write-ahead log into the file, and stop it."""
        try:
            self.wait()
        finally:
            if self.process.is_alive():
                self.channel.send(None)
                try:
                    self.channel.recv()
                except EOFError:
                    log.warning("the bulk writer process ended early")
            self.process.join()
            self.channel.close()
