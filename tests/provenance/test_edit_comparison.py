"""Edits against the original: a hand-written RT-style original and a Global Research-style re-headlined copy.

The fixture pair is written for these tests (no article text from the shared data): the copy keeps two
sentences, drops an attribution and a hedge, adds loaded language, drops the last sentence and adds
one of its own, under a new headline — the pattern of the reference page.
"""

from __future__ import annotations

from pathlib import Path

from newsprobe.dedup import OriginalDocument, compare_texts

FIXTURES = Path(__file__).parent / "fixtures"
ORIGINAL = (FIXTURES / "original_rt.txt").read_text(encoding="utf-8").strip()
COPY = (FIXTURES / "copy_globalresearch.txt").read_text(encoding="utf-8").strip()
ORIGINAL_TITLE = "Coalition playing 'very dangerous game' by sparing Al-Nusra in Syria – Lavrov"
COPY_TITLE = "Protecting the Terrorists: US-led Coalition's 'Very Dangerous Game' of Sparing Al-Nusra in Syria - Lavrov"


def _compare(original=ORIGINAL, copy=COPY, original_title=ORIGINAL_TITLE, copy_title=COPY_TITLE):
    return compare_texts(OriginalDocument(source="rt", obtained="index"), original, original_title, copy, copy_title)


def test_headline_before_and_after():
    edits = _compare()
    assert edits.title_changed and edits.original_title == ORIGINAL_TITLE and edits.copy_title == COPY_TITLE


def test_passages_are_aligned_by_sentence_with_offsets_into_both_texts():
    edits = _compare()
    assert [p.kind for p in edits.passages] == ["changed", "changed", "removed", "added"]
    assert (edits.sentences_original, edits.sentences_copy, edits.sentences_kept) == (5, 5, 2)
    for passage in edits.passages:
        if passage.original_span:
            assert ORIGINAL[passage.original_span.start : passage.original_span.end] == passage.original_text
        if passage.copy_span:
            assert COPY[passage.copy_span.start : passage.copy_span.end] == passage.copy_text
    removed, added = edits.passages[2], edits.passages[3]
    assert removed.original_text == "The coalition has not commented on the remarks." and removed.copy_span is None
    assert added.copy_text.startswith("This is yet another devastating blow") and added.original_span is None
    changed = edits.passages[1]
    assert [ORIGINAL[s.start : s.end] for s in changed.original_marks] == ["allegedly", "what he called"]
    assert [COPY[s.start : s.end] for s in changed.copy_marks] == ["its", "sham"]


def test_editorialising_summary():
    edits = _compare()
    found = {(c.kind, c.text) for c in edits.editorial}
    assert found == {
        ("attribution_removed", "according to"),
        ("hedge_removed", "allegedly"),
        ("loaded_language_added", "sham"),
        ("loaded_language_added", "devastating"),
    }
    for change in edits.editorial:
        if change.copy_span:
            assert COPY[change.copy_span.start : change.copy_span.end] == change.text
        if change.original_span:
            assert ORIGINAL[change.original_span.start : change.original_span.end] == change.text
        assert 0 < change.confidence <= 1
    assert edits.summary.startswith("Headline changed. 1 passage(s) added, 1 removed, 2 sentence(s) changed")
    assert "Loaded language added: “sham”, “devastating”." in edits.summary
    assert "Hedges removed: “allegedly”." in edits.summary


def test_quotations_added_and_removed():
    original = "The minister spoke on Monday. “We will not accept these terms under any circumstances,” he said."
    copy = "The minister spoke on Monday. “The coalition protects the terrorists every single day,” he said."
    kinds = {(c.kind, c.text) for c in _compare(original, copy, "T", "T").editorial}
    assert ("quote_removed", "We will not accept these terms under any circumstances,") in kinds
    assert ("quote_added", "The coalition protects the terrorists every single day,") in kinds


def test_spacing_case_and_punctuation_are_no_edits():
    copy = ORIGINAL.replace("\n\n", "\n").replace("Wednesday.", "Wednesday!").upper()
    edits = _compare(copy=copy, copy_title=ORIGINAL_TITLE)
    assert not edits.edited and edits.passages == [] and edits.editorial == []
    assert edits.summary == "The copy keeps the original's headline and text."


def test_abbreviations_do_not_end_sentences():
    edits = _compare(
        original="Mr. Smith met U.S. officials on Monday. They talked.", copy="Mr. Smith met U.S. officials on Monday."
    )
    assert edits.sentences_original == 2 and [p.kind for p in edits.passages] == ["removed"]


def test_a_short_quotation_does_not_swallow_the_text_up_to_the_next_one():
    original = 'He said "yes" and then added "we will go there now" to the crowd.'
    copy = 'He said "no" and then added "we will go there now" to the crowd.'
    quoted = {c.text for c in _compare(original, copy, "T", "T").editorial if c.kind.startswith("quote_")}
    assert quoted == set()


def test_an_unclosed_quote_mark_opens_no_quotation():
    original = "The minister spoke on Monday. “We will not accept these terms, he said. " + "More words here. " * 50
    copy = "The minister spoke on Monday. We will not accept these terms, he said. " + "More words here. " * 50
    assert not [c for c in _compare(original, copy, "T", "T").editorial if c.kind.startswith("quote_")]
