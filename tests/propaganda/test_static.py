"""The fast profile's static-vector tagger: its convolution, its outputs, its fallback."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprobe.analyse.base import AnalysisContext
from newsprobe.analyse.propaganda.encoder import ENCODER_DIR
from newsprobe.analyse.propaganda.model import STATIC_PATH, FastPropaganda
from newsprobe.analyse.propaganda.static import StaticTagger, conv1d

needs_model = pytest.mark.skipif(not STATIC_PATH.is_file(), reason="static.npz not shipped")


def test_conv1d_matches_a_hand_computed_case() -> None:
    x = np.array([[1.0], [2.0], [3.0]])
    weight = np.array([[[1.0]], [[10.0]], [[100.0]]])  # (k=3, in=1, out=1): previous, current, next
    out = conv1d(x, weight, np.array([0.5]))
    assert out[:, 0].tolist() == [10 + 200 + 0.5, 1 + 20 + 300 + 0.5, 2 + 30 + 0.5]


def test_dilated_conv1d_reads_rows_two_apart() -> None:
    x = np.arange(5, dtype=float)[:, None]
    weight = np.array([[[1.0]], [[0.0]], [[1.0]]])
    out = conv1d(x, weight, np.zeros(1), dilation=2)
    # row i sums rows i-2 and i+2 (zeros outside)
    assert out[:, 0].tolist() == [2.0, 3.0, 4.0 + 0.0, 1.0, 2.0]


@pytest.fixture(scope="module")
def tagger() -> StaticTagger:
    return StaticTagger.load(STATIC_PATH, ENCODER_DIR / "tokenizer.json")


@needs_model
def test_one_probability_per_wordpiece(tagger: StaticTagger) -> None:
    text = "The corrupt regime's shameful lies will destroy our great nation!"
    offsets, probs = tagger.token_probabilities(text)
    assert len(offsets) == len(probs) > 5
    assert all(0 <= s < e <= len(text) for s, e in offsets)
    assert ((probs > 0) & (probs < 1)).all()


@needs_model
@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_spans_are_inside_the_text(tagger: StaticTagger, text: str) -> None:
    fast = FastPropaganda()
    for start, end, confidence in tagger.spans(text, fast.model):
        assert 0 <= start < end <= len(text)
        assert 0.0 <= confidence <= 1.0


@needs_model
def test_fast_profile_uses_the_static_tagger_and_falls_back_without_it(tmp_path: Path) -> None:
    context = AnalysisContext(profile="fast")
    text = "Only a traitor would defend this disgraceful, treacherous deal. Patriots know the truth."
    with_static = FastPropaganda()
    without = FastPropaganda(static_path=tmp_path / "missing.npz")
    assert with_static.static is not None and "static vectors" in with_static.name
    assert without.static is None and "hashed" in without.name
    assert with_static.spans(text, context) == with_static.static.spans(text, with_static.model)
    assert without.spans(text, context) == without.model.spans(text)
