"""POST /api/articles: behind DEPESHA_API_TOKEN, idempotent, bad records refused."""

from __future__ import annotations

import pytest

from depesha.store.fixtures import PEOPLE, make_record

from .conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_api_ingest_record(client):
    record = make_record(PEOPLE[7], PEOPLE[8], date="2025-05-05")
    response = client.post("/api/articles", json={"record": record}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json() == {"article": record["article"]["id"], "status": "stored", "dup_of": None}
    again = client.post("/api/articles", json={"record": record}, headers=AUTH).json()
    assert again["status"] == "skipped"
    assert len(client.get("/api/relations/TR/UZ").json()["items"]) == 2


@pytest.mark.parametrize("headers, status, code", [
    ({}, 401, "unauthorized"),
    ({"Authorization": "Bearer wrong"}, 401, "unauthorized"),
    ({"Authorization": TOKEN}, 401, "unauthorized"),
])
def test_api_ingest_needs_token(client, headers, status, code):
    response = client.post("/api/articles", json={"record": make_record()}, headers=headers)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


def test_api_ingest_disabled_without_token(db):
    with make_client(db) as client:
        response = client.post("/api/articles", json={"record": make_record()}, headers=AUTH)
    assert response.status_code == 403 and "DEPESHA_API_TOKEN" in response.json()["error"]["message"]


@pytest.mark.parametrize("body, message", [
    ({}, "expected `text` or `record`"),
    ({"record": {"article": {"id": "a1", "text": "abc"}, "events": [{"id": "v1", "category": "CONSULT",
                                                                      "evidence": [[0, 99]]}]}}, "outside the text"),
])
def test_api_ingest_bad_body(client, body, message):
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 400 and message in response.json()["error"]["message"]


@pytest.mark.slow
def test_api_ingest_text_is_extracted(client):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "samples" / "01-kz-tr-minister-visit.txt").read_text()
    response = client.post("/api/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201 and response.json()["status"] == "stored"
    assert client.get("/api/relations/KZ/TR").json()["items"]
