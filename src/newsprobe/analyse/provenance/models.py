"""The provenance result: verdict, outlets with their evidence, copies in the index."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ...dedup import EditComparison, IndexMatch
from ...document import Span
from ...outlets import OutletEvidence, OutletProfile

__all__ = [
    "ChainLink",
    "CopyMatch",
    "EvidenceKind",
    "LinkSummary",
    "LinkedOutlet",
    "OutletRef",
    "ProvenanceEvidence",
    "ProvenanceResult",
    "Verdict",
]

Verdict = Literal["original", "attributed_republication", "wire_copy", "uncredited_copy", "suspected_laundering"]
EvidenceKind = Literal[
    "republication_notice",
    "source_line",
    "via",
    "copyright",
    "byline",
    "wire_credit",
    "dateline",
    "url",
    "domain",
    "site_name",
    "contact_email",
    "footer_url",
    "canonical_url",
    "og_url",
    "index_match",
    "residue",
    "image_credit",
    "embed",
    "link",
]


class ProvenanceEvidence(BaseModel):
    """One observation, with where it is.

    ``text`` (span), ``removed`` (block + span), ``metadata`` (field) or ``index``.
    """

    kind: EvidenceKind
    where: Literal["text", "removed", "metadata", "index"]
    quote: str = Field(
        description="The line, value or index entry as found; for fingerprints the matched words "
        "(inside one item of a metadata list such as image_credits)."
    )
    name: str | None = Field(None, description="The outlet as written in the evidence.")
    span: Span | None = Field(None, description="Offsets into article.text (where='text').")
    removed_block: int | None = Field(None, description="Index into article.removed (where='removed').")
    removed_span: Span | None = Field(None, description="Offsets inside article.removed[removed_block].text.")
    field: str | None = Field(None, description="Article metadata field (where='metadata').")
    index_source: str | None = Field(None, description="Source id of the index entry (where='index').")
    url: str | None = Field(None, description="The link or embed target (kinds 'link' and 'embed').")
    fingerprint: str | None = Field(
        None, description="Id of the residue fingerprint matched (newsprobe/data/residue_fingerprints.json)."
    )


class OutletRef(BaseModel):
    name: str = Field(description="The outlet's name: as resolved, else as written.")
    domain: str | None = None
    resolved: bool = Field(description="True when the outlet table knows the outlet.")
    is_wire: bool = False
    credited: bool = Field(
        False,
        description="True when the page itself credits this outlet (notice, byline, wire credit, URL); "
        "False when only residue, an image credit or an index copy points at it.",
    )
    profile: OutletProfile | None = None
    evidence: list[ProvenanceEvidence] = Field(default_factory=list)


class LinkedOutlet(OutletRef):
    links: int = Field(description="Links in the body to this outlet.")
    state_affiliated: bool = Field(description="The outlet is state media with editorial control (SC, CaPu, CaPr).")


class LinkSummary(BaseModel):
    """Every link in the body (HTML inputs), normalised and grouped by outlet; evidence items of kind 'link'."""

    total: int = Field(description="Links in the body, self-links included.")
    outlets: list[LinkedOutlet] = Field(default_factory=list, description="Other outlets, most-linked first.")
    self_links: list[ProvenanceEvidence] = Field(default_factory=list, description="Links to the host's own site.")
    state_affiliated_links: int = Field(0, description="Links to state media with editorial control.")


class ChainLink(OutletRef):
    role: Literal["original", "intermediary", "republisher"]


class CopyMatch(IndexMatch):
    order: Literal["earlier", "same_day", "later", "unknown"] = Field(description="Publication order vs this article.")
    credited: bool = Field(description="True when the article credits the copy's outlet.")


class ProvenanceResult(BaseModel):
    verdict: Verdict
    confidence: float = Field(ge=0.0, le=1.0)
    explanation: str
    host: OutletRef | None = None
    origins: list[OutletRef] = Field(default_factory=list, description="Outlets the article credits or copies.")
    chain: list[ChainLink] = Field(default_factory=list, description="Original first, the host last.")
    copies: list[CopyMatch] = Field(default_factory=list, description="Copies at other outlets found in the index.")
    index_checked: bool = False
    laundering_basis: list[OutletEvidence] = Field(
        default_factory=list,
        description="The list entries (state media, Information Laundromat, specious sites) that make the "
        "uncredited origin a laundering source; set when the verdict is suspected_laundering.",
    )
    image_credits: list[OutletRef] = Field(
        default_factory=list, description="Outlets behind image and embed credits (role 'image credit'), never origins."
    )
    links: LinkSummary | None = Field(None, description="Outbound links in the body (HTML inputs only).")
    edits: EditComparison | None = Field(None, description="What this copy changed against the original.")
    edits_note: str | None = Field(
        None, description="Why no comparison with the original was made, when one was asked."
    )
