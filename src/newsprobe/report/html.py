"""The self-contained HTML report: inline CSS, no external requests, every piece of text escaped."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..analyse import registry
from ..analyse.quotes import STYLE_WORDS
from ..errors import UnknownAnalyserError
from .model import Report

__all__ = ["Section", "add_filters", "render_html", "report_sections", "template_environment"]


@dataclass(frozen=True)
class Section:
    title: str
    description: str
    template: str
    result: Any


def add_filters(env: Environment) -> Environment:
    """Filters the partials share: `style_words` names a quote style in plain words ('partly quoted')."""
    env.filters["style_words"] = lambda style: STYLE_WORDS.get(style, style or "")
    return env


@cache
def template_environment() -> Environment:
    return add_filters(
        Environment(
            loader=PackageLoader("newsprobe.report", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
    )


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
