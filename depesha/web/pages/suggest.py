"""Autocomplete: people, organisations and countries whose name starts with what was typed (`/charts/suggest.json`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from sqlalchemy import Connection

from depesha.store.queries import fetch

from .common import Context, PageError, country_label, get_context

router = APIRouter(prefix="/charts")
KINDS = ("person", "organization", "country")
MIN_CHARS, MAX_CHARS, LIMIT = 2, 60, 10


def people(conn: Connection, typed: str, limit: int) -> list[dict[str, Any]]:
    """People whose surname starts with the last word typed, in any spelling ("Лавр", "lavr"), most articles first."""
    from depesha.corpus.names import fold

    words = typed.split()
    prefix = fold(words[-1]) if words else ""
    if len(prefix) < MIN_CHARS:
        return []
    rows = fetch(conn, "SELECT id, name, country, articles FROM entities WHERE type = 'person' AND key >= ? AND key < ?"
                       " ORDER BY articles DESC, name LIMIT ?", [prefix, prefix + "\uffff", limit * 3])
    first = fold(words[0]) if len(words) > 1 else ""   # "Сер Лав": the given name narrows it
    found = [row for row in rows if not first or any(fold(part).startswith(first) for part in row[1].split()[:-1])]
    return [{"kind": "person", "value": name, "label": f"{name} ({country})" if country else name, "id": id,
             "href": f"/people/{id}", "articles": n} for id, name, country, n in found[:limit]]


def organizations(conn: Connection, typed: str, limit: int) -> list[dict[str, Any]]:
    """Organisations with a word of the name starting with what was typed, case aside ("мид", "организац" finds
    "Шанхайская организация сотрудничества"), most articles first."""
    needle = typed.lower()
    forms = {needle, needle.capitalize(), needle.upper()}   # SQLite's LIKE folds ASCII letters only
    likes = " OR ".join(["name LIKE ? ESCAPE '\\'"] * (2 * len(forms)))
    escaped = [form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for form in forms]
    rows = fetch(conn, f"SELECT id, name, country, articles FROM entities WHERE type = 'organization' AND ({likes})"
                       " ORDER BY articles DESC, name LIMIT ?",
                 [*[f"{form}%" for form in escaped], *[f"% {form}%" for form in escaped], limit])
    return [{"kind": "organization", "value": name, "label": f"{name} ({country})" if country else name, "id": id,
             "href": f"/events?organization={id}", "articles": n} for id, name, country, n in rows]


def countries(typed: str, limit: int) -> list[dict[str, Any]]:
    """Countries with a name, adjective or capital (any case) starting with what was typed, or its ISO code."""
    from depesha.extractors.gazetteer import country_forms

    needle = typed.lower().replace("ё", "е")
    codes: dict[str, None] = {}
    if len(needle) == 2 and needle.isascii() and needle.isalpha():
        codes[needle.upper()] = None
    for key, entries in country_forms().items():
        if " ".join(key).startswith(needle):
            for _, form in entries:
                codes.setdefault(form.iso, None)
    known = [code for code in codes if country_label(code) != code]
    return [{"kind": "country", "value": code, "label": f"{country_label(code)} ({code})", "href": f"/countries/{code}"}
            for code in sorted(known, key=country_label)[:limit]]


def suggest(conn: Connection, typed: str, kinds: tuple[str, ...] = KINDS, limit: int = LIMIT) -> list[dict[str, Any]]:
    """Up to `limit` suggestions of each kind asked for, countries first (few, and exact)."""
    typed = " ".join(typed.split())
    if len(typed) < MIN_CHARS:
        return []
    found: list[dict[str, Any]] = []
    if "country" in kinds:
        found += countries(typed, limit)
    if "person" in kinds:
        found += people(conn, typed, limit)
    if "organization" in kinds:
        found += organizations(conn, typed, limit)
    return found


@router.get("/suggest.json")
def suggest_json(request: Request, ctx: Context = Depends(get_context)) -> dict[str, Any]:
    """?q=Лавр&kind=person (kind: person, organization, country or several, comma-separated; default all)."""
    typed = request.query_params.get("q", "")
    if len(typed) > MAX_CHARS:
        raise PageError(400, f"q too long: {len(typed)} characters, at most {MAX_CHARS}")
    asked = tuple(kind for kind in request.query_params.get("kind", ",".join(KINDS)).split(",") if kind)
    unknown = [kind for kind in asked if kind not in KINDS]
    if unknown:
        raise PageError(400, f"unknown kind {unknown[0][:20]!r}: expected {', '.join(KINDS)}")
    with ctx.store.read() as conn:
        return {"q": typed, "items": suggest(conn, typed, asked or KINDS)}
