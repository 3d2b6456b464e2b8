"""Terminal and markdown views of the provenance result."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ...analyse.provenance import OutletRef, ProvenanceEvidence, ProvenanceResult
from ...document import Article

__all__ = ["evidence_location", "markdown", "outlet_summary", "terminal"]


def evidence_location(item: ProvenanceEvidence, article: Article) -> str:
    """Where an evidence item is: 'text 120-168', 'removed block 1 (republication notice)', 'metadata byline'."""
    if item.where == "text" and item.span is not None:
        return f"text {item.span.start}-{item.span.end}"
    if item.where == "removed" and item.removed_block is not None:
        reason = article.removed[item.removed_block].reason if item.removed_block < len(article.removed) else "?"
        return f"removed block {item.removed_block} ({reason})"
    if item.where == "metadata":
        return f"metadata {item.field}"
    return f"index {item.index_source}"


def outlet_summary(ref: OutletRef) -> str:
    """'RT News → rt.com · Russia · state-controlled (Russia); specious-sites list'."""
    parts = [ref.name]
    if ref.domain and ref.domain != ref.name:
        parts[0] += f" → {ref.domain}"
    profile = ref.profile
    if profile is None or profile.status == "unknown":
        parts.append("not in the outlet table (reliability unknown)")
        return " · ".join(parts)
    if profile.country:
        parts.append(profile.country)
    parts.append("; ".join(profile.flags) or "no flags")
    return " · ".join(parts)


def terminal(result: ProvenanceResult, article: Article) -> Group:
    head = Text.assemble(
        (result.verdict.replace("_", " "), "bold"),
        f"  (confidence {result.confidence:.2f})\n",
        (result.explanation, "dim"),
    )
    table = Table(show_edge=False, pad_edge=False)
    for column in ("Role", "Outlet", "Evidence"):
        table.add_column(column)
    for link in result.chain:
        evidence = "\n".join(f"{e.kind}: {e.quote[:70]} [{evidence_location(e, article)}]" for e in link.evidence[:4])
        table.add_row(link.role, outlet_summary(link), evidence)
    return Group(head, table)


def markdown(result: ProvenanceResult, article: Article) -> str:
    lines = [
        f"**Verdict:** {result.verdict.replace('_', ' ')} (confidence {result.confidence:.2f}) — {result.explanation}",
        "",
    ]
    lines += ["| Role | Outlet | Evidence |", "| --- | --- | --- |"]
    for link in result.chain:
        evidence = "<br>".join(
            f"{e.kind}: “{e.quote[:80].replace('|', '/')}” ({evidence_location(e, article)})" for e in link.evidence
        )
        lines.append(f"| {link.role} | {outlet_summary(link).replace('|', '/')} | {evidence} |")
    for copy in result.copies:
        lines.append(
            f"\nCopy in index: {copy.outlet or copy.domain or copy.source} "
            f"({copy.published or 'undated'}, {copy.order}), "
            f"containment {copy.containment:.2f}, Jaccard {copy.jaccard:.2f}{'' if copy.credited else ', not credited'}"
        )
    return "\n".join(lines)
