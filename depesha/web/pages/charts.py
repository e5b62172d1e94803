"""JSON for the charts drawn in the browser: timelines by week or month and category, the contact network."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Depends, Request

from depesha.store.filters import EventFilter
from depesha.web.i18n import t

from . import data
from .common import Context, get_context, read_filters
from .pair import parse_pair

router = APIRouter(prefix="/charts")
DEFAULT_TIES = 40


def interval_of(request: Request) -> str:
    return "week" if request.query_params.get("interval") == "week" else "month"


CHART_TEXT = ("period", "total", "undated", "dated", "empty")


def chart_text() -> dict[str, str]:
    """The words charts.js writes (table head, tooltip total, the undated note) in the page's language."""
    return {key: t("chart." + key) for key in CHART_TEXT}


@router.get("/timeline.json")
def timeline_json(request: Request, ctx: Context = Depends(get_context)) -> dict[str, Any]:
    flt = read_filters(request).to_event_filter()
    with ctx.store.read() as conn:
        return {**data.timeline(conn, flt, interval_of(request)), "text": chart_text()}


@router.get("/pairs/{slug}.json")
def pair_json(request: Request, slug: str, ctx: Context = Depends(get_context)) -> dict[str, Any]:
    a, b = parse_pair(slug)
    with ctx.store.read() as conn:
        return {**data.timeline(conn, EventFilter(countries=[a, b]), interval_of(request)), "text": chart_text()}


def country_graph(pairs: Counter[tuple[str, str]]) -> dict[str, Any]:
    """Nodes link to the country's events, edges to the pair's page; weights rounded to two decimals."""
    degree: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        degree[a] += n
        degree[b] += n
    nodes = [{"id": code, "label": code, "events": round(n, 2), "href": f"/countries/{code}"}
             for code, n in degree.most_common()]
    edges = [{"source": a, "target": b, "events": round(n, 2), "href": f"/pairs/{a}-{b}"}
             for (a, b), n in pairs.most_common()]
    return {"level": "countries", "nodes": nodes, "edges": edges}


def ties_of(request: Request) -> int:
    """?ties=N, the strongest ties drawn (default 40, 5 to 300)."""
    value = request.query_params.get("ties", "")
    return min(max(int(value), 5), 300) if value.isascii() and value.isdigit() and len(value) < 10 else DEFAULT_TIES


def people_graph(links: list[dict[str, Any]]) -> dict[str, Any]:
    nodes: dict[int, dict[str, Any]] = {}
    for link in links:
        for end in (link["source"], link["target"]):
            node = nodes.setdefault(end["id"], {"id": str(end["id"]), "label": end["name"], "country": end["country"],
                                                "events": 0, "href": f"/people/{end['id']}"})
            node["events"] += link["events"]
    edges = [{"source": str(link["source"]["id"]), "target": str(link["target"]["id"]), "events": link["events"],
              "href": None} for link in links]
    return {"level": "people", "nodes": list(nodes.values()), "edges": edges}


@router.get("/network.json")
def network_json(request: Request, ctx: Context = Depends(get_context)) -> dict[str, Any]:
    flt = read_filters(request).to_event_filter()
    ties = ties_of(request)
    with ctx.store.read() as conn:
        if request.query_params.get("level") == "people":
            return {**people_graph(data.people_links(conn, flt, limit=ties)), "ties": ties}
        pairs = data.country_pairs(conn, flt, weighted=True)
        return {**country_graph(Counter(dict(pairs.most_common(ties)))), "ties": ties, "all_ties": len(pairs)}
