"""Event page: what happened, who took part in which post, related events, and the evidence in each report."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from depesha.store.queries import get_article, get_event, position_history

from . import data
from .common import Context, PageError, get_context, render
from .highlight import Mark, split_marks

router = APIRouter()
MAX_REPORTS = 20  # articles shown in full on the page; the rest are listed


def participant_title(entity: dict[str, Any], role: str, posts: dict[str, str]) -> str:
    post = posts.get(entity["id"])
    country = f" ({entity['country']})" if entity.get("country") else ""
    return f"{role}: {entity['name']}{country}" + (f", {post}" if post else "")


def report_marks(record: dict[str, Any], local: str, links: dict[str, int]) -> list[Mark]:
    """Evidence spans of the event `local` in the record and every mention of its participants."""
    found = next((item for item in record.get("events", []) if item["id"] == local), None)
    if found is None:
        return []
    posts = {p["person"]: p["title"] for p in record.get("positions", [])}
    marks = [Mark(start, stop, "evidence", f"evidence of {found['kind'] or found['category']}")
             for start, stop in found.get("evidence", [])]
    entities = {entity["id"]: entity for entity in record.get("entities", [])}
    for local_id in found.get("participants", []):
        entity = entities.get(local_id)
        if entity is None:
            continue
        role = "initiator" if local_id == found.get("initiator") else "participant"
        href = f"/people/{links[local_id]}" if entity["type"] == "person" and local_id in links else None
        for start, stop in entity.get("mentions", []):
            marks.append(Mark(start, stop, role, participant_title(entity, role, posts), href))
    return marks


def load_report(conn: Connection, report: dict[str, Any]) -> dict[str, Any] | None:
    """The report's text with its marks, the events of the same article related to it (both ways), and the
    initiator the article names."""
    article = get_article(conn, report["article"])
    if article is None:
        return None
    record = article["record"]
    links = data.article_links(conn, report["article"])
    segments = split_marks(record["article"]["text"], report_marks(record, report["event"], links))
    local = report["event"]
    found = next((item for item in record.get("events", []) if item["id"] == local), None) or {}
    related = set(found.get("related") or []) | {item["id"] for item in record.get("events", [])
                                                 if local in (item.get("related") or [])}
    clusters = data.article_events(conn, report["article"])
    entities = {entity["id"]: entity for entity in record.get("entities", [])}
    initiator = entities.get(found.get("initiator") or "")
    return {**report, "title": article.get("title"), "segments": segments,
            "related": sorted(clusters[item] for item in related if item in clusters),
            "initiator": {"name": initiator["name"], "id": links.get(initiator["id"]),
                          "type": initiator["type"]} if initiator else None}


@router.get("/events/{id}", response_class=HTMLResponse)
def event_page(request: Request, id: int, ctx: Context = Depends(get_context)) -> HTMLResponse:
    with ctx.store.read() as conn:
        event = get_event(conn, id)
        if event is None:
            raise PageError(404, f"no event {id}")
        for person in event["participants"]:
            if person["type"] == "person":
                person["positions"] = position_history(conn, person["id"])
        reports = [r for r in (load_report(conn, report) for report in event["reports"][:MAX_REPORTS]) if r]
        fulfilled = data.fulfilled(conn, id)
        related = data.cluster_summaries(conn, sorted({x for r in reports for x in r["related"]} - {id}))
    dated = sorted((r["published"], r["source"] or r["article"]) for r in event["reports"] if r.get("published"))
    first_report = {"published": dated[0][0], "source": dated[0][1]} if dated else None
    initiators = list({(i["name"], i["id"], i["type"]): i for r in reports if (i := r["initiator"])}.values())
    return render(request, "event.html", event=event, reports=reports, more=event["reports"][MAX_REPORTS:],
                  fulfilled=fulfilled, related=related, initiators=initiators, first_report=first_report)
