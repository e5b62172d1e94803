"""Plain-text articles: encoding detection and optional `key value` header lines."""

from __future__ import annotations

import re

from ..doc import Article
from ..errors import ReadError
from .fragment import looks_like_fragment, strip_tags

ENCODINGS = ["utf-8", "cp1251", "koi8-r"]
HEADER_KEYS = {"date": "published", "published": "published", "title": "title", "url": "url",
               "source": "agency", "agency": "agency"}
HEADER = re.compile(r"^\s*(date|published|title|url|source|agency)[ \t]+(\S.*?)\s*$", re.I)
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
BOMS = [(b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),   # UTF-32 first: its LE BOM
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]                    # starts like UTF-16's


def check_published(value: str, warnings: list[str] | None = None) -> str | None:
    """An ISO date between 1800 and 2200, else None (said in `warnings`): "0001-01-01" broke date arithmetic."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        day = None
    if day is None or not 1800 <= day.year <= 2200:
        if warnings is not None:
            warnings.append(f"published date {value!r} ignored: not a date between 1800 and 2200")
        return None
    return day.isoformat()


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text file."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) * 0.05


def cyrillic_score(text: str) -> float:
    letters = sum(ch.isalpha() for ch in text) or 1
    return len(CYRILLIC.findall(text)) / letters


def decode_bytes(data: bytes, source: str, warnings: list[str] | None = None) -> str:
    """Decode UTF-8, cp1251 or koi8-r; pick the reading with plausible Russian letter case. UTF-8 with a few
    damaged bytes (a flipped bit, a file cut inside a character) stays UTF-8, the damage replaced by U+FFFD and
    said in `warnings`: read as cp1251 or koi8-r it would be mojibake."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    repaired = data.decode("utf-8", errors="replace")
    damaged = repaired.count("\ufffd")
    if damaged <= max(4, len(data) // 2000) and (cyrillic_score(repaired) >= 0.3 or damaged == 1):
        if warnings is not None:
            warnings.append(f"{damaged} invalid UTF-8 byte sequence{'s' if damaged != 1 else ''} replaced by U+FFFD")
        return repaired
    candidates = []
    for encoding in ENCODINGS[1:]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((russian_case_score(text), text))
    if not candidates:
        raise ReadError(source, "cannot decode as UTF-8, cp1251 or koi8-r")
    score, text = max(candidates, key=lambda pair: pair[0])
    if cyrillic_score(text) < 0.3 and any(byte >= 0x80 for byte in data):
        raise ReadError(source, "not valid UTF-8 and not Russian text in cp1251 or koi8-r")
    return text


def decode_wide(data: bytes, warnings: list[str]) -> str | None:
    """UTF-16 or UTF-32 text (Notepad's "Unicode"): by its byte order mark, or without one when every other (or
    every fourth) byte is NUL and the reading is Russian; None for anything else."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, "replace")
            damaged = text.count("\ufffd")
            if damaged > max(4, len(text) // 1000):
                return None                       # not really UTF-16/32: judged as bytes by the caller
            if damaged:
                warnings.append(f"{damaged} invalid {encoding.upper()} sequence{'s' if damaged != 1 else ''} "
                                "replaced by U+FFFD")
            return text
    head = data[:4096]
    if head.count(0) < len(head) // 20:           # Cyrillic in UTF-16 is mostly 0x04 high bytes, ASCII gives the NULs
        return None
    for encoding in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if cyrillic_score(text) >= 0.3 and not CONTROL.search(text[:4096]):
            warnings.append(f"no byte order mark: read as {encoding.upper()}")
            return text
    return None


def russian_case_score(text: str) -> float:
    """Share of Cyrillic letters in lower case: koi8-r read as cp1251 (and back) flips the case."""
    letters = [ch for ch in text if "а" <= ch.lower() <= "я" or ch in "ёЁ"]
    if not letters:
        return 0.0
    return sum(ch.islower() for ch in letters) / len(letters)


def parse_headers(text: str) -> tuple[dict[str, str], str]:
    """Split leading `key value` header lines (date, title, url, source) from the body."""
    meta: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        match = HEADER.match(line)
        if not match:
            if line.strip():
                break
            index += 1
            continue
        key, value = HEADER_KEYS[match.group(1).lower()], match.group(2)
        if key == "published":
            date = DATE.search(value)
            if not date or key in meta:
                break
            value = check_published(date.group(0)) or ""
            if not value:
                break
            tail = match.group(2)[date.end() :].strip()
            if tail and not DATE.fullmatch(tail):
                # "date 2025-11-29 Рассказать друзьям": the header ends at the date
                lines[index] = tail
                meta[key] = value
                break
        meta[key] = value
        index += 1
    return meta, "\n".join(lines[index:])


def parse_text(text: str, source: str, **meta: str | None) -> Article:
    """An Article from decoded text, headers parsed into metadata."""
    if CONTROL.search(text[:4096]) and looks_binary(text[:4096].encode("utf-8", "replace")):
        raise ReadError(source, "binary content, not text")
    headers, body = parse_headers(text)
    if not body.strip():
        raise ReadError(source, "empty article (no text after the header lines)")
    fields = {key: value for key, value in meta.items() if value}
    fields.update({key: value for key, value in headers.items() if key not in fields})
    return Article(text=body, source=source, **fields)  # type: ignore[arg-type]


def parse_text_bytes(data: bytes, source: str, max_bytes: int = 1_000_000) -> Article:
    """Bytes of a text file -> Article; raises ReadError for empty, binary, huge or undecodable input."""
    if len(data) > max_bytes:
        raise ReadError(source, f"too large: over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise ReadError(source, "empty input")
    warnings: list[str] = []
    wide = decode_wide(data, warnings)
    if wide is not None:
        return parse_decoded(wide, source, warnings)
    nuls = data.count(b"\x00")
    if nuls and nuls <= max(8, len(data) // 1000) and not looks_binary(data.replace(b"\x00", b"")):
        data = data.replace(b"\x00", b"")       # stray NULs in a crawled text: dropped, not the whole article
        warnings.append(f"{nuls} NUL byte{'s' if nuls != 1 else ''} dropped")
    if looks_binary(data):
        raise ReadError(source, "binary content, not text")
    return parse_decoded(decode_bytes(data, source, warnings), source, warnings)


def parse_decoded(text: str, source: str, warnings: list[str]) -> Article:
    """An Article from decoded text: a page, a fragment of HTML or plain text; `warnings` say what was repaired."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(source, "empty input")
    if looks_like_html(text):
        from .html import parse_html

        article = parse_html(text, source)
    elif looks_like_fragment(text):
        article = parse_text(strip_tags(text), source)
    else:
        article = parse_text(text, source)
    article.warnings.extend(warnings)
    return article


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith("<?xml"):                      # XHTML: an XML declaration before the <html> element
        return "<html" in head
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
