"""The fast profile's rule-based entities: spaCy's NER replaced by proper-noun chunks and a gazetteer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprobe.analyse.entities.rules import COMPONENT, first_names_in, normalise_name
from newsprobe.analyse.nlp import SharedNLP


@pytest.fixture(scope="module")
def fast_nlp() -> SharedNLP:
    return SharedNLP("fast")


def labelled(nlp: SharedNLP, text: str) -> set[tuple[str, str]]:
    return {(ent.text, ent.label_) for ent in nlp.doc(text).ents}


def test_fast_pipeline_has_no_statistical_ner(fast_nlp: SharedNLP) -> None:
    assert "ner" not in fast_nlp.nlp.pipe_names
    assert fast_nlp.nlp.pipe_names[-1] == COMPONENT
    assert "ner" in SharedNLP("accurate").nlp.pipe_names


def test_titles_are_not_part_of_the_name(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "Russian Deputy Foreign Minister Sergey Ryabkov spoke in Moscow on Tuesday.")
    assert ("Sergey Ryabkov", "PERSON") in found
    assert ("Moscow", "GPE") in found
    assert ("Tuesday", "DATE") in found
    assert not any("Minister" in text for text, _ in found)
    found = labelled(fast_nlp, "He writes: Ex-Democratic National Committee head Debbie Wasserman Schultz said so.")
    assert ("Democratic National Committee", "ORG") in found


def test_a_name_ending_in_a_hyphenated_given_name_is_one_person(fast_nlp: SharedNLP) -> None:
    found = labelled(
        fast_nlp, "President Moon Jae-in met Ban Ki-moon at the Trump-Kim Jong-un summit in San Diego-area."
    )
    assert {("Moon Jae-in", "PERSON"), ("Ban Ki-moon", "PERSON"), ("Kim Jong-un", "PERSON")} <= found
    assert not any(text in {"Moon", "Ban", "Ki-moon"} or text.endswith("-area") for text, _ in found)


def test_a_given_name_only_the_worlds_list_knows_opens_a_full_name_where_nothing_comes_before_it(
    fast_nlp: SharedNLP,
) -> None:
    found = labelled(fast_nlp, "Shivam Patel flew to Detroit. She sang at the Grand Ole Opry. Into Darkness Falls.")
    assert ("Shivam Patel", "PERSON") in found  # was 'Patel'
    assert not any(text in {"Ole Opry", "Into Darkness", "Into Darkness Falls"} for text, _ in found)


def test_an_english_word_the_gazetteer_calls_a_person_is_one_only_beside_a_full_name(fast_nlp: SharedNLP) -> None:
    found = labelled(
        fast_nlp,
        "Star Wars Jedi: Fallen Order is a game. Order matters. Sen. Barbara Boxer spoke. Boxer said no. "
        "FDR said so. Blunt said yes.",
    )
    assert not any(text == "Order" for text, _ in found)  # the gazetteer's 'order' is a person
    assert {("Barbara Boxer", "PERSON"), ("Boxer", "PERSON"), ("FDR", "PERSON"), ("Blunt", "PERSON")} <= found


def test_a_surname_alone_is_the_person_named_earlier(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "Zoltan Brabkovic arrived late. Brabkovic said nothing.")
    assert ("Zoltan Brabkovic", "PERSON") in found
    assert ("Brabkovic", "PERSON") in found
    found = labelled(
        fast_nlp, "Ambassador Liu Xiaming arrived late. Liu said nothing. Christ Himself wept. Christ ate."
    )
    assert ("Liu", "PERSON") in found  # the surname first, as no known given name and no English word is in the name
    assert ("Christ", "PERSON") not in found


def test_organisations_by_their_words_and_acronyms(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "The report by Quarnell Research Institute was shared by the QXRB and by Brindle News.")
    assert ("Quarnell Research Institute", "ORG") in found
    assert ("QXRB", "ORG") in found
    assert ("Brindle News", "ORG") in found


def test_an_english_word_in_capitals_is_no_acronym(fast_nlp: SharedNLP) -> None:
    text = (
        "It would have been a HUGE boost for the school. This is INSANE. The TV was on.\n\nWHAT YOU NEED TO MAKE JAM"
        "\n\nImmigration officers arrested him, and ICE said he would be deported."
    )
    organisations = {name for name, label in labelled(fast_nlp, text) if label == "ORG"}
    assert organisations == {"ICE"}


def test_a_body_named_for_what_it_works_on_is_one_name(fast_nlp: SharedNLP) -> None:
    found = labelled(
        fast_nlp,
        "The National Institute on Drug Abuse said the Senate on Monday heard the Council on Foreign Relations.",
    )
    assert {("National Institute on Drug Abuse", "ORG"), ("Council on Foreign Relations", "ORG")} <= found
    assert ("Senate", "ORG") in found


def test_a_name_led_by_an_acronym_is_a_product_unless_a_given_name_follows(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "The VW Atlas is bigger. Defensive end DL Larry Ogunjobi was hurt.")
    assert ("VW Atlas", "ORG") in found
    assert ("Larry Ogunjobi", "PERSON") in found


def test_a_common_surname_the_gazetteer_knows_as_a_company_ends_a_full_name(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "The informant, Douglas Campbell, said so. Fiona Hill testified. Tom Ford designed it.")
    assert {("Douglas Campbell", "PERSON"), ("Fiona Hill", "PERSON"), ("Tom Ford", "PERSON")} <= found
    assert ("Forest Hill", "PERSON") not in labelled(fast_nlp, "The school is in Forest Hill, a suburb.")
    found = labelled(fast_nlp, "North Korea's Kim Jong Un met Victor Cha. His father Kim Jong Il died in 2011.")
    assert {("Kim Jong Un", "PERSON"), ("Victor Cha", "PERSON"), ("Kim Jong Il", "PERSON")} <= found


def test_a_surname_the_gazetteer_knows_as_a_people_or_company_ends_a_full_name_unless_an_english_word(
    fast_nlp: SharedNLP,
) -> None:
    found = labelled(fast_nlp, "Prime Minister Viktor Orbán warned Europe. Later, Joseph Christian spoke.")
    assert ("Viktor Orbán", "PERSON") in found and ("Joseph Christian", "PERSON") not in found
    assert ("Reagan Democrats", "PERSON") not in labelled(fast_nlp, "Long-time leaders of the Reagan Democrats met.")
    # the gazetteer's tagger took 'Guyger' for a company
    found = labelled(fast_nlp, "The Dallas Police Department fired Officer Amber Guyger on Monday.")
    assert ("Amber Guyger", "PERSON") in found and not any(label == "ORG" and "Guyger" in t for t, label in found)


def test_a_rank_before_an_english_words_plural_is_no_person(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "Shares in Premier Foods rose. Premier Li Keqiang spoke.")
    assert ("Premier Foods", "ORG") in found and ("Li Keqiang", "PERSON") in found


def test_the_domain_of_an_office_of_title_is_no_part_of_the_name_after_it(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "Director of National Intelligence Dan Coats agreed with Secretary of State Tillerson.")
    assert {("Dan Coats", "PERSON"), ("Tillerson", "PERSON")} <= found
    assert not any("Intelligence" in text or "State" in text for text, _ in found)
    found = labelled(fast_nlp, "Minister of Health Oly Ilunga and Inspector Fabricio Oliveira spoke.")
    assert {("Oly Ilunga", "PERSON"), ("Fabricio Oliveira", "PERSON")} <= found


def test_a_link_is_no_part_of_a_name(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "He posted: Server VANISHED https://t.co/gTj2UgSZJr today.")
    assert not any("http" in text for text, _ in found)


def test_a_weekday_after_a_name_is_no_part_of_it(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "The New York Times Tuesday reported it. Congress Tuesday passed the bill.")
    assert ("New York Times", "ORG") in found and not any("Tuesday" in text for text, _ in found if text != "Tuesday")


def test_a_name_ends_before_the_capitals_after_it(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "Tested by: John Milbank RRP: £23.99. Dr John Smith MP said John F Kennedy spoke.")
    people = {text for text, label in found if label == "PERSON"}
    assert {"John Milbank", "John Smith", "John F Kennedy"} <= people
    assert ("LAUREN ALAINA", "PERSON") in labelled(fast_nlp, "LAUREN ALAINA sang on Sunday.")


def test_a_full_name_is_not_split_by_the_gazetteer_s_one_word_people(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "U.S. Attorney James Kennedy Jr. said Patrick Carlineo Jr. will appeal.")
    assert {("James Kennedy Jr.", "PERSON"), ("Patrick Carlineo Jr.", "PERSON")} <= found
    found = labelled(fast_nlp, "Emirates President Tim Clark said she posted it on Twitter Tuesday.")
    people = {text for text, label in found if label == "PERSON"}
    assert "Tim Clark" in people and not any("Emirates" in name or "Tuesday" in name for name in people)
    assert ("Dick Clark Productions", "ORG") in labelled(fast_nlp, "The company, Dick Clark Productions, denied it.")


def test_census_first_names_keep_a_full_name_whole(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "The label said Taylor Swift and analyst Ming-Chi Kuo met Owen Dempsey on Monday.")
    people = {text for text, label in found if label == "PERSON"}
    assert {"Taylor Swift", "Ming-Chi Kuo", "Owen Dempsey"} <= people


def test_a_lone_month_is_a_date_and_a_month_leading_a_name_is_a_given_name(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "They were deported in May. June Carter and April Ryan arrived in June.")
    assert {("May", "DATE"), ("June", "DATE"), ("June Carter", "PERSON"), ("April Ryan", "PERSON")} <= found
    assert ("May", "PERSON") in labelled(fast_nlp, "Theresa May spoke. May said Britain would leave.")


def test_a_royal_known_by_title_and_given_name_is_a_person(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "In it, Prince Andrew denied the claims. Andrew said Pope Francis had written.")
    assert {("Prince Andrew", "PERSON"), ("Andrew", "PERSON"), ("Pope Francis", "PERSON")} <= found


def test_a_first_name_does_not_make_an_institution_or_an_event_a_person(fast_nlp: SharedNLP) -> None:
    text = (
        "The Royal Astronomical Society met at Trinity Academy. JP Morgan analysts wrote in JAMA Psychiatry "
        "before the Davis Cup Finals."
    )
    found = labelled(fast_nlp, text)
    assert ("Royal Astronomical Society", "ORG") in found and ("Trinity Academy", "ORG") in found
    assert ("Davis Cup Finals", "EVENT") in found
    assert not {text for text, label in found if label == "PERSON"}


def test_the_first_name_table_leaves_out_english_words_months_and_places() -> None:
    from newsprobe.analyse.entities.rules import census_first_names

    names = census_first_names()
    assert {"taylor", "marshall", "owen", "fiona"} <= names
    assert not {"will", "grant", "hope", "may", "king", "georgia", "dallas"} & names


def test_name_parts_the_ner_mislabelled_are_not_in_the_gazetteer(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "Penn State quarterback Sean Clifford said he received death threats.")
    assert ("Sean Clifford", "PERSON") in found  # 'sean' had been a nationality (NORP) and split the name
    assert not labelled(fast_nlp, "Kasich said the vote was close.")  # a lone 'Kasich' had been a place (GPE)


def test_figures(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "Prices rose 12 percent to $ 40 in March 2017, said 3 officials.")
    assert ("12 percent", "PERCENT") in found
    assert ("$ 40", "MONEY") in found
    assert ("March 2017", "DATE") in found
    assert ("3", "CARDINAL") in found


def test_markup_is_never_a_name(fast_nlp: SharedNLP) -> None:
    found = labelled(fast_nlp, "It was labelled by **Sergey Ryabkov** as aggression.")
    assert all("*" not in text for text, _ in found)


@pytest.mark.parametrize(
    ("raw", "key"), [("the United States", "united states"), ("Lavrov’s", "lavrov"), ("  RT   News ", "rt news")]
)
def test_normalise_name(raw: str, key: str) -> None:
    assert normalise_name(raw) == key


def test_offsets_match_the_accurate_pipeline(fast_nlp: SharedNLP) -> None:
    text = "Washington argued it had downed the jet. Damascus dismissed the allegations."
    doc = fast_nlp.doc(text)
    assert doc.text == text
    assert all(text[ent.start_char : ent.end_char] == ent.text for ent in doc.ents)


@pytest.mark.parametrize(
    "text",
    [
        "It cost 5 dollars 10 pounds and 3 euros 4 % more.",
        "Between $ 5 $ 6 and 7 percent 8 % of 9 dollars, on March 5, 2017 $ 10.",
        "£ 5 million pounds 20 yuan $ $ 3",
    ],
)
def test_figures_never_overlap(fast_nlp: SharedNLP, text: str) -> None:
    ents = fast_nlp.doc(text).ents
    covered = [i for ent in ents for i in range(ent.start, ent.end)]
    assert len(covered) == len(set(covered))


WORDS = [
    "5",
    "2017",
    "$",
    "dollars",
    "%",
    "percent",
    "March",
    "Monday",
    ",",
    "of",
    "the",
    "Sergey",
    "Ryabkov",
    "Minister",
    "Foreign",
    "NATO",
    "News",
    "RT",
    "said",
    "**",
    "-",
    "Al",
    "Nusra",
    "Front",
    "million",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_any_word_sequence_gets_valid_entities(fast_nlp: SharedNLP, words: list[str]) -> None:
    text = " ".join(words)
    doc = fast_nlp.doc(text)
    covered = [i for ent in doc.ents for i in range(ent.start, ent.end)]
    assert len(covered) == len(set(covered))
    assert all(text[ent.start_char : ent.end_char] == ent.text for ent in doc.ents)


def test_first_names_from_the_gazetteer_are_words_written_as_names() -> None:
    gazetteer = {
        "jean-claude juncker": "PERSON", "o'neal smith": "PERSON", "’s note": "PERSON", "trump’s adviser": "PERSON",
        "@hillaryclinton tweet": "PERSON", "telemundo40 news": "PERSON", "zorblax quint": "ORG",
    }  # fmt: skip
    known = first_names_in(gazetteer)
    assert {"jean-claude", "o'neal"} <= known
    assert not {"’s", "trump’s", "@hillaryclinton", "telemundo40", "zorblax"} & known


def test_a_full_name_after_a_title_ends_a_run_that_names_an_institution(fast_nlp: SharedNLP) -> None:
    found = labelled(
        fast_nlp,
        "In a report by National Security/War Correspondent Sara Carter, she spoke. Senate President Bukola Saraki "
        "left. The Davis Cup Finals start.",
    )
    assert {("Sara Carter", "PERSON"), ("Bukola Saraki", "PERSON"), ("Davis Cup Finals", "EVENT")} <= found
    assert not any(text.endswith(("Carter", "Saraki")) and label != "PERSON" for text, label in found)
