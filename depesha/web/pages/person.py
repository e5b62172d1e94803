"""Person page: name variants, posts with first and last seen, events attended, the people met most often."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from depesha.store.filters import EventFilter
from depesha.store.queries import get_entity

from . import data
from .common import Context, PageError, get_context, paging, render

router = APIRouter()
PAGE_SIZE = 100


@router.get("/people/{id}", response_class=HTMLResponse)
def person_page(request: Request, id: int, ctx: Context = Depends(get_context)) -> HTMLResponse:
    with ctx.store.read() as conn:
        person = get_entity(conn, id)
        if person is None or person["type"] != "person":
            raise PageError(404, f"no person {id}")
        flt = EventFilter(person=str(id))
        total = data.count_events(conn, flt)
        shown = paging(request, total, PAGE_SIZE)
        events = data.latest_events(conn, flt, limit=PAGE_SIZE, offset=shown.offset)
        met = data.people_links(conn, EventFilter(), person=id, limit=15)
        article_total, articles = data.entity_articles(conn, id)
    return render(request, "person.html", person=person, events=events, met=met, total=total, **shown.values(),
                  articles=articles, article_total=article_total)
