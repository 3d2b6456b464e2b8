"""Analysers: one package per analyser, registered in `base.registry` and loaded on first use.

`base` holds the interface and the registry, `pipeline` runs a list of analysers over one shared
spaCy `Doc` (`nlp`), and `_onnx` is the encoder loader the learned analysers share.
"""

from .base import Analyser, AnalyserFailure, AnalysisContext, Profile, register, registry

__all__ = ["Analyser", "AnalyserFailure", "AnalysisContext", "Profile", "register", "registry"]
