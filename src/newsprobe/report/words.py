"""Plain words for internal ids, shared by every view (HTML, web page, terminal, Markdown)."""

from __future__ import annotations

from functools import partial

__all__ = [
    "ARTICLE_VOICE",
    "ENTITY_TYPES",
    "QUOTE_METHODS",
    "QUOTE_STYLES",
    "SPEAKER_METHODS",
    "SPEAKERS_NOT_READ",
    "entity_type",
    "quote_method",
    "quote_style",
    "speaker_method",
    "unattributed",
]

#: Who speaks in words no attribution gives to anyone: the article's own narration (claims' "said by",
#: propaganda's "who").
ARTICLE_VOICE = "the article"
#: What stands for the speaker when the quotes analyser did not run.
SPEAKERS_NOT_READ = "not known (quotes not analysed)"


def unattributed(speakers_read: bool) -> str:
    """Who speaks in words no attribution covers: the article, unless nobody read the attributions."""
    return ARTICLE_VOICE if speakers_read else SPEAKERS_NOT_READ


QUOTE_STYLES = {
    "direct": "direct quote",
    "partly_direct": "partly quoted",
    "indirect": "reported speech",
}

#: How the attributions were found.
QUOTE_METHODS = {
    "rules": "rules over the parse",
    "tagger": "a tagger trained on PolNeAR, over the rules",
    "encoder": "the shared encoder's tags",
    "combined": "a tagger trained on PolNeAR and the shared encoder's tags, averaged, over the rules",
}

#: How a speaker was found.
SPEAKER_METHODS = {
    "named": "named",
    "pronoun": "from the pronoun",
    "role": "from the role",
    "byline": "from the byline",
    "earlier_mention": "named earlier",
    "unresolved": "speaker unresolved",
}

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


def _in_words(words: dict[str, str], name: str | None) -> str:
    """`name`'s words in `words`; unknown ids come back with underscores as spaces."""
    if not name:
        return ""
    return words.get(name, name.replace("_", " "))


quote_style = partial(_in_words, QUOTE_STYLES)  # 'partly_direct' -> 'partly quoted'
quote_method = partial(_in_words, QUOTE_METHODS)  # 'tagger' -> 'a tagger trained on PolNeAR, over the rules'
speaker_method = partial(_in_words, SPEAKER_METHODS)  # 'role' -> 'from the role'
entity_type = partial(_in_words, ENTITY_TYPES)  # 'GPE' -> 'country, city or state'
