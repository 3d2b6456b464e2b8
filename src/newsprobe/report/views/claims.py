"""Presentation of the `claims` result: terminal table and Markdown (HTML: templates/_claims.html)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table

if TYPE_CHECKING:
    from ...analyse.claims import Claim, ClaimsResult
    from ...document import Article

__all__ = ["markdown", "terminal", "TOP"]

TOP = 10


def _speaker(claim: Claim) -> str:
    if claim.attribution is None:
        return "article"
    if claim.attribution.speaker:
        return claim.attribution.speaker
    written = claim.attribution.source_text
    return f"speaker unresolved (“{written}”)" if written else "speaker unresolved"


def _figures(claim: Claim) -> str:
    return ", ".join(figure.text for figure in claim.figures)


def _shown(result: ClaimsResult) -> list[Claim]:
    return result.claims[: max(TOP, len(result.checkworthy))][:TOP]


def terminal(result: ClaimsResult, article: Article) -> Table:
    table = Table(
        title=(
            f"Check-worthy claims ({len(result.checkworthy)} of {len(result.claims)} sentences "
            f"≥ {result.threshold:.2f}, {result.model})"
        ),
        show_lines=False,
    )
    for column, style in (
        ("#", "dim"),
        ("score", "bold"),
        ("sentence", ""),
        ("said by", "cyan"),
        ("figures", "magenta"),
    ):
        table.add_column(column, style=style or None, overflow="fold")
    for claim in _shown(result):
        score = f"{claim.score:.2f}" if claim.checkworthy else f"[dim]{claim.score:.2f}[/dim]"
        table.add_row(str(claim.rank), score, claim.text, _speaker(claim), _figures(claim))
    return table


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(result: ClaimsResult, article: Article) -> str:
    lines = [
        f"{len(result.checkworthy)} of {len(result.claims)} sentences at or above the threshold "
        f"{result.threshold:.2f} (model: {result.model}).",
        "",
        "| # | score | claim | said by | figures |",
        "|---|---|---|---|---|",
    ]
    for claim in _shown(result):
        mark = "" if claim.checkworthy else " (below threshold)"
        lines.append(
            f"| {claim.rank} | {claim.score:.2f}{mark} | {_escape(claim.text)} | {_escape(_speaker(claim))} "
            f"| {_escape(_figures(claim))} |"
        )
    return "\n".join(lines) + "\n"
