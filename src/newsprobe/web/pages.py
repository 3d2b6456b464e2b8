"""HTML pages; the core flow (paste, URL or upload -> report) works with JavaScript off."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import NewsprobeError
from ..ingest import RawDocument, read_bytes
from ..ingest.source import ContentKind
from ..report.html import report_sections, skipped_sections, template_environment
from ..report.words import analyser_description, analyser_title
from .badges import outlet_badges
from .errors import WebError, status_for
from .guards import check_access
from .rest import ReportId, service_of

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

SOURCE_KINDS = ("text", "url", "file")


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    page = request.app.state.templates.get_template(template)
    context.setdefault("corpus", request.app.state.corpus is not None)
    return HTMLResponse(page.render(request=request, **context), status_code=status)


def analyser_choices(request: Request) -> list[dict[str, str]]:
    return [
        {"name": name, "title": analyser_title(name), "description": analyser_description(name)}
        for name in service_of(request).available
    ]


def home_page(request: Request, status: int = 200, error: str | None = None, **form: Any) -> HTMLResponse:
    return render(
        request,
        "home.html",
        status,
        analysers=analyser_choices(request),
        error=error,
        keys_enabled=request.app.state.keys.enabled,
        form=form,
    )


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    return home_page(request)


def chosen_kind(source: str, text: str, url: str, upload: UploadFile | None) -> str:
    """The radio choice when it names a filled-in field, else the one field filled in."""
    filled = {"text": bool(text.strip()), "url": bool(url.strip()), "file": bool(upload and upload.filename)}
    if source in filled and filled[source]:
        return source
    given = [kind for kind in SOURCE_KINDS if filled[kind]]
    if len(given) != 1:
        raise WebError(
            400,
            "bad_request",
            "paste a text, enter a URL or choose a file"
            if not given
            else "choose one input: a pasted text, a URL or a file",
        )
    return given[0]


PASTE_FORMATS: dict[str, ContentKind | None] = {"auto": None, "text": "text", "html": "html"}


async def form_document(
    request: Request, kind: str, text: str, url: str, upload: UploadFile | None, paste_format: str = "auto"
) -> RawDocument:
    if kind == "url":
        return await service_of(request).fetch(url.strip())
    if kind == "file":
        assert upload is not None
        data = await upload.read()
        return await run_in_threadpool(read_bytes, data, source=upload.filename or "<upload>")
    # decoding and sniffing a large paste is CPU work: keep it off the event loop
    return await run_in_threadpool(
        read_bytes, text.encode("utf-8"), source="<pasted>", kind=PASTE_FORMATS.get(paste_format)
    )


@router.post("/analyze")
async def analyze_form(
    request: Request,
    source: Annotated[str, Form()] = "text",
    text: Annotated[str, Form()] = "",
    paste_format: Annotated[str, Form()] = "auto",
    url: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
    analyses: Annotated[list[str] | None, Form()] = None,
    choose: Annotated[str, Form()] = "",
    api_key: Annotated[str, Form()] = "",
) -> Response:
    """The form post: analyse, then redirect to the report's permalink (303)."""
    chosen = list(analyses or []) if choose else None
    keep = {"source": source, "text": text, "paste_format": paste_format, "url": url, "analyses": chosen}
    try:
        check_access(request, api_key or None)
        kind = chosen_kind(source, text, url, file)
        service = service_of(request)
        names = service.resolve(chosen)
        document = await form_document(request, kind, text, url, file, paste_format)
        outcome = await service.analyze(document, names)
    except WebError as exc:
        if exc.status == 429:
            raise
        return home_page(request, exc.status, exc.message, **keep)
    except NewsprobeError as exc:
        status, _ = status_for(exc)
        return home_page(request, status, str(exc), **keep)
    return RedirectResponse(f"/reports/{outcome.report_id}", status_code=303)


def stored_report(request: Request, report_id: str) -> Any:
    report = request.app.state.store.get(report_id)
    if report is None:
        raise WebError(404, "not_found", "no such report: it may have expired; analyse the article again")
    return report


@router.get("/reports/{report_id}.json")
async def report_json(request: Request, report_id: ReportId) -> Response:
    report = stored_report(request, report_id)
    return Response(
        report.model_dump_json(indent=2),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="newsprobe-report-{report_id}.json"'},
    )


@router.get("/reports/{report_id}", response_class=HTMLResponse)
async def report_page(request: Request, report_id: ReportId) -> HTMLResponse:
    report = stored_report(request, report_id)
    return render(
        request,
        "report_page.html",
        report=report,
        report_id=report_id,
        sections=report_sections(report),
        skipped=skipped_sections(report),
        badges=outlet_badges(report),
        permalink=str(request.url_for("report_page", report_id=report_id)),
    )


@router.get("/sources")
async def source_lookup(q: Annotated[str, Query(max_length=300)] = "") -> Response:
    if not q.strip():
        return RedirectResponse("/", status_code=303)
    return RedirectResponse(f"/sources/{quote(q.strip(), safe='')}", status_code=303)


@router.get("/sources/{name_or_domain:path}", response_class=HTMLResponse)
async def source_page(
    request: Request, name_or_domain: str, credited: Annotated[str, Query(max_length=300)] = ""
) -> HTMLResponse:
    """An outlet's page; `credited` is the name a report gave the outlet, shown when the data sets call it
    otherwise (a report's "RT News" opens the page of "RT International")."""
    from ..outlets import database, source

    if not name_or_domain.strip() or len(name_or_domain) > 300:
        raise WebError(400, "bad_request", "give an outlet name or domain of 1 to 300 characters")
    from .corpus_pages import outlet_corpus_articles

    profile = source(name_or_domain)
    table = database()
    corpus_articles = await outlet_corpus_articles(request, profile.domain or name_or_domain.strip().lower())
    listed_as = {(profile.name or "").casefold(), profile.domain}
    credited = credited.strip() if profile.name and credited.strip().casefold() not in listed_as else ""
    return render(
        request,
        "source.html",
        profile=profile,
        citations=table.citations,
        dataset_titles=table.dataset_titles,
        corpus_articles=corpus_articles,
        credited=credited,
    )


@router.get("/corpus", response_class=HTMLResponse)
async def corpus_page(request: Request) -> HTMLResponse:
    dashboard = request.app.state.corpus
    if dashboard is None:
        raise WebError(404, "no_corpus", "no corpus store: start the server with `newsprobe serve --store DIR`")
    return render(request, "corpus.html", summary=dashboard.summary())


@router.get("/corpus/dashboard", response_class=HTMLResponse)
async def corpus_charts(
    request: Request,
    genre: Annotated[str, Query(pattern="^(news|opinion|analysis|other|all)$")] = "news",
    min_articles: Annotated[int, Query(ge=1, le=100_000)] = 5,
) -> HTMLResponse:
    """The corpus package's chart dashboard, served with a CSP that allows its inline CSS and no script at all."""
    from .explorer import DASHBOARD_CSP

    dashboard = request.app.state.corpus
    if dashboard is None:
        raise WebError(404, "no_corpus", "no corpus store: start the server with `newsprobe serve --store DIR`")
    html = await run_in_threadpool(dashboard.charts_html, genre, min_articles)
    if html is None:
        raise WebError(
            404,
            "no_dashboard",
            "the chart dashboard needs a store written by `newsprobe corpus run` that no job is writing to",
        )
    return HTMLResponse(html, headers={"Content-Security-Policy": DASHBOARD_CSP})


@router.get("/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> HTMLResponse:
    """API documentation rendered from the OpenAPI schema on the server (no CDN, no script)."""
    return render(request, "docs.html", openapi=request.app.openapi())


@router.get("/favicon.ico")
async def favicon() -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/assets/report.css")
async def report_css() -> Response:
    """The report's own stylesheet, so web pages and the HTML report look the same."""
    env = template_environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, "_style.css")
    return Response(source, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})
