"""Country pair page (/pairs/KZ-MX): contacts by category over time, events, people on each side, open commitments."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from depesha.store.filters import EventFilter, check_country
from depesha.store.queries import find_events

from . import data
from .common import Context, PageError, get_context, paging, pair_slug, render

router = APIRouter()
PAGE_SIZE = 100


def parse_pair(slug: str) -> tuple[str, str]:
    parts = slug.split("-")
    try:
        if len(parts) != 2:
            raise ValueError(f"expected two country codes like KZ-MX, got {slug!r}")
        a, b = (check_country(part) for part in parts)
    except ValueError as error:
        raise PageError(404, str(error)) from None
    if a == b:
        raise PageError(404, f"a pair needs two different countries, got {slug!r}")
    return a, b


@router.get("/pairs/{slug}", response_class=HTMLResponse)
def pair_page(request: Request, slug: str, ctx: Context = Depends(get_context)) -> Response:
    a, b = parse_pair(slug)
    if slug != pair_slug(a, b):
        return RedirectResponse(f"/pairs/{pair_slug(a, b)}", status_code=301)
    flt = EventFilter(countries=[a, b])
    with ctx.store.read() as conn:
        total = data.count_events(conn, flt)
        shown = paging(request, total, PAGE_SIZE)
        events = data.latest_events(conn, flt, limit=PAGE_SIZE, offset=shown.offset)
        people = data.people_by_country(conn, flt, (a, b))
        commitments = find_events(conn, EventFilter(countries=[a, b], open=True), limit=100, commitments=True).items
    return render(request, "pair.html", a=a, b=b, events=events, people=people, commitments=commitments,
                  total=total, **shown.values())
