"""Attribution rules on small constructed articles (real spaCy parse)."""

from __future__ import annotations

import pytest

from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.quotes import QuotesResult
from newsprobe.analyse.quotes.analyser import drop_unanchored, outside_the_cue
from newsprobe.analyse.quotes.marks import find_quotes
from newsprobe.analyse.quotes.rules import (
    RawAttribution,
    close_cut_clause,
    find_attributions,
    find_subject,
    has_ability_or_duty_cue,
    has_action_content,
    has_added_thing_cue,
    has_content_cut_at_its_cue,
    has_content_inside_its_source,
    has_cue_inside_a_clause_said,
    has_empty_content,
    has_empty_cue,
    has_hypothetical_cue,
    has_imperative_cue,
    has_naming_or_sighting_cue,
    has_negated_cue,
    has_never_cue,
    has_participle_on_content_cue,
    has_proposition_source,
    has_rare_cue_and_no_quote_marks,
    has_relative_clause_content,
    has_sourceless_cue,
    has_topic_only_passive_cue,
    has_wordless_cue_and_no_source,
    has_yes_no_question_cue,
    trim_source,
    without_a_lone_it,
    without_dangling_conjunction,
)
from newsprobe.document import Article


def _by_content(result: QuotesResult, words: str):
    found = [a for a in result.attributions if any(words in s.text for s in a.content)]
    assert found, [[s.text for s in a.content] for a in result.attributions]
    return found[0]


def test_split_quote_around_cue_is_one_attribution(analyse_quotes) -> None:
    text = "“We will not give in,” Merkel said, “and we will not be blackmailed.”"
    result = analyse_quotes(text)
    att = _by_content(result, "We will not give in")
    assert [s.text for s in att.content] == ["“We will not give in,”", "“and we will not be blackmailed.”"]
    assert [s.text for s in att.cue] == ["said"] and att.direct


def test_according_to_attribution(analyse_quotes) -> None:
    text = "According to the health ministry, 40 people were injured in the blast."
    att = _by_content(analyse_quotes(text), "40 people were injured")
    assert [s.text for s in att.cue] == ["According to"]
    assert [s.text for s in att.source] == ["the health ministry"]
    assert att.style == "indirect"


def test_pronoun_resolves_to_most_recent_person(analyse_quotes) -> None:
    text = "German Chancellor Angela Merkel met the press in Berlin.\n\nShe said that the talks had been difficult."
    att = _by_content(analyse_quotes(text), "the talks had been difficult")
    assert att.speaker is not None
    assert (att.speaker.name, att.speaker.role, att.speaker.resolved_by) == ("Angela Merkel", "Chancellor", "pronoun")
    assert att.speaker.evidence is not None and att.speaker.evidence.text == "German Chancellor Angela Merkel"


def test_a_name_in_single_quoted_words_is_no_antecedent(analyse_quotes) -> None:
    text = (
        "Patrick Monahan, co-host of the What A Time To Be Alive podcast, described a scene many writers are all too "
        "familiar with.\n'Robert Mueller sweating in front of his laptop, staring at a Word doc containing only the "
        "words “The Mueller Report” and a blinking cursor,' he wrote."
    )
    att = _by_content(analyse_quotes(text), "Robert Mueller sweating")
    assert att.speaker is not None and att.speaker.name == "Patrick Monahan"


def test_inverted_cue_after_quote(analyse_quotes) -> None:
    text = "“The vote was rigged,” said Senator John Smith on Tuesday."
    att = _by_content(analyse_quotes(text), "The vote was rigged")
    assert att.speaker is not None and att.speaker.name == "John Smith"
    assert att.speaker.role == "Senator"


def test_quote_without_cue_has_no_source(analyse_quotes) -> None:
    text = "The hall was quiet.\n\n“Nobody here believes a single word of this plan anymore.”"
    att = _by_content(analyse_quotes(text), "Nobody here believes")
    assert att.source == [] and att.cue == [] and att.direct
    assert att.speaker.name is None and att.speaker.resolved_by == "unresolved" and att.speaker.confidence is None


def test_plain_narration_has_no_attributions(analyse_quotes) -> None:
    result = analyse_quotes("The bridge opened in 1932. It carries six lanes of traffic over the river.")
    assert result.attributions == []


def test_passive_with_agent_takes_the_agent(analyse_quotes) -> None:
    text = "The incident was labelled by Deputy Foreign Minister Sergey Ryabkov as “an act of aggression”."
    result = analyse_quotes(text)
    att = _by_content(result, "an act of aggression")
    assert att.speaker.name == "Sergey Ryabkov" and att.speaker.role == "Deputy Foreign Minister"
    assert [a.content[0].text for a in result.attributions].count("The incident") == 0


def test_gerund_after_a_preposition_takes_the_main_clause_subject(analyse_quotes) -> None:
    text = "On Tuesday the fact-checkers published their verdict by announcing that the statement was true."
    att = _by_content(analyse_quotes(text), "the statement was true")
    assert [s.text for s in att.source] == ["the fact-checkers"]


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("Senator Mary Smith was quoted as saying that the budget would pass.", "saying", "Smith"),
        ("Swift has a new deal, and the Carlyle Group will be left to wonder what went wrong.", "wonder", "Group"),
        ("Swift has a new deal, and the Carlyle Group was told that it went wrong.", "told", None),
    ],
)
def test_a_verb_under_a_passive_takes_its_passive_subject(quotes_pipeline, text, verb, subject) -> None:
    doc = quotes_pipeline.nlp.doc(text)
    found = find_subject(next(t for t in doc if t.text == verb))
    assert (found.text if found is not None else None) == subject


def _rule_contents(quotes_pipeline, text: str) -> list[list[str]]:
    """The contents of the attributions the rules find in `text`, each as its spans' texts."""
    found = find_attributions(quotes_pipeline.nlp.doc(text), find_quotes(text))
    return [[text[start:end] for start, end in att.content] for att in found]


def test_a_saying_set_off_by_commas_inside_the_clause_it_reports_has_that_clause_for_content(quotes_pipeline) -> None:
    text = (
        "The plan, Patel said, was to wait until June. But, he said, he was afraid of it. Yes, he said, no. "
        "This, you know, is how it goes. “Amongst ourselves, they said, it is over.”"
    )
    # 'no' is too short, 'you know' an aside, and a saying inside a quotation is the quoted speaker's words
    assert _rule_contents(quotes_pipeline, text) == [
        ["The plan", "was to wait until June"],
        ["he was afraid of it"],
        ["“Amongst ourselves, they said, it is over.”"],
    ]


def test_a_clause_said_that_the_parse_did_not_make_the_complement_is_the_content(quotes_pipeline) -> None:
    text = (
        "He said legalizing it could put thousands of people to work. "
        "Strategist John Weaver says in a statement that the race will now be a four-man contest. He is said to be ill."
    )
    assert _rule_contents(quotes_pipeline, text) == [
        ["legalizing it could put thousands of people to work"],
        ["that the race will now be a four-man contest"],
    ]


def test_a_saying_with_a_clause_of_its_own_and_a_gerund_after_it_are_two_sayings(quotes_pipeline) -> None:
    text = (
        "Liu said that the army could be deployed, warning: “They are already there in the garrison.” "
        "The Pentagon dismissed the allegations, saying that they were false."
    )
    found = find_attributions(quotes_pipeline.nlp.doc(text), find_quotes(text))
    pairs = [([text[s:e] for s, e in att.cue], [text[s:e] for s, e in att.content]) for att in found]
    assert (["said"], ["that the army could be deployed"]) in pairs
    assert (["warning"], ["“They are already there in the garrison.”"]) in pairs
    assert (["dismissed the allegations, saying"], ["that they were false"]) in pairs


def test_colon_ending_the_paragraph_hands_the_quote_below_to_its_cue(analyse_quotes) -> None:
    text = "The senator spoke at length.\n\nCaddell continued:\n\n“The health issue is a partisan issue.”"
    att = _by_content(analyse_quotes(text), "The health issue")
    assert [s.text for s in att.source] == ["Caddell"]


def test_quote_right_after_a_cue_is_that_cues_not_the_reporters(analyse_quotes) -> None:
    text = "During the call, he said, “somebody ought to pay for this,” the prosecutor’s office said."
    att = _by_content(analyse_quotes(text), "somebody ought to pay")
    assert [s.text for s in att.source] == ["he"]


def test_time_after_a_source_is_not_part_of_it(analyse_quotes) -> None:
    text = "The Times on Saturday reported that the company had lost $916 million in 1995."
    att = _by_content(analyse_quotes(text), "the company had lost")
    assert [s.text for s in att.source] == ["The Times"]


def test_a_cue_that_is_only_seems_has_no_source(quotes_pipeline) -> None:
    doc = quotes_pipeline.nlp.doc("He seems to have a different set of rules for his wife.")
    seems = RawAttribution(cue=[(3, 8)], content=[(9, 55)], source=(0, 2))
    said = RawAttribution(cue=[(3, 8)], content=[(9, 55)], source=(0, 2))
    assert has_sourceless_cue(doc, seems)
    assert not has_sourceless_cue(
        quotes_pipeline.nlp.doc("He said he had a different set of rules for his wife."), said
    )


def test_a_cue_under_if_is_a_condition_not_something_said(quotes_pipeline) -> None:
    text = "The deal may grow if Trump agrees to the demands, people familiar with the talks say."
    doc = quotes_pipeline.nlp.doc(text)

    def attribution(source: str, cue: str, content: str) -> RawAttribution:
        start, cue_start, content_start = text.index(source), text.index(cue), text.index(content)
        return RawAttribution(
            cue=[(cue_start, cue_start + len(cue))],
            content=[(content_start, content_start + len(content))],
            source=(start, start + len(source)),
        )

    assert has_hypothetical_cue(doc, attribution("Trump", "agrees", "to the demands"))
    assert not has_hypothetical_cue(doc, attribution("people familiar with the talks", "say", "The deal may grow"))


@pytest.mark.parametrize(
    ("rule", "text", "cue", "content", "not_said"),
    [
        (
            has_ability_or_duty_cue,
            "Judge Saris can order the agency to release the files.",
            "order",
            "the agency to release the files",
            True,
        ),
        (
            has_ability_or_duty_cue,
            "Francis must acknowledge that the church failed.",
            "acknowledge",
            "that the church failed",
            True,
        ),
        (
            has_ability_or_duty_cue,
            "Francis acknowledged that the church failed.",
            "acknowledged",
            "that the church failed",
            False,
        ),
        (has_ability_or_duty_cue, "The minister could say that the plan failed.", "say", "that the plan failed", False),
        # adding a thing is an act; adding a clause or a quote is a saying
        (has_added_thing_cue, "By 1781, Messier had added 103 objects to his catalog.", "added", "103 objects", True),
        (
            has_added_thing_cue,
            "At the end of his article, he adds a link to another report.",
            "adds",
            "a link to another report",
            True,
        ),
        (has_added_thing_cue, "Then she added that the storm had passed.", "added", "that the storm had passed", False),
        (
            has_added_thing_cue,
            "Police added the exact circumstances remained unclear.",
            "added",
            "the exact circumstances remained unclear",
            False,
        ),
        (
            has_added_thing_cue,
            "Then she added a warning: “It could come back.”",
            "added",
            "a warning: “It could come back.”",
            False,
        ),
        # a yes/no question asks whether it is held; a why-question presupposes the saying
        (
            has_yes_no_question_cue,
            "Does he believe that all Catholics must follow the pope?",
            "believe",
            "that all Catholics must follow the pope",
            True,
        ),
        (
            has_yes_no_question_cue,
            "Why did he say that the plan failed?",
            "say",
            "that the plan failed",
            False,
        ),
        (
            has_yes_no_question_cue,
            "When May, who ran the Home Office, banned us, did she really think that anyone would be safe?",
            "think",
            "that anyone would be safe",
            True,
        ),
        (
            has_yes_no_question_cue,
            "He believes that all Catholics must follow the pope.",
            "believes",
            "that all Catholics must follow the pope",
            False,
        ),
    ],
)
def test_what_one_can_or_must_say_adds_as_a_thing_or_asks_about_is_not_said(
    quotes_pipeline, rule, text, cue, content, not_said
) -> None:
    cue_start, content_start = text.index(cue), text.index(content)
    att = RawAttribution(
        cue=[(cue_start, cue_start + len(cue))], content=[(content_start, content_start + len(content))], source=(0, 5)
    )
    assert rule(quotes_pipeline.nlp.doc(text), att) is not_said


DENIALS = (
    "Senator Mary Smith met voters on Tuesday.\n\nSmith did not mention Donald Trump by name. The senator has not "
    "responded to the allegations. Her spokesman declined to say whether she would run again. John Brown, her rival, "
    "never criticized the plan in public. Her aide refused to comment on the report. Brown did not hesitate to say "
    "that the plan was a disaster. He not only said the plan was bad but also voted against it. Brown said he was "
    "not sure the plan would pass. The company did not respond to questions about the deal. Smith has yet to "
    "comment on the merger. Her chief of staff does not appear to have commented on the claims. Brown offered no "
    "evidence for the charge. The mayor gave no details of the contract. The governor said nothing about the strike. "
    "The police said no one was hurt in the crash."
)


@pytest.mark.parametrize(
    ("content", "reported"),
    [
        ("Donald Trump by name", False),
        ("the allegations", False),
        ("whether she would run again", False),
        ("the plan in public", False),
        ("the report", False),
        ("the deal", False),
        ("the merger", False),
        ("the claims", False),
        ("evidence for the charge", False),
        ("details of the contract", False),
        ("about the strike", False),
        ("no one was hurt in the crash", True),
        ("that the plan was a disaster", True),
        ("the plan was bad", True),
        ("he was not sure the plan would pass", True),
    ],
)
def test_a_denied_saying_is_no_attribution(analyse_quotes, content: str, reported: bool) -> None:
    contents = [s.text for a in analyse_quotes(DENIALS).attributions for s in a.content]
    assert any(content in c for c in contents) is reported, contents


def test_a_linking_word_before_according_to_is_not_what_was_said() -> None:
    text = "But, according to the ministry, the deal is off. Fundraising, according to the campaign, has slowed."
    outcome = Pipeline(["quotes"], profile="fast").run(Article(text=text))
    contents = [[s.text for s in att.content] for att in outcome.results["quotes"].attributions]
    assert contents == [["the deal is off"], ["Fundraising", "has slowed"]]


CLAUSE_CUES = (
    "Smith pointed out that the plan was costly. Jones worried that the deal would collapse. Brown learned that "
    "she had been fired. White implied that the mayor had lied. Black pointed to the report. Gray learned the "
    "song. Jones worried about the deal."
)


@pytest.mark.parametrize(
    ("content", "reported"),
    [
        ("that the plan was costly", True),
        ("that the deal would collapse", True),
        ("that she had been fired", True),
        ("that the mayor had lied", True),
        ("the report", False),
        ("the song", False),
        ("the deal.", False),
    ],
)
def test_verbs_that_report_only_with_a_clause(content: str, reported: bool) -> None:
    outcome = Pipeline(["quotes"], profile="fast").run(Article(text=CLAUSE_CUES))
    contents = [s.text for a in outcome.results["quotes"].attributions for s in a.content]
    assert any(content in c for c in contents) is reported, contents


def test_an_according_to_that_closes_a_sentence_reports_the_saying_inside_it() -> None:
    text = (
        "The informant – outed as energy consultant William Campbell – was “threatened” by Obama admin AG Loretta "
        "Lynch to keep quiet with an iron-clad gag order, according to his attorney – former Reagan Justice Dept. "
        "official and former Chief Counsel to the Senate Intelligence Committee Victoria Toensing."
    )
    outcome = Pipeline(["quotes"], profile="fast").run(Article(text=text))
    [att] = outcome.results["quotes"].attributions  # was Loretta Lynch's, 'to keep quiet …, according to …'
    assert [c.text for c in att.content] == [text[: text.index(", according")]]
    assert [c.text for c in att.cue] == ["according to"]


@pytest.mark.parametrize("profile", ["fast", "accurate"])
def test_each_according_to_keeps_what_follows_it(profile: str) -> None:
    text = (
        "Deal collapses\n\nThe talks went on for hours on Monday in Geneva. But, according to the ministry, the deal is "
        "off. According to the ministry, the talks will resume next week."
    )
    outcome = Pipeline(["quotes"], profile=profile).run(Article(text=text))
    pairs = [(att.cue[0].text.lower(), [s.text for s in att.content]) for att in outcome.results["quotes"].attributions]
    assert pairs == [("according to", ["the deal is off"]), ("according to", ["the talks will resume next week"])]
    assert text[outcome.results["quotes"].attributions[1].cue[0].start] == "A"


def test_unquoted_content_in_another_sentence_than_its_cue_is_no_attribution() -> None:
    text = (
        "Gadgets\n\nSince the AirPods first launched in 2016, users and critics alike have been asking for noise "
        "cancellation and replaceable tips for a better fit. Apple finally delivered all of that and then some with the "
        "new AirPods Pro. The new design sounds better, will drown out background noise in noisy environments, and "
        "comes with three different sized tips."
    )
    outcome = Pipeline(["quotes"], profile="accurate").run(Article(text=text))
    contents = [s.text for att in outcome.results["quotes"].attributions for s in att.content]
    assert not any(c.startswith("The new design") for c in contents), contents


@pytest.mark.parametrize("profile", ["fast", "accurate"])
def test_a_quote_after_the_writers_colon_is_what_the_cue_after_it_says(profile: str) -> None:
    text = (
        "By the time Buckley learned who had written the song, she was only half-surprised: “It made sense, because "
        "it came from someone with a complex understanding of character,” she said."
    )
    result = Pipeline(["quotes"], profile=profile).run(Article(text=text)).results["quotes"]
    said = [att for att in result.attributions if [c.text for c in att.cue] == ["said"]]
    assert [[c.text for c in att.content] for att in said] == [[text[text.index("“") : text.index("”") + 1]]]
    assert not any("half-surprised" in c.text and "“" in c.text for att in result.attributions for c in att.content)


def test_an_empty_it_beside_a_clause_is_no_content(quotes_pipeline) -> None:
    text = "It was reported by the Mandalay there was a shooter."
    doc = quotes_pipeline.nlp.doc(text)
    assert without_a_lone_it(doc, [(0, 2), (32, len(text) - 1)]) == [(32, len(text) - 1)]
    quoted = "“It,” he said, “was awful.”"
    assert without_a_lone_it(quotes_pipeline.nlp.doc(quoted), [(0, 5), (15, len(quoted))]) == [(0, 5), (15, 27)]
    labelled = "It was labeled “Mostly True.”"
    pieces = [(0, 2), (15, len(labelled))]
    assert without_a_lone_it(quotes_pipeline.nlp.doc(labelled), pieces) == pieces  # the thing labelled


def test_a_content_that_opens_with_its_cue_opens_after_it() -> None:
    text = "President Donald Trump instructed ICE that all were subject to deportation."
    cue = (text.index("instructed"), text.index(" ICE"))
    ran_over = RawAttribution(cue=[cue], content=[(cue[0], len(text) - 1)], source=(0, cue[0] - 1))
    assert [text[slice(*span)] for span in outside_the_cue(text, ran_over)] == [
        "ICE that all were subject to deportation"
    ]
    said = "“We won,” he said, “and we will win again.”"
    around = RawAttribution(cue=[(said.index("said"), said.index("said") + 4)], content=[(0, 9), (20, len(said))])
    assert outside_the_cue(said, around) == around.content
    described = "Ham described Clinton as “a lifetime politician.”"
    as_at = described.index(" as ") + 1
    inside = RawAttribution(cue=[(4, 13), (as_at, as_at + 2)], content=[(14, len(described))])
    assert outside_the_cue(described, inside) == inside.content  # a cue inside a content stays there


def test_a_content_cut_after_a_conjunction_ends_before_it() -> None:
    text = "He spoke of his “pain and shame,” and left."
    end = text.index(" left")
    assert text[slice(*without_dangling_conjunction(text, (12, end)))] == "his “pain and shame,”"
    assert without_dangling_conjunction(text, (0, 8)) == (0, 8)  # 'He spoke' ends in no conjunction


def test_a_quote_said_in_the_sentence_before_is_not_the_next_cues() -> None:
    text = (
        "Donald Trump says Hillary Clinton is lying about her support for an international trade deal.\n\nTrump said "
        "during a Friday evening rally in Michigan that Clinton once described the so-called Trans-Pacific Partnership "
        "as “the gold standard” of trade deals when she was secretary of state. Clinton now says she opposes the deal."
    )
    result = Pipeline(["quotes"], profile="accurate").run(Article(text=text)).results["quotes"]
    by_cue = {" ".join(c.text for c in att.cue): [c.text for c in att.content] for att in result.attributions}
    assert by_cue["now says"] == ["she opposes the deal"]
    assert any("gold standard" in c for c in by_cue["said"])


def test_the_subject_the_parse_hangs_on_an_according_to_phrase_is_the_contents() -> None:
    text = (
        "According to links and information shared by Thomas Wictor and a timeline assessment by Twitter user Mr. Alex, "
        "the plausibility of Paddock accidentally killing himself amid the confusion, adrenaline and panic is quite "
        "high. According to John Smith, a lawyer, the deal is off."
    )
    result = Pipeline(["quotes"], profile="fast").run(Article(text=text)).results["quotes"]
    assert [(a.source[0].text, a.content[0].text) for a in result.attributions] == [
        (
            "links and information shared by Thomas Wictor and a timeline assessment by Twitter user Mr. Alex",
            "the plausibility of Paddock accidentally killing himself amid the confusion, adrenaline and panic is quite "
            "high",
        ),
        ("John Smith, a lawyer", "the deal is off"),
    ]


def test_a_dateline_is_not_what_was_said() -> None:
    text = (
        "VIENNA — The house where Hitler was born will be turned into a police station, the minister said on Tuesday."
    )
    result = Pipeline(["quotes"], profile="fast").run(Article(text=text)).results["quotes"]
    assert [[c.text for c in att.content] for att in result.attributions] == [
        ["The house where Hitler was born will be turned into a police station"]
    ]


ASSUMPTION = "Ferrara assumes that the response is a sin. "


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "denied"),
    [
        ("This, though, is not what AL is saying.", "AL", "is saying", True),
        ("This isn’t what the minister told reporters.", "the minister", "told", True),
        ("This is what AL is saying.", "AL", "is saying", False),
    ],
)
def test_words_denied_as_what_the_source_says_are_not_its_words(
    quotes_pipeline, sentence: str, source: str, cue: str, denied: bool
) -> None:
    text = ASSUMPTION + sentence
    att = RawAttribution(
        cue=[_span_of(text, cue)], content=[_span_of(text, "that the response is a sin")], source=_span_of(text, source)
    )
    assert has_negated_cue(quotes_pipeline.nlp.doc(text), att) is denied


@pytest.mark.parametrize(
    ("sentence", "content", "denied"),
    [
        ("She offered no evidence to back her allegations.", "no evidence to back her allegations", True),
        ("She said nothing about the strike.", "nothing about the strike", True),
        ("She offered no proof that the mayor had lied.", "that the mayor had lied", False),
        ("She offered proof that the mayor had lied.", "proof that the mayor had lied", False),
        ("She replied: “Absolutely nothing.”", "“Absolutely nothing.”", False),
    ],
)
def test_a_saying_whose_object_is_none_is_denied(quotes_pipeline, sentence: str, content: str, denied: bool) -> None:
    cue = sentence.split()[1]
    att = RawAttribution(cue=[_span_of(sentence, cue)], content=[_span_of(sentence, content)], source=(0, 3))
    assert has_negated_cue(quotes_pipeline.nlp.doc(sentence), att) is denied


def _span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_a_kept_negated_cue_shows_its_negation(analyse_quotes) -> None:
    att = _by_content(analyse_quotes("Obama didn’t think that the seizure was important."), "the seizure")
    assert [s.text for s in att.cue] == ["didn’t think"]


@pytest.mark.parametrize(
    "text",
    [
        "The plan failed, aides said. “We will not stop,” Smith said.",
        "“It is a good plan,” said Brown, her rival. “We need it now,” he added.",
    ],
)
@pytest.mark.parametrize("profile", ["fast", "accurate"])
def test_a_quote_handed_to_its_own_cue_is_not_the_sentence_befores(text: str, profile: str) -> None:
    outcome = Pipeline(["quotes"], profile=profile).run(Article(text=text))
    quotes = [[s.text for s in att.content] for att in outcome.results["quotes"].attributions]
    assert len(quotes) == 2, quotes


def _with_cue(pipeline, text: str, cue: str) -> tuple[object, RawAttribution]:
    at = text.index(cue)
    return pipeline.nlp.doc(text), RawAttribution(
        cue=[(at, at + len(cue))], content=[(at + len(cue) + 1, len(text))], source=(0, at - 1)
    )


def test_a_cue_that_is_only_have_or_be_is_no_act_of_saying(quotes_pipeline) -> None:
    assert has_empty_cue(*_with_cue(quotes_pipeline, "Harper had “I'd Do Anything” in mind for the last scene.", "had"))
    assert not has_empty_cue(*_with_cue(quotes_pipeline, "Harper has said that the song was perfect.", "has said"))


def _with_content(pipeline, text: str, content: str) -> tuple[object, RawAttribution]:
    at = text.rindex(content)
    return pipeline.nlp.doc(text), RawAttribution(cue=[], content=[(at, at + len(content))], source=None)


def test_a_content_of_only_pronouns_adverbs_or_how_one_looked_is_no_saying(quotes_pipeline) -> None:
    def said(text: str, content: str) -> tuple[object, RawAttribution]:
        return _with_content(quotes_pipeline, text, content)

    assert has_empty_content(*said("The club said it would sign a striker, which it did.", "which"))
    assert has_empty_content(*said("Vindman reported to him on the call.", "to him"))
    assert not has_empty_content(*said("The club said it would sign a striker.", "it would sign a striker"))
    assert not has_empty_content(*said("Spokespeople declined to comment.", "to comment"))
    assert has_empty_content(*said("We've said this before.", "this before"))
    assert has_empty_content(*said("The girl appeared sad.", "sad"))
    assert has_empty_content(*said("He said, she said", "she said"))
    assert not has_empty_content(*said("Analysts called it stunning.", "it stunning"))
    assert not has_empty_content(*said("The girl said “sad”.", "“sad”"))
    assert not has_empty_content(*said("The new priest said “No, never.”", "“No, never.”"))


def test_a_relative_clause_on_a_noun_is_no_content(quotes_pipeline) -> None:
    def said(text: str, content: str) -> tuple[object, RawAttribution]:
        return _with_content(quotes_pipeline, text, content)

    witness = "Morrison was the third witness testifying Tuesday who listened in on the call."
    assert has_relative_clause_content(*said(witness, "who listened in on the call"))
    assert not has_relative_clause_content(*said("Senators asked who listened in on the call.", "who listened in"))
    assert not has_relative_clause_content(*said("She said the call was perfect.", "the call was perfect"))


def test_a_source_after_a_noun_summing_up_the_sentence_before_is_no_saying(quotes_pipeline) -> None:
    def denied(text: str, source: str, content: str) -> tuple[object, RawAttribution]:
        doc, att = _with_content(quotes_pipeline, text, content)
        at = text.index(source)
        return doc, RawAttribution(cue=[], content=att.content, source=(at, at + len(source)))

    text = "He said others had raised concerns about Vindman leaking, a prospect Vindman denied earlier in the day."
    assert has_proposition_source(*denied(text, "a prospect Vindman", "He said others had raised concerns"))
    quote = "The call was perfect, the lawyer Smith said."
    assert not has_proposition_source(*denied(quote, "the lawyer Smith", "The call was perfect"))


def test_a_command_to_the_reader_is_no_saying(quotes_pipeline) -> None:
    def cued(text: str, cue: str, content: str, source: str | None = None) -> tuple[object, RawAttribution]:
        doc, att = _with_content(quotes_pipeline, text, content)
        att.cue = [(text.index(cue), text.index(cue) + len(cue))]
        att.source = (text.index(source), text.index(source) + len(source)) if source else None
        return doc, att

    text = "Remember New Jersey’s epic quest to find a state slogan? South Dakota has one now."
    assert has_imperative_cue(*cued(text, "Remember", "New Jersey’s epic quest to find a state slogan"))
    text = "And note that the state paid nearly $449,000 for it."
    assert has_imperative_cue(*cued(text, "note", "the state paid nearly $449,000 for it"))
    text = "They remember that the state paid nearly $449,000 for it."
    assert not has_imperative_cue(*cued(text, "remember", "the state paid nearly $449,000 for it", "They"))
    text = "Officials remember that the state paid nearly $449,000 for it."
    assert not has_imperative_cue(*cued(text, "remember", "the state paid nearly $449,000 for it"))


def test_a_content_cut_after_a_relative_word_runs_on_through_its_clause(quotes_pipeline) -> None:
    def cued(text: str, source: str, cue: str, content: str) -> tuple[object, RawAttribution]:
        doc, att = _with_content(quotes_pipeline, text, content)
        att.cue = [(text.rindex(cue), text.rindex(cue) + len(cue))]
        att.source = (text.index(source), text.index(source) + len(source))
        return doc, att

    text = "Volker disputed the notion that he was a participant in what's been portrayed as an irregular channel."
    doc, att = cued(text, "Volker", "disputed", "the notion that he was a participant in what")
    assert [text[slice(*span)] for span in close_cut_clause(doc, att, [att.source])] == [
        "the notion that he was a participant in what's been portrayed as an irregular channel"
    ]
    assert not has_content_cut_at_its_cue(doc, att)
    text = "He attacked the others for accepting his donations, which he said were accompanied by favors."
    doc, att = cued(text, "He", "attacked", "the others for accepting his donations, which")
    assert [
        text[slice(*span)]
        for span in close_cut_clause(doc, att, [att.source, (text.index("he said"), text.index("he said") + 2)])
    ] == ["the others for accepting his donations"]
    text = "Trump sat on the request, hoping that he could get what he wanted in return."
    assert has_content_cut_at_its_cue(*cued(text, "he wanted", "wanted", "that he could get what"))
    doc, att = cued(text, "Trump", "hoping", "that he could get what he wanted in return")
    assert not has_content_cut_at_its_cue(doc, att) and close_cut_clause(doc, att, [att.source]) == att.content


def test_a_cue_of_punctuation_with_no_source_is_no_saying(quotes_pipeline) -> None:
    text = "NEW DELHI: Their American dream shattered, 150 Indians returned home."
    doc, att = _with_content(quotes_pipeline, text, "Their American dream shattered")
    colon = text.index(":")
    att.cue = [(colon, colon + 1)]
    assert has_wordless_cue_and_no_source(doc, att)
    att.cue = [(text.index("returned"), text.index("returned") + len("returned"))]
    assert not has_wordless_cue_and_no_source(doc, att)


def test_a_cue_of_words_annotators_never_mark_is_no_act_of_saying(quotes_pipeline) -> None:
    assert has_never_cue(
        *_with_cue(quotes_pipeline, "Senior David Garcia finished second in the freestyle.", "finished")
    )
    assert has_never_cue(
        *_with_cue(
            quotes_pipeline,
            "The government has since drastically reduced the activity.",
            "has since drastically reduced",
        )
    )
    assert not has_never_cue(*_with_cue(quotes_pipeline, "Senior David Garcia said he was second.", "said"))
    assert not has_never_cue(*_with_cue(quotes_pipeline, "The poll showed that most voters agree.", "showed"))


def test_an_unquoted_content_needs_a_cue_word_annotators_often_mark(quotes_pipeline) -> None:
    def rare(text: str, cue: str) -> bool:
        return has_rare_cue_and_no_quote_marks(*_with_cue(quotes_pipeline, text, cue))

    assert rare("He was photographed having long chats with Epstein.", "was photographed")
    assert rare("The tug of gravity redistributing it to its outer edge.", "redistributing")
    assert not rare("Mr. Garrett said it was a mistake.", "said")
    assert not rare("The poll showed that most voters agree.", "showed")
    assert not rare("He was photographed “having long chats” with Epstein.", "was photographed")
    assert rare("For good measure, Parise blocked a shot in the waning seconds.", "blocked")
    assert not rare("The researchers think the source of this water is a plume.", "think")  # a reporting verb


def test_an_unquoted_content_with_no_clause_needs_a_cue_word_annotators_mark_one_time_in_three(
    quotes_pipeline,
) -> None:
    def rare(text: str, cue: str) -> bool:
        return has_rare_cue_and_no_quote_marks(*_with_cue(quotes_pipeline, text, cue))

    assert rare("He encouraged the wolves to continue to tear apart the flock.", "encouraged")
    assert rare("A family friend found the suspect's car in the hotel parking lot.", "found")
    assert rare("Trump decided to stick with him instead of moving on.", "decided")
    assert not rare("The Lancet Commission found that there were 9 million premature deaths.", "found")
    assert not rare("He found that a stairwell door was jammed.", "found")


def test_a_call_that_names_or_phones_and_a_see_that_watches_are_no_saying(quotes_pipeline) -> None:
    def naming(text: str, cue: str) -> bool:
        return has_naming_or_sighting_cue(*_with_cue(quotes_pipeline, text, cue))

    assert naming("NASA is building a mission called Europa Clipper", "called")
    assert naming("A family friend called 911", "called")
    assert naming("Researchers see how galaxies may have emerged", "see")
    assert naming("Paddock later called Haig three times to arrange a sale at Haig's home.", "called")
    assert not naming("Vaz, who called for the bloggers to be banned from the UK, spoke.", "called")
    assert not naming("The bank called the court's decision a landmark judgment", "called")
    assert not naming("Analysts called it “the end of an era”", "called")
    assert not naming("Most voters see that the economy is weak", "see")
    assert naming("The researchers observed Europa for 17 nights", "observed")
    assert not naming("The Washington Post observed Republicans now control both chambers", "observed")
    assert naming('Sondland, Volker and Perry were known as the "Three Amigos."', "were known as")
    assert naming("But the scientists only spotted water vapor in one of the nights", "only spotted")
    assert naming("NASA's Hubble Space Telescope has spotted evidence of plumes", "has spotted")
    assert not naming("Analysts spotted that the numbers did not add up", "spotted")
    assert not naming("Volker said he never used the term and that it was known to few", "said")


def test_a_passive_cue_whose_source_and_content_are_its_subject_is_no_saying(quotes_pipeline) -> None:
    text = "No release date for the fourth Star Trek film has yet been announced."
    cue, source = text.index("has yet"), text.index("fourth")
    doc = quotes_pipeline.nlp.doc(text)

    def attribution(content: tuple[int, int]) -> RawAttribution:
        return RawAttribution(cue=[(cue, len(text) - 1)], content=[content], source=(source, cue - 1))

    assert has_topic_only_passive_cue(doc, attribution((0, source - 1)))
    assert not has_topic_only_passive_cue(*_with_cue(quotes_pipeline, "The deal was announced by the minister.", "was"))
    listed = "In it, Jews are described as: “arrogant,” “jealous,” “apes and swine,” and “under divine displeasure.”"
    at = listed.index("described")
    described = RawAttribution(cue=[(at, at + 9)], content=[(at + 10, len(listed))])
    assert not has_topic_only_passive_cue(quotes_pipeline.nlp.doc(listed), described)  # the parse hangs 'swine' on Jews


def test_content_that_is_an_act_is_not_something_said(quotes_pipeline) -> None:
    def responded(text: str) -> tuple[object, RawAttribution]:
        cue = text.index("responded")
        return quotes_pipeline.nlp.doc(text), RawAttribution(
            cue=[(cue, cue + len("responded"))], content=[(cue + len("responded "), len(text) - 1)], source=(0, cue - 1)
        )

    assert has_action_content(*responded("Myles Garrett responded by hitting Rudolph in the head with his helmet."))
    assert not has_action_content(*responded("Myles Garrett responded by saying that he regretted the fight."))
    assert not has_action_content(*responded("Myles Garrett responded that he regretted the fight."))


@pytest.mark.parametrize(
    "text",
    [
        "Steelers captain Cam Heyward did not offer a response when asked about the league's decision.",
        "Asked about the league's decision, Steelers captain Cam Heyward shrugged.",
    ],
)
def test_whoever_is_asked_is_not_the_speaker_of_the_question(analyse_quotes, text: str) -> None:
    asked = [a for a in analyse_quotes(text).attributions if any("asked" in c.text for c in a.cue)]
    assert all(a.speaker.name is None for a in asked)  # the asker is not named; Heyward is who was asked


@pytest.mark.parametrize(
    ("text", "source", "trimmed"),
    [
        (
            "The Latest (EDT):\n\n7 p.m.\n\nDonald Trump said he would win.",
            "The Latest (EDT):\n\n7 p.m.\n\nDonald Trump",
            "Donald Trump",
        ),
        (
            "Mr. Burman (a view echoed by everyone said the tax was bad.",
            "Mr. Burman (a view echoed by everyone",
            "Mr. Burman",
        ),
        (
            "Trump, speaking to a veterans group, warned against hackers.",
            "Trump, speaking to a veterans group",
            "Trump",
        ),
        ("Gov. Mike Pence (R-IN) said no.", "Gov. Mike Pence (R-IN)", "Gov. Mike Pence (R-IN)"),
        (
            "Sen. Bernie Sanders (Vt.), who lost, said no.",
            "Sen. Bernie Sanders (Vt.), who lost",
            "Sen. Bernie Sanders (Vt.), who lost",
        ),
    ],
)
def test_source_without_what_trails_or_precedes_it(quotes_pipeline, text: str, source: str, trimmed: str) -> None:
    start, end = trim_source(quotes_pipeline.nlp.doc(text), (0, len(source)))
    assert text[start:end] == trimmed


@pytest.mark.parametrize(
    ("text", "source", "trimmed"),
    [
        (
            "According to the Pentagon, the base serves as an outpost in the fight against the Islamic State group.",
            "the Pentagon, the base",
            "the Pentagon",
        ),
        (  # a subject's appositive parsed as a second phrase stays
            "“We are ready,” adds Olivier Bosc, General Manager of Life Care Solutions Europe at Ascom.",
            "Olivier Bosc, General Manager of Life Care Solutions Europe",
            "Olivier Bosc, General Manager of Life Care Solutions Europe",
        ),
    ],
)
def test_according_to_source_ends_where_its_content_starts(
    quotes_pipeline, text: str, source: str, trimmed: str
) -> None:
    at = text.index(source)
    start, end = trim_source(quotes_pipeline.nlp.doc(text), (at, at + len(source)))
    assert text[start:end] == trimmed


def test_a_tagged_content_with_no_cue_stays_only_when_it_quotes_at_length() -> None:
    text = (
        "Buckley rose to fame on the singing competition “I’d Do Anything” in 2008.\n\n"
        "“It was a love song to her city and to the concept of home,” the singer added later."
    )

    def tagged(piece: str) -> RawAttribution:
        at = text.index(piece)
        return RawAttribution(cue=[], content=[(at, at + len(piece))], source=None)

    title, quote = tagged("“I’d Do Anything”"), tagged("“It was a love song to her city and to the concept of home,”")
    plain = tagged("Buckley rose to fame on the singing competition")
    assert drop_unanchored(text, [title, quote, plain]) == [quote]


def test_a_source_the_parse_cut_at_a_hyphen_runs_on() -> None:
    """The parse makes 'study co' and '-author Anna Berg' two subjects of 'said'; the source is the whole phrase."""
    text = "The lakes are deeper than expected, said study co-author Anna Berg, a planetary scientist."
    result = Pipeline(["quotes"], profile="fast").run(Article(text=text)).results["quotes"]
    assert isinstance(result, QuotesResult)
    attribution = _by_content(result, "The lakes are deeper")
    assert [span.text for span in attribution.source] == ["study co-author Anna Berg, a planetary scientist"]
    assert attribution.speaker.name == "Anna Berg"


@pytest.mark.parametrize("profile", ["accurate", "fast"])
@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The video prompted some Twitter users to argue that the material made it look as if they used the drug.",
            "some Twitter users",
        ),
        (
            "The senator also forced Stumpf, who was under questioning, to admit that no executive had been fired.",
            "Stumpf, who was under questioning",
        ),
    ],
)
def test_an_object_that_does_what_the_infinitive_says_is_its_source(text: str, source: str, profile: str) -> None:
    """'prompted some users to argue': the users argue, not the video that prompted them."""
    result = Pipeline(["quotes"], profile=profile).run(Article(text=text)).results["quotes"]
    assert isinstance(result, QuotesResult)
    (attribution,) = [a for a in result.attributions if any(c.text in {"argue", "admit"} for c in a.cue)]
    assert [span.text for span in attribution.source] == [source]


SCISSORS = (
    "“The president wants a bigger deal. Bigger than just the little deal” announced in October, said Derek Scissors, "
    "a China scholar with the American Enterprise Institute."
)


def test_a_participle_describing_a_noun_of_the_content_is_no_cue(quotes_pipeline) -> None:
    doc = quotes_pipeline.nlp.doc(SCISSORS)
    quote = (0, SCISSORS.index("announced") - 1)
    at = SCISSORS.index("announced")
    described = RawAttribution(cue=[(at, at + len("announced"))], content=[quote])
    assert has_participle_on_content_cue(doc, described)
    said = SCISSORS.index("said")
    assert not has_participle_on_content_cue(doc, RawAttribution(cue=[(said, said + 4)], content=[quote]))


def test_a_content_hanging_on_the_source_phrase_is_no_content(quotes_pipeline) -> None:
    doc = quotes_pipeline.nlp.doc(SCISSORS)
    said, name = SCISSORS.index("said"), SCISSORS.index("Derek")
    source = (name, SCISSORS.index(" with"))
    head = doc.char_span(name, name + len("Derek Scissors")).root.i

    def attribution(content: tuple[int, int]) -> RawAttribution:
        return RawAttribution(cue=[(said, said + 4)], content=[content], source=source, source_head=head)

    assert has_content_inside_its_source(doc, attribution((SCISSORS.index("with"), len(SCISSORS) - 1)))
    assert not has_content_inside_its_source(doc, attribution((0, SCISSORS.index("announced") - 1)))
    own = "Smith, who said the war is lost, resigned."
    doc = quotes_pipeline.nlp.doc(own)
    who, said = own.index("who"), own.index("said")
    clause = RawAttribution(
        cue=[(said, said + 4)], content=[(said + 5, own.rindex(","))], source=(who, who + 3), source_head=doc[2].i
    )
    assert not has_content_inside_its_source(doc, clause)


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_a_quote_described_by_a_participle_goes_to_the_cue_after_it(profile: str) -> None:
    result = Pipeline(["quotes"], profile=profile).run(Article(text=SCISSORS)).results["quotes"]
    assert isinstance(result, QuotesResult)
    (attribution,) = result.attributions
    assert [c.text for c in attribution.cue] == ["said"]
    assert attribution.content[0].text.startswith("“The president wants")
    assert attribution.speaker.name == "Derek Scissors"


def test_a_participle_naming_a_noun_of_a_tagged_content_is_no_cue() -> None:
    """The tagger took the sentence as content and the rules lent it their cue 'called' (a participle the parse tags
    as a past tense); a name in the next sentence was then its speaker."""
    text = (
        "Harper had just found his next project. He’d fallen in love with an electric Nicole Taylor script called "
        "“Wild Rose,” a fish-out-of-water story about a self-destructive Glaswegian country singer.\n\n"
        "Buckley — who landed the part — was no stranger to the music."
    )
    result = Pipeline(["entities", "quotes"], profile="accurate").run(Article(text=text)).results["quotes"]
    assert isinstance(result, QuotesResult)
    assert not [a for a in result.attributions if any(c.text == "called" for c in a.cue)]


def test_a_verb_the_parse_joined_to_a_saying_past_its_clause_is_no_cue(quotes_pipeline) -> None:
    """'estimated that 964,000 people …, reported a … disorder': the parse made 'reported' a second verb of NIDA."""
    nida = (
        "The National Institute on Drug Abuse has also estimated that 964,000 people age 12 and older, which account "
        "for about 0.4 percent of the total U.S. population, reported a methamphetamine use disorder in 2017."
    )
    assert has_cue_inside_a_clause_said(*_with_cue(quotes_pipeline, nida, "reported"))
    joined = "Obama emphasized that the reforms were not complete, and rights groups warned that it was too early."
    assert not has_cue_inside_a_clause_said(*_with_cue(quotes_pipeline, joined, "warned"))
