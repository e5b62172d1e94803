"""Dependencies of the API routes: settings, a read connection, tokens, page parameters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection

from depesha.store import Store
from depesha.store.filters import check_limit

from ..auth import bearer, can_read, same
from ..config import Settings
from .errors import ApiError


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_conn(store: Annotated[Store, Depends(get_store)]) -> Iterator[Connection]:
    with store.read() as conn:
        yield conn


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
ConnDep = Annotated[Connection, Depends(get_conn)]


READ_BEARER = HTTPBearer(auto_error=False, scheme_name="read token",
                         description="DEPESHA_READ_TOKEN (or DEPESHA_API_TOKEN), needed only when the server sets one")


def require_read(request: Request, settings: SettingsDep,
                 _: Annotated[HTTPAuthorizationCredentials | None, Depends(READ_BEARER)] = None) -> None:
    """Reads are open unless DEPESHA_READ_TOKEN is set (then a Bearer token, or the cookie of the pages' login).

    `READ_BEARER` only declares the scheme in the OpenAPI schema; `can_read` checks the header and the cookie."""
    if not can_read(request, settings):
        raise ApiError(401, "unauthorized", "this API needs a token: Authorization: Bearer <DEPESHA_READ_TOKEN>")


def require_write(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need DEPESHA_API_TOKEN; without one configured they are disabled."""
    if not settings.api_token:
        raise ApiError(403, "ingest_disabled", "ingest through the API is disabled: set DEPESHA_API_TOKEN")
    if not same(bearer(authorization), settings.api_token):
        raise ApiError(401, "unauthorized", "POST needs Authorization: Bearer <DEPESHA_API_TOKEN>")


@dataclass
class PageParams:
    limit: int
    cursor: str | None


def page_params(
    settings: SettingsDep,
    limit: Annotated[int | None, Query(description="page size (default DEPESHA_PAGE_SIZE, at most DEPESHA_MAX_PAGE_SIZE)")] = None,
    cursor: Annotated[str | None, Query(description="the `next` value of the previous page")] = None,
) -> PageParams:
    try:
        return PageParams(check_limit(settings.page_size if limit is None else limit, settings.max_page_size), cursor)
    except ValueError as error:
        raise ApiError(400, "bad_parameter", str(error)) from None


PageDep = Annotated[PageParams, Depends(page_params)]
