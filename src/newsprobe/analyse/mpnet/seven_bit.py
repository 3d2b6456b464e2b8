"""Int8 graphs that give the same answers on every x86 CPU: weights on 7 bits.

ONNX Runtime multiplies dynamically quantised activations (uint8) by int8 weights. On a CPU with VNNI
instructions the products are summed in 32 bits; on one with AVX2 only they are summed in pairs in 16 bits,
which saturate when both factors are large. The MPNet graphs' activations are large, so there the shipped
8-bit graphs answered garbage: on a 2026-12-03 AVX2 machine the lower graph's token states had cosine 0.0
to fp32 and every token got the same quote tag. Weights on 7 bits ([-64, 63], what ONNX Runtime's
`reduce_range` does) cannot saturate, and cost almost nothing: the lower graph's states have cosine 0.988
to fp32 with them, 0.989 with 8-bit weights on a VNNI CPU. The lower graph is built so (`lower_graph`); an
int8 export is rewritten once into a cache, named by its checksum (`ensure_seven_bit`: training/encoder/runtime_tags.py
scores int8 exports so). The shipped upper and quotes graphs quantise no activation (`encoder.UPPER_GRAPH`).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["SEVEN_BIT_RANGE", "ensure_seven_bit", "replace_built", "seven_bit_weights"]

SEVEN_BIT_RANGE = (-64, 63)


def seven_bit_weights(model: Any) -> Any:
    """`model` (dynamically quantised, int8 weights per output channel) with each weight matrix requantised to
    7 bits, symmetric, with its own per-channel scale; changed in place and returned."""
    import numpy as np
    from onnx import numpy_helper

    initializers = {initializer.name: initializer for initializer in model.graph.initializer}

    def array(name: str) -> Any:
        return numpy_helper.to_array(initializers[name])

    def replace(name: str, value: Any) -> None:
        initializers[name].CopyFrom(numpy_helper.from_array(value, name))

    low, high = SEVEN_BIT_RANGE
    for node in model.graph.node:
        if node.op_type != "MatMulInteger" or node.input[1] not in initializers:
            continue
        weight, zero_point = node.input[1], node.input[3]
        scale = weight.removesuffix("_quantized") + "_scale"
        real = (array(weight).astype(np.float32) - array(zero_point).astype(np.float32)) * array(scale)
        new_scale = np.maximum(np.abs(real).max(axis=0), np.float32(1e-12)) / np.float32(high)
        replace(weight, np.clip(np.round(real / new_scale), low, high).astype(np.int8))
        replace(zero_point, np.zeros_like(array(zero_point)))
        replace(scale, new_scale.astype(np.float32).reshape(array(scale).shape))
    return model


def ensure_seven_bit(graph: Path, cache_dir: Path) -> Path:
    """The 7-bit copy of the int8 graph `graph`, built once into `cache_dir` (a second or two)."""
    checksum = hashlib.sha256(graph.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{graph.name.removesuffix('.onnx')}-{checksum}.7bit.onnx"
    if target.is_file():
        return target
    import onnx

    model = seven_bit_weights(onnx.load(str(graph)))
    with tempfile.TemporaryDirectory(prefix=".seven-bit-", dir=cache_dir) as tmp:
        built = Path(tmp) / target.name
        onnx.save(model, str(built))
        replace_built(built, target, f"{graph.name.removesuffix('.onnx')}-*.onnx")
    return target


def replace_built(built: Path, target: Path, family: str) -> None:
    """Move a graph built in a temporary folder to `target`, removing the cache's earlier builds of the same graph
    (`family`, a glob: other versions' builds, and the 8-bit ones that saturate) so they do not pile up."""
    for earlier in target.parent.glob(family):
        if earlier != target:
            earlier.unlink(missing_ok=True)
    os.replace(built, target)
