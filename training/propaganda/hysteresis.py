"""The hysteresis span decoding the first models were tuned with (kept for the training scripts'
own validation numbers; the analyser decodes with `analyse/propaganda/decode.py` and the operating
points of `calibrate.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from newsprobe.analyse.propaganda.tidy import snap_to_words

__all__ = ["DecodeSettings", "decode_spans", "si_decode"]


@dataclass(frozen=True)
class DecodeSettings:
    high: float  # a span needs one token at least this likely
    low: float  # and extends over neighbours at least this likely
    max_gap: int = 12  # merge spans this close (characters, same line)
    min_chars: int = 6


def _runs(probs: np.ndarray, low: float, high: float) -> list[tuple[int, int]]:
    """Token index runs above `low` that contain a token above `high`."""
    runs, i = [], 0
    above = probs >= low
    while i < len(probs):
        if not above[i]:
            i += 1
            continue
        j = i
        while j < len(probs) and above[j]:
            j += 1
        if probs[i:j].max() >= high:
            runs.append((i, j))
        i = j
    return runs


_SEPARATOR = re.compile(r"[.!?:\n]| - ")


def _mergeable(text: str, end: int, start: int, max_gap: int) -> bool:
    gap = text[end:start]
    return len(gap) <= max_gap and not _SEPARATOR.search(gap)


def decode_spans(
    text: str,
    offsets: list[tuple[int, int]],
    probs: np.ndarray,
    settings: DecodeSettings,
    breaks: np.ndarray | None = None,
) -> list[tuple[int, int, float]]:
    """Token probabilities -> (start, end, confidence): hysteresis runs, close runs merged, B tags
    (`breaks`) starting new spans."""
    runs: list[tuple[int, int]] = []
    for first, stop in _runs(probs, settings.low, settings.high):
        if runs and _mergeable(text, offsets[runs[-1][1] - 1][1], offsets[first][0], settings.max_gap):
            runs[-1] = (runs[-1][0], stop)
        else:
            runs.append((first, stop))
    spans: list[tuple[int, int, float]] = []
    for first, stop in runs:
        cuts = [i for i in range(first + 1, stop) if breaks is not None and breaks[i] and probs[i] >= settings.low]
        for a, b in pairwise([first, *cuts, stop]):
            start, end = snap_to_words(text, offsets[a][0], offsets[b - 1][1])
            if end - start >= settings.min_chars:
                spans.append((start, end, float(probs[a:b].max())))
    return spans


def si_decode(text: str, encoding, settings: DecodeSettings, use_breaks: bool) -> list[tuple[int, int, float]]:
    """Hysteresis spans from the accurate encoder's SI head."""
    probs = encoding.si_probabilities
    breaks = probs[:, 1] > probs[:, 2] if use_breaks else None
    return decode_spans(text, encoding.offsets, 1.0 - probs[:, 0], settings, breaks)
