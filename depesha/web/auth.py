"""The read token of the web app: who may read (a Bearer header or the page cookie), and that cookie."""

from __future__ import annotations

import hashlib
import hmac
import time

from fastapi import Request

from .config import Settings

COOKIE = "depesha_read"
COOKIE_SALT = b"depesha page cookie v1"


def same(given: str, expected: str) -> bool:
    """Constant-time comparison of two tokens."""
    return hmac.compare_digest(given.encode(), expected.encode())


def bearer(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer <token>` header, '' without one."""
    if not authorization or not authorization.lower().startswith("bearer "):
        return ""
    return authorization[7:].strip()


def accepts(settings: Settings, token: str) -> bool:
    """True for the read token, or the write token (which may read too)."""
    if not token:
        return False
    return same(token, settings.read_token) or bool(settings.api_token) and same(token, settings.api_token)


def cookie_value(settings: Settings) -> str:
    """What the page cookie holds: an HMAC of the read token, so the cookie never carries the token itself
    and a new token logs every browser out."""
    return hmac.new(settings.read_token.encode(), COOKIE_SALT, hashlib.sha256).hexdigest()


def can_read(request: Request, settings: Settings) -> bool:
    """Reads are open unless DEPESHA_READ_TOKEN is set; then a Bearer token or the page cookie is needed."""
    if not settings.read_token:
        return True
    if accepts(settings, bearer(request.headers.get("authorization"))):
        return True
    return has_cookie(request, settings)


def has_cookie(request: Request, settings: Settings) -> bool:
    """True when the request carries the cookie set by the login form for the current read token."""
    return bool(settings.read_token) and same(request.cookies.get(COOKIE, ""), cookie_value(settings))


class Throttle:
    """Wrong tokens at /login per client address: after `limit` within `window` seconds the client must wait
    (HTTP 429) until the oldest of them is `window` seconds old; right tokens are refused too meanwhile."""

    def __init__(self, limit: int = 10, window: float = 60.0, clients: int = 10_000):
        self.limit, self.window, self.clients = limit, window, clients
        self.failures: dict[str, list[float]] = {}

    def wait(self, client: str, now: float | None = None) -> float:
        """Seconds before `client` may try again (0: now)."""
        now = time.monotonic() if now is None else now
        recent = [at for at in self.failures.get(client, []) if now - at < self.window]
        if recent:
            self.failures[client] = recent
        else:
            self.failures.pop(client, None)
        return self.window - (now - recent[0]) if len(recent) >= self.limit else 0.0

    def fail(self, client: str, now: float | None = None) -> None:
        if client not in self.failures and len(self.failures) >= self.clients:  # bounded: forget the oldest client
            self.failures.pop(next(iter(self.failures)))
        self.failures.setdefault(client, []).append(time.monotonic() if now is None else now)
