"""CLI command groups beyond `analyze`/`extract`, one module per area.

Each module listed in MODULES defines `register(app, eval_app)`, adding its commands to the
main Typer app and its scorers to the `newsprobe eval` group. Commands only parse, call the
library and render.
"""

from __future__ import annotations

import importlib

import typer

MODULES: list[str] = ["checkworthy", "quotes", "provenance", "propaganda", "web", "corpus"]


def register_all(app: typer.Typer, eval_app: typer.Typer) -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(app, eval_app)
