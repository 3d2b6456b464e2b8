"""`newsprobe propaganda predict ARTICLES_DIR --task si|tc [--spans SPANS.tsv]` and
`newsprobe eval propaganda --task si|tc GOLD PRED` (stable evaluation contract, SemEval-2020 Task 11)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ._options import ProfileOption, add_contract_commands, chosen_profile

__all__ = ["register"]


class Task(str, Enum):
    si = "si"
    tc = "tc"


def predict_command(
    ctx: typer.Context,
    articles_dir: Annotated[Path, typer.Argument(help="Folder of article<ID>.txt files (UTF-8).")],
    task: Annotated[Task, typer.Option("--task", help="si: find spans; tc: label the given spans.")] = Task.si,
    spans: Annotated[Path | None, typer.Option("--spans", help="TC input: ID<TAB>any<TAB>start<TAB>end lines.")] = None,
    lower_confidence: Annotated[
        bool, typer.Option("--lower-confidence", help="SI: add the lower-confidence spans to the highlighted ones.")
    ] = False,
    profile: ProfileOption = None,
) -> None:
    """Write SI lines `ID<TAB>start<TAB>end` (the spans reports highlight, chosen for precision) or TC
    lines `ID<TAB>technique<TAB>start<TAB>end` to stdout."""
    from ..eval.semeval_ptc import predict_si, predict_tc, read_articles, read_labels, write_labels

    articles = read_articles(articles_dir)
    if not articles:
        raise InputError(f"{articles_dir}: no article<ID>.txt files in it")
    if task is Task.si:
        predicted = predict_si(articles, chosen_profile(ctx, profile), lower_confidence)
        sys.stdout.write(write_labels(predicted, with_technique=False))
        return
    if spans is None:
        raise InputError("--task tc needs --spans SPANS.tsv")
    labelled = predict_tc(articles, read_labels(spans), chosen_profile(ctx, profile))
    sys.stdout.write(write_labels(labelled, with_technique=True))


def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold label file (SI: 3 columns, TC: 4 columns).")],
    predicted: Annotated[Path, typer.Argument(help="Predictions in the same format.")],
    task: Annotated[Task, typer.Option("--task", help="si: span F1 with partial overlap; tc: micro-F1.")] = Task.si,
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Official SemEval-2020 Task 11 scores (own implementation)."""
    from ..eval.semeval_ptc import read_labels, score_si, score_tc

    gold_spans, predicted_spans = read_labels(gold), read_labels(predicted)
    if task is Task.si:
        si = score_si(gold_spans, predicted_spans)
        if json_output:
            typer.echo(si.model_dump_json(indent=2))
            return
        typer.echo(
            f"F1={si.f1:.6f}\tPrecision={si.precision:.6f}\tRecall={si.recall:.6f}\n"
            f"gold_spans={si.gold_spans}\tpredicted_spans={si.predicted_spans}"
        )
        return
    if any(span.technique == "?" for span in predicted_spans):
        raise InputError(f"{predicted}: TC predictions need a technique column (ID, technique, start, end)")
    tc = score_tc(gold_spans, predicted_spans)
    if json_output:
        typer.echo(json.dumps(tc.model_dump(), indent=2))
        return
    typer.echo(f"micro-F1={tc.micro_f1:.6f}\tPrecision={tc.precision:.6f}\tRecall={tc.recall:.6f}")
    for technique, f1 in tc.per_technique.items():
        typer.echo(f"{technique}\t{f1:.6f}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    add_contract_commands(
        app,
        eval_app,
        "propaganda",
        "Propaganda techniques (SemEval-2020 Task 11 format).",
        predict_command,
        eval_command,
    )
