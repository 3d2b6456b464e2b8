"""Terminal and markdown views of the provenance result."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ...analyse.provenance import CopyMatch, LinkSummary, OutletRef, ProvenanceEvidence, ProvenanceResult
from ...dedup import EditComparison
from ...document import Article
from ..words import SHARED_NAME, VERDICT_CONFIDENCE, evidence_kind, metadata_field, verdict

__all__ = ["EvidenceLine", "evidence_lines", "markdown", "outlet_summary", "terminal"]

SHOWN_CHANGES = 10
SHOWN_EVIDENCE = 4  # evidence lines per outlet in the terminal view (the other views show them all)


@dataclass(frozen=True)
class EvidenceLine:
    """Observations of one thing (a kind and its words) in every place they were found, for the views."""

    kind: str
    quote: str
    where: str
    url: str | None
    fingerprint: str | None
    name: str | None


def _place(item: ProvenanceEvidence, article: Article) -> tuple[str, str | None]:
    """('in text removed from the article', 'republication notice'), ("in the page's metadata", 'the byline')."""
    if item.where == "text":
        return "in the text", None
    if item.where == "removed":
        if item.removed_block is not None and item.removed_block < len(article.removed):
            return "in text removed from the article", article.removed[item.removed_block].reason
        return "in text removed from the article", None
    if item.where == "metadata":
        return "in the page's metadata", metadata_field(item.field)
    return "in the index", item.index_source


def _places_in_words(places: list[tuple[str, str | None]]) -> str:
    """'in the page's metadata: the byline, the byline's credits; in text removed from the article: disclaimer'."""
    details: dict[str, list[str]] = {}
    for place, detail in places:
        details.setdefault(place, [])
        if detail and detail not in details[place]:
            details[place].append(detail)
    return "; ".join(f"{place}: {', '.join(found)}" if found else place for place, found in details.items())


def evidence_lines(items: list[ProvenanceEvidence], article: Article) -> list[EvidenceLine]:
    """The evidence in words, one line per thing seen: a byline read from the metadata's byline and its
    credits, or an e-mail address in three blocks, is one line that names every place."""
    seen: dict[tuple[str, str, str | None, str | None], list[ProvenanceEvidence]] = {}
    for item in items:
        seen.setdefault((item.kind, item.quote, item.url, item.fingerprint), []).append(item)
    return [
        EvidenceLine(
            kind=evidence_kind(first.kind),
            quote=first.quote,
            where=_places_in_words([_place(item, article) for item in group]),
            url=first.url,
            fingerprint=first.fingerprint,
            name=first.name,
        )
        for group in seen.values()
        for first in group[:1]
    ]


def outlet_summary(ref: OutletRef) -> str:
    """'RT News → rt.com · Russia · state-controlled (Russia); specious-sites list'."""
    parts = [ref.name]
    if ref.domain and ref.domain != ref.name:
        parts[0] += f" → {ref.domain}"
    profile = ref.profile
    if profile is not None and profile.namesakes:
        parts.append(f"no single outlet: {SHARED_NAME} {', '.join(profile.namesakes)}")
        return " · ".join(parts)
    if profile is None or profile.status == "unknown":
        parts.append("not in the outlet table (reliability unknown)")
        return " · ".join(parts)
    if profile.country:
        parts.append(profile.country)
    parts.append("; ".join(profile.flags) or "no flags")
    return " · ".join(parts)


def _involved(result: ProvenanceResult) -> list[tuple[str, OutletRef]]:
    """The outlets involved with their role in plain words: the chain, then the image credits."""
    return [(link.role, link) for link in result.chain] + [("image credit", ref) for ref in result.image_credits]


def _basis_line(result: ProvenanceResult) -> str:
    listed = ", ".join(dict.fromkeys(e.list_label for e in result.laundering_basis))
    return f"Why suspected laundering: the uncredited origin is on the {listed}" if listed else ""


def _links_line(links: LinkSummary) -> str:
    top = ", ".join(f"{o.name} ({o.links})" for o in links.outlets[:6])
    state = (
        f"; {links.state_affiliated_links} to state media with editorial control"
        if links.state_affiliated_links
        else ""
    )
    return (
        f"Outbound links: {links.total} in the body, {len(links.outlets)} other outlets, "
        f"{len(links.self_links)} to the page's own site{state}" + (f". Most linked: {top}" if top else "")
    )


def _edits_lines(edits: EditComparison) -> list[str]:
    where = edits.original.outlet or edits.original.domain or edits.original.source
    lines = [
        f"Against the original at {where} ({edits.original.obtained}): {edits.summary}",
        f"Headline before: {edits.original_title or '(none)'}",
        f"Headline after: {edits.copy_title or '(none)'}",
    ]
    for change in edits.editorial[:SHOWN_CHANGES]:
        lines.append(f"- {change.kind.replace('_', ' ')}: “{change.text[:100]}” (confidence {change.confidence:.2f})")
    for passage in edits.passages[:SHOWN_CHANGES]:
        before = f"“{passage.original_text[:90]}”" if passage.original_text else "—"
        after = f"“{passage.copy_text[:90]}”" if passage.copy_text else "—"
        lines.append(f"- {passage.kind}: {before} → {after}")
    return lines


def _copy_line(copy: CopyMatch) -> str:
    """'Copy in the index: Sputnik (2017-06-28, earlier), containment 0.93, Jaccard 0.88, not credited'."""
    where = copy.outlet or copy.domain or copy.source
    credited = "" if copy.credited else ", not credited"
    return (
        f"Copy in the index: {where} ({copy.published or 'undated'}, {copy.order.replace('_', ' ')}), "
        f"containment {copy.containment:.2f}, Jaccard {copy.jaccard:.2f}{credited}"
    )


def _extra_lines(result: ProvenanceResult) -> list[str]:
    lines = [_copy_line(copy) for copy in result.copies]
    if result.laundering_basis:
        lines.append(_basis_line(result))
    if result.edits is not None:
        lines += _edits_lines(result.edits)
    elif result.edits_note:
        lines.append(f"No comparison with the original: {result.edits_note}.")
    if result.links is not None:
        lines.append(_links_line(result.links))
    return lines


def terminal(result: ProvenanceResult, article: Article) -> Group:
    head = Text.assemble(
        (verdict(result.verdict), "bold"),
        f"  (confidence {result.confidence:.2f})\n",
        (result.explanation, "dim"),
    )
    table = Table(show_edge=False, pad_edge=False)
    for column in ("Role", "Outlet", "Evidence"):
        table.add_column(column)
    for role, ref in _involved(result):
        lines = evidence_lines(ref.evidence, article)
        evidence = "\n".join(f"{e.kind}: “{e.quote[:70]}” ({e.where})" for e in lines[:SHOWN_EVIDENCE])
        hidden = len(lines) - SHOWN_EVIDENCE
        more = f"\n… {hidden} more (--format md or html)" if hidden > 0 else ""
        table.add_row(role, Text(outlet_summary(ref)), Text(evidence + more))
    parts: list[RenderableType] = [head, table] if table.row_count else [head]
    parts += [Text(line) for line in _extra_lines(result)]
    parts.append(Text(f"Confidence: {VERDICT_CONFIDENCE.lower()}.", style="dim"))
    return Group(*parts)


def markdown(result: ProvenanceResult, article: Article) -> str:
    lines = [
        f"**Verdict:** {verdict(result.verdict)} (confidence {result.confidence:.2f}) — {result.explanation}",
        "",
    ]
    involved = _involved(result)
    if involved:
        lines += ["| Role | Outlet | Evidence |", "| --- | --- | --- |"]
    for role, ref in involved:
        evidence = "<br>".join(
            f"{e.kind}: “{e.quote[:80].replace('|', '/')}” ({e.where})" for e in evidence_lines(ref.evidence, article)
        )
        lines.append(f"| {role} | {outlet_summary(ref).replace('|', '/')} | {evidence} |")
    extra = _extra_lines(result)
    legend = ["", f"*Confidence: {VERDICT_CONFIDENCE.lower()}.*"]
    return "\n".join(lines + ([""] + extra if extra else []) + legend)
