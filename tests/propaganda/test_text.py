"""Tokenizer offsets, sentence splitting and span decoding."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from newsprobe.analyse.propaganda.text import DecodeSettings, decode_spans, sentences, tokenize


@given(st.text(max_size=200))
def test_token_offsets_index_the_text(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_sentences_split_at_lines_and_full_stops() -> None:
    text = "First one. Second one!\nThird line"
    assert [text[a:b] for a, b in sentences(text)] == ["First one.", "Second one!", "Third line"]


def _decode(text: str, probs: list[float], settings: DecodeSettings, breaks=None):
    tokens = tokenize(text)
    assert len(tokens) == len(probs)
    return [
        (text[s:e], round(c, 2))
        for s, e, c in decode_spans(text, [(t.start, t.end) for t in tokens], np.array(probs), settings, breaks)
    ]


def test_hysteresis_extends_over_weak_neighbours_and_drops_weak_runs() -> None:
    text = "a very evil plan and some mild words"
    probs = [0.0, 0.3, 0.9, 0.3, 0.0, 0.0, 0.25, 0.25]
    assert _decode(text, probs, DecodeSettings(high=0.5, low=0.2, max_gap=0, min_chars=1)) == [("very evil plan", 0.9)]


def test_close_runs_merge_and_short_spans_drop() -> None:
    text = "evil x plan . ok"
    probs = [0.9, 0.0, 0.9, 0.0, 0.9]
    spans = _decode(text, probs, DecodeSettings(high=0.5, low=0.2, max_gap=3, min_chars=3))
    assert spans == [("evil x plan", 0.9)]  # "ok" is too short; the full stop blocks merging


def test_begin_tags_split_a_run() -> None:
    text = "evil plan wicked idea"
    breaks = np.array([True, False, True, False])
    spans = _decode(text, [0.9, 0.9, 0.9, 0.9], DecodeSettings(high=0.5, low=0.2, max_gap=3, min_chars=1), breaks)
    assert [s for s, _ in spans] == ["evil plan", "wicked idea"]


def test_spans_never_start_or_end_on_space_or_stop_punctuation() -> None:
    text = "they are evil, truly evil."
    spans = _decode(
        text, [0.0, 0.0, 0.9, 0.9, 0.9, 0.9, 0.9], DecodeSettings(high=0.5, low=0.2, max_gap=3, min_chars=1)
    )
    assert [s for s, _ in spans] == ["evil, truly evil"]


def test_spans_cover_whole_words() -> None:
    from newsprobe.analyse.propaganda.text import trim

    text = "Sergey Lavrov said"
    assert text[slice(*trim(text, 9, 11))] == "Lavrov"


def test_headline_parts_are_not_merged() -> None:
    text = "Protecting Terrorists: Very Dangerous Game"
    spans = _decode(text, [0.9, 0.9, 0.0, 0.9, 0.9, 0.9], DecodeSettings(high=0.5, low=0.2, max_gap=12, min_chars=1))
    assert [s for s, _ in spans] == ["Protecting Terrorists", "Very Dangerous Game"]
