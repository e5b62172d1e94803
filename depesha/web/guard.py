"""An ASGI guard for writes to the API: the token is checked and the body size bounded before a byte of the body
is read (FastAPI parses a body before its dependencies run, so a huge unauthorised POST cost memory and CPU)."""

from __future__ import annotations

import json
from typing import Any

from .auth import bearer, same

BODY_LIMIT = 8_000_000   # bytes of one POST to /api: an article of at most 1 MB as a record, with room to spare


class WriteGuard:
    """Wraps the app: POST, PUT, PATCH and DELETE under /api need the write token and at most `limit` bytes."""

    def __init__(self, app: Any, settings: Any, limit: int = BODY_LIMIT) -> None:
        self.app, self.settings, self.limit = app, settings, limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH", "DELETE") \
                or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        token = self.settings.api_token
        if not token:
            await reply(send, 403, "ingest_disabled", "ingest through the API is disabled: set DEPESHA_API_TOKEN")
            return
        if not same(bearer(headers.get("authorization")), token):
            await reply(send, 401, "unauthorized", "POST needs Authorization: Bearer <DEPESHA_API_TOKEN>")
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            await reply(send, 413, "too_large", f"body of {int(length):,} bytes over the limit of {self.limit:,}")
            return
        chunks: list[bytes] = []     # read here, bounded, then handed to the app in one piece
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                await reply(send, 413, "too_large", f"body over the limit of {self.limit:,} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, given = b"".join(chunks), False

        async def replay() -> dict[str, Any]:
            nonlocal given
            if not given:
                given = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def reply(send: Any, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
