"""Outlet badges for the web pages: the host and the credited origins of a report, with their flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import NewsprobeError
from ..report import Report

__all__ = ["OutletBadge", "outlet_badges"]


@dataclass(frozen=True)
class OutletBadge:
    role: str
    name: str
    domain: str | None
    known: bool
    flags: list[str] = field(default_factory=list)
    is_wire: bool = False
    shared_name: bool = False  # a name several listed papers share: no single outlet


def _badge(role: str, ref: Any) -> OutletBadge:
    profile = getattr(ref, "profile", None)
    return OutletBadge(
        role=role,
        name=str(getattr(ref, "name", "") or getattr(ref, "domain", "") or "?"),
        domain=getattr(ref, "domain", None),
        known=bool(profile is not None and getattr(profile, "status", "unknown") == "known"),
        flags=list(getattr(profile, "flags", []) or []),
        is_wire=bool(getattr(ref, "is_wire", False)),
        shared_name=bool(getattr(profile, "namesakes", None)),
    )


def _host_badge(domain: str) -> OutletBadge | None:
    from ..outlets import source

    try:
        profile = source(domain)
    except NewsprobeError:
        return None
    return OutletBadge(
        "host", profile.name or domain, profile.domain or domain, profile.status == "known", profile.flags
    )


def outlet_badges(report: Report) -> list[OutletBadge]:
    """The provenance chain (original first, host last) as badges; else just the page's own domain."""
    provenance = report.analyses.get("provenance")
    chain = list(getattr(provenance, "chain", []) or [])
    if chain:
        return [_badge(str(getattr(link, "role", "")), link) for link in chain]
    domain = report.article.metadata.domain
    badge = _host_badge(domain) if domain else None
    return [badge] if badge else []
