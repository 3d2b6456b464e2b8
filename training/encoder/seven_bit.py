"""Dynamically quantised (int8) graphs requantised to 7-bit weights, for scoring exported int8 graphs as the product
ran them until 2026-12-05 (`runtime_tags.py --upper 7bit`).

ONNX Runtime multiplies dynamically quantised activations (uint8) by int8 weights. On a CPU with VNNI instructions the
products are summed in 32 bits; on one with AVX2 only they are summed in pairs in 16 bits, which saturate when both
factors are large: on a 2026-12-03 AVX2 machine the 8-bit MPNet graphs answered garbage. Weights on 7 bits ([-64, 63])
cannot saturate. The product's lower graph is quantised so from the start (`reduce_range`,
newsprobe.analyse.mpnet.lower_graph); its upper graphs quantise no activation.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any

from newsprobe.analyse.mpnet.lower_graph import replace_built

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
