"""/api/events, /api/commitments and /api/relations: clustered events with their reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from depesha.store import queries
from depesha.store.filters import EventFilter

from ..deps import ConnDep, PageDep
from ..errors import ApiError
from ..models import Event, EventPage

router = APIRouter(tags=["events"])


def make_filter(
    country: Annotated[list[str], Query(description="ISO2; repeat for a pair (all must take part)")] = [],  # noqa: B006
    person: Annotated[str | None, Query(description="participant: name in any spelling or entity id")] = None,
    organization: Annotated[str | None, Query(description="participating body: part of the name or id")] = None,
    category: Annotated[str | None, Query(description="PLOVER category, e.g. CONSULT")] = None,
    kind: Annotated[str | None, Query(description="meeting, visit, proposal...")] = None,
    mode: Annotated[str | None, Query(description="online, in_person or phone")] = None,
    topic: Annotated[str | None, Query(description="PLOVER context, e.g. environment")] = None,
    since: Annotated[str | None, Query(description="YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, Query(description="YYYY[-MM[-DD]]")] = None,
    q: Annotated[str | None, Query(description="words the reporting articles contain")] = None,
) -> EventFilter:
    return EventFilter(countries=country, person=person, organization=organization, category=category, kind=kind,
                       mode=mode, topic=topic, since=since, until=until, text=q).check()


FilterDep = Annotated[EventFilter, Depends(make_filter)]


@router.get("/events", response_model=EventPage, summary="Events, filtered, in date order")
def list_events(conn: ConnDep, page: PageDep, flt: FilterDep) -> dict:
    result = queries.find_events(conn, flt, limit=page.limit, cursor=page.cursor)
    return {"items": result.items, "next": result.next}


@router.get("/events/{id}", response_model=Event, summary="One event with every report and follow-up")
def get_event(conn: ConnDep, id: int) -> dict:
    found = queries.get_event(conn, id)
    if found is None:
        raise ApiError(404, "not_found", f"no event {id}")
    return found


@router.get("/commitments", response_model=EventPage, summary="Proposals and agreements with their follow-ups")
def list_commitments(conn: ConnDep, page: PageDep, flt: FilterDep, open: bool = False) -> dict:
    flt.open = open
    result = queries.find_events(conn, flt, limit=page.limit, cursor=page.cursor, commitments=True)
    return {"items": result.items, "next": result.next}


@router.get("/relations/{a}/{b}", response_model=EventPage, summary="Timeline of events between two countries")
def relations(conn: ConnDep, page: PageDep, a: str, b: str, since: str | None = None,
              until: str | None = None) -> dict:
    flt = EventFilter(countries=[a, b], since=since, until=until).check()
    result = queries.find_events(conn, flt, limit=page.limit, cursor=page.cursor)
    return {"items": result.items, "next": result.next}
