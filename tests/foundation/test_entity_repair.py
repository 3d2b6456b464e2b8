"""Entity labels and boundaries repaired after NER, on the reference page (both profiles) and on the real
pages where a first user found them wrong (read from the shared data at test time; skipped without it)."""

from __future__ import annotations

import glob
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsprobe.analyse.entities import EntitiesResult
from newsprobe.analyse.entities.analyser import Mention as EntityMention
from newsprobe.analyse.entities.analyser import _clean_mention, group_mentions, relabel_people
from newsprobe.analyse.entities.repair import (
    _companies_by_context,
    _dateline_places,
    _headline_verb_phrase,
    _people_tagged_otherwise,
    _products_by_context,
    _relabel,
    _split_list,
    _things_named_after_the,
    _titles_before_names_cut,
    _untagged_repeats,
    _without_common_nouns_as_organisations,
    _works_by_context,
    repair_mentions,
    without_common_nouns_as_people,
)
from newsprobe.analyse.nationalities import nationalities, provinces
from newsprobe.analyse.nlp import SharedNLP
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.api import extract
from newsprobe.document import Article


def _entities(article: Article, profile: str) -> EntitiesResult:
    result = Pipeline(["entities"], profile=profile).run(article).results["entities"]
    assert isinstance(result, EntitiesResult)
    return result


def _people_counts(text: str) -> dict[str, int]:
    """The people the accurate profile lists in `text`, with their mention counts."""
    return {e.name: e.count for e in _entities(Article(text=text), "accurate").entities if e.label == "PERSON"}


def _labels(result: EntitiesResult) -> dict[str, str]:
    return {m.text: e.label for e in result.entities for m in e.mentions}


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_reference_page_names_whole_and_no_role_phrases(reference_article: Article, profile: str) -> None:
    result = _entities(reference_article, profile)
    labels = _labels(result)
    assert "State" not in labels  # from "Secretary of State"
    assert "Islamic" not in labels and labels["Islamic State"] == "ORG"
    assert labels["Tillerson"] == labels["Sergey Lavrov"] == "PERSON"


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_a_leaders_title_is_no_part_of_a_name_and_supreme_is_no_organisation(profile: str) -> None:
    text = "Senate Majority Leader Mitch McConnell spoke. Supreme Leader Ali Khamenei said the deal was dead."
    labels = _labels(_entities(Article(text=text), profile))
    assert labels["Mitch McConnell"] == labels["Ali Khamenei"] == "PERSON"
    assert "Supreme" not in labels and "Senate Majority Leader Mitch McConnell" not in labels


def test_reference_page_merges_nusra_aliases(reference_article: Article) -> None:
    result = _entities(reference_article, "accurate")
    nusra = [e for e in result.entities if "Nusra" in e.name]
    assert len(nusra) == 1 and {m.text for m in nusra[0].mentions} == {"Al-Nusra", "Al-Nusra Front"}


def test_aliases_group_and_generic_words_do_not() -> None:
    found = [
        ("ORG", EntityMention(start=0, end=14, text="Al-Nusra Front")),
        ("ORG", EntityMention(start=20, end=28, text="Al-Nusra")),
        ("ORG", EntityMention(start=30, end=41, text="Nusra Front")),
        ("ORG", EntityMention(start=50, end=61, text="Popular Front")),
    ]
    names = sorted((e.name, e.count) for e in group_mentions(found))
    assert names == [("Al-Nusra Front", 3), ("Popular Front", 1)]


def _mentions(*pairs: tuple[str, str]) -> list[tuple[str, EntityMention]]:
    return [
        (label, EntityMention(start=10 * i, end=10 * i + len(text), text=text)) for i, (label, text) in enumerate(pairs)
    ]


def test_a_place_s_title_before_a_persons_name_is_the_place_and_no_person() -> None:
    from newsprobe.analyse.entities.rules import load_gazetteer

    whole = "Charlotte Mayor Jennifer Roberts said so. Emirates President Tim Clark agreed."
    found = [
        ("PERSON", 0, 15),
        ("PERSON", 16, 32),
        ("PERSON", 42, 60),
        ("PERSON", 61, 70),
    ]
    cut = _titles_before_names_cut(whole, found, load_gazetteer())
    assert [(label, whole[s:e]) for label, s, e in cut] == [
        ("GPE", "Charlotte"),
        ("PERSON", "Jennifer Roberts"),
        ("PERSON", "Tim Clark"),
    ]


def test_a_name_in_capitals_is_written_as_the_article_writes_it_elsewhere() -> None:
    text = (
        "CHINA has sent troops to Hong Kong. China denounced a court ruling on Monday, and officials in China agreed."
    )
    names = {e.name for e in _entities(Article(text=text), "fast").entities}
    assert "China" in names and "CHINA" not in names


def test_a_name_run_over_a_comma_into_a_persons_name_is_that_person() -> None:
    text = "Miami activist Sofian Zakkout said Jews were evil. Above the picture of Eizenkot, Zakkout wrote in Arabic."
    entities = _entities(Article(text=text), "accurate").entities
    assert not any("," in e.name for e in entities)
    assert [e.count for e in entities if e.name == "Sofian Zakkout"] == [2]


@pytest.mark.parametrize(
    ("label", "name", "pieces"),
    [
        ("ORG", "Big Machine, Braun", [("ORG", "Big Machine"), ("ORG", "Braun")]),
        ("ORG", "CBS All Access, Disney", [("ORG", "CBS All Access"), ("ORG", "Disney")]),
        (
            "ORG",
            "Congregation for Bishops, Lorenzo Baldisseri",
            [("ORG", "Congregation for Bishops"), ("PERSON", "Lorenzo Baldisseri")],
        ),
        ("GPE", "Austin, Texas", [("GPE", "Austin"), ("GPE", "Texas")]),
        # one name each
        ("ORG", "Bureau of Alcohol, Tobacco, Firearms and Explosives", None),
        ("ORG", "Council on Energy, Environment and Water", None),
        ("ORG", "CollectiveBias, Inc.", None),
        ("PERSON", "Silvano Fausti, SJ", None),
        ("GPE", "Washington, D.C.", None),
        ("EVENT", "September 11, 2001", None),
        ("WORK_OF_ART", "Less Money on Testing, More Money on Students", None),
    ],
)
def test_a_name_run_over_a_comma_into_the_next_name_is_two(
    label: str, name: str, pieces: list[tuple[str, str]] | None
) -> None:
    text = f"They wrote to {name} on Monday."
    start = text.index(name)
    found = _split_list(text, (label, start, start + len(name)))
    assert [(piece[0], text[piece[1] : piece[2]]) for piece in found] == (pieces or [(label, name)])


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_a_role_is_no_organisation_and_an_office_is_one(profile: str) -> None:
    text = (
        "Ivan Braiker joins my6sense as Chief Strategy Officer. The Federal President spoke. Melkite Greek Catholic "
        "Archbishop Jean-Clément Jeanbart wrote to the Department of Justice and to the House Office of Inspector "
        "General."
    )
    names = {e.name for e in _entities(Article(text=text), profile).entities if e.label != "PERSON"}
    assert {"Department of Justice", "House Office of Inspector General"} <= names
    assert not {"Strategy Officer", "Chief Strategy Officer", "Federal President"} & names, names
    assert not any(name.endswith("Archbishop") for name in names), names


def test_a_name_joined_to_a_person_is_a_person_unless_its_words_are_english_words() -> None:
    text = (
        "The startup was founded by Aryavir Kumar and Margarita Kuritsyna. President Donald Trump and the White House "
        "said on Monday that the talks went well."
    )
    labels = _labels(_entities(Article(text=text), "accurate"))
    assert labels.get("Aryavir Kumar") == "PERSON"
    assert labels.get("White House") != "PERSON"


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_a_team_after_its_city_is_the_team_not_the_city(profile: str) -> None:
    text = (
        "Week 11 results\n\nThe Cleveland Browns beat the Pittsburgh Steelers on Sunday, and fans were happy.\n\n"
        "Texas Democrats met in Austin. He lives in the Cayman Islands. The Browns had 11 hits on the Steelers "
        "quarterback. The White House and the House disagreed."
    )
    entities = _entities(Article(text=text), profile).entities
    labels = {m.text: e.label for e in entities for m in e.mentions}
    assert (labels.get("Cleveland Browns"), labels.get("Pittsburgh Steelers")) == ("ORG", "ORG"), labels
    assert "Texas Democrats" not in labels and labels.get("Cayman Islands") in ("GPE", "LOC"), labels
    counts = {e.name: e.count for e in entities}
    assert (counts.get("Cleveland Browns"), counts.get("Pittsburgh Steelers")) == (2, 2), counts
    assert counts.get("White House") == 1, counts


def test_a_name_run_from_an_owner_into_a_persons_full_name_is_both() -> None:
    text = "He walked around the residence at night, according to Big League Politics’ Cassandra Fairbanks, a reporter."
    labels = {e.name: e.label for e in _entities(Article(text=text), "accurate").entities}
    assert labels == {"Big League Politics": "ORG", "Cassandra Fairbanks": "PERSON"}


def test_stops_after_initials_do_not_part_a_name() -> None:
    found = _mentions(
        ("ORG", "U.N."), ("ORG", "UN"), ("GPE", "Washington D.C."), ("GPE", "Washington DC"),
        ("PERSON", "Malcolm X"), ("PERSON", "Malcolm X."),
    )  # fmt: skip
    names = sorted((e.name, e.count) for e in group_mentions(found))
    assert names == [("Malcolm X", 2), ("U.N.", 2), ("Washington D.C.", 2)]


def test_a_short_name_that_fits_two_longer_names_is_given_to_neither() -> None:
    found = _mentions(
        ("PERSON", "Joe Biden"), ("PERSON", "Hunter Biden"), ("PERSON", "Biden"), ("PERSON", "Biden"),
        ("NORP", "Kentucky Democrats"), ("NORP", "Louisiana Democrats"), ("NORP", "Democrats"),
    )  # fmt: skip
    counts = {e.name: e.count for e in group_mentions(found)}
    assert counts["Biden"] == 2 and counts["Democrats"] == 1
    assert counts["Joe Biden"] == counts["Hunter Biden"] == counts["Louisiana Democrats"] == 1


def test_a_company_is_not_named_after_its_product_nor_the_house_after_the_white_house() -> None:
    found = _mentions(
        ("ORG", "Google Stadia Founder's Edition"), ("ORG", "Google"), ("ORG", "Google"),
        ("ORG", "White House"), ("ORG", "House"),
        ("ORG", "SoftBank Group Corp"), ("ORG", "SoftBank"),
        ("GPE", "Pittsburgh"), ("ORG", "Pittsburgh Steelers"), ("ORG", "Steelers"),
    )  # fmt: skip
    counts = {e.name: e.count for e in group_mentions(found)}
    assert counts["Google"] == 2 and counts["House"] == 1 and counts["White House"] == 1
    assert counts["SoftBank Group Corp"] == 2 and counts["Pittsburgh Steelers"] == 2


def test_a_name_ending_as_a_product_line_is_a_product_with_its_short_names() -> None:
    found = _mentions(
        ("PERSON", "Nintendo Switch Lite"), ("PERSON", "Switch"), ("PERSON", "Pokemon Sword OR Shield"),
        ("PERSON", "Shield"), ("PERSON", "Sandra Day O'Connor"), ("PERSON", "Max"), ("PERSON", "MacBook Air"),
        ("ORG", "MacBook Pro"), ("ORG", "Korean Air"), ("WORK_OF_ART", "Inside Edition"),
    )  # fmt: skip
    labels = {(e.name, e.count): e.label for e in group_mentions(found)}
    assert labels == {
        ("Nintendo Switch Lite", 2): "PRODUCT",
        ("Sandra Day O'Connor", 1): "PERSON",
        ("Max", 1): "PERSON",
        ("MacBook Air", 1): "PRODUCT",
        ("MacBook Pro", 1): "PRODUCT",
        ("Korean Air", 1): "ORG",
        ("Inside Edition", 1): "WORK_OF_ART",
    }


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Davis Cup", "EVENT"),
        ("Ho Chi Minh City", "GPE"),
        ("Ho Chi Minh", "PERSON"),
        ("Golan Heights", "LOC"),
        ("Muhammad Ali Center", "ORG"),
        ("Jerry Hall", "PERSON"),
        ("Michael Bay", "PERSON"),
        ("Adam Beach", "PERSON"),
        ("Frank Church", "PERSON"),
        ("Coco Beach", "GPE"),
        ("Penn State", "ORG"),
        ("Kotak Securities", "ORG"),
        ("Doobie Brothers", "ORG"),
        ("Broadhead Co.", "ORG"),
        ("Falklands War", "EVENT"),
        ("Douglas J. Band", "PERSON"),  # a Clinton aide: 'band' after a first name and an initial is a surname
        ("Dave Matthews Band", "ORG"),
        ("Case Reports", "ORG"),  # a journal
    ],
)
def test_a_person_named_as_an_event_a_place_or_an_institution_is_that(name: str, label: str) -> None:
    assert _relabel("PERSON", name, {}, lambda _: False) == label


def test_a_person_whose_name_ends_in_a_known_organisation_of_two_words_is_that() -> None:
    gazetteer = {"white house": "ORG", "trump tower": "FAC", "clinton": "ORG"}
    assert _relabel("PERSON", "Obama White House", gazetteer, lambda _: False) == "ORG"
    assert _relabel("PERSON", "Bill Clinton", gazetteer, lambda _: False) == "PERSON"  # one word is too little
    assert _relabel("PERSON", "Solomon Missionary Baptist Church", {}, lambda _: False) == "ORG"


def test_an_acronym_or_another_name_of_an_organisation_joins_it() -> None:
    found = _mentions(
        ("ORG", "Federal Bureau of Investigation"), ("ORG", "FBI"), ("ORG", "Associated Press"), ("ORG", "AP"),
        ("ORG", "Islamic State"), ("ORG", "ISIS/ISIL"), ("ORG", "Al-Qaeda"), ("ORG", "al Qaeda"),
        ("ORG", "Bureau of Prisons"), ("ORG", "BOP"), ("ORG", "World Bank"), ("ORG", "WHO"),
    )  # fmt: skip
    counts = {e.name: e.count for e in group_mentions(found)}
    assert counts["Federal Bureau of Investigation"] == counts["Associated Press"] == counts["Islamic State"] == 2
    assert counts["al Qaeda"] == 2  # with Al-Qaeda
    assert counts["Bureau of Prisons"] == 2  # with 'BOP', its small word kept
    assert counts["World Bank"] == counts["WHO"] == 1


def _context_labels(rule: Callable[..., list[tuple[str, int, int]]], text: str, people: str) -> dict[str, str]:
    """The label `rule` gives each match of `people`, every one tagged a person before."""
    found = [("PERSON", m.start(), m.end()) for m in re.finditer(people, text)]
    return {text[s:e]: label for label, s, e in rule(text, found, {})}


def _parsed_people(text: str, people: str) -> tuple[Doc, list[tuple[str, int, int]]]:
    """The parsed text and every match of `people`, tagged a person."""
    return Pipeline(["entities"]).nlp.doc(text), [("PERSON", m.start(), m.end()) for m in re.finditer(people, text)]


def test_a_name_after_a_company_noun_is_a_company_unless_it_reads_as_a_person() -> None:
    text = (
        "Shares of Ukrainian energy company Burisma fell. Burisma said nothing. John Smith founded the company Smith "
        "sold to the bank Andrew Jackson had opened."
    )
    labels = _context_labels(_companies_by_context, text, r"Burisma|John Smith|Smith(?= sold)|Andrew Jackson")
    assert labels == {"Burisma": "ORG", "John Smith": "PERSON", "Smith": "PERSON", "Andrew Jackson": "PERSON"}


def test_a_dateline_opening_a_paragraph_is_a_place() -> None:
    text = (
        "SIOUX FALLS, S.D. (AP) — The state launched a campaign. Sioux Falls residents laughed.\n\n"
        "Dekalb, Ill. — Mike Glass threw three passes.\n\nDianne Feinstein, Calif. Democrat, said no."
    )
    labels = _context_labels(_dateline_places, text, r"SIOUX FALLS|Sioux Falls|Dekalb|Mike Glass|Dianne Feinstein")
    assert labels == {
        "SIOUX FALLS": "GPE",
        "Sioux Falls": "GPE",
        "Dekalb": "GPE",
        "Mike Glass": "PERSON",
        "Dianne Feinstein": "PERSON",
    }


def test_a_name_before_a_product_noun_is_a_product_unless_it_reads_as_a_person() -> None:
    text = (
        "Plug a Thunderbolt dock into the port. Thunderbolt is fast. Emma Stone laptop sales rose, and the Trump "
        "campaign bought a John Deere tractor while Donald Trump watched."
    )
    labels = _context_labels(_products_by_context, text, r"Thunderbolt|Emma Stone|Donald Trump|Trump")
    assert labels == {"Thunderbolt": "PRODUCT", "Emma Stone": "PERSON", "Trump": "PERSON", "Donald Trump": "PERSON"}


def test_a_one_word_person_always_after_the_with_no_noun_after_it_is_no_person() -> None:
    text = (
        "Nissan sells the Altima and Maxima in Ohio. The Chronicle says sales rose. Donald Trump spoke, and The "
        "Donald left. The Assad regime answered."
    )
    doc, found = _parsed_people(text, r"Altima|Chronicle|Donald Trump|Donald(?= left)|Assad")
    labels = {text[s:e]: label for label, s, e in _things_named_after_the(doc, found)}
    assert labels == {"Chronicle": "ORG", "Donald Trump": "PERSON", "Donald": "PERSON", "Assad": "PERSON"}  # no Altima


def test_a_name_after_a_work_noun_is_a_title_unless_it_reads_as_a_person() -> None:
    text = (
        "He spoke on the encyclical Veritatis Splendor and on Pope Francis' exhortation, Amoris Laetitia. Critics of "
        "Amoris Laetitia agree. In the book, Pence writes little. Oliver Stone’s movie JFK made JFK famous again. "
        "The film Tom Hanks made is long."
    )
    doc, found = _parsed_people(text, r"Veritatis Splendor|Amoris Laetitia|Pence|JFK|Tom Hanks")
    labels = {(text[s:e], s): label for label, s, e in _works_by_context(doc, found, {})}
    assert {name: label for (name, _), label in labels.items()} == {
        "Veritatis Splendor": "WORK_OF_ART",
        "Amoris Laetitia": "WORK_OF_ART",  # every mention, also the one after 'Critics of'
        "Pence": "PERSON",  # after 'book,' but no appositive of it
        "JFK": "PERSON",  # capitals: people are known by their initials
        "Tom Hanks": "PERSON",  # a census first name
    }
    assert sum(label == "WORK_OF_ART" for label in labels.values()) == 3


def test_a_person_tagged_an_organisation_is_a_person_when_the_page_marks_one() -> None:
    text = (
        "Moderator Lester Holt asked about taxes. Holt pressed on. Harley Davidson sales fell at Morgan Stanley, and "
        "Forest Hill residents said nothing. NBC's Ann Curry and Fox News' Jeanine Pirro were not asked."
    )
    doc = Pipeline(["entities"]).nlp.doc(text)
    tagged = {"Lester Holt": "ORG", "Holt": "PERSON", "Harley Davidson": "ORG", "Morgan Stanley": "ORG"}
    tagged |= {"Forest Hill": "ORG", "Ann Curry": "ORG", "Jeanine Pirro": "ORG"}
    found = [(label, text.index(name), text.index(name) + len(name)) for name, label in tagged.items()]
    labels = {text[s:e]: label for label, s, e in _people_tagged_otherwise(doc, found, {}, lambda _: False)}
    people = {"Lester Holt": "PERSON", "Ann Curry": "PERSON", "Jeanine Pirro": "PERSON"}
    assert labels == {**tagged, **people}  # Harley Davidson: nothing marks a person


def test_a_role_after_a_name_marks_a_person_whatever_its_first_word_and_the_gazetteer() -> None:
    text = (
        "Guy Cecil, the former head of the committee, voiced his frustration. Royal Navy, a force of note, sailed. "
        "Jean-Clément Jeanbart, the Melkite Greek Catholic Archbishop of Aleppo, gave an interview. Goldman Sachs, a "
        "bank whose president spoke, fell."
    )
    doc = Pipeline(["entities"]).nlp.doc(text)
    names = ("Guy Cecil", "Royal Navy", "Jean-Clément Jeanbart", "Goldman Sachs")
    found = [("ORG", text.index(name), text.index(name) + len(name)) for name in names]
    gazetteer = {"guy cecil": "ORG"}  # learnt from the tagger that made the mistake
    labels = {text[s:e]: label for label, s, e in _people_tagged_otherwise(doc, found, gazetteer, lambda _: False)}
    assert labels == dict(zip(names, ("PERSON", "ORG", "PERSON", "ORG"), strict=True))


def test_a_plural_looking_word_after_the_is_no_person_unless_a_family_named_on_the_page() -> None:
    text = "The Caucus has yet to apologize. Hillary Clinton spoke. The Clintons have said nothing."
    doc, found = _parsed_people(text, r"Caucus|Hillary Clinton|Clintons")
    labels = {text[s:e]: label for label, s, e in _things_named_after_the(doc, found)}
    assert labels == {"Caucus": "ORG", "Hillary Clinton": "PERSON", "Clintons": "PERSON"}


def test_an_untagged_repeat_of_a_name_is_added_once() -> None:
    text = "Pietro Sambi wrote to Rome. Later Sambi phoned. Pietro Sambi then flew home."
    doc = Pipeline(["entities"]).nlp.doc(text)
    found = [("PERSON", 0, 12), ("PERSON", text.index("Sambi phoned"), text.index(" phoned"))]
    again = text.rindex("Pietro Sambi")
    assert _untagged_repeats(doc, found).count(("PERSON", again, again + len("Pietro Sambi"))) == 1


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_a_title_with_no_name_is_no_person(profile: str) -> None:
    text = (
        "I was sent as Apostolic Nuncio by Pope Benedict XVI in 2011. The sanctions were communicated to him by the "
        "Apostolic Nuncio to the United States, Pietro Sambi. The Nuncio added that the news would soon be public. "
        "But for Carmelite nuns, Sister said, these ideas are the antithesis of the intentions of St. Teresa. "
        "The pattern was set when he was Archbishop of Buenos Aires, whereby he surrounds himself with weak people."
    )
    people = [e.name for e in _entities(Article(text=text), profile).entities if e.label == "PERSON"]
    assert not {"Apostolic Nuncio", "Nuncio", "Sister", "of Buenos Aires"} & set(people), people


def test_a_title_split_from_its_name_by_a_line_is_still_a_title() -> None:
    doc = Pipeline(["entities"]).nlp.doc("Fr.\nWeinandy sent the letter to the pope.")
    name = doc.char_span(0, len("Fr.\nWeinandy"))
    assert [t.text for t in name] == ["Fr", ".", "\n", "Weinandy"]  # the tokenizer splits the title's full stop
    label, mention = _clean_mention(name, "ORG") or ("", None)
    assert label == "PERSON" and mention is not None and (mention.start, mention.text) == (4, "Weinandy")


def test_titles_and_ranks_with_no_name_name_no_one_but_a_rank_alone_may_be_a_surname() -> None:
    doc = Pipeline(["entities"]).nlp.doc(
        "The Cardinal-Archbishop met the Catholic Bishop and Robert McManus, Roman Catholic Bishop of Worcester. "
        "Bishop spoke."
    )
    for text, label in [
        ("Cardinal-Archbishop", "ORG"),
        ("Catholic Bishop", "PERSON"),
        ("Roman Catholic Bishop", "PERSON"),
    ]:
        start = doc.text.index(text)
        assert _clean_mention(doc.char_span(start, start + len(text)), label) is None
    start = doc.text.rindex("Bishop")
    assert _clean_mention(doc.char_span(start, start + len("Bishop")), "PERSON") is not None


@pytest.mark.parametrize(
    ("whole", "tagged", "repaired"),
    [
        (  # a modifier's hyphenated ending is no part of a name, a hyphenated given name is
            "George W. Bush-era lawyers met Moon Jae-in and Haider al-Abadi.",
            ["George W. Bush-era", "Moon Jae-in", "Haider al-Abadi"],
            ["George W. Bush", "Moon Jae-in", "Haider al-Abadi"],
        ),
        (  # a given name the tagger cut short is whole, and a known name grows over no hyphen
            "Moon Jae-in met George Soros-backed groups in the San Diego-area.",
            ["Moon Jae", "George Soros", "San Diego"],
            ["Moon Jae-in", "George Soros", "San Diego"],
        ),
    ],
)
def test_hyphenated_endings_of_names(whole: str, tagged: list[str], repaired: list[str]) -> None:
    doc = SharedNLP("accurate").doc(whole)
    found = [("PERSON", whole.index(name), whole.index(name) + len(name)) for name in tagged]
    mentions = repair_mentions(doc, found, lambda name: False)
    assert [whole[start:end] for _, start, end in mentions] == repaired


def test_a_name_in_capitals_tagged_a_person_is_an_organisation_unless_someone_goes_by_it() -> None:
    names = ["MEK", "JFK", "VIII", "PUTIN", "Vladimir Putin"]
    found = _mentions(*(("PERSON", name) for name in names))
    assert [label for label, _ in relabel_people(found)] == ["ORG", "PERSON", "PERSON", "PERSON", "PERSON"]


def test_a_sites_address_tagged_a_person_is_an_organisation() -> None:
    names = ["Kath.net", "VDARE.COM", "Kathleen", "Jr.", "Ph.D"]
    found = _mentions(*(("PERSON", name) for name in names))
    assert [label for label, _ in relabel_people(found)] == ["ORG", "ORG", "PERSON", "PERSON", "PERSON"]


def test_a_ship_is_a_vessel_whatever_the_tagger_said() -> None:
    found = _mentions(("PERSON", "USS Maddox"), ("ORG", "HMS Queen Elizabeth"), ("PERSON", "Uss Person"))
    labels = {e.name: e.label for e in group_mentions(found)}
    assert labels == {"USS Maddox": "PRODUCT", "HMS Queen Elizabeth": "PRODUCT", "Uss Person": "PERSON"}


def test_a_title_owning_a_thing_names_no_person() -> None:
    doc = Pipeline(["entities"]).nlp.doc("Helms testified before the President’s Commission on CIA Activities.")
    name = doc.char_span(doc.text.index("President"), doc.text.index(" on CIA"))
    label, mention = _clean_mention(name, "ORG") or ("", None)
    assert label == "ORG" and mention is not None and mention.text == "President’s Commission"


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_a_company_named_for_its_industry_is_one_organisation_under_its_short_name_too(profile: str) -> None:
    text = (
        "Tom Clarke bought the mines that Patriot Coal was seeking to get rid of. In addition to Patriot, Mr. Clarke "
        "has made deals with Peabody Energy. Patriot created two subsidiaries. Border Patrol agents were not there."
    )
    labels = {e.name: (e.label, e.count) for e in _entities(Article(text=text), profile).entities}
    assert labels["Patriot Coal"][0] == "ORG" and "Patriot" not in labels and labels["Tom Clarke"][0] == "PERSON"
    assert labels.get("Peabody Energy", ("ORG",))[0] == "ORG" and labels.get("Border Patrol", ("ORG",))[0] == "ORG"


def test_an_epithet_belongs_to_the_name_before_it() -> None:
    text = (
        "John Hancock signed first. John the Baptist points out the evils of King Herod. Alexander the Great conquered "
        "Persia. The meeting with Trump the President was short. George Wallace ran. Wallace the Democrat won."
    )
    people = _people_counts(text)
    assert people["John the Baptist"] == 1 and people["John Hancock"] == 1
    assert not {"Trump the President", "Wallace the Democrat"} & set(people)


def test_an_adverb_opening_a_sentence_and_a_quote_s_brackets_are_no_part_of_a_name() -> None:
    text = (
        "Likewise Reagan cut taxes. “It’s now Trump, Bolton, and [Mike] Pompeo’s job to put this right,” he said. "
        "“[W]e will not accept this,” said John Smith."
    )
    people = _people_counts(text)
    assert "Likewise Reagan" not in people and people.get("Reagan") == 1 and people.get("Mike Pompeo") == 1
    assert not {"We", "W]e"} & set(people)


def test_a_surname_joins_one_person_written_two_ways() -> None:
    found = _mentions(("PERSON", "Joshua Apte"), ("PERSON", "Josh Apte"), ("PERSON", "Apte"))
    assert [(e.name, e.count) for e in group_mentions(found)] == [("Joshua Apte", 3)]


def test_a_name_joins_its_person_whatever_its_case_or_doubled_letter() -> None:
    found = _mentions(
        ("PERSON", "Volodymyr Zelensky"), ("PERSON", "Zelenskyy"), ("PERSON", "Donald Trump"), ("PERSON", "TRUMP"),
        ("PERSON", "Bill de Blasio"), ("PERSON", "De Blasio"),
    )  # fmt: skip
    assert sorted((e.name, e.count) for e in group_mentions(found)) == [
        ("Bill de Blasio", 2),
        ("Donald Trump", 2),
        ("Volodymyr Zelensky", 2),
    ]


def test_a_group_tagged_as_a_person_does_not_make_its_place_a_person() -> None:
    found = _mentions(("GPE", "Virginia"), ("PERSON", "Virginia Democrats"), ("NORP", "Democrats"))
    labels = {m.text: label for label, m in relabel_people(found)}
    assert labels == {"Virginia": "GPE", "Virginia Democrats": "NORP", "Democrats": "NORP"}


def test_a_one_word_person_the_article_also_writes_in_lower_case_is_not_kept() -> None:
    whole = "Rice production fell. Farmers plant rice. Sen. Bush spoke. A bush burned. Condoleezza Rice and Rice."
    rice, bush, condoleezza, surname = (
        ("PERSON", m.start(), m.end()) for m in re.finditer(r"Condoleezza Rice|Rice|Bush", whole)
    )
    assert without_common_nouns_as_people(whole, [rice, bush]) == [bush]  # after a title: kept
    assert without_common_nouns_as_people(whole, [condoleezza, surname]) == [condoleezza, surname]


def test_the_domain_of_an_office_of_title_run_into_a_name_is_cut_off_and_the_name_is_a_person() -> None:
    whole = "Secretary of State Tillerson and former Director of National Intelligence Clapper met. Clapper left."
    doc = SharedNLP("accurate").doc(whole)
    found = [
        (label, whole.index(text), whole.index(text) + len(text))
        for label, text in [("ORG", "State Tillerson"), ("PRODUCT", "National Intelligence Clapper")]
    ]
    repaired = repair_mentions(doc, found, lambda name: False)
    assert [(label, whole[start:end]) for label, start, end in repaired] == [
        ("PERSON", "Tillerson"),
        ("PERSON", "Clapper"),  # an English word, kept after a title
    ]


def test_a_given_name_before_a_persons_surname_is_that_person_but_not_a_place_word() -> None:
    found = [
        ("PERSON", EntityMention(start=0, end=7, text="Jackson")),
        ("ORG", EntityMention(start=10, end=23, text="Lamar Jackson")),
        ("GPE", EntityMention(start=30, end=42, text="Fort Jackson")),
        ("ORG", EntityMention(start=50, end=66, text="Jackson Holdings")),
    ]
    labels = {e.name: e.label for e in group_mentions(relabel_people(found))}
    assert labels == {"Lamar Jackson": "PERSON", "Fort Jackson": "GPE", "Jackson Holdings": "ORG"}


def test_one_person_with_and_without_a_middle_initial_or_suffix_is_one_entity() -> None:
    names = [
        "Patrick Carlineo Jr.",
        "Pat Carlineo",
        "Patrick W. Carlineo",
        "Carlineo",
        "Bill Clinton",
        "Hillary Clinton",
    ]
    found = [("PERSON", EntityMention(start=10 * i, end=10 * i + 5, text=name)) for i, name in enumerate(names)]
    counts = {e.name: e.count for e in group_mentions(found)}
    assert counts == {"Patrick Carlineo Jr.": 4, "Bill Clinton": 1, "Hillary Clinton": 1}


def test_a_rank_before_an_english_word_opens_a_companys_name() -> None:
    whole = "Shares in Premier Foods rose. Premier Li Keqiang spoke."
    doc = SharedNLP("accurate").doc(whole)
    found = [("PERSON", whole.index(text), whole.index(text) + len(text)) for text in ("Foods", "Li Keqiang")]
    repaired = repair_mentions(doc, found, lambda name: False)
    assert [(label, whole[start:end]) for label, start, end in repaired] == [
        ("ORG", "Premier Foods"),
        ("PERSON", "Li Keqiang"),
    ]


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_english_words_ending_in_a_plural_name_no_person_unless_a_surname(profile: str) -> None:
    text = "Fans queued for the Star Wars premiere. Amazon sold Echo Buds. Maxine Waters said so. Waters left."
    people = {e.name for e in _entities(Article(text=text), profile).entities if e.label == "PERSON"}
    assert "Maxine Waters" in people and not people & {"Star Wars", "Echo Buds"}


def test_a_nickname_and_the_given_name_it_is_short_for_name_one_person() -> None:
    names = ["Thomas Weinandy", "Tom Weinandy", "Weinandy", "Bob Menendez", "Robert Menendez", "Ed Smith", "Ted Smith"]
    found = [("PERSON", EntityMention(start=10 * i, end=10 * i + 5, text=name)) for i, name in enumerate(names)]
    counts = {e.name: e.count for e in group_mentions(found)}
    # 'Ed' and 'Ted' are both short for 'Edward', but neither is the other's nickname
    assert counts == {"Thomas Weinandy": 3, "Robert Menendez": 2, "Ed Smith": 1, "Ted Smith": 1}


def test_the_surname_he_before_a_name_is_part_of_it() -> None:
    text = "He Jianxiong, a former director at the International Monetary Fund, said the talks were hard. He left."
    names = {e.name: e.label for e in _entities(Article(text=text), "accurate").entities}
    assert names.get("He Jianxiong") == "PERSON" and "Jianxiong" not in names


def test_nationalities_are_words_of_countries_not_names() -> None:
    table = nationalities()
    assert table["russian"] == "Russia" and table["north korean"] == "North Korea" and table["serbian"] == "Serbia"
    assert not {"kristi", "christian", "brian", "nissan", "delhi", "russia"} & set(table)


def test_provinces_are_regions_not_nationalities_or_position_words() -> None:
    table = provinces()
    assert table["punjab"] == "India" and table["idlib"] == "Syria" and table["sindh"] == "Pakistan"
    assert not {"western", "central", "north central", "american", "russian"} & set(table)


def _page(shared_data: Path, prefix: str) -> Article:
    paths = glob.glob(str(shared_data / "extraction-bench" / "html" / f"{prefix}*.html.gz"))
    if not paths:
        pytest.skip("shared extraction pages not available")
    return extract(paths[0])


@pytest.mark.parametrize(
    ("page", "text", "label"),
    [
        ("1ee91d1f", "Jordan", "GPE"),  # was PERSON ×5
        ("1ee91d1f", "al-Tanf", "GPE"),  # was PERSON ×8
        ("1f765c48", "Sputnik", "ORG"),  # was PERSON
        ("7a457a4f", "Associated Press", "ORG"),  # was "Associated Press that"
        ("291a8bf3", "Tim Cook", "PERSON"),
        ("08f79376", "Steelers", "ORG"),  # "the Steelers": was PERSON
        ("08f79376", "Browns", "ORG"),  # "the Browns' defense": was PERSON
        ("264dc3ae", "Sabres", "ORG"),  # was PERSON
        ("08f79376", "Mason Rudolph", "PERSON"),  # was ORG, beside "Rudolph" (PERSON)
        ("6a72de37", "Morgan Burnett", "PERSON"),  # was GPE, beside "Burnett" (PERSON)
        ("0d461229", "Nicolas Jarry", "PERSON"),  # was "Nicolas Jarry 6-4"
        ("42aad16b", "Jeff Bezos", "PERSON"),  # was "Jeff Bezos’s Blue Origin" (PERSON)
        ("42aad16b", "Blue Origin", "ORG"),
        ("3f65af7b", "Twitter", "ORG"),  # was PERSON (so was the gazetteer's)
        ("360c732d", "Alibaba", "ORG"),  # was GPE
        ("5fa3154e", "Hong Kong Human Rights and Democracy Act", "LAW"),  # was ORG, and spoke: "… Act would impose"
        ("65bf3048", "MacBook Pro", "PRODUCT"),  # a laptop: was an organisation x58
        ("7a664e40", "European Union", "ORG"),  # was "Union": 'European' cut as if a nationality before a title
        ("39d5c43b", "American Enterprise Institute", "ORG"),  # was "Enterprise Institute"
        ("3cb5e2f4", "Nissan North America Inc.", "ORG"),  # was "North America Inc."
        ("7a664e40", "Bidens", "NORP"),  # "Burisma and the Bidens": a family, was a place
        ("7a664e40", "Burisma", "ORG"),  # "Ukrainian energy company Burisma": was PERSON ×3
        ("5caf91b8", "Chronicle", "ORG"),  # "The Chronicle says": was PERSON, apart from "San Francisco Chronicle"
        ("680c2848", "Stadia", "ORG"),  # was PERSON ×30, with "Stadia Offer"
        ("287e4d9f", "Dell Alienware", "PRODUCT"),  # was PERSON
        ("65bf3048", "Thunderbolt", "PRODUCT"),  # "an older Thunderbolt dock": was PERSON
        ("156770d6", "Kristi Noem", "PERSON"),  # was "Noem": "Kristi" cut as if a nationality ("-ian", "-i")
        ("6ebac05f", "Ilhan Omar", "PERSON"),  # was "Omar"
        ("264dc3ae", "Ryan Suter", "PERSON"),  # was "Suter"
        ("0d461229", "Cristian Garin", "PERSON"),  # was "Garin"
        ("0d461229", "Opelka", "PERSON"),  # '"Came down to a few points," Opelka said': was NORP, and unresolved
        ("51374560", "Menear", "PERSON"),  # was PRODUCT beside "Craig Menear", and his quote unresolved
        ("4648a420", "Broncos", "ORG"),  # a team with no "the" before it: was PERSON
        ("16c30add", "Delhiites", "NORP"),  # a place's people: was ORG, as a team would be
        ("776a1c04", "SIOUX FALLS", "GPE"),  # the dateline "SIOUX FALLS, S.D. (AP) —": was PERSON
        ("7ab16ade", "Steelers", "ORG"),  # was PERSON
        ("2f42ef1d", "Yahoo", "ORG"),  # the gazetteer's organisation, tagged a person: was PERSON
        ("70cb2d5b", "Dick Clark Productions", "ORG"),  # was PERSON: named after a person, it is a company
        ("7dfc3e35", "Carrie Ann Inaba", "PERSON"),  # was "Ann Inaba": 'Carrie' is a census first name
        ("16c30add", "Punjab", "GPE"),  # "the Punjab province": was NORP
        ("7a457a4f", "First Amendment", "LAW"),  # was a title of a work
        ("0d461229", "Chile", "GPE"),  # was "Chile 3-0", a building
        ("16c30add", "San Francisco Bay Area", "LOC"),  # the gazetteer's place, tagged a building
        ("264dc3ae", "BUFFALO", "GPE"),  # the dateline "BUFFALO, N.Y. —": was NORP (the gazetteer's place)
        ("06e5123e", "Marcelo Claure", "PERSON"),  # "executive chair Marcelo Claure": was ORG, and spoke as "Claure"
        ("6ebac05f", "Jeanine Pirro", "PERSON"),  # "Fox News host Jeanine Pirro’s comments": was ORG
        ("0d461229", "Diego Schwartzman", "PERSON"),  # '"…," the 14th-ranked Schwartzman said': was ORG
        ("6a72de37", "Mason Rudolph", "PERSON"),  # "against Mason Rudolph, a below average quarterback": was ORG
        ("3ce1c8fd", "Keetan Munsell", "PERSON"),  # "Salina South diver Keetan Munsell": was ORG
        ("076f4f33", "Aryavir Kumar", "PERSON"),  # "Aryavir Kumar and Margarita Kuritsyna": was ORG
        ("30b771a4", "Freddie Spencer", "PERSON"),  # "shots of Freddie Spencer and Evel Knievel": was ORG
        ("785affa2", "Chris Pine", "PERSON"),  # "both Hemsworth and Pine were said to …": was ORG, and "Pine" ORG ×2
        ("702d1da6", "Eswar Prasad", "PERSON"),  # "Eswar Prasad, a trade professor at Cornell, said": untagged
        ("0d461229", "Novak Djokovic", "PERSON"),  # "Serbia’s Novak Djokovic and Britain’s Andy Murray": untagged
        ("264dc3ae", "Casey Mittelstadt", "PERSON"),  # "Sabres center Casey Mittelstadt": untagged
        ("287e4d9f", "Nintendo Switch Lite", "PRODUCT"),  # was PERSON ×11, with its "Switch"
        ("5fbc7ccb", "DJI Mavic Mini", "PRODUCT"),  # was PERSON
        ("0d461229", "Davis Cup", "EVENT"),  # was PERSON ×4
        ("33fe2471", "Balmond Studio", "ORG"),  # was PERSON
        ("3f65af7b", "Sioux Falls", "GPE"),  # "of Sioux Falls": was PERSON
        ("432362af", "Huade", "GPE"),  # "in the county of Huade": no town GeoNames lists, placed by its context
        ("5f9c5ed5", "Punjab", "GPE"),  # "from Punjab’s Bhatinda": was a person "’s Bhatinda" ('’s' a first name)
        # people whose given name the census lacks: a given name somewhere in the world, or a census surname
        ("358cc4a0", "Kepa Arrizabalaga", "PERSON"),
        ("0d461229", "Andrey Rublev", "PERSON"),
        ("0d461229", "Jean-Julien Rojer", "PERSON"),
        ("0dd13570", "Funke Adedoyin", "PERSON"),
        ("6a72de37", "Devaroe Lawrence", "PERSON"),
        ("70cb2d5b", "Scooter Braun", "PERSON"),  # English words, but 'Braun' a common surname
    ],
)
def test_real_page_labels(shared_data: Path, page: str, text: str, label: str) -> None:
    assert _labels(_entities(_page(shared_data, page), "accurate"))[text] == label


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("1f765c48", "lorry crash"),
        ("291a8bf3", "Hosting Cook"),
        ("08f79376", "Garrett hit Rudolph"),  # a clause, not an organisation
        ("51d066b0", "Officers arrested Webb"),  # a clause, not a title
        ("0d461229", "Nicolas Jarry 6-4"),  # a name and a score
        ("42aad16b", "Jeff Bezos’s Blue Origin"),  # a company named after its owner
        ("16c30add", "Rice"),  # "Rice production typically takes place in two stages": was PERSON
        ("4219d096", "Honey"),  # a recipe's ingredient: was PERSON
        ("65bf3048", "MacBook Pro for"),  # "The MacBook Pro for the last seven years"
        ("7a664e40", "Energy"),  # "Energy Secretary Rick Perry": part of a title, was an organisation
        ("7a664e40", "Union"),
        ("1ee91d1f", "Cmdr"),  # "Cmdr. Sean Robertson": a title tagged as a person of its own
        ("3d8f3404", "Universal"),  # "signed to Universal as a songwriter": an English word, no name: was PERSON
        ("4648a420", "Award"),  # "a 40 Under 40 Award recipient": was PERSON
        ("5a822960", "Inn"),  # "Braunau am Inn": was PERSON
        ("776a1c04", "Meth"),  # "Meth. We're On It." (a campaign's slogan): was PERSON
        ("1ace8c85", "IPO"),  # "its cancelled IPO": was an organisation
        ("57e2e988", "AI"),  # was an organisation
        ("55bb6340", "WTF"),  # "trying to figure out WTF private equity is": was an organisation
        ("55bb6340", "PE"),  # "PE shops" (private equity): was an organisation
        ("3cb22bfa", "EV"),  # was an organisation
        ("65bf3048", "Thunderbolt 3"),  # a port: was a person (a person's name has no digits)
        ("05844573", "RAV4 Hybrid"),  # a car: was a person
        ("680c2848", "Tomb Raider 2013"),  # a game: was a person
        ("3cb22bfa", "Sportback 50"),  # a car: was a law (a law has a law's word in its name)
        ("65bf3048", "Touch Bar"),  # was a law
        ("5f03fc17", "Phase 1"),  # was a law
        ("686bb170", "Twitter @michaeldwall"),  # a handle: was a person
        ("57d46c9d", "Copper CMCU3"),  # a metal and its Reuters instrument code: was a place
        ("57d46c9d", "Sterling GBP="),  # was an organisation
        ("287e4d9f", "Pokemon Sword OR Shield"),  # two games: was a person ×11
        ("65bf3048", "USB"),  # a port: was an organisation ×15
        ("3d8f3404", "Oscar"),  # "how Oscar-winning actress …": an award, was a person
        ("65bf3048", "Keyboard"),  # a heading's word the review writes in lower case too: was an organisation
        ("287e4d9f", "Dashlane"),  # a password manager: was a country, city or state ×3
        ("65bf3048", "Fahrenheit"),  # was a country, city or state
        ("680c2848", "Steam"),  # a game store: was a country, city or state
        ("65bf3048", "GPU"),  # was an organisation ×5
        # 'people' nothing marks as people: no given or surname, title, speech or 'who' (were PERSON)
        ("680c2848", "Nintendo Switch"),
        ("63db31a1", "Fallen Order"),  # ×11: its words are English words
        ("63db31a1", "Wars Jedi"),  # ×6, and its one-word mention "Jedi" with it
        ("63db31a1", "Jedi"),
        ("65bf3048", "Dolby Atmos"),
        ("1ee91d1f", "Inherent Resolve"),  # Operation Inherent Resolve
        ("6a72de37", "Defensive Line"),  # English words, and 'Line' no common surname
        ("33fe2471", "Parabolic Lightcloud"),  # an artwork
        ("63db31a1", "Sekiro"),  # a game: no given name, no surname, nothing else on the page ends in it
        ("63db31a1", "Respawn"),  # a game studio
        ("680c2848", "Gylt"),
        ("7f93c194", "Statista"),
    ],
)
def test_real_page_non_names_are_gone(shared_data: Path, page: str, text: str) -> None:
    assert text not in _labels(_entities(_page(shared_data, page), "accurate"))


def test_a_name_tagged_once_is_the_same_name_where_the_ner_passed_it_by(shared_data: Path) -> None:
    article = _page(shared_data, "06e5123e")  # the NER tags 'WeWork' in some sentences, not in these two
    mentions = {
        (m.start, m.end) for e in _entities(article, "accurate").entities if e.name == "WeWork" for m in e.mentions
    }
    for words in ("a WeWork spokesperson", "WeWork declined to comment"):
        start = article.text.index(words) + words.index("WeWork")
        assert (start, start + len("WeWork")) in mentions


def test_a_known_first_name_before_a_surname_the_ner_passed_by_makes_the_full_name(shared_data: Path) -> None:
    article = _page(shared_data, "264dc3ae")  # the NER misses "Zach Parise’s two-goal performance", tags "Parise"
    people = {e.name: e.count for e in _entities(article, "accurate").entities if e.label == "PERSON"}
    assert people.get("Zach Parise") == 10
    assert "Parise" not in people


@pytest.mark.parametrize(
    ("text_file", "name"),
    [
        ("huff-post_2015-11-08_ben-carson-defends-himself-again.txt", "Ben Carson"),  # was 'Ben Carson Defends'
        ("huff-post_2016-05-12_george-zimmerman-auctioning-off-.txt", "George Zimmerman"),  # '… Auctioning Off'
        ("huff-post_2016-03-10_trump-says-he-never-pledged-to-k.txt", "Trump"),  # was 'Trump Says He Never'
    ],
)
def test_a_headline_name_stops_where_the_body_names_the_person(shared_data: Path, text_file: str, name: str) -> None:
    paths = glob.glob(str(shared_data / "quotes" / "polnear" / "raw" / "*" / "text" / text_file))
    if not paths:
        pytest.skip("PolNeAR texts not available")
    text = Path(paths[0]).read_text(encoding="utf-8")
    people = [e for e in _entities(Article(text=text), "accurate").entities if e.label == "PERSON"]
    headline = next(m for e in people for m in e.mentions if m.start == 0)
    assert headline.text == name
    assert not [e.name for e in people if e.name.startswith(name + " ") and len(e.name.split()) > 2]


def test_a_headline_name_starts_after_english_words_before_the_persons_name(shared_data: Path) -> None:
    text_file = (
        "breitbart_2016-02-11_fix-is-in-pbs-moderators-ignore-.txt"  # 'FIX IS IN: PBS Moderators Ignore Clinton …'
    )
    paths = glob.glob(str(shared_data / "quotes" / "polnear" / "raw" / "*" / "text" / text_file))
    if not paths:
        pytest.skip("PolNeAR texts not available")
    text = Path(paths[0]).read_text(encoding="utf-8")
    people = {e.name: e for e in _entities(Article(text=text), "accurate").entities if e.label == "PERSON"}
    assert "Ignore Clinton" not in people
    assert any(
        text[m.start : m.end] == "Clinton" and m.end < text.index("\n") for m in people["Hillary Clinton"].mentions
    )


def test_another_name_of_a_known_organisation_is_an_organisation_whatever_its_tag() -> None:
    assert _relabel("GPE", "Daesh", {}, lambda _: False) == "ORG"
    assert _relabel("PERSON", "ISIL", {}, lambda _: False) == "ORG"
    assert _relabel("GPE", "Raqqa", {}, lambda _: False) == "GPE"


def test_a_headline_in_title_case_with_small_words_cuts_the_name_at_the_surname() -> None:
    text = (
        "Glenn Beck Blasts Drudge for Mocking His Fast, Quotes Bible to Encourage Indiana to Turn Away from Boasters\n\n"
        "After the report, Glenn Beck doubled down on his rhetoric. Beck said the fast would go on."
    )
    people = _people_counts(text)
    assert people["Glenn Beck"] == 3
    assert not any("Blasts" in name for name in people)


def test_a_surname_a_man_and_a_woman_share_joins_by_the_gender_of_its_title() -> None:
    text = (
        "The first lady, Michelle Obama, greeted Hillary Clinton and Bill Clinton at the party. Mr. Obama spoke "
        "first. Mrs. Obama thanked the guests. Mrs. Clinton said she was glad to be there. Mr. Clinton laughed. "
        "Clinton left early. Mr. Obama stayed."
    )
    people = _people_counts(text)
    assert people == {"Michelle Obama": 2, "Obama": 2, "Hillary Clinton": 2, "Bill Clinton": 2, "Clinton": 1}


def test_a_photo_credit_gives_the_photographer_not_the_agency() -> None:
    text = "The president spoke in Orlando.\n\nCarlos Barria / Reuters.\n\nReuters reported that the visit was short."
    labels = {e.name: e.label for e in _entities(Article(text=text), "accurate").entities}
    assert labels.get("Carlos Barria") == "PERSON"
    assert "Carlos Barria / Reuters" not in labels and labels.get("Reuters") != "PERSON"


def test_a_name_without_a_religious_title_a_stray_possessive_or_the_employer_after_of() -> None:
    text = (
        "Archbishop Aris Shirvanian spoke at the church on Sunday. Later, Donald Trump‘s campaign answered him, and "
        "Travis Kalanick of Uber said nothing. Kalanick left. Catherine of Aragon was mentioned too."
    )
    people = {e.name for e in _entities(Article(text=text), "accurate").entities if e.label == "PERSON"}
    assert {"Aris Shirvanian", "Donald Trump", "Travis Kalanick"} <= people
    assert not {"Archbishop Aris Shirvanian", "Donald Trump‘s", "Travis Kalanick of Uber"} & people


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_a_rank_before_a_name_is_no_part_of_it_and_one_person_is_one_entity(profile: str) -> None:
    text = (
        "Cardinal Sean O'Malley of Boston spoke on Monday. Later Cardinal O'Malley said the church must act. "
        "Professor Maurizio Chiodi wrote a book. Professor Chiodi defended it. Bishop Juan Barros resigned, and "
        "Bishop Barros said he was innocent. Julie Bishop said nothing. Bishop Accountability, a group, published "
        "files. Chinese Premier Li Keqiang came. Premier Li said trade would grow. Premier League clubs played. "
        "Father Thomas G. Weinandy wrote a letter. Father Weinandy sent it. Sheriff Joe Lombardo spoke, and Sheriff "
        "Lombardo took questions. The letter went to Cardinals Marc Ouellet and Blase Cupich on Monday."
    )
    entities = _entities(Article(text=text), profile).entities
    people = {e.name: e.count for e in entities if e.label == "PERSON"}
    assert "Marc Ouellet" in people and not any(name.startswith("Cardinals") for name in people), people
    names = ("Sean O'Malley", "Maurizio Chiodi", "Juan Barros", "Li Keqiang", "Thomas G. Weinandy", "Joe Lombardo")
    assert {name: people.get(name) for name in names} == dict.fromkeys(names, 2), people
    assert people.get("Julie Bishop") == 1
    labels = {e.name: e.label for e in entities}
    assert labels.get("Bishop Accountability") == "ORG" and labels.get("Premier League") in ("ORG", None)
    assert "League" not in labels


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_a_title_in_capitals_before_a_word_in_mixed_case_is_an_acronym_and_dr_congo_a_place(profile: str) -> None:
    text = (
        "Ebola has spread in Congo, and the DR Congo health ministry acted. Dr. Tedros said so. The DRC asked for "
        "help. Travis spokesman Airman Joe Conrad declined to comment. Prof. E. Christian Brugger replied."
    )
    entities = _entities(Article(text=text), profile).entities
    labels = {m.text: e.label for e in entities for m in e.mentions}
    assert {labels.get(name) for name in ("Congo", "DR Congo", "DRC")} == {"GPE"}
    assert labels.get("Tedros") == labels.get("Joe Conrad") == labels.get("E. Christian Brugger") == "PERSON"


def test_fast_names_a_person_before_of_and_no_person_with_joining_words() -> None:
    text = (
        "Olivier Le Guillou of Action Against Hunger spoke. The neighbouring Royal Borough of Greenwich adopted a "
        "motion. Vice Premier Liu He met officials. Ontario Premier Doug Ford came too."
    )
    labels = {e.name: e.label for e in _entities(Article(text=text), "fast").entities}
    assert labels.get("Le Guillou") == "PERSON" and labels.get("Action Against Hunger") != "PERSON"
    assert labels.get("Doug Ford") == "PERSON" and "Ontario Premier" not in labels
    assert "Royal Borough" not in labels and labels.get("Liu He", "PERSON") == "PERSON"


def test_a_one_word_organisation_the_article_writes_in_lower_case_is_a_common_noun() -> None:
    text = "Network has offered a path. The network said so. Acme said more at acme.com and twitter.com/acme."
    found = [("ORG", m.start(), m.end()) for m in re.finditer(r"Network|Acme", text)]
    kept = {text[s:e] for _, s, e in _without_common_nouns_as_organisations(text, found, {}, lambda _: False)}
    assert kept == {"Acme"}


def test_a_name_without_a_faith_word_a_verb_after_it_or_a_descriptor_before_it() -> None:
    text = (
        "La Stampa’s Robert Fastiggi Replied to Chris Ferrara’s articles. Fastiggi wrote again.\n\n"
        "In 1895, the Catholic Antonio Fogazzaro founded a lodge. Fogazzaro wrote a novel.\n\n"
        "Kritarch Patti Saris ruled on Friday. Patti Saris said more. Kritarch Saris had ruled before.\n\n"
        "US Judge Rejects Bid to Dismiss Indonesian Immigrant's Lawsuit, Jakarta Globe/Reuters, October 25, 2017"
    )
    people = _people_counts(text)
    assert {"Robert Fastiggi", "Antonio Fogazzaro", "Patti Saris"} <= people.keys()
    assert people["Patti Saris"] == 3
    assert not {"Robert Fastiggi Replied", "Catholic Antonio Fogazzaro", "Kritarch Patti Saris", "Rejects Bid"} & set(
        people
    )


@pytest.mark.parametrize(
    "line, name, verb_phrase",
    [
        ("US Judge Rejects Bid to Dismiss Indonesian Immigrant’s Lawsuit", "Rejects Bid", True),
        ("Marine Le Pen Backs Trump, Denounces Clinton", "Denounces Clinton", True),
        ("Paras Griffin via Getty Images.", "Paras Griffin", False),  # a photographer, first in the line
        ("Virginia Democrats said the vote was close.", "Virginia Democrats", False),  # no headline
    ],
)
def test_a_headline_verb_phrase_is_no_person(line: str, name: str, verb_phrase: bool) -> None:
    text = f"The first line.\n\n{line}\n\nMore text."
    start = text.index(name)
    assert _headline_verb_phrase(text, start, start + len(name)) == verb_phrase


def test_a_name_ends_before_a_verb_in_a_headline_or_a_past_tense() -> None:
    text = (
        "The report came out on Friday. Read more: Vatican Says Bergoglio Pleads Ignorance on Abuse Claims in Chile. "
        "Laura Loomer Tweeted about it, and Loomer Tweeted again. Tyra Banks Hosts New Show Tonight In Los Angeles."
    )
    people = _people_counts(text)
    assert people.get("Bergoglio") == 1 and people.get("Laura Loomer") == 2
    assert not any("Pleads" in name or "Tweeted" in name for name in people)


def test_a_headline_in_capitals_is_no_person() -> None:
    text = "TRUMP TELLS JEFF SESSIONS TO PUT AN END TO RUSSIA PROBE\n\nThe president wrote on Twitter on Wednesday."
    people = _people_counts(text)
    assert not any(len(name.split()) >= 4 for name in people), people


@pytest.mark.parametrize(
    "text, counts",
    [
        (  # a father and son the gazetteer knows stay two people; a suffix more is otherwise the same person
            "Donald Trump Jr. met the lawyer in June. Donald Trump said his son did nothing wrong. Trump Jr. released "
            "the emails. Patrick W. Carlineo Jr. pleaded guilty. Patrick Carlineo faces ten years.",
            {"Donald Trump Jr.": 2, "Donald Trump": 1, "Patrick W. Carlineo Jr.": 2},
        ),
        (  # a surname a father and son share names neither
            "President Donald Trump continued bashing the inquiry. But Trump on Monday said the meeting was legal. "
            "The meeting was arranged by Donald Trump Jr. last June.",
            {"Donald Trump Jr.": 1, "Donald Trump": 1},
        ),
        (  # words run on after a full name once are not the name
            "Iran's state news agency reported the visit on Monday.\n\n"
            'Louis Farrakhan Refers to the U.S. as "Great Satan" during a Tehran University Speech; Says to Iranians: '
            "the sanctions will fail.\n\nLouis Farrakhan spoke in Tehran on Sunday. Farrakhan said the sanctions would "
            "fail.",
            {"Louis Farrakhan": 3},
        ),
        (  # two men called Juan: a surname only one of them ends in is not given to the other
            "The victims accused a Chilean bishop, Juan de la Cruz Barros Madrid. Barros denied it. The lead voice of "
            "the victims, Juan Carlos Cruz, spoke out. Cruz told reporters that Barros saw it all.",
            {"Juan de la Cruz Barros Madrid": 1, "Juan Carlos Cruz": 1, "Cruz": 1},
        ),
        (  # one apostrophe or the other, and a rank before either name
            "Cardinal Sean O'Malley of Boston spoke on Monday. Later Cardinal O’Malley said the church must act.",
            {"Sean O'Malley": 2},
        ),
    ],
)
def test_people_and_their_mention_counts(text: str, counts: dict[str, int]) -> None:
    people = _people_counts(text)
    assert {name: people.get(name) for name in counts} == counts, people
