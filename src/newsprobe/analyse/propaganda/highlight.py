"""Cut text into highlight segments: each piece of text with the spans that cover it.

Overlapping spans stay readable: the shortest covering span sets the background, every other
covering span adds a coloured underline band, and the hover title names all of them with the one
confidence of each. Lower-confidence spans (the report's "show more") get a dashed outline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

from .techniques import Technique, technique

__all__ = ["Segment", "describe", "highlight_blocks", "segments"]


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def confidence(self) -> float: ...
    @property
    def techniques(self) -> Sequence[Any]: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def technique_names(self) -> str: ...
    @property
    def shown_technique(self) -> Technique: ...


LOWER_STYLE = ";outline:1px dashed #6b7680;outline-offset:-1px"


@dataclass
class Segment:
    text: str
    covering: list[int] = field(default_factory=list)
    style: str = ""
    title: str = ""


def describe(span: _Span, lower: bool = False) -> str:
    """One line for a highlight's tooltip: the technique(s) in words, the span's one confidence and
    what it means, the speaker of quoted words."""
    names = span.technique_names
    level = "lower confidence, " if lower else ""
    who = f"; quoted: {span.speaker}" if span.speaker else ""
    return (
        f"{names} ({level}confidence {span.confidence:.2f}: how much of highlights like this one "
        f"annotators marked as propaganda){who}"
    )


def _style(spans: Sequence[_Span], covering: list[int]) -> str:
    ordered = sorted(covering, key=lambda i: spans[i].end - spans[i].start)
    shortest = spans[ordered[0]]
    bands = [spans[i].shown_technique.colour for i in ordered[1:3]]
    shadows = ", ".join(f"inset 0 -{3 * (k + 1)}px 0 {c}" for k, c in enumerate(bands))
    style = f"background:{shortest.shown_technique.colour};border-radius:2px;padding:1px 0"
    if len(shortest.techniques) > 1:  # two techniques are never unclear
        style += f";border-bottom:2px dotted {technique(shortest.techniques[1].technique).colour}"
    return style + (f";box-shadow:{shadows}" if shadows else "")


def segments(text: str, start: int, end: int, spans: Sequence[_Span], lower_from: int | None = None) -> list[Segment]:
    """Segments of text[start:end] cut at every span boundary inside it; spans from index `lower_from`
    on are lower-confidence ones."""
    cuts = {start, end}
    for span in spans:
        cuts.update(p for p in (span.start, span.end) if start < p < end)
    points = sorted(cuts)
    pieces = []
    for a, b in pairwise(points):
        covering = [i for i, s in enumerate(spans) if s.start < b and s.end > a]
        if covering:
            lower = [lower_from is not None and i >= lower_from for i in covering]
            title = " | ".join(describe(spans[i], low) for i, low in zip(covering, lower, strict=True))
            style = _style(spans, covering) + (LOWER_STYLE if all(lower) else "")
            pieces.append(Segment(text[a:b], covering, style, title))
        else:
            pieces.append(Segment(text[a:b]))
    return pieces


def highlight_blocks(
    text: str, blocks: list[tuple[int, int]], spans: Sequence[_Span], lower_from: int | None = None
) -> list[list[Segment]]:
    """One segment list per paragraph block; blank-line paragraphs when no blocks are given."""
    if not blocks:
        blocks, position = [], 0
        for part in text.split("\n\n"):
            if part.strip():
                blocks.append((position, position + len(part)))
            position += len(part) + 2
    return [segments(text, a, b, spans, lower_from) for a, b in blocks]
