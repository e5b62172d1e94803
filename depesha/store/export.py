"""Stored records back out, whole or filtered, for `depesha export` and the API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection

from .filters import EventFilter
from .queries import event_where, fetch, marks

CHUNK = 500


def is_empty(flt: EventFilter) -> bool:
    return flt == EventFilter()


def matching_articles(conn: Connection, flt: EventFilter) -> list[int]:
    """Numbers of the articles reporting at least one event that matches."""
    if is_empty(flt):
        return [row[0] for row in fetch(conn, "SELECT num FROM articles ORDER BY num")]
    where, params = event_where(flt, conn)
    return [row[0] for row in fetch(
        conn, f"SELECT DISTINCT e.article FROM events e WHERE e.cluster IN"
              f" (SELECT c.id FROM clusters c WHERE {' AND '.join(where)}) ORDER BY e.article", params)]


def iter_records(conn: Connection, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """The depesha/1 records as stored, with their text, in storage order."""
    nums = matching_articles(conn, flt or EventFilter())
    for index in range(0, len(nums), CHUNK):
        chunk = nums[index:index + CHUNK]
        for text, record in fetch(conn, f"SELECT text, record FROM articles WHERE num IN ({marks(chunk)})"
                                        f" ORDER BY num", chunk):
            record = json.loads(record)
            record["article"]["text"] = text
            yield record
