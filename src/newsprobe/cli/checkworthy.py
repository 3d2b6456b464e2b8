"""`newsprobe checkworthy predict FILE.tsv` and `newsprobe eval checkworthy GOLD PRED` (the stable contract)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ._options import ProfileChoice, add_contract_commands, chosen_profile

__all__ = ["register"]


def predict_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CheckThat! 2024 TSV with Sentence_id and Text columns.")],
    profile: Annotated[
        ProfileChoice | None,
        typer.Option(
            help="fast: linear model; accurate: MiniLM + linear; best: accurate + MPNet "
            "(default: the global --profile)."
        ),
    ] = None,
) -> None:
    """Label each sentence Yes/No for check-worthiness; writes `Sentence_id<TAB>label` to stdout.

    Yes at the model's F1 cut (CheckThat!'s metric is F1 of Yes); reports use a stricter, precision-first cut.
    """
    from ..eval.checkthat import predict_file

    chosen = chosen_profile(ctx, profile)
    sys.stdout.write(predict_file(file, chosen))


def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold TSV with Sentence_id and class_label.")],
    predicted: Annotated[Path, typer.Argument(help="Predictions TSV with Sentence_id and label.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """F1 of the Yes class, precision, recall and accuracy of a check-worthiness prediction file."""
    from ..eval.checkthat import evaluate_files

    scores = evaluate_files(gold, predicted)
    if json_output:
        typer.echo(scores.model_dump_json(indent=2))
        return
    typer.echo(
        f"f1\t{scores.f1:.4f}\nprecision\t{scores.precision:.4f}\nrecall\t{scores.recall:.4f}\n"
        f"accuracy\t{scores.accuracy:.4f}\nsentences\t{scores.gold}\nmissing\t{scores.missing}"
    )


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    add_contract_commands(
        app,
        eval_app,
        "checkworthy",
        "Check-worthiness of sentences (CheckThat! 2024 Task 1 format).",
        predict_command,
        eval_command,
    )
