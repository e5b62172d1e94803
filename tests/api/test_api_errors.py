"""Bad parameters and missing things are JSON errors with a clear message."""

from __future__ import annotations

import pytest

from depesha.store.filters import dump_cursor, known_countries

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
    ("/api/nothing-here", 404, "http_error", "no such endpoint: GET /api/nothing-here"),
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


COUNTRIES_70 = "&".join(f"country={code}" for code in sorted(known_countries())[:70])


@pytest.mark.parametrize("url, status, code, message", [
    (f"/api/events/{2**63}", 404, "not_found", f"no event {2**63}"),
    (f"/api/entities/{10**30}", 404, "not_found", f"no entity {10**30}"),
    (f"/api/articles?cursor={dump_cursor(10**30)}", 400, "bad_parameter", "bad cursor"),
    (f"/api/entities?cursor={dump_cursor(2**63)}", 400, "bad_parameter", "bad cursor"),
    (f"/api/search?q=визит&cursor={dump_cursor('abc')}", 400, "bad_parameter", "bad cursor"),
    (f"/api/articles?cursor={dump_cursor('²')}", 400, "bad_parameter", "bad cursor"),      # a digit to isdigit, not to int
    (f"/api/articles?cursor={dump_cursor('--5')}", 400, "bad_parameter", "bad cursor"),
    (f"/api/events?cursor={dump_cursor('2025-11-28', 10**30)}", 400, "bad_parameter", "bad cursor"),
    (f"/api/events?cursor={dump_cursor(1, 2, 3)}", 400, "bad_parameter", "bad cursor"),
    ("/api/events?" + COUNTRIES_70, 400, "bad_parameter", "too many countries: 70, at most 20"),
    ("/api/events?since=99999999999", 400, "bad_parameter", "bad date '99999999999'"),
    ("/api/events?until=2025-02-30", 400, "bad_parameter", "day is out of range for month"),
    ("/api/events?person=" + "9" * 30, 200, None, None),
    ("/api/events?person=²", 200, None, None),
    ("/api/stats", 200, None, None),
    ("/api/nothing-here", 404, "http_error", "the routes are listed in /openapi.json"),
    ("/charts/pairs/KZ.json", 404, "bad_parameter", "expected two country codes like KZ-MX"),
])
def test_issue17_numbers_cursors_filters(client, url, status, code, message):
    response = client.get(url)
    assert response.status_code == status, response.text
    if code:
        assert response.json()["error"]["code"] == code and message in response.json()["error"]["message"]


@pytest.mark.parametrize("url, status, message", [
    ("/people/12345678901234567890", 404, "no person 12345678901234567890"),
    (f"/events/{2**63}", 404, f"no event {2**63}"),
    ("/events/abc", 422, "id: Input should be a valid integer"),
    ("/events?since=9999-12-31&page=" + "9" * 10_000, 200, "Events"),
    ("/network?ties=²", 200, "Network"),
])
def test_issue17_pages_answer_html(client, url, status, message):
    response = client.get(url, headers={"Accept": "text/html", "Cookie": "depesha_lang=en"})  # messages in English
    assert response.status_code == status and "text/html" in response.headers["content-type"]
    assert message in response.text


def test_issue17_put_on_a_chart_is_a_json_error(client):
    response = client.put("/charts/network.json")
    assert response.status_code == 405 and "method not allowed: PUT" in response.json()["error"]["message"]
