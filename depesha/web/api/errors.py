"""Every error of the API as JSON: {"error": {"code", "message"}}, raised or converted in one place; the same errors
on a page are the HTML error page."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from depesha.errors import ReadError


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


def wants_page(request: Request) -> bool:
    """A browser asking for a page (not the API, not a chart's JSON): its errors are the HTML error page."""
    return not is_api(request) and not request.url.path.endswith(".json") \
        and "text/html" in request.headers.get("accept", "")


def error_page(request: Request, status: int, message: str) -> Response:
    from ..pages.common import render  # a reader who follows a dead link sees a page, not JSON

    return render(request, "error.html", status=status, status_code=status, message=message)


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
        if wants_page(request):
            return error_page(request, 422, describe_validation(error))
        if not is_api(request):
            return await request_validation_exception_handler(request, error)
        return error_response(422, "invalid_request", describe_validation(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if wants_page(request):
            return error_page(request, error.status_code,
                              "No such page." if error.status_code == 404 else str(error.detail))
        if not is_api(request):
            return await http_exception_handler(request, error)
        return error_response(error.status_code, "http_error", str(error.detail))
