"""Word lists and patterns the span clean-up reads (data, apart from the logic in `tidy.py`)."""

from __future__ import annotations

import re

__all__ = [
    "CONTENTLESS_WORDS",
    "LONE_EMPTY_WORDS",
    "NO_SPAN_END_WORDS",
    "QUOTED",
    "QUOTE_MARKS",
    "SO_CALLED",
    "SO_CALLED_PRECISION",
    "SPAN_EDGE_PUNCTUATION",
    "WORD_JOINERS",
]

# Closed-class English words: a span made of these alone ("in a", "it is that") carries no technique
# ("it’s" with the typographic apostrophe of most news pages, too).
_FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet for of in on at to from by with without within about as into onto upon over
    under after before since until while than then that this these those there here it its it's it’s is are was
    were be been being am do does did done have has had having i me my we us our you your he him his she her
    they them their what which who whom whose when where why how not no if else just only also very too can
    could may might must shall should will would because although though whether unless
    """.split()
)
# News attribution ("in a statement", "he said"): reporting, not persuasion.
_ATTRIBUTION_WORDS = frozenset("according said says say saying statement statements told tells added".split())
CONTENTLESS_WORDS = _FUNCTION_WORDS | _ATTRIBUTION_WORDS


def _contractions() -> frozenset[str]:
    pronouns = "i you we they he she it that there who what".split()
    auxiliaries = "do does did is are was were have has had ca wo would could should".split()
    joined = {
        f"{p}{apostrophe}{end}" for p in pronouns for end in ("m", "re", "s", "ve", "ll", "d") for apostrophe in "'’"
    }
    negated = {f"{a}n{apostrophe}t" for a in auxiliaries for apostrophe in "'’"}
    return frozenset(joined | negated)


# A span of one of these words alone is no technique ("I’m", "we’re", "again", "got"): none of the 6,128 PTC
# training spans is one of them by itself. Kept apart from CONTENTLESS_WORDS, a feature of the fitted
# confidence model.
LONE_EMPTY_WORDS = _contractions() | frozenset("again got get gets getting still even ever".split())

# Gold spans end on a function word 12 times in 6,128 (always "that"): a span does not end on these.
NO_SPAN_END_WORDS = _FUNCTION_WORDS - {"that"}

# A quoted passage on one line, marks included: “…”, "…", ‘…’ and '…' (a mark inside a word is an
# apostrophe), «…». A second opening mark before the closing one starts the passage over (the first was
# never closed), which also keeps the scan linear on hostile input.
QUOTED = re.compile(
    r"“[^“”\n]*”|\"[^\"\n]*\"|(?<!\w)‘(?:[^‘’\n]|’(?=\w))*’(?!\w)|(?<!\w)'(?:[^'\n]|'(?=\w))*'(?!\w)|«[^«»\n]*»"
)

# "so-called X": the writer labels X while disowning its name. X is a quoted term, a capitalised name
# (with a bracketed part, as in "Al-Nusra [Front]") or the next one or two words.
_NAME = r"[A-Z][\w’'-]*(?:\s+(?:\[[^\]\n]{1,30}\]|[A-Z][\w’'-]*))*"
# Its spans' mean SemEval precision credit over the 371 PTC training articles (28 found; annotators
# marked few of them): the confidence a "so-called" label gets (training/propaganda/calibrate.py prints it).
SO_CALLED_PRECISION = 0.196
SO_CALLED = re.compile(rf"\b[Ss]o[- ]called\s+(?:[“\"‘'][^”\"’'\n]{{1,60}}[”\"’']|{_NAME}|\w+(?:[ -]\w+)?)")

QUOTE_MARKS = '"“”‘’«»'

# Inside a word between letters: "Al-Nusra", "Coalition's", "Assad’s".
WORD_JOINERS = "-'’"

# Gold spans never start or end on whitespace or on these.
SPAN_EDGE_PUNCTUATION = ".,:;-–—"
