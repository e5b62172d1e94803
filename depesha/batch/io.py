"""Batch inputs: list files on the driver, read them record by record on the executors."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from typing import IO

from ..doc import Article
from ..errors import ReadError
from ..read import parse_jsonl_line, parse_text_bytes
from ..read.files import is_jsonl, iter_paths, open_stream

JSONL = "jsonl"
WARC = "warc"
TEXT = "text"
MISSING = "missing"

# An item read from an input, shipped from the reading tasks to the extraction tasks:
#   ("article", input_id, Article) | ("failure", input_id, reason) | ("skipped", input_id, reason)
Item = tuple


# LIST (driver)


def input_kind(path: str) -> str:
    if not os.path.exists(path):
        return MISSING
    if path.lower().endswith((".warc", ".warc.gz")):
        return WARC
    return JSONL if is_jsonl(path) else TEXT


def list_inputs(paths: Iterable[str]) -> list[tuple[str, str]]:
    """(path, kind) of every file under `paths`, directories expanded in sorted order."""
    return [(path, input_kind(path)) for path in iter_paths(paths)]


# READ (executors)


def open_text(path: str) -> IO[str]:
    return io.TextIOWrapper(open_stream(path), encoding="utf-8", errors="replace", newline="\n")


def read_jsonl(path: str, max_bytes: int, russian_only: bool = False) -> Iterator[Item]:
    """One item per non-blank line, streamed (files of any size); ids are `path:line`."""
    empty = True
    with open_text(path) as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            empty = False
            input_id = f"{path}:{number}"
            try:
                yield ("article", input_id, parse_jsonl_line(line, input_id, max_bytes))
            except ReadError as error:
                yield ("failure", input_id, error.reason)
    if empty:
        yield ("skipped", path, "empty file")


def read_warc(path: str, max_bytes: int, russian_only: bool = False) -> Iterator[Item]:
    from ..read.warc import load_warc, looks_russian

    empty = True
    for item in load_warc(path, max_bytes, looks_russian if russian_only else None):
        empty = False
        if isinstance(item, Article):
            yield ("article", item.source, item)
        else:
            yield ("failure", item.source, item.reason)
    if empty:
        yield ("skipped", path, "no article records")


def read_text(path: str, max_bytes: int, russian_only: bool = False) -> Iterator[Item]:
    with open(path, "rb") as file:
        data = file.read(max_bytes + 1)
    if not data.strip():
        yield ("skipped", path, "empty file")
        return
    try:
        yield ("article", path, parse_text_bytes(data, path, max_bytes))
    except ReadError as error:
        yield ("failure", path, error.reason)


READERS = {JSONL: read_jsonl, WARC: read_warc, TEXT: read_text}


def read_input(path: str, kind: str, max_bytes: int = 1_000_000, russian_only: bool = False) -> Iterator[Item]:
    """Items of one input file; never raises for a bad file, it becomes a failure item.

    With `russian_only`, WARC pages that are clearly not Russian are passed over before HTML
    extraction (the extraction stage checks every article again and counts it as skipped).
    """
    if kind == MISSING:
        yield ("failure", path, "no such file")
        return
    try:
        yield from READERS[kind](path, max_bytes, russian_only)
    except (OSError, EOFError, ValueError, io.UnsupportedOperation) as error:
        yield ("failure", path, f"cannot read: {type(error).__name__}: {error}")
