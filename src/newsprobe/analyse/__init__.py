"""Analysers: one module per analyser, all registered in `base.registry`."""

from . import (entities, provenance, quotes, claims)  # noqa: F401  (registers built-ins)
from .base import Analyser, AnalyserFailure, AnalysisContext, Profile, register, registry

__all__ = ["Analyser", "AnalyserFailure", "AnalysisContext", "Profile", "register", "registry"]
