"""Walk paths (files, directories, `-` for stdin) and yield Articles or Failures."""

from __future__ import annotations

import bz2
import gzip
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from ..doc import Article
from ..errors import ReadError
from .jsonl import parse_jsonl_line
from .text import parse_text_bytes

log = logging.getLogger(__name__)
SKIP_SUFFIXES = {".json", ".py", ".md", ".pyc", ".parquet", ".db", ".sqlite"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class Failure:
    """An input that could not be read: which one and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories recursively (sorted, hidden files skipped)."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(name for name in dirs if not name.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() not in SKIP_SUFFIXES:
                        yield os.path.join(root, name)
        else:
            yield path


def open_stream(path: str) -> IO[bytes]:
    """`path` opened for reading bytes, decompressed when it ends in .gz or .bz2; `-` is standard input."""
    if path == "-":
        return sys.stdin.buffer
    if path.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))   # GzipFile and BZ2File are binary file objects
    if path.endswith(".bz2"):
        return cast(IO[bytes], bz2.open(path, "rb"))
    return open(path, "rb")


def open_bytes(path: str, limit: int | None = None) -> bytes:
    """The (decompressed) bytes, at most `limit` of them: a tiny .bz2 that inflates to gigabytes, /dev/zero or an
    endless pipe is cut, and the caller reports it too large."""
    if path == "-":
        return sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit)
    with open_stream(path) as file:
        return file.read() if limit is None else file.read(limit)


def jsonl_lines(path: str, max_bytes: int) -> Iterator[tuple[int, str | None]]:
    """(line number, text) of a JSONL input read line by line (a feed of any size in bounded memory); a line over
    `max_bytes` is (number, None) and skipped to its end."""
    stream = sys.stdin.buffer if path == "-" else open_stream(path)
    try:
        number = 0
        while True:
            line = stream.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]                   # a UTF-8 byte order mark (Windows editors) before the first line
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while True:                       # the rest of the overlong line, read and dropped in pieces
                    rest = stream.readline(max_bytes + 1)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield number, None
                continue
            yield number, line.decode("utf-8", "replace")
    finally:
        if path != "-":
            stream.close()


def is_jsonl(path: str) -> bool:
    name = path[:-3] if path.endswith(".gz") else path[:-4] if path.endswith(".bz2") else path
    return Path(name).suffix.lower() in JSONL_SUFFIXES


def load_jsonl(path: str, max_bytes: int) -> Iterator[Article | Failure]:
    for number, line in jsonl_lines(path, max_bytes):
        source = f"{path}:{number}"
        if line is None:
            yield Failure(source, f"too large: a line over the limit of {max_bytes:,} bytes")
            continue
        if not line.strip():
            continue
        try:
            yield parse_jsonl_line(line, source, max_bytes)
        except ReadError as error:
            yield Failure(source, error.reason)


def special_kind(path: str) -> str | None:
    """'a FIFO', 'a socket', 'a device' for a file that is not regular (reading a FIFO would wait forever); None for
    a regular file or one that cannot be stat'ed (its reader says why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"


def load_path(path: str, max_bytes: int) -> Iterator[Article | Failure]:
    """The articles of one input; whatever cannot be read comes as a Failure naming it."""
    source = "<stdin>" if path == "-" else path
    try:
        yield from read_path(path, source, max_bytes)
    except ReadError as error:
        yield Failure(error.source, error.reason)
    except (OSError, EOFError) as error:                # e.g. a .gz that is damaged past its first lines
        yield Failure(source, f"cannot read: {error}")
    except Exception as error:  # noqa: BLE001 - a parser's crash on hostile input ends this input, not the run
        log.debug("reading %s failed", source, exc_info=True)
        yield Failure(source, f"cannot read: {type(error).__name__}: {first_line(error)}")


def first_line(error: Exception) -> str:
    """The first line of an error's message (its type's name when it has none), control characters as "?"."""
    text = str(error).strip() or type(error).__name__
    return re.sub(r"[\x00-\x1f\x7f]", "?", text.splitlines()[0][:200])


def read_path(path: str, source: str, max_bytes: int) -> Iterator[Article | Failure]:
    if path.lower().endswith((".warc", ".warc.gz")):   # streamed record by record, any size
        try:
            from .warc import load_warc
        except ImportError:
            yield Failure(source, "WARC input needs the [warc] extra")
            return
        yield from load_warc(path, max_bytes)
        return
    try:
        if path != "-" and os.path.getsize(path) > max_bytes * 50 and not is_jsonl(path):
            raise ReadError(source, f"too large: {os.path.getsize(path):,} bytes over the limit of {max_bytes:,}")
        if is_jsonl(path):
            if path != "-" and not os.path.exists(path):
                raise FileNotFoundError(path)
            yield from load_jsonl(path, max_bytes)
            return
        data = open_bytes(path, max_bytes + 1)
    except FileNotFoundError:
        yield Failure(source, "no such file")
        return
    yield parse_text_bytes(data, source, max_bytes)


def load_articles(paths: Iterable[str], max_bytes: int = 1_000_000) -> Iterator[Article | Failure]:
    """Every article found under `paths`, in order; unreadable inputs come as Failures. A FIFO, socket or device
    found in a directory is skipped (named as a Failure); one named on the command line is read up to the limit."""
    for path in paths:
        walked = path != "-" and os.path.isdir(path)
        for name in iter_paths([path]):
            kind = special_kind(name) if walked else None
            if kind:
                yield Failure(name, f"not a regular file ({kind}): skipped")
            else:
                yield from load_path(name, max_bytes)
