"""A store's content by natural keys (article ids, names, offsets), to compare two stores exactly."""

from __future__ import annotations

import json
from typing import Any

from depesha.store import Store
from depesha.store.queries import fetch


def dump_store(store: Store) -> dict[str, Any]:
    """Everything ingest decides, without surrogate ids or timestamps."""
    with store.read() as conn:
        ids = dict(fetch(conn, "SELECT num, id FROM articles"))
        names = {row[0]: f"{row[1]}:{row[2]}:{row[3] or ''}" for row in
                 fetch(conn, "SELECT id, type, name, country FROM entities")}
        reports = fetch(conn, "SELECT id, article, local, cluster, category, kind, date, countries, participants,"
                              " evidence FROM events")
        members: dict[int, list[str]] = {}
        for row in reports:
            members.setdefault(row[3], []).append(f"{ids[row[1]]}/{row[2]}")
        cluster_key = {cluster: min(items) for cluster, items in members.items()}
        return {
            "articles": sorted((ids[num], ids.get(dup), published, text) for num, dup, published, text in
                               fetch(conn, "SELECT num, dup_of, published, text FROM articles")),
            "entities": sorted(f"{names[id]}:{first}:{last}:{count}" for id, first, last, count in
                               fetch(conn, "SELECT id, first_seen, last_seen, articles FROM entities")),
            "mentions": sorted((ids[a], names[e], s, t) for a, e, s, t in
                               fetch(conn, "SELECT article, entity, start, stop FROM mentions")),
            "positions": sorted((ids[a], names[p], title, s, t) for a, p, title, s, t in
                                fetch(conn, "SELECT article, person, title, start, stop FROM positions")),
            "events": sorted((f"{ids[r[1]]}/{r[2]}", cluster_key[r[3]], r[4], r[5], r[6], r[7],
                              sorted(names[int(p)] for p in r[8].split()), json.loads(r[9])) for r in reports),
            "clusters": sorted((cluster_key[c], n) for c, n in fetch(conn, "SELECT id, articles FROM clusters")),
            "followups": sorted((cluster_key[c], cluster_key[e], rule) for c, e, rule in
                                fetch(conn, "SELECT commitment, event, rule FROM followups")),
        }
