"""Readers: files, directories, stdin, HTML and JSONL become `Article`s or `Failure`s."""

from .files import Failure, load_articles
from .html import parse_html
from .jsonl import parse_jsonl_line
from .text import decode_bytes, parse_headers, parse_text_bytes

__all__ = [
    "Failure",
    "decode_bytes",
    "load_articles",
    "parse_headers",
    "parse_html",
    "parse_jsonl_line",
    "parse_text_bytes",
]
