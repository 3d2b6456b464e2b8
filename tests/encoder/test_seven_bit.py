"""The 7-bit requantiser the encoder's training tools score int8 exports with (training/encoder/seven_bit.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

TRAINING = Path(__file__).resolve().parents[2] / "training" / "encoder"


def _training_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"training_encoder_{name}", TRAINING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seven_bit_weights_stay_in_range_and_multiply_right(tmp_path: Path) -> None:
    """Large activations times 8-bit weights saturate on CPUs without VNNI; the 7-bit copy cannot."""
    pytest.importorskip("onnx", reason="the best extra is not installed")
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper, numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    seven_bit = _training_module("seven_bit")

    rng = np.random.default_rng(1)
    weight = rng.normal(size=(64, 48)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"], name="/layer.0/q/MatMul")],
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, 64])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, 48])],
        [numpy_helper.from_array(weight, "w")],
    )
    onnx.save(
        helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8), str(tmp_path / "f.onnx")
    )
    quantize_dynamic(
        str(tmp_path / "f.onnx"), str(tmp_path / "q.int8.onnx"), weight_type=QuantType.QInt8, per_channel=True
    )
    built = seven_bit.ensure_seven_bit(tmp_path / "q.int8.onnx", tmp_path)
    assert seven_bit.ensure_seven_bit(tmp_path / "q.int8.onnx", tmp_path) == built
    weights = [
        numpy_helper.to_array(i) for i in onnx.load(str(built)).graph.initializer if i.name.endswith("_quantized")
    ]
    assert weights and all(
        seven_bit.SEVEN_BIT_RANGE[0] <= w.min() and w.max() <= seven_bit.SEVEN_BIT_RANGE[1] for w in weights
    )
    x = (rng.random(size=(6, 64)) * 60).astype(np.float32)  # large and one-signed: uint8 activations near 255
    (y,) = onnxruntime.InferenceSession(str(built), providers=["CPUExecutionProvider"]).run(None, {"x": x})
    expected = x @ weight
    assert np.abs(y - expected).max() < 0.05 * np.abs(expected).max()
