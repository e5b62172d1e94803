"""Reprocess: facts replaced from the stored text, entity ids kept when they still match."""

from __future__ import annotations

import copy

from depesha.store.fixtures import PEOPLE, make_record
from depesha.store.queries import fetch
from depesha.store.reprocess import reprocess

RECORDS = [make_record(PEOPLE[0], PEOPLE[3], date="2025-11-28", visit=True),
           make_record(PEOPLE[0], PEOPLE[5], date="2025-12-01")]


def improved(stored: dict) -> dict:
    """A 'better' extractor: the same record, without its visit event and with a gender it had missed."""
    record = copy.deepcopy(next(r for r in RECORDS if r["article"]["id"] == stored["id"]))
    record["events"] = [event for event in record["events"] if event["kind"] != "visit"]
    record["entities"][0]["gender"] = "masc"
    return record


def snapshot(store) -> dict:
    with store.read() as conn:
        return {
            "entities": dict(fetch(conn, "SELECT name, id FROM entities WHERE type = 'person'")),
            "kinds": sorted(row[0] for row in fetch(conn, "SELECT kind FROM events")),
            "clusters": sorted(row[0] for row in fetch(conn, "SELECT kind FROM clusters")),
            "texts": sorted(row[0] for row in fetch(conn, "SELECT text FROM articles")),
            "koshanov": fetch(conn, "SELECT articles, first_seen, last_seen FROM entities WHERE name = ?",
                              ["Ерлан Кошанов"])[0],
        }


def test_store_reprocess_keeps_ids(store):
    with store.writer() as writer:
        writer.add_many(RECORDS)
    before = snapshot(store)
    with store.writer() as writer:
        summary = reprocess(writer, improved)
    after = snapshot(store)
    assert (summary.stored, summary.failed) == (2, 0)
    assert after["entities"] == before["entities"]
    assert after["texts"] == before["texts"]
    assert before["kinds"].count("visit") == 1 and "visit" not in after["kinds"]
    assert "visit" not in after["clusters"]
    assert after["koshanov"] == before["koshanov"] == (2, "2025-11-28", "2025-12-01")


def test_store_reprocess_refuses_other_text(store):
    with store.writer() as writer:
        writer.add_many(RECORDS)

    def shifted(stored: dict) -> dict:
        record = improved(stored)
        record["article"]["text"] = " " + record["article"]["text"]
        return record

    with store.writer() as writer:
        summary = reprocess(writer, shifted, ids=[RECORDS[0]["article"]["id"]])
    assert summary.failed == 1 and "never altered" in summary.failures[0][1]
    with store.read() as conn:
        assert fetch(conn, "SELECT count(*) FROM events")[0][0] == 3 + 2
