"""Read articles from files and stdin."""

from __future__ import annotations

import sys
from pathlib import Path

from ..document import InputDescription, InputKind
from ..errors import InputError
from .decode import MAX_INPUT_BYTES, decode_bytes, gunzip_bounded
from .detect import sniff_kind
from .source import ContentKind, RawDocument

__all__ = ["read_bytes", "read_file", "read_stdin"]

_GZIP_MAGIC = b"\x1f\x8b"
STDIN_KINDS: dict[ContentKind, InputKind] = {"html": "stdin-html", "text": "stdin-text", "plain": "stdin-plain"}


def _read_limited(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{path}: file is {size // (1024 * 1024)} MB; the limit is {MAX_INPUT_BYTES // (1024 * 1024)} MB"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not an article file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_bytes(data: bytes, *, source: str, kind: ContentKind | None = None, stdin: bool = False) -> RawDocument:
    """Decode raw bytes (gzip allowed) into a RawDocument; empty or binary input is an InputError."""
    if data.startswith(_GZIP_MAGIC):
        data = gunzip_bounded(data, name=source)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source}: input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; refused")
    text, encoding = decode_bytes(data, name=source)
    if not text.strip():
        raise InputError(f"{source}: input is empty")
    kind = kind or sniff_kind(text, "" if stdin else source)
    input_kind: InputKind = STDIN_KINDS[kind] if stdin else kind
    description = InputDescription(source=source, kind=input_kind, encoding=encoding, bytes=len(data))
    return RawDocument(content=text, kind=kind, description=description)


def read_file(path: str | Path, kind: ContentKind | None = None) -> RawDocument:
    path = Path(path)
    return read_bytes(_read_limited(path), source=str(path), kind=kind)


def read_stdin(kind: ContentKind | None = None) -> RawDocument:
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    return read_bytes(data, source="-", kind=kind, stdin=True)
