"""Errors as clear messages with the right status: JSON under /api, an HTML page elsewhere.

Body: {"error": {"status": 413, "code": "body_too_large", "message": "..."}}
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BlockedAddressError, FetchError, InputError, NewsprobeError, UnknownAnalyserError
from .service import ServerBusy

__all__ = ["WebError", "error_response", "install_error_handlers", "status_for"]


class WebError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


def status_for(exc: NewsprobeError) -> tuple[int, str]:
    """HTTP status and error code for a library error."""
    if isinstance(exc, UnknownAnalyserError):
        return 422, "unknown_analyser"
    if isinstance(exc, BlockedAddressError):
        return 400, "url_refused"
    if isinstance(exc, FetchError):
        return 502, "fetch_failed"
    if isinstance(exc, InputError):
        return 422, "unreadable_input"
    return 500, "internal_error"


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/healthz"


def error_response(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None, details: Any = None
) -> Response:
    if wants_json(request):
        body: dict[str, Any] = {"status": status, "code": code, "message": message}
        if details is not None:
            body["details"] = details
        return JSONResponse({"error": body}, status_code=status, headers=headers)
    templates = request.app.state.templates
    html = templates.get_template("error.html").render(status=status, code=code, message=message, request=request)
    return HTMLResponse(html, status_code=status, headers=headers)


def _validation_message(errors: list[dict[str, Any]]) -> tuple[int, str, str]:
    if any(error.get("type") == "json_invalid" for error in errors):
        return 400, "invalid_json", "the request body is not valid JSON"
    if any(tuple(error.get("loc", ())) == ("body",) for error in errors):
        return 400, "invalid_json", "the request body must be a JSON object (Content-Type: application/json)"
    parts = []
    for error in errors[:5]:
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query"))
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where or 'body'}: {message}")
    return 422, "invalid_request", "; ".join(parts)


def _clean_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"loc": list(error.get("loc", ())), "msg": error.get("msg", ""), "type": error.get("type", "")}
        for error in errors[:20]
    ]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(NewsprobeError)
    async def library_error(request: Request, exc: NewsprobeError) -> Response:
        status, code = status_for(exc)
        return error_response(request, status, code, str(exc))

    @app.exception_handler(ServerBusy)
    async def busy(request: Request, exc: ServerBusy) -> Response:
        return error_response(request, 503, "busy", str(exc), {"Retry-After": "2"})

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = list(exc.errors())
        status, code, message = _validation_message(errors)
        return error_response(request, status, code, message, details=_clean_details(errors))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail).lower() if exc.detail else f"HTTP {exc.status_code}"
        code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        return error_response(request, exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "internal_error", f"internal error: {type(exc).__name__}")
