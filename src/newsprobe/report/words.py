"""Plain words for internal ids, shared by every view (HTML, web page, terminal, Markdown)."""

from __future__ import annotations

__all__ = [
    "ARTICLE_VOICE",
    "ENTITY_TYPES",
    "QUOTE_METHODS",
    "QUOTE_STYLES",
    "SPEAKER_METHODS",
    "quote_method",
    "quote_style",
    "entity_type",
    "speaker_method",
]

#: Who speaks in words no attribution gives to anyone: the article's own narration (claims' "said by",
#: propaganda's "who").
ARTICLE_VOICE = "the article"

QUOTE_STYLES = {
    "direct": "direct quote",
    "partly_direct": "partly quoted",
    "indirect": "reported speech",
}


def _in_words(words: dict[str, str], name: str | None) -> str:
    """`name`'s words in `words`; unknown ids come back with underscores as spaces."""
    if not name:
        return ""
    return words.get(name, name.replace("_", " "))


def quote_style(style: str | None) -> str:
    """'partly_direct' -> 'partly quoted'."""
    return _in_words(QUOTE_STYLES, style)


QUOTE_METHODS = {
    "rules": "rules over the parse",
    "tagger": "a tagger trained on PolNeAR, over the rules",
    "encoder": "the shared encoder's tags",
    "combined": "a tagger trained on PolNeAR and the shared encoder's tags, averaged, over the rules",
}


def quote_method(method: str | None) -> str:
    """How the attributions were found, in words ('tagger' -> 'a tagger trained on PolNeAR, over the rules')."""
    return _in_words(QUOTE_METHODS, method)


SPEAKER_METHODS = {
    "named": "named",
    "pronoun": "from the pronoun",
    "role": "from the role",
    "byline": "from the byline",
    "earlier_mention": "named earlier",
    "unresolved": "speaker unresolved",
}


def speaker_method(resolved_by: str | None) -> str:
    """How a speaker was found, in words ('role' -> 'from the role')."""
    return _in_words(SPEAKER_METHODS, resolved_by)


#: spaCy's entity labels (OntoNotes) in words.
ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, city or state",
    "NORP": "nationality or group",
    "LOC": "place",
    "FAC": "building or facility",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "title of a work",
    "LAW": "law or document",
}


def entity_type(label: str | None) -> str:
    """An entity's type in words ('GPE' -> 'country, city or state')."""
    return _in_words(ENTITY_TYPES, label)
