"""Who is calling, and may they: API key check (401) and per-key/IP rate limit (429)."""

from __future__ import annotations

import math

from fastapi import Request

from .errors import WebError

__all__ = ["check_access", "presented_key"]


def presented_key(request: Request, form_key: str | None = None) -> str | None:
    """The key from `Authorization: Bearer`, `X-API-Key`, or the web form's api_key field."""
    authorization = request.headers.get("authorization", "")
    if authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    return request.headers.get("x-api-key") or form_key or None


def check_access(request: Request, form_key: str | None = None) -> None:
    """Rate-limit by valid key (else by client IP), then require a key when keys are enabled."""
    keys = request.app.state.keys
    digest = keys.check(presented_key(request, form_key)) if keys.enabled else None
    identity = f"key:{digest.hex()}" if digest else f"ip:{request.client.host if request.client else 'unknown'}"
    wait = request.app.state.limiter.acquire(identity)
    if wait > 0:
        seconds = max(1, math.ceil(wait))
        raise WebError(429, "rate_limited", f"rate limit reached; retry in {seconds} s", {"Retry-After": str(seconds)})
    if keys.enabled and digest is None:
        raise WebError(
            401,
            "unauthorized",
            "a valid API key is required: send 'Authorization: Bearer <key>'",
            {"WWW-Authenticate": "Bearer"},
        )
