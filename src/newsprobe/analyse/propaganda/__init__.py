"""Propaganda techniques: spans that use one of the 14 SemEval-2020 techniques, with a confidence.

`load_model(profile, context)` gives the span and technique model alone (the SemEval contract in
`newsprobe.eval` uses it); `TECHNIQUE_NAMES` are the 14 labels in the model's order.
"""

from .analyser import PropagandaAnalyser, PropagandaResult, PropagandaSpan, TechniqueScore
from .model import accurate_available, load_model
from .techniques import TECHNIQUE_NAMES

__all__ = [
    "TECHNIQUE_NAMES",
    "PropagandaAnalyser",
    "PropagandaResult",
    "PropagandaSpan",
    "TechniqueScore",
    "accurate_available",
    "load_model",
]
