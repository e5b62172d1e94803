"""Overview page: counts, the most active pairs and people, the timeline and the latest events."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from depesha.store.queries import stats

from . import data
from .common import Context, get_context, read_filters, render

router = APIRouter()


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)   # HEAD: uptime checks
def overview(request: Request, ctx: Context = Depends(get_context)) -> HTMLResponse:
    filters = read_filters(request)
    flt = filters.to_event_filter()
    with ctx.store.read() as conn:
        pairs = [(pair, n) for pair, n in data.country_pairs(conn, flt).most_common()
                 if not flt.countries or flt.countries[0] in pair][:10]
        values: dict[str, Any] = {
            "stats": stats(conn),
            "matching": data.count_events(conn, flt),
            "pairs": pairs,
            "people": data.top_people(conn, flt),
            "events": data.latest_events(conn, flt),
        }
    return render(request, "overview.html", filters=filters, **values)
