"""One writer at a time on an SQLite file: an exclusive lock on `<file>.lock`, waited for with a message."""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from depesha.errors import StoreError

log = logging.getLogger("depesha.store")
POLL_SECONDS = 0.2
held: dict[str, tuple[int, int]] = {}   # lock path -> (file descriptor, depth): a process takes its own lock again
guard = threading.Lock()


def lock_path(database: str) -> str:
    return str(Path(database).resolve()) + ".lock"


def try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def acquire(database: str, timeout: float | None = None) -> str:
    """Take the writer lock of an SQLite file, waiting for another process's writer (with a log line) up to `timeout`
    seconds (None: as long as it takes). Returns the lock's path for `release`.

    Raises:
        StoreError: the lock file cannot be opened, or another writer held it past the timeout.
    """
    path = lock_path(database)
    with guard:
        if path in held:
            fd, depth = held[path]
            held[path] = (fd, depth + 1)
            return path
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(f"cannot open the writer lock {path}: {error.strerror}") from error
        if not try_lock(fd):
            log.warning("%s: another depesha process is writing to this store; waiting for it to finish", database)
            start = time.monotonic()
            while not try_lock(fd):
                if timeout is not None and time.monotonic() - start > timeout:
                    os.close(fd)
                    raise StoreError(f"{database}: another depesha process is writing to this store; "
                                     f"gave up after {timeout:g} s")
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        held[path] = (fd, 1)
        return path


def release(path: str) -> None:
    """Give back a lock taken by `acquire` (the file stays: deleting it would let two processes lock two files)."""
    with guard:
        fd, depth = held[path]
        if depth > 1:
            held[path] = (fd, depth - 1)
            return
        del held[path]
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextmanager
def writer_lock(database: str, timeout: float | None = None) -> Iterator[None]:
    path = acquire(database, timeout)
    try:
        yield
    finally:
        release(path)
