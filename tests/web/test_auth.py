"""DEPESHA_READ_TOKEN on the pages: every page with and without the token, the login cookie, 401 bodies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import TOKEN

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

READ = "test-read-token-a41d"
PAGES = ["/", "/events/{event}", "/pairs/KZ-MX", "/people/{person}", "/network?level=people", "/articles/{article}",
         "/articles/{article}/raw", "/search?q=встречи", "/upload", "/map", "/map?country=KZ"]
CHARTS = ["/charts/timeline.json", "/charts/pairs/KZ-MX.json", "/charts/network.json", "/charts/map.json"]


@pytest.fixture(scope="module")
def guarded_app(web_db: Path):
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    with TestClient(create_app(Settings(db=str(web_db), api_token=TOKEN, read_token=READ))) as client:
        yield client


@pytest.fixture
def guarded(guarded_app):
    """The app with both tokens set, and no cookie or wrong login left by an earlier test."""
    guarded_app.cookies.clear()
    guarded_app.cookies.set("depesha_lang", "en")   # messages asserted in English
    guarded_app.app.state.login_throttle.failures.clear()
    yield guarded_app
    guarded_app.cookies.clear()
    guarded_app.app.state.login_throttle.failures.clear()


def login(client, token: str = READ, next: str = "/"):
    return client.post("/login", data={"token": token, "next": next}, follow_redirects=False)


# EVERY PAGE


@pytest.mark.parametrize("url", PAGES + CHARTS)
def test_auth_open_without_read_token(client, ids, url: str) -> None:
    assert client.get(url.format(**ids)).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_auth_page_needs_token(guarded, ids, url: str) -> None:
    response = guarded.get(url.format(**ids))
    assert response.status_code == 401 and response.headers["content-type"].startswith("text/html")
    assert "These pages need the read token (DEPESHA_READ_TOKEN)" in response.text
    assert '<form class="login" method="post" action="/login"' in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "Ерлан Кошанов" not in response.text and READ not in response.text


@pytest.mark.parametrize("url", CHARTS)
def test_auth_chart_needs_token(guarded, url: str) -> None:
    response = guarded.get(url)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert "DEPESHA_READ_TOKEN" in response.json()["error"]["message"]


@pytest.mark.parametrize("url", PAGES + CHARTS)
def test_auth_page_with_cookie(guarded, ids, url: str) -> None:
    assert login(guarded).status_code == 303
    assert guarded.get(url.format(**ids)).status_code == 200


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401),
    ({"Authorization": "Bearer wrong"}, 401),
    ({"Cookie": f"depesha_read={READ}"}, 401),   # the cookie holds an HMAC of the token, not the token
    ({"Cookie": "depesha_read="}, 401),
    ({"Authorization": f"Bearer {READ}"}, 200),   # scripts may use the header on the pages too
    ({"Authorization": f"Bearer {TOKEN}"}, 200),  # the write token reads as well
])
def test_auth_page_credentials(guarded, headers: dict[str, str], status: int) -> None:
    assert guarded.get("/pairs/KZ-MX", headers=headers).status_code == status


def test_auth_open_paths(guarded) -> None:
    assert guarded.get("/static/css/depesha.css").status_code == 200  # the login page needs its styles
    assert guarded.get("/login").status_code == 200
    assert guarded.get("/openapi.json").status_code == 200            # the schema, no data


# LOGIN


def test_auth_login_sets_cookie(guarded) -> None:
    response = login(guarded, next="/pairs/KZ-MX?interval=week")
    assert response.status_code == 303 and response.headers["location"] == "/pairs/KZ-MX?interval=week"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("depesha_read=") and READ not in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie and "Max-Age" not in cookie  # plain http in tests; a browser-session cookie
    page = guarded.get("/pairs/KZ-MX")
    assert page.status_code == 200 and 'action="/logout"' in page.text


def test_auth_login_write_token(guarded) -> None:
    assert login(guarded, TOKEN).status_code == 303
    assert guarded.get("/").status_code == 200


@pytest.mark.parametrize("token", ["wrong", "", READ + "x", READ[:-1]])
def test_auth_login_wrong_token(guarded, token: str) -> None:
    response = login(guarded, token, next="/network")
    assert response.status_code == 401 and "set-cookie" not in response.headers
    assert '<p class="error" role="alert">wrong token</p>' in response.text
    assert 'name="next" value="/network"' in response.text and READ not in response.text
    assert guarded.get("/network").status_code == 401


@pytest.mark.parametrize(("next", "location"), [
    ("/events/1?x=1&y=2", "/events/1?x=1&y=2"),
    ("//evil.example/", "/"),
    ("https://evil.example/", "/"),
    ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"),
    ("", "/"),
])
def test_auth_login_next_stays_on_site(guarded, next: str, location: str) -> None:
    assert login(guarded, next=next).headers["location"] == location


def test_auth_401_page_remembers_the_url(guarded) -> None:
    html = guarded.get("/search", params={"q": "встречи", "cursor": "x"}).text
    assert 'name="next" value="/search?q=%D0%B2%D1%81%D1%82%D1%80%D0%B5%D1%87%D0%B8&amp;cursor=x"' in html


def test_auth_logout(guarded) -> None:
    login(guarded)
    response = guarded.post("/logout", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert 'depesha_read=""' in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]
    assert guarded.get("/").status_code == 401


def test_auth_login_without_read_token(client) -> None:
    assert client.get("/login?next=/network", follow_redirects=False).headers["location"] == "/network"
    assert 'action="/logout"' not in client.get("/").text


def test_auth_cookie_follows_the_token(web_db: Path, guarded) -> None:
    """A new DEPESHA_READ_TOKEN logs every browser out: the cookie is derived from the token."""
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    login(guarded)
    with TestClient(create_app(Settings(db=str(web_db), read_token=READ + "-new"))) as other:
        other.cookies.update(guarded.cookies)
        assert other.get("/").status_code == 401


# UPLOAD: read cookie to see the page, write token to store


UPLOADED = "Астана, 3 декабря. Министр иностранных дел Казахстана Мурат Нуртлеу провел встречу с послом Мексики."


def test_auth_upload_post_needs_read_token(guarded) -> None:
    assert guarded.post("/upload", data={"text": UPLOADED}).status_code == 401
    assert guarded.post("/upload/store", data={"text": UPLOADED, "token": TOKEN}).status_code == 401


def test_auth_upload_store_still_needs_write_token(web_db: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    shutil.copy(web_db, tmp_path / "copy.db")  # stores an article: leave the shared store alone
    with TestClient(create_app(Settings(db=str(tmp_path / "copy.db"), api_token=TOKEN, read_token=READ))) as client:
        login(client)
        assert client.post("/upload", data={"text": UPLOADED}).status_code == 200
        refused = client.post("/upload/store", data={"text": UPLOADED, "token": READ})
        assert refused.status_code == 403 and "wrong token" in refused.text
        stored = client.post("/upload/store", data={"text": UPLOADED, "token": TOKEN}, follow_redirects=False)
        assert stored.status_code == 303 and client.get(stored.headers["location"]).status_code == 200


def test_auth_login_throttled_after_wrong_tokens(guarded) -> None:
    """Ten wrong tokens in a minute: the eleventh try waits, even with the right token (429, Retry-After)."""
    for _ in range(10):
        assert login(guarded, "guess").status_code == 401
    response = login(guarded)
    assert response.status_code == 429 and "set-cookie" not in response.headers
    assert 0 < int(response.headers["retry-after"]) <= 60 and "too many wrong tokens" in response.text
    assert guarded.get("/").status_code == 401


@pytest.mark.parametrize(("failures", "now", "wait"), [
    ([], 100.0, 0.0),
    ([0.0] * 9, 1.0, 0.0),            # nine: still allowed
    ([0.0] * 10, 1.0, 59.0),          # ten in the window: wait until the oldest is a minute old
    ([0.0] + [30.0] * 9, 61.0, 0.0),  # the oldest left the window: nine remain
    ([0.0] * 10, 60.0, 0.0),
])
def test_auth_throttle_wait(failures: list[float], now: float, wait: float) -> None:
    from depesha.web.auth import Throttle

    throttle = Throttle(limit=10, window=60.0)
    for at in failures:
        throttle.fail("10.0.0.1", now=at)
    assert throttle.wait("10.0.0.1", now=now) == pytest.approx(wait)
    assert throttle.wait("10.0.0.2", now=now) == 0.0


def test_auth_throttle_forgets_oldest_client_when_full() -> None:
    from depesha.web.auth import Throttle

    throttle = Throttle(limit=1, window=60.0, clients=2)
    for client in ("a", "b", "c"):
        throttle.fail(client, now=0.0)
    assert list(throttle.failures) == ["b", "c"] and throttle.wait("a", now=1.0) == 0.0
