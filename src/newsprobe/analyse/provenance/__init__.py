"""Provenance: who published this article, whose story it is, and through whom it travelled."""

from .analyser import ProvenanceAnalyser, ProvenanceConfig
from .models import (
    ChainLink,
    CopyMatch,
    LinkedOutlet,
    LinkSummary,
    OutletRef,
    ProvenanceEvidence,
    ProvenanceResult,
)

__all__ = [
    "ChainLink",
    "CopyMatch",
    "LinkedOutlet",
    "LinkSummary",
    "OutletRef",
    "ProvenanceAnalyser",
    "ProvenanceConfig",
    "ProvenanceEvidence",
    "ProvenanceResult",
]
