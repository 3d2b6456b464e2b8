"""Link claim sentences to the attributions found by the `quotes` analyser.

A sentence is attributed when enough of it lies inside an attribution's content (the quoted or
reported words), or when it holds the cue and part of the content ("Lavrov said that X").
The `quotes` result is read by shape (``attributions[*].id/source/cue/content/speaker/style``)
so that `claims` neither imports nor requires the quotes analyser.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from ..spans import CharSpan

__all__ = ["ClaimAttribution", "attribution_finder", "MIN_SHARE"]

MIN_SHARE = 0.3  # share of the sentence's characters inside the attributed content


class ClaimAttribution(BaseModel):
    attribution_id: int = Field(description="Id of the attribution in the `quotes` result.")
    speaker: str | None = Field(None, description="Resolved speaker, e.g. 'Sergey Lavrov'; None when unresolved.")
    role: str | None = Field(None, description="The speaker's title or role, when known.")
    source_text: str | None = Field(None, description="The source as written, e.g. 'the foreign minister'.")
    cue: str | None = Field(None, description="The reporting words, e.g. 'said', 'accused', 'according to'.")
    style: str | None = Field(None, description="direct, partly_direct or indirect.")
    share: float = Field(ge=0.0, le=1.0, description="Share of the sentence inside the attributed content.")


@dataclass(frozen=True)
class _Link:
    attribution: ClaimAttribution
    content: tuple[CharSpan, ...]
    cue: tuple[CharSpan, ...]


def _spans(parts: Sequence[Any] | None) -> tuple[CharSpan, ...]:
    return tuple((int(part.start), int(part.end)) for part in parts or ())


def _joined(parts: Sequence[Any] | None) -> str | None:
    return " … ".join(str(part.text) for part in parts or ()) or None


def _link(item: Any) -> _Link | None:
    content = _spans(getattr(item, "content", None))
    if not content:
        return None
    speaker = getattr(item, "speaker", None)
    attribution = ClaimAttribution(
        attribution_id=int(getattr(item, "id", 0)),
        speaker=getattr(speaker, "name", None),
        role=getattr(speaker, "role", None),
        source_text=_joined(getattr(item, "source", None)),
        cue=_joined(getattr(item, "cue", None)),
        style=getattr(item, "style", None),
        share=0.0,
    )
    return _Link(attribution, content, _spans(getattr(item, "cue", None)))


def _overlap(start: int, end: int, spans: Sequence[CharSpan]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def _holds_cue(link: _Link, start: int, end: int) -> bool:
    return any(start <= s and e <= end for s, e in link.cue)


def _share(link: _Link, start: int, end: int) -> float:
    share = _overlap(start, end, link.content) / max(1, end - start)
    return share if share >= MIN_SHARE or (_holds_cue(link, start, end) and share > 0) else 0.0


def attribution_finder(quotes: BaseModel | None) -> Callable[[int, int], ClaimAttribution | None]:
    """A function (sentence start, end) -> the attribution of the sentence's own cue ("The WHO reported that …"),
    else the one covering most of it, or None."""
    items = getattr(quotes, "attributions", None) or []
    links = [link for item in items if (link := _link(item)) is not None]

    def find(start: int, end: int) -> ClaimAttribution | None:
        scored = [(share, link) for link in links if (share := _share(link, start, end)) > 0]
        if not scored:
            return None
        share, best = max(scored, key=lambda pair: (_holds_cue(pair[1], start, end), pair[0]))
        return best.attribution.model_copy(update={"share": round(min(1.0, share), 3)})

    return find
