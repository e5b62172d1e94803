"""Read endpoints: filters, cursor pagination, provenance, OpenAPI."""

from __future__ import annotations

import pytest

from .conftest import RECORDS


@pytest.mark.parametrize("url, expected", [
    ("/api/events", 6),
    ("/api/events?country=KZ&country=MX", 4),
    ("/api/events?country=kz&country=mx&since=2026", 2),
    ("/api/events?category=AGREE", 2),
    ("/api/events?kind=visit", 1),
    ("/api/events?person=Кошанов", 2),
    ("/api/events?q=прибыл", 2),
    ("/api/events?topic=environment&mode=online", 3),
    ("/api/relations/KZ/MX", 4),
    ("/api/relations/RU/CN?until=2024-12", 2),
    ("/api/commitments", 2),
    ("/api/commitments?open=true", 1),
    ("/api/articles", 3),
    ("/api/articles?since=2025", 2),
    ("/api/entities?type=person", 5),
    ("/api/entities?type=country&country=KZ", 1),
    ("/api/search?q=визиты", 3),
])
def test_api_read_lists(client, url, expected):
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert len(response.json()["items"]) == expected


def test_api_read_cursor_pages(client):
    seen, url = [], "/api/events?limit=4"
    while url:
        page = client.get(url).json()
        seen += [item["id"] for item in page["items"]]
        url = page["next"] and f"/api/events?limit=4&cursor={page['next']}"
    assert seen == [item["id"] for item in client.get("/api/events").json()["items"]]
    assert len(seen) == 6


def test_api_read_event_provenance(client):
    event = client.get("/api/relations/KZ/MX").json()["items"][0]
    report = event["reports"][0]
    article = client.get(f"/api/articles/{report['article']}").json()
    start, stop = report["evidence"][0]
    assert article["record"]["article"]["text"][start:stop] == event["summary"]
    assert client.get(f"/api/events/{event['id']}").json()["summary"] == event["summary"]


def test_api_read_entity_and_people(client):
    people = client.get("/api/people", params={"name": "Koshanov"}).json()
    assert [(p["name"], p["positions"][0]["title"]) for p in people] == [("Ерлан Кошанов", "председатель")]
    entity = client.get(f"/api/entities/{people[0]['id']}").json()
    assert entity["names"] == ["Ерлан Кошанов"] and entity["first_seen"] == "2025-11-28"


def test_api_read_stats(client):
    stats = client.get("/api/stats").json()
    assert (stats["articles"], stats["events"], stats["followed_up"]) == (3, {"AGREE": 2, "CONSULT": 4}, 1)


def test_api_read_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{id}", "/api/relations/{a}/{b}", "/api/articles", "/api/articles/{id}",
            "/api/entities", "/api/entities/{id}", "/api/search", "/api/stats", "/api/commitments"} <= set(paths)
    assert "post" in paths["/api/articles"]


def test_api_read_article_text_is_stored_text(client):
    record = RECORDS[0]
    article = client.get(f"/api/articles/{record['article']['id']}").json()
    assert article["record"]["article"]["text"] == record["article"]["text"]
    assert article["record"]["events"] == record["events"]
