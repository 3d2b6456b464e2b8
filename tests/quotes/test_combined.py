"""The best profile's quote tags: the CRF's marginals averaged with the shared encoder's probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from newsprobe.analyse.mpnet import Computed, MultitaskEncoding
from newsprobe.analyse.mpnet.tags import QUOTE_TAGS
from newsprobe.analyse.nlp import SharedNLP
from newsprobe.analyse.quotes.analyser import (
    drop_earlier_sentences,
    refine_with_rules,
    repair_sources,
    with_missed_sayings,
)
from newsprobe.analyse.quotes.encoder_tags import combined_attributions, token_probabilities
from newsprobe.analyse.quotes.marks import find_quotes
from newsprobe.analyse.quotes.rules import RawAttribution, find_attributions, is_plain_saying

TEXT = "Smith said that taxes would rise.\n\nJones denied it."
GOLD = ["B-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "O"]  # the first sentence's tokens


@pytest.fixture(scope="module")
def doc():
    return SharedNLP().doc(TEXT)


def one_hot(labels: list[str]) -> np.ndarray:
    return np.eye(len(QUOTE_TAGS))[[QUOTE_TAGS.index(label) for label in labels]]


def wordpieces(doc) -> tuple[list[tuple[int, int]], list[str]]:
    """Two pieces per word of two or more characters (as a subword tokenizer would cut it), none for spaces; and
    each piece's label when the tokens carry GOLD (B- on a word's first piece only)."""
    pieces, labels = [], []
    for token in doc:
        if token.is_space:
            continue
        label = GOLD[token.i] if token.i < len(GOLD) else "O"
        half = token.idx + len(token) // 2
        if half > token.idx:
            pieces += [(token.idx, half), (half, token.idx + len(token))]
            labels += [label, label.replace("B-", "I-")]
        else:
            pieces.append((token.idx, token.idx + len(token)))
            labels.append(label)
    return pieces, labels


def encoding_from(offsets: list[tuple[int, int]], log_probabilities: np.ndarray) -> MultitaskEncoding:
    return MultitaskEncoding(
        offsets, np.zeros((len(offsets), 0)), np.zeros((len(offsets), 3)), Computed(log_probabilities)
    )


def test_each_token_takes_its_first_wordpiece_and_spaces_take_none(doc) -> None:
    offsets, _ = wordpieces(doc)
    scores = np.log(np.full((len(offsets), len(QUOTE_TAGS)), 0.01))
    for k in range(len(offsets)):
        scores[k, k % len(QUOTE_TAGS)] = 0.0  # a different winner on each piece
    probabilities = token_probabilities(doc, encoding_from(offsets, scores))
    for token in doc:
        if token.is_space:
            assert np.isnan(probabilities[token.i]).all()
        else:
            first = offsets.index(next(o for o in offsets if o[0] == token.idx))
            assert probabilities[token.i].argmax() == first % len(QUOTE_TAGS)
            assert probabilities[token.i].sum() == pytest.approx(1.0)


def test_a_sure_encoder_outweighs_an_unsure_crf(doc) -> None:
    offsets, labels = wordpieces(doc)
    encoder = encoding_from(offsets, np.log(one_hot(labels) * 0.98 + 0.02 / len(QUOTE_TAGS)))
    unsure = np.full((len(doc), len(QUOTE_TAGS)), 1.0 / len(QUOTE_TAGS))
    (found,) = combined_attributions(doc, encoder, unsure)
    assert (found.source, found.cue, found.content) == ((0, 5), [(6, 10)], [(11, 32)])


def test_a_sure_crf_outweighs_an_unsure_encoder(doc) -> None:
    offsets, _ = wordpieces(doc)
    unsure = encoding_from(offsets, np.log(np.full((len(offsets), len(QUOTE_TAGS)), 1.0 / len(QUOTE_TAGS))))
    crf = one_hot(GOLD + ["O"] * (len(doc) - len(GOLD))) * 0.98 + 0.02 / len(QUOTE_TAGS)
    (found,) = combined_attributions(doc, unsure, crf)
    assert (found.source, found.cue, found.content) == ((0, 5), [(6, 10)], [(11, 32)])


def test_the_encoder_weight_decides_between_sure_taggers_that_disagree(doc) -> None:
    offsets, labels = wordpieces(doc)
    encoder = encoding_from(offsets, np.log(one_hot(labels) * 0.9 + 0.1 / len(QUOTE_TAGS)))
    crf_sees_nothing = one_hot(["O"] * len(doc)) * 0.9 + 0.1 / len(QUOTE_TAGS)
    assert combined_attributions(doc, encoder, crf_sees_nothing, encoder_weight=0.8)
    assert not combined_attributions(doc, encoder, crf_sees_nothing, encoder_weight=0.2)


def test_the_outlet_a_quote_came_through_is_not_its_speaker() -> None:
    text = 'Richardson, via USA Today, said that Rudolph "can\'t antagonize a fight."'
    doc = SharedNLP().doc(text)
    cue, content, outlet = text.index("said"), text.index("that"), text.index("USA Today")
    tagged = RawAttribution(cue=[(cue, cue + 4)], content=[(content, len(text))], source=(outlet, outlet + 9))
    (repaired,) = repair_sources(doc, [tagged], find_quotes(text))
    assert repaired.source is not None
    assert text[repaired.source[0] : repaired.source[1]].startswith("Richardson")  # the subject of "said"


def _attribution(text: str, cue: str, *contents: str) -> RawAttribution:
    spans = [(text.index(content), text.index(content) + len(content)) for content in contents]
    return RawAttribution(cue=[(text.index(cue), text.index(cue) + len(cue))], content=spans)


def test_unquoted_content_from_the_sentence_before_the_cue_is_the_writers() -> None:
    text = "Garrett responded by hitting Rudolph. His supporters have stated that he had no choice but to act."
    doc = SharedNLP().doc(text)
    [stated] = drop_earlier_sentences(doc, [_attribution(text, "stated", "Garrett responded", "that he had no choice")])
    assert [text[start:end] for start, end in stated.content] == ["that he had no choice"]
    # only content tagged at the cue makes the sentence before the writer's
    [alone] = drop_earlier_sentences(doc, [_attribution(text, "stated", "Garrett responded")])
    assert [text[start:end] for start, end in alone.content] == ["Garrett responded"]


def test_quoted_words_before_the_cue_stay_content() -> None:
    text = "“We will win,” Smith told the fans. He also said that the team was ready."
    doc = SharedNLP().doc(text)
    [said] = drop_earlier_sentences(doc, [_attribution(text, "said", "“We will win,”", "that the team was ready")])
    assert len(said.content) == 2


TITAN = (
    "Rainfall occurs everywhere on Titan, but the equatorial regions are drier than the poles, said study co-author "
    "Anezina Solomonidou, a European Space Agency research fellow."
)


def test_a_plain_saying_nothing_tagged_touches_is_added_from_the_rules() -> None:
    doc = SharedNLP().doc(TITAN + " Plains dominate the mid-latitudes.")
    rules = find_attributions(doc, find_quotes(doc.text))
    assert [att for att in rules if is_plain_saying(doc, att)]
    missed = with_missed_sayings(doc, [], rules)
    assert [doc.text[c[0] : c[1]] for c in missed[0].cue] == ["said"]
    # one tagged attribution that touches it keeps the rules out
    tagged = [_attribution(doc.text, "said", "Rainfall occurs everywhere on Titan")]
    assert with_missed_sayings(doc, tagged, rules) == tagged


def _with_source(text: str, source: str, cue: str, content: str) -> RawAttribution:
    att = _attribution(text, cue, content)
    att.source = (text.index(source), text.index(source) + len(source))
    return att


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "plain"),
    [
        ("He noted that crops are withering.", "He", "noted", "that crops are withering", True),
        ("His group called it the Legacy Fund.", "His group", "called", "it the Legacy Fund", False),  # no clause
        ("Officers found that she was hiding.", "Officers", "found", "that she was hiding", False),  # no saying
        # a verb annotators mark as a cue less than half the times they see it
        ("The senator believes that taxes will rise.", "The senator", "believes", "that taxes will rise", False),
    ],
)
def test_a_plain_saying_has_a_source_a_usual_reporting_verb_and_a_clause(
    text: str, source: str, cue: str, content: str, plain: bool
) -> None:
    doc = SharedNLP().doc(text)
    assert is_plain_saying(doc, _with_source(text, source, cue, content)) is plain
    assert not is_plain_saying(doc, _attribution(text, cue, content))  # no source


def test_a_content_the_donated_source_opens_loses_it() -> None:
    text = "According to the Jordanian government, as of 2016, the country had admitted 1.4 million refugees."
    source = (text.index("the Jordanian"), text.index(", as of"))
    rule = _with_source(text, "the Jordanian government", "According to", "as of 2016, the country had admitted")
    tagged = _attribution(text, "According to", text[source[0] :])  # the source tagged as content
    (refined,) = refine_with_rules(text, [tagged], [rule])
    assert refined.source == source
    assert text[refined.content[0][0] : refined.content[0][1]].startswith("as of 2016")


def test_a_source_that_is_only_a_determiner_takes_the_rules_source() -> None:
    text = "According to the Jordanian government, as of 2016, the country had admitted 1.4 million refugees."
    rule = _with_source(text, "the Jordanian government", "According to", "as of 2016, the country had admitted")
    tagged = _with_source(text, "the", "According", "the country had admitted")  # the tags cut the source short
    (refined,) = refine_with_rules(text, [tagged], [rule])
    assert text[slice(*refined.source)] == "the Jordanian government"


def test_a_source_that_is_only_a_determiner_is_none_when_no_rule_lends_one() -> None:
    text = "According to the Jordanian government, as of 2016, the country had admitted 1.4 million refugees."
    tagged = _with_source(text, "the", "According", "the country had admitted")
    (refined,) = refine_with_rules(text, [tagged], [])
    assert refined.source is None
