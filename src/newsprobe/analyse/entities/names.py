"""Name vocabularies for grouping entity mentions."""

from __future__ import annotations

# Words that precede a person's name as a title and are not part of the name.
TITLE_WORDS = frozenset(
    """fm foreign minister ministers deputy prime president vice secretary general gen. gen lt. col. maj. capt.
    dr. dr mr. mr mrs. mrs ms. ms sen. sen rep. rep gov. gov chancellor ambassador spokesman spokeswoman
    spokesperson senator representative governor mayor king queen prince princess pope sheikh chairman chairwoman
    chief ceo director minister's official envoy commander judge justice attorney lawmaker mp""".split()
)

# Common alternative names of the same place; keys and values are case-folded.
PLACE_ALIASES = {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "america": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "russian federation": "russia",
    "prc": "china",
    "uae": "united arab emirates",
    "eu": "european union",
    "dprk": "north korea",
}
