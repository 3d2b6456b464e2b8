"""Tell HTML from plain text / markdown exports."""

from __future__ import annotations

import re

from .source import ContentKind

__all__ = ["HTML_SUFFIXES", "TEXT_SUFFIXES", "sniff_kind"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|\?xml)", re.I | re.S)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|span|article|a|h[1-6]|section|table|li|script|title)\b[^>]*>", re.I)


def sniff_kind(content: str, name: str = "") -> ContentKind:
    """What the content says when it cannot be mistaken, whatever the name: a page saved as `.txt` starts like a
    page and is HTML, a markdown export saved as `.html` has no markup at all and is text. Otherwise the name,
    then how dense the content is with tags."""
    head = content[:20_000]
    if _HTML_START.match(head):
        return "html"
    lowered = name.lower().removesuffix(".gz")
    if lowered.endswith(HTML_SUFFIXES):
        return "html" if "<" in head else "text"
    if lowered.endswith(TEXT_SUFFIXES):
        return "text"
    tags = len(_HTML_TAGS.findall(head))
    return "html" if tags >= 3 and tags * 40 > len(head.split("\n")) else "text"
