"""From a tagger's per-token probabilities to scored spans: decode, clean, classify, calibrate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .confidence import Level, LevelPoint, OperatingPoint, SpanEvidence, WordRates, span_features, technique_features
from .decode import BioDecoder
from .tidy import quote_pairs, tidy_spans
from .words import SO_CALLED, SO_CALLED_PRECISION

__all__ = ["Candidate", "Tagged", "adjacent_groups", "candidate_bounds", "evidence", "score_candidates"]


@dataclass(frozen=True)
class Tagged:
    """A tagger's output for one text: token offsets, (n, 3) O/B/I probabilities, the technique
    classifier for spans, and where the headline line ends (0: no headline in the text)."""

    text: str
    offsets: list[tuple[int, int]]
    probabilities: np.ndarray
    classify: Callable[[list[tuple[int, int]]], np.ndarray]
    headline_end: int = 0


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    confidence: float
    techniques: np.ndarray  # (14,)
    level: Level


def candidate_bounds(
    text: str, offsets: list[tuple[int, int]], probabilities: np.ndarray, decoder: BioDecoder
) -> list[tuple[int, int]]:
    """Clean character spans of the decoder's B/I runs."""
    runs = decoder.runs(probabilities)
    raw = [(offsets[first][0], offsets[last - 1][1], score) for first, last, score in runs]
    return [(start, end) for start, end, _ in tidy_spans(text, raw)]


def _token_slices(offsets: list[tuple[int, int]], bounds: list[tuple[int, int]]) -> list[slice]:
    """The tokens each span overlaps (at least one)."""
    ends = np.array([e for _, e in offsets])
    starts = np.array([s for s, _ in offsets])
    firsts = np.searchsorted(ends, [s for s, _ in bounds], side="right")
    lasts = np.searchsorted(starts, [e for _, e in bounds], side="left")
    return [slice(int(f), int(max(last, f + 1))) for f, last in zip(firsts, lasts, strict=True)]


def evidence(
    text: str,
    offsets: list[tuple[int, int]],
    probabilities: np.ndarray,
    bounds: list[tuple[int, int]],
    headline_end: int,
) -> list[SpanEvidence]:
    pairs = quote_pairs(text)
    return [
        SpanEvidence(
            text=text,
            start=start,
            end=end,
            probabilities=probabilities[tokens],
            quoted=any(left <= start and end <= right for left, right in pairs),
            headline=start < headline_end,
        )
        for (start, end), tokens in zip(bounds, _token_slices(offsets, bounds), strict=True)
    ]


def adjacent_groups(text: str, bounds: list[tuple[int, int]]) -> list[list[int]]:
    """Indices of spans (in text order) that only spaces separate, grouped: words highlighted one by one
    read as one phrase."""
    groups: list[list[int]] = []
    for i, (start, _) in enumerate(bounds):
        if groups and text[bounds[groups[-1][-1]][1] : start].strip(" \t") == "":
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _joined(
    text: str, found: list[Candidate], classify: Callable[[list[tuple[int, int]]], np.ndarray]
) -> list[Candidate]:
    """Adjacent word highlights as one span: its confidence is the parts' length-weighted mean (the
    expected share of its characters that annotators marked), its techniques those of the phrase."""
    groups = adjacent_groups(text, [(c.start, c.end) for c in found])
    phrases = [g for g in groups if len(g) > 1]
    techniques = iter(classify([(found[g[0]].start, found[g[-1]].end) for g in phrases]) if phrases else [])
    joined = []
    for group in groups:
        if len(group) == 1:
            joined.append(found[group[0]])
            continue
        lengths = [found[i].end - found[i].start for i in group]
        confidence = float(np.average([found[i].confidence for i in group], weights=lengths))
        joined.append(
            Candidate(found[group[0]].start, found[group[-1]].end, confidence, next(techniques), found[group[0]].level)
        )
    return joined


def _level(tagged: Tagged, point: LevelPoint, rates: WordRates, level: Level) -> list[Candidate]:
    bounds = candidate_bounds(tagged.text, tagged.offsets, tagged.probabilities, point.decoder)
    if not bounds:
        return []
    described = evidence(tagged.text, tagged.offsets, tagged.probabilities, bounds, tagged.headline_end)
    rows = np.stack([span_features(e, rates) for e in described])
    possible = np.flatnonzero(point.best_case(rows) >= point.thresholds.min())
    if not len(possible):
        return []
    bounds = [bounds[i] for i in possible]
    techniques = tagged.classify(bounds)
    features = np.hstack([rows[possible], np.stack([technique_features(row) for row in techniques])])
    found = [
        Candidate(start, end, float(confidence), row, level)
        for (start, end), row, confidence in zip(bounds, techniques, point.confidence(features), strict=True)
        if confidence >= point.thresholds[int(row.argmax())]
    ]
    return _joined(tagged.text, found, tagged.classify) if point.decoder.word_spans else found


def labelling_cues(
    text: str, classify: Callable[[list[tuple[int, int]]], np.ndarray], point: OperatingPoint
) -> list[Candidate]:
    """ "so-called X" spans: found by their words, whatever the tagger says; their confidence is what
    such spans scored against the annotators, so most are listed at lower confidence."""
    bounds = [m.span() for m in SO_CALLED.finditer(text)]
    if not bounds:
        return []
    return [
        Candidate(start, end, SO_CALLED_PRECISION, row, _cue_level(point, int(row.argmax())))
        for (start, end), row in zip(bounds, classify(bounds), strict=True)
    ]


def _cue_level(point: OperatingPoint, technique: int) -> Level:
    return "highlight" if SO_CALLED_PRECISION >= point.highlight.thresholds[technique] else "lower"


def _overlaps(span: Candidate, others: list[Candidate]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def _within(span: Candidate, others: list[Candidate]) -> bool:
    return any(o.start <= span.start and span.end <= o.end for o in others)


def score_candidates(tagged: Tagged, point: OperatingPoint, rates: WordRates) -> list[Candidate]:
    """Highlights and lower-confidence spans in text order. The two levels decode differently (the
    highlights are often single words), so a lower-confidence phrase may contain a highlight; one that
    adds nothing to a highlight is dropped. A "so-called" label replaces the lower-confidence spans it
    overlaps."""
    highlights = _level(tagged, point.highlight, rates, "highlight")
    cues = [c for c in labelling_cues(tagged.text, tagged.classify, point) if not _overlaps(c, highlights)]
    highlights += [c for c in cues if c.level == "highlight"]
    lower = [
        c for c in _level(tagged, point.lower, rates, "lower") if not _within(c, highlights) and not _overlaps(c, cues)
    ]
    lower += [c for c in cues if c.level == "lower"]
    return sorted(highlights + lower, key=lambda c: (c.start, c.end))
