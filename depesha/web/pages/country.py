"""Country page (/countries/KZ): its counterparts, its events by category over time, its most active people."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from depesha.store.filters import EventFilter, check_country

from . import data
from .common import Context, PageError, country_label, get_context, render

router = APIRouter()


@router.get("/countries/{code}", response_class=HTMLResponse)
def country_page(request: Request, code: str, ctx: Context = Depends(get_context)) -> HTMLResponse:
    try:
        iso = check_country(code)
    except ValueError as error:
        raise PageError(404, str(error)) from None
    flt = EventFilter(countries=[iso])
    with ctx.store.read() as conn:
        total = data.count_events(conn, flt)
        pairs = [(other, n) for (a, b), n in data.country_pairs(conn, flt).most_common(40)
                 for other in [b if a == iso else a]][:25]
        people = data.people_by_country(conn, flt, (iso,), limit=20)[iso]
    return render(request, "country.html", iso=iso, country_name=country_label(iso), total=total, pairs=pairs, people=people)
