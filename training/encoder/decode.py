"""Turning per-token scores into the contracts' outputs (numpy, plus the quotes tagger's grouping rule; shared
by training-time validation, threshold tuning and the later runtime): BIO-constrained Viterbi, propaganda spans
with post-processing, quote attributions, and sentence scores.
"""

from __future__ import annotations

import re

import numpy as np
import sources
from data import QUOTE_TAGS, SI_TAGS, TECHNIQUES
from sources import quote_grouping

_TAGS = sources.encoder_tags()
viterbi, runs = _TAGS.viterbi, _TAGS.tag_runs
_SI_T = _TAGS.bio_transitions(SI_TAGS)
_QUOTE_T = _TAGS.bio_transitions(QUOTE_TAGS)


# ---------------------------------------------------------------- propaganda spans

FUNCTION_WORDS = frozenset(
    """
a an the and or but nor so yet for of in on at to from by with without about as into onto upon over under
than then that this these those there here it its it's is are was were be been being am do does did done
have has had having i me my we us our you your he him his she her they them their what which who whom whose
when where why how not no if else just only also very too can could may might must shall should will would
""".split()
)
_WORD = re.compile(r"\w", re.UNICODE)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _WORD.match(text[start - 1]) and _WORD.match(text[start]):
        start -= 1
    while end < len(text) and _WORD.match(text[end]) and end > 0 and _WORD.match(text[end - 1]):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def only_function_words(text: str) -> bool:
    words = re.findall(r"[\w']+", text.lower())
    return not words or all(w in FUNCTION_WORDS for w in words)


def si_spans(
    text: str, offsets: np.ndarray, si_log_probs: np.ndarray, o_bias: float = 0.0, post: bool = True
) -> list[tuple[int, int, float, int, int]]:
    """(start, end, confidence, first token, last token + 1): Viterbi over O/B/I with `o_bias` added
    to log P(O) (higher = fewer, surer spans); confidence = mean P(not O) over the span's tokens."""
    scores = si_log_probs.astype(np.float64).copy()
    scores[:, 0] += o_bias
    path = viterbi(scores, *_SI_T)
    inside = 1.0 - np.exp(si_log_probs[:, 0])
    out = []
    for _, first, last in runs(path, SI_TAGS):
        start, end = int(offsets[first, 0]), int(offsets[last - 1, 1])
        if post:
            start, end = snap_to_words(text, start, end)
            if end <= start or only_function_words(text[start:end]):
                continue
        out.append((start, end, float(inside[first:last].mean()), first, last))
    return out


# ---------------------------------------------------------------- quotes

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


_TRIM = ".,;: \t\n\r\u00a0"


def _trim(text: str, start: int, end: int, opening: str = "—–-(", closing: str = "—–-)") -> tuple[int, int] | None:
    while start < end and text[start] in _TRIM + opening:
        start += 1
    while end > start and text[end - 1] in _TRIM + closing:
        end -= 1
    return (start, end) if end > start else None


def quote_attributions(text: str, offsets: np.ndarray, quote_log_probs: np.ndarray) -> list[dict]:
    """PolNeAR-style records {source, cue, content} (lists of [start, end]) from per-token tag scores.
    Grouping is the project's own (the quotes tagger's `group_runs`)."""
    path = viterbi(quote_log_probs.astype(np.float64), *_QUOTE_T)
    found = runs(path, QUOTE_TAGS)
    if not found:
        return []
    starts = offsets[:, 0]
    breaks = np.array([i > 0 and "\n" in text[offsets[i - 1, 1] : starts[i]] for i in range(len(starts))])
    para = np.cumsum(breaks)
    sentence_at = np.searchsorted(np.array(sentence_starts(text)), starts, side="right") - 1
    groups = quote_grouping()(found, para, sentence_at)

    def chars(first: int, last: int) -> tuple[int, int]:
        return int(offsets[first, 0]), int(offsets[last - 1, 1])

    records = []
    for g in groups:
        anchor = g["cue"][0] if g["cue"] else g["CON"][0]
        content = [chars(*c) for c in sorted(g["CON"])]
        content = [t for c in content if (t := _trim(text, *c)) is not None] or content
        source = min(g["SRC"], key=lambda s: _distance(s, anchor)) if g["SRC"] else None
        record = {"cue": [list(chars(*c)) for c in g["cue"]], "content": [list(c) for c in content], "source": []}
        if source is not None:
            span = chars(*source)
            record["source"] = [list(_trim(text, *span) or span)]
        records.append(record)
    return sorted(records, key=lambda r: r["content"][0][0])


# ---------------------------------------------------------------- TC


def rank_techniques(probabilities: np.ndarray) -> list[str]:
    return [TECHNIQUES[k] for k in np.argsort(-probabilities, kind="stable")]
