"""The shipped check-worthiness models: size, loading, score range, encoder consistency."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprobe.analyse import mpnet
from newsprobe.analyse.claims.lexical import DENSE_NAMES, analyse_text, dense_features
from newsprobe.analyse.claims.model import (
    MODEL_DIR,
    CheckworthinessScorer,
    has_accurate_model,
    has_best_model,
    load_scorer,
    read_meta,
)

MAX_BYTES = 30 * 1024 * 1024


def test_shipped_folder_is_small_and_documented() -> None:
    size = sum(path.stat().st_size for path in MODEL_DIR.rglob("*") if path.is_file())
    assert size <= MAX_BYTES
    card = (MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    for profile, meta in read_meta().items():
        assert f"{meta['threshold']}" in card, f"{profile} threshold missing from the model card"


def test_numbers_and_years_become_shapes() -> None:
    grams = analyse_text("In 2016 taxes rose 3.5% to $1,200.")
    assert "<year>" in grams and "<num>" in grams and "%" in grams and "<s> in" in grams
    assert len(dense_features("Anything")) == len(DENSE_NAMES)


@pytest.fixture(scope="module")
def fast_scorer():
    return load_scorer("fast")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_lexical_scores_are_probabilities_for_any_text(fast_scorer, text: str) -> None:
    probability = fast_scorer.probabilities([text])
    assert probability.shape == (1,) and 0.0 <= probability[0] <= 1.0


def test_fast_scorer_orders_obvious_cases(fast_scorer) -> None:
    claim, chatter = fast_scorer.probabilities(
        [
            "The unemployment rate fell to 3.5 percent in 2019, the lowest in fifty years.",
            "Thank you all for coming tonight.",
        ]
    )
    assert claim > fast_scorer.threshold > chatter


@pytest.mark.skipif(not has_accurate_model(), reason="accurate model not shipped")
def test_accurate_vectors_do_not_depend_on_the_batch() -> None:
    scorer = load_scorer("accurate")
    texts = [
        "A Syrian warplane was shot down on June 18.",
        "Thanks.",
        "Moscow has been increasingly critical of Washington's conduct in Syria since the US bombed the air base.",
    ]
    together = scorer.encoder.encode(texts)
    alone = np.vstack([scorer.encoder.encode([text]) for text in texts])
    assert np.all(np.sum(together * alone, axis=1) > 0.97)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    probabilities = scorer.probabilities(texts)
    assert probabilities[0] > probabilities[1]


@pytest.mark.skipif(not (has_best_model() and mpnet.available()), reason="the best profile is not installed")
def test_best_reads_each_sentence_alone() -> None:
    scorer = _best_scorer()
    texts = [
        "The unemployment rate fell to 3.5 percent in 2019, the lowest in fifty years.",
        "Thank you all for coming tonight.",
        "Moscow has been increasingly critical of Washington's conduct in Syria since the US bombed the air base.",
    ]
    together = scorer.encoder.encode(texts)
    alone = np.vstack([scorer.encoder.encode([text]) for text in texts])
    assert np.array_equal(together, alone)  # a sentence's score does not depend on the article around it
    claim, chatter, _ = scorer.probabilities(texts)
    assert claim > scorer.threshold > chatter


def test_every_scorer_is_named_in_plain_words() -> None:
    from newsprobe.analyse.claims.model import CombinedScorer, EnsembleScorer, LexicalScorer
    from newsprobe.report.words import CLAIM_MODELS

    assert {LexicalScorer.name, EnsembleScorer.name, CombinedScorer.name} == set(CLAIM_MODELS)


@pytest.mark.skipif(not (has_best_model() and mpnet.available()), reason="the best profile is not installed")
@settings(max_examples=20, deadline=None)
@given(st.text(max_size=300))
def test_best_scores_are_probabilities_for_any_text(text: str) -> None:
    probability = _best_scorer().probabilities([text])
    assert probability.shape == (1,) and 0.0 <= probability[0] <= 1.0


@functools.cache
def _best_scorer() -> CheckworthinessScorer:
    return load_scorer("best")
