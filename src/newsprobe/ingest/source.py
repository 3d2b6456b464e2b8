"""What a reader hands to extraction: decoded content, its kind, and where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..document import InputDescription

__all__ = ["ContentKind", "RawDocument", "is_url"]

# "text": a text/markdown export of a page (cleaned); "plain": text taken verbatim (offsets into the file).
ContentKind = Literal["html", "text", "plain"]
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def is_url(source: str) -> bool:
    return bool(_SCHEME.match(source))


@dataclass(frozen=True)
class RawDocument:
    content: str
    kind: ContentKind
    description: InputDescription

    @property
    def url(self) -> str | None:
        return self.description.url
