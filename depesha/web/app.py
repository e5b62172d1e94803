"""`create_app(settings)`: the FastAPI app, a small composition of the store, error handlers and routers."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from depesha import __version__
from depesha.store import open_store

from .api.errors import install_error_handlers
from .api.main import api_router
from .auth import Throttle
from .config import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web app over the store named by `settings.db` (opened at startup, closed at shutdown)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        app.state.store = open_store(settings.db)
        yield
        app.state.store.close()

    # no /docs or /redoc: FastAPI serves Swagger UI and ReDoc from a CDN with inline scripts, which breaks both
    # "no network at run time" and the pages' Content-Security-Policy; the schema stays at /openapi.json
    app = FastAPI(title="depesha", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Events, people and organisations extracted from Russian news on international "
                  "relations; every fact linked to its article and character offsets.")
    app.state.settings = settings
    app.state.login_throttle = Throttle()
    install_error_handlers(app)
    app.include_router(api_router)
    # issue 6 (web UI, depesha/web/pages): the HTML pages, /static and the Content-Security-Policy header
    from .pages import mount_pages

    mount_pages(app)
    from .guard import WriteGuard

    app.add_middleware(WriteGuard, settings=settings)   # token and size before the body is read
    return app
