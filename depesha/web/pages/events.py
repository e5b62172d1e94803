"""The event table (/events): every event matching the filters, newest first, paged with its true total, facets
by category and country, and the whole filtered set as CSV or JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from sqlalchemy import Connection

from depesha.store.filters import EventFilter
from depesha.store.queries import event_where, fetch

from . import data
from .common import Context, get_context, read_filters, render
from .pair import page_number

router = APIRouter()
PAGE_SIZE = 50
COLUMNS = ["id", "date", "category", "kind", "mode", "place", "countries", "outcome", "summary", "articles"]


def facets(conn: Connection, flt: EventFilter) -> dict[str, list[tuple[str, int]]]:
    """Counts of the filtered events per category and per taking-part country (top 25), most first: one scan
    grouped by category and country set, split here (no join with the country table)."""
    where, params = event_where(flt, conn)
    categories: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    if where == ["1 = 1"]:     # no filter: straight from the category index and the country table
        categories.update(dict(fetch(conn, "SELECT category, count(*) FROM clusters GROUP BY category")))
        countries.update(dict(fetch(conn, "SELECT country, count(*) FROM cluster_countries GROUP BY country")))
    else:
        rows = fetch(conn, f"SELECT c.category, c.countries, count(*) FROM clusters c WHERE {' AND '.join(where)}"
                           " GROUP BY c.category, c.countries", params)
        for category, codes, n in rows:
            categories[category] += n
            for code in set(codes.split()):
                countries[code] += n
    ranked = sorted(countries.items(), key=lambda item: (-item[1], item[0]))[:25]
    return {"category": sorted(categories.items(), key=lambda item: (-item[1], item[0])), "country": ranked}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, ctx: Context = Depends(get_context)) -> HTMLResponse:
    filters = read_filters(request)
    flt = filters.to_event_filter()
    page = page_number(request)
    with ctx.store.read() as conn:
        total = data.count_events(conn, flt)
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(page, pages)
        events = data.latest_events(conn, flt, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        counts = facets(conn, flt)
    return render(request, "events.html", filters=filters, events=events, total=total, page=page, pages=pages,
                  first=(page - 1) * PAGE_SIZE + 1, facets=counts)


def rows(conn: Connection, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """Every filtered event as a flat row, newest first (undated last)."""
    where, params = event_where(flt, conn)
    for row in fetch(conn, f"SELECT {', '.join('c.' + column for column in COLUMNS)} FROM clusters c"
                           f" WHERE {' AND '.join(where)} ORDER BY (NULLIF(c.date, '') IS NULL), c.date DESC, c.id DESC",
                     params):
        item = dict(zip(COLUMNS, row, strict=True))
        item["date"] = item["date"] or None
        yield item


@router.get("/events.csv")
def events_csv(request: Request, ctx: Context = Depends(get_context)) -> StreamingResponse:
    flt = read_filters(request).to_event_filter()
    with ctx.store.read() as conn:
        items = list(rows(conn, flt))

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, COLUMNS)
        writer.writeheader()
        for number, item in enumerate(items, 1):
            writer.writerow(item)
            if number % 500 == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="depesha-events.csv"'})


@router.get("/events.jsonl")
def events_jsonl(request: Request, ctx: Context = Depends(get_context)) -> StreamingResponse:
    flt = read_filters(request).to_event_filter()
    with ctx.store.read() as conn:
        items = list(rows(conn, flt))
    return StreamingResponse((json.dumps(item, ensure_ascii=False) + "\n" for item in items),
                             media_type="application/x-ndjson",
                             headers={"Content-Disposition": 'attachment; filename="depesha-events.jsonl"'})
