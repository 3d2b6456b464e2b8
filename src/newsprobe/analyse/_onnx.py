"""The one ONNX Runtime + tokenizer loader the encoders share (claims, propaganda)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = ["default_threads", "load_onnx", "load_tokenizer"]


def default_threads() -> int:
    """Encoder threads: NEWSPROBE_ENCODER_THREADS, else 2 (benchmarks and training set 1)."""
    value = os.environ.get("NEWSPROBE_ENCODER_THREADS", "")
    return int(value) if value.isdigit() and int(value) > 0 else 2


def load_tokenizer(tokenizer_file: Path) -> Any:
    """The wordpiece tokenizer for whole articles: the shipped file pads and truncates to 128."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def load_onnx(model_file: Path, tokenizer_file: Path, threads: int | None = None) -> tuple[Any, Any]:
    """An int8 ONNX encoder on the CPU (`threads` intra-op threads) and its whole-article tokenizer."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or default_threads()
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
    return session, load_tokenizer(tokenizer_file)
