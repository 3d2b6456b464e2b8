"""Corpus explorer (`newsprobe serve --store DIR`): every list is an HTML page that works without
JavaScript, with the same data as JSON under /api/v1/corpus/... and as CSV (`?format=csv`); filters,
sort and pagination are query parameters, so every view is a link.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote, quote_plus, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool

from ..corpus.explore import (
    ARTICLE_SORTS,
    DEFAULT_LIMIT,
    OUTLET_FLAGS,
    ArticleFilters,
    Page,
    SharedReader,
    StoreReader,
    list_articles,
    list_outlets,
    list_quotes,
    list_speakers,
    same_surname_speakers,
    syndication_clusters,
)
from ..corpus.stored_report import STORED_NOTE, stored_report
from ..errors import InputError
from ..report.html import report_sections, skipped_sections
from .errors import WebError
from .pages import render

__all__ = ["csv_response", "export_url", "outlet_corpus_articles", "router"]

router = APIRouter()
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page (1-1000).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Text = Annotated[str, Query(max_length=300)]
Format = Annotated[str, Query(pattern="^(json|csv)$", description="json (default) or csv.")]
VERDICTS = ("original", "attributed_republication", "wire_copy", "uncredited_copy", "suspected_laundering")


def _shared_reader(request: Request) -> SharedReader:
    shared: SharedReader | None = request.app.state.corpus_reader
    if shared is None:
        raise WebError(404, "no_corpus", "no corpus store: start the server with `newsprobe serve --store DIR`")
    return shared


async def read_store(request: Request, read: Callable[[StoreReader], Any]) -> Any:
    """Run `read` on the shared read-only store (off the event loop)."""
    shared = _shared_reader(request)

    def run() -> Any:
        with shared.reader() as reader:
            return read(reader)

    try:
        return await run_in_threadpool(run)
    except InputError as exc:
        raise WebError(400, "bad_request", str(exc)) from None


def export_url(request: Request, api_path: str, **extra: str) -> str:
    """`api_path` with the request's query parameters (its filters) and `extra`, as a site-relative URL."""
    query = urlencode({**request.query_params, **extra})
    return f"{api_path}?{query}" if query else api_path


def _links(request: Request, page: Page, api_path: str) -> dict[str, Any]:
    """Next/previous page URLs and the export URLs, all carrying the request's filters."""

    def at(offset: int | None) -> str | None:
        return None if offset is None else str(request.url.include_query_params(offset=offset))

    return {
        "next": at(page.next_offset),
        "previous": at(page.previous_offset),
        "json": export_url(request, api_path),
        "csv": export_url(request, api_path, format="csv"),
    }


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_response(rows: list[dict[str, Any]], name: str) -> Response:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="newsprobe-{name}.csv"'},
    )


def _api(request: Request, page: Page, key: str, format: str) -> Response:
    if format == "csv":
        return csv_response(page.rows, key)
    next_url = str(request.url.include_query_params(offset=page.next_offset)) if page.next_offset is not None else None
    return JSONResponse({key: page.rows, "total": page.total, "next": next_url})


# ---------------------------------------------------------------- articles


ISO_DATE_PREFIX = re.compile(r"(\d{4}(-\d{2}(-\d{2})?)?)?")  # '' (no filter) or one of DATE_FORMS
DATE_FORMS = "2019, 2019-03 or 2019-03-04"


def _date_prefix(value: str) -> str:
    if not ISO_DATE_PREFIX.fullmatch(value.strip()):
        raise ValueError(f"give a date as {DATE_FORMS}, not {value[:40]!r}")
    return value.strip()


Since = Annotated[
    str,
    AfterValidator(_date_prefix),
    Query(max_length=40, description=f"Published on or after (ISO date prefix: {DATE_FORMS})."),
]
Until = Annotated[
    str,
    AfterValidator(_date_prefix),
    Query(max_length=40, description=f"Published on or before (ISO date prefix: {DATE_FORMS})."),
]


def article_filters(
    outlet: Text = "",
    domain: Text = "",
    verdict: Text = "",
    language: Text = "",
    genre: Text = "",
    since: Text = "",
    until: Text = "",
    q: Text = "",
    text: Text = "",
    technique: Text = "",
    speaker: Text = "",
) -> ArticleFilters:
    return ArticleFilters(outlet, domain, verdict, language, genre, since, until, q, text, technique, speaker)


def _with_urls(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["report_url"] = f"/corpus/articles/{row['id']}"
    return rows


async def _articles(request: Request, filters: ArticleFilters, sort: str, limit: int, offset: int) -> Page:
    page: Page = await read_store(request, lambda reader: list_articles(reader, filters, sort, limit, offset))
    _with_urls(page.rows)
    return page


SortParam = Annotated[
    str, Query(max_length=20, description="A column (" + ", ".join(ARTICLE_SORTS) + "); '-' for descending.")
]


@router.get("/api/v1/corpus/articles", tags=["corpus"])
async def api_articles(
    request: Request,
    outlet: Text = "",
    domain: Text = "",
    verdict: Text = "",
    language: Text = "",
    genre: Text = "",
    since: Since = "",
    until: Until = "",
    q: Annotated[str, Query(max_length=300, description="Words in the title.")] = "",
    text: Annotated[
        str,
        Query(
            max_length=300,
            description='Whole words in the text, all required; "a phrase" in quotes; word* for a prefix.',
        ),
    ] = "",
    technique: Text = "",
    speaker: Text = "",
    sort: SortParam = "-published",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: Format = "json",
) -> Response:
    """Stored articles, filtered: `{"articles": [...], "total": N, "next": URL|null}`; `format=csv` for CSV."""
    filters = article_filters(outlet, domain, verdict, language, genre, since, until, q, text, technique, speaker)
    page = await _articles(request, filters, sort, limit, offset)
    return _api(request, page, "articles", format)


@router.get("/corpus/articles", response_class=HTMLResponse, include_in_schema=False)
async def articles_page(
    request: Request,
    outlet: Text = "",
    domain: Text = "",
    verdict: Text = "",
    language: Text = "",
    genre: Text = "",
    since: Since = "",
    until: Until = "",
    q: Text = "",
    text: Text = "",
    technique: Text = "",
    speaker: Text = "",
    sort: SortParam = "-published",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> HTMLResponse:
    filters = article_filters(outlet, domain, verdict, language, genre, since, until, q, text, technique, speaker)
    page = await _articles(request, filters, sort, limit, offset)
    return render(
        request,
        "corpus_articles.html",
        page=page,
        filters=filters,
        sort=sort,
        sorts=ARTICLE_SORTS,
        verdicts=VERDICTS,
        date_hint=f"A date as {DATE_FORMS}",
        date_pattern=ISO_DATE_PREFIX.pattern,  # the browser checks the form with the server's pattern
        links=_links(request, page, "/api/v1/corpus/articles"),
    )


async def _stored(request: Request, article_id: str) -> Any:
    report = await read_store(request, lambda reader: stored_report(reader, article_id))
    if report is None:
        raise WebError(404, "not_found", f"no article {article_id} in this corpus store")
    return report


@router.get("/api/v1/corpus/articles/{article_id}", tags=["corpus"])
async def api_article(request: Request, article_id: str) -> Response:
    """One stored article's report, rebuilt from the store (not analysed again)."""
    report = await _stored(request, article_id[:128])
    return Response(report.model_dump_json(indent=2), media_type="application/json")


@router.get("/corpus/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
async def article_page(request: Request, article_id: str) -> HTMLResponse:
    report = await _stored(request, article_id[:128])
    return render(
        request,
        "corpus_report.html",
        report=report,
        article_id=article_id,
        note=STORED_NOTE,
        sections=report_sections(report),
        skipped=skipped_sections(report),
    )


# ---------------------------------------------------------------- outlets


async def _outlets(request: Request, flag: str, country: str, limit: int, offset: int) -> Page:
    """The outlets, each with the links to its articles and its profile (none for an outlet with no domain)."""
    page: Page = await read_store(request, lambda reader: list_outlets(reader, flag, country, limit, offset))
    for row in page.rows:
        domain = row["domain"]
        articles = f"domain={quote_plus(domain)}" if domain else f"outlet={quote_plus(row['name'])}"
        row["articles_url"] = f"/corpus/articles?{articles}"
        row["outlet_url"] = f"/sources/{quote(domain)}" if domain else None
    return page


Flag = Annotated[str, Query(max_length=20, description="state, specious, laundromat or low.")]


@router.get("/api/v1/corpus/outlets", tags=["corpus"])
async def api_outlets(
    request: Request,
    flag: Flag = "",
    country: Text = "",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    format: Format = "json",
) -> Response:
    """Outlets in the store: name, domain, article count, counts by verdict, flags."""
    page = await _outlets(request, flag, country, limit, offset)
    return _api(request, page, "outlets", format)


@router.get("/corpus/outlets", response_class=HTMLResponse, include_in_schema=False)
async def outlets_page(
    request: Request, flag: Flag = "", country: Text = "", limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> HTMLResponse:
    page = await _outlets(request, flag, country, limit, offset)
    return render(
        request,
        "corpus_outlets.html",
        page=page,
        flag=flag,
        country=country,
        flags=OUTLET_FLAGS,
        links=_links(request, page, "/api/v1/corpus/outlets"),
    )


async def outlet_corpus_articles(request: Request, domain: str | None) -> Page | None:
    """An outlet page's latest corpus articles (None without a store or a domain)."""
    if request.app.state.corpus is None or not domain:
        return None
    page: Page = await read_store(
        request, lambda reader: list_articles(reader, ArticleFilters(domain=domain), limit=20)
    )
    return page


# ---------------------------------------------------------------- syndication, speakers, quotes


@router.get("/api/v1/corpus/syndication", tags=["corpus"])
async def api_syndication(
    request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = "json"
) -> Response:
    """Near-duplicate clusters, largest first; members earliest first, each saying if it credits another member."""
    page: Page = await read_store(request, lambda reader: syndication_clusters(reader, limit, offset))
    for cluster in page.rows:
        _with_urls(cluster["members"])
    if format == "csv":
        rows = [{"cluster": offset + i + 1, **m} for i, c in enumerate(page.rows) for m in c["members"]]
        return csv_response(rows, "syndication")
    return _api(request, page, "clusters", format)


@router.get("/corpus/syndication", response_class=HTMLResponse, include_in_schema=False)
async def syndication_page(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    page: Page = await read_store(request, lambda reader: syndication_clusters(reader, limit, offset))
    return render(
        request,
        "corpus_syndication.html",
        page=page,
        links=_links(request, page, "/api/v1/corpus/syndication"),
    )


@router.get("/api/v1/corpus/speakers", tags=["corpus"])
async def api_speakers(
    request: Request, q: Text = "", limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = "json"
) -> Response:
    """Resolved speakers with their quote and article counts, most quoted first."""
    page: Page = await read_store(request, lambda reader: list_speakers(reader, q, limit, offset))
    return _api(request, page, "speakers", format)


@router.get("/corpus/speakers", response_class=HTMLResponse, include_in_schema=False)
async def speakers_page(
    request: Request, q: Text = "", limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> HTMLResponse:
    page: Page = await read_store(request, lambda reader: list_speakers(reader, q, limit, offset))
    return render(
        request, "corpus_speakers.html", page=page, q=q, links=_links(request, page, "/api/v1/corpus/speakers")
    )


@router.get("/api/v1/corpus/quotes", tags=["corpus"])
async def api_quotes(
    request: Request, speaker: Text = "", limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = "json"
) -> Response:
    """Stored quotes with their article, optionally of one speaker."""
    page: Page = await read_store(request, lambda reader: list_quotes(reader, speaker, limit, offset))
    return _api(request, page, "quotes", format)


@router.get("/corpus/quotes", response_class=HTMLResponse, include_in_schema=False)
async def quotes_page(
    request: Request, speaker: Text = "", limit: Limit = DEFAULT_LIMIT, offset: Offset = 0
) -> HTMLResponse:
    page: Page = await read_store(request, lambda reader: list_quotes(reader, speaker, limit, offset))
    namesakes = await read_store(request, lambda reader: same_surname_speakers(reader, speaker)) if speaker else []
    return render(
        request,
        "corpus_quotes.html",
        page=page,
        speaker=speaker,
        namesakes=namesakes,
        links=_links(request, page, "/api/v1/corpus/quotes"),
    )
