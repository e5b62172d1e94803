"""All API routers under /api; reads guarded by `require_read` (open unless DEPESHA_READ_TOKEN is set)."""

from fastapi import APIRouter, Depends

from .deps import require_read
from .routes import articles, entities, events, search

api_router = APIRouter(prefix="/api")
for module in (articles, events, entities, search):
    api_router.include_router(module.router, dependencies=[Depends(require_read)])
