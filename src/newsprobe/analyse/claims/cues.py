"""Word lists behind the lexical check-worthiness features (data, not logic)."""

from __future__ import annotations

# Words that usually come with a measurable, checkable statement.
QUANTITY_WORDS = frozenset(
    {
        "percent",
        "percentage",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "thousand",
        "thousands",
        "hundred",
        "hundreds",
        "dollars",
        "dollar",
        "half",
        "double",
        "doubled",
        "tripled",
        "twice",
        "times",
        "rate",
        "average",
        "majority",
        "increase",
        "increased",
        "decrease",
        "decreased",
        "cut",
        "cuts",
        "rose",
        "fell",
        "grew",
        "lowest",
        "highest",
        "record",
        "more",
        "fewer",
        "less",
        "number",
        "deficit",
        "debt",
        "tax",
        "taxes",
        "jobs",
        "unemployment",
        "budget",
    }
)

# First-person opinion, intention and hedging: rarely worth a fact-check on their own.
OPINION_WORDS = frozenset(
    {
        "think",
        "believe",
        "feel",
        "hope",
        "want",
        "wish",
        "guess",
        "maybe",
        "perhaps",
        "should",
        "must",
        "will",
        "going",
        "let",
        "thank",
        "thanks",
        "please",
        "agree",
        "disagree",
        "love",
        "great",
        "wonderful",
        "terrible",
        "good",
        "bad",
    }
)

MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)

# A figure written in words has one of these ('five', 'tens of thousands', 'about half'): 'up to' or 'less than a'
# tagged a number has none.
NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
    thousands million millions billion billions trillion trillions dozen dozens half quarter quarters
    both couple few several many first second third fourth fifth sixth seventh eighth ninth tenth""".split()
)
# A date or time written in words can be checked when it names a day or is anchored to one or measured ('Friday',
# 'last week', 'two years ago', 'less than a week'); 'the day', 'overnight', 'seasonal' or 'hours' are not.
TIME_ANCHORS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight midnight noon this
    last next ago past previous recent recently early earlier late later mid end beginning start same less more
    than barely nearly almost about over under within every each""".split()
)

FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're", "we've", "us", "our"})

# Claim types (after Konstantinovskiy et al. 2021, Full Fact's schema): words that mark a claim of
# cause, of law or rule, a prediction, a comparison or superlative, and a reported statement.
CAUSE_WORDS = frozenset(
    "because caused causes causing cause due result results resulted consequence therefore led leads".split()
)
LAW_WORDS = frozenset(
    (
        "law laws bill bills act legislation legal illegal illegally ban banned regulation regulations court courts "
        "ruled ruling constitution constitutional treaty signed vetoed veto passed voted vote votes unconstitutional"
    ).split()
)
PREDICTION_WORDS = frozenset("will would going plan plans planned expect expects expected forecast predicted".split())
COMPARISON_WORDS = frozenset(
    (
        "than most least highest lowest largest biggest smallest fastest worst best first only never ever "
        "record times twice"
    ).split()
)
REPORTING_WORDS = frozenset(
    "said says according reported reports told claimed claims announced stated confirmed denied admitted".split()
)

# Stock phrases of news writing: true, but never worth a fact-check ("did not immediately respond").
STOCK_PHRASES = (
    r"\bdid(?: not|n['’]t) (?:immediately )?(?:respond|reply|return|provide|comment)\b",
    r"\b(?:could|can) ?not be reached for comment\b",
    r"\bdeclined to comment\b",
    r"\b(?:a )?request(?:s)? for comment\b",
    r"\bno (?:further|other|more) details? (?:were|was) (?:immediately )?(?:available|released|provided)\b",
    r"\bthis (?:is a|story is) developing\b|\bdeveloping story\b",
    r"\bcontributed to this (?:report|story|article)\b",
)
