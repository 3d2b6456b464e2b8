from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprobe.errors import InputError
from newsprobe.eval.checkthat import format_predictions, read_labels, read_sentences


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return path


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_reads_lf_and_crlf_with_quoted_texts(tmp_path: Path, newline: str) -> None:
    rows = [
        "Sentence_id\tText\tclass_label",
        '26\t"You know, I saw a movie - ""Crocodile Dundee."""\tNo',
        "80\tWe're consuming 50 percent of the world's cocaine.\tYes",
    ]
    sentences = read_sentences(write(tmp_path, "in.tsv", newline.join(rows) + newline))
    assert [s.sentence_id for s in sentences] == ["26", "80"]
    assert sentences[0].text == 'You know, I saw a movie - "Crocodile Dundee."'
    assert [s.label for s in sentences] == ["No", "Yes"]


def test_text_only_input_has_no_labels(tmp_path: Path) -> None:
    sentences = read_sentences(write(tmp_path, "in.tsv", "Sentence_id\tText\n1\tTaxes rose 5%.\n"))
    assert sentences[0].label is None and sentences[0].text == "Taxes rose 5%."


def test_missing_column_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Text"):
        read_sentences(write(tmp_path, "in.tsv", "Sentence_id\tSentence\n1\tx\n"))


def test_bad_label_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="neither Yes nor No"):
        read_labels(write(tmp_path, "gold.tsv", "Sentence_id\tclass_label\n1\tMaybe\n"))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.from_regex(r"[0-9]{1,6}", fullmatch=True), st.booleans()), unique_by=lambda p: p[0]))
def test_predictions_round_trip(tmp_path_factory: pytest.TempPathFactory, pairs: list[tuple[str, bool]]) -> None:
    path = tmp_path_factory.mktemp("rt") / "pred.tsv"
    path.write_text(format_predictions(pairs), encoding="utf-8")
    assert path.read_text().splitlines()[0] == "Sentence_id\tlabel"
    assert read_labels(path) == {sid: "Yes" if yes else "No" for sid, yes in pairs}
