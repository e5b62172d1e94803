"""DEPESHA_READ_TOKEN on /api (Bearer header or the pages' login cookie); no Swagger UI or ReDoc, the schema stays."""

from __future__ import annotations

import pytest

from .conftest import TOKEN, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

READ = "api-read-token-7c02"


@pytest.fixture
def guarded(db: str):
    pytest.importorskip("fastapi")
    with make_client(db, api_token=TOKEN, read_token=READ) as client:
        yield client


def cookie_of(client, token: str) -> str:
    response = client.post("/login", data={"token": token}, follow_redirects=False)
    client.cookies.clear()
    return response.headers["set-cookie"].split(";")[0]


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401),
    ({"Authorization": "Bearer wrong"}, 401),
    ({"Authorization": "Basic " + READ}, 401),
    ({"Authorization": "Bearer "}, 401),
    ({"Cookie": f"depesha_read={READ}"}, 401),
    ({"Authorization": f"Bearer {READ}"}, 200),
    ({"Authorization": f"bearer {TOKEN}"}, 200),
])
def test_api_auth_read_token(guarded, headers: dict[str, str], status: int) -> None:
    for url in ["/api/stats", "/api/events", "/api/search?q=встреча", "/api/relations/KZ/MX"]:
        response = guarded.get(url, headers=headers)
        assert response.status_code == status, url
        if status == 401:
            assert response.json() == {"error": {"code": "unauthorized", "message":
                                                 "this API needs a token: Authorization: Bearer <DEPESHA_READ_TOKEN>"}}


def test_api_auth_login_cookie(guarded) -> None:
    """The JSON twins linked from the pages open in the browser after the login form."""
    cookie = cookie_of(guarded, READ)
    assert guarded.get("/api/stats", headers={"Cookie": cookie}).status_code == 200


def test_api_auth_cookie_does_not_write(guarded) -> None:
    cookie = cookie_of(guarded, TOKEN)
    response = guarded.post("/api/articles", json={"text": "x"}, headers={"Cookie": cookie})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_api_auth_open_by_default(client) -> None:
    assert client.get("/api/stats").status_code == 200


@pytest.mark.parametrize("url", ["/docs", "/redoc", "/docs/oauth2-redirect"])
def test_api_auth_no_interactive_docs(client, url: str) -> None:
    """Swagger UI and ReDoc load their JS from a CDN: not served at all (no network at run time, one CSP)."""
    assert client.get(url).status_code == 404


def test_api_auth_openapi_schema(guarded) -> None:
    response = guarded.get("/openapi.json")  # describes the routes, holds no data: open even with a read token
    assert response.status_code == 200 and "script-src 'self'" in response.headers["content-security-policy"]
    schema = response.json()
    assert "/api/events" in schema["paths"] and "/api/articles" in schema["paths"]
    assert schema["components"]["securitySchemes"]["read token"] == {
        "type": "http", "scheme": "bearer",
        "description": "DEPESHA_READ_TOKEN (or DEPESHA_API_TOKEN), needed only when the server sets one"}
    assert not [path for path in schema["paths"] if not path.startswith("/api")]
    assert "cdn" not in response.text.lower()
