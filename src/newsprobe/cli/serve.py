"""`newsprobe serve`: the web app and REST API (FastAPI + uvicorn; the `web` extra)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError
from ._options import ProfileChoice, ProfileOption, add_command, chosen_profile, parse_analyses

__all__ = ["INSTALL_HINT", "missing_web_extra", "register"]

INSTALL_HINT = "pip install -e '.[web]' in the newsprobe checkout"
WEB_MODULES = ("fastapi", "uvicorn", "python_multipart", "starlette")


def missing_web_extra() -> list[str]:
    """Modules of the `web` extra that cannot be imported."""
    missing = []
    for module in WEB_MODULES:
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    return missing


def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes; each loads the models once.", min=1, max=64)] = 1,
    store: Annotated[Path | None, typer.Option(help="Corpus store directory: enables the /corpus dashboard.")] = None,
    api_key_file: Annotated[
        Path | None, typer.Option(help="File with one API key per line (or sha256:<hex>); enables auth.")
    ] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let URL analysis reach private/loopback addresses (tests only).")
    ] = False,
    data_dir: Annotated[
        Path | None, typer.Option(help="Keep report permalinks on disk here (default: memory only).")
    ] = None,
    analyses: Annotated[str | None, typer.Option(help="Comma-separated analysers to offer (default: all).")] = None,
    rate_limit: Annotated[float, typer.Option(help="Requests per minute per API key or IP (0 = off).", min=0)] = 120.0,
    rate_burst: Annotated[int, typer.Option(help="Requests allowed in a burst.", min=1)] = 30,
    max_body_mb: Annotated[float, typer.Option(help="Largest request body in MB (413 beyond).", min=0.001)] = 8.0,
    warm_up: Annotated[
        bool, typer.Option("--warm-up/--no-warm-up", help="Load all models at start-up, before taking requests.")
    ] = True,
    profile: ProfileOption = None,
) -> None:
    """Serve the web app and the REST API (docs at /docs)."""
    missing = missing_web_extra()
    if missing:
        typer.echo(
            f"newsprobe serve needs the web extra (missing: {', '.join(missing)}). Install it with:\n  {INSTALL_HINT}",
            err=True,
        )
        raise typer.Exit(2)
    settings = _settings(
        ctx,
        store=store,
        api_key_file=api_key_file,
        allow_private=allow_private,
        data_dir=data_dir,
        analyses=analyses,
        rate_limit=rate_limit,
        rate_burst=rate_burst,
        max_body_mb=max_body_mb,
        warm_up=warm_up,
        profile=profile,
    )
    if allow_private:
        typer.echo(
            "warning: --allow-private lets anyone who can reach this server make it fetch private addresses", err=True
        )
    _run(settings, host, port, workers)


def _settings(
    ctx: typer.Context,
    *,
    store: Path | None,
    api_key_file: Path | None,
    allow_private: bool,
    data_dir: Path | None,
    analyses: str | None,
    rate_limit: float,
    rate_burst: int,
    max_body_mb: float,
    warm_up: bool,
    profile: ProfileChoice | None = None,
) -> Any:
    from ..web.security import ApiKeys
    from ..web.settings import WebSettings

    names = parse_analyses(analyses)
    if api_key_file is not None:
        ApiKeys.from_file(api_key_file)  # fail here, in one line, not in every worker
    if store is not None and not store.exists():
        raise InputError(f"corpus store {store} does not exist")
    return WebSettings(
        analyses=tuple(names) if names is not None else None,
        profile=chosen_profile(ctx, profile),
        allow_private=allow_private,
        api_key_file=api_key_file,
        store=store,
        data_dir=data_dir,
        max_body_bytes=int(max_body_mb * 1024 * 1024),
        rate_per_minute=rate_limit,
        rate_burst=rate_burst,
        warm_up=warm_up,
    )


def _run(settings: Any, host: str, port: int, workers: int) -> None:
    import uvicorn

    from ..web.settings import ENV_SETTINGS

    if workers > 1 and settings.data_dir is None:
        # workers share permalinks through a data directory, or a report made by one is missing on another
        settings = settings.model_copy(update={"data_dir": Path(tempfile.mkdtemp(prefix="newsprobe-web-"))})
    typer.echo(
        f"newsprobe: serving on http://{host}:{port} ({workers} worker{'s' if workers > 1 else ''}); API docs at /docs",
        err=True,
    )
    if workers == 1:
        from ..web import create_app

        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", server_header=False)
        return
    os.environ[ENV_SETTINGS] = settings.to_env()
    uvicorn.run(
        "newsprobe.web.app:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        server_header=False,
    )


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    add_command(app, serve_command, "serve")
