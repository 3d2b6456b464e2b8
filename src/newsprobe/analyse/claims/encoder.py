"""A MiniLM sentence encoder run with onnxruntime (int8), no torch at run time.

The ONNX graph maps (input_ids, attention_mask, token_type_ids) to the last hidden states;
sentence vectors are their attention-masked mean, L2-normalised (as sentence-transformers'
all-MiniLM-L6-v2). `space` names the weights, so a head only accepts vectors from the
encoder it was trained with.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .._onnx import load_onnx

__all__ = ["OnnxSentenceEncoder", "mean_pool"]

ENCODER_FILE = "encoder.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
ENCODER_META = "encoder.json"


def mean_pool(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None].astype(np.float32)
    summed = (states * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    normalised: np.ndarray = summed / np.clip(np.linalg.norm(summed, axis=1, keepdims=True), 1e-9, None)
    return normalised


class OnnxSentenceEncoder:
    def __init__(self, session: Any, tokenizer: Any, space: str, max_tokens: int) -> None:
        self.session = session
        self.tokenizer = tokenizer
        self.space = space
        self.max_tokens = max_tokens
        self._inputs = {i.name for i in session.get_inputs()}
        self.dimensions = (
            int(session.get_outputs()[0].shape[-1]) if isinstance(session.get_outputs()[0].shape[-1], int) else 384
        )

    @classmethod
    def load(cls, folder: Path, threads: int | None = None) -> OnnxSentenceEncoder:
        meta = json.loads((folder / ENCODER_META).read_text(encoding="utf-8"))
        session, tokenizer = load_onnx(folder / ENCODER_FILE, folder / TOKENIZER_FILE, threads)
        tokenizer.enable_truncation(max_length=int(meta["max_tokens"]))
        tokenizer.no_padding()
        return cls(session, tokenizer, space=str(meta["space"]), max_tokens=int(meta["max_tokens"]))

    def _batch(self, texts: Sequence[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(list(texts))
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        states = self.session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        return mean_pool(states, mask)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised sentence vectors, in input order.

        One sentence per run: the int8 graph quantises activations per run, so batching with
        other (padded) sentences would change a sentence's vector. Alone, a sentence always gets
        the same vector, and short sentences lose little speed without batching.
        """
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row] = self._batch([text])[0]
        return vectors
