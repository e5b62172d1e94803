"""/api/search and /api/stats."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from depesha.store import queries

from ..deps import ConnDep, PageDep

router = APIRouter(tags=["search"])


@router.get("/search", summary="Full-text search with Russian morphology, latest stored first")
def search(conn: ConnDep, page: PageDep,
           q: Annotated[str, Query(min_length=1, description="words, any inflected form")]) -> dict:
    result = queries.search(conn, q, limit=page.limit, cursor=page.cursor)
    return {"items": result.items, "next": result.next}


@router.get("/stats", summary="Counts of what the store holds")
def stats(conn: ConnDep) -> dict:
    return queries.stats(conn)
