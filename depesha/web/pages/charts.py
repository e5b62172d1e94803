"""JSON for the charts drawn in the browser: timelines by week or month and category, the contact network."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Depends, Request

from depesha.store.filters import EventFilter

from . import data
from .common import Context, get_context, read_filters
from .pair import parse_pair

router = APIRouter(prefix="/charts")


def interval_of(request: Request) -> str:
    return "week" if request.query_params.get("interval") == "week" else "month"


@router.get("/timeline.json")
def timeline_json(request: Request, ctx: Context = Depends(get_context)) -> dict[str, Any]:
    flt = read_filters(request).to_event_filter()
    with ctx.store.read() as conn:
        return data.timeline(conn, flt, interval_of(request))


@router.get("/pairs/{slug}.json")
def pair_json(request: Request, slug: str, ctx: Context = Depends(get_context)) -> dict[str, Any]:
    a, b = parse_pair(slug)
    with ctx.store.read() as conn:
        return data.timeline(conn, EventFilter(countries=[a, b]), interval_of(request))


def country_graph(pairs: Counter[tuple[str, str]]) -> dict[str, Any]:
    degree: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        degree[a] += n
        degree[b] += n
    nodes = [{"id": code, "label": code, "events": n, "href": None} for code, n in degree.most_common()]
    edges = [{"source": a, "target": b, "events": n, "href": f"/pairs/{a}-{b}"} for (a, b), n in pairs.most_common()]
    return {"level": "countries", "nodes": nodes, "edges": edges}


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
    with ctx.store.read() as conn:
        if request.query_params.get("level") == "people":
            return people_graph(data.people_links(conn, flt, limit=150))
        return country_graph(Counter(dict(data.country_pairs(conn, flt).most_common(300))))
