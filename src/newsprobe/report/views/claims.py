"""Presentation of the `claims` result: terminal table and Markdown (HTML: templates/_claims.html).

Every view shows the ranked check-worthy claims first (at most `TOP`), with one confidence whose
meaning is spelled out, and the labels in words; Markdown adds every sentence in a <details> block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from ..words import claims_model, quote_style, unattributed

if TYPE_CHECKING:
    from ...analyse.claims import Claim, ClaimsResult
    from ...document import Article

__all__ = ["markdown", "terminal", "TOP"]

TOP = 10
# (header, style, share of the width): the claim gets most of the line; "figures" only when a claim has one
COLUMNS: tuple[tuple[str, str | None, int | None], ...] = (
    ("#", "dim", None),
    ("confidence", "bold", None),
    ("claim", None, 6),
    ("said by", "cyan", 3),
    ("figures", "magenta", 2),
)


def _speaker(claim: Claim, speakers_read: bool) -> str:
    if claim.attribution is None:
        return unattributed(speakers_read)
    written = claim.attribution.source_text
    unresolved = f"speaker unresolved (“{written}”)" if written else "speaker unresolved"
    who = claim.attribution.speaker or unresolved
    style = quote_style(claim.attribution.style)
    return f"{who} ({style})" if style else who


def _figures(claim: Claim) -> str:
    return ", ".join(figure.text for figure in claim.figures)


def _confidence(claim: Claim) -> str:
    return "—" if claim.reason else f"{claim.score:.2f}"


def _label(claim: Claim) -> str:
    return f"{claim.label}: {claim.reason}" if claim.reason else claim.label


def _summary(result: ClaimsResult) -> str:
    return (
        f"{len(result.checkworthy)} of {len(result.claims)} sentences are check-worthy claims "
        f"(confidence {result.threshold:.2f} or more; model: {claims_model(result.model)})."
    )


def terminal(result: ClaimsResult, article: Article) -> Table | Text:
    top = result.checkworthy[:TOP]
    if not top:
        return Text(_summary(result))
    table = Table(
        title=_summary(result),
        caption=f"{result.confidence_help} All sentences: --format json or html.",
        show_lines=False,
        expand=True,
    )
    with_figures = any(claim.figures for claim in top)
    for header, style, ratio in COLUMNS if with_figures else COLUMNS[:-1]:
        table.add_column(header, style=style, ratio=ratio, overflow="fold")
    for claim in top:
        cells = [str(claim.rank), _confidence(claim), claim.text, _speaker(claim, result.speakers_read)]
        cells += [_figures(claim)] if with_figures else []
        table.add_row(*map(Text, cells))  # Text, not markup: an article's "[/b]" or "[sic]" is its words
    return table


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rows(claims: list[Claim], speakers_read: bool) -> list[str]:
    lines = ["| # | confidence | sentence | label | said by | figures |", "|---|---|---|---|---|---|"]
    for claim in claims:
        lines.append(
            f"| {claim.rank} | {_confidence(claim)} | {_escape(claim.text)} | {_escape(_label(claim))} "
            f"| {_escape(_speaker(claim, speakers_read))} | {_escape(_figures(claim))} |"
        )
    return lines


def markdown(result: ClaimsResult, article: Article) -> str:
    lines = [_summary(result), "", result.confidence_help, ""]
    top = result.checkworthy[:TOP]
    lines += _rows(top, result.speakers_read) if top else ["No sentence reaches the threshold."]
    if result.claims:
        lines += ["", f"<details><summary>Show all {len(result.claims)} sentences, ranked</summary>", ""]
        lines += [*_rows(result.claims, result.speakers_read), "", "</details>"]
    return "\n".join(lines) + "\n"
