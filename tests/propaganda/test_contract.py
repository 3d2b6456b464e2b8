"""The evaluation contract: `newsprobe propaganda predict` and `newsprobe eval propaganda`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.analyse.propaganda.techniques import TECHNIQUE_NAMES
from newsprobe.cli import app

runner = CliRunner()

ARTICLE_1 = (
    "Traitors Betray Our Great Nation\r\n\r\n"
    "The corrupt, treasonous elites have stabbed every patriot in the back.\r\n"
    "Wake up, America! They are destroying everything we love.\r\n"
)
ARTICLE_2 = "Council approves budget\n\nThe council approved the budget on Tuesday after a short debate.\n"


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article1.txt").write_bytes(ARTICLE_1.encode("utf-8"))
    (folder / "article2.txt").write_bytes(ARTICLE_2.encode("utf-8"))
    (folder / "notes.txt").write_text("not an article")
    return folder


def _lines(output: str) -> list[list[str]]:
    return [line.split("\t") for line in output.splitlines() if line]


def test_si_lines_are_spans_inside_the_raw_text(articles: Path) -> None:
    result = runner.invoke(app, ["--profile", "fast", "propaganda", "predict", str(articles), "--task", "si"])
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert lines, "the loaded first article should get at least one span"
    for article_id, start, end in lines:
        text = ARTICLE_1 if article_id == "1" else ARTICLE_2
        assert 0 <= int(start) < int(end) <= len(text)
        assert text[int(start) : int(end)].strip() == text[int(start) : int(end)]


def test_tc_keeps_input_order_and_gives_repeated_spans_distinct_labels(articles: Path, tmp_path: Path) -> None:
    spans = tmp_path / "spans.tsv"
    spans.write_text("1\t?\t38\t62\n2\t?\t4\t11\n1\t?\t38\t62\n1\t?\t4\t12\n")
    result = runner.invoke(
        app, ["--profile", "fast", "propaganda", "predict", str(articles), "--task", "tc", "--spans", str(spans)]
    )
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert [(line[0], line[2], line[3]) for line in lines] == [
        ("1", "38", "62"),
        ("2", "4", "11"),
        ("1", "38", "62"),
        ("1", "4", "12"),
    ]
    assert all(line[1] in TECHNIQUE_NAMES for line in lines)
    assert lines[0][1] != lines[2][1]


def test_tc_errors_are_one_line(articles: Path, tmp_path: Path) -> None:
    spans = tmp_path / "spans.tsv"
    spans.write_text("9\t?\t0\t5\n")
    result = runner.invoke(
        app, ["--profile", "fast", "propaganda", "predict", str(articles), "--task", "tc", "--spans", str(spans)]
    )
    assert result.exit_code == 2
    assert "article9.txt" in result.output and "Traceback" not in result.output
    missing = runner.invoke(app, ["propaganda", "predict", str(articles), "--task", "tc"])
    assert missing.exit_code == 2 and "--spans" in missing.output


def test_eval_si_and_tc_print_the_official_scores(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.tsv", tmp_path / "pred.tsv"
    gold.write_text("1\t0\t10\n")
    pred.write_text("1\t5\t15\n")
    result = runner.invoke(app, ["eval", "propaganda", "--task", "si", str(gold), str(pred)])
    assert result.exit_code == 0
    assert "F1=0.500000" in result.stdout
    gold.write_text("1\tDoubt\t0\t5\n1\tSlogans\t6\t9\n")
    pred.write_text("1\tDoubt\t0\t5\n1\tDoubt\t6\t9\n")
    result = runner.invoke(app, ["eval", "propaganda", "--task", "tc", str(gold), str(pred)])
    assert "micro-F1=0.500000" in result.stdout


def test_an_empty_folder_and_tc_predictions_without_techniques_are_bad_input(tmp_path: Path) -> None:
    empty = runner.invoke(app, ["--profile", "fast", "propaganda", "predict", str(tmp_path), "--task", "si"])
    assert empty.exit_code == 2 and "no article<ID>.txt" in empty.output
    gold, pred = tmp_path / "gold.tsv", tmp_path / "pred.tsv"
    gold.write_text("1\tDoubt\t0\t5\n")
    pred.write_text("1\t0\t5\n")
    result = runner.invoke(app, ["eval", "propaganda", "--task", "tc", str(gold), str(pred)])
    assert result.exit_code == 2 and "technique column" in result.output


def test_eval_rejects_a_malformed_file(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.tsv", tmp_path / "pred.tsv"
    gold.write_text("1\tzero\tten\n")
    pred.write_text("")
    result = runner.invoke(app, ["eval", "propaganda", str(gold), str(pred)])
    assert result.exit_code == 2 and "gold.tsv:1" in result.output
