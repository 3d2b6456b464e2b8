"""One shared encoder pass per article: the fine-tuned MiniLM-L6 propaganda encoder (int8 ONNX).

The ONNX graph returns, per token, SI logits (O/B/I), technique logits (14) and hidden states
(layers 3 and 6 concatenated, 768 values). `encode_article(context, text)` runs it once per
article text (memoised in `context.memo`); the session is loaded once per pipeline through
`context.resource`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ...weights import WEIGHTS_DIR
from .._numeric import softmax
from .._onnx import load_onnx

if TYPE_CHECKING:
    from pathlib import Path

    from ..base import AnalysisContext

__all__ = ["ENCODER_DIR", "Encoder", "Encoding", "encode_article", "shared_encoder"]

ENCODER_DIR = WEIGHTS_DIR / "propaganda"
RESOURCE_KEY = "encoder:minilm-l6-propaganda-int8"
WINDOW = 256  # tokens, with [CLS] and [SEP]
OVERLAP = 64
BATCH = 8


@dataclass(frozen=True)
class Encoding:
    """Per-token outputs for one text (special tokens removed); offsets index the text."""

    offsets: list[tuple[int, int]]
    si_logits: np.ndarray  # (n, 3): O, B, I
    tech_logits: np.ndarray  # (n, 14)
    states: np.ndarray  # (n, 768)

    @property
    def si_probabilities(self) -> np.ndarray:
        """P(token inside a propaganda span) and P(token begins one)."""
        return softmax(self.si_logits)


class Encoder:
    def __init__(self, directory: Path = ENCODER_DIR, threads: int | None = None) -> None:
        self.session, self.tokenizer = load_onnx(directory / "encoder.int8.onnx", directory / "tokenizer.json", threads)
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")

    def _windows(self, n: int) -> list[tuple[int, int]]:
        body, step = WINDOW - 2, WINDOW - 2 - OVERLAP
        starts = list(range(0, max(1, n - OVERLAP), step)) or [0]
        return [(s, min(s + body, n)) for s in starts]

    def _run(self, ids: np.ndarray, windows: list[tuple[int, int]]) -> list[tuple[np.ndarray, ...]]:
        outputs: list[tuple[np.ndarray, ...]] = []
        for i in range(0, len(windows), BATCH):
            chunk = windows[i : i + BATCH]
            length = max(b - a for a, b in chunk) + 2
            input_ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros_like(input_ids)
            for row, (a, b) in enumerate(chunk):
                input_ids[row, : b - a + 2] = [self.cls_id, *ids[a:b], self.sep_id]
                mask[row, : b - a + 2] = 1
            si, tech, states = self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})
            outputs.extend((si[r], tech[r], states[r]) for r in range(len(chunk)))
        return outputs

    def encode(self, text: str) -> Encoding:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        ids = np.array(encoding.ids, dtype=np.int64)
        n = len(ids)
        if n == 0:
            return Encoding(
                [], np.zeros((0, 3), np.float32), np.zeros((0, 14), np.float32), np.zeros((0, 768), np.float32)
            )
        windows = self._windows(n)
        sums: list[np.ndarray] = []
        weight = np.zeros(n, dtype=np.float32)
        for (a, b), outputs in zip(windows, self._run(ids, windows), strict=True):
            if not sums:
                sums = [np.zeros((n, o.shape[-1]), dtype=np.float32) for o in outputs]
            for total, output in zip(sums, outputs, strict=True):
                total[a:b] += output[1 : b - a + 1]
            weight[a:b] += 1
        si, tech, states = (total / weight[:, None] for total in sums)
        return Encoding(list(encoding.offsets), si, tech, states)


def shared_encoder(context: AnalysisContext) -> Encoder:
    return context.resource(RESOURCE_KEY, Encoder)


def encode_article(context: AnalysisContext, text: str) -> Encoding:
    """The encoder outputs for `text`, computed once per article and shared by every analyser."""
    key = f"{RESOURCE_KEY}:{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()}"
    return context.memo(key, lambda: shared_encoder(context).encode(text))
