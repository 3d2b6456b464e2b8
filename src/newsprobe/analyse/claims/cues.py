"""Word lists behind the lexical check-worthiness features (data, not logic)."""

from __future__ import annotations

# Words that usually come with a measurable, checkable statement.
QUANTITY_WORDS = frozenset(
    {
        "percent", "percentage", "million", "millions", "billion", "billions", "trillion", "thousand",
        "thousands", "hundred", "hundreds", "dollars", "dollar", "half", "double", "doubled", "tripled",
        "twice", "times", "rate", "average", "majority", "increase", "increased", "decrease", "decreased",
        "cut", "cuts", "rose", "fell", "grew", "lowest", "highest", "record", "more", "fewer", "less",
        "number", "deficit", "debt", "tax", "taxes", "jobs", "unemployment", "budget",
    }
)

# First-person opinion, intention and hedging: rarely worth a fact-check on their own.
OPINION_WORDS = frozenset(
    {
        "think", "believe", "feel", "hope", "want", "wish", "guess", "maybe", "perhaps", "should",
        "must", "will", "going", "let", "thank", "thanks", "please", "agree", "disagree", "love",
        "great", "wonderful", "terrible", "good", "bad",
    }
)

MONTHS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    }
)

FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're", "we've", "us", "our"})
