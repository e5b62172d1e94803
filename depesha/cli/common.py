"""Shared CLI pieces: input options, progress bars on a terminal, the success/failure summary."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import ReadError
from ..stages import env_int

if TYPE_CHECKING:
    from ..doc import Article
    from ..pipeline import Pipeline

log = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_MAX_BYTES = env_int("DEPESHA_MAX_BYTES", 1_000_000)


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"skip articles larger than this (default {DEFAULT_MAX_BYTES:,}; env DEPESHA_MAX_BYTES)")


def progress(items: Iterable[T], desc: str, total: int | None = None) -> Iterator[T]:
    """A tqdm bar on stderr when it is a terminal; the items are passed on one by one, never held in a list."""
    if sys.stderr.isatty():
        try:
            from tqdm import tqdm

            yield from tqdm(items, desc=desc, total=total, unit="doc")
            return
        except ImportError:
            pass
    yield from items


def printable(text: str) -> str:
    """`text` with control characters escaped: a file named with a newline or a terminal escape code prints as
    one harmless line ("a\\x1b[31m.txt")."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def error_line(source: str, reason: str) -> str:
    """The one line that reports a skipped input: `error: SOURCE: REASON`, control characters escaped."""
    return f"error: {printable(source)}: {printable(reason)}"


@dataclass
class Summary:
    """Counts of successes and failures; prints each failure as one line naming the input."""

    ok: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def fail(self, source: str, reason: str) -> None:
        self.failures.append((source, reason))
        print(error_line(source, reason), file=sys.stderr)

    def report(self) -> int:
        """Print the summary line (not for one clean input); exit code 1 when anything failed or nothing was read."""
        if self.failures or self.ok != 1:
            print(f"depesha: {self.ok} ok, {len(self.failures)} failed", file=sys.stderr)
        return 1 if self.failures or self.ok == 0 else 0


def extract_record(article: Article, pipeline: Pipeline, fail: Callable[[str, str], None]) -> dict[str, Any] | None:
    """The record of one article, or None after reporting the failure: one bad article must not stop a run."""
    from .. import extract_doc

    try:
        return extract_doc(article, pipeline).as_record()
    except ReadError as error:  # a text the pipeline refuses to read (too long): the reader's one-line error
        fail(article.source or "?", error.reason)
        return None
    except Exception as error:  # noqa: BLE001 - reported through `fail`, the run goes on
        log.debug("extraction failed", exc_info=True)
        fail(article.source or "?", f"extraction failed: {type(error).__name__}: {error}")
        return None
