"""Ingest: idempotent, atomic per article, provenance kept, duplicates linked, reports clustered."""

from __future__ import annotations

import copy
import json

import pytest

from depesha.errors import StoreError
from depesha.store import open_store
from depesha.store.fixtures import PEOPLE, make_record, republish
from depesha.store.queries import fetch

from .dump import dump_store


def count(store, table: str) -> int:
    with store.read() as conn:
        return fetch(conn, f"SELECT count(*) FROM {table}")[0][0]


def test_store_ingest_idempotent(store, corpus):
    with store.writer(batch=50) as writer:
        first = writer.add_many(corpus)
    before = dump_store(store)
    with store.writer(batch=50) as writer:
        second = writer.add_many(corpus)
    assert (first.stored, first.skipped, first.failed) == (len(corpus), 0, 0)
    assert (second.stored, second.skipped) == (0, len(corpus))
    assert dump_store(store) == before


def test_store_ingest_provenance(store):
    record = make_record(visit=True)
    with store.writer() as writer:
        writer.add(record)
    text = record["article"]["text"]
    with store.read() as conn:
        stored = fetch(conn, "SELECT text FROM articles")[0][0]
        mentions = fetch(conn, "SELECT e.name, m.start, m.stop FROM mentions m JOIN entities e ON e.id = m.entity")
        evidence = [json.loads(row[0]) for row in fetch(conn, "SELECT evidence FROM events ORDER BY id")]
    assert stored == text
    start = text.index("Ерлан Кошанов")
    assert ("Ерлан Кошанов", start, start + 13) in mentions
    expected = sorted((e["name"], a, b) for e in record["entities"] for a, b in e["mentions"])
    assert sorted(tuple(row) for row in mentions) == expected
    assert [text[a:b] for spans in evidence for a, b in spans] == [event["summary"] for event in record["events"]]


@pytest.mark.parametrize("damage, message", [
    (lambda r: r["entities"][0]["mentions"].append([5, 10_000]), "outside the text"),
    (lambda r: r["events"][0].update(evidence=[[3]]), r"expected \[start, stop\]"),
    (lambda r: r["positions"][0].update(person="e99"), "unknown person"),
    (lambda r: r["events"][0].update(category=None), "without category"),
    (lambda r: r["article"].pop("text"), "without article id or text"),
])
def test_store_ingest_rejects_bad_record(sqlite_store, damage, message):
    record = make_record()
    damage(record)
    with sqlite_store.writer() as writer, pytest.raises(StoreError, match=message):
        writer.add(record)
    assert count(sqlite_store, "articles") == 0


def test_store_ingest_atomic_per_article(store, monkeypatch):
    """A failure in the middle of an article leaves no trace of it; the previous article stays."""
    good, bad = make_record(), make_record(PEOPLE[5], PEOPLE[6])
    with store.writer() as writer:
        writer.add(good)
        monkeypatch.setattr("depesha.store.facts.insert_events",
                            lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
        with pytest.raises(RuntimeError):
            writer.add(bad)
    assert count(store, "articles") == 1
    assert count(store, "events") == len(good["events"])
    assert count(store, "entities") == len(good["entities"])


def test_store_ingest_links_republished(store):
    original = make_record(visit=True)
    copies = [republish(original, "Подписывайтесь на наш канал.", "ТАСС"),
              republish(original, "Читайте также: главные новости дня.", "Tengrinews")]
    other = make_record(PEOPLE[5], PEOPLE[6], date="2025-03-01")
    with store.writer() as writer:
        outcomes = [writer.add(record) for record in [original, *copies, other]]
    assert [o.dup_of for o in outcomes] == [None, original["article"]["id"], original["article"]["id"], None]
    with store.read() as conn:
        rows = fetch(conn, "SELECT articles FROM clusters ORDER BY id")
    # the three copies report the same three events: three clusters counted once, plus the other article's two
    assert [row[0] for row in rows] == [1, 1, 1, 1, 1]
    assert count(store, "events") == 3 * 3 + 2


def test_store_ingest_clusters_reports_of_one_event(store):
    """Two agencies write their own text about the same meeting, a day apart: one event, two articles."""
    a = make_record(PEOPLE[0], PEOPLE[3], date="2025-11-28", agency="Kazinform", proposal=False)
    b = make_record(PEOPLE[0], PEOPLE[3], date="2025-11-29", agency="ТАСС", proposal=False, visit=True,
                    topics=("economic",))
    c = make_record(PEOPLE[0], PEOPLE[3], date="2025-12-20", proposal=False)  # another meeting, weeks later
    with store.writer() as writer:
        for record in (a, b, c):
            writer.add(record)
    with store.read() as conn:
        rows = fetch(conn, "SELECT kind, date, articles FROM clusters ORDER BY id")
    assert rows == [("meeting", "2025-11-28", 2), ("visit", "2025-11-29", 1), ("meeting", "2025-12-20", 1)]


@pytest.mark.parametrize("bulk", [False, True], ids=["per-article", "bulk"])
def test_store_ingest_month_precision_report_joins_its_month(store, bulk):
    """'в январе ... встретились' (a month-precision date, stored as the 1st) joins the meeting of Jan 20 reported
    before; a meeting of the same people in March stays apart."""
    day = make_record(PEOPLE[0], PEOPLE[3], date="2026-01-20", proposal=False)
    later = make_record(PEOPLE[0], PEOPLE[3], date="2026-02-10", agency="ТАСС", proposal=False)
    march = make_record(PEOPLE[0], PEOPLE[3], date="2026-03-15", agency="РИА", proposal=False)
    for record, month in ((later, "2026-01-01"), (march, "2026-03-01")):  # a retrospective mention of a month
        record["events"][0].update(date=month, date_precision="month")
    with store.writer(bulk=bulk) as writer:
        for record in (day, later, march):
            writer.add(record)
    with store.read() as conn:
        rows = fetch(conn, "SELECT e.article, e.date, c.date FROM events e JOIN clusters c ON c.id = e.cluster"
                           " ORDER BY e.article")
    assert [(date, cluster) for _, date, cluster in rows] == [
        ("2026-01-20", "2026-01-20"), ("2026-01-01", "2026-01-20"), ("2026-03-01", "2026-03-01")]


def test_store_ingest_keeps_people_apart(store):
    """Same surname, different countries: two persons; inflected or reordered names: one person."""
    kz = copy.deepcopy(PEOPLE[0])
    mx = copy.deepcopy(PEOPLE[3])
    mx.name, mx.instr = "Ерлан Кошанов", "Ерланом Кошановым"   # a namesake in Mexico
    records = [make_record(kz, PEOPLE[5], date="2025-01-10"), make_record(mx, PEOPLE[6], date="2025-02-10")]
    reordered = make_record(kz, PEOPLE[7], date="2025-03-10")
    for entity in reordered["entities"]:
        if entity["name"] == "Ерлан Кошанов":
            entity["name"] = "Кошанов Ерлан"
    with store.writer() as writer:
        for record in [*records, reordered]:
            writer.add(record)
    with store.read() as conn:
        rows = fetch(conn, "SELECT country, first_seen, last_seen, articles FROM entities WHERE skey = 'kosanov'"
                           " ORDER BY country")
    assert rows == [("KZ", "2025-01-10", "2025-03-10", 2), ("MX", "2025-02-10", "2025-02-10", 1)]


def test_store_open_errors(tmp_path):
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://localhost/x")
    with pytest.raises(StoreError, match="cannot open"):
        open_store("postgresql://nobody@127.0.0.1:1/none")
