"""What every page shares: store and settings, Jinja2, filters from the URL, the read-token guard, CSP."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from depesha.store.filters import CATEGORIES, EventFilter
from depesha.web.categories import style
from depesha.web.i18n import category_label, current, noun, plural, quad_label, switch_links, t, word
from depesha.web.i18n import country_label as country_label

from ..auth import can_read, has_cookie

WEB = Path(__file__).resolve().parent.parent
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
UPLOAD_LIMIT = 1_000_000  # bytes of one uploaded or pasted article

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@dataclass
class Context:
    """The store and settings of the app the pages are mounted on."""

    store: Any                       # depesha.store.Store
    api_token: str = ""
    upload_limit: int = UPLOAD_LIMIT


def get_context(request: Request) -> Context:
    """The store opened by the app (`app.state.store`) and its settings (`app.state.settings`)."""
    state = request.app.state
    settings = getattr(state, "settings", None)
    return Context(state.store, getattr(settings, "api_token", ""), getattr(state, "upload_limit", UPLOAD_LIMIT))


# TEMPLATES


@lru_cache(maxsize=1)
def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(CATEGORIES=CATEGORIES, pair_slug=pair_slug, query=query, category_style=style,
                       country_label=country_label, category_label=category_label, quad_label=quad_label, t=t,
                       plural=plural, noun=noun, word=word)
    return env


def render(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    logged_in = has_cookie(request, request.app.state.settings)
    lang_links = switch_links(request.url.path, request.url.query)
    html = make_environment().get_template(name).render(request=request, path=request.url.path, logged_in=logged_in,
                                                        lang=current(), lang_links=lang_links, **values)
    return HTMLResponse(html, status_code=status)


def pair_slug(a: str, b: str) -> str:
    return "-".join(sorted([a, b]))


def query(**values: Any) -> str:
    """'?a=1&b=2' of the non-empty values, for links that keep the current filters."""
    kept = {key: value for key, value in values.items() if value not in (None, "", [])}
    return "?" + urlencode(kept) if kept else ""


# FILTERS


@dataclass
class Filters:
    """The filters of the overview and network pages, as given in the URL (kept for links and forms)."""

    since: str = ""
    until: str = ""
    country: str = ""
    category: str = ""
    topic: str = ""
    person: str = ""          # a name ("Лавров", any case) or an entity id
    organization: str = ""    # a part of a name or an entity id
    kind: str = ""            # meeting, visit, proposal... (from a facet)
    source: str = ""          # a report's agency or site (from a facet)
    sort: str = ""            # the event table's order: newest (default), oldest, reports

    def as_query(self) -> dict[str, str]:
        return {key: value for key, value in vars(self).items() if value}

    def to_event_filter(self) -> EventFilter:
        """Raises PageError 400 with the store's message on a bad value."""
        codes = [country_code(part.strip()) for part in self.country.split(",") if part.strip()]  # "KZ,MX": a pair
        flt = EventFilter(countries=codes, category=self.category or None,
                          topic=self.topic or None, since=self.since or None, until=self.until or None,
                          person=self.person or None, organization=self.organization or None,
                          kind=self.kind or None, source=self.source or None)
        try:
            return flt.check()
        except ValueError as error:
            raise PageError(400, str(error)) from None


@dataclass
class Paging:
    """Which page of a list of `total` items, `size` a page, is shown (the page asked for, within range)."""

    page: int
    pages: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def values(self) -> dict[str, int]:
        """What the templates read: page, pages and the number of the first item shown."""
        return {"page": self.page, "pages": self.pages, "first": self.offset + 1}


def paging(request: Request, total: int, size: int) -> Paging:
    """?page=N (1-based; anything else is the first page), kept within the pages of `total` items."""
    value = request.query_params.get("page", "1")
    asked = int(value) if value.isascii() and value.isdigit() and len(value) <= 6 and int(value) > 0 else 1
    pages = max(1, -(-total // size))
    return Paging(min(asked, pages), pages, size)


def country_code(value: str) -> str:
    """A country as typed: an ISO code ("kz"), or a name, adjective or capital in any case ("Казахстана",
    "казахстанский", "Kazakhstan") when the gazetteer knows exactly one country by it; else as given (the filter's
    check then says what is wrong)."""
    if len(value.strip()) == 2:
        return value
    from depesha.extractors.gazetteer import country_forms, words

    key = tuple(word.lower().replace("ё", "е") for word in words(value))
    isos = {form.iso for _, form in country_forms().get(key, [])}
    return isos.pop() if len(isos) == 1 else value


def read_filters(request: Request) -> Filters:
    params = request.query_params
    return Filters(**{key: params.get(key, "").strip()[:200] for key in ("since", "until", "country", "category", "topic",
                                                                       "person", "organization", "kind", "source",
                                                                       "sort")})


# ERRORS AND SECURITY


class PageError(Exception):
    """An error shown to the reader as an HTML page (the API keeps its own JSON errors)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


async def handle_page_error(request: Request, error: Exception) -> Response:
    """JSON for the chart endpoints (`*.json`), the login form for 401, the error page otherwise."""
    assert isinstance(error, PageError)
    if request.url.path.endswith(".json"):
        code = "unauthorized" if error.status == 401 else "bad_parameter"
        return JSONResponse({"error": {"code": code, "message": error.message}}, status_code=error.status)
    if error.status == 401:
        next = request.url.path + (f"?{request.url.query}" if request.url.query and request.method == "GET" else "")
        return render(request, "login.html", status=401, message=error.message, next=safe_next(next))
    return render(request, "error.html", status=error.status, status_code=error.status, message=error.message)


def safe_next(next: str) -> str:
    """`next` if it is a path of this site, else '/': the login never redirects elsewhere."""
    local = next == "/" or next.startswith("/") and next[1] != "/"
    clean = len(next) <= 2000 and not any(ord(char) < 32 or char == "\\" for char in next)
    return next if local and clean else "/"


def require_page_read(request: Request) -> None:
    """Pages are open unless DEPESHA_READ_TOKEN is set; then PageError 401, answered with the login form."""
    settings = request.app.state.settings
    if not can_read(request, settings):
        raise PageError(401, t("login.need_token"))


async def add_security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.url.path.startswith("/static/") and response.status_code == 200:
        response.headers.setdefault("Cache-Control", "public, max-age=86400")   # vendored files change with releases
    return response
