"""/charts/categories.css: the colour and quad-class border of every PLOVER category, from the data file (open to
all, like /static: the login page uses it too)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from depesha.web.categories import categories

router = APIRouter()

BORDERS = {"none": "solid", "dots": "dotted", "lines": "dashed", "cross": "double"}


def category_css() -> str:
    """One rule per PLOVER category: its colour, and its quad class as the border style (seen without colour)."""
    return "\n".join(f'.cat[data-category="{c.code}"] {{ color: {c.colour}; border-style: {BORDERS[c.pattern]}; }}'
                     for c in categories().values()) + "\n"


@router.get("/charts/categories.css")
def categories_css() -> Response:
    return Response(category_css(), media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})


