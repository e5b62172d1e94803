"""Upload page: paste text or send a file, see the extracted record, store it with the write token."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from depesha.errors import DepeshaError

from .article import entity_marks
from .common import Context, PageError, get_context, render
from .highlight import split_marks

router = APIRouter()


# READ THE FORM


async def read_form(request: Request, limit: int) -> dict[str, str]:
    """Fields of the upload form; a file replaces the pasted text. PageError 413 over `limit` bytes."""
    if int(request.headers.get("content-length") or 0) > limit + 65_536:  # the text once plus small fields
        raise PageError(413, f"upload too large: at most {limit:,} bytes")
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=limit + 1)
    except HTTPException as error:  # starlette refuses oversized parts and malformed bodies with 400
        status = 413 if "size" in str(error.detail).lower() else 400
        raise PageError(status, f"upload refused: {error.detail} (at most {limit:,} bytes)") from None
    fields = {key: value for key, value in form.items() if isinstance(value, str)}
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        fields["text"] = decode_upload(await upload.read(limit + 1), upload.filename, limit)
        fields.setdefault("source", upload.filename)
    text = fields.get("text", "")
    if len(text.encode()) > limit:
        raise PageError(413, f"article too large: {len(text.encode()):,} bytes, at most {limit:,}")
    if not text.strip():
        raise PageError(400, "nothing to extract: paste a text or choose a file")
    return fields


def decode_upload(data: bytes, name: str, limit: int) -> str:
    from depesha.read.text import decode_bytes, looks_binary

    if len(data) > limit:
        raise PageError(413, f"file too large: at most {limit:,} bytes")
    if looks_binary(data):
        raise PageError(400, f"{name}: binary content, not text")
    return decode_bytes(data, name).replace("\r\n", "\n").replace("\r", "\n")


def extract_fields(fields: dict[str, str]) -> dict[str, Any]:
    """The record of the form's text; PageError 400 when the reader refuses it."""
    from depesha import extract
    from depesha.read.text import looks_like_html

    text = fields["text"]
    meta = {"source": fields.get("source", "").strip()[:200] or "upload", "html": looks_like_html(text)}
    try:
        return extract(text, published=fields.get("published", "").strip() or None, **meta)
    except (DepeshaError, ValueError) as error:
        raise PageError(400, f"cannot extract: {error}") from None


def store_record(ctx: Context, record: dict[str, Any], raw: str) -> Any:
    from depesha.errors import StoreError
    from depesha.web.api.routes.articles import WRITE_WAIT

    with ctx.store.write_lock:
        try:
            writer = ctx.store.writer(wait=WRITE_WAIT)
        except StoreError as error:
            raise PageError(503, f"{error}; try again later") from None
        with writer:
            return writer.add(record, raw=raw)


# PAGES


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request, ctx: Context = Depends(get_context)) -> HTMLResponse:
    return render(request, "upload.html", can_store=bool(ctx.api_token), limit=ctx.upload_limit,
                  fields={}, record=None, segments=[], entities={})


@router.post("/upload", response_class=HTMLResponse)
async def upload_preview(request: Request, ctx: Context = Depends(get_context)) -> HTMLResponse:
    fields = await read_form(request, ctx.upload_limit)
    record = await run_in_threadpool(extract_fields, fields)
    segments = split_marks(record["article"]["text"], entity_marks(record, {}))
    entities = {entity["id"]: entity for entity in record["entities"]}
    return render(request, "upload.html", can_store=bool(ctx.api_token), limit=ctx.upload_limit,
                  fields=fields, record=record, segments=segments, entities=entities)


@router.post("/upload/store")
async def upload_store(request: Request, ctx: Context = Depends(get_context)) -> Response:
    fields = await read_form(request, ctx.upload_limit)
    if not ctx.api_token:
        raise PageError(403, "storing is disabled: the server has no DEPESHA_API_TOKEN")
    if not hmac.compare_digest(fields.get("token", "").encode(), ctx.api_token.encode()):
        raise PageError(403, "wrong token: the article was not stored")
    record = await run_in_threadpool(extract_fields, fields)
    outcome = await run_in_threadpool(store_record, ctx, record, fields["text"])
    return RedirectResponse(f"/articles/{outcome.article}?stored={outcome.status}", status_code=303)
