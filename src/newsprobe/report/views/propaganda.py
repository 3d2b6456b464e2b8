"""Terminal and markdown views of the propaganda result."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...analyse.propaganda import PropagandaResult, PropagandaSpan
from ...document import Article

MAX_ROWS = 12


def _summary_line(result: PropagandaResult) -> str:
    s = result.summary
    line = (
        f"{len(result.spans)} spans in {s.sentences_with_propaganda}/{s.sentences} sentences "
        f"({s.share_of_sentences:.0%})"
    )
    counts = ", ".join(f"{c.name} ×{c.count}" for c in s.counts)
    return line + (f": {counts}" if counts else "")


def _label(span: PropagandaSpan) -> str:
    return " + ".join(t.name for t in span.techniques)


def terminal(result: PropagandaResult, article: Article) -> Group:
    table = Table(show_edge=False, pad_edge=False)
    for column in ("Span", "Technique", "Conf.", "Who"):
        table.add_column(column)
    for span in (result.title_spans + [result.spans[i] for i in range(len(result.spans))])[:MAX_ROWS]:
        table.add_row(span.text, _label(span), f"{span.techniques[0].confidence:.2f}", span.speaker or "")
    if len(result.spans) + len(result.title_spans) > MAX_ROWS:
        table.caption = f"{len(result.spans) + len(result.title_spans) - MAX_ROWS} more"
    return Group(Text(_summary_line(result)), table)


def markdown(result: PropagandaResult, article: Article) -> str:
    lines = [_summary_line(result), ""]
    if result.title_spans:
        lines.append("Headline: " + "; ".join(f"“{s.text}” ({_label(s)})" for s in result.title_spans))
        lines.append("")
    lines += [f"- {item.speaker} uses {item.technique}: '{item.text}'" for item in result.by_speaker]
    lines += ["", "| Span | Technique | Confidence | Who |", "| --- | --- | --- | --- |"]
    for span in result.spans:
        text = span.text.replace("|", "\\|").replace("\n", " ")
        lines.append(
            f"| {text} | {_label(span)} | {span.techniques[0].confidence:.2f} | {span.speaker or 'the outlet'} |"
        )
    if result.summary.counts:
        lines += ["", "Techniques found:"]
        lines += [f"- **{c.name}**: {c.definition} (e.g. “{c.example}”)" for c in result.summary.counts]
    return "\n".join(lines)
