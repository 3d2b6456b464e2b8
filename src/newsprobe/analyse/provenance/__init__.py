"""Provenance: who published this article, whose story it is, and through whom it travelled."""

from .analyser import (
    ChainLink,
    CopyMatch,
    OutletRef,
    ProvenanceAnalyser,
    ProvenanceConfig,
    ProvenanceEvidence,
    ProvenanceResult,
)

__all__ = [
    "ChainLink",
    "CopyMatch",
    "OutletRef",
    "ProvenanceAnalyser",
    "ProvenanceConfig",
    "ProvenanceEvidence",
    "ProvenanceResult",
]
