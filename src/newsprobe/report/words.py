"""Plain words for internal ids, shared by every view (HTML, web page, terminal, Markdown)."""

from __future__ import annotations

__all__ = ["QUOTE_METHODS", "QUOTE_STYLES", "quote_method", "quote_style"]

QUOTE_STYLES = {
    "direct": "direct quote",
    "partly_direct": "partly quoted",
    "indirect": "reported speech",
}


def _in_words(words: dict[str, str], name: str | None) -> str:
    """`name`'s words in `words`; unknown ids come back with underscores as spaces."""
    if not name:
        return ""
    return words.get(name, name.replace("_", " "))


def quote_style(style: str | None) -> str:
    """'partly_direct' -> 'partly quoted'."""
    return _in_words(QUOTE_STYLES, style)


QUOTE_METHODS = {
    "rules": "rules over the parse",
    "tagger": "a tagger trained on PolNeAR, over the rules",
    "encoder": "the shared encoder's tags",
    "combined": "a tagger trained on PolNeAR and the shared encoder's tags, averaged, over the rules",
}


def quote_method(method: str | None) -> str:
    """How the attributions were found, in words ('tagger' -> 'a tagger trained on PolNeAR, over the rules')."""
    return _in_words(QUOTE_METHODS, method)
