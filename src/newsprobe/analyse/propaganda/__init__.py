"""Propaganda techniques: spans that use one of the 14 SemEval-2020 techniques, with a confidence.

`load_model(profile, context)` gives the span and technique model alone and `find_candidates` its
scored spans (the SemEval contract in `newsprobe.eval` uses them); `TECHNIQUE_NAMES` are the 14
labels in the model's order, `technique_name` gives a label's readable name; `technique_counts` counts
spans per technique as the views name them, `strongest_spans` picks the summary's most confident spans and
`by_speaker` lists the spans named speakers said (reports rebuilt from a corpus store use all three).
"""

from .analyser import (
    CONFIDENCE_MEANS,
    PropagandaAnalyser,
    PropagandaResult,
    PropagandaSpan,
    TechniqueScore,
    by_speaker,
    strongest_spans,
    technique_counts,
)
from .model import accurate_available, find_candidates, load_model
from .techniques import TECHNIQUE_NAMES, technique_name

__all__ = [
    "CONFIDENCE_MEANS",
    "TECHNIQUE_NAMES",
    "PropagandaAnalyser",
    "PropagandaResult",
    "PropagandaSpan",
    "TechniqueScore",
    "accurate_available",
    "by_speaker",
    "find_candidates",
    "load_model",
    "strongest_spans",
    "technique_counts",
    "technique_name",
]
