"""Analysers: one module per analyser, all registered in `base.registry` (this order is the report's)."""

from . import entities  # noqa: F401, I001  (registers the built-ins)
from . import provenance  # noqa: F401
from . import quotes  # noqa: F401
from . import claims  # noqa: F401
from . import propaganda  # noqa: F401
from .base import Analyser, AnalyserFailure, AnalysisContext, Profile, register, registry

__all__ = ["Analyser", "AnalyserFailure", "AnalysisContext", "Profile", "register", "registry"]
