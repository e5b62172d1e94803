"""Article page: source and dates, the text with every entity highlighted, the extracted records, the raw input."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from depesha.store.queries import get_article

from . import data
from .common import Context, PageError, get_context, render
from .highlight import Mark, split_marks

router = APIRouter()


def entity_marks(record: dict[str, Any], links: dict[str, int]) -> list[Mark]:
    """Every mention of every entity, the role being its type; persons link to their page."""
    marks = []
    for entity in record.get("entities", []):
        country = f" ({entity['country']})" if entity.get("country") else ""
        href = f"/people/{links[entity['id']]}" if entity["type"] == "person" and entity["id"] in links else None
        for start, stop in entity.get("mentions", []):
            marks.append(Mark(start, stop, entity["type"], f"{entity['type']}: {entity['name']}{country}", href))
    return marks


@router.get("/articles/{id}", response_class=HTMLResponse)
def article_page(request: Request, id: str, ctx: Context = Depends(get_context)) -> HTMLResponse:
    with ctx.store.read() as conn:
        article = get_article(conn, id)
        if article is None:
            raise PageError(404, f"no article {id}")
        links = data.article_links(conn, id)
        clusters = data.article_events(conn, id)
    record = article["record"]
    entities = {entity["id"]: entity for entity in record.get("entities", [])}
    segments = split_marks(record["article"]["text"], entity_marks(record, links))
    return render(request, "article.html", article=article, record=record, entities=entities,
                  segments=segments, links=links, clusters=clusters)


@router.get("/articles/{id}/raw", response_class=PlainTextResponse)
def article_raw(id: str, ctx: Context = Depends(get_context)) -> PlainTextResponse:
    with ctx.store.read() as conn:
        raw = data.article_raw(conn, id)
    if raw is None:
        raise PageError(404, f"no article {id}")
    return PlainTextResponse(raw)
