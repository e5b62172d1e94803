"""Country pair page (/pairs/KZ-MX): contacts by category over time, events, people on each side, open commitments."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from depesha.store.filters import EventFilter, check_country
from depesha.store.queries import find_events

from .common import Context, PageError, get_context, pair_slug, render

router = APIRouter()
MAX_EVENTS = 500


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


def people_by_side(events: list[dict[str, Any]], sides: tuple[str, str]) -> dict[str, list[tuple[dict, int]]]:
    """Persons of each country of the pair with the number of the pair's events they took part in."""
    counts: dict[str, Counter[int]] = {side: Counter() for side in sides}
    people: dict[int, dict[str, Any]] = {}
    for event in events:
        for person in event["participants"]:
            if person["type"] == "person" and person["country"] in counts:
                counts[person["country"]][person["id"]] += 1
                people[person["id"]] = person
    return {side: [(people[id], n) for id, n in counts[side].most_common(15)] for side in sides}


@router.get("/pairs/{slug}", response_class=HTMLResponse)
def pair_page(request: Request, slug: str, ctx: Context = Depends(get_context)) -> Response:
    a, b = parse_pair(slug)
    if slug != pair_slug(a, b):
        return RedirectResponse(f"/pairs/{pair_slug(a, b)}", status_code=301)
    flt = EventFilter(countries=[a, b])
    with ctx.store.read() as conn:
        events = find_events(conn, flt, limit=MAX_EVENTS).items
        commitments = find_events(conn, EventFilter(countries=[a, b], open=True), limit=100, commitments=True).items
    return render(request, "pair.html", a=a, b=b, events=events, people=people_by_side(events, (a, b)),
                  commitments=commitments, truncated=len(events) == MAX_EVENTS)
