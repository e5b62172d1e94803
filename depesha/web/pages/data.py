"""Aggregate reads the pages and charts need beyond depesha.store.queries: counts by pair, week, person."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import combinations
from typing import Any

from sqlalchemy import Connection

from depesha.store.filters import EventFilter
from depesha.store.queries import add_event_details, event_item, event_where, fetch, marks
from depesha.web.categories import order, style

# EVENTS


EVENT_COLUMNS = ("SELECT c.id, c.category, c.kind, c.date, c.mode, c.place, c.countries, c.outcome, c.summary,"
                 " c.articles FROM clusters c")
ORDERS = {   # the event table's orders (?sort=), undated events last in date orders
    # descending, '' and NULL sort last by themselves, and the date indexes serve the order (1 ms instead of a sort of
    # 100k events: 100-450 ms at 100k)
    "newest": "c.date DESC, c.id DESC",
    "oldest": "(NULLIF(c.date, '') IS NULL), c.date, c.id",   # as two reads: oldest_rows
    "reports": "c.articles DESC, c.date DESC, c.id DESC",   # index clusters_articles (migration 3)
}


def newest_rows(conn: Connection, where: list[str], params: list[Any], limit: int | None = None,
                offset: int = 0, order: str = "newest") -> list[Any]:
    """Rows of the events matching `where`, newest first (or another of ORDERS), in `event_item`'s column order; all
    of them without a `limit`."""
    if order == "oldest":
        return oldest_rows(conn, where, params, limit, offset)
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    return fetch(conn, f"{EVENT_COLUMNS} WHERE {' AND '.join(where)} ORDER BY {ORDERS[order]}{page}",
                 [*params, limit, offset] if limit is not None else params)


def oldest_rows(conn: Connection, where: list[str], params: list[Any], limit: int | None, offset: int) -> list[Any]:
    """Oldest first with the undated last, in two reads the date indexes serve (one sort of 100k events took 300 ms):
    the dated events, then as many undated ones as the page still holds."""
    dated, undated = " AND ".join([*where, "c.date > ''"]), " AND ".join([*where, "(c.date IS NULL OR c.date = '')"])
    if limit is None:
        return (fetch(conn, f"{EVENT_COLUMNS} WHERE {dated} ORDER BY c.date, c.id", params)
                + fetch(conn, f"{EVENT_COLUMNS} WHERE {undated} ORDER BY c.date, c.id", params))
    rows = fetch(conn, f"{EVENT_COLUMNS} WHERE {dated} ORDER BY c.date, c.id LIMIT ? OFFSET ?", [*params, limit, offset])
    if len(rows) < limit:
        before = fetch(conn, f"SELECT count(*) FROM clusters c WHERE {dated}", params)[0][0]
        rows += fetch(conn, f"{EVENT_COLUMNS} WHERE {undated} ORDER BY c.date, c.id LIMIT ? OFFSET ?",
                      [*params, limit - len(rows), max(0, offset - before)])
    return rows


def latest_events(conn: Connection, flt: EventFilter, limit: int = 20, offset: int = 0,
                  order: str = "newest") -> list[dict[str, Any]]:
    """The most recent events matching the filter, newest first (undated last; or another of ORDERS), with
    participants and reports; `offset` skips that many (pages of a list)."""
    where, params = event_where(flt, conn)
    items = [event_item(row) for row in newest_rows(conn, where, params, limit, offset, order)]
    add_event_details(conn, items)
    return items


def count_events(conn: Connection, flt: EventFilter) -> int:
    where, params = event_where(flt, conn)
    return fetch(conn, f"SELECT count(*) FROM clusters c WHERE {' AND '.join(where)}", params)[0][0]


def fulfilled(conn: Connection, event: int) -> list[dict[str, Any]]:
    """Commitments (proposals, invitations...) that this event followed up."""
    rows = fetch(conn, "SELECT f.commitment, c.date, c.kind, f.rule FROM followups f JOIN clusters c"
                       " ON c.id = f.commitment WHERE f.event = ? ORDER BY c.date", [event])
    return [{"event": id, "date": date, "kind": kind, "rule": rule} for id, date, kind, rule in rows]


# COUNTS


def week_of(date: str) -> str:
    """'2025-11-28' -> '2025-11-24', the Monday of its ISO week; partial dates stay as they are."""
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return date
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def bucket_of(date: str, interval: str) -> str:
    return week_of(date) if interval == "week" else date[:4] if interval == "year" else date[:7]


def fill_buckets(buckets: list[str], interval: str, most: int = 600) -> list[str] | None:
    """Every week, month or year from the first bucket to the last, so that gaps show as empty bars; None when
    that would be more than `most` bars."""
    if len(buckets) < 2:
        return buckets
    if interval == "year":
        start, end = int(buckets[0][:4]), int(buckets[-1][:4])
        return [str(year) for year in range(start, end + 1)] if end - start < most else None
    try:
        day, last = dt.date.fromisoformat(buckets[0] + ("" if interval == "week" else "-01")), buckets[-1]
    except ValueError:
        return buckets
    filled: list[str] = []
    while len(filled) < most:
        bucket = bucket_of(day.isoformat(), interval)
        filled.append(bucket)
        if bucket >= last:
            return filled
        day = day + dt.timedelta(days=7) if interval == "week" else (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return None


def timeline(conn: Connection, flt: EventFilter, interval: str = "month") -> dict[str, Any]:
    """Events per week or month and category: {"buckets": [...], "series": {category: [count per bucket]},
    "styles": {category: colour, pattern, quad, label}, "undated": n, "total": n}; every bucket between the first
    and the last is present, so the axis is a real time axis; undated events are counted, not drawn."""
    where, params = event_where(flt, conn)
    rows = fetch(conn, f"SELECT NULLIF(c.date, ''), c.category, count(*) FROM clusters c WHERE {' AND '.join(where)}"
                       " GROUP BY NULLIF(c.date, ''), c.category", params)
    dated = [(date, category, count) for date, category, count in rows if date is not None]
    total = sum(count for _, _, count in rows)
    undated = total - sum(count for _, _, count in dated)
    for used in dict.fromkeys((interval, "month", "year")):   # too long a span for weeks: months, then years
        counts: Counter[tuple[str, str]] = Counter()
        for date, category, count in dated:
            counts[bucket_of(date, used), category] += count
        buckets = fill_buckets(sorted({bucket for bucket, _ in counts}), used)
        if buckets is not None:
            break
    buckets = buckets or sorted({bucket for bucket, _ in counts})
    names = order(sorted({category for _, category in counts}))
    series = {category: [counts[bucket, category] for bucket in buckets] for category in names}
    return {"interval": used, "buckets": buckets, "series": series,
            "styles": {category: style(category) for category in names}, "undated": undated, "total": total}


def country_pairs(conn: Connection, flt: EventFilter, weighted: bool = False) -> Counter[tuple[str, str]]:
    """Number of events per pair of participating countries; `weighted`: an event of k countries gives each of
    its pairs 1/(k-1), so that every country of it gains one in all (a summit of 23 states does not outweigh
    253 bilateral meetings)."""
    where, params = event_where(flt, conn)
    rows = fetch(conn, f"SELECT c.countries, count(*) FROM clusters c WHERE {' AND '.join(where)}"
                       " GROUP BY c.countries", params)
    return pair_counts(rows, weighted)


def country_counts(conn: Connection, flt: EventFilter) -> Counter[str]:
    """Number of filtered events each country takes part in (with a country in the filter: its events with each
    counterpart, and its own total under its code). One scan of the country sets (a covering index without a
    filter), split here; not cluster_countries, which holds an event once per date its reports gave it."""
    where, params = event_where(flt, conn)
    counts: Counter[str] = Counter()
    for codes, n in fetch(conn, f"SELECT c.countries, count(*) FROM clusters c WHERE {' AND '.join(where)}"
                                " GROUP BY c.countries", params):
        for code in set(codes.split()):
            counts[code] += n
    return counts


def pair_counts(rows: list[tuple[str, int]], weighted: bool = False) -> Counter[tuple[str, str]]:
    """(space-separated country codes, number of events) rows -> events per pair (see `country_pairs`)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for countries, count in rows:
        codes = sorted(set(countries.split()))
        share = 1 / (len(codes) - 1) if weighted and len(codes) > 2 else 1
        for pair in combinations(codes, 2):
            pairs[pair] += count * share  # type: ignore[assignment]
    return pairs


def top_people(conn: Connection, flt: EventFilter, limit: int = 10) -> list[dict[str, Any]]:
    """The people in most events; without a filter, counted straight from the link table (no join of 100k events)."""
    where, params = event_where(flt, conn)
    if where == ["1 = 1"]:
        rows = fetch(conn, "SELECT e.id, e.name, e.country, x.n FROM (SELECT entity, count(*) AS n"
                           " FROM cluster_entities GROUP BY entity) x JOIN entities e ON e.id = x.entity"
                           " WHERE e.type = 'person' ORDER BY x.n DESC, e.name LIMIT ?", [limit])
        return [{"id": id, "name": name, "country": country, "events": n} for id, name, country, n in rows]
    rows = fetch(conn, "SELECT e.id, e.name, e.country, count(*) AS n FROM cluster_entities ce"
                       " JOIN entities e ON e.id = ce.entity JOIN clusters c ON c.id = ce.cluster"
                       f" WHERE e.type = 'person' AND {' AND '.join(where)}"
                       " GROUP BY e.id, e.name, e.country ORDER BY n DESC, e.name LIMIT ?", [*params, limit])
    return [{"id": id, "name": name, "country": country, "events": n} for id, name, country, n in rows]


def people_by_country(conn: Connection, flt: EventFilter, countries: tuple[str, ...],
                      limit: int = 15) -> dict[str, list[tuple[dict[str, Any], int]]]:
    """For each country, its people in most of the filtered events (all of them counted, not a page)."""
    where, params = event_where(flt, conn)
    rows = fetch(conn, "SELECT e.id, e.name, e.country, count(*) AS n FROM cluster_entities ce"
                       " JOIN entities e ON e.id = ce.entity JOIN clusters c ON c.id = ce.cluster"
                       f" WHERE e.type = 'person' AND e.country IN ({marks(list(countries))})"
                       f" AND {' AND '.join(where)} GROUP BY e.id, e.name, e.country ORDER BY n DESC, e.name",
                 [*countries, *params])
    out: dict[str, list[tuple[dict[str, Any], int]]] = {country: [] for country in countries}
    for id, name, country, n in rows:
        if len(out[country]) < limit:
            out[country].append(({"id": id, "name": name, "country": country}, n))
    return out


LINK_CACHE: dict[tuple[Any, ...], list[dict[str, Any]]] = {}


def store_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever an event is added or removed (the number of events and the largest id)."""
    return tuple(fetch(conn, "SELECT count(*), max(id) FROM clusters")[0])


def person_link_rows(conn: Connection, flt: EventFilter, limit: int, person: int | None = None) -> list[dict[str, Any]]:
    """Pairs of persons in the same filtered events, most frequent first: every pair once, or the pairs of `person`."""
    where, params = event_where(flt, conn)
    mine, first = ("a.entity = ?", [person]) if person is not None else ("a.entity < b.entity", [])
    rows = fetch(conn, "SELECT a.entity, ea.name, ea.country, b.entity, eb.name, eb.country, count(*) AS n"
                       " FROM cluster_entities a JOIN cluster_entities b ON b.cluster = a.cluster AND b.entity != a.entity"
                       " JOIN entities ea ON ea.id = a.entity JOIN entities eb ON eb.id = b.entity"
                       " JOIN clusters c ON c.id = a.cluster"
                       f" WHERE {mine} AND ea.type = 'person' AND eb.type = 'person' AND {' AND '.join(where)}"
                       " GROUP BY a.entity, ea.name, ea.country, b.entity, eb.name, eb.country"
                       " ORDER BY n DESC, ea.name, eb.name LIMIT ?", [*first, *params, limit])
    return [{"source": {"id": a, "name": an, "country": ac}, "target": {"id": b, "name": bn, "country": bc},
             "events": n} for a, an, ac, b, bn, bc, n in rows]


def people_links(conn: Connection, flt: EventFilter, person: int | None = None,
                 limit: int = 200) -> list[dict[str, Any]]:
    """Pairs of persons taking part in the same events, most frequent first (only those of `person` if given)."""
    if person is None:   # the whole network is one self-join of the event-person links: kept while the store is
        key = (str(conn.engine.url), store_version(conn), repr(flt), limit)     # unchanged (0.7 s cold at 100k)
        if key not in LINK_CACHE:
            if len(LINK_CACHE) >= 32:
                LINK_CACHE.pop(next(iter(LINK_CACHE)))
            LINK_CACHE[key] = person_link_rows(conn, flt, limit)
        return LINK_CACHE[key]
    return person_link_rows(conn, flt, limit, person)


# ARTICLES


def article_links(conn: Connection, article: str) -> dict[str, int]:
    """Local entity ids of an article's record ("e1") -> ids of the resolved entities."""
    rows = fetch(conn, "SELECT ae.local, ae.entity FROM article_entities ae JOIN articles a ON a.num = ae.article"
                       " WHERE a.id = ?", [article])
    return dict(rows)


def article_raw(conn: Connection, article: str) -> str | None:
    rows = fetch(conn, "SELECT coalesce(raw, text) FROM articles WHERE id = ?", [article])
    return rows[0][0] if rows else None


def article_events(conn: Connection, article: str) -> dict[str, int]:
    """Local event ids of an article's record ("v1") -> ids of their clustered events."""
    rows = fetch(conn, "SELECT e.local, e.cluster FROM events e JOIN articles a ON a.num = e.article WHERE a.id = ?",
                 [article])
    return dict(rows)


def entity_hits(conn: Connection, q: str, limit: int = 10) -> list[dict[str, Any]]:
    """People (by surname and given name, any case) and organisations (by a part of the name) a query names,
    most articles first."""
    from depesha.store.queries import find_entity_ids

    ids = find_entity_ids(conn, q, "person")[:200] + find_entity_ids(conn, q, "organization")[:200]
    if not ids:
        return []
    rows = fetch(conn, f"SELECT id, type, name, country, articles FROM entities WHERE id IN ({marks(ids)})"
                       " ORDER BY articles DESC, name LIMIT ?", [*ids, limit])
    return [{"id": id, "type": type, "name": name, "country": country, "articles": n}
            for id, type, name, country, n in rows]


def entity_articles(conn: Connection, entity: int, limit: int = 50) -> tuple[int, list[dict[str, Any]]]:
    """(how many articles mention the entity, the newest `limit` of them)."""
    total = fetch(conn, "SELECT count(DISTINCT article) FROM mentions WHERE entity = ?", [entity])[0][0]
    rows = fetch(conn, "SELECT a.id, a.title, a.source, a.published FROM articles a WHERE a.num IN"
                       " (SELECT DISTINCT article FROM mentions WHERE entity = ?)"
                       " ORDER BY a.published DESC, a.num DESC LIMIT ?", [entity, limit])
    return total, [{"id": id, "title": title, "source": source, "published": published}
                   for id, title, source, published in rows]


def cluster_summaries(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    """id, category, kind and date of some events, in date order."""
    if not ids:
        return []
    rows = fetch(conn, f"SELECT id, category, kind, NULLIF(date, '') FROM clusters WHERE id IN ({marks(ids)})"
                       " ORDER BY date, id", ids)
    return [{"id": id, "category": category, "kind": kind, "date": date} for id, category, kind, date in rows]


def entity_names(conn: Connection, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(fetch(conn, f"SELECT id, name FROM entities WHERE id IN ({marks(ids)})", ids))
