"""Character spans as the analysers pass them around: `(start, end)` offsets into `Article.text`, end exclusive."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CharSpan", "join_touching"]

CharSpan = tuple[int, int]


def join_touching(spans: Iterable[CharSpan]) -> list[CharSpan]:
    """Spans in text order, those that overlap or touch joined into one."""
    joined: list[CharSpan] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
