"""Queries on a small hand-made store, the same answers from SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from depesha.store.filters import EventFilter
from depesha.store.fixtures import PEOPLE, make_record
from depesha.store.queries import find_events, find_people, get_article, relations, search, stats

KZ, MX, RU, CN = PEOPLE[0], PEOPLE[3], PEOPLE[5], PEOPLE[6]
RECORDS = [
    make_record(KZ, MX, date="2025-11-28", topics=("legislative", "environment"), mode="online"),
    make_record(KZ, RU, date="2024-05-02", topics=("economic",), mode="in_person", proposal=False),
    make_record(RU, CN, date="2023-02-10", topics=("technology",), mode=None, visit=True),
    make_record(PEOPLE[1], MX, date="2026-02-03", topics=("diplomatic",), mode="in_person", proposal=False,
                visit=True),
]


@pytest.fixture
def filled(store):
    with store.writer() as writer:
        writer.add_many(RECORDS)
    from depesha.store.link import link_followups

    with store.writer() as writer:
        link_followups(writer)
    return store


def events(store, **filters) -> list[tuple[str, str]]:
    with store.read() as conn:
        items = find_events(conn, EventFilter(**filters).check(), limit=100).items
    return [(item["date"], item["kind"]) for item in items]


@pytest.mark.parametrize("filters, expected", [
    ({}, [("2023-02-10", "meeting"), ("2023-02-10", "proposal"), ("2023-02-10", "visit"),
          ("2024-05-02", "meeting"), ("2025-11-28", "meeting"), ("2025-11-28", "proposal"),
          ("2026-02-03", "meeting"), ("2026-02-03", "visit")]),
    ({"countries": ["KZ", "MX"]}, [("2025-11-28", "meeting"), ("2025-11-28", "proposal"),
                                   ("2026-02-03", "meeting"), ("2026-02-03", "visit")]),
    ({"countries": ["mx", "kz"], "since": "2026"}, [("2026-02-03", "meeting"), ("2026-02-03", "visit")]),
    ({"countries": ["KZ"], "until": "2024-12"}, [("2024-05-02", "meeting")]),
    ({"category": "agree"}, [("2023-02-10", "proposal"), ("2025-11-28", "proposal")]),
    ({"kind": "visit"}, [("2023-02-10", "visit"), ("2026-02-03", "visit")]),
    ({"mode": "online"}, [("2025-11-28", "meeting")]),
    ({"topic": "economic"}, [("2024-05-02", "meeting")]),
    ({"person": "Кошанов"}, [("2024-05-02", "meeting"), ("2025-11-28", "meeting"), ("2025-11-28", "proposal")]),
    ({"person": "Koshanov Yerlan"}, [("2024-05-02", "meeting"), ("2025-11-28", "meeting"),
                                     ("2025-11-28", "proposal")]),
    ({"person": "Турганбекову"}, [("2026-02-03", "meeting"), ("2026-02-03", "visit")]),
    ({"person": "Никто Неизвестный"}, []),
    ({"organization": "МИД Китая"}, [("2023-02-10", "meeting"), ("2023-02-10", "proposal"),
                                     ("2023-02-10", "visit")]),
    ({"text": "онлайн-встречу"}, [("2025-11-28", "meeting"), ("2025-11-28", "proposal")]),
    ({"text": "!!!"}, []),
    ({"countries": ["CN"], "text": "визитами"}, [("2023-02-10", "meeting"), ("2023-02-10", "proposal"),
                                                 ("2023-02-10", "visit")]),
])
def test_store_queries_events(filled, filters, expected):
    assert events(filled, **filters) == expected


@pytest.mark.parametrize("filters, message", [
    ({"countries": ["XX"]}, "unknown country code 'XX'"),
    ({"since": "2025-13-01"}, "bad date"),
    ({"since": "28.11.2025"}, "bad date"),
    ({"since": "2025", "until": "2024"}, "empty date range"),
    ({"category": "MEET"}, "unknown category"),
    ({"mode": "video"}, "unknown mode"),
])
def test_store_queries_bad_filters(filters, message):
    with pytest.raises(ValueError, match=message):
        EventFilter(**filters).check()


def test_store_queries_pages(filled):
    with filled.read() as conn:
        seen, cursor = [], None
        while True:
            page = find_events(conn, EventFilter(), limit=3, cursor=cursor)
            seen += [item["id"] for item in page.items]
            if not page.next:
                break
            cursor = page.next
        everything = [item["id"] for item in find_events(conn, EventFilter(), limit=100).items]
    assert seen == everything and len(seen) == 8


def test_store_queries_relations_have_provenance(filled):
    with filled.read() as conn:
        items = relations(conn, "KZ", "MX").items
        texts = {r["article"]: get_article(conn, r["article"])["record"]["article"]["text"]
                 for item in items for r in item["reports"]}
    assert items
    for item in items:
        for report in item["reports"]:
            start, stop = report["evidence"][0]
            assert texts[report["article"]][start:stop] == item["summary"]


def test_store_queries_people_history(filled):
    with filled.read() as conn:
        people = find_people(conn, "Кошанова")
    assert [(p["name"], p["country"], p["first_seen"], p["last_seen"]) for p in people] == [
        ("Ерлан Кошанов", "KZ", "2024-05-02", "2025-11-28")]
    assert [(h["title"], h["organization_name"], h["first_seen"], h["last_seen"], h["reports"])
            for h in people[0]["positions"]] == [
        ("председатель", "Мажилис Парламента Казахстана", "2024-05-02", "2025-11-28", 2)]


def test_store_queries_commitment_followed_up(filled):
    """The 2025 proposal to exchange parliamentary visits is fulfilled by the 2026 visit."""
    with filled.read() as conn:
        items = find_events(conn, EventFilter(countries=["KZ", "MX"]), commitments=True).items
        still_open = find_events(conn, EventFilter(open=True), commitments=True).items
    assert [(f["kind"], f["date"]) for f in items[0]["followups"]] == [("visit", "2026-02-03")]
    assert items[0]["followups"][0]["evidence"]["summary"].endswith("прибыл с официальным визитом в Казахстан.")
    assert [item["date"] for item in still_open] == ["2023-02-10"]


@pytest.mark.parametrize("query, expected", [
    ("визиты", 3),               # визитами, визитом
    ("онлайн-встреча", 1),
    ("Мексикой", 2),
    ("климат", 1),
    ("неизвестноеслово", 0),
])
def test_store_queries_search(filled, query, expected):
    with filled.read() as conn:
        page = search(conn, query)
    assert len(page.items) == expected
    for item in page.items:
        assert item["snippet"]["match"] is not None


def test_store_queries_stats(filled):
    with filled.read() as conn:
        numbers = stats(conn)
    assert (numbers["articles"], numbers["duplicates"], numbers["reports"]) == (4, 0, 8)
    assert numbers["events"] == {"AGREE": 2, "CONSULT": 6}
    assert (numbers["commitments"], numbers["followed_up"]) == (2, 1)
