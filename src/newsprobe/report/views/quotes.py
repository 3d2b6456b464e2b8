"""Terminal and markdown views of the quotes result: attributions grouped by speaker."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...analyse.quotes import Attribution, QuotesResult, SpeakerQuotes
from ...document import Article
from ..words import NO_QUOTES, SPEAKER_CONFIDENCE, quote_style, speaker_method
from . import table_or_note

MAX_CONTENT = 160
# (header, share of the width): the content gets most of the line at any terminal width
COLUMNS = (("Speaker", 2), ("Resolved", 2), ("Cue · style", 2), ("Content", 5))


def _content(att: Attribution) -> str:
    """The content on one line, its paragraphs joined by " / " (a line break would end a Markdown item)."""
    text = " … ".join(_one_line(span.text) for span in att.content)
    return text if len(text) <= MAX_CONTENT else text[: MAX_CONTENT - 1] + "…"


def _one_line(text: str) -> str:
    return " / ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


UNRESOLVED = "Speaker unresolved"
#: What the number after a speaker's "named" / "from the pronoun …" means.
CONFIDENCE_MEANS = f"The number after how a speaker was found is its confidence (0-1): {SPEAKER_CONFIDENCE}."


def speaker_label(group: SpeakerQuotes) -> str:
    """'Sergey Lavrov (Foreign Minister, Russia)'; 'Speaker unresolved' for the unresolved group."""
    if group.name is None:
        return UNRESOLVED
    details = ", ".join(part for part in (group.role, group.organisation) if part)
    return f"{group.name} ({details})" if details else group.name


def _how(att: Attribution) -> str:
    """How the speaker was found: 'named 0.95', 'from the pronoun “he” 0.85', 'speaker unresolved “they”'."""
    source = " ".join(span.text for span in att.source)
    speaker = att.speaker
    written = f" “{source}”" if source and speaker.resolved_by not in {"named", "earlier_mention"} else ""
    confidence = f" {speaker.confidence:.2f}" if speaker.confidence is not None else ""
    return f"{speaker_method(speaker.resolved_by)}{written}{confidence}"


def _by_id(result: QuotesResult) -> dict[int, Attribution]:
    return {att.id: att for att in result.attributions}


def terminal(result: QuotesResult, article: Article) -> Group:
    table = Table(show_edge=False, pad_edge=False, expand=True)
    for header, ratio in COLUMNS:
        table.add_column(header, ratio=ratio, overflow="fold")
    atts = _by_id(result)
    for group in result.speakers:
        for i, att_id in enumerate(group.attribution_ids):
            att = atts[att_id]
            cue = " … ".join(span.text for span in att.cue)
            said = Text(f"{cue}\n" if cue else "").append(quote_style(att.style), style="dim")
            speaker = Text(speaker_label(group) if i == 0 else "")
            table.add_row(speaker, Text(_how(att)), said, Text(_content(att)))
    if not result.attributions:
        return Group(table_or_note(table, NO_QUOTES))
    return Group(table, Text(CONFIDENCE_MEANS, style="dim"))


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
    if result.attributions:
        lines.append(f"*{CONFIDENCE_MEANS}*")
    return "\n".join(lines).strip() or NO_QUOTES
