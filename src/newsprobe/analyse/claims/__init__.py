"""Check-worthy claims: sentences a fact-checker should verify, ranked, with entities, figures and speaker.

`load_scorer(profile)` gives the sentence scorer alone (the CheckThat! contract in `newsprobe.eval` uses it).
"""

from .analyser import Claim, ClaimEntity, ClaimFigure, ClaimsAnalyser, ClaimsConfig, ClaimsResult
from .links import attribution_finder
from .model import load_scorer

__all__ = [
    "Claim",
    "ClaimEntity",
    "ClaimFigure",
    "ClaimsAnalyser",
    "ClaimsConfig",
    "ClaimsResult",
    "attribution_finder",
    "load_scorer",
]
