"""The read token of the web app: who may read (a Bearer header or the page cookie), and that cookie."""

from __future__ import annotations

import hashlib
import hmac

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
