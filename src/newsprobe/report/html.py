"""The self-contained HTML report: inline CSS, no external requests, every piece of text escaped."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..analyse import registry
from ..errors import UnknownAnalyserError
from .model import Report
from .words import quote_style

__all__ = ["Section", "render_html", "report_sections", "template_environment"]


@dataclass(frozen=True)
class Section:
    title: str
    description: str
    template: str
    result: Any


@cache
def template_environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("newsprobe.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["quote_style"] = quote_style
    return environment


def _template_for(name: str) -> str:
    candidate = f"_{name}.html"
    return candidate if candidate in template_environment().list_templates() else "_generic.html"


def report_sections(report: Report) -> list[tuple[str, Section]]:
    """One section per analyser result, with its title and the partial that renders it."""
    sections = []
    for name, result in report.analyses.items():
        try:
            cls = registry.get(name)
            title, description = cls.title or name.title(), cls.description
        except UnknownAnalyserError:
            title, description = name.title(), ""
        sections.append((name, Section(title, description, _template_for(name), result)))
    return sections


def render_html(report: Report) -> str:
    template = template_environment().get_template("report.html")
    return template.render(report=report, sections=report_sections(report))
