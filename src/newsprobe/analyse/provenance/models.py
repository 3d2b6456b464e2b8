"""The provenance result: verdict, outlets with their evidence, copies in the index."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ...dedup import IndexMatch
from ...document import Span
from ...outlets import OutletProfile

__all__ = [
    "ChainLink",
    "CopyMatch",
    "EvidenceKind",
    "OutletRef",
    "ProvenanceEvidence",
    "ProvenanceResult",
    "Verdict",
]

Verdict = Literal["original", "attributed_republication", "wire_copy", "suspected_laundering"]
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
]


class ProvenanceEvidence(BaseModel):
    """One observation, with where it is.

    ``text`` (span), ``removed`` (block + span), ``metadata`` (field) or ``index``.
    """

    kind: EvidenceKind
    where: Literal["text", "removed", "metadata", "index"]
    quote: str = Field(description="The line, value or index entry as found.")
    name: str | None = Field(None, description="The outlet as written in the evidence.")
    span: Span | None = Field(None, description="Offsets into article.text (where='text').")
    removed_block: int | None = Field(None, description="Index into article.removed (where='removed').")
    removed_span: Span | None = Field(None, description="Offsets inside article.removed[removed_block].text.")
    field: str | None = Field(None, description="Article metadata field (where='metadata').")
    index_source: str | None = Field(None, description="Source id of the index entry (where='index').")


class OutletRef(BaseModel):
    name: str = Field(description="The outlet's name: as resolved, else as written.")
    domain: str | None = None
    resolved: bool = Field(description="True when the outlet table knows the outlet.")
    is_wire: bool = False
    profile: OutletProfile | None = None
    evidence: list[ProvenanceEvidence] = Field(default_factory=list)


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
