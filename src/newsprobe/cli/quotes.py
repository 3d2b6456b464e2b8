"""`newsprobe quotes predict POLNEAR_JSONL --root DIR` and `newsprobe eval quotes GOLD PRED` (stable contract)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from ..errors import InputError
from ._options import ProfileOption, add_contract_commands, chosen_profile

__all__ = ["register"]

QuotesMethod = Literal["auto", "rules", "tagger", "encoder", "combined"]


def predict_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="PolNeAR-format jsonl: each line has `filename` and `text_file`.")],
    root: Annotated[Path, typer.Option("--root", help="Folder that `text_file` paths are relative to.")] = Path("."),
    method: Annotated[
        QuotesMethod,
        typer.Option(
            "--method",
            help="auto: rules in fast, the CRF tagger in accurate, combined (the tagger averaged with the shared "
            "encoder) in best; or force one (encoder and combined: best only).",
        ),
    ] = "auto",
    profile: ProfileOption = None,
) -> None:
    """Attributions for each article, one JSON line per filename, offsets into the raw text file."""
    from ..eval.polnear import predict_lines, read_jsonl

    chosen = chosen_profile(ctx, profile)
    if method in ("encoder", "combined") and chosen != "best":
        raise InputError(f"--method {method} reads the shared encoder: run it with --profile best")

    def warn(name: str, error: str) -> None:
        typer.echo(f"newsprobe: {name}: quotes failed: {error} (written with no attributions)", err=True)

    written = 0
    for record in predict_lines(read_jsonl(file), root, chosen, method, on_failure=warn):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    if not written:
        raise InputError(f"{file}: no articles in it (one JSON line per article, with `filename` and `text_file`)")


def _row(name: str, scores: object) -> str:
    from ..eval.polnear import SubsetScores

    assert isinstance(scores, SubsetScores)
    e, o = scores.content_exact, scores.content_overlap
    return (
        f"{name}\t{e.precision:.4f}\t{e.recall:.4f}\t{e.f1:.4f}\t{o.precision:.4f}\t{o.recall:.4f}\t{o.f1:.4f}"
        f"\t{scores.source_accuracy:.4f}\t{o.gold}\t{o.predicted}"
    )


def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold PolNeAR jsonl (first annotator per file is used).")],
    predicted: Annotated[Path, typer.Argument(help="Predictions from `newsprobe quotes predict`.")],
    root: Annotated[Path | None, typer.Option("--root", help="Text folder; default: the gold file's folder.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Content exact/overlap P/R/F1, source accuracy on matched contents, and the direct-only subset."""
    from ..eval.polnear import evaluate_files

    scores = evaluate_files(gold, predicted, root)
    if json_output:
        typer.echo(scores.model_dump_json(indent=2))
        return
    typer.echo("subset\texact_p\texact_r\texact_f1\toverlap_p\toverlap_r\toverlap_f1\tsource_acc\tgold\tpredicted")
    typer.echo(_row("all", scores.all))
    typer.echo(_row("direct", scores.direct))
    typer.echo(f"documents\t{scores.documents}\nmissing\t{scores.missing_documents}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    add_contract_commands(
        app, eval_app, "quotes", "Quotes and attributions (PolNeAR format).", predict_command, eval_command
    )
