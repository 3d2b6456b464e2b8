"""The PolNeAR contract: `quotes predict` output format and `eval quotes` scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.eval.polnear import evaluate_files, score_documents

TEXT = "“We will win,” Smith said. Jones said that taxes would rise.\n"


def _att(content, source=(), cue=()):
    return {"content": [list(c) for c in content], "source": [list(s) for s in source], "cue": [list(c) for c in cue]}


def test_perfect_prediction_scores_one() -> None:
    gold = [_att([(0, 14)], [(15, 20)], [(21, 25)]), _att([(38, 60)], [(27, 32)], [(33, 37)])]
    scores = score_documents([(TEXT, gold, gold)])
    assert scores.all.content_exact.f1 == 1.0 and scores.all.content_overlap.f1 == 1.0
    assert scores.all.source_accuracy == 1.0
    assert scores.direct.content_exact.gold == 1  # only the quoted content is direct


def test_overlap_needs_half_of_the_longer_span_and_is_one_to_one() -> None:
    gold = [_att([(38, 60)], [(27, 32)])]
    half = [_att([(43, 60)], [(27, 32)])]  # 17 of 22 chars
    small = [_att([(55, 60)])]  # 5 of 22 chars
    twice = [_att([(38, 60)]), _att([(38, 59)])]
    assert score_documents([(TEXT, gold, half)]).all.content_overlap.matched == 1
    assert score_documents([(TEXT, gold, half)]).all.content_exact.matched == 0
    assert score_documents([(TEXT, gold, small)]).all.content_overlap.matched == 0
    doubled = score_documents([(TEXT, gold, twice)]).all.content_overlap
    assert (doubled.matched, doubled.precision) == (1, 0.5)


def test_wrong_source_lowers_source_accuracy() -> None:
    gold = [_att([(38, 60)], [(27, 32)])]
    pred = [_att([(38, 60)], [(15, 20)])]
    assert score_documents([(TEXT, gold, pred)]).all.source_accuracy == 0.0


def test_gold_with_swapped_labels_is_read_the_right_way_round_only_when_asked() -> None:
    swapped = [_att([(0, 14)], [(21, 25)], [(15, 20)])]  # source "said", cue "Smith"
    pred = [_att([(0, 14)], [(15, 20)], [(21, 25)])]
    assert score_documents([(TEXT, swapped, pred)]).all.source_accuracy == 0.0  # the contract as published
    assert score_documents([(TEXT, swapped, pred)], read_swapped_gold=True).all.source_accuracy == 1.0
    other = [_att([(38, 60)], [(27, 32)], [(33, 37)])]  # source "Jones": left as it is
    assert score_documents([(TEXT, other, other)], read_swapped_gold=True).all.source_accuracy == 1.0


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = [_att([(0, 14)], [(15, 20)], [(21, 25)]), _att([(38, 60)], [(27, 32)], [(33, 37)])]
    rows = [
        {"filename": "a", "annotator": "b", "text_file": "raw/a.txt", "attributions": gold},
        {"filename": "a", "annotator": "z", "text_file": "raw/a.txt", "attributions": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_predict_then_eval_through_the_cli(tmp_path: Path) -> None:
    gold = _corpus(tmp_path)
    runner = CliRunner()
    predicted = runner.invoke(app, ["quotes", "predict", str(gold), "--root", str(tmp_path)])
    assert predicted.exit_code == 0, predicted.output
    lines = [json.loads(line) for line in predicted.stdout.splitlines()]
    assert [line["filename"] for line in lines] == ["a"]  # one line per filename
    for att in lines[0]["attributions"]:
        assert set(att) == {"source", "cue", "content"}
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(predicted.stdout, encoding="utf-8")
    scores = evaluate_files(gold, pred_path)
    assert scores.all.content_overlap.f1 == 1.0  # the first annotator's gold is used
    shown = runner.invoke(app, ["eval", "quotes", str(gold), str(pred_path)])
    assert shown.exit_code == 0 and shown.stdout.splitlines()[1].startswith("all\t")


def test_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path / "nope.jsonl"), str(tmp_path / "p.jsonl")])
    assert result.exit_code == 2
    assert "cannot read" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("line", ["{not json", '{"attributions": []}'])
def test_bad_prediction_lines_are_input_errors(tmp_path: Path, line: str) -> None:
    gold = _corpus(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", str(gold), str(bad)])
    assert result.exit_code == 2


@pytest.mark.parametrize("method", ["rules", "tagger"])
def test_predict_method_can_be_forced_in_the_fast_profile(tmp_path: Path, method: str) -> None:
    gold = _corpus(tmp_path)
    predicted = CliRunner().invoke(
        app, ["--profile", "fast", "quotes", "predict", str(gold), "--root", str(tmp_path), "--method", method]
    )
    assert predicted.exit_code == 0, predicted.output
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(predicted.stdout, encoding="utf-8")
    assert evaluate_files(gold, pred_path).all.content_overlap.f1 == 1.0


def test_an_unknown_method_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["quotes", "predict", str(_corpus(tmp_path)), "--method", "magic"])
    assert result.exit_code == 2


def test_encoder_methods_need_the_best_profile_and_an_empty_input_is_bad_input(tmp_path: Path) -> None:
    gold = _corpus(tmp_path)
    for method in ("encoder", "combined"):
        result = CliRunner().invoke(app, ["--profile", "fast", "quotes", "predict", str(gold), "--method", method])
        assert result.exit_code == 2 and "--profile best" in result.output
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["--profile", "fast", "quotes", "predict", str(empty)])
    assert result.exit_code == 2 and "no articles" in result.output


def test_a_failed_article_is_answered_empty_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprobe.analyse.quotes import QuotesAnalyser

    def broken(*args: object) -> None:
        raise RuntimeError("tagger exploded")

    monkeypatch.setattr(QuotesAnalyser, "run", broken)
    result = CliRunner().invoke(app, ["quotes", "predict", str(_corpus(tmp_path)), "--root", str(tmp_path)])
    assert result.exit_code == 0
    assert [json.loads(line) for line in result.stdout.splitlines()] == [{"filename": "a", "attributions": []}]
    assert "a: quotes failed: RuntimeError: tagger exploded (written with no attributions)" in result.stderr
