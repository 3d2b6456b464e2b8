"""Bytes to text: gzip (bounded), BOMs, declared and undeclared encodings, binary detection."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

from ..errors import InputError

__all__ = ["MAX_INPUT_BYTES", "decode_bytes", "gunzip_bounded", "looks_binary"]

MAX_INPUT_BYTES = 20 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def gunzip_bounded(data: bytes, limit: int = MAX_INPUT_BYTES, *, name: str = "input") -> bytes:
    """Decompress gzip data, refusing anything that inflates past `limit` (gzip bombs)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{name}: not a valid gzip file ({exc})") from None
    if len(out) > limit:
        raise InputError(f"{name}: decompresses to more than {limit // (1024 * 1024)} MB; refused")
    return out


def looks_binary(data: bytes) -> bool:
    """Many control bytes (NULs included) in the first 8 KB mean this is not text."""
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.02


def _declared_encoding(data: bytes) -> str | None:
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detected_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def decode_bytes(data: bytes, *, name: str = "input", declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding) with stray NUL bytes dropped. Order: BOM, declared charset, UTF-8, detection."""
    text, encoding = _decode(data, name, declared)
    return text.replace("\x00", ""), encoding


# Document formats newsprobe does not read, by their first bytes, and what to do instead.
_OTHER_FORMATS = (
    (b"%PDF-", "a PDF document: convert it to text first (for example with pdftotext) and analyse the text"),
    (b"PK\x03\x04", "a ZIP archive (as Word, OpenDocument and EPUB files are): save the article as HTML or text"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document: save the article as HTML or text"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def _decode(data: bytes, name: str, declared: str | None) -> tuple[str, str]:
    for magic, what in _OTHER_FORMATS:
        if data.startswith(magic):
            raise InputError(f"{name}: {what}; newsprobe reads web pages (HTML) and text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff"), encoding
    if looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not HTML or text")
    candidates: list[str | None] = [declared, _declared_encoding(data), "utf-8"]
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return data.decode(candidate), candidate
        except (UnicodeDecodeError, LookupError):
            continue
    detected = _detected_encoding(data)
    if detected:
        return data.decode(detected, errors="replace"), detected
    raise InputError(f"{name}: cannot decode the text (unknown encoding)")
