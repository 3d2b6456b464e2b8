"""The "Outlets" menu: every outlet the shipped data sets know, filterable by flag and country, as an
HTML page (no JavaScript needed) and as JSON (`GET /api/v1/outlets`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from .corpus_pages import csv_response, export_url
from .errors import WebError
from .pages import render

__all__ = ["router"]

router = APIRouter()
FLAGS = {
    "state": "state media (editorial control)",
    "specious": "specious-sites list",
    "laundromat": "Information Laundromat",
    "low": "low reliability (Lin et al.)",
}
Flag = Annotated[str, Query(max_length=20, description="state, specious, laundromat or low.")]
Country = Annotated[str, Query(max_length=80, description="A country named by the state-media data.")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]


def _listing(flag: str, country: str, limit: int, offset: int) -> dict[str, Any]:
    from ..outlets import database

    db = database()
    try:
        profiles = db.list_outlets(flag=flag or None, country=country or None, limit=limit, offset=offset)
        total = db.count_outlets(flag=flag or None, country=country or None)
    except InputError as exc:
        raise WebError(400, "bad_request", str(exc)) from None
    rows = [
        {"domain": p.domain, "name": p.name, "country": p.country, "flags": p.flags, "url": f"/sources/{p.domain}"}
        for p in profiles
    ]
    return {"outlets": rows, "total": total, "countries": db.countries()}


@router.get("/api/v1/outlets", tags=["outlets"])
async def api_outlet_list(
    request: Request,
    flag: Flag = "",
    country: Country = "",
    limit: Limit = 100,
    offset: Offset = 0,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> Response:
    """Every outlet the shipped data sets know: `{"outlets": [...], "total": N, "next": URL|null}`; `format=csv`."""
    listing = await run_in_threadpool(_listing, flag, country, limit, offset)
    if format == "csv":
        return csv_response([{**o, "flags": "; ".join(o["flags"])} for o in listing["outlets"]], "outlets")
    more = offset + limit < listing["total"]
    next_url = str(request.url.include_query_params(offset=offset + limit)) if more else None
    return JSONResponse({"outlets": listing["outlets"], "total": listing["total"], "next": next_url})


@router.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
async def outlet_list_page(
    request: Request, flag: Flag = "", country: Country = "", limit: Limit = 100, offset: Offset = 0
) -> HTMLResponse:
    listing = await run_in_threadpool(_listing, flag, country, limit, offset)
    total = listing["total"]
    here = request.url
    return render(
        request,
        "outlets.html",
        **listing,
        flag=flag,
        country=country,
        flags=FLAGS,
        offset=offset,
        next=str(here.include_query_params(offset=offset + limit)) if offset + limit < total else None,
        previous=str(here.include_query_params(offset=max(offset - limit, 0))) if offset else None,
        json_url=export_url(request, "/api/v1/outlets"),
        csv_url=export_url(request, "/api/v1/outlets", format="csv"),
    )
