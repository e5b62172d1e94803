"""/api/entities and /api/people: resolved persons, organisations, countries, places."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from depesha.store import queries
from depesha.store.filters import check_choice, check_country

from ..deps import ConnDep, PageDep
from ..errors import ApiError
from ..models import EntityPage

router = APIRouter(tags=["entities"])
TYPES = ["person", "organization", "country", "location"]


@router.get("/entities", response_model=EntityPage, summary="Entities resolved across articles")
def list_entities(conn: ConnDep, page: PageDep, type: str | None = None, country: str | None = None,
                  q: Annotated[str | None, Query(description="part of the name")] = None) -> dict:
    result = queries.list_entities(conn, type=type and check_choice(type, TYPES, "entity type"),
                                   country=country and check_country(country), q=q, limit=page.limit,
                                   cursor=page.cursor)
    return {"items": result.items, "next": result.next}


@router.get("/entities/{id}", summary="One entity with its names and history of positions")
def get_entity(conn: ConnDep, id: int) -> dict:
    found = queries.get_entity(conn, id)
    if found is None:
        raise ApiError(404, "not_found", f"no entity {id}")
    return found


@router.get("/people", summary="Persons matching a name in any spelling, with their positions")
def people(conn: ConnDep, name: Annotated[str, Query(min_length=2, description="a name, e.g. Турганбеков")]) -> list[dict]:
    return queries.find_people(conn, name)
