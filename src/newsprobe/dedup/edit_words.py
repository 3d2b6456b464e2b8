"""Word lists the comparison of a copy with its original reads: data, not logic.

Loaded-language words come from ``newsprobe/data/loaded_words.json`` (derived from the PTC training
articles, see ``training/provenance/build_loaded_words.py``). Hedges follow the hedging cues of the
CoNLL-2010 shared task (Farkas et al. 2010) and Hyland (1998), cut to those that soften a factual
claim in news. Attribution cues are the reporting verbs and phrases that tie a statement to a source.
"""

from __future__ import annotations

import re

HEDGES = frozenset(
    {
        "allegedly",
        "alleged",
        "reportedly",
        "apparently",
        "purportedly",
        "supposedly",
        "possibly",
        "perhaps",
        "probably",
        "likely",
        "unlikely",
        "may",
        "might",
        "could",
        "unconfirmed",
        "unverified",
        "suspected",
        "claimed",
        "appears",
        "appeared",
        "seems",
        "seemed",
        "suggests",
        "suggested",
    }
)

ATTRIBUTION_WORDS = frozenset(
    {
        "said",
        "says",
        "told",
        "tells",
        "stated",
        "states",
        "added",
        "noted",
        "explained",
        "argued",
        "insisted",
        "claimed",
        "claims",
        "announced",
        "declared",
        "wrote",
        "writes",
        "reported",
        "reports",
        "according",
        "quoted",
        "cited",
    }
)

# What stands between an opening quote mark and the next quote mark (a quotation when it has at least
# three words). No nested quantifiers: an unclosed quote in a long text must not backtrack.
QUOTED = re.compile(r"[“\"]([^“”\"]*)[”\"]")
WORD = re.compile(r"\w+(?:['’]\w+)*")
