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
Token = tuple[str, int]                  # (lock path, thread id): what `release` gives back
held: dict[Token, tuple[int, int]] = {}  # -> (file descriptor, depth): a thread takes its own lock again
guard = threading.Lock()                 # guards `held` only, never held while waiting


def lock_path(database: str) -> str:
    return str(Path(database).resolve()) + ".lock"


def try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def acquire(database: str, timeout: float | None = None) -> Token:
    """Take the writer lock of an SQLite file, waiting for another writer (another process, or another thread of this
    one) with a log line, up to `timeout` seconds (None: as long as it takes). Returns the token for `release`.

    Raises:
        StoreError: the lock file cannot be opened, or another writer held it past the timeout.
    """
    token = (lock_path(database), threading.get_ident())
    with guard:
        if token in held:
            fd, depth = held[token]
            held[token] = (fd, depth + 1)
            return token
    try:
        fd = os.open(token[0], os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreError(f"cannot open the writer lock {token[0]}: {error.strerror}") from error
    try:
        if not try_lock(fd):
            log.warning("%s: another depesha process is writing to this store; waiting for it to finish", database)
            start = time.monotonic()
            while not try_lock(fd):
                if timeout is not None and time.monotonic() - start > timeout:
                    raise StoreError(f"{database}: another depesha process is writing to this store; "
                                     f"gave up after {timeout:g} s")
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except BaseException:
        os.close(fd)      # closing the descriptor also drops a flock taken on it
        raise
    with guard:
        held[token] = (fd, 1)
    return token


def release(token: Token) -> None:
    """Give back a lock taken by `acquire` (the file stays: deleting it would let two processes lock two files)."""
    with guard:
        fd, depth = held[token]
        if depth > 1:
            held[token] = (fd, depth - 1)
            return
        del held[token]
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


@contextmanager
def writer_lock(database: str, timeout: float | None = None) -> Iterator[None]:
    token = acquire(database, timeout)
    try:
        yield
    finally:
        release(token)
