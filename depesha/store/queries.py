"""Read queries of the store: events, people, relations, commitments, articles, search, stats."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from depesha.corpus.names import compatible_given, parse_person

from .filters import DEFAULT_LIMIT, EventFilter, cursor_number, dump_cursor, is_sql_int, load_cursor
from .lemma import lemmatize, lemmatize_query
from .store import adapt_sql

COMMITMENT_KINDS = ("proposal", "agreement", "invitation", "promise", "offer")


@dataclass
class Page:
    """One page of results and the cursor of the next one (None at the end)."""

    items: list[dict[str, Any]] = field(default_factory=list)
    next: str | None = None


def fetch(conn: Connection, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[Any]:
    return list(conn.exec_driver_sql(adapt_sql(conn.dialect.name, sql), tuple(params)).fetchall())


def marks(values: list[Any] | set[Any] | tuple[Any, ...]) -> str:
    return ", ".join("?" * len(values))


# ENTITIES


def find_entity_ids(conn: Connection, value: str, type: str) -> list[int]:
    """An id ('123') or a name: persons match on surname and given name, bodies on a part of the name."""
    if value.isascii() and value.isdigit():  # an id; one beyond SQLite's integers names no entity
        return [int(value)] if len(value) <= 19 and is_sql_int(int(value)) else []
    if type == "person":
        wanted = parse_person(value)
        rows = fetch(conn, "SELECT id, name FROM entities WHERE type = 'person' AND skey = ?", [wanted.surname])
        return [id for id, name in rows if compatible_given(parse_person(name), wanted)]
    rows = fetch(conn, "SELECT id FROM entities WHERE type = ? AND (key LIKE ? OR name LIKE ?)",
                 [type, f"%{lemmatize(value)}%", f"%{value}%"])
    return [row[0] for row in rows]


def entity_rows(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    ids = [id for id in ids if is_sql_int(id)]
    if not ids:
        return {}
    rows = fetch(conn, f"SELECT id, type, name, country, gender, sector, canonical, first_seen, last_seen, articles"
                       f" FROM entities WHERE id IN ({marks(ids)})", ids)
    keys = ["id", "type", "name", "country", "gender", "sector", "canonical", "first_seen", "last_seen", "articles"]
    return {row[0]: dict(zip(keys, row, strict=True)) for row in rows}


def get_entity(conn: Connection, id: int) -> dict[str, Any] | None:
    entity = entity_rows(conn, [id]).get(id)   # None too for an id SQLite cannot hold
    if entity is None:
        return None
    entity["positions"] = position_history(conn, id)
    entity["names"] = sorted({row[0] for row in fetch(
        conn, "SELECT DISTINCT name FROM article_entities WHERE entity = ? LIMIT 50", [id])})
    return entity


def list_entities(conn: Connection, *, type: str | None = None, country: str | None = None, q: str | None = None,
                  limit: int = DEFAULT_LIMIT, cursor: str | None = None) -> Page:
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if type:
        where.append("type = ?")
        params.append(type)
    if country:
        where.append("country = ?")
        params.append(country)
    if q:  # SQLite's lower() knows only ASCII: match the lemmatised key too
        where.append("(key LIKE ? OR name LIKE ?)")
        params.extend([f"%{lemmatize(q)}%", f"%{q}%"])
    if cursor:
        where.append("id > ?")
        params.append(cursor_number(cursor, load_cursor(cursor, 1)[0]))
    rows = fetch(conn, f"SELECT id FROM entities WHERE {' AND '.join(where)} ORDER BY id LIMIT ?", [*params, limit + 1])
    ids = [row[0] for row in rows[:limit]]
    found = entity_rows(conn, ids)
    return Page([found[id] for id in ids], dump_cursor(ids[-1]) if len(rows) > limit else None)


def position_history(conn: Connection, person: int) -> list[dict[str, Any]]:
    """Each post held, with the dates first and last seen and the evidence of the first report."""
    rows = fetch(conn,
                 "SELECT p.title, p.organization, o.name, p.country, min(p.date), max(p.date), count(*),"
                 " min(a.id || ':' || p.start || ':' || p.stop) FROM positions p JOIN articles a ON a.num = p.article"
                 " LEFT JOIN entities o ON o.id = p.organization WHERE p.person = ?"
                 " GROUP BY p.title, p.organization, o.name, p.country ORDER BY min(p.date)", [person])
    history = []
    for title, org, org_name, country, first, last, count, evidence in rows:
        article, start, stop = evidence.split(":")
        history.append({"title": title, "organization": org, "organization_name": org_name, "country": country,
                        "first_seen": first, "last_seen": last, "reports": count,
                        "evidence": {"article": article, "start": int(start), "stop": int(stop)}})
    return history


def find_people(conn: Connection, name: str, limit: int = 20) -> list[dict[str, Any]]:
    """Persons matching a name in any spelling, each with the history of their positions."""
    ids = find_entity_ids(conn, name, "person")[:limit]
    return [entity for id in ids if (entity := get_entity(conn, id))]


# EVENTS


def event_where(flt: EventFilter, conn: Connection) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if flt.countries:  # one subquery: the date range on the first country, the others joined by cluster
        first, *others = sorted(set(flt.countries))
        joins = "".join(f" JOIN cluster_countries y{i} ON y{i}.cluster = x.cluster AND y{i}.country = ?"
                        for i in range(len(others)))
        sub = f"c.id IN (SELECT x.cluster FROM cluster_countries x{joins} WHERE x.country = ?"
        params += [*others, first]
        if flt.since:
            sub += " AND x.date >= ?"
            params.append(flt.since)
        if flt.until:
            sub += " AND x.date <= ?"
            params.append(flt.until)
        where.append(sub + ")")
    if flt.person:
        ids = find_entity_ids(conn, flt.person, "person") or [-1]
        where.append(f"c.id IN (SELECT cluster FROM cluster_entities WHERE entity IN ({marks(ids)}))")
        params.extend(ids)
    if flt.organization:  # the body takes part, or a participant speaks for it in the report
        ids = find_entity_ids(conn, flt.organization, "organization") or [-1]
        where.append(f"c.id IN (SELECT cluster FROM cluster_entities WHERE entity IN ({marks(ids)}) UNION"
                     f" SELECT e.cluster FROM events e JOIN positions p ON p.article = e.article"
                     f" WHERE p.organization IN ({marks(ids)}))")
        params.extend(ids + ids)
    for column in ("category", "kind", "mode"):
        if getattr(flt, column):
            where.append(f"c.{column} = ?")
            params.append(getattr(flt, column))
    if flt.topic:
        where.append("c.id IN (SELECT cluster FROM cluster_topics WHERE topic = ?)")
        params.append(flt.topic)
    if flt.since:
        where.append("c.date >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("c.date <= ?")
        params.append(flt.until)
    if flt.source:
        where.append("c.id IN (SELECT e.cluster FROM events e JOIN articles a ON a.num = e.article WHERE a.source = ?)")
        params.append(flt.source)
    if flt.text:
        sql, values = match_sql(conn, flt.text)
        where.append(f"c.id IN (SELECT cluster FROM events WHERE article IN ({sql}))")
        params.extend(values)
    return where or ["1 = 1"], params


def find_events(conn: Connection, flt: EventFilter, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None,
                commitments: bool = False) -> Page:
    """Clustered events in date order: each real event once, with every article that reports it."""
    where, params = event_where(flt, conn)
    if commitments:
        where.append(f"(c.kind IN ({marks(COMMITMENT_KINDS)}) OR c.outcome IN ('proposed', 'agreed'))")
        params.extend(COMMITMENT_KINDS)
        if flt.open:
            where.append("NOT EXISTS (SELECT 1 FROM followups f WHERE f.commitment = c.id)")
    if cursor:
        date, id = load_cursor(cursor, 2)
        where.append("(c.date > ? OR (c.date = ? AND c.id > ?))")
        params.extend([date, date, cursor_number(cursor, id)])
    rows = fetch(conn, "SELECT c.id, c.category, c.kind, c.date, c.mode, c.place, c.countries, c.outcome, c.summary,"
                       f" c.articles FROM clusters c WHERE {' AND '.join(where)} ORDER BY c.date, c.id LIMIT ?",
                 [*params, limit + 1])
    items = [event_item(row) for row in rows[:limit]]
    add_event_details(conn, items, followups=commitments)
    last = rows[limit - 1] if len(rows) > limit else None
    return Page(items, dump_cursor(last[3], last[0]) if last else None)


def event_item(row: Any) -> dict[str, Any]:
    keys = ["id", "category", "kind", "date", "mode", "place", "countries", "outcome", "summary", "articles"]
    item = dict(zip(keys, row, strict=True))
    item["countries"] = item["countries"].split()
    return item


def add_event_details(conn: Connection, items: list[dict[str, Any]], followups: bool = False) -> None:
    """Participants, topics and the supporting reports (article + evidence offsets) of each event."""
    ids = [item["id"] for item in items]
    if not ids:
        return
    by_id = {item["id"]: item for item in items}
    for item in items:
        item.update(participants=[], topics=[], reports=[])
    for cluster, id, type, name, country in fetch(
        conn, f"SELECT ce.cluster, e.id, e.type, e.name, e.country FROM cluster_entities ce"
              f" JOIN entities e ON e.id = ce.entity WHERE ce.cluster IN ({marks(ids)}) ORDER BY e.id", ids):
        by_id[cluster]["participants"].append({"id": id, "type": type, "name": name, "country": country})
    for cluster, topic in fetch(conn, f"SELECT cluster, topic FROM cluster_topics WHERE cluster IN ({marks(ids)})"
                                      f" ORDER BY topic", ids):
        by_id[cluster]["topics"].append(topic)
    for cluster, article, local, evidence, trigger, source, published, dup_of in fetch(
        conn, f"SELECT e.cluster, a.id, e.local, e.evidence, e.trigger, a.source, a.published, a.dup_of"
              f" FROM events e JOIN articles a ON a.num = e.article WHERE e.cluster IN ({marks(ids)})"
              f" ORDER BY e.article", ids):
        by_id[cluster]["reports"].append({
            "article": article, "event": local, "evidence": json.loads(evidence), "trigger": trigger,
            "source": source, "published": published, "duplicate": dup_of is not None})
    if followups:
        for item in items:
            item["followups"] = []
        for commitment, event, rule, evidence, date, kind in fetch(
            conn, f"SELECT f.commitment, f.event, f.rule, f.evidence, c.date, c.kind FROM followups f"
                  f" JOIN clusters c ON c.id = f.event WHERE f.commitment IN ({marks(ids)}) ORDER BY c.date", ids):
            by_id[commitment]["followups"].append(
                {"event": event, "date": date, "kind": kind, "rule": rule, "evidence": json.loads(evidence)})


def get_event(conn: Connection, id: int) -> dict[str, Any] | None:
    if not is_sql_int(id):
        return None
    rows = fetch(conn, "SELECT id, category, kind, date, mode, place, countries, outcome, summary, articles"
                       " FROM clusters WHERE id = ?", [id])
    if not rows:
        return None
    item = event_item(rows[0])
    add_event_details(conn, [item], followups=True)
    return item


def relations(conn: Connection, a: str, b: str, *, since: str | None = None, until: str | None = None,
              limit: int = DEFAULT_LIMIT, cursor: str | None = None) -> Page:
    """The timeline of every event between two countries."""
    return find_events(conn, EventFilter(countries=[a, b], since=since, until=until), limit=limit, cursor=cursor)


# ARTICLES AND SEARCH


ARTICLE_COLUMNS = ["num", "id", "source", "published", "title", "url", "path", "agency", "attribution",
                   "dateline_place", "dateline_date", "language", "ingested_at", "dup_of", "similarity"]


def article_rows(conn: Connection, nums: list[int]) -> dict[int, dict[str, Any]]:
    if not nums:
        return {}
    rows = fetch(conn, f"SELECT {', '.join('a.' + c for c in ARTICLE_COLUMNS)}, d.id FROM articles a"
                       f" LEFT JOIN articles d ON d.num = a.dup_of WHERE a.num IN ({marks(nums)})", nums)
    found = {}
    for row in rows:
        item = dict(zip(ARTICLE_COLUMNS, row[:-1], strict=True))
        item["dup_of"] = row[-1]
        found[item.pop("num")] = item
    return found


def get_article(conn: Connection, id: str, text: bool = True) -> dict[str, Any] | None:
    """An article's metadata, stored record (with `text` when asked) and its republications."""
    rows = fetch(conn, "SELECT num, text, record FROM articles WHERE id = ?", [id])
    if not rows:
        return None
    num, body, record = rows[0]
    item = article_rows(conn, [num])[num]
    item["record"] = json.loads(record)
    if text:
        item["record"]["article"]["text"] = body
    item["duplicates"] = [row[0] for row in fetch(conn, "SELECT id FROM articles WHERE dup_of = ? ORDER BY num", [num])]
    return item


def list_articles(conn: Connection, *, since: str | None = None, until: str | None = None,
                  source: str | None = None, limit: int = DEFAULT_LIMIT, cursor: str | None = None) -> Page:
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    for sql, value in (("published >= ?", since), ("published <= ?", until), ("source LIKE ?", source and f"%{source}%")):
        if value:
            where.append(sql)
            params.append(value)
    if cursor:
        where.append("num > ?")
        params.append(cursor_number(cursor, load_cursor(cursor, 1)[0]))
    rows = fetch(conn, f"SELECT num FROM articles WHERE {' AND '.join(where)} ORDER BY num LIMIT ?", [*params, limit + 1])
    nums = [row[0] for row in rows[:limit]]
    found = article_rows(conn, nums)
    return Page([found[num] for num in nums], dump_cursor(nums[-1]) if len(rows) > limit else None)


def match_sql(conn: Connection, query: str) -> tuple[str, list[Any]]:
    """A subquery of the numbers of the articles containing every word of `query`, in any inflected form."""
    if conn.dialect.name != "sqlite":
        return "SELECT num FROM articles WHERE tsv @@ plainto_tsquery('russian', ?)", [query]
    lemmas = lemmatize_query(query)
    if not lemmas:  # only punctuation: nothing can match
        return "SELECT num FROM articles WHERE 1 = 0", []
    match = " AND ".join('"' + lemma.replace('"', "") + '"' for lemma in lemmas)
    return "SELECT rowid FROM article_fts WHERE article_fts MATCH ?", [match]


def search_nums(conn: Connection, query: str, limit: int, before: int | None = None) -> list[int]:
    """Numbers of the articles containing every word of `query` (any inflected form), latest stored first.

    Ranking by relevance (bm25, ts_rank) would score every match: hundreds of ms for a common word at 100k articles.
    """
    sql, params = match_sql(conn, query)
    key = "rowid" if "article_fts" in sql else "num"
    if before is not None:
        sql += f" AND {key} < ?"
        params.append(before)
    return [row[0] for row in fetch(conn, f"{sql} ORDER BY {key} DESC LIMIT ?", [*params, limit])]


def search(conn: Connection, query: str, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None) -> Page:
    """Full-text search with Russian morphology; each hit has a snippet around the first match."""
    before = cursor_number(cursor, load_cursor(cursor, 1)[0]) if cursor else None
    nums = search_nums(conn, query, limit + 1, before)
    found = article_rows(conn, nums[:limit])
    texts = dict(fetch(conn, f"SELECT num, text FROM articles WHERE num IN ({marks(nums[:limit])})", nums[:limit])) if nums else {}
    items = []
    for num in nums[:limit]:
        item = found[num]
        item["snippet"] = make_snippet(texts[num], query)
        items.append(item)
    return Page(items, dump_cursor(nums[limit - 1]) if len(nums) > limit else None)


def make_snippet(text: str, query: str, width: int = 80) -> dict[str, Any]:
    """About 2 × `width` characters around the first word whose lemma is in the query."""
    from .lemma import WORD, lemmatize_word

    wanted = set(lemmatize_query(query))
    for match in WORD.finditer(text):
        if lemmatize_word(match.group().lower()) in wanted:
            start, stop = max(0, match.start() - width), min(len(text), match.end() + width)
            return {"text": text[start:stop], "start": start, "stop": stop, "match": [match.start(), match.end()]}
    return {"text": text[: 2 * width], "start": 0, "stop": min(len(text), 2 * width), "match": None}


# STATS


def stats(conn: Connection) -> dict[str, Any]:
    """Counts for the stats page: articles, duplicates, entities by type, events by category, date range."""
    one = lambda sql: fetch(conn, sql)[0][0]  # noqa: E731 - each query below is answered from an index
    articles, duplicates = one("SELECT count(*) FROM articles"), one("SELECT count(*) FROM articles WHERE dup_of > 0")
    first, last = one("SELECT min(published) FROM articles"), one("SELECT max(published) FROM articles")
    return {
        "articles": articles,
        "duplicates": duplicates,
        "first_published": first,
        "last_published": last,
        "entities": dict(fetch(conn, "SELECT type, count(*) FROM entities GROUP BY type ORDER BY type")),
        "reports": one("SELECT count(*) FROM events"),
        "events": dict(fetch(conn, "SELECT category, count(*) FROM clusters GROUP BY category ORDER BY category")),
        "commitments": fetch(conn, f"SELECT count(*) FROM clusters WHERE kind IN ({marks(COMMITMENT_KINDS)})",
                             COMMITMENT_KINDS)[0][0],
        "followed_up": one("SELECT count(DISTINCT commitment) FROM followups"),
    }
