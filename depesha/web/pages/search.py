"""Search page: full text with Russian morphology, each hit with a highlighted snippet."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from depesha.store.queries import search

from . import data
from .common import Context, PageError, country_code, get_context, render
from .highlight import snippet_marks, split_marks

router = APIRouter()
MAX_QUERY = 200


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", cursor: str | None = None,
                ctx: Context = Depends(get_context)) -> HTMLResponse:
    q = q.strip()
    if len(q) > MAX_QUERY:
        raise PageError(400, f"query too long: {len(q)} characters, at most {MAX_QUERY}")
    hits, next, entities = [], None, []
    if q:
        with ctx.store.read() as conn:
            try:
                page = search(conn, q, limit=20, cursor=cursor)
            except ValueError as error:
                raise PageError(400, str(error)) from None
            entities = data.entity_hits(conn, q) if cursor is None else []
        next = page.next
        for item in page.items:
            item["segments"] = split_marks(item["snippet"]["text"], snippet_marks(item["snippet"]))
            hits.append(item)
    country = country_code(q) if q else ""
    return render(request, "search.html", q=q, hits=hits, next=next, entities=entities,
                  country=country if len(country) == 2 and country.isupper() else None)
