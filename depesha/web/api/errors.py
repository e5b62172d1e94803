"""Every error of the API as JSON: {"error": {"code", "message"}}, raised or converted in one place."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException


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


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.message)

    @app.exception_handler(ValueError)
    async def value_error(request: Request, error: ValueError) -> JSONResponse:
        return error_response(400, "bad_parameter", str(error))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        if not is_api(request):
            return await request_validation_exception_handler(request, error)
        return error_response(422, "invalid_request", describe_validation(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if not is_api(request):
            if "text/html" in request.headers.get("accept", "") and not request.url.path.endswith(".json"):
                from ..pages.common import render  # a reader who follows a dead link sees a page, not JSON

                message = "No such page." if error.status_code == 404 else str(error.detail)
                return render(request, "error.html", status=error.status_code, status_code=error.status_code,
                              message=message)
            return await http_exception_handler(request, error)
        return error_response(error.status_code, "http_error", str(error.detail))
