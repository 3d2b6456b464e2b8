"""What a reader hands to extraction: decoded content, its kind, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..models import InputDescription

__all__ = ["ContentKind", "RawDocument"]

# "text": a text/markdown export of a page (cleaned); "plain": text taken verbatim (offsets into the file).
ContentKind = Literal["html", "text", "plain"]


@dataclass(frozen=True)
class RawDocument:
    content: str
    kind: ContentKind
    description: InputDescription

    @property
    def url(self) -> str | None:
        return self.description.url
