"""The CRF tagger's label/decode plumbing, and the shipped model on a small text."""

from __future__ import annotations

import numpy as np
import pytest

from newsprobe.analyse.mpnet.tags import QUOTE_TAGS
from newsprobe.analyse.nlp import SharedNLP
from newsprobe.analyse.quotes.marks import find_quotes
from newsprobe.analyse.quotes.rules import find_attributions
from newsprobe.analyse.quotes.tagger import (
    MAX_CUE_GAP,
    MODEL_PATH,
    QuoteTagger,
    decode,
    doc_features,
    token_labels,
)

TEXT = "Smith said that taxes would rise.\n\nJones denied it."


@pytest.fixture(scope="module")
def doc():
    return SharedNLP().doc(TEXT)


def test_labels_then_decode_round_trip(doc) -> None:
    gold = [{"source": [[0, 5]], "cue": [[6, 10]], "content": [[11, 32]]}]
    labels = token_labels(doc, gold)
    assert labels[:4] == ["B-SRC", "B-CUE", "B-CON", "I-CON"]
    (att,) = decode(doc, labels)
    assert (att.source, att.cue, att.content) == ((0, 5), [(6, 10)], [(11, 32)])


def test_content_joins_a_cue_of_its_own_paragraph_only(doc) -> None:
    labels = ["O"] * len(doc)
    labels[1] = "B-CUE"  # "said" in paragraph 1
    jones = next(t.i for t in doc if t.text == "it")
    labels[jones] = "B-CON"  # content in paragraph 2 has no cue there
    found = decode(doc, labels)
    assert len(found) == 1 and found[0].cue == [] and found[0].kind == "quote"


def test_content_far_from_every_cue_of_its_paragraph_stands_alone() -> None:
    filler = " ".join(["and"] * (MAX_CUE_GAP + 5))
    far = SharedNLP().doc(f"There is still opportunity for a broader inquiry {filler} given the president's refusal.")
    labels = ["O"] * len(far)
    labels[1] = "B-CON"
    labels[2] = "I-CON"
    labels[next(t.i for t in far if t.text == "refusal")] = "B-CUE"
    (found,) = decode(far, labels)
    assert found.cue == [] and found.content == [(far[1].idx, far[2].idx + len(far[2]))]


def test_content_before_a_conjunction_is_not_what_the_cue_after_it_reports() -> None:
    """In '… sold the company the right to use the word “We”, though he later asked the company to unwind the deal'
    what was sold is not what he asked (the tagger marked both as content of 'later asked')."""
    text = "He sold the company the right to use the name, though he later asked the company to unwind the deal."
    sold = SharedNLP().doc(text)
    labels = ["O"] * len(sold)
    index = {t.text: t.i for t in reversed(list(sold))}  # first occurrence of each word
    for i in range(index["the"], index[","]):
        labels[i] = "I-CON"
    labels[index["the"]] = "B-CON"
    second_he = [t.i for t in sold if t.text == "he"][0]
    labels[second_he] = "B-SRC"
    labels[second_he + 1], labels[second_he + 2] = "B-CUE", "I-CUE"  # "later asked"
    labels[second_he + 3] = "B-CON"
    for i in range(second_he + 4, len(sold) - 1):
        labels[i] = "I-CON"
    found = {tuple(text[a:b] for a, b in att.content): att.cue for att in decode(sold, labels)}
    assert found[("the company to unwind the deal",)] != []
    assert found[("the company the right to use the name",)] == []  # stands alone: no cue reports it


def test_features_cover_every_token(doc) -> None:
    feats = doc_features(doc, find_attributions(doc, find_quotes(doc.text)), find_quotes(doc.text))
    assert len(feats) == len(doc)
    said = feats[1]
    assert "cue=True" in said and "r=CUE" in said


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="tagger model not built")
def test_shipped_model_finds_a_plain_attribution(doc) -> None:
    found = QuoteTagger().attributions(doc, find_attributions(doc, find_quotes(doc.text)), find_quotes(doc.text))
    contents = [doc.text[s:e] for att in found for s, e in att.content]
    assert any("taxes would rise" in c for c in contents)


def test_a_quote_between_two_cues_as_near_joins_the_cue_of_its_own_sentence() -> None:
    parsed = SharedNLP("fast").doc("The plan failed, aides said. “We will not stop,” Smith said.")
    tags = {"The": "B-CON", "plan": "I-CON", "failed": "I-CON", "aides": "B-SRC", "Smith": "B-SRC"}
    quote = range(7, 14)  # “We will not stop,”
    labels = [tags.get(t.text, "O") for t in parsed]
    labels = ["B-CUE" if t.text == "said" else label for t, label in zip(parsed, labels, strict=True)]
    labels = [
        ("B-CON" if t.i == quote[0] else "I-CON") if t.i in quote else label
        for t, label in zip(parsed, labels, strict=True)
    ]
    contents = [[parsed.text[s:e] for s, e in att.content] for att in decode(parsed, labels)]
    assert contents == [["The plan failed"], ["“We will not stop,”"]]


def test_profiles_choose_rules_or_tagger() -> None:
    from newsprobe.analyse.pipeline import Pipeline
    from newsprobe.document import Article

    article = Article(text="“We will win,” Smith said on Monday.")
    fast = Pipeline(["quotes"], profile="fast").run(article).results["quotes"]
    accurate = Pipeline(["quotes"], profile="accurate").run(article).results["quotes"]
    assert fast.method == "rules"
    assert accurate.method == ("tagger" if MODEL_PATH.exists() else "rules")


def test_features_do_not_depend_on_which_entity_recogniser_ran() -> None:
    """The fast profile swaps spaCy's NER for rule-based entities; the tagger must see the same features."""
    text = "Russian Foreign Minister Sergey Lavrov said on Monday that Washington had “crossed a line.”"
    features = []
    for profile in ("fast", "accurate"):
        parsed = SharedNLP(profile).doc(text)
        features.append(
            doc_features(parsed, find_attributions(parsed, find_quotes(parsed.text)), find_quotes(parsed.text))
        )
    assert features[0] == features[1]
    assert not [f for feats in features[0] for f in feats if f.startswith("ent=")]


def test_the_sentence_side_of_the_reporting_verb_is_a_feature() -> None:
    parsed = SharedNLP("fast").doc("The plan will fail, Smith said.\n\nNothing else happened.")
    sides = [
        next(f for f in feats if f.startswith("side=")) for feats in doc_features(parsed, [], find_quotes(parsed.text))
    ]
    words = [t.text for t in parsed]
    assert sides[words.index("plan")] == "side=before"
    assert sides[words.index("said")] == "side=on"
    assert sides[words.index("Nothing")] == "side=none"


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="tagger model not built")
def test_marginals_are_distributions_that_agree_with_the_tagger(doc) -> None:
    quotes = find_quotes(doc.text)
    rules = find_attributions(doc, quotes)
    tagger = QuoteTagger()
    marginals = tagger.marginals(doc, rules, quotes)
    assert marginals.shape == (len(doc), len(QUOTE_TAGS))
    assert np.allclose(marginals.sum(1), 1.0)
    first_sentence = slice(0, 7)  # "Smith said that taxes would rise.": the tagger is sure of it
    likeliest = [QUOTE_TAGS[i] for i in marginals.argmax(1)]
    assert likeliest[first_sentence] == tagger.tag(doc, rules, quotes)[first_sentence]


def test_an_attribution_inside_another_keeps_the_outer_one_whole() -> None:
    """One tag per word: the tagger marks 'was told by Bolton to go …' and cuts 'Vindman said' down to 'he'."""
    from newsprobe.analyse.pipeline import Pipeline
    from newsprobe.document import Article

    text = (
        "In his testimony Tuesday morning, Vindman said he was told by former National Security Adviser John Bolton "
        "to go straight to the NSC legal counsel with his concerns."
    )
    result = Pipeline(["entities", "quotes"], profile="accurate").run(Article(text=text)).results["quotes"]
    found = {(a.speaker.name, " ".join(c.text for c in a.cue), a.content[0].text[:17]) for a in result.attributions}
    assert found == {("Vindman", "said", "he was told by fo"), ("John Bolton", "was told", "to go straight to")}


def test_a_rule_quote_with_no_cue_is_never_an_outer_attribution() -> None:
    from newsprobe.analyse.quotes.analyser import with_outer_attributions
    from newsprobe.analyse.quotes.rules import RawAttribution

    text = "“We were told that Smith said so,” the mayor told us, and Jones agreed."
    doc = SharedNLP().doc(text)
    smith = text.index("Smith")
    inner = RawAttribution(cue=[(smith + 6, smith + 10)], content=[(smith + 11, smith + 13)], source=(smith, smith + 5))
    quote = RawAttribution(cue=[], content=[(0, 34)], source=(35, 44), kind="quote")
    assert with_outer_attributions(doc, [inner], [quote]) == [inner]
