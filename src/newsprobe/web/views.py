"""What the pages show, computed from a Report: sections with their partials, outlet badges."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from ..errors import NewsprobeError
from ..report import Report
from ..report.html import Section, report_sections

__all__ = ["OutletBadge", "outlet_badges", "page_sections"]


@dataclass(frozen=True)
class OutletBadge:
    role: str
    name: str
    domain: str | None
    known: bool
    flags: list[str] = field(default_factory=list)
    is_wire: bool = False


def page_sections(report: Report, env: Environment) -> list[tuple[str, Section]]:
    """The report's sections; a partial found by the web loader (e.g. a fallback) replaces `_generic.html`."""
    available = set(env.list_templates())
    sections = []
    for name, section in report_sections(report):
        template = f"_{name}.html" if f"_{name}.html" in available else section.template
        sections.append((name, Section(section.title, section.description, template, section.result)))
    return sections


def _badge(role: str, ref: Any) -> OutletBadge:
    profile = getattr(ref, "profile", None)
    return OutletBadge(
        role=role,
        name=str(getattr(ref, "name", "") or getattr(ref, "domain", "") or "?"),
        domain=getattr(ref, "domain", None),
        known=bool(profile is not None and getattr(profile, "status", "unknown") == "known"),
        flags=list(getattr(profile, "flags", []) or []),
        is_wire=bool(getattr(ref, "is_wire", False)),
    )


def _host_badge(domain: str) -> OutletBadge | None:
    from ..outlets import source

    try:
        profile = source(domain)
    except NewsprobeError:
        return None
    return OutletBadge("host", profile.name or domain, profile.domain or domain, profile.status == "known", profile.flags)


def outlet_badges(report: Report) -> list[OutletBadge]:
    """The provenance chain (original first, host last) as badges; else just the page's own domain."""
    provenance = report.analyses.get("provenance")
    chain = list(getattr(provenance, "chain", []) or [])
    if chain:
        return [_badge(str(getattr(link, "role", "")), link) for link in chain]
    domain = report.article.metadata.domain
    badge = _host_badge(domain) if domain else None
    return [badge] if badge else []
