"""The event table (/events): every event matching the filters in one of three orders, paged with its true total,
facets (category, country, kind, topic, person, source), and the whole filtered set as CSV, JSON Lines or PLOVER."""

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
from .common import Context, PageError, get_context, paging, read_filters, render

router = APIRouter()
PAGE_SIZE = 50
ROW_KEYS = ["id", "category", "kind", "date", "mode", "place", "countries", "outcome", "summary", "articles"]
COLUMNS = ["id", "date", "category", "kind", "mode", "place", "countries", "outcome", "summary", "articles"]


FACET_LIMIT = 10_000   # topics, people and sources are counted through joins: only for filtered sets up to this size


def facets(conn: Connection, flt: EventFilter, total: int = 0) -> dict[str, list[Any] | None]:
    """Counts of the filtered events per category, taking-part country and kind (one scan grouped by category, kind
    and country set, split here), per topic, person and source (joins: None over FACET_LIMIT events), most first."""
    where, params = event_where(flt, conn)
    unfiltered = where == ["1 = 1"]
    categories: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    topics: list[Any] | None
    if unfiltered:     # no filter: index-only counts of the clusters, countries and topics tables
        categories.update(dict(fetch(conn, "SELECT category, count(*) FROM clusters GROUP BY category")))
        kinds.update({kind or "": n for kind, n in fetch(conn, "SELECT kind, count(*) FROM clusters GROUP BY kind")})
        countries.update(data.country_counts(conn, flt))  # not cluster_countries: an event there once per date
        topics = fetch(conn, "SELECT topic, count(*) AS n FROM cluster_topics GROUP BY topic ORDER BY n DESC LIMIT 25")
    else:
        rows = fetch(conn, f"SELECT c.category, c.kind, c.countries, count(*) FROM clusters c"
                           f" WHERE {' AND '.join(where)} GROUP BY c.category, c.kind, c.countries", params)
        for category, kind, codes, n in rows:
            categories[category] += n
            kinds[kind or ""] += n
            for code in set(codes.split()):
                countries[code] += n
        topics = None if total > FACET_LIMIT else fetch(
            conn, "SELECT t.topic, count(*) AS n FROM cluster_topics t JOIN clusters c ON c.id = t.cluster"
                  f" WHERE {' AND '.join(where)} GROUP BY t.topic ORDER BY n DESC LIMIT 25", params)

    def ranked(counts: Counter[str], most: int = 25) -> list[tuple[str, int]]:
        return sorted(((key, n) for key, n in counts.items() if key), key=lambda item: (-item[1], item[0]))[:most]

    people = None if total > FACET_LIMIT and not unfiltered else [   # unfiltered: from the link table
        (str(item["id"]), item["name"], item["events"]) for item in data.top_people(conn, flt, limit=15)]
    sources = None if total > FACET_LIMIT else fetch(   # a join of every report: for smaller sets only
        conn, "SELECT a.source, count(DISTINCT e.cluster) AS n FROM events e JOIN articles a ON a.num = e.article"
              f" JOIN clusters c ON c.id = e.cluster WHERE a.source IS NOT NULL AND a.source != ''"
              f" AND {' AND '.join(where)} GROUP BY a.source ORDER BY n DESC, a.source LIMIT 25", params)
    return {"category": ranked(categories), "country": ranked(countries), "kind": ranked(kinds),
            "topic": None if topics is None else [(topic, n) for topic, n in topics],
            "person": people, "source": None if sources is None else [(source, n) for source, n in sources]}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, ctx: Context = Depends(get_context)) -> HTMLResponse:
    filters = read_filters(request)
    flt = filters.to_event_filter()
    order = filters.sort or "newest"
    if order not in data.ORDERS:
        raise PageError(400, f"unknown sort {order[:20]!r}: expected {', '.join(data.ORDERS)}")
    with ctx.store.read() as conn:
        total = data.count_events(conn, flt)
        shown = paging(request, total, PAGE_SIZE)
        events = data.latest_events(conn, flt, limit=PAGE_SIZE, offset=shown.offset, order=order)
        counts = facets(conn, flt, total)
    return render(request, "events.html", filters=filters, events=events, total=total, **shown.values(),
                  facets=counts, order=order, orders=list(data.ORDERS), chosen=flt.countries)


def rows(conn: Connection, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """Every filtered event as a flat row, newest first (undated last)."""
    where, params = event_where(flt, conn)
    for row in data.newest_rows(conn, where, params):
        item = dict(zip(ROW_KEYS, row, strict=True))
        item["date"] = item["date"] or None
        yield {column: item[column] for column in COLUMNS}


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


def plover_rows(conn: Connection, flt: EventFilter, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Each filtered event once, as PLOVER, from its first report's stored record (with the store's event id)."""
    from depesha.export.plover import format_plover

    ids = [item["id"] for item in rows(conn, flt)]
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        first: dict[int, tuple[str, str]] = {}
        for cluster, local, record in fetch(
                conn, "SELECT e.cluster, e.local, a.record FROM events e JOIN articles a ON a.num = e.article"
                      f" WHERE e.cluster IN ({', '.join('?' * len(part))}) ORDER BY e.id DESC", part):
            first[cluster] = (local, record)      # the last row of a cluster is its first report
        for cluster in part:
            if cluster in first:
                local, record = first[cluster]
                found = [row for row in format_plover(json.loads(record)) if row["text_info"]["sequence"] == local]
                for row in found[:1]:
                    row["depesha"]["event"] = cluster
                    yield row


@router.get("/events.plover.jsonl")
def events_plover(request: Request, ctx: Context = Depends(get_context)) -> StreamingResponse:
    flt = read_filters(request).to_event_filter()
    with ctx.store.read() as conn:
        return jsonl_download(list(plover_rows(conn, flt)), "depesha-events.plover.jsonl")


def jsonl_download(items: list[dict[str, Any]], filename: str) -> StreamingResponse:
    """One JSON object a line, as an attachment."""
    return StreamingResponse((json.dumps(item, ensure_ascii=False) + "\n" for item in items),
                             media_type="application/x-ndjson",
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/events.jsonl")
def events_jsonl(request: Request, ctx: Context = Depends(get_context)) -> StreamingResponse:
    flt = read_filters(request).to_event_filter()
    with ctx.store.read() as conn:
        return jsonl_download(list(rows(conn, flt)), "depesha-events.jsonl")
