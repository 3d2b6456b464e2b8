"""The Rich terminal view of a report."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.pretty import Pretty
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..document import Article, ClaimReview, Genre
from .model import Report
from .views import view_module
from .words import analyser_title, failure_line, site_fingerprint

__all__ = ["print_report", "render_terminal"]

MAX_TEXT_PARAGRAPHS = 40


def _metadata_table(article: Article) -> Table:
    m = article.metadata
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    rows: list[tuple[str, str | None]] = [
        ("Authors", ", ".join(m.authors) or None),
        ("Credited", ", ".join(m.credits) or None),
        ("Byline", None if m.authors or m.credits else m.byline),
        ("Outlet", m.outlet_label()),
        ("Published", m.published),
        ("URL", m.url),
        ("Language", m.language_summary() if m.language or m.detected_language else None),
        ("Genre", genre_line(m.genre) if m.genre else None),
        *[(group, ", ".join(values)) for group, values in m.tags.items()],
        ("Image credits", "; ".join(m.image_credits) or None),
        *[("Fact-check", fact_check_line(review)) for review in m.claim_reviews],
        *[("Site fingerprint", site_fingerprint(fingerprint)) for fingerprint in m.site_fingerprints],
    ]
    for label, value in rows:
        if value:
            table.add_row(label, Text(value))
    return table


def genre_line(genre: Genre) -> str:
    """'news (confidence 0.62: cue; cue)': the same words in every view."""
    return f"{genre.label} (confidence {genre.confidence:.2f}: {'; '.join(genre.evidence)})"


def fact_check_line(review: ClaimReview) -> str:
    """'False — “claim” (reviewed by POLYGRAPH.info on 2019-11-18; claim by …; seen at URL)'."""
    scale = f" on {review.worst_rating}–{review.best_rating}" if review.worst_rating and review.best_rating else ""
    value = f"rating {review.rating_value}{scale}" if review.rating_value else ""
    rating = f"{review.rating} ({value})" if review.rating and value else review.rating or value or "no rating"
    details = [
        f"reviewed by {review.reviewer or '(not stated)'}"
        + (f" on {review.date_published}" if review.date_published else "")
    ]
    if review.claim_author:
        details.append(f"claim by {review.claim_author}")
    if review.item_reviewed_url:
        details.append(f"seen at {review.item_reviewed_url}")
    claim = (review.claim_reviewed or "(claim not stated)").strip('“”"')[:300]
    return f"{rating} — “{claim}” ({'; '.join(details)})"


def _text_view(article: Article) -> RenderableType:
    parts: list[RenderableType] = []
    for paragraph in article.paragraphs[:MAX_TEXT_PARAGRAPHS]:
        chunk = article.span_text(paragraph)
        parts.append(Text(chunk, style="bold" if paragraph.kind == "heading" else ""))
        parts.append(Text(""))
    hidden = len(article.paragraphs) - MAX_TEXT_PARAGRAPHS
    if hidden > 0:
        parts.append(Text(f"… {hidden} more paragraphs (use --format html or json for the full text)", style="dim"))
    if article.removed:
        reasons = sorted({block.reason for block in article.removed})
        parts.append(Text(f"Removed {len(article.removed)} boilerplate blocks: {', '.join(reasons)}", style="dim"))
    return Group(*parts)


def _analysis_view(name: str, result: Any, article: Article) -> RenderableType:
    view = view_module(name)
    if view is not None and hasattr(view, "terminal"):
        rendered: RenderableType = view.terminal(result, article)
        return rendered
    return Pretty(result.model_dump(), max_length=20, max_string=200)


def render_terminal(report: Report) -> RenderableType:
    article = report.article
    title = Text(article.metadata.title or "(untitled)", style="bold")
    parts: list[RenderableType] = [
        Panel(Group(title, Text(""), _metadata_table(article)), title="newsprobe", border_style="cyan")
    ]
    for name, result in report.analyses.items():
        parts.append(Rule(analyser_title(name), style="cyan"))
        parts.append(_analysis_view(name, result, article))
    for skip in report.skipped:
        parts.append(Rule(analyser_title(skip.analyser), style="cyan"))
        parts.append(Text(skip.message[:1].upper() + skip.message[1:] + ".", style="yellow"))
    for failure in report.failures:
        parts.append(Text(failure_line(failure), style="bold red"))
    parts.append(Rule("Text", style="cyan"))
    parts.append(_text_view(article))
    return Group(*parts)


def print_report(report: Report, console: Console | None = None) -> None:
    (console or Console()).print(render_terminal(report))
