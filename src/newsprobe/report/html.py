"""The self-contained HTML report: inline CSS, no external requests, every piece of text escaped."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..languages import language_name
from .model import Report
from .views.provenance import evidence_lines
from .words import (
    NO_ENTITIES,
    NO_QUOTES,
    SHARED_NAME,
    SPEAKER_CONFIDENCE,
    VERDICT_CONFIDENCE,
    analyser_description,
    analyser_title,
    claims_model,
    entity_type,
    evidence_kind,
    failure_line,
    propaganda_model,
    quote_method,
    quote_style,
    site_fingerprint,
    speaker_method,
    unattributed,
    verdict,
)

__all__ = ["Section", "SkippedSection", "render_html", "report_sections", "skipped_sections", "template_environment"]


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
    environment.filters["quote_method"] = quote_method
    environment.filters["speaker_method"] = speaker_method
    environment.filters["entity_type"] = entity_type
    environment.filters["evidence_kind"] = evidence_kind
    environment.filters["verdict"] = verdict
    environment.filters["failure_line"] = failure_line
    environment.filters["site_fingerprint"] = site_fingerprint
    environment.filters["language_name"] = language_name
    environment.filters["claims_model"] = claims_model
    environment.filters["propaganda_model"] = propaganda_model
    environment.globals["unattributed"] = unattributed
    environment.globals["no_entities"] = NO_ENTITIES
    environment.globals["no_quotes"] = NO_QUOTES
    environment.globals["shared_name"] = SHARED_NAME
    environment.globals["evidence_lines"] = evidence_lines
    environment.globals["verdict_confidence"] = VERDICT_CONFIDENCE
    environment.globals["speaker_confidence"] = SPEAKER_CONFIDENCE
    return environment


def _template_for(name: str) -> str:
    candidate = f"_{name}.html"
    return candidate if candidate in template_environment().list_templates() else "_generic.html"


def report_sections(report: Report) -> list[tuple[str, Section]]:
    """One section per analyser result, with its title and the partial that renders it."""
    sections = []
    for name, result in report.analyses.items():
        title, description = analyser_title(name), analyser_description(name)
        sections.append((name, Section(title, description, _template_for(name), result)))
    return sections


@dataclass(frozen=True)
class SkippedSection:
    name: str
    title: str
    reason: str
    sentence: str  # the plain-words reason as a sentence: "Not run: English-only model; ..."


def skipped_sections(report: Report) -> list[SkippedSection]:
    """One entry per analyser that was not run on this article, in the report's order."""
    return [
        SkippedSection(
            skip.analyser,
            analyser_title(skip.analyser),
            skip.reason,
            skip.message[:1].upper() + skip.message[1:] + ".",
        )
        for skip in report.skipped
    ]


def render_html(report: Report) -> str:
    template = template_environment().get_template("report.html")
    return template.render(report=report, sections=report_sections(report), skipped=skipped_sections(report))
