"""Plain words for internal ids, shared by every view (HTML, web page, terminal, Markdown)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analyse.base import AnalyserFailure
    from ..document import SiteFingerprint

__all__ = [
    "ARTICLE_VOICE",
    "CLAIM_MODELS",
    "ENTITY_TYPES",
    "EVIDENCE_KINDS",
    "FINGERPRINT_KINDS",
    "METADATA_FIELDS",
    "NO_ENTITIES",
    "NO_QUOTES",
    "SHARED_NAME",
    "VERDICTS",
    "VERDICT_CONFIDENCE",
    "QUOTE_METHODS",
    "QUOTE_STYLES",
    "PROPAGANDA_MODELS",
    "SPEAKER_CONFIDENCE",
    "SPEAKER_METHODS",
    "SPEAKERS_NOT_READ",
    "analyser_description",
    "analyser_title",
    "claims_model",
    "entity_type",
    "evidence_kind",
    "failure_line",
    "metadata_field",
    "propaganda_model",
    "quote_method",
    "quote_style",
    "site_fingerprint",
    "speaker_method",
    "unattributed",
    "verdict",
]

#: Who speaks in words no attribution gives to anyone: the article's own narration (claims' "said by",
#: propaganda's "who").
ARTICLE_VOICE = "the article"
#: What stands for the speaker when the quotes analyser did not run.
SPEAKERS_NOT_READ = "not known (quotes not analysed)"


#: What every view says where an analysis found nothing (the terminal, Markdown and HTML say it alike).
NO_ENTITIES = "No named people, organisations or places found."
NO_QUOTES = "No quotes or attributed statements found."
#: What the outlet views say of a name several listed outlets share, before their domains.
SHARED_NAME = "a name several papers share, so none is taken; the data sets give it to"


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

#: What a speaker's confidence measures (the quotes views' legend and the HTML tooltip).
SPEAKER_CONFIDENCE = "the share of speakers found this way that were right on newsprobe's hand-checked pages"

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


#: The check-worthiness scorers.
CLAIM_MODELS = {
    "lexical": "word and phrase cues (fast profile)",
    "minilm+lexical": "a fine-tuned small encoder (MiniLM) with word and phrase cues",
    "mpnet+minilm+lexical": "a larger encoder (MPNet) with the fine-tuned small encoder and word and phrase cues",
}

#: The propaganda models, by the profile their name starts with ("accurate: fine-tuned MiniLM-L6 …").
PROPAGANDA_MODELS = {
    "fast": "small taggers over word vectors (fast profile)",
    "accurate": "a fine-tuned small encoder (MiniLM) averaged with the fast profile's tagger",
    "best": "a fine-tuned larger encoder (MPNet) averaged with the accurate profile's model",
}

#: Provenance verdicts.
VERDICTS = {
    "original": "original",
    "attributed_republication": "republished with credit",
    "wire_copy": "wire copy",
    "uncredited_copy": "uncredited copy",
    "suspected_laundering": "suspected laundering",
}

#: What the verdict's confidence measures (every view says it the same way).
VERDICT_CONFIDENCE = "How sure newsprobe is of this verdict (0–1), from the kind and number of signals behind it"

#: What a piece of provenance evidence is.
EVIDENCE_KINDS = {
    "republication_notice": "republication notice",
    "source_line": "source line",
    "via": "“via” credit",
    "copyright": "copyright line",
    "byline": "byline",
    "wire_credit": "wire credit",
    "dateline": "dateline",
    "url": "page address",
    "domain": "domain",
    "site_name": "site name",
    "contact_email": "contact e-mail",
    "footer_url": "link in the footer",
    "canonical_url": "canonical link",
    "og_url": "link for sharing (og:url)",
    "index_match": "earlier copy in the index",
    "residue": "format an outlet's copies keep",
    "image_credit": "image credit",
    "embed": "embedded post",
    "link": "link",
}

#: Article metadata fields, as a reader would name them.
METADATA_FIELDS = {
    "url": "the page address",
    "domain": "the page's domain",
    "site_name": "the page's site name",
    "contact_emails": "a contact e-mail on the page",
    "footer_urls": "a link in the page's footer",
    "canonical_url": "the page's canonical link",
    "og_url": "the page's link for sharing",
    "byline": "the byline",
    "authors": "the authors",
    "credits": "the byline's credits",
    "image_credits": "an image credit",
    "embeds": "an embedded post",
}

#: Site fingerprint kinds, as what the value identifies.
FINGERPRINT_KINDS = {
    "Google Analytics": "Google Analytics account",
    "Google Tag Manager": "Google Tag Manager container",
    "AdSense publisher": "AdSense publisher account",
    "Yandex Metrica": "Yandex Metrica counter",
    "Facebook pixel": "Facebook pixel",
    "generator": "made with",
    "theme": "site theme",
    "page template": "page template",
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
verdict = partial(_in_words, VERDICTS)  # 'attributed_republication' -> 'republished with credit'
evidence_kind = partial(_in_words, EVIDENCE_KINDS)  # 'og_url' -> 'link for sharing (og:url)'
metadata_field = partial(_in_words, METADATA_FIELDS)  # 'footer_urls' -> 'a link in the page's footer'
claims_model = partial(_in_words, CLAIM_MODELS)  # 'minilm+lexical' -> 'a fine-tuned small encoder …'


def analyser_title(name: str) -> str:
    """'claims' -> 'Check-worthy claims': the analyser's own title (an unknown name, from an old store, as itself)."""
    return _analyser_words(name)[0]


def analyser_description(name: str) -> str:
    """What the analyser reports, in one sentence ('' for an unknown name)."""
    return _analyser_words(name)[1]


def failure_line(failure: AnalyserFailure) -> str:
    """'Check-worthy claims failed: <error>' (the analyser as the report titles it)."""
    return f"{analyser_title(failure.analyser)} failed: {failure.error}"


def _analyser_words(name: str) -> tuple[str, str]:
    from ..analyse import registry
    from ..errors import UnknownAnalyserError

    try:
        analyser = registry.get(name)
    except UnknownAnalyserError:
        return name.title(), ""
    return analyser.display_title(), analyser.description


def site_fingerprint(fingerprint: SiteFingerprint) -> str:
    """'Google Analytics account UA-1234567', 'page template 15a4fe1058f7ce64; shared, so not a link: …'. What it
    was read from (a snippet of the page's code, the layout's blocks) stays in the JSON and the HTML tooltip."""
    note = f"; shared, so not a link: {fingerprint.shared}" if fingerprint.shared else ""
    return f"{_in_words(FINGERPRINT_KINDS, fingerprint.kind)} {fingerprint.value}{note}"


def propaganda_model(name: str) -> str:
    """'accurate: fine-tuned MiniLM-L6 tagger …' -> 'a fine-tuned small encoder (MiniLM) averaged with …'."""
    return PROPAGANDA_MODELS.get(name.split(":", 1)[0], name)
