"""Quotes and speakers: who said what — direct and indirect speech, cues, resolved speakers with roles.

`find_quotes(text)` gives the quoted regions of a text and `SPEECH_VERBS` the reporting verbs the
rules read (the benchmark's direct-quote baseline uses both).
"""

from .analyser import (
    Attribution,
    QuotesAnalyser,
    QuotesConfig,
    QuoteSpan,
    QuotesResult,
    Speaker,
    SpeakerEvidence,
    SpeakerQuotes,
)
from .cues import SPEECH_VERBS
from .marks import find_quotes

__all__ = [
    "SPEECH_VERBS",
    "Attribution",
    "QuoteSpan",
    "QuotesAnalyser",
    "QuotesConfig",
    "QuotesResult",
    "Speaker",
    "SpeakerEvidence",
    "SpeakerQuotes",
    "find_quotes",
]
