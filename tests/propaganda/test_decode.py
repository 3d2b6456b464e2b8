"""BIO Viterbi decoding and the span clean-up (any tagger's per-token probabilities)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from newsprobe.analyse.propaganda.decode import B, BioDecoder, I, O, inside_as_bio, on_tokens, viterbi
from newsprobe.analyse.propaganda.text import tokenize
from newsprobe.analyse.propaganda.tidy import quote_pairs, tidy_spans


def _runs(text: str, inside: list[float], decoder: BioDecoder) -> list[str]:
    tokens = tokenize(text)
    runs = decoder.runs(inside_as_bio(np.array(inside)))
    return [text[tokens[a].start : tokens[b - 1].end] for a, b, _ in runs]


def test_viterbi_never_puts_i_after_o_or_first() -> None:
    # I is the most likely tag everywhere, but a path may only enter a span through B
    scores = np.log(np.array([[0.3, 0.1, 0.6], [0.5, 0.1, 0.4], [0.2, 0.1, 0.7]]))
    path = viterbi(scores, BioDecoder().transitions())
    assert path[0] != I
    assert all(not (a == O and b == I) for a, b in zip(path[:-1], path[1:], strict=True))


def test_probabilities_carried_onto_another_tokenisation_average_over_characters() -> None:
    # "unbelievable lies": one tokeniser splits the first word in two, the other does not
    source = [(0, 2), (2, 12), (13, 17)]
    probabilities = np.array([[0.2, 0.8, 0.0], [0.6, 0.0, 0.4], [0.0, 0.0, 1.0]])
    carried = on_tokens([(0, 12), (13, 17)], source, probabilities)
    assert np.allclose(carried[0], (2 * probabilities[0] + 10 * probabilities[1]) / 12)
    assert np.allclose(carried[1], probabilities[2])
    assert np.allclose(on_tokens(source, source, probabilities), probabilities)


def test_a_token_no_source_token_covers_takes_the_next_ones_probabilities() -> None:
    probabilities = np.array([[0.9, 0.1, 0.0], [0.1, 0.2, 0.7]])
    carried = on_tokens([(0, 3), (4, 5), (6, 9)], [(0, 3), (6, 9)], probabilities)
    assert np.allclose(carried, probabilities[[0, 1, 1]])
    assert on_tokens([], [(0, 3)], probabilities[:1]).shape == (0, 3)
    assert np.allclose(on_tokens([(0, 3)], [], np.zeros((0, 3))), [[1.0, 0.0, 0.0]])


def test_o_bias_trades_spans_for_sureness() -> None:
    text = "a very evil plan and some mild words"
    inside = [0.0, 0.45, 0.99, 0.45, 0.0, 0.0, 0.3, 0.3]
    assert _runs(text, inside, BioDecoder(o_bias=0.0)) == ["evil"]
    assert _runs(text, inside, BioDecoder(o_bias=-2.0)) == ["very evil plan"]


def test_a_span_goes_on_over_a_weaker_word_than_it_takes_to_start_one() -> None:
    text = "they plan evil"
    # "plan" alone would not start a span, but it continues the one "they" started
    assert _runs(text, [0.95, 0.4, 0.95], BioDecoder(o_bias=0.0)) == ["they plan evil"]
    assert _runs(text, [0.5, 0.4, 0.5], BioDecoder(o_bias=0.0)) == []


def test_word_spans_give_every_token_of_a_run_its_own_span() -> None:
    text = "very evil plan"
    assert _runs(text, [0.9, 0.9, 0.9], BioDecoder(word_spans=True)) == ["very", "evil", "plan"]


def test_begin_tags_split_runs() -> None:
    probabilities = np.array([[0.05, 0.9, 0.05], [0.05, 0.05, 0.9], [0.05, 0.9, 0.05], [0.05, 0.05, 0.9]])
    runs = BioDecoder().runs(probabilities)
    assert [(a, b) for a, b, _ in runs] == [(0, 2), (2, 4)]
    assert probabilities[0, B] > probabilities[0, O]


def _tidy(text: str, *pieces: str) -> list[str]:
    spans = []
    for piece in pieces:
        start = text.index(piece)
        spans.append((start, start + len(piece), 0.5))
    return [text[a:b] for a, b, _ in tidy_spans(text, spans)]


def test_spans_snap_to_whole_words_and_drop_edge_punctuation() -> None:
    text = "Sergey Lavrov said the regime is evil, truly evil."
    assert _tidy(text, "vrov sa") == ["Lavrov said"]
    assert _tidy(text, " evil, truly evil.") == ["evil, truly evil"]


def test_quote_marks_of_a_cut_or_filled_quote_are_taken_in() -> None:
    text = "He called it “an extremely dangerous game” in Syria and urged “restraint”."
    assert _tidy(text, "it “an extremely dangerous") == ["it “an extremely dangerous game”"]
    assert _tidy(text, "dangerous game” in Syria") == ["“an extremely dangerous game”"]  # and ends where it closes
    assert _tidy(text, "restraint") == ["“restraint”"]


def test_a_span_that_opens_a_quote_ends_where_it_closes() -> None:
    title = "US-led Coalition's 'Very Dangerous Game' of Sparing Al-Nusra in Syria"
    assert _tidy(title, "'Very Dangerous Game' of Sparing") == ["'Very Dangerous Game'"]
    listed = "It was “unpersuasive,” “illogical,” and inconsistent."
    assert _tidy(listed, "“unpersuasive,” “illogical,” and inconsistent") == [
        "“unpersuasive,” “illogical,” and inconsistent"
    ]


def test_a_bracketed_aside_the_span_cuts_is_taken_in() -> None:
    text = 'He said, "I\'ll put a bullet in her (expletive) skull," the office said.'
    assert _tidy(text, "I'll put a bullet in her (expletive") == ["I'll put a bullet in her (expletive)"]
    assert _tidy(text, "expletive) skull") == ["(expletive) skull"]


def test_an_unclosed_opening_mark_does_not_swallow_the_next_quote() -> None:
    text = "Farrakhan told women: “In 1993 “You’re a failure,” he said. «a «b» ‘c ‘d’"
    assert [text[a:b] for a, b in quote_pairs(text)] == ["“You’re a failure,”", "«b»", "‘d’"]


def test_a_long_quote_is_cut_back_instead_of_taken_in() -> None:
    quote = "“" + "words " * 30 + "end”"
    text = f"Officials warned {quote}"
    assert _tidy(text, "Officials warned “words") == ["Officials warned"]


def test_function_word_spans_and_attribution_are_dropped() -> None:
    text = "Kennedy said in a statement that it is what it is."
    assert _tidy(text, "in a statement", "it is") == []
    assert _tidy("“It’s a shame,” he said.", "It’s") == []  # the typographic apostrophe of most pages


def test_a_contraction_or_an_empty_word_alone_is_dropped_but_not_inside_a_phrase() -> None:
    text = "“I love what I’m doing,” he said, making America great again. We got her, we got her!"
    assert _tidy(text, "I’m", "again", "got") == []
    assert _tidy(text, "making America great again", "We got her, we got her!") == [
        "making America great again",
        "We got her, we got her!",
    ]


def test_spans_stop_at_line_breaks_and_overlaps_join() -> None:
    text = "Evil plan\nwicked idea"
    assert _tidy(text, "Evil plan\nwicked idea") == ["Evil plan", "wicked idea"]
    assert _tidy("a wicked, wicked idea", "wicked, wick", "wicked idea") == ["wicked, wicked idea"]


@given(st.text(max_size=200), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=5))
def test_tidied_spans_are_ordered_non_empty_and_inside_the_text(text: str, bounds: list[tuple[int, int]]) -> None:
    spans = [(min(a, b, len(text)), min(max(a, b), len(text)), 0.5) for a, b in bounds]
    cleaned = tidy_spans(text, spans)
    for start, end, _ in cleaned:
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
    assert all(a[1] <= b[0] for a, b in zip(cleaned, cleaned[1:], strict=False))


def test_hyphenated_words_stay_whole_and_spans_do_not_end_on_a_function_word() -> None:
    text = "sparing Al-Nusra in Syria, the former Al-Qaeda offshoot in Syria"
    assert _tidy(text, "sparing Al") == ["sparing Al-Nusra"]
    assert _tidy(text, "former Al-Qaeda offshoot in") == ["former Al-Qaeda offshoot"]
