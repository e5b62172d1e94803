"""Every error of the API as JSON: {"error": {"code", "message"}}, raised or converted in one place; the same errors
on a page are the HTML error page."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from depesha.errors import ReadError
from depesha.web.i18n import t


class ApiError(Exception):
    """An error with its HTTP status and a stable code for clients."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def describe_validation(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("query", "body", "path"))
        parts.append(f"{where or 'request'}: {item.get('msg')}")
    return "; ".join(parts)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def wants_json(request: Request) -> bool:
    """The API and the JSON the pages fetch (/charts/*.json, /openapi.json): their errors are JSON errors."""
    return is_api(request) or request.url.path.endswith(".json")


def wants_page(request: Request) -> bool:
    """A browser asking for a page: its errors are the HTML error page."""
    return not wants_json(request) and "text/html" in request.headers.get("accept", "")


def error_page(request: Request, status: int, message: str) -> Response:
    from ..pages.common import render  # a reader who follows a dead link sees a page, not JSON

    return render(request, "error.html", status=status, status_code=status, message=message)


def http_message(request: Request, error: HTTPException) -> str:
    """What to do about a 404 or 405 of the router (its own detail is a bare 'Not Found')."""
    where = f"{request.method} {request.url.path[:200]}"
    if error.status_code == 404:
        return f"no such endpoint: {where} (the routes are listed in /openapi.json)"
    if error.status_code == 405:
        return f"method not allowed: {where} (the routes and their methods are listed in /openapi.json)"
    return str(error.detail)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.message)

    @app.exception_handler(ValueError)
    async def value_error(request: Request, error: ValueError) -> Response:
        if wants_page(request):
            return error_page(request, 400, str(error))
        return error_response(400, "bad_parameter", str(error))

    @app.exception_handler(ReadError)
    async def read_error(request: Request, error: ReadError) -> Response:
        """An article the readers refuse (empty, binary, an HTML page without text): the CLI's 'bad input'."""
        message = f"the article cannot be read: {error.reason}"
        if wants_page(request):
            return error_page(request, 400, message)
        return error_response(400, "unreadable_article", message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        if wants_json(request):
            return error_response(422, "invalid_request", describe_validation(error))
        if wants_page(request):
            return error_page(request, 422, describe_validation(error))
        return await request_validation_exception_handler(request, error)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if wants_json(request):
            response = error_response(error.status_code, "http_error", http_message(request, error))
            response.headers.update(error.headers or {})
            return response
        if wants_page(request):
            return error_page(request, error.status_code,
                              t("error.no_page") if error.status_code == 404 else str(error.detail))
        return await http_exception_handler(request, error)
