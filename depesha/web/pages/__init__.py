"""The analyst's HTML pages: one module per page, mounted on the API app with `mount_pages`."""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from ..i18n import LanguageMiddleware
from . import (
    article,
    charts,
    commitments,
    country,
    event,
    events,
    login,
    network,
    overview,
    pair,
    person,
    search,
    styles,
    suggest,
    upload,
    worldmap,
)
from .common import (
    STATIC,
    UPLOAD_LIMIT,
    PageError,
    add_security_headers,
    handle_page_error,
    require_page_read,
)

PAGES = [overview, events, commitments, country, event, pair, person, network, worldmap, article, search, upload,
         charts, suggest]


def make_router() -> APIRouter:
    """Every page behind `require_page_read` (open unless DEPESHA_READ_TOKEN is set), the login page and the
    category stylesheet open."""
    router = APIRouter(include_in_schema=False)
    for module in PAGES:
        router.include_router(module.router, dependencies=[Depends(require_page_read)])
    router.include_router(login.router)
    router.include_router(styles.router)
    return router


def mount_pages(app: FastAPI, upload_limit: int = UPLOAD_LIMIT) -> None:
    """Add the pages, /static and the security headers (CSP) to `app`.

    The pages read `app.state.store` (opened by the app) and `app.state.settings`: `api_token`
    (DEPESHA_API_TOKEN: without it the upload page only previews) and `read_token` (DEPESHA_READ_TOKEN:
    when set, every page but /login and /static needs it, given once to the login form).

    Args:
        app: the FastAPI app of `depesha serve` (the JSON API lives on the same app).
        upload_limit: largest accepted upload, in bytes.
    """
    app.state.upload_limit = upload_limit
    app.include_router(make_router())
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(PageError, handle_page_error)
    app.middleware("http")(add_security_headers)
    app.add_middleware(GZipMiddleware, minimum_size=1024)   # the 1 MB ECharts file goes out as ~330 kB
    app.add_middleware(LanguageMiddleware)   # ?lang=en|ru and the depesha_lang cookie: the language of t()


__all__ = ["PAGES", "make_router", "mount_pages"]
