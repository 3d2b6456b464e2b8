"""The best profile end to end: the shared encoder runs once per article, whoever asks for it."""

from __future__ import annotations

import pytest

from newsprobe.analyse import mpnet
from newsprobe.analyse.pipeline import Pipeline

pytestmark = pytest.mark.skipif(
    not mpnet.available(), reason="the best profile is not installed (its base weights or shipped files)"
)


@pytest.fixture(scope="module")
def best_pipeline() -> Pipeline:
    return Pipeline(["entities", "quotes", "claims", "propaganda"], profile="best")


def test_one_encoder_pass_per_article(reference_article, monkeypatch) -> None:
    best_pipeline = Pipeline(
        ["entities", "quotes", "propaganda"], profile="best", config={"quotes": {"method": "encoder"}}
    )
    passes: list[int] = []
    encode = mpnet.MultitaskEncoder.encode

    def counted(self: mpnet.MultitaskEncoder, text: str) -> mpnet.MultitaskEncoding:
        passes.append(len(text))
        return encode(self, text)

    monkeypatch.setattr(mpnet.MultitaskEncoder, "encode", counted)
    outcome = best_pipeline.run(reference_article)
    assert not outcome.failures
    assert passes == [len(reference_article.text)]
    encoders = [value for value in best_pipeline.resources.values() if isinstance(value, mpnet.MultitaskEncoder)]
    assert len(encoders) == 1
    assert outcome.results["quotes"].method == "tagger"  # the CRF tagger scored higher than the encoder's tags
    assert outcome.results["propaganda"].model.startswith("best")


def test_reference_page_attributions_keep_their_speakers(best_pipeline: Pipeline, reference_article) -> None:
    quotes = best_pipeline.run(reference_article).results["quotes"]
    named = {a.speaker.name for a in quotes.attributions if a.speaker and a.speaker.name}
    assert "Sergey Lavrov" in named or "Lavrov" in named
