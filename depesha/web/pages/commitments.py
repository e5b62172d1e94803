"""Commitments (/commitments): every proposal, offer, promise, invitation, agreement and request, newest first, with
its initiator, its outcome and the later events that followed it up, each with its evidence."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from depesha.store.queries import COMMITMENT_KINDS, add_event_details, event_item, event_where, fetch, marks

from . import data
from .common import Context, get_context, paging, read_filters, render

router = APIRouter()
PAGE_SIZE = 50
KINDS = (*COMMITMENT_KINDS, "request")
STATUSES = ("all", "open", "followed")
RULE = re.compile(r"^(?P<word>\S+) -> (?P<kind>\w+) between (?P<countries>[A-Z ]+)$")


def rule_words(rule: str) -> str:
    """'визит -> visit between KZ MX' -> 'a visit between KZ and MX, as «визит» in the commitment asked'."""
    found = RULE.match(rule or "")
    if not found:
        return rule
    countries = " and ".join(found["countries"].split())
    return f"a {found['kind'].replace('_', ' ')} between {countries}, as «{found['word']}» in the commitment asked"


def where_commitments(conn: Connection, request: Request, status: str) -> tuple[list[str], list[Any]]:
    where, params = event_where(read_filters(request).to_event_filter(), conn)
    where.append(f"(c.kind IN ({marks(KINDS)}) OR c.outcome IN ('proposed', 'agreed'))")
    params.extend(KINDS)
    if status != "all":
        where.append(("" if status == "followed" else "NOT ") + "EXISTS (SELECT 1 FROM followups f WHERE f.commitment = c.id)")
    return where, params


def initiators(conn: Connection, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Event id -> the entities its reports name as initiator."""
    if not ids:
        return {}
    rows = fetch(conn, "SELECT DISTINCT e.cluster, x.id, x.name, x.type, x.country FROM events e"
                       f" JOIN entities x ON x.id = e.initiator WHERE e.cluster IN ({marks(ids)}) ORDER BY x.name", ids)
    out: dict[int, list[dict[str, Any]]] = {}
    for cluster, id, name, type, country in rows:
        out.setdefault(cluster, []).append({"id": id, "name": name, "type": type, "country": country})
    return out


@router.get("/commitments", response_class=HTMLResponse)
def commitments_page(request: Request, ctx: Context = Depends(get_context)) -> HTMLResponse:
    filters = read_filters(request)
    status = request.query_params.get("status", "all")
    status = status if status in STATUSES else "all"
    with ctx.store.read() as conn:
        where, params = where_commitments(conn, request, status)
        condition = " AND ".join(where)
        total = fetch(conn, f"SELECT count(*) FROM clusters c WHERE {condition}", params)[0][0]
        shown = paging(request, total, PAGE_SIZE)
        items = [event_item(row) for row in data.newest_rows(conn, where, params, PAGE_SIZE, shown.offset)]
        add_event_details(conn, items, followups=True)
        found = initiators(conn, [item["id"] for item in items])
    for item in items:
        item["initiators"] = found.get(item["id"], [])
        for followup in item.get("followups", []):
            followup["why"] = rule_words(followup["rule"])
    return render(request, "commitments.html", filters=filters, show=status, items=items, total=total,
                  **shown.values())
