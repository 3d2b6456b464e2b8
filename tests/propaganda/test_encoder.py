"""The shared encoder pass: loaded once per pipeline, run once per article text."""

from __future__ import annotations

import pytest

from newsprobe.analyse.base import AnalysisContext
from newsprobe.analyse.propaganda.encoder import RESOURCE_KEY, encode_article
from newsprobe.analyse.propaganda.model import accurate_available

pytestmark = pytest.mark.skipif(not accurate_available(), reason="accurate model files not installed")

TEXT = "The so-called rebels, or whatever they are called now, are spared every time.\n\nA second paragraph."


def test_one_pass_per_article_and_one_model_per_pipeline() -> None:
    resources: dict[str, object] = {}
    first = AnalysisContext(resources=resources)
    encoding = encode_article(first, TEXT)
    assert encode_article(first, TEXT) is encoding
    second = AnalysisContext(resources=resources)
    other = encode_article(second, TEXT)
    assert other is not encoding and list(resources) == [RESOURCE_KEY]
    n = len(encoding.offsets)
    assert encoding.states.shape == (n, 768) and encoding.si_logits.shape == (n, 3)
    assert all(TEXT[s:e].strip() for s, e in encoding.offsets)


def test_long_text_windows_cover_every_token() -> None:
    text = " ".join(["word"] * 700)
    encoding = encode_article(AnalysisContext(), text)
    assert len(encoding.offsets) == 700
    assert encoding.si_probabilities.shape == (700, 3)
    assert abs(float(encoding.si_probabilities.sum(1).mean()) - 1.0) < 1e-4
