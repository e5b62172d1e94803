"""Which language a request is shown in: ?lang=en|ru (kept in a cookie), else the cookie, else Russian."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

LANGS = ("ru", "en")
DEFAULT = "ru"              # the analyst reads Russian news: labels in the language of the texts (docs/web.md)
COOKIE = "depesha_lang"
MAX_AGE = 365 * 24 * 3600
LANG: ContextVar[str] = ContextVar("depesha_lang", default=DEFAULT)


def current() -> str:
    return LANG.get()


@contextmanager
def use(lang: str) -> Iterator[None]:
    """Render in `lang` within the block (tests, scripts)."""
    token = LANG.set(lang)
    try:
        yield
    finally:
        LANG.reset(token)


def asked(query: str) -> str | None:
    """The language a query string asks for (?lang=en), None when it asks for none we have."""
    value = dict(parse_qsl(query)).get("lang", "")
    return value if value in LANGS else None


def remembered(cookie_header: str) -> str | None:
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(cookie_header)
    except Exception:   # a malformed Cookie header: no preference
        return None
    value = cookie[COOKIE].value if COOKIE in cookie else ""
    return value if value in LANGS else None


def set_cookie(lang: str) -> bytes:
    return f"{COOKIE}={lang}; Path=/; Max-Age={MAX_AGE}; SameSite=Lax".encode()


def switch_links(path: str, query: str) -> list[tuple[str, str]]:
    """(language, the same URL with ?lang= that language) for the header's "RU · EN", other parameters kept."""
    params = [(key, value) for key, value in parse_qsl(query, keep_blank_values=True) if key != "lang"]
    path = "/" + path.lstrip("/")   # "//host/x" would be a link to another site
    return [(lang, path + "?" + urlencode([*params, ("lang", lang)])) for lang in LANGS]


class LanguageMiddleware:
    """Sets the request's language (a context variable read by `t`) and, for ?lang=, the cookie that keeps it."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chosen = asked(scope.get("query_string", b"").decode("latin-1"))
        headers = dict(scope.get("headers", []))
        lang = chosen or remembered(headers.get(b"cookie", b"").decode("latin-1")) or DEFAULT

        async def send_with_cookie(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"vary", b"Cookie")]   # the same URL reads in another language for another cookie
                if chosen:
                    extra.append((b"set-cookie", set_cookie(chosen)))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        token = LANG.set(lang)
        try:
            await self.app(scope, receive, send_with_cookie)
        finally:
            LANG.reset(token)
