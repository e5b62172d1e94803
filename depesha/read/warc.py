"""WARC archives (e.g. CC-NEWS): HTML responses become Articles with the record's URL and date."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import IO, Any

from ..doc import Article
from ..errors import ReadError
from .files import Failure, first_line
from .html import parse_html
from .text import cyrillic_score, decode_bytes, looks_like_html, parse_text

try:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    HAS_WARCIO = True
except ImportError:  # pragma: no cover - the [warc] extra is missing
    HAS_WARCIO = False

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
NOISE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
TAG = re.compile(r"<[^>]*>")
CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


Keep = Callable[[str], bool]


# RECORD


def looks_russian(page: str, share: float = 0.15) -> bool:
    """Cheap test on a raw page: Cyrillic letters among the letters outside tags, scripts and styles."""
    visible = TAG.sub(" ", NOISE.sub(" ", page[:200_000]))
    return cyrillic_score(visible) >= share


def record_meta(record: Any) -> tuple[str | None, str | None]:
    """URL and WARC-Date (the crawl time, ISO 8601) of a record."""
    headers = record.rec_headers
    return headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date")


def content_type(record: Any) -> str:
    if record.http_headers is not None:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def decode_payload(data: bytes, mime: str, source: str) -> str:
    """Decode with the HTTP charset when it works, else guess (UTF-8, cp1251, koi8-r)."""
    match = CHARSET.search(mime)
    if match:
        try:
            return data.decode(match.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, source)


def parse_warc_record(record: Any, source: str, max_bytes: int = 1_000_000,
                      keep: Keep | None = None) -> Article | None:
    """One warcio record -> Article; None for records that are not articles (requests, images...).

    The page's own publication date wins; the WARC-Date (crawl day) is the fallback.

    Raises:
        ReadError: the payload is too large, undecodable or has no article text.
    """
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None and not (record.http_headers.get_statuscode() or "").startswith("2"):
        return None
    mime = content_type(record).lower()
    if not mime.startswith(ARTICLE_TYPES):
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(source, f"too large: over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise ReadError(source, "empty payload")
    text = decode_payload(data, mime, source).replace("\r\n", "\n").replace("\r", "\n")
    if keep is not None and not keep(text):
        return None
    url, crawled = record_meta(record)
    if "html" in mime or looks_like_html(text):
        article = parse_html(text, source, url=url)
    else:
        article = parse_text(text, source, url=url)
    article.published = article.published or (crawled[:10] if crawled else None)
    return article


# ARCHIVE


def iter_warc(stream: IO[bytes], path: str, max_bytes: int = 1_000_000,
              keep: Keep | None = None) -> Iterator[Article | Failure]:
    """Articles of an open WARC stream; a bad record is a Failure, a broken archive ends the file."""
    if not HAS_WARCIO:
        yield Failure(path, "WARC input needs the [warc] extra: pip install 'depesha[warc]'")
        return
    records = ArchiveIterator(stream)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, TypeError, KeyError) as error:
            # AttributeError, TypeError, KeyError: warcio on a record missing a header it needs (WARC-Target-URI)
            yield Failure(f"{path}@{records.offset}", f"broken WARC record: {first_line(error)}")
            return
        source = f"{path}@{records.offset}"  # where this record starts, for `dd`/`warcio extract`
        try:
            article = parse_warc_record(record, source, max_bytes, keep)
        except ReadError as error:
            yield Failure(source, error.reason)
        except (OSError, EOFError, ValueError) as error:
            yield Failure(source, f"broken WARC record: {first_line(error)}")
            return
        else:
            if article is not None:
                yield article


def load_warc(path: str, max_bytes: int = 1_000_000, keep: Keep | None = None) -> Iterator[Article | Failure]:
    """Articles of a .warc or .warc.gz file, streamed record by record.

    `keep(page)` sees each decoded page before HTML extraction; pages it refuses are passed over
    (e.g. `looks_russian`, to skip the other languages of CC-NEWS cheaply).
    """
    try:
        stream = open(path, "rb")
    except OSError as error:
        yield Failure(path, f"cannot read: {error}")
        return
    with stream:
        yield from iter_warc(stream, path, max_bytes, keep)



