"""JSONL feeds: one article per line with `text` or `html` and metadata."""

from __future__ import annotations

import json

from ..doc import Article
from ..errors import ReadError
from .html import parse_html
from .text import check_published, parse_text

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
    except RecursionError:
        raise ReadError(source, "malformed JSON: nested too deeply") from None
    except ValueError as error:          # e.g. an integer of more than 4,300 digits
        raise ReadError(source, f"malformed JSON: {error}") from None
    if not isinstance(data, dict):
        raise ReadError(source, f"expected a JSON object, got {type(data).__name__}")
    warnings: list[str] = []
    meta = {key: clean_string(pick(data, names), warnings) for key, names in FIELDS.items()}
    if meta["published"]:
        meta["published"] = check_published(meta["published"][:10], warnings)
    identifier = clean_string(pick(data, ("id",)), warnings)
    name = f"{source}#{identifier}" if identifier else source
    if isinstance(data.get("text"), str) and data["text"].strip():
        article = parse_text(clean_string(data["text"], warnings) or "", name, **meta)
    elif isinstance(data.get("html"), str) and data["html"].strip():
        article = parse_html(clean_string(data["html"], warnings) or "", name, **meta)
    else:
        raise ReadError(source, "no non-empty `text` or `html` field")
    article.warnings.extend(dict.fromkeys(warnings))
    return article


def clean_string(value: str | None, warnings: list[str]) -> str | None:
    """The string with lone UTF-16 surrogates ("\\ud800", which UTF-8 cannot store) replaced by U+FFFD."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        warnings.append("lone surrogate characters replaced by U+FFFD")
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
