"""Bad parameters and missing things are JSON errors with a clear message."""

from __future__ import annotations

import pytest

from .conftest import make_client


@pytest.mark.parametrize("url, status, code, message", [
    ("/api/events?country=XX", 400, "bad_parameter", "unknown country code 'XX'"),
    ("/api/relations/KZ/ZZ", 400, "bad_parameter", "unknown country code 'ZZ'"),
    ("/api/events?since=2025-13", 400, "bad_parameter", "bad date '2025-13'"),
    ("/api/events?until=yesterday", 400, "bad_parameter", "bad date 'yesterday'"),
    ("/api/articles?since=2025-02-30", 400, "bad_parameter", "bad date"),
    ("/api/events?limit=100000", 400, "bad_parameter", "page size 100000 out of range: expected 1..500"),
    ("/api/events?limit=0", 400, "bad_parameter", "page size 0 out of range"),
    ("/api/events?limit=ten", 422, "invalid_request", "limit: Input should be a valid integer"),
    ("/api/events?cursor=garbage", 400, "bad_parameter", "bad cursor"),
    ("/api/events?category=MEET", 400, "bad_parameter", "unknown category 'MEET'"),
    ("/api/entities?type=alien", 400, "bad_parameter", "unknown entity type 'alien'"),
    ("/api/search", 422, "invalid_request", "q: Field required"),
    ("/api/events/999999", 404, "not_found", "no event 999999"),
    ("/api/articles/a0000000000000000", 404, "not_found", "no article"),
    ("/api/nothing-here", 404, "http_error", "Not Found"),
])
def test_api_errors(client, url, status, code, message):
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert message in response.json()["error"]["message"]


def test_api_errors_read_token(db):
    with make_client(db, read_token="r") as client:
        assert client.get("/api/stats").status_code == 401
        assert client.get("/api/stats", headers={"Authorization": "Bearer r"}).status_code == 200


def test_api_errors_page_limit_setting(db):
    with make_client(db, max_page_size=10) as client:
        assert "expected 1..10" in client.get("/api/events?limit=11").json()["error"]["message"]
