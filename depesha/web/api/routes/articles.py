"""/api/articles: stored articles, one article with its record, and POST to ingest."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from depesha.errors import DepeshaError, StoreError
from depesha.store import queries

from ..deps import ConnDep, PageDep, StoreDep, require_write
from ..errors import ApiError
from ..ingest import check_body
from ..models import ArticleIn, ArticlePage, IngestResult

WRITE_WAIT = 30.0   # seconds a write waits for another process's writer (an `ingest` running) before a 503

router = APIRouter(tags=["articles"])


@router.get("/articles", response_model=ArticlePage, summary="Stored articles in storage order")
def list_articles(conn: ConnDep, page: PageDep, since: str | None = None, until: str | None = None,
                  source: Annotated[str | None, Query(description="part of the source")] = None) -> dict:
    from depesha.store.filters import check_date

    result = queries.list_articles(conn, since=since and check_date(since), until=until and check_date(until, end=True),
                                   source=source, limit=page.limit, cursor=page.cursor)
    return {"items": [public(item) for item in result.items], "next": result.next}


def public(item: dict) -> dict:
    """An article without the server's file path it was read from (a path is the server's business)."""
    item.pop("path", None)
    record = item.get("record")
    if isinstance(record, dict) and isinstance(record.get("article"), dict):
        record["article"].pop("path", None)
        if str(record["article"].get("source") or "").startswith("/"):
            record["article"]["source"] = record["article"]["source"].rsplit("/", 1)[-1]
    if str(item.get("source") or "").startswith("/"):
        item["source"] = item["source"].rsplit("/", 1)[-1]
    return item


@router.get("/articles/{id}", summary="One article: metadata, the stored record and its text")
def get_article(conn: ConnDep, id: str, text: bool = True) -> dict:
    found = queries.get_article(conn, id, text=text)
    if found is None:
        raise ApiError(404, "not_found", f"no article {id}")
    return public(found)


def open_writer(store: StoreDep) -> Any:
    """The store's writer, waiting WRITE_WAIT seconds at most for another process's (an `ingest` running): 503."""
    try:
        return store.writer(wait=WRITE_WAIT)
    except StoreError as error:
        raise ApiError(503, "store_busy", f"{error}; try again later") from None


def ingest_one(store: StoreDep, body: ArticleIn) -> IngestResult:
    """Check, extract (unless a record is given) and store, through the single write connection; a text the reader
    refuses is a ReadError, answered 400 by the API's error handlers."""
    check_body(body)
    if body.record is not None:
        record = body.record
    elif body.text:
        from depesha import extract

        record = extract(body.text, published=body.published, source=body.source, title=body.title,
                         url=body.url, html=body.html)
    else:
        raise ApiError(400, "bad_parameter", "expected `text` or `record`")
    with store.write_lock, open_writer(store) as writer:
        try:
            outcome = writer.add(record, raw=body.text)
        except DepeshaError as error:
            raise ApiError(400, "bad_record", str(error)) from None
    return IngestResult(article=outcome.article, status=outcome.status, dup_of=outcome.dup_of)


@router.post("/articles", response_model=IngestResult, status_code=201, dependencies=[Depends(require_write)],
             summary="Ingest one article (needs DEPESHA_API_TOKEN)")
async def post_article(store: StoreDep, body: ArticleIn) -> IngestResult:
    return await asyncio.to_thread(ingest_one, store, body)
