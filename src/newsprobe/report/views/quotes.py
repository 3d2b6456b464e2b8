"""Terminal and markdown views of the quotes result: attributions grouped by speaker."""

from __future__ import annotations

from rich.table import Table

from ...analyse.quotes import Attribution, QuotesResult, SpeakerQuotes
from ...document import Article
from ..words import quote_style

MAX_CONTENT = 160


def _content(att: Attribution) -> str:
    text = " … ".join(span.text for span in att.content)
    return text if len(text) <= MAX_CONTENT else text[: MAX_CONTENT - 1] + "…"


UNRESOLVED = "Speaker unresolved"


def speaker_label(group: SpeakerQuotes) -> str:
    """'Sergey Lavrov (Foreign Minister, Russia)'; 'Speaker unresolved' for the unresolved group."""
    if group.name is None:
        return UNRESOLVED
    details = ", ".join(part for part in (group.role, group.organisation) if part)
    return f"{group.name} ({details})" if details else group.name


def _how(att: Attribution) -> str:
    """How the speaker was found: 'named 0.95', 'pronoun “he” 0.85', 'unresolved “they”'."""
    source = " ".join(span.text for span in att.source)
    speaker = att.speaker
    written = f" “{source}”" if source and speaker.resolved_by not in {"named", "earlier_mention"} else ""
    confidence = f" {speaker.confidence:.2f}" if speaker.confidence is not None else ""
    return f"{speaker.resolved_by.replace('_', ' ')}{written}{confidence}"


def _by_id(result: QuotesResult) -> dict[int, Attribution]:
    return {att.id: att for att in result.attributions}


def terminal(result: QuotesResult, article: Article) -> Table:
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Speaker", no_wrap=True)
    for column in ("Resolved", "Cue", "Style", "Content"):
        table.add_column(column)
    atts = _by_id(result)
    for group in result.speakers:
        for i, att_id in enumerate(group.attribution_ids):
            att = atts[att_id]
            cue = " … ".join(span.text for span in att.cue)
            table.add_row(speaker_label(group) if i == 0 else "", _how(att), cue, quote_style(att.style), _content(att))
    return table


def markdown(result: QuotesResult, article: Article) -> str:
    atts = _by_id(result)
    lines: list[str] = []
    for group in result.speakers:
        lines.append(f"**{speaker_label(group)}**")
        lines.append("")
        for att_id in group.attribution_ids:
            att = atts[att_id]
            cue = " … ".join(span.text for span in att.cue) or "quoted"
            lines.append(f"- *{cue}* ({quote_style(att.style)}; {_how(att)}): {_content(att)}")
        lines.append("")
    return "\n".join(lines).strip() or "No attributions found."
