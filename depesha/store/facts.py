"""The facts of one article into the tables: mentions, positions, events and their clusters."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from depesha.corpus.cluster import SAME_KIND, Cluster, Report, choose_cluster, date_window

from .prepare import dumps

INSERT_CLUSTER = ("INSERT INTO clusters (id, category, kind, date, mode, place, countries, outcome, summary, articles)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
INSERT_EVENT = ("INSERT INTO events (article, local, cluster, category, kind, date, date_precision, mode, place,"
                " countries, participants, initiator, topics, outcome, evidence, trigger, summary)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
UPDATE_CLUSTER = "UPDATE clusters SET articles = articles + 1 WHERE id = ?"
LINKS = {
    "countries": "INSERT INTO cluster_countries (country, date, cluster) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    "entities": "INSERT INTO cluster_entities (entity, cluster) VALUES (?, ?) ON CONFLICT DO NOTHING",
    "topics": "INSERT INTO cluster_topics (topic, cluster) VALUES (?, ?) ON CONFLICT DO NOTHING",
}
UPDATE_ENTITY = ("UPDATE entities SET articles = articles + ?,"
                 " first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? ELSE first_seen END,"
                 " last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END WHERE id = ?")


def cluster_links(cluster: int, date: str, countries: list[str], participants: list[int],
                  topics: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    return {
        LINKS["countries"]: [(country, date, cluster) for country in countries],
        LINKS["entities"]: [(entity, cluster) for entity in participants],
        LINKS["topics"]: [(topic, cluster) for topic in topics],
    }


# ENTITIES AND POSITIONS


def insert_facts(writer: Any, num: int, record: dict[str, Any], duplicate: bool) -> None:
    article = record["article"]
    date = article.get("published") or (article.get("dateline") or {}).get("date") or ""
    ids = writer.resolve(record)
    entities = record.get("entities", [])
    writer.defer("INSERT INTO article_entities (article, local, entity, name) VALUES (?, ?, ?, ?)",
                       [(num, e["id"], ids[e["id"]], e["name"]) for e in entities])
    writer.defer("INSERT INTO mentions (article, entity, start, stop) VALUES (?, ?, ?, ?)",
                       [(num, ids[e["id"]], start, stop) for e in entities for start, stop in e.get("mentions", [])])
    sectors = [(e.get("sector"), e.get("canonical"), ids[e["id"]]) for e in entities
               if (e.get("sector") or e.get("canonical")) and ids[e["id"]] not in writer.known_sectors]
    writer.update("UPDATE entities SET sector = coalesce(sector, ?), canonical = coalesce(canonical, ?)"
                  " WHERE id = ?", sectors)   # facts of the body, not of one article: set once
    writer.known_sectors.update(row[2] for row in sectors)
    if not duplicate:
        writer.seen(set(ids.values()), date)
    writer.defer(
        "INSERT INTO positions (article, person, title, organization, country, date, start, stop, text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(num, ids[p["person"]], p["title"], ids.get(p.get("organization") or ""), p.get("country"), date,
          *(p.get("evidence") or [None, None])[:2], p.get("text")) for p in record.get("positions", [])],
    )
    insert_events(writer, num, record.get("events", []), ids, date, duplicate)


# EVENTS AND CLUSTERS


def insert_events(writer: Any, num: int, events: list[dict[str, Any]], ids: dict[str, int], published: str,
                  duplicate: bool) -> None:
    """Each event joins the best stored cluster or starts one; all rows go in a few statements."""
    rows: dict[str, list[tuple[Any, ...]]] = {sql: [] for sql in (INSERT_CLUSTER, UPDATE_CLUSTER, INSERT_EVENT)}
    rows.update({sql: [] for sql in LINKS.values()})  # this order: clusters before the events that point to them
    taken: set[int] = set()
    for event in events:
        date = event.get("date") or published
        countries = sorted(set(event.get("countries") or []))
        participants = sorted({ids[p] for p in event.get("participants") or [] if p in ids})
        report = Report(event["category"], event.get("kind"), date, set(countries), set(participants),
                        event.get("date_precision") if event.get("date") else None)
        cluster = choose_cluster(report, [c for c in candidate_clusters(writer, report) if c.id not in taken])
        if cluster is None:
            cluster = writer.allocate_cluster()
            rows[INSERT_CLUSTER].append((cluster, event["category"], event.get("kind"), date, event.get("mode"),
                                         event.get("place"), " ".join(countries), event.get("outcome"),
                                         event.get("summary")))
        elif not duplicate:
            rows[UPDATE_CLUSTER].append((cluster,))
        taken.add(cluster)
        rows[INSERT_EVENT].append((
            num, event.get("id") or "", cluster, event["category"], event.get("kind"), event.get("date"),
            event.get("date_precision"), event.get("mode"), event.get("place"), " ".join(countries),
            " ".join(map(str, participants)), ids.get(event.get("initiator") or ""),
            " ".join(event.get("topics") or []), event.get("outcome"), dumps(event.get("evidence") or []),
            event.get("trigger"), event.get("summary"),
        ))
        for sql, values in cluster_links(cluster, date, countries, participants, event.get("topics") or []).items():
            rows[sql].extend(values)
    memory = writer.memory
    if memory is not None:  # bulk: the in-memory index answers later articles, every row waits for the commit
        for row in rows[INSERT_CLUSTER]:
            memory.add_cluster(row[0], row[1], row[2], row[3], row[6])
        for country, date, cluster in rows[LINKS["countries"]]:
            memory.link_country(country, date, cluster)
        for entity, cluster in rows[LINKS["entities"]]:
            memory.link_entity(entity, cluster)
    for sql, values in rows.items():  # what later articles' clustering reads goes in now, the rest at commit
        if memory is None and sql in (INSERT_CLUSTER, LINKS["countries"], LINKS["entities"]):
            writer.executemany(sql, values)
        else:
            writer.defer(sql, values)


@lru_cache(maxsize=256)
def kinds_like(kind: str | None) -> list[str]:
    """The kinds a report of this kind may share a cluster with ('' for none)."""
    return sorted(next((group for group in SAME_KIND if kind in group), {kind or ""}))


def candidate_clusters(writer: Any, report: Report) -> list[Cluster]:
    """Stored clusters that `choose_cluster` could pick: same category and kind, in the date window,
    with the same two countries or a shared participant (found through indexes, not by scanning a country)."""
    low, high = date_window(report.date, report.precision)
    kinds = kinds_like(report.kind)
    countries = sorted(report.countries)
    if writer.memory is not None:
        return writer.memory.cluster_candidates(report.category, kinds, low, high, countries, report.participants)
    parts: list[str] = []
    params: list[Any] = []
    if len(countries) >= 2:
        parts.append("SELECT DISTINCT x.cluster FROM cluster_countries x JOIN cluster_countries y ON y.cluster = x.cluster"
                     " AND y.country = ? WHERE x.country = ? AND x.date BETWEEN ? AND ?")
        params += [countries[1], countries[0], low, high]
    if report.participants:
        marks = ", ".join("?" * len(report.participants))
        parts.append(f"SELECT DISTINCT e.cluster FROM cluster_entities e JOIN clusters d ON d.id = e.cluster"
                     f" WHERE e.entity IN ({marks}) AND d.date BETWEEN ? AND ?")
        params += [*sorted(report.participants), low, high]
    if not parts:
        return []
    rows = writer.execute(
        # DISTINCT keeps SQLite from flattening the subquery, CROSS JOIN makes it the outer loop: the planner
        # would otherwise walk every cluster of the category
        f"SELECT c.id, c.kind, c.date, c.countries, ce.entity FROM ({' UNION '.join(parts)}) k"
        f" CROSS JOIN clusters c LEFT JOIN cluster_entities ce ON ce.cluster = c.id"
        f" WHERE c.id = k.cluster AND c.category = ? AND coalesce(c.kind, '') IN ({', '.join('?' * len(kinds))})",
        (*params, report.category, *kinds),
    ).fetchall()
    found: dict[int, Cluster] = {}
    for id, kind, date, countries_, entity in rows:
        if id not in found:
            found[id] = Cluster(id, report.category, kind, date, set(countries_.split()), set())
        if entity is not None:
            found[id].participants.add(entity)
    return list(found.values())
