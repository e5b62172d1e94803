"""Walk paths (files, directories, `-` for stdin) and yield Articles or Failures."""

from __future__ import annotations

import bz2
import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from ..doc import Article
from ..errors import ReadError
from .jsonl import parse_jsonl_line
from .text import parse_text_bytes

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


def load_path(path: str, max_bytes: int) -> Iterator[Article | Failure]:
    source = "<stdin>" if path == "-" else path
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
    except (OSError, EOFError) as error:
        yield Failure(source, f"cannot read: {error}")
        return
    except ReadError as error:
        yield Failure(source, error.reason)
        return
    try:
        yield parse_text_bytes(data, source, max_bytes)
    except ReadError as error:
        yield Failure(source, error.reason)


def load_articles(paths: Iterable[str], max_bytes: int = 1_000_000) -> Iterator[Article | Failure]:
    """Every article found under `paths`, in order; unreadable inputs come as Failures."""
    for path in iter_paths(paths):
        yield from load_path(path, max_bytes)
