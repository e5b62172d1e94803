"""JSONL feeds: one article per line with `text` or `html` and metadata."""

from __future__ import annotations

import json

from ..doc import Article
from ..errors import ReadError
from .html import parse_html
from .text import parse_text

FIELDS = {"published": ("published", "date", "published_at"), "title": ("title",),
          "url": ("url", "link"), "agency": ("source", "agency", "sitename")}


def pick(data: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def parse_jsonl_line(line: str, source: str, max_bytes: int = 1_000_000) -> Article:
    """One JSONL line -> Article; raises ReadError naming `source` when the line is bad."""
    if len(line.encode("utf-8")) > max_bytes:
        raise ReadError(source, f"too large: over the limit of {max_bytes:,} bytes")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ReadError(source, f"malformed JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(data, dict):
        raise ReadError(source, f"expected a JSON object, got {type(data).__name__}")
    meta = {key: pick(data, names) for key, names in FIELDS.items()}
    if meta["published"]:
        meta["published"] = meta["published"][:10]
    identifier = pick(data, ("id",))
    name = f"{source}#{identifier}" if identifier else source
    if isinstance(data.get("text"), str) and data["text"].strip():
        return parse_text(data["text"], name, **meta)
    if isinstance(data.get("html"), str) and data["html"].strip():
        return parse_html(data["html"], name, **meta)
    raise ReadError(source, "no non-empty `text` or `html` field")
