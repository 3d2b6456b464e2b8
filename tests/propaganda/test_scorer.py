"""The official SI/TC metrics on hand-computed cases."""

from __future__ import annotations

import pytest

from newsprobe.eval.semeval_ptc import LabelledSpan as S
from newsprobe.eval.semeval_ptc import merge_spans, score_si, score_tc


def test_merge_joins_overlaps_but_not_touching_spans() -> None:
    assert merge_spans([(5, 10), (0, 6), (10, 12), (20, 20)]) == [(0, 10), (10, 12)]


def test_si_partial_overlap() -> None:
    # gold [0,10), prediction [5,15): |s∩t| = 5 -> P = 5/10, R = 5/10
    score = score_si([S("1", 0, 10)], [S("1", 5, 15)])
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(0.5)


def test_si_split_prediction_and_missed_article() -> None:
    # article 1: gold [0,20); predictions [0,5) and [10,20) -> P sum 1 + 1, R sum 5/20 + 10/20
    # article 2: gold [0,4) never predicted -> counts in |T|
    gold = [S("1", 0, 20), S("2", 0, 4)]
    pred = [S("1", 0, 5), S("1", 10, 20)]
    score = score_si(gold, pred)
    assert score.precision == pytest.approx(2 / 2)
    assert score.recall == pytest.approx((5 / 20 + 10 / 20) / 2)
    assert score.f1 == pytest.approx(2 * 1 * 0.375 / 1.375)


def test_si_merges_overlapping_predictions_and_gold() -> None:
    # predictions [0,6) and [4,10) merge into [0,10); gold [2,8) and [7,12) merge into [2,12)
    # overlap 8 -> P = 8/10, R = 8/10
    score = score_si([S("1", 2, 8), S("1", 7, 12)], [S("1", 0, 6), S("1", 4, 10)])
    assert (score.predicted_spans, score.gold_spans) == (1, 1)
    assert score.precision == pytest.approx(0.8)
    assert score.recall == pytest.approx(0.8)


def test_si_wrong_article_gets_no_credit_and_empty_is_perfect() -> None:
    assert score_si([S("1", 0, 10)], [S("2", 0, 10)]).f1 == 0.0
    assert score_si([], []).f1 == 1.0
    assert score_si([S("1", 0, 10)], []).precision == 0.0


def test_tc_micro_f1_and_per_technique() -> None:
    gold = [S("1", 0, 5, "Doubt"), S("1", 6, 9, "Slogans"), S("2", 1, 4, "Doubt"), S("2", 1, 4, "Repetition")]
    pred = [S("1", 0, 5, "Doubt"), S("1", 6, 9, "Doubt"), S("2", 1, 4, "Repetition"), S("2", 1, 4, "Doubt")]
    score = score_tc(gold, pred)
    # correct: (1,0,5) Doubt, (2,1,4) Repetition and Doubt in either order -> 3 of 4
    assert score.micro_f1 == pytest.approx(0.75)
    # Doubt: predicted 3, correct 2, gold 2 -> P 2/3, R 1 -> F1 0.8; Slogans: 0
    assert score.per_technique["Doubt"] == pytest.approx(0.8)
    assert score.per_technique["Slogans"] == 0.0
    assert score.per_technique["Repetition"] == pytest.approx(1.0)


def test_tc_a_repeated_label_matches_only_once() -> None:
    gold = [S("1", 0, 5, "Doubt"), S("1", 0, 5, "Slogans")]
    pred = [S("1", 0, 5, "Doubt"), S("1", 0, 5, "Doubt")]
    assert score_tc(gold, pred).micro_f1 == pytest.approx(0.5)
