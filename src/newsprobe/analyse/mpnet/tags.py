"""Tag paths from the encoder's per-token scores: Viterbi under BIO constraints (I-X only after B-X or I-X)."""

from __future__ import annotations

import numpy as np

__all__ = ["QUOTE_TAGS", "bio_transitions", "tag_runs", "viterbi"]

QUOTE_TAGS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
FORBIDDEN = -1e9


def bio_transitions(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(start (n,), between (n, n)) additive scores: 0 where allowed, FORBIDDEN for an I-X that does not
    follow B-X or I-X."""
    n = len(tags)
    start = np.zeros(n)
    between = np.zeros((n, n))
    for to, name in enumerate(tags):
        if name.startswith("I"):
            kind = name[1:]
            start[to] = FORBIDDEN
            for frm, other in enumerate(tags):
                if other not in ("B" + kind, "I" + kind):
                    between[frm, to] = FORBIDDEN
    return start, between


def viterbi(log_probs: np.ndarray, start: np.ndarray, between: np.ndarray) -> np.ndarray:
    """The best tag index per token under the additive `start` and `between` scores."""
    n, k = log_probs.shape
    if n == 0:
        return np.zeros(0, np.int64)
    score = log_probs[0] + start
    back = np.zeros((n, k), np.int64)
    for i in range(1, n):
        total = score[:, None] + between
        back[i] = total.argmax(0)
        score = total.max(0) + log_probs[i]
    path = np.zeros(n, np.int64)
    path[-1] = score.argmax()
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


def tag_runs(path: np.ndarray, tags: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """(kind, first token, last token + 1) for each run of a BIO path (kind "" for plain B/I tags)."""
    out: list[tuple[str, int, int]] = []
    for i, t in enumerate(path.tolist()):
        name = tags[t]
        if name == "O":
            continue
        kind = name[2:] if "-" in name else ""
        if name.startswith("I") and out and out[-1][0] == kind and out[-1][2] == i:
            out[-1] = (kind, out[-1][1], i + 1)
        else:
            out.append((kind, i, i + 1))
    return out
