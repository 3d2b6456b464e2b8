"""Terminal and markdown views of the propaganda result: techniques in words, one confidence per span."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...analyse.propaganda import PropagandaResult, PropagandaSpan
from ...document import Article
from ..words import ARTICLE_VOICE, unattributed

MAX_ROWS = 12


def _summary_line(result: PropagandaResult) -> str:
    s = result.summary
    line = (
        f"{len(result.spans)} highlighted spans in {s.sentences_with_propaganda}/{s.sentences} sentences "
        f"({s.share_of_sentences:.0%})"
    )
    if result.title_spans:
        line += f" and {len(result.title_spans)} in the headline"
    counts = ", ".join(f"{c.name} ×{c.count}" for c in s.counts)
    if sum(c.count for c in s.counts) > len(result.spans):
        counts = f"by technique (a span can have two) {counts}"
    more = len(result.more_spans) + len(result.more_title_spans)
    return (
        line
        + (f": {counts}" if counts else "")
        + (f"; {more} more at lower confidence (“Show more” in the HTML report)" if more else "")
    )


def _who(result: PropagandaResult, span: PropagandaSpan) -> str:
    """The quoted speaker, else the article's own wording; not known when quotes were not analysed."""
    return span.speaker or unattributed(result.speakers_read)


def _confidence(span: PropagandaSpan) -> str:
    return f"{span.confidence:.2f}"  # 0-1, as every other confidence in a report


def terminal(result: PropagandaResult, article: Article) -> Group:
    table = Table(show_edge=False, pad_edge=False)
    for column in ("Span", "Technique", "Confidence", "Who"):
        table.add_column(column)
    rows = [(span, ARTICLE_VOICE) for span in result.title_spans] + [
        (span, _who(result, span)) for span in result.spans
    ]
    for span, who in rows[:MAX_ROWS]:
        table.add_row(Text(span.text), span.technique_names, _confidence(span), Text(who))
    if len(rows) > MAX_ROWS:
        table.caption = f"{len(rows) - MAX_ROWS} more"
    if not rows:
        return Group(Text(_summary_line(result)))
    return Group(Text(_summary_line(result)), table, Text(result.confidence_means, style="dim"))


def markdown(result: PropagandaResult, article: Article) -> str:
    lines = [_summary_line(result), ""]
    if result.title_spans:
        lines.append(
            "Headline: " + "; ".join(f"“{s.text}” ({s.technique_names}, {_confidence(s)})" for s in result.title_spans)
        )
        lines.append("")
    lines += [f"- {item.sentence}" for item in result.by_speaker]
    if result.spans:
        lines += ["", "| Span | Technique | Confidence | Who |", "| --- | --- | --- | --- |"]
        for span in result.spans:
            text = span.text.replace("|", "\\|").replace("\n", " ")
            lines.append(f"| {text} | {span.technique_names} | {_confidence(span)} | {_who(result, span)} |")
    if result.spans or result.title_spans:
        lines += ["", f"*{result.confidence_means}*"]
    if result.summary.counts:
        lines += ["", "Techniques found:"]
        lines += [
            f"- **{c.name}**: {c.definition}" + (f" (e.g. “{c.example}”)" if c.example else "")
            for c in result.summary.counts
        ]
    return "\n".join(lines)
