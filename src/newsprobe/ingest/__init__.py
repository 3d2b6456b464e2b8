"""Read articles: URLs (SSRF-safe fetch), HTML and text files (also .gz), stdin; collections of them
(directories, globs, JSONL, WARC, RSS/Atom) in `records`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ..document import InputDescription
from ..errors import InputError
from .files import read_bytes, read_file, read_stdin
from .records import expand_inputs
from .source import ContentKind, RawDocument, is_url
from .url import FetchPolicy, fetch_url

__all__ = [
    "FetchPolicy",
    "InputFormat",
    "RawDocument",
    "SourceLike",
    "expand_inputs",
    "from_html",
    "from_text",
    "is_url",
    "load",
    "read_bytes",
]

InputFormat = Literal["url", "html", "markdown", "text"]
# "markdown": a text/markdown export, cleaned; "text": plain text kept verbatim so offsets match the file.
_KIND_FOR_FORMAT: dict[str, ContentKind] = {"html": "html", "markdown": "text", "text": "plain"}
SourceLike = str | os.PathLike[str] | RawDocument


def from_text(text: str, *, source: str = "<text>", url: str | None = None, verbatim: bool = False) -> RawDocument:
    """A text/markdown export given as a string; `verbatim=True` keeps the text exactly as given."""
    kind: ContentKind = "plain" if verbatim else "text"
    return RawDocument(text, kind, InputDescription(source=source, kind=kind, url=url, bytes=len(text.encode())))


def from_html(html: str, *, source: str = "<html>", url: str | None = None) -> RawDocument:
    """An HTML page given as a string; `url` helps metadata and provenance."""
    return RawDocument(html, "html", InputDescription(source=source, kind="html", url=url, bytes=len(html.encode())))


def load(
    source: SourceLike, *, input_format: InputFormat | None = None, policy: FetchPolicy | None = None
) -> RawDocument:
    """Read `source`: a RawDocument, a URL, '-' for stdin, or a file path. `input_format` overrides detection."""
    if isinstance(source, RawDocument):
        return source
    name = os.fspath(source)
    if not name.strip():
        raise InputError("empty source name")
    if input_format == "url" or (input_format is None and is_url(name)):
        return fetch_url(name, policy)
    kind = _KIND_FOR_FORMAT[input_format] if input_format else None
    if name == "-":
        return read_stdin(kind)
    return read_file(Path(name), kind)
