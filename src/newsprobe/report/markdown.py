"""A Markdown rendering of the report."""

from __future__ import annotations

import json

from .model import Report
from .terminal import fact_check_line, genre_line
from .views import view_module
from .words import analyser_title, failure_line, site_fingerprint

__all__ = ["render_markdown"]


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    article = report.article
    m = article.metadata
    lines = [f"# {m.title or '(untitled)'}", ""]
    fields = [
        ("Authors", ", ".join(m.authors)),
        ("Credited", ", ".join(m.credits)),
        ("Byline", None if m.authors or m.credits else m.byline),
        ("Outlet", m.outlet_label()),
        ("Published", m.published),
        ("URL", m.url),
        ("Language", m.language_summary() if m.language or m.detected_language else None),
        ("Genre", genre_line(m.genre) if m.genre else None),
    ]
    fields += [(group, ", ".join(values)) for group, values in m.tags.items()]
    fields += [("Fact-check", fact_check_line(review)) for review in m.claim_reviews]
    fields += [("Site fingerprint", site_fingerprint(fingerprint)) for fingerprint in m.site_fingerprints]
    lines += [f"- **{label}:** {_escape(value)}" for label, value in fields if value]
    for name, result in report.analyses.items():
        lines += ["", f"## {analyser_title(name)}", ""]
        view = view_module(name)
        if view is not None and hasattr(view, "markdown"):
            lines.append(view.markdown(result, article))
        else:
            lines += ["```json", json.dumps(result.model_dump(), indent=2, ensure_ascii=False), "```"]
    for skip in report.skipped:
        lines += ["", f"## {analyser_title(skip.analyser)}", "", f"> {skip.message[:1].upper()}{skip.message[1:]}."]
    for failure in report.failures:
        lines += ["", f"> {failure_line(failure)}"]
    lines += ["", "## Text", ""]
    lines += [article.span_text(p) + "\n" for p in article.paragraphs]
    return "\n".join(lines)
