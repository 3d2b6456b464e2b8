"""The 14 SemEval-2020 Task 11 techniques: exact label strings, short names, definitions, colours; and UNCLEAR,
what the views show instead of a technique the classifier is unsure of.

Definitions are paraphrased from Da San Martino et al. (EMNLP 2019; SemEval 2020 Task 11).
Examples are short made-up phrases in the style of the guidelines, not corpus text.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "TECHNIQUES",
    "TECHNIQUE_NAMES",
    "UNCLEAR",
    "UNCLEAR_BELOW",
    "Technique",
    "technique",
    "technique_index",
    "technique_name",
]


@dataclass(frozen=True)
class Technique:
    label: str
    name: str
    colour: str
    definition: str
    example: str


TECHNIQUES: tuple[Technique, ...] = (
    Technique(
        "Loaded_Language",
        "Loaded language",
        "#f4a6a6",
        "Words or phrases with strong emotional implications, used to influence the reader.",
        "a barbaric, monstrous regime",
    ),
    Technique(
        "Name_Calling,Labeling",
        "Name calling / labeling",
        "#f7c07a",
        "Labelling the object of the propaganda as something the audience fears, hates or loves.",
        "these so-called 'moderate rebels'",
    ),
    Technique(
        "Repetition",
        "Repetition",
        "#f3e37c",
        "Repeating the same message over and over so that the audience accepts it.",
        "a lie, a lie, and again a lie",
    ),
    Technique(
        "Doubt",
        "Doubt",
        "#b9e38f",
        "Questioning the credibility of someone or something.",
        "Can we really trust what the ministry says?",
    ),
    Technique(
        "Exaggeration,Minimisation",
        "Exaggeration / minimisation",
        "#8fd9c4",
        "Representing something as better or worse than it is, or downplaying it.",
        "the worst crisis in human history",
    ),
    Technique(
        "Appeal_to_fear-prejudice",
        "Appeal to fear / prejudice",
        "#8fc3f0",
        "Building support for an idea by instilling anxiety or panic about the alternative.",
        "if we do nothing, our cities will burn",
    ),
    Technique(
        "Flag-Waving",
        "Flag-waving",
        "#a9a9f5",
        "Playing on strong national or group feeling to justify an action or idea.",
        "every true patriot knows what must be done",
    ),
    Technique(
        "Causal_Oversimplification",
        "Causal oversimplification",
        "#d6a6f0",
        "Assuming one cause when there are many behind an issue.",
        "crime rose because of the new mayor",
    ),
    Technique(
        "Appeal_to_Authority",
        "Appeal to authority",
        "#f0a6d6",
        "Stating that a claim is true because an authority says so, without other evidence.",
        "experts agree this is the only option",
    ),
    Technique(
        "Slogans",
        "Slogans",
        "#c9b38f",
        "A brief, striking phrase that may include labelling and stereotyping.",
        "Make our nation great again!",
    ),
    Technique(
        "Black-and-White_Fallacy",
        "Black-and-white fallacy",
        "#b0b0b0",
        "Presenting two alternatives as the only ones possible.",
        "you are either with us or against us",
    ),
    Technique(
        "Whataboutism,Straw_Men,Red_Herring",
        "Whataboutism / straw man / red herring",
        "#9fd0d0",
        "Discrediting a position by charging hypocrisy, misrepresenting it, or changing the subject.",
        "but what about their own wars?",
    ),
    Technique(
        "Thought-terminating_Cliches",
        "Thought-terminating cliché",
        "#e0c0a0",
        "Short, generic phrases that discourage critical thought.",
        "it is what it is",
    ),
    Technique(
        "Bandwagon,Reductio_ad_hitlerum",
        "Bandwagon / reductio ad Hitlerum",
        "#c0d890",
        "Persuading by saying everyone does it, or rejecting an idea because a hated group holds it.",
        "everybody already supports the plan",
    ),
)

# Below this probability of the technique(s) it would show, a highlight names none. On the own PTC validation split,
# of the highlights that overlap an annotated span, the technique(s) shown were right for 9 of 26 below 0.4
# (accurate) and 37 of 100 (best), against 27 of 52 and 43 of 75 from 0.4 to 0.6 and 0.65 and 0.79 above
# (2026-12-04; the technique classifiers' probabilities read high).
UNCLEAR_BELOW = 0.4
UNCLEAR = Technique(
    "unclear",
    "Unclear technique",
    "#cfd4da",
    f"Worded like propaganda, but which technique is unclear: the most likely one is under {UNCLEAR_BELOW}, and such "
    "guesses were right for about 1 in 3 annotated spans.",
    "",
)

TECHNIQUE_NAMES: tuple[str, ...] = tuple(t.label for t in TECHNIQUES)
_BY_LABEL = {t.label: t for t in (*TECHNIQUES, UNCLEAR)}


def technique_index(label: str) -> int:
    return TECHNIQUE_NAMES.index(label)


def technique(label: str) -> Technique:
    return _BY_LABEL[label]


def technique_name(label: str) -> str:
    """The readable name of a SemEval label ("Loaded_Language" -> "Loaded language"); unknown labels
    are spelled out from the id."""
    known = _BY_LABEL.get(label)
    return known.name if known else label.replace("_", " ").replace(",", " / ").capitalize()
