"""Tokenizer offsets and sentence splitting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprobe.analyse.propaganda.text import sentences, tokenize


@given(st.text(max_size=200))
def test_token_offsets_index_the_text(text: str) -> None:
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_sentences_split_at_lines_and_full_stops() -> None:
    text = "First one. Second one!\nThird line"
    assert [text[a:b] for a, b in sentences(text)] == ["First one.", "Second one!", "Third line"]
