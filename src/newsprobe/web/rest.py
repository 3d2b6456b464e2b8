"""REST API: POST /api/v1/analyze, reports by id, outlet profiles, analysers, health."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from .._version import __version__
from ..analyse import registry
from ..ingest import RawDocument, from_html, from_text
from ..report.words import analyser_description, analyser_title
from .errors import WebError
from .guards import check_access
from .service import AnalysisService

__all__ = ["AnalyzeRequest", "router"]

router = APIRouter()
ReportId = Annotated[str, Path(description="A report id (32 hex digits).", max_length=64)]


class AnalyzeRequest(BaseModel):
    """Exactly one of `text`, `html`, `url`."""

    text: str | None = Field(None, description="Article as plain text or markdown.")
    html: str | None = Field(None, description="Article page as HTML.")
    url: str | None = Field(None, description="An http(s) URL to fetch (public addresses only).")
    source_url: str | None = Field(None, description="Where `text` or `html` came from; helps metadata and provenance.")
    analyses: list[str] | None = Field(None, description="Analysers to run (default: all enabled on the server).")


class AnalyzeResponse(BaseModel):
    id: str
    permalink: str
    json_url: str
    cached: bool = Field(
        description="True when this exact input was already analysed and the stored report is returned."
    )
    report: dict[str, Any]


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text}
    for status, text in {
        400: "Bad request: invalid JSON, not exactly one input, or a refused URL.",
        401: "API key missing or wrong (when the server has keys).",
        413: "Request body too large.",
        422: "Unreadable input or unknown analyser.",
        429: "Rate limit reached; see Retry-After.",
        502: "The URL could not be fetched.",
        503: "Too many analyses waiting; retry shortly.",
    }.items()
}


def service_of(request: Request) -> AnalysisService:
    service: AnalysisService = request.app.state.service
    return service


def api_access(request: Request) -> None:
    check_access(request)


def single_input(body: AnalyzeRequest) -> tuple[str, str]:
    given = [
        (name, value)
        for name, value in (("text", body.text), ("html", body.html), ("url", body.url))
        if value is not None
    ]
    if len(given) != 1:
        names = ", ".join(name for name, _ in given) or "none"
        raise WebError(400, "bad_request", f"give exactly one of 'text', 'html', 'url' (got: {names})")
    name, value = given[0]
    if not value.strip():
        raise WebError(400, "bad_request", f"'{name}' is empty")
    return name, value


async def load_input(service: AnalysisService, kind: str, value: str, source_url: str | None) -> RawDocument:
    if kind == "url":
        return await service.fetch(value.strip())
    if kind == "html":
        return from_html(value, source="<api:html>", url=source_url)
    return from_text(value, source="<api:text>", url=source_url)


@router.post(
    "/api/v1/analyze",
    response_model=AnalyzeResponse,
    responses=ERRORS,
    tags=["analysis"],
    dependencies=[Depends(api_access)],
)
async def analyze(body: AnalyzeRequest, request: Request) -> Response:
    """Analyse one article given as text, HTML or a URL; returns the report and its permalink."""
    service = service_of(request)
    kind, value = single_input(body)
    names = service.resolve(body.analyses)
    document = await load_input(service, kind, value, body.source_url)
    outcome = await service.analyze(document, names)
    permalink = f"/reports/{outcome.report_id}"
    head: dict[str, object] = {
        "id": outcome.report_id,
        "permalink": permalink,
        "json_url": f"/api/v1/reports/{outcome.report_id}",
        "cached": outcome.cached,
    }
    report_json = request.app.state.store.get_json(outcome.report_id) or outcome.report.model_dump_json()
    payload = json.dumps(head)[:-1] + ', "report": ' + report_json + "}"  # the stored serialisation, not a new dump
    return Response(
        payload,
        media_type="application/json",
        headers={"Location": permalink, "X-Newsprobe-Cached": "true" if outcome.cached else "false"},
    )


@router.get("/api/v1/reports/{report_id}", responses=ERRORS, tags=["analysis"], dependencies=[Depends(api_access)])
async def get_report(report_id: ReportId, request: Request) -> Response:
    """A stored report as JSON."""
    report_json = request.app.state.store.get_json(report_id)
    if report_json is None:
        raise WebError(404, "not_found", f"no report {report_id} (reports are kept for a limited time)")
    return Response(report_json, media_type="application/json")


@router.get(
    "/api/v1/sources/{name_or_domain:path}", responses=ERRORS, tags=["outlets"], dependencies=[Depends(api_access)]
)
async def get_source(name_or_domain: str) -> Response:
    """Outlet profile by name ("RT News"), domain ("rt.com") or URL; unknown outlets have status "unknown"."""
    from ..outlets import source

    if not name_or_domain.strip() or len(name_or_domain) > 300:
        raise WebError(400, "bad_request", "give an outlet name or domain of 1 to 300 characters")
    profile = source(name_or_domain)
    return JSONResponse({**profile.model_dump(mode="json"), "flags": profile.flags})


@router.get("/api/v1/analysers", tags=["analysis"])
async def analysers(request: Request) -> dict[str, Any]:
    """The analysers this server runs."""
    available = service_of(request).available
    return {
        "analysers": [
            {
                "name": name,
                "version": registry.get(name).version,
                "title": analyser_title(name),
                "description": analyser_description(name),
            }
            for name in available
        ]
    }


@router.get("/healthz", tags=["service"])
async def healthz(request: Request) -> dict[str, Any]:
    """Liveness: the version, profile and analysers of this worker."""
    service = service_of(request)
    return {
        "status": "ok",
        "version": __version__,
        "profile": service.app.profile,
        "analysers": list(service.available),
    }
