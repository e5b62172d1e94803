"""Fuzz every route of the app, taken from the app itself so a new route is covered: hostile ids, cursors, dates,
filters, bodies, content types and tokens. Never a 500; an /api error is JSON with a message a person can act on;
a page error is the HTML error page."""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .conftest import TOKEN, fill
from .fuzz_values import CONTENT_TYPES, TOKENS, article_body, form_body, query_string, value_for

pytest.importorskip("fastapi")

SEED = 17
REQUESTS = 1200
READ_TOKEN = "fuzz-read-token"
PAGES = Path(__file__).resolve().parents[2] / "depesha" / "web" / "pages"
MAX_URL = 60_000          # httpx refuses longer URLs (uvicorn's h11 refuses a request line over 16 kB itself)
BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8"
NOT_ACTIONABLE = re.compile(r"Internal Server Error|Traceback|object at 0x|<class |\w+Error\(|invalid literal for|"
                            r"NoneType|has no attribute|not subscriptable|unhashable|codec can't")


@dataclass
class Route:
    path: str                 # with {name} placeholders
    methods: list[str]
    params: list[str]         # query parameter names


# ROUTES, FROM THE APP


def page_params() -> list[str]:
    """Query parameters the pages read themselves (request.query_params.get), besides the declared ones."""
    from depesha.web.pages.common import Filters

    found = {name for path in PAGES.glob("*.py")
             for name in re.findall(r"query_params\.get\(\"(\w+)\"", path.read_text(encoding="utf-8"))}
    return sorted(found | set(Filters.__dataclass_fields__))


def declared(dependant: Any) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= declared(sub)
    return names


def app_routes(app: Any) -> list[Route]:
    """Every route with its methods and query parameters (FastAPI >= 0.16x wraps included routers)."""
    from fastapi import routing

    contexts = routing.iter_route_contexts(app.routes) if hasattr(routing, "iter_route_contexts") else app.routes
    extra = page_params()
    routes = []
    for route in contexts:
        path = route.path
        if path is None:
            continue
        dependant = getattr(route, "dependant", None)
        names = sorted(declared(dependant)) if dependant else []
        if not path.startswith("/api"):
            names = sorted(set(names) | set(extra))
        methods = sorted(route.methods or []) or ["GET"]
        routes.append(Route(path if route.methods else path + "/{file}", methods, names))
    return routes


# REQUESTS


def weight(route: Route) -> int:
    """How often a route is drawn after every route had four requests: writes and ids get more."""
    return 12 if route.path == "/api/articles" and "POST" in route.methods else 3 if "{" in route.path \
        or "POST" in route.methods or route.path in ("/api/events", "/events") else 1


def fill_path(rng: random.Random, path: str) -> str:
    from .fuzz_values import encode

    return re.sub(r"\{(\w+)\}", lambda match: encode(value_for(rng, match.group(1))) or "", path)


def make_request(rng: random.Random, route: Route) -> dict[str, Any]:
    method = rng.choice(route.methods) if rng.random() < 0.93 else rng.choice(["PUT", "DELETE", "PATCH", "POST"])
    url = fill_path(rng, route.path)
    query = query_string(rng, route.params)
    headers: dict[str, Any] = {"Accept": BROWSER if not route.path.startswith("/api") else "application/json"}
    full = (url + ("?" + query if query else ""))[:MAX_URL]
    request: dict[str, Any] = {"method": method, "url": full, "headers": headers}
    token = TOKEN if rng.random() < 0.6 else rng.choice(TOKENS)
    if isinstance(token, str) and token == TOKEN:
        headers["Authorization"] = f"Bearer {TOKEN}"
    elif token is not None:
        headers["Authorization"] = token
    if method in ("POST", "PUT", "PATCH"):
        if route.path.startswith("/api"):
            request["content"] = article_body(rng)
            kind = "application/json" if rng.random() < 0.8 else rng.choice(CONTENT_TYPES)
        else:
            request["content"], kind = form_body(rng)
        if kind:
            headers["Content-Type"] = kind
    if rng.random() < 0.05:
        headers["Cookie"] = rng.choice(["depesha_read=forged", "depesha_read=" + "x" * 5_000, "a=\x7f"])
    return request


def problem(request: dict[str, Any], response: Any) -> str | None:
    """What is wrong with the response, None when it is a fair answer."""
    status, path = response.status_code, request["url"].split("?")[0]
    if status >= 500:
        return f"status {status}: {response.text[:300]}"
    if status < 400 or request["method"] == "HEAD":
        return None
    kind = response.headers.get("content-type", "")
    if path.startswith("/api") or path.endswith(".json"):
        try:
            error = response.json()["error"]
        except (ValueError, KeyError, TypeError):
            return f"status {status} without a JSON error: {kind} {response.text[:200]}"
        message = error.get("message")
        if not (isinstance(error.get("code"), str) and isinstance(message, str) and len(message) >= 8):
            return f"status {status}: error without a code and a message: {error}"
        if NOT_ACTIONABLE.search(message):
            return f"status {status}: message a person cannot act on: {message[:200]}"
        return None
    if "text/html" not in kind or "<html" not in response.text[:500]:
        return f"status {status} of a page without the HTML error page: {kind} {response.text[:200]}"
    return None


# THE TEST


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    db = str(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    fill(db)
    open_app = create_app(Settings(db=db, api_token=TOKEN))
    guarded = create_app(Settings(db=db, api_token=TOKEN, read_token=READ_TOKEN))
    options = {"raise_server_exceptions": False, "follow_redirects": False}
    with TestClient(open_app, **options) as one, TestClient(guarded, **options) as two:
        yield one, two


def test_api_fuzz_every_route(clients, record_property):
    open_client, guarded = clients
    routes = app_routes(open_client.app)
    documented = set(open_client.app.openapi()["paths"])
    assert documented <= {route.path for route in routes}, "a route of the OpenAPI schema is not fuzzed"
    weights = [weight(route) for route in routes]
    rng = random.Random(SEED)
    statuses: Counter[int] = Counter()
    per_route: Counter[str] = Counter()
    failures = []
    started = time.monotonic()
    for number in range(REQUESTS):
        route = routes[number % len(routes)] if number < 4 * len(routes) else rng.choices(routes, weights)[0]
        request = make_request(rng, route)
        client = guarded if rng.random() < 0.15 else open_client
        response = client.request(**request)
        statuses[response.status_code] += 1
        per_route[route.path] += 1
        found = problem(request, response)
        if found:
            failures.append(f"{request['method']} {request['url'][:150]}: {found}")
    elapsed = time.monotonic() - started
    record_property("requests", REQUESTS)
    print(f"\napi fuzz: {REQUESTS} requests over {len(routes)} routes in {elapsed:.1f} s, seed {SEED};"
          f" statuses {dict(sorted(statuses.items()))}")
    assert not failures, f"{len(failures)} bad answers of {REQUESTS}:\n" + "\n".join(failures[:25])
    assert min(per_route.values()) >= 4 and statuses[500] == 0
    assert sum(n for status, n in statuses.items() if 400 <= status < 500) > REQUESTS / 3   # the fuzz reaches errors


def test_api_fuzz_routes_found(clients):
    """The route list is complete: the API schema's paths, every page module's routes, the static files."""
    routes = {route.path for route in app_routes(clients[0].app)}
    for path in ("/api/events/{id}", "/api/articles", "/people/{id}", "/events.csv", "/charts/network.json",
                 "/upload/store", "/login", "/static/{file}"):
        assert path in routes
