"""Plain words for internal ids, shared by every view (HTML, web page, terminal, Markdown)."""

from __future__ import annotations

__all__ = ["QUOTE_STYLES", "quote_style"]

QUOTE_STYLES = {
    "direct": "direct quote",
    "partly_direct": "partly quoted",
    "indirect": "reported speech",
}


def quote_style(style: str | None) -> str:
    """'partly_direct' -> 'partly quoted'; unknown ids come back with underscores as spaces."""
    if not style:
        return ""
    return QUOTE_STYLES.get(style, style.replace("_", " "))
