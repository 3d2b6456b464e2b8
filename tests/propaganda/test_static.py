"""The fast profile's static-vector tagger: its convolution and its outputs."""

from __future__ import annotations

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
def test_mixed_probabilities_cover_the_text(tagger: StaticTagger, text: str) -> None:
    offsets, inside = tagger.mixed_probabilities(text, FastPropaganda().model)
    assert len(offsets) == len(inside)
    assert all(0 <= s < e <= len(text) for s, e in offsets)
    assert ((inside >= 0) & (inside <= 1)).all()


@needs_model
def test_fast_profile_gives_bio_probabilities_from_the_static_tagger() -> None:
    text = "Only a traitor would defend this disgraceful, treacherous deal. Patriots know the truth."
    fast = FastPropaganda()
    offsets, probabilities = fast.token_probabilities(text, AnalysisContext(profile="fast"))
    assert probabilities.shape == (len(offsets), 3)
    assert np.allclose(probabilities.sum(1), 1.0)
    _, inside = fast.static.mixed_probabilities(text, fast.model)
    assert np.allclose(1.0 - probabilities[:, 0], inside)
