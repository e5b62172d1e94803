"""Each page in-process: status, key content, escaping of hostile article text, the CSP header."""

from __future__ import annotations

import pytest

from .conftest import IMG, SCRIPT

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_pages_overview(client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert 'href="/pairs/KZ-MX"' in response.text
    assert 'data-src="/charts/timeline.json?interval=month"' in response.text
    assert "Ерлан Кошанов" in response.text


def test_pages_overview_filters_kept(client) -> None:
    response = client.get("/", params={"country": "mx", "category": "CONSULT", "since": "2025-11"})
    assert response.status_code == 200
    assert 'value="mx"' in response.text and '<option value="CONSULT" selected>Consult</option>' in response.text
    assert "country=MX" not in response.text or "since=2025-11" in response.text
    assert "/charts/timeline.json?interval=month&amp;since=2025-11&amp;country=mx&amp;category=CONSULT" in response.text


@pytest.mark.parametrize(("query", "message"), [
    ("since=2025-13", "bad date"),
    ("country=ZZ", "unknown country"),
    ("category=PARTY", "unknown category"),
])
def test_pages_overview_bad_filter(client, query: str, message: str) -> None:
    response = client.get("/?" + query)
    assert response.status_code == 400
    assert message in response.text and "<h1>Error 400</h1>" in response.text


def test_pages_event(client, ids) -> None:
    response = client.get(f"/events/{ids['event']}")
    assert response.status_code == 200
    assert 'data-role="evidence"' in response.text
    assert 'data-role="evidence participant"' in response.text or 'data-role="participant"' in response.text
    assert f'href="/articles/{ids["article"]}"' in response.text
    assert 'href="/pairs/KZ-MX"' in response.text


def test_pages_event_missing(client) -> None:
    assert client.get("/events/987654").status_code == 404


def test_pages_pair(client) -> None:
    response = client.get("/pairs/KZ-MX")
    assert response.status_code == 200
    assert "People of KZ" in response.text and "Хорхе Лосоя" in response.text
    assert 'data-src="/charts/pairs/KZ-MX.json?interval=month"' in response.text


def test_pages_pair_redirects_and_refuses(client) -> None:
    assert client.get("/pairs/MX-KZ", follow_redirects=False).headers["location"] == "/pairs/KZ-MX"
    assert client.get("/pairs/KZ-KZ").status_code == 404
    assert client.get("/pairs/KZ-XX").status_code == 404


def test_pages_person(client, ids) -> None:
    response = client.get(f"/people/{ids['person']}")
    assert response.status_code == 200
    assert "<h1 lang=\"ru\">Ерлан Кошанов" in response.text
    assert "председатель" in response.text and "Хорхе Лосоя" in response.text


def test_pages_article(client, ids) -> None:
    response = client.get(f"/articles/{ids['article']}")
    assert response.status_code == 200
    assert 'data-role="person"' in response.text and 'data-role="country"' in response.text
    raw = client.get(f"/articles/{ids['article']}/raw")
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("text/plain")


def test_pages_search(client) -> None:
    response = client.get("/search", params={"q": "встречи"})
    assert response.status_code == 200
    assert '<mark data-role="match"' in response.text


def test_pages_network(client) -> None:
    response = client.get("/network", params={"level": "people"})
    assert response.status_code == 200
    assert 'data-src="/charts/network.json?level=people&amp;ties=40"' in response.text


@pytest.mark.parametrize("url", ["/", "/network", "/search?q=x", "/upload", "/pairs/KZ-MX", "/events/987654"])
def test_pages_csp(client, url: str) -> None:
    csp = client.get(url).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp and "unsafe-inline" not in csp


def test_pages_no_inline_scripts(client, ids) -> None:
    for url in ["/", f"/events/{ids['event']}", "/pairs/KZ-MX", "/network", "/upload"]:
        html = client.get(url).text
        assert "<script>" not in html and " onclick=" not in html and " style=" not in html


def test_pages_hostile_article_escaped(client, hostile_id: str) -> None:
    html = client.get(f"/articles/{hostile_id}").text
    assert SCRIPT not in html and IMG not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html


def test_pages_hostile_everywhere(client) -> None:
    for url in ["/", "/search?q=pwned", "/network?level=people"]:
        html = client.get(url).text
        assert SCRIPT not in html and IMG not in html


# CHARTS


def test_charts_timeline(client) -> None:
    data = client.get("/charts/timeline.json", params={"interval": "week", "country": "MX"}).json()
    assert data["interval"] == "week"
    assert "2025-11-24" in data["buckets"]  # Monday of 2025-11-28
    assert all(len(counts) == len(data["buckets"]) for counts in data["series"].values())


def test_charts_pair(client) -> None:
    data = client.get("/charts/pairs/KZ-MX.json").json()
    assert data["buckets"][:2] == ["2025-11", "2025-12"]
    assert "CONSULT" in data["series"]


def test_charts_network(client) -> None:
    data = client.get("/charts/network.json").json()
    edge = next(e for e in data["edges"] if {e["source"], e["target"]} == {"KZ", "MX"})
    assert edge["events"] >= 2 and edge["href"] == "/pairs/KZ-MX"
    assert client.get("/charts/network.json?since=bad").status_code == 400
