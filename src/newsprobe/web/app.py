"""The app factory: `create_app(settings)` builds the FastAPI app around one `Newsprobe` app object."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from .._version import __version__
from ..report.html import template_environment
from . import corpus_pages, outlet_list, pages, rest
from .errors import install_error_handlers
from .explorer import CorpusDashboard
from .middleware import BodyLimitMiddleware, SecurityHeadersMiddleware
from .permalinks import ReportStore
from .security import ApiKeys, RateLimiter
from .service import AnalysisService
from .settings import WebSettings

__all__ = ["create_app", "create_app_from_env", "web_templates"]

DESCRIPTION = """Analyse a news article (text, HTML or a URL) and get the newsprobe report as JSON:
clean text and metadata, provenance, outlet profiles, quotes, check-worthy claims, propaganda spans.

Errors are JSON: `{"error": {"status", "code", "message"}}` with status 400 (bad request),
401 (API key missing or wrong), 413 (body too large), 422 (unreadable input, unknown analyser),
429 (rate limit; see `Retry-After`), 502 (the URL could not be fetched), 503 (busy)."""


@cache
def web_templates() -> Environment:
    """Web pages first look in the report templates (so analyser partials are shared), then in web/templates."""
    report = template_environment()
    assert report.loader is not None
    environment = Environment(
        loader=ChoiceLoader([report.loader, PackageLoader("newsprobe.web", "templates")]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(report.filters)  # the partials' filters and functions (plain words for ids)
    environment.globals.update(report.globals)
    return environment


def corpus_reader(settings: WebSettings) -> Any:
    """The corpus explorer's shared read-only store (imported only when a store is served: it loads pyarrow)."""
    if settings.store is None:
        return None
    from ..corpus.explore import SharedReader

    return SharedReader(settings.store)


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    store = ReportStore(settings.report_cache, settings.data_dir)
    service = AnalysisService(settings, store)
    keys = ApiKeys.from_file(settings.api_key_file) if settings.api_key_file else ApiKeys([])

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.warm_up:
            await service.warm_up()
        yield
        service.close()
        if app.state.corpus_reader is not None:
            app.state.corpus_reader.close()

    app = FastAPI(
        title="newsprobe",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.service = service
    app.state.store = store
    app.state.keys = keys
    app.state.limiter = RateLimiter(settings.rate_per_minute, settings.rate_burst)
    app.state.templates = web_templates()
    app.state.corpus = CorpusDashboard(settings.store) if settings.store else None
    app.state.corpus_reader = corpus_reader(settings)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    app.include_router(rest.router)
    app.include_router(pages.router)
    app.include_router(corpus_pages.router)
    app.include_router(outlet_list.router)
    app.mount("/static", StaticFiles(packages=[("newsprobe.web", "static")]), name="static")
    return app


def create_app_from_env() -> FastAPI:
    """Factory for uvicorn workers (`--workers N`): settings come from the environment."""
    return create_app(WebSettings.from_env())
