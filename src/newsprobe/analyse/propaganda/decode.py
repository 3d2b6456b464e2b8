"""Per-token O/B/I probabilities -> candidate character spans, for any tagger.

BIO-constrained Viterbi (I never follows O) with transition scores estimated from the gold tags of
the training articles, weighted against the tagger's own probabilities; a bias on O sets how
eagerly tokens go into spans. Each run of B/I tokens becomes a span scored by the mean
P(not O) over its tokens; `tidy.py` then cleans the character boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["O", "B", "I", "BioDecoder", "inside_as_bio", "on_tokens", "viterbi"]

O, B, I = 0, 1, 2  # noqa: E741 - the BIO tag names
FORBIDDEN = -1e9
# log P(next tag | tag) over wordpieces, estimated from the gold spans of the 291 training articles
# (training/propaganda/calibrate.py prints them); O -> I is impossible.
GOLD_TRANSITIONS = np.log(
    np.array(
        [
            [0.9863, 0.0137, 1e-12],
            [0.0905, 0.0052, 0.9043],
            [0.0919, 0.0081, 0.9000],
        ]
    )
)


def viterbi(scores: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best tag path for per-token scores (n, 3) under additive transition scores (3, 3);
    no path starts with I. Plain Python floats: three states are too few for numpy to pay off."""
    if len(scores) == 0:
        return np.zeros(0, np.int64)
    (oo, ob, oi), (bo, bb, bi), (io, ib, ii) = transitions.tolist()
    rows = scores.tolist()
    best_o, best_b, best_i = rows[0][O], rows[0][B], rows[0][I] + FORBIDDEN
    back: list[tuple[int, int, int]] = []
    for score_o, score_b, score_i in rows[1:]:
        to_o = _argmax3(best_o + oo, best_b + bo, best_i + io)
        to_b = _argmax3(best_o + ob, best_b + bb, best_i + ib)
        to_i = _argmax3(best_o + oi, best_b + bi, best_i + ii)
        back.append((to_o[1], to_b[1], to_i[1]))
        best_o, best_b, best_i = to_o[0] + score_o, to_b[0] + score_b, to_i[0] + score_i
    last = _argmax3(best_o, best_b, best_i)[1]
    path = [last]
    for choices in reversed(back):
        path.append(choices[path[-1]])
    return np.array(path[::-1], np.int64)


def _argmax3(a: float, b: float, c: float) -> tuple[float, int]:
    """The largest of three scores and its index (the first on ties)."""
    if a >= b and a >= c:
        return a, 0
    return (b, 1) if b >= c else (c, 2)


BEGIN_SHARE = 0.099  # of the tokens inside gold spans in the training articles, the share that begins one


def inside_as_bio(inside: np.ndarray) -> np.ndarray:
    """O/B/I probabilities for a tagger that only gives P(inside), split as in the gold tags: starting a
    span then takes more evidence than going on with one, as in hysteresis thresholds."""
    return np.stack([1.0 - inside, BEGIN_SHARE * inside, (1.0 - BEGIN_SHARE) * inside], axis=1)


def on_tokens(
    offsets: list[tuple[int, int]], source_offsets: list[tuple[int, int]], probabilities: np.ndarray
) -> np.ndarray:
    """Per-token O/B/I probabilities of one tokenisation (`source_offsets`) carried onto another (`offsets`)
    of the same text: each token gets the mean, over its characters, of the source token covering each.
    A token whose characters no source token covers takes the next source token's (the last one's at
    the end)."""
    if not offsets or not source_offsets:
        return np.tile(np.eye(3)[O], (len(offsets), 1))  # nothing to carry: every token outside
    length = max(max(e for _, e in offsets), max(e for _, e in source_offsets))
    per_char = np.zeros((length, probabilities.shape[1]))
    covered = np.zeros(length)
    for (start, end), row in zip(source_offsets, probabilities, strict=True):
        per_char[start:end] = row
        covered[start:end] = 1.0
    sums = np.vstack([np.zeros(probabilities.shape[1]), np.cumsum(per_char, axis=0)])
    counts = np.r_[0.0, np.cumsum(covered)]
    starts, ends = np.array(offsets).T
    n = counts[ends] - counts[starts]
    nearest = np.minimum(np.searchsorted([s for s, _ in source_offsets], starts), len(source_offsets) - 1)
    mean = (sums[ends] - sums[starts]) / np.maximum(n, 1.0)[:, None]
    result: np.ndarray = np.where((n > 0)[:, None], mean, probabilities[nearest])
    return result


@dataclass(frozen=True)
class BioDecoder:
    o_bias: float = 0.0  # added to log P(O): higher finds fewer, surer spans
    transition_weight: float = 0.0  # 0: constraints only; 1: the gold transition log-probabilities in full
    word_spans: bool = False  # every token of a run is a span of its own (the surest, shortest highlights)

    def transitions(self) -> np.ndarray:
        allowed = np.where(GOLD_TRANSITIONS < -20, FORBIDDEN, 0.0)
        scores: np.ndarray = allowed + self.transition_weight * np.maximum(GOLD_TRANSITIONS, -20)
        return scores

    def runs(self, probabilities: np.ndarray) -> list[tuple[int, int, float]]:
        """(first token, last token + 1, mean P(not O)) of each B/I run, or of each token in one."""
        if len(probabilities) == 0:
            return []
        scores = np.log(np.clip(probabilities, 1e-9, 1.0))
        scores[:, O] += self.o_bias
        path = viterbi(scores, self.transitions())
        inside = 1.0 - probabilities[:, O]
        found: list[tuple[int, int, float]] = []
        first = -1
        for i, tag in enumerate([*path.tolist(), O]):
            if first >= 0 and (tag != I or self.word_spans):
                found.append((first, i, float(inside[first:i].mean())))
                first = i if tag == I else -1
            if tag == B:
                first = i
        return found
