"""Network page: countries (or people) linked by their contacts in the filtered period; drawn from /charts/network.json."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from . import data
from .charts import ties_of
from .common import Context, get_context, read_filters, render

router = APIRouter()


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, ctx: Context = Depends(get_context)) -> HTMLResponse:
    filters = read_filters(request)
    flt = filters.to_event_filter()
    level = "people" if request.query_params.get("level") == "people" else "countries"
    ties = ties_of(request)
    with ctx.store.read() as conn:
        if level == "people":
            links = data.people_links(conn, flt, limit=ties)
            pairs = []
        else:
            links = []
            pairs = [(pair, round(n, 1)) for pair, n in data.country_pairs(conn, flt, weighted=True).most_common(ties)]
    return render(request, "network.html", filters=filters, level=level, pairs=pairs, links=links, ties=ties)
