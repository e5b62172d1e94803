"""What a POST /api/articles must hold before it is extracted or stored: real text, sane dates, a record whose
article id is the id of its text."""

from __future__ import annotations

import re
from typing import Any

from depesha.doc import content_id
from depesha.read.text import check_published
from depesha.store.filters import check_date

from .errors import ApiError
from .models import ArticleIn

ARTICLE_LIMIT = 1_000_000   # bytes of one article's text, as the CLI readers and the upload page allow
SURROGATE = re.compile("[\ud800-\udfff]")


def find_surrogate(value: Any, where: str) -> str | None:
    """Where in `value` (a JSON value) a string holds a lone UTF-16 surrogate, which no UTF-8 text can; None if
    nowhere. Walks without recursion: a body may nest deep."""
    stack = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if not item.isascii() and SURROGATE.search(item):
                return path
        elif isinstance(item, dict):
            for key, child in item.items():
                if isinstance(key, str) and not key.isascii() and SURROGATE.search(key):
                    return f"{path or 'the body'} (a key)"
                stack.append((child, f"{path}.{key}" if path else str(key)))
        elif isinstance(item, list):
            stack.extend((child, f"{path}[{index}]") for index, child in enumerate(item))
    return None


def check_text(value: str, where: str) -> None:
    size = len(value.encode("utf-8"))
    if size > ARTICLE_LIMIT:
        raise ApiError(413, "too_large", f"{where}: {size:,} bytes, at most {ARTICLE_LIMIT:,} for one article")


def check_published_date(value: Any, where: str) -> None:
    if value is not None and (not isinstance(value, str) or check_published(value) is None):
        raise ApiError(400, "bad_parameter", f"{where}: bad date {str(value)[:40]!r}: expected an ISO date "
                                             "(YYYY-MM-DD) between 1800 and 2200")


def check_record_identity(record: dict[str, Any]) -> None:
    """The article id is the content id of its text, `published` and event dates are real dates.

    Without this a record could claim the id of another text: the store would keep the forged text under that id
    and skip the real article when it came."""
    article = record.get("article")
    if not isinstance(article, dict) or not isinstance(article.get("text"), str):
        return          # the store's check_record names what is missing
    check_text(article["text"], "record.article.text")
    expected = content_id(article["text"])
    if article.get("id") != expected:
        raise ApiError(400, "bad_record", f"record.article.id {str(article.get('id'))[:40]!r} is not the id of its "
                                          f"text: expected {expected!r} ('a' + 16 hex digits of the SHA-256 of the text)")
    check_published_date(article.get("published"), "record.article.published")
    events = record.get("events")
    for event in events if isinstance(events, list) else []:
        date = event.get("date") if isinstance(event, dict) else None
        if isinstance(date, str):     # another type: the store's check names it
            try:
                check_date(date)
            except ValueError as error:
                raise ApiError(400, "bad_record", f"record event {str(event.get('id'))[:20]}: {error}") from None


def check_body(body: ArticleIn) -> None:
    """Every check of a posted article; ApiError with the field named on the first that fails."""
    where = find_surrogate(body.model_dump(), "")
    if where:
        raise ApiError(400, "bad_text", f"{where} holds a lone UTF-16 surrogate (such as \\ud800), which is not "
                                        "text: send valid UTF-8, or pair the surrogates")
    if body.text:   # also when a record comes with it: the text is stored as the raw input
        check_text(body.text, "text")
    if body.record is not None:
        check_record_identity(body.record)
    elif body.text:
        check_published_date(body.published, "published")
