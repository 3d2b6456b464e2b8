"""Character spans as the analysers pass them around: `(start, end)` offsets into `Article.text`, end exclusive."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CharSpan", "join_touching", "line_around"]

CharSpan = tuple[int, int]


def line_around(text: str, offset: int) -> CharSpan:
    """The line (paragraph) of `text` that holds `offset`, without its line breaks."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def join_touching(spans: Iterable[CharSpan]) -> list[CharSpan]:
    """Spans in text order, those that overlap or touch joined into one."""
    joined: list[CharSpan] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
