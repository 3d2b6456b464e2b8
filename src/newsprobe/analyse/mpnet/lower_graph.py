"""The frozen lower part of the encoder (embeddings + the first 8 layers), built at first use. It gives the states
after the upper graph's frozen layers (`states`, after layer 4), after layer 6 (`claim_states`, which the
check-worthiness head reads) and after layer 8 (`quote_states`, which the quotes graph reads).

Its weights are the base model's, so they are not shipped: `weights/mpnet/lower.skeleton.onnx` is the
graph with every weight tensor left empty and, in its metadata, where each one comes from in
`model.safetensors` (a tensor name, transposed or not). At first use the weights are filled in from the
verified base weights and the graph is quantised to int8 (dynamic, per channel) except the feed-forward
output projections: their inputs (GELU activations) carry outlier dimensions that int8 loses (token-state
cosine to fp32 after 8 layers 0.929 with them quantised, 0.989 without; training/encoder/README.md).
Weights go on 7 bits (`reduce_range`): on a CPU without VNNI (AVX2 only) ONNX Runtime sums the products of uint8
activations and int8 weights in pairs in 16 bits, which saturate with 8-bit weights and this model's large activations
(token states at cosine 0.0 to fp32 on a 2026-12-03 AVX2 machine), and cannot with 7-bit ones.
The result is cached beside the base weights, named by the skeleton's checksum.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["RECIPE_KEY", "ensure_lower_graph", "feed_forward_output_nodes", "replace_built"]

RECIPE_KEY = "newsprobe.weights_from"
_FEED_FORWARD_OUTPUT = "/output/dense/"


def feed_forward_output_nodes(graph: Any) -> list[str]:
    """The MatMul nodes of the layers' feed-forward output projections (kept in fp32)."""
    return [n.name for n in graph.node if n.op_type == "MatMul" and _FEED_FORWARD_OUTPUT in n.name]


def _checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _filled(skeleton: Path, safetensors_file: Path) -> Any:
    import numpy as np
    import onnx
    from onnx import numpy_helper
    from safetensors.numpy import load_file

    model = onnx.load(str(skeleton))
    recipe = json.loads(next(p.value for p in model.metadata_props if p.key == RECIPE_KEY))
    tensors = load_file(str(safetensors_file))
    for initializer in model.graph.initializer:
        if initializer.name in recipe:
            source, transpose = recipe[initializer.name]
            array = tensors[source].T if transpose else tensors[source]
            filled = numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), initializer.name)
            initializer.CopyFrom(filled)
    return model


def ensure_lower_graph(model_dir: Path, skeleton: Path) -> Path:
    """The int8 lower graph for the base weights in `model_dir`, built once (a few tens of seconds)."""
    target = model_dir / f"lower-{_checksum(skeleton)}.7bit.onnx"
    if target.is_file():
        return target
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = _filled(skeleton, model_dir / "model.safetensors")
    with tempfile.TemporaryDirectory(prefix=".lower-", dir=model_dir) as tmp:
        fp32, int8 = Path(tmp) / "lower.fp32.onnx", Path(tmp) / "lower.int8.onnx"
        onnx.save(model, str(fp32))
        root, level = logging.getLogger(), logging.getLogger().level
        root.setLevel(logging.ERROR)  # the quantiser logs a pre-processing tip on the root logger
        try:
            quantize_dynamic(
                str(fp32),
                str(int8),
                weight_type=QuantType.QInt8,
                per_channel=True,
                reduce_range=True,
                nodes_to_exclude=feed_forward_output_nodes(model.graph),
            )
        finally:
            root.setLevel(level)
        replace_built(int8, target, "lower-*.onnx")
    return target


def replace_built(built: Path, target: Path, family: str) -> None:
    """Move a graph built in a temporary folder to `target`, removing the cache's earlier builds of the same graph
    (`family`, a glob: other versions' builds, and the 8-bit ones that saturate) so they do not pile up."""
    for earlier in target.parent.glob(family):
        if earlier != target:
            earlier.unlink(missing_ok=True)
    os.replace(built, target)
