"""Reports: the versioned model and its renderings (JSON, HTML, terminal, Markdown)."""

from __future__ import annotations

import io
from typing import Literal

from .html import render_html
from .markdown import render_markdown
from .model import SCHEMA_VERSION, Report

__all__ = ["SCHEMA_VERSION", "OutputFormat", "Report", "render"]

OutputFormat = Literal["json", "html", "text", "md"]


def render(report: Report, output_format: OutputFormat, *, width: int | None = None) -> str:
    """The report as a string in `output_format` (`text` is the Rich view, exported as plain text)."""
    if output_format == "json":
        return report.model_dump_json(indent=2)
    if output_format == "html":
        return render_html(report)
    if output_format == "md":
        return render_markdown(report)
    from rich.console import Console

    from .terminal import render_terminal

    buffer = io.StringIO()
    Console(width=width or 100, file=buffer, color_system=None).print(render_terminal(report))
    return buffer.getvalue()
