"""Login page: the read token typed once into a form sets an HttpOnly, SameSite=Strict cookie for the pages."""

from __future__ import annotations

import math

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..auth import COOKIE, accepts, cookie_value
from .common import render, safe_next, t

router = APIRouter()


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    if not request.app.state.settings.read_token:  # nothing to log in to
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", message="", next=safe_next(next))


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    """303 to `next` with the cookie for the read (or write) token; 401 and the form again for a wrong one; 429
    after ten wrong ones from one address within a minute (depesha.web.auth.Throttle)."""
    settings = request.app.state.settings
    form = await request.form(max_files=0, max_fields=4, max_part_size=4096)
    token, next = str(form.get("token", "")), safe_next(str(form.get("next", "/")))
    if not settings.read_token:
        return RedirectResponse(next, status_code=303)
    throttle, client = request.app.state.login_throttle, request.client.host if request.client else "?"
    wait = throttle.wait(client)
    if wait:
        refused = render(request, "login.html", status=429, next=next,
                         message=t("login.too_many", seconds=math.ceil(wait)))
        refused.headers["Retry-After"] = str(math.ceil(wait))
        return refused
    if not accepts(settings, token.strip()):
        throttle.fail(client)
        return render(request, "login.html", status=401, message=t("login.wrong"), next=next)
    response = RedirectResponse(next, status_code=303)
    response.set_cookie(COOKIE, cookie_value(settings), httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response
