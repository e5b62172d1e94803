"""World map (/map): events per country, or per counterpart of one country, on the vendored Natural Earth outline."""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy import Connection

from depesha.store.filters import EventFilter, known_countries
from depesha.web.i18n import current, plural, t, use

from . import data
from .common import (
    STATIC,
    Context,
    Filters,
    country_label,
    get_context,
    pair_slug,
    query,
    read_filters,
    render,
)

router = APIRouter()
OUTLINE = STATIC / "vendor" / "world-110m.geo.json"      # built by scripts/build_world_map.py
OUTLINE_URL = "/static/vendor/world-110m.geo.json"


@lru_cache(maxsize=1)
def outlined() -> frozenset[str]:
    """Codes with a shape in the outline (small states such as MC or SG have none at 1:110m)."""
    with open(OUTLINE, encoding="utf-8") as file:
        return frozenset(feature["properties"]["name"] for feature in json.load(file)["features"])


def names() -> dict[str, str]:
    """Names of every known country in the page's language, for the map's tooltips over countries without events."""
    return names_in(current())


@lru_cache(maxsize=2)
def names_in(lang: str) -> dict[str, str]:
    with use(lang):
        return {code: country_label(code) for code in sorted(known_countries())}


def without_country(filters: Filters) -> dict[str, str]:
    return {key: value for key, value in filters.as_query().items() if key != "country"}


def country_row(code: str, events: int, filters: Filters, focus: str | None) -> dict[str, Any]:
    """One country of the map and its table: a click opens its filtered events, or the pair with the focus."""
    if focus and code != focus:
        href = f"/pairs/{pair_slug(focus, code)}"
    else:
        href = "/events" + query(**without_country(filters), country=code)
    return {"code": code, "name": country_label(code), "events": events, "label": plural(events, "n.event"),
            "href": href, "outline": code in outlined()}


def map_counts(conn: Connection, filters: Filters, flt: EventFilter) -> dict[str, Any]:
    """{"focus": the filter's country (row) or None, "total": events, "countries": rows most events first}."""
    counts: Counter[str] = data.country_counts(conn, flt)
    focus = flt.countries[0] if flt.countries else None
    total = counts.pop(focus, 0) if focus else data.count_events(conn, flt)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    rows = [country_row(code, n, filters, focus) for code, n in ranked]
    return {"focus": country_row(focus, total, filters, None) if focus else None, "total": total, "countries": rows}


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, ctx: Context = Depends(get_context)) -> HTMLResponse:
    filters = read_filters(request)
    flt = filters.to_event_filter()
    with ctx.store.read() as conn:
        counts = map_counts(conn, filters, flt)
    src = "/charts/map.json" + query(**filters.as_query())
    everywhere = "/map" + query(**without_country(filters))
    return render(request, "map.html", filters=filters, src=src, outline=OUTLINE_URL, everywhere=everywhere, **counts)


@router.get("/charts/map.json")
def map_json(request: Request, ctx: Context = Depends(get_context)) -> JSONResponse:
    """The counts, every country's name (tooltips) and the outline's URL; a JSONResponse, skipping FastAPI's encoder."""
    filters = read_filters(request)
    flt = filters.to_event_filter()
    with ctx.store.read() as conn:
        counts = map_counts(conn, filters, flt)
    text = {"in_all": t("map.tooltip_in_all"), "with": t("map.tooltip_with"), "none": plural(0, "n.event")}
    return JSONResponse({**counts, "names": names(), "outline": OUTLINE_URL, "text": text})
