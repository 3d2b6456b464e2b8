"""Label and boundary repair after NER (statistical in `accurate`, rule-based in `fast`).

A name keeps its boundaries ("Islamic State", not NORP "Islamic" + "State"; "Associated Press", not
"Associated Press that"; "Cook", not "Hosting Cook"); a role phrase is not an organisation ("State" in
"Secretary of State"); lower-case phrases are not names ("lorry crash"); an outlet the outlet table
knows is an organisation ("Sputnik"); a place the gazetteer knows, or a name that stands where places
stand ("at al-Tanf"), is not a person; a headline's capitals do not run a name into the words after it ("George
Zimmerman Auctioning Off"); a name is a mention wherever it stands again, tagged or not ("a WeWork spokesperson");
and every mention of one name gets one label in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cache
from itertools import groupby
from typing import TYPE_CHECKING

from ..nationalities import nationalities, provinces
from ..nlp import text_of
from ..spans import line_around
from .names import (
    COMMON_NOUN_ACRONYMS,
    COMPANY_NOUNS,
    EVENT_WORDS,
    FAITH_WORDS,
    GENERIC_NAME_WORDS,
    INDUSTRY_WORDS,
    MODIFIER_SUFFIXES,
    OCCUPATION_WORDS,
    ORGANISATION_ALIASES,
    PARTY_WORDS,
    PLACE_ALIASES,
    PLACE_LAST_WORDS,
    PLACE_PREPOSITIONS,
    PLATFORM_NAMES,
    PRODUCT_LINE_WORDS,
    PRODUCT_NOUNS,
    RANK_WORDS,
    ROLE_DOMAINS,
    ROLE_HEADS,
    ROLE_PHRASES,
    TITLE_WORDS,
    WORK_NOUNS,
    hyphenated_given_name_end,
    is_name_suffix,
)
from .rules import (
    census_first_names,
    common_words,
    first_name_gender,
    first_names_in,
    known_place,
    load_gazetteer,
    normalise_name,
    rank_opens_a_company,
)
from .world_names import name_words, surname_rank, world_given_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Found", "repair_mentions", "without_common_nouns_as_people"]

Found = tuple[str, int, int]  # (label, start, end): a mention before cleaning
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TRAILING = frozenset(
    {"that", "who", "which", "whose", "where", "when", "and", "or", "of", "the", "'s", "’s"}
    | {"for", "in", "on", "at", "with", "to", "from", "by", "as"}  # 'The MacBook Pro for the last seven years'
)
_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC"})
_REPEATED_LABELS = frozenset({"PERSON", "ORG", "GPE"})
# Last words that make a name an institution's, whoever it is named after (not 'Post', 'Times', 'Bank': people
# are called so)
_INSTITUTION_WORDS = INDUSTRY_WORDS | frozenset(
    """productions studios pictures entertainment ministry department agency council committee commission university
    institute organization organisation association corporation company foundation federation authority society
    academy college colleges school institution museum infirmary studio group media center centre church
    state securities equities holdings technologies airline airlines observatory awards suites theater theatre
    brothers project programs co co. inc inc. corp corp. ltd ltd. llc plc band orchestra choir quartet journal
    reports patrol""".split()
)
# Last words that make a name a law ('Punjab Preservation of Subsoil Water Act' is no organisation); not 'Bill',
# 'Code', 'Accord' or 'Convention': 'Buffalo Bill', 'The Da Vinci Code', 'Honda Accord', 'Democratic National
# Convention'
_LAW_HEADS = frozenset({"Act", "Acts", "Amendment", "Amendments", "Constitution", "Treaty", "Charter", "Statute"})
# Words without one of which a name tagged a law is none ('Sportback 50', 'Touch Bar', 'Order 66')
_LAW_WORDS = _LAW_HEADS | frozenset(
    """Law Laws Bill Code Article Section Title Proposition Resolution Convention Accord Accords Agreement Declaration
    Ordinance Decree Directive Regulation Protocol Pact Covenant Doctrine""".split()
)
# Last words of places and institutions that are also surnames: right after a known first name (and an initial), a
# person's ('Adam Beach', 'Picabo Street', 'Frank Church', 'Douglas J. Band'; not 'Dave Matthews Band')
_SURNAME_LAST_WORDS = frozenset({"beach", "street", "church", "band"})
# An award named in a compound ('Oscar-winning'); not '-nominated', which follows presidents too ('Trump-nominated')
_AWARD_COMPOUND = re.compile(r"[-‐–](?:winning|winner)\b", re.IGNORECASE)
# Words a headline in title case leaves in lower case
_HEADLINE_SMALL_WORDS = frozenset("a an the and but or nor for of to in on at by from with as vs. via into".split())
# Last words of a region's name ('Logar province', 'Inner Mongolia Autonomous Region'): a place's last words but a
# site's ('street', 'square'), and administrative ones
_REGION_WORDS = frozenset(word for word, kind in PLACE_LAST_WORDS.items() if kind != "FAC") | frozenset(
    "province provinces region state states district territory governorate prefecture oblast municipality".split()
)
# Nouns before 'of' and a place's name ('the county of Huade', 'the town of Kennebunkport')
_PLACE_NOUNS = _REGION_WORDS | frozenset(
    "town towns village villages capital suburb neighborhood neighbourhood".split()
)
_MINOR_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
# Reuters instrument codes written after a name: 'CMCU3', 'LCOc1', 'GBP=', 'US10YT=RR', '.DJI'
_INSTRUMENT_CODE = re.compile(r"(?<![\w.])(?:[A-Z]{2,}[a-z]?\d+\b|[A-Z0-9]{2,}=[A-Z]*|\.[A-Z]{3,}\b)")
_NAME_PARTICLES = frozenset({"al", "el"})
_TRAILING_SCORE = re.compile(r"\s+\d+[-–]\d+$")  # 'Nicolas Jarry 6-4'
_WORD_AFTER = re.compile(r"[ \t]+(\w+)")
# What follows a dateline's place: a state's abbreviation ('SIOUX FALLS, S.D.', 'Dekalb, Ill.') or a wire's name
_DATELINE_TAIL = re.compile(r",[ \t]*(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)|[ \t]*\((?:AP|Reuters|AFP|UPI)\)")
_MAX_EXTENSION = 3  # proper nouns a name may grow by to reach a gazetteer name


def repair_mentions(doc: Doc, found: list[Found], is_outlet: Callable[[str], bool]) -> list[Found]:
    """Mentions with repaired boundaries and labels, overlapping ones merged, in text order."""
    gazetteer = load_gazetteer()
    whole = text_of(doc)
    repaired: list[Found] = []
    for label, start, end in (
        part for item in found for line in _split_lines(whole, item) for part in _split_list(whole, line)
    ):
        bounds = _trim(doc, start, end)
        held_role = _name_after_role_domain(whole, *bounds) if bounds is not None else None
        if held_role is not None:
            label, bounds = held_role
        if bounds is not None and label == "PERSON":
            label, bounds = _name_opened_by_a_rank(whole, *bounds) or (label, bounds)
        if bounds is not None and label == "ORG":
            label, bounds = _titled_person(doc, *bounds, first_names()) or (label, bounds)
        if bounds is not None and label == "PERSON":
            bounds = _name_alone(doc, *_with_surname_he(doc, *_from_first_name(doc, *bounds, first_names())))
        if bounds is not None:
            bounds = _without_score(whole, *bounds)
        if bounds is not None and label == "PERSON":
            bounds = _without_credit(whole, *bounds)
        if bounds is not None and label == "PERSON":
            bounds = _with_epithet(whole, *bounds)
            bounds = bounds[0], hyphenated_given_name_end(whole, *bounds) or bounds[1]
        if bounds is None or _inside_role_phrase(whole, *bounds) or _generic(whole[bounds[0] : bounds[1]]):
            continue
        if label == "PERSON" and _AWARD_COMPOUND.match(whole, bounds[1]):
            continue  # 'Oscar-winning', 'Tony-winning': an award, not a person
        if label == "PERSON" and (_headline_verb_phrase(whole, *bounds) or _shouted_phrase(whole, *bounds)):
            continue
        if label == "PERSON":
            bounds = _before_headline_verb(whole, *bounds)
        if _a_clause(doc, *bounds):
            continue
        # the tagger's table may know the domain and the name run together: 'National Intelligence Clapper'
        start, end = bounds if held_role else _grow_to_known_name(doc, *bounds, gazetteer)
        label = _relabel(label, whole[start:end], gazetteer, is_outlet)
        repaired.append((label, start, end))
    repaired = _descriptors_cut(whole, _headline_names_cut(whole, _drop_overlaps(repaired)))
    repaired = _titles_before_names_cut(whole, repaired, gazetteer)
    repaired = _places_by_context(whole, repaired, gazetteer)
    repaired = _dateline_places(whole, repaired, gazetteer)
    repaired = _teams_after_their_places(whole, repaired)
    repaired = _unconfirmed_places_dropped(whole, repaired, gazetteer)
    repaired = _companies_by_context(whole, repaired, gazetteer)
    repaired = _products_by_context(whole, repaired, gazetteer)
    repaired = _works_by_context(doc, repaired, gazetteer)
    repaired = _products_of_companies(whole, repaired, gazetteer)
    repaired = _groups_by_article(whole, repaired, gazetteer)
    repaired = without_common_nouns_as_people(whole, repaired)
    repaired = _people_with_a_sign(doc, repaired, gazetteer)
    repaired = _people_tagged_otherwise(doc, repaired, gazetteer, is_outlet)
    repaired = _without_common_nouns_as_organisations(whole, repaired, gazetteer, is_outlet)
    repaired = _things_named_after_the(doc, repaired)
    repaired = _untagged_repeats(doc, repaired)
    repaired = _untagged_described_people(doc, repaired)
    repaired = _people_after_a_comma(whole, _people_after_an_owner(whole, repaired))
    repaired = _short_names_of_organisations(whole, repaired, gazetteer)
    return [item for item in _one_label_per_name(whole, repaired, gazetteer) if _vouched(whole, *item)]


_OWNER_MARK = re.compile(r"(?:[’']s|s[’'])\s+")


def _people_after_an_owner(whole: str, found: list[Found]) -> list[Found]:
    """'According to Big League Politics’ Cassandra Fairbanks, …': a name the tagger ran from an owner into a person's
    full name (a known first name and a surname after the possessive) is the owner and the person."""
    repaired: list[Found] = []
    for label, start, end in found:
        mark = _OWNER_MARK.search(whole, start, end) if label in ("ORG", "PERSON") else None
        after = whole[mark.end() : end].split() if mark is not None else []
        if (
            mark is None
            or len(after) < 2
            or after[0].lower() not in first_names()
            or not all(w[:1].isupper() for w in after)
        ):
            repaired.append((label, start, end))
            continue
        owner_end = mark.start() + (1 if whole[mark.start()] == "s" else 0)
        repaired += [("ORG", start, owner_end), ("PERSON", mark.end(), end)]
    return repaired


def _people_after_a_comma(whole: str, found: list[Found]) -> list[Found]:
    """'Above the picture of Eizenkot, Zakkout wrote …', 'Above the video on Facebook, Zakkout praised Duke': a name
    the tagger ran over a comma, whose words after it name a person the page names, is that person."""
    person_words = {word for label, start, end in found if label == "PERSON" for word in whole[start:end].split()}
    repaired: list[Found] = []
    for label, start, end in found:
        comma = whole.rfind(", ", start, end)
        after = whole[comma + 2 : end].split() if comma > start else []
        if after and not is_name_suffix(after[0]) and set(after) <= person_words:
            label, start = "PERSON", comma + 2
        repaired.append((label, start, end))
    return repaired


def _vouched(whole: str, label: str, start: int, end: int) -> bool:
    """A name of its kind, once every mention has its label: a law has a law's word in its name ('Sportback 50',
    'Phase 1', 'Touch Bar' are none), a person's name has no digits ('Thunderbolt 3', 'RAV4 Hybrid') and no name
    has an @ ('Twitter @michaeldwall' is a handle) or a market's instrument code ('Copper CMCU3', 'Sterling
    GBP=')."""
    text = whole[start:end]
    if "@" in text or _INSTRUMENT_CODE.search(whole, start, end):
        return False
    if label == "LAW":
        return bool(_LAW_WORDS.intersection(text.split()))
    return label != "PERSON" or not any(character.isdigit() for character in text)


def _split_lines(text: str, item: Found) -> list[Found]:
    """A name never runs over a line break ('Thunderbolt 3⏎⏎Apple' is two mentions)."""
    label, start, end = item
    pieces: list[Found] = []
    for line in text[start:end].split("\n"):
        if line.strip():
            pieces.append((label, start, start + len(line)))
        start += len(line) + 1
    return pieces


# What may follow a comma inside one name: a company's form or a religious order ('CollectiveBias, Inc.', 'Silvano
# Fausti, SJ'), an abbreviation ('Washington, D.C.'), a number ('September 11, 2001')
_AFTER_A_NAMES_COMMA = re.compile(
    r"(?:Inc|Ltd|LLC|LLP|PLC|plc|Co|Corp|SA|AG|NV|LP|SJ|OP|OFM|OSB)\b\.?|(?:[A-Z]\.)+|\d|[a-z]"
)
_NAME_LIST_LINKS = frozenset({"of", "for", "on"})  # 'Bureau of Alcohol, Tobacco, Firearms and Explosives'


def _split_list(text: str, item: Found) -> list[Found]:
    """'Big Machine, Braun', 'Cardinal Alfrink, Cardinal Frings', 'Congregation for Bishops, Lorenzo Baldisseri':
    a name the tagger ran over a comma into the next name is two mentions. Not split: a title, a name whose own
    words list things after 'of', 'for' or 'on' ('Council on Energy, Environment and Water'), and what follows a
    name's comma (`_AFTER_A_NAMES_COMMA`)."""
    label, start, end = item
    name = text[start:end]
    if label == "WORK_OF_ART" or ", " not in name:
        return [item]
    parts = name.split(", ")
    first, *rest = parts
    if any(_AFTER_A_NAMES_COMMA.match(part) or is_name_suffix(part.split()[0]) for part in rest if part):
        return [item]
    if _NAME_LIST_LINKS.intersection(first.split()) and (len(rest[-1].split()) == 1 or " and " in rest[-1]):
        return [item]
    pieces: list[Found] = []
    for part in parts:
        if part.strip():
            pieces.append((_label_of_listed(label, part), start, start + len(part)))
        start += len(part) + 2
    return pieces


def _label_of_listed(label: str, name: str) -> str:
    """A listed name's own label: a given name and a surname the gazetteer knows as nothing else is a person's
    ('Congregation for Bishops, Lorenzo Baldisseri')."""
    known = load_gazetteer().get(normalise_name(name))
    return "PERSON" if _first_name_and_surname(name.split()) and known in (None, "PERSON") else label


@cache
def first_names() -> frozenset[str]:
    """First words of the people the gazetteer knows by two or more words, computed once."""
    return first_names_in(load_gazetteer())


def _from_first_name(doc: Doc, start: int, end: int, known: frozenset[str]) -> tuple[int, int]:
    """'Browns DL Sheldon Richardson' is Sheldon Richardson: a person's name starts at a known first name
    that follows other capitalised words (a team, a position), when two or more words come after it."""
    tokens = _tokens(doc, start, end)
    for k, token in enumerate(tokens[1:-1], start=1):
        if token.lower_ in known and not any(t.lower_ in known or t.text.endswith(".") for t in tokens[:k]):
            return (start, end) if _given_name_continues(tokens[k:]) else (token.idx, end)
    return start, end


def _given_name_continues(tokens: list[Token]) -> bool:
    """'Jae-in' in 'Moon Jae-in', 'Ki-moon' in 'Ban Ki-moon': a hyphen and a lower-case part after what reads as a
    given name make one given name, after the surname; so does a particle's ('Haider al-Abadi', 'Abd al-Mumin')."""
    if len(tokens) != 3 or tokens[1].text != "-":
        return False
    return tokens[2].text.islower() or tokens[0].lower_ in _NAME_PARTICLES


def _with_surname_he(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """'He Jianxiong, the former executive director …': the tagger reads the surname He as the pronoun; a pronoun
    right before a name is no English, so it belongs to the name."""
    first = _tokens(doc, start, end)[:1]
    before = doc[first[0].i - 1] if first and first[0].i > 0 else None
    if before is not None and before.text == "He" and before.whitespace_ == " ":
        return before.idx, end
    return start, end


def _titled_person(doc: Doc, start: int, end: int, known: frozenset[str]) -> tuple[str, tuple[int, int]] | None:
    """'Interim BART Police Chief Ed Alvarez' is a person: a title word, then a known first name and more; so is
    'Marcelo Claure' after 'executive chair', a title just before a short name that opens with a known first name."""
    tokens = _tokens(doc, start, end)
    for k, token in enumerate(tokens[1:-1], start=1):
        if token.lower_ in known and tokens[k - 1].lower_ in TITLE_WORDS:
            return "PERSON", (token.idx, end)
    if len(tokens) in (3, 4) and nationality_or_faith(tokens[0].text) and tokens[1].lower_ in known:
        if not any(_english(t.text) for t in tokens[2:]):  # 'Catholic Antonio Fogazzaro', not 'Chinese Christian Union'
            return "PERSON", (tokens[1].idx, end)
    if 2 <= len(tokens) <= 3 and tokens[0].lower_ in known and _after_title(text_of(doc), start):
        return "PERSON", (start, end)
    return None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading verbs and lower-case words ('Hosting Cook'), trailing function words ('Associated Press that')
    and a modifier's hyphenated ending ('George W. Bush-era'); None when no capitalised word is left ('lorry crash')."""
    tokens = _tokens(doc, start, end)
    while tokens and len(tokens) > 1 and (_verb_at_sentence_start(tokens[0]) or not tokens[0].text[:1].isupper()):
        if tokens[0].lower_ in {"al", "al-", "de", "van", "von", "bin", "el"}:
            break
        tokens.pop(0)
    while len(tokens) > 1 and (tokens[-1].is_punct or (tokens[-1].lower_ in _TRAILING and tokens[-2].text != "-")):
        tokens.pop()  # not the end of 'Moon Jae-in'
    if len(tokens) > 2 and tokens[-2].text == "-" and tokens[-1].lower_ in MODIFIER_SUFFIXES:
        tokens = tokens[:-2]
    if not tokens or not any(t.text[:1].isupper() for t in tokens):
        return None
    first, last = tokens[0], tokens[-1]
    return max(start, first.idx), min(end, last.idx + len(last))


def _name_alone(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """A person's name without what the tagger ran on into: what the person owns ('Jeff Bezos’s Blue Origin'
    is Jeff Bezos), where the person works ('Travis Kalanick of Uber'; 'Catherine of Aragon' stays) or the end of a
    phrase before a comma ('Above the video on Facebook, Zakkout praised Duke': 'Patrick Carlineo, Jr.' stays)."""
    tokens = _tokens(doc, start, end)
    commas = [k for k, t in enumerate(tokens[1:-1], 1) if t.text == "," and not is_name_suffix(tokens[k + 1].text)]
    tokens = tokens[commas[-1] + 1 :] if commas else tokens  # 'Above the picture of Eizenkot, Zakkout wrote'
    owner = next(
        (k for k, t in enumerate(tokens[1:], 1) if t.lower_ in ("'s", "’s") or (t.lower_ == "of" and k >= 2)),
        len(tokens),
    )
    tokens = tokens[:owner]
    if len(tokens) > 1 and _past_tense_of_common_verb(tokens[-1].text):
        if len(tokens) > 2 or tokens[0].lower_ not in first_names():
            tokens.pop()  # 'La Stampa’s Robert Fastiggi Replied to …', 'Loomer Tweeted'
    if not tokens:
        return None
    return max(start, tokens[0].idx), min(end, tokens[-1].idx + len(tokens[-1]))


def nationality_or_faith(word: str) -> bool:
    """A word that describes a person before a name: a nationality or a faith ('Russian', 'Catholic')."""
    key = word.lower()
    return key in nationalities() or key in FAITH_WORDS


def _past_tense_of_common_verb(word: str) -> bool:
    """'Replied', 'Rejected', 'Stopped': a capitalised past tense no name list knows ('Reed' and 'Ahmed' are no
    English word's past)."""
    key = word.lower()
    if not key.endswith("ed") or key in common_words() or key in first_names():
        return False
    stems = {key[:-1], key[:-2], key[:-3] + "y", key[:-3]}
    return any(len(stem) > 2 and stem in common_words() for stem in stems)


def _headline_verb_phrase(whole: str, start: int, end: int) -> bool:
    """'US Judge Rejects Bid to …' in a line of capitalised words: no first name, a verb's third person before the
    last word and after the line's first word ('Paras Griffin via Getty Images' is a photographer), and nothing but
    English words."""
    words = whole[start:end].split()
    line_start = line_around(whole, start)[0]
    verbs = words[:-1] if whole[line_start:start].strip() else words[1:-1]
    return (
        len(words) > 1
        and words[0].lower() not in first_names()
        and any(_third_person_of_common_verb(w) for w in verbs)
        and all(_english(w) or w.lower() in _HEADLINE_SMALL_WORDS or _third_person_of_common_verb(w) for w in words)
        and _in_headline(whole, start, end)
    )


def _shouted_phrase(whole: str, start: int, end: int) -> bool:
    """'TRUMP TELLS JEFF SESSIONS (TO PUT AN END …)': four or more words in capitals, with a small word among them or
    in a line in capitals, are a headline, not a name."""
    name = whole[start:end]
    words = name.split()
    if len(words) < 4 or not name.isupper():
        return False
    line = whole[slice(*line_around(whole, start))]
    return any(w.lower() in _HEADLINE_SMALL_WORDS for w in words) or (line.isupper() and len(line.split()) >= 6)


def _before_headline_verb(whole: str, start: int, end: int) -> tuple[int, int]:
    """'Vatican Says Bergoglio Pleads Ignorance …': in a headline a name ends before its verb (not 'Tyra Banks': a
    first name before the word keeps it a surname)."""
    words = list(re.finditer(r"\S+", whole[start:end]))
    verb = next((k for k, w in enumerate(words[1:], 1) if _third_person_of_common_verb(w.group())), None)
    if verb is None or normalise_name(words[verb - 1].group()) in first_names():
        return start, end
    if not _in_headline(whole, start, end):
        return start, end
    return start, start + words[verb - 1].end()


def _english(word: str) -> bool:
    return word.lower() in common_words()


def _third_person_of_common_verb(word: str) -> bool:
    """'Rejects', 'Blasts', 'Apologizes' (or a plural, 'Democrats': only in a headline, with no first name and
    nothing but English words beside it, is it read as a verb)."""
    key = word.lower()
    if not key.endswith("s") or key.endswith("ss") or key in common_words():
        return False
    if key.endswith("ies"):
        stems = {key[:-3] + "y"}
    elif key.endswith(("ses", "xes", "zes", "ches", "shes")):
        stems = {key[:-1], key[:-2]}  # 'closes', 'fixes'
    else:
        stems = {key[:-1]}
    return bool(stems & common_words())


def _without_score(whole: str, start: int, end: int) -> tuple[int, int]:
    """A name without a score after it ('Nicolas Jarry 6-4', 'Chile 3-0')."""
    score = _TRAILING_SCORE.search(whole, start, end)
    return (start, score.start()) if score and score.start() > start else (start, end)


def _without_credit(whole: str, start: int, end: int) -> tuple[int, int] | None:
    """A photographer's name without the agency a credit line writes after a slash ('Carlos Barria / Reuters')."""
    slash = whole.find("/", start, end)
    if slash < 0:
        return start, end
    kept = whole[start:slash].rstrip()
    return (start, start + len(kept)) if kept else None


_EPITHET = re.compile(r" the ([A-Z][a-z]+)\b")


def _with_epithet(whole: str, start: int, end: int) -> tuple[int, int]:
    """'John the Baptist', 'Alexander the Great': a one-word name and the epithet after it name one person (not 'Trump
    the President', 'Wallace the Democrat')."""
    epithet = _EPITHET.match(whole, end)
    if " " in whole[start:end].strip() or epithet is None:
        return start, end
    word = epithet.group(1)
    if word.lower() in TITLE_WORDS | PARTY_WORDS or nationality_or_faith(word):
        return start, end
    return start, epithet.end()


def _a_clause(doc: Doc, start: int, end: int) -> bool:
    """'Garrett hit Rudolph' is a clause, not a name: a lower-case verb inside it (not a title's "I'd")."""
    return any(
        t.pos_ in {"VERB", "AUX"} and t.text.isalpha() and t.text.islower() for t in _tokens(doc, start, end)[1:-1]
    )


def _verb_at_sentence_start(token: Token) -> bool:
    """'Hosting Cook at Dreamforce …', 'Likewise Reagan cut …': a verb (or an -ing word, or an adverb) opening the
    sentence is not part of a name."""
    return token.pos_ in {"VERB", "AUX"} or (
        bool(token.is_sent_start) and (token.pos_ == "ADV" or (token.lower_.endswith("ing") and len(token) > 5))
    )


def _inside_role_phrase(whole: str, start: int, end: int) -> bool:
    """'State' in 'Secretary of State', 'Defense' in 'Secretary of Defense', 'Energy' in 'Energy Secretary':
    part of a title."""
    before = whole[max(0, start - 40) : start].lower()
    text = whole[start:end].lower()
    after = whole[end : end + 12].lower().split()
    if text in ROLE_DOMAINS and after and after[0] in ROLE_HEADS:
        return True
    return any(
        before.endswith(head) and text == tail for phrase in ROLE_PHRASES for head, tail in [_split_role(phrase)]
    )


_RANK_BEFORE = re.compile(r"\b([A-Z][a-z.]+) $")


def _name_opened_by_a_rank(whole: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """'Foods' tagged a person after 'Premier': a rank before one English word that is no surname opens a company's
    name ('Premier Foods', 'Cardinal Health'), no person's."""
    rank = _RANK_BEFORE.search(whole, max(0, start - 12), start)
    text = whole[start:end]
    if rank is None or rank.group(1).lower() not in RANK_WORDS or " " in text or not rank_opens_a_company(text):
        return None
    return "ORG", (rank.start(1), end)


_LONGEST_ROLE_PHRASE = max(map(len, ROLE_PHRASES))


def _name_after_role_domain(whole: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """'State Tillerson' after 'Secretary of', 'National Intelligence Clapper' after 'Director of': the tagger ran a
    title's domain into the name of the person who holds it."""
    before = whole[max(0, start - _LONGEST_ROLE_PHRASE) : start].lower()
    for phrase in ROLE_PHRASES:
        head, tail = _split_role(phrase)
        name = whole[start + len(tail) + 1 : end]
        if before.endswith(head) and whole[start:end].lower().startswith(tail + " ") and _could_be_a_name(name):
            return "PERSON", (end - len(name), end)
    return None


def _could_be_a_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and normalise_name(w) not in GENERIC_NAME_WORDS for w in words)


def _split_role(phrase: str) -> tuple[str, str]:
    head, _, tail = phrase.rpartition(" of ")
    return f"{head} of ", tail


def _generic(text: str) -> bool:
    """A 'name' made only of titles, generic words and common nouns' acronyms ('Front', 'State', 'Minister',
    'IPOs')."""
    words = normalise_name(text).split()
    return bool(words) and all(
        w in GENERIC_NAME_WORDS or w in TITLE_WORDS or w.removesuffix("s") in COMMON_NOUN_ACRONYMS for w in words
    )


def _grow_to_known_name(doc: Doc, start: int, end: int, gazetteer: Mapping[str, str]) -> tuple[int, int]:
    """'Islamic' followed by 'State' is 'Islamic State' when the gazetteer knows the longer name."""
    tokens = _tokens(doc, start, end)
    if not tokens:
        return start, end
    first, last = tokens[0].i, tokens[-1].i
    best = (start, end)
    for grow_left in range(0, _MAX_EXTENSION + 1):
        for grow_right in range(0, _MAX_EXTENSION + 1):
            lo, hi = first - grow_left, last + grow_right
            if (grow_left or grow_right) and 0 <= lo and hi < len(doc):
                added = [*doc[lo:first], *doc[last + 1 : hi + 1]]
                joins_at_an_end = {doc[lo].text, doc[hi].text} & _JOINING_WORDS  # 'George Soros-backed'
                if (
                    all(_name_word(t) for t in added)
                    and not joins_at_an_end
                    and normalise_name(doc[lo : hi + 1].text) in gazetteer
                ):
                    candidate = (doc[lo].idx, doc[hi].idx + len(doc[hi]))
                    if candidate[1] - candidate[0] > best[1] - best[0]:
                        best = candidate
    return best


_JOINING_WORDS = frozenset({"-", "of"})


def _name_word(token: Token) -> bool:
    return (token.text[:1].isupper() and token.pos_ in {"PROPN", "ADJ", "NOUN"}) or token.text in _JOINING_WORDS


def _relabel(label: str, text: str, gazetteer: Mapping[str, str], is_outlet: Callable[[str], bool]) -> str:
    """An outlet, a platform or another name of a known organisation ('Daesh') is an organisation; a name ending in
    'Act' or 'Amendment' is a law; a 'person' whose name ends in an institution's, an event's or a place's word, or in
    a known organisation's or place's name of two words or more ('the Obama White House'), is that; a minor kind of
    name the gazetteer knows as another kind is that kind; a known place or organisation named by one word is not a
    person or a group; a known place or a province is no nationality ('BUFFALO, N.Y.', 'the Punjab province')."""
    if label != "ORG" and (is_outlet(text) or text.strip().casefold() in PLATFORM_NAMES):
        return "ORG"
    if label != "ORG" and normalise_name(text) in ORGANISATION_ALIASES:
        return "ORG"  # 'Daesh', tagged a place
    if label == "ORG" and known_place(PLACE_ALIASES.get(normalise_name(text), "")):
        return "GPE"  # 'DR Congo', 'US', tagged an organisation
    words = text.split()
    if label in _NAME_LABELS | {"LAW"} and len(words) > 1 and words[-1] in _LAW_HEADS:
        return "LAW"
    last = words[-1].casefold() if len(words) > 1 and label == "PERSON" else ""
    if last in _SURNAME_LAST_WORDS and _first_name_and_surname(words):
        last = ""  # 'Frank Church'; not 'Solomon Missionary Baptist Church'
    if last in _INSTITUTION_WORDS:
        return "ORG"  # 'Dick Clark Productions', 'Walt Disney Company'
    if last in EVENT_WORDS:
        return "EVENT"  # 'Davis Cup'
    if last in PLACE_LAST_WORDS:
        return PLACE_LAST_WORDS[last]  # 'Sioux Falls', 'Ho Chi Minh City' (and 'Ho Chi Minh' stays a person)
    tail = gazetteer.get(normalise_name(" ".join(words[1:]))) if len(words) > 2 and label == "PERSON" else None
    if tail in PLACE_LABELS or tail == "ORG":
        return tail  # 'the Obama White House'
    known = gazetteer.get(normalise_name(text))
    if label in _MINOR_LABELS and known is not None:
        return known  # 'First Amendment' tagged a title of a work, 'Chile' (after its score) a building
    if label == "PERSON" and (known in PLACE_LABELS or known == "ORG") and " " not in text.strip():
        return known  # 'Yahoo', 'Dell' alone (a person named so in full on the page gets the name back)
    if label in PLACE_LABELS | {"NORP"} and known == "PERSON":
        return "PERSON"
    if label == "NORP" and known == "ORG" and " " in text.strip():
        return "ORG"
    if label == "NORP" and (known in PLACE_LABELS or normalise_name(text) in provinces()):
        return known or "GPE"  # the dateline's 'BUFFALO, N.Y.', 'the Punjab province'
    return label


def _first_name_and_surname(words: list[str]) -> bool:
    initial = len(words) == 3 and re.fullmatch(r"[A-Z]\.", words[1]) is not None
    return (len(words) == 2 or initial) and words[0].lower() in first_names()


def _drop_overlaps(found: list[Found]) -> list[Found]:
    """Grown names may now cover their neighbours: keep the longest of overlapping mentions."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: -(f[2] - f[1])):
        if not any(item[1] < k[2] and k[1] < item[2] for k in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f[1])


def _headline_names_cut(whole: str, found: list[Found]) -> list[Found]:
    """In a line of capitalised words a person's name runs into the words around it ('George Zimmerman Auctioning
    Off Gun …', 'Obama Says …', 'Denounces Clinton', 'POLLS -Donald Trump'): a person there ends at the first word
    that is the surname of a person the page names in full elsewhere, and starts at the first word that opens or
    ends such a name when only English words that are no first names stand before it."""
    headline = [label == "PERSON" and _in_title_case_line(whole, s) for label, s, _ in found]
    full_names = [
        normalise_name(whole[s:e]).split()
        for (label, s, e), in_headline in zip(found, headline, strict=True)
        if label == "PERSON" and " " in whole[s:e].strip() and not in_headline
    ]
    surnames = {words[-1] for words in full_names}
    name_words = surnames | {words[0] for words in full_names}
    cut: list[Found] = []
    for (label, start, end), in_headline in zip(found, headline, strict=True):
        words = list(re.finditer(r"\w\S*", whole[start:end])) if in_headline else []
        if words:
            opening = next((k for k, w in enumerate(words[1:], 1) if normalise_name(w.group()) in name_words), 0)
            if not all(_english_word_not_a_name(w.group()) for w in words[:opening]):
                opening = 0
            first = next((w for w in words[opening:-1] if normalise_name(w.group()) in surnames), None)
            start, end = start + words[opening].start(), start + first.end() if first is not None else end
        cut.append((label, start, end))
    return cut


_SPACES = re.compile(r"\s+")


def _titles_before_names_cut(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """'Charlotte Mayor' before 'Jennifer Roberts': a 'person' that ends in a title, right before a person's name, is a
    place's or a body's title for that person; the place stays ('Charlotte'), anything else would be a guess."""
    people_at = {start for label, start, _ in found if label == "PERSON"}
    cut: list[Found] = []
    for label, start, end in found:
        words = whole[start:end].split()
        next_name = _SPACES.match(whole, end)
        titled = len(words) > 1 and words[-1].lower() in TITLE_WORDS
        if label != "PERSON" or not titled or next_name is None or next_name.end() not in people_at:
            cut.append((label, start, end))
            continue
        place = whole[start:end].rsplit(None, 1)[0]
        if _known_place(normalise_name(place), gazetteer):
            cut.append(("GPE", start, start + len(place)))
    return cut


def _descriptors_cut(whole: str, found: list[Found]) -> list[Found]:
    """'Kritarch Patti Saris' beside 'Patti Saris': a word no list knows as a first name, before a known first name
    that opens a name the page also writes alone, describes the person; the name starts after it, there and in
    the page's other names it opens ('Kritarch Saris')."""
    people = {whole[s:e] for label, s, e in found if label == "PERSON"}
    descriptors = set()
    for label, start, end in found:
        words = whole[start:end].split()
        if (
            label == "PERSON"
            and len(words) > 2
            and normalise_name(words[0]) not in census_first_names()
            and normalise_name(words[1]) in first_names()
            and " ".join(words[1:]) in people
        ):
            descriptors.add(words[0])
    cut: list[Found] = []
    for label, start, end in found:
        words = whole[start:end].split()
        if label == "PERSON" and len(words) > 1 and words[0] in descriptors:
            start = whole.index(words[1], start + len(words[0]))
        cut.append((label, start, end))
    return cut


def _in_headline(whole: str, start: int, end: int) -> bool:
    return _in_title_case_line(whole, start) or _in_title_case_run(whole, start, end)


def _in_title_case_run(whole: str, start: int, end: int) -> bool:
    """The two words before the name and the two after, past small words, in its line, all capitalised: a headline
    run into its paragraph ('Read more: Vatican Says Bergoglio Pleads Ignorance on Abuse Claims …')."""
    line_start, line_end = line_around(whole, start)
    before = [w for w in whole[line_start:start].split() if w not in _HEADLINE_SMALL_WORDS][-2:]
    after = [w for w in whole[end:line_end].split() if w not in _HEADLINE_SMALL_WORDS][:2]
    return len(before) == len(after) == 2 and all(w[:1].isupper() for w in before + after)


def _in_title_case_line(whole: str, offset: int) -> bool:
    """A line of capitalised words; in the first line, a headline's, the small words headline style keeps in lower
    case do not count ('Glenn Beck Blasts Drudge for Mocking His Fast, Quotes Bible to Encourage Indiana')."""
    line_start, line_end = line_around(whole, offset)
    words = [w for w in whole[line_start:line_end].split() if w[:1].isalpha()]
    if not whole[:line_start].strip():
        words = [w for w in words if w not in _HEADLINE_SMALL_WORDS]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _places_by_context(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A one-word 'person' that stands after 'in', 'at', 'near' … in most of its mentions, and that no
    person's full name contains, is a place ('at al-Tanf', 'in Jordan')."""
    person_words = {w for label, s, e in found if label == "PERSON" for w in whole[s:e].split()[:-1]}
    by_name: dict[str, list[Found]] = {}
    for item in found:
        if item[0] == "PERSON" and " " not in whole[item[1] : item[2]].strip():
            by_name.setdefault(normalise_name(whole[item[1] : item[2]]), []).append(item)
    places = set()
    for name, mentions in by_name.items():
        after_preposition = sum(_after_place_preposition(whole, start) for _, start, _ in mentions)
        if gazetteer.get(name) != "PERSON" and name not in {w.lower() for w in person_words}:
            if after_preposition * 2 > len(mentions):
                places.add(name)
    return [("GPE" if normalise_name(whole[s:e]) in places else label, s, e) for label, s, e in found]


def _dateline_places(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A 'person' that opens a paragraph before a state's abbreviation or a wire's name is the dateline's place
    ('SIOUX FALLS, S.D. (AP) —', 'Dekalb, Ill. —'), unless it reads as a person ('Dianne Feinstein, Calif. …')."""

    def in_dateline(start: int, end: int) -> bool:
        return whole[max(0, start - 1) : start] in ("", "\n") and _DATELINE_TAIL.match(whole, end) is not None

    return _people_by_context(whole, found, gazetteer, in_dateline, "GPE")


# A capitalised plural right after a place's name ('Browns', 'Rams'; not 'Mass'), that no other name goes on from
# ('U.S. Securities and Exchange Commission')
_TEAM_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+[^s\W]s)\b(?![ \t]+(?:[A-Z]|(?:and|&|of)[ \t]+[A-Z]))")


def _teams_after_their_places(whole: str, found: list[Found]) -> list[Found]:
    """'Cleveland Browns', 'Los Angeles Rams': a place's name and a capitalised plural after it name a team, not the
    place (the fast profile's gazetteer knows the city, not the team); not a party's or a place's word ('Texas
    Democrats', 'Cayman Islands'), nor in a line of capitalised words ('California Fires Spread'). The team's plural
    alone ('the Browns'), where no other name covers it, is the team too."""
    repaired: list[Found] = []
    taken = {start for _, start, _ in found}
    team_words: set[str] = set()
    for label, start, end in found:
        team = _TEAM_WORD_AFTER.match(whole, end) if label == "GPE" else None
        word = team.group(1).lower() if team is not None else ""
        if (
            team is not None
            and team.start(1) not in taken
            and word.removesuffix("s") not in PARTY_WORDS
            and word not in PLACE_LAST_WORDS
            and not _in_title_case_line(whole, start)
        ):
            label, end = "ORG", team.end(1)
            team_words.add(team.group(1))
        repaired.append((label, start, end))
    covered = [(s, e) for _, s, e in repaired]
    alone = [
        ("ORG", m.start(), m.end())
        for word in team_words
        for m in re.finditer(rf"\b{re.escape(word)}\b", whole)
        if not _overlaps(covered, m.start(), m.end())
    ]
    return sorted([*repaired, *alone], key=lambda f: f[1]) if alone else repaired


def _unconfirmed_places_dropped(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A 'country, city or state' is kept when the name is a known place (GeoNames' countries, cities and US states,
    a province, the gazetteer's place), when its name ends in a region's word ('Logar province'), or when some
    mention stands where places do: after 'in', 'at', 'from' …, in a dateline, or after a known place and a comma
    ('Salina, Kan.'); otherwise its label would be a guess ('Dashlane', 'Steam', 'Fahrenheit'), and it is not kept.
    A name some mention gives another label, or that is part of a person's name ('Modi' beside 'Narendra Modi'), is
    left to the repairs that unify labels."""
    names = [normalise_name(whole[s:e]) for _, s, e in found]
    other_labels = {name for (label, _, _), name in zip(found, names, strict=True) if label != "GPE"}
    person_words = {
        w for (label, _, _), name in zip(found, names, strict=True) if label == "PERSON" for w in name.split()
    }
    unknown = {
        name
        for (label, _, _), name in zip(found, names, strict=True)
        if label == "GPE"
        and name not in other_labels
        and not _known_place(name, gazetteer)
        and not set(name.split()) <= person_words
        and name.removesuffix("s") not in person_words  # 'the Bidens', a family, beside 'Joe Biden'
    }
    placed = {
        name
        for (label, s, e), name in zip(found, names, strict=True)
        if label == "GPE" and name in unknown and _where_places_stand(whole, s, e, gazetteer)
    }
    dropped = unknown - placed
    return [item for item, name in zip(found, names, strict=True) if not (item[0] == "GPE" and name in dropped)]


def _known_place(name: str, gazetteer: Mapping[str, str]) -> bool:
    words = name.split()
    return (
        known_place(name)
        or name in provinces()
        or name in PLACE_ALIASES
        or gazetteer.get(name) in PLACE_LABELS
        or (len(words) > 1 and words[-1] in _REGION_WORDS)
    )


_COMMA_OR_DASH_AFTER = re.compile(r"\s*(?:,|—|–|-)")


def _where_places_stand(whole: str, start: int, end: int, gazetteer: Mapping[str, str]) -> bool:
    """After 'in', 'at' … or 'the town of'; opening a paragraph before a comma or a dash (a dateline); or after a
    known place and a comma ('SIOUX FALLS, S.D.'; not before one: 'Berenberg, Germany's …' is often no place)."""
    before_words = words_before(whole, start)
    if _after_place_preposition(whole, start) or (
        before_words[-2:-1] and before_words[-1] == "of" and before_words[-2] in _PLACE_NOUNS  # 'the county of Huade'
    ):
        return True
    if whole[max(0, start - 1) : start] in ("", "\n") and _COMMA_OR_DASH_AFTER.match(whole, end):
        return True
    before = re.search(r"([\w.' -]+),\s*$", whole[max(0, start - 40) : start])
    return before is not None and _known_place(normalise_name(before.group(1).split("\n")[-1]), gazetteer)


def _companies_by_context(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A 'person' that some mention puts right after a company noun ('Ukrainian energy company Burisma') is a
    company, unless it reads as a person."""

    def after_company_noun(start: int, _: int) -> bool:
        before = words_before(whole, start)
        return bool(before) and before[-1] in COMPANY_NOUNS

    return _people_by_context(whole, found, gazetteer, after_company_noun, "ORG")


def _products_by_context(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A 'person' that some mention puts right before a product noun ('a Thunderbolt dock', 'the 737 Max jet') is a
    product, unless it reads as a person."""

    def before_product_noun(_: int, end: int) -> bool:
        after = _WORD_AFTER.match(whole, end)
        return after is not None and after.group(1).lower() in PRODUCT_NOUNS

    return _people_by_context(whole, found, gazetteer, before_product_noun, "PRODUCT")


def _works_by_context(doc: Doc, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A 'person' that some mention puts right after a work noun ('the encyclical Veritatis Splendor'), or after
    one and a comma as the noun's appositive ('the post-synodal exhortation, Amoris Laetitia'), is a work's title,
    unless it starts with a census first name, is the surname of someone the page names in full ('the film Tom
    Hanks made', 'the book Trump wrote') or is written in capitals, as people known by their initials are ('Oliver
    Stone’s movie JFK' in an article on JFK's assassination: every mention would change). The gazetteer is not
    asked: it learnt 'Amoris Laetitia' as a person from the tagger."""
    whole = text_of(doc)
    surnames = _surnames_of_full_names(whole, found)

    def after_work_noun(start: int, end: int) -> bool:
        before = words_before(whole, start)
        if not before or before[-1].rstrip(",") not in WORK_NOUNS:
            return False
        return not before[-1].endswith(",") or _appositive_of_the_word_before(doc, start, end)

    def reads_as_person(name: str) -> bool:
        return name.isupper() or name in surnames or name.split()[0].lower() in census_first_names()

    return _people_by_context(whole, found, gazetteer, after_work_noun, "WORK_OF_ART", reads_as_person)


def _appositive_of_the_word_before(doc: Doc, start: int, end: int) -> bool:
    """Whether the parse hangs the name at `start`–`end` on the noun before its comma as an appositive."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start < 2:
        return False
    return span.root.dep_ == "appos" and span.root.head.i == span.start - 2


def _people_by_context(
    whole: str,
    found: list[Found],
    gazetteer: Mapping[str, str],
    in_context: Callable[[int, int], bool],
    label: str,
    reads_as_person: Callable[[str], bool] | None = None,
) -> list[Found]:
    """Every mention of a 'person' that some mention has `in_context` (its start and end) gets `label`, unless the
    name reads as a person's (`reads_as_person`, by default `_person_reading`)."""
    reads_as_person = reads_as_person or _person_reading(whole, found, gazetteer)
    names = {
        normalise_name(whole[s:e])
        for kind, s, e in found
        if kind == "PERSON" and in_context(s, e) and not reads_as_person(whole[s:e].strip())
    }
    return _people_relabelled(whole, found, names, label)


def _person_reading(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> Callable[[str], bool]:
    """Whether a name reads as a person's: a surname of someone the page names in full ('the company Smith
    founded'), a name that starts with a known first name, or one the gazetteer knows as a person."""
    surnames = _surnames_of_full_names(whole, found)

    def reads_as_person(name: str) -> bool:
        words = name.split()
        return name in surnames or words[0].lower() in first_names() or gazetteer.get(normalise_name(name)) == "PERSON"

    return reads_as_person


def _products_of_companies(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A 'person' whose name starts with a company's ('Dell Alienware', 'Stadia Offer', 'EgyptAir Crash') is no
    person: a company the gazetteer knows or the page names alone twice or more, unless the word is also a known first
    name or a title ('Justice Kennedy', 'AG Mukasey')."""
    alone = Counter(
        normalise_name(whole[s:e]) for label, s, e in found if label == "ORG" and " " not in whole[s:e].strip()
    )
    companies = {name for name, count in alone.items() if count >= 2}

    def a_product(name: str) -> bool:
        words = name.split()
        first = normalise_name(words[0])
        known = gazetteer.get(first) == "ORG" or first in companies
        first_word = words[0].lower()
        title = first_word in first_names() or first_word in TITLE_WORDS or len(first_word) <= 2  # 'AG Mukasey'
        return len(words) > 1 and known and not title

    return [("PRODUCT" if label == "PERSON" and a_product(whole[s:e]) else label, s, e) for label, s, e in found]


def _groups_by_article(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A one-word plural 'person' that some mention puts after 'the', or that is no surname of a person named in
    full on the page, is a team or a group ('the Steelers', 'the Browns' defense', 'Broncos', 'Swifties'), unless
    the gazetteer knows it as a person ('Sanders'); one that ends in '-ites' is a place's people ('Delhiites')."""
    surnames = _surnames_of_full_names(whole, found)
    groups = {
        normalise_name(whole[s:e])
        for label, s, e in found
        if label == "PERSON"
        and _plural_word(whole[s:e])
        and (whole[max(0, s - 4) : s].lower() == "the " or whole[s:e] not in surnames)
    }
    groups = {name for name in groups if gazetteer.get(name) != "PERSON"}
    peoples = {name for name in groups if name.endswith("ites")}  # a place's people: 'Delhiites', 'Muscovites'
    return _people_relabelled(whole, _people_relabelled(whole, found, peoples, "NORP"), groups - peoples, "ORG")


def _people_relabelled(whole: str, found: list[Found], names: set[str], label: str) -> list[Found]:
    """Every 'person' mention whose normalised name is one of `names` gets `label`."""
    return [(label if kind == "PERSON" and normalise_name(whole[s:e]) in names else kind, s, e) for kind, s, e in found]


def _words_of_full_names(whole: str, found: list[Found]) -> set[str]:
    return {w for label, s, e in found if label == "PERSON" and " " in whole[s:e].strip() for w in whole[s:e].split()}


def _surnames_of_full_names(whole: str, found: list[Found]) -> set[str]:
    return {whole[s:e].split()[-1] for label, s, e in found if label == "PERSON" and " " in whole[s:e].strip()}


def without_common_nouns_as_people(whole: str, found: list[Found]) -> list[Found]:
    """A one-word 'person' whose word the article also writes in lower case is a common noun at the start of
    a sentence or in a title ('Rice production', 'Honey', 'Meth. We're On It.'), and so is one that is an English
    word no list knows as a name and no other name on the page holds ('Salad', 'Award', 'Universal'; the Goddard
    Space Flight Center's 'Goddard'), unless a title stands before it or a longer name on the page ends in it
    ('Condoleezza Rice'): not kept, as its label would be a guess."""
    surnames = _surnames_of_full_names(whole, found)
    words = {whole[s:e] for label, s, e in found if label == "PERSON" and " " not in whole[s:e].strip()}
    titled = {whole[s:e] for label, s, e in found if label == "PERSON" and _after_title(whole, s)}
    in_other_names = {
        w for label, s, e in found if label != "PERSON" or " " in whole[s:e].strip() for w in whole[s:e].split()
    }
    common = {
        word
        for word in words - surnames - titled
        if word != word.lower()
        and (
            re.search(rf"(?<![\w-]){re.escape(word.lower())}(?!\w)", whole)
            or (word not in in_other_names and _english_word_not_a_name(word))
        )
    }
    return [item for item in found if not (item[0] == "PERSON" and whole[item[1] : item[2]] in common)]


def _people_with_a_sign(doc: Doc, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A 'person' is listed only when something marks it as one: the gazetteer knows the person; a word is a census
    first name, a title or an initial ('B. U. Nzeribe'); it ends a longer name on the page, or is the surname of
    someone named there in full; a mention stands after a title, speaks ('Nisan Ahmado said') or has 'who' or an
    age after it (or a mention of someone with its surname does); or, unless all its words are English words, its
    first word is a given name somewhere in the world ('Kepa Arrizabalaga') or its last word a census surname
    ('Devaroe Lawrence'; with English words only, one of the 5,000 most common: 'Scooter Braun', not 'Defensive
    Line'). Games, products and operations the tagger calls people ('Fallen Order', 'Nintendo Switch', 'Sekiro',
    'Statista', 'Inherent Resolve') have none and go, with their one-word mentions ('Switch'): their label would
    be a guess."""
    whole = text_of(doc)
    reads_as_person = _person_reading(whole, found, gazetteer)
    keys = [normalise_name(whole[s:e]) for _, s, e in found]
    people = [(key, s, e) for key, (label, s, e) in zip(keys, found, strict=True) if label == "PERSON"]
    signed = {key for key, s, e in people if _marked_as_person(doc, whole, s, e)}
    signed_surnames = {key.split()[-1] for key in signed}
    # a name the page also tags otherwise: its other label decides
    signed |= {key for key, (label, _, _) in zip(keys, found, strict=True) if label != "PERSON"}
    ends_of_longer_names = {
        key.split()[-1] for key, (_, s, e) in zip(keys, found, strict=True) if " " in whole[s:e].strip()
    }

    def unsigned(key: str, name: str) -> bool:
        words = name.split()
        if reads_as_person(name) or words[-1].casefold() in PRODUCT_LINE_WORDS:
            return False  # a product line's name ('Nintendo Switch Lite') is a product: the entity grouping says so
        if key in signed or key.split()[-1] in signed_surnames or key in ends_of_longer_names:
            return False
        if any(_initial(word) or word.lower() in TITLE_WORDS or _census_given_name(word) for word in words):
            return False
        if all(_english_word(word) for word in words) and not _surname(words[-1], COMMON_SURNAME_RANK):
            return True
        return not (_given_name(words[0]) or _surname(words[-1]))

    dropped = {key for key, s, e in people if unsigned(key, whole[s:e].strip())}
    kept_words = {word for key, _, _ in people if key not in dropped and " " in key for word in key.split()}
    dropped_words = {
        word
        for key in dropped
        for word in key.split()
        if word not in signed and word not in kept_words and not reads_as_person(word)
    }
    gone = dropped | dropped_words
    return [item for key, item in zip(keys, found, strict=True) if not (item[0] == "PERSON" and key in gone)]


# ', the former head of', ', the Melkite Greek Catholic Archbishop of', ', a below average quarterback': a role or an
# occupation right after a name
_ROLE_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an)\s+(?:"
    + r"(?:(?:former|then|now|new|acting|longtime|current|[A-Z][\w'’.-]*)\s+){0,4}(?i:head|boss|"
    + "|".join(sorted(w for w in TITLE_WORDS if w.isalpha() and len(w) > 3))
    + r")|(?:(?!(?:who|whose|which|that)\b)[\w'’.-]+\s+){0,3}(?:"
    + "|".join(sorted(OCCUPATION_WORDS))
    + r"))\b"
)
_OWNED = re.compile(rf"\w{_OWNER_MARK.pattern}$")  # an owner's name right before


def _words_that_speak(doc: Doc) -> set[str]:
    """Capitalised words that are alone the subject of a speaking verb, or one of its subjects ('the 14th-ranked
    Schwartzman said', 'both Hemsworth and Pine were said to …'), lower case."""
    return {
        token.lower_
        for token in doc
        if _speaks(token.head if token.dep_ == "conj" else token)
        and token.is_title
        and not any(child.dep_ == "compound" for child in token.children)
    }


def _people_tagged_otherwise(
    doc: Doc, found: list[Found], gazetteer: Mapping[str, str], is_outlet: Callable[[str], bool]
) -> list[Found]:
    """'Lester Holt', 'Jeanine Pirro', 'Diego Schwartzman' tagged organisations or products: a name of two words, a
    census first name that is no English word ('Forest Hill', 'Royal Navy', 'Morgan Stanley' keep their label) and a
    census surname, is a person's when the page marks it as one (the gazetteer knows the person, the surname alone is
    tagged a person, a mention stands after an owner's name ('NBC’s Lester Holt') or a title, speaks, or has 'who'
    or an age after it; so not 'Aston Martin' or 'Harley Davidson' on a car page); unless the gazetteer or the outlet
    table knows it as an organisation. The surname's own mentions tagged otherwise ('both Hemsworth and Pine') follow
    it."""
    whole = text_of(doc)
    alone_people = {normalise_name(whole[s:e]) for label, s, e in found if label == "PERSON" and " " not in whole[s:e]}
    alone_people |= _words_that_speak(doc)

    def a_person(label: str, start: int, end: int) -> bool:
        words = whole[start:end].split()
        if label not in ("ORG", "PRODUCT") or len(words) != 2 or words[-1].casefold() in _INSTITUTION_WORDS:
            return False
        first, last = words
        # 'Guy Cecil, the former head of …', 'Jean-Clément Jeanbart, the Melkite Greek Catholic Archbishop of …',
        # 'Aryavir Kumar and Margarita Kuritsyna' are people's names whatever their first word and the gazetteer
        # (which learnt from the same tagger) say
        described = _described_as_person(doc, whole, start, end)
        plain_first_name = first.lower() in census_first_names() and not _english(first)  # not 'Royal Navy'
        if not (plain_first_name and _surname(last)) and not (
            described and (_surname(last) or _census_given_name(first))
        ):
            return False
        known = gazetteer.get(normalise_name(whole[start:end]))
        if (known == "ORG" and not described) or is_outlet(whole[start:end]):
            return False
        owned = _OWNED.search(whole, max(0, start - 4), start) is not None  # 'NBC’s Lester Holt'
        return (
            known == "PERSON"
            or owned
            or normalise_name(last) in alone_people
            or described
            or _titled_or_speaking(doc, whole, start, end)
        )

    names = {normalise_name(whole[s:e]) for label, s, e in found if a_person(label, s, e)}
    surnames = {name.split()[-1] for name in names}

    def relabelled(label: str, start: int, end: int) -> str:
        key = normalise_name(whole[start:end])
        return "PERSON" if key in names or (label in ("ORG", "PRODUCT") and key in surnames) else label

    return [(relabelled(*item), item[1], item[2]) for item in found]


# a surname this common counts even when the name's words are all English words ('Scooter Braun'; not 'Defensive Line')
COMMON_SURNAME_RANK = 5000


def _given_name(word: str) -> bool:
    return any(world_given_name(part) for part in _name_parts(word))


def _surname(word: str, most_common: int | None = None) -> bool:
    """A census surname ('Lawrence', 'Monfils'), or one of the `most_common` ones."""
    ranks = [surname_rank(part) for part in _name_parts(word)]
    return any(rank is not None and (most_common is None or rank <= most_common) for rank in ranks)


def _english_word(word: str) -> bool:
    """A word of the English-word table that news texts do not write as a name ('Fallen', not 'Hussein')."""
    return _english(word) and word.lower() not in name_words()


def _census_given_name(word: str) -> bool:
    return any(p.lower() in census_first_names() or first_name_gender(p, worldwide=True) for p in _name_parts(word))


def _name_parts(word: str) -> list[str]:
    """'Jean-Julien' is Jean and Julien; 'Composer_Kim' (a page's caption) is Composer and Kim."""
    return re.split(r"[-_‐]", word)


def _initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", word))


_PERSON_VERBS = frozenset(
    "say tell add write ask explain recall admit insist argue claim tweet die resign marry".split()
)
_AFTER_A_PERSON = re.compile(r",?\s+(?:who|whose)\b|,\s+\d{1,3}\s*,")


def _described_as_person(doc: Doc, whole: str, start: int, end: int) -> bool:
    """A mention with a role after it ('Guy Cecil, the former head of …', 'Mason Rudolph, a below average
    quarterback'), an occupation right before it ('diver Keetan Munsell'), or, a name of two words or more not all
    English words, joined by 'and' to a full name the tagger called a person's ('Aryavir Kumar and Margarita
    Kuritsyna', 'Freddie Spencer and Evel Knievel')."""
    before = whole[max(0, start - 24) : start].split()
    if _ROLE_APPOSITIVE.match(whole, end) or (before and before[-1] in OCCUPATION_WORDS):
        return True
    words = whole[start:end].split()
    tokens = _tokens(doc, start, end)
    if len(words) < 2 or all(_english(word) for word in words) or not tokens:
        return False  # 'Nodong and Taepodong' (missiles), 'Trump and the White House'
    head = tokens[-1]
    partners = [c for c in head.children if c.dep_ == "conj"] + ([head.head] if head.dep_ == "conj" else [])
    outside = [p for p in partners if not start <= p.idx < end]
    return any(_in_a_full_name_of_a_person(doc, partner) for partner in outside)


def _in_a_full_name_of_a_person(doc: Doc, token: Token) -> bool:
    """In a name of two words or more tagged a person's, that opens with a given name ('Dignitatis Humanae', a council's
    document tagged a person, does not)."""
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent.start <= token.i < ent.end and _given_name(ent[0].text)
        for ent in doc.ents
    )


def _marked_as_person(doc: Doc, whole: str, start: int, end: int) -> bool:
    """A mention described as a person (`_described_as_person`), or titled or speaking (`_titled_or_speaking`)."""
    return _described_as_person(doc, whole, start, end) or _titled_or_speaking(doc, whole, start, end)


def _titled_or_speaking(doc: Doc, whole: str, start: int, end: int) -> bool:
    """A mention after a title, with 'who' or an age after it, or the subject of a speaking verb."""
    if _after_title(whole, start) or _AFTER_A_PERSON.match(whole, end):
        return True
    tokens = _tokens(doc, start, end)
    return bool(tokens) and _speaks(tokens[-1])


def _speaks(token: Token) -> bool:
    """The subject of a speaking verb ('Schwartzman said')."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in _PERSON_VERBS


def _without_common_nouns_as_organisations(
    whole: str, found: list[Found], gazetteer: Mapping[str, str], is_outlet: Callable[[str], bool]
) -> list[Found]:
    """A one-word 'organisation' whose word the article also writes in lower case is a common noun in a title or
    at a sentence's start ('Expert', 'Specs', 'Keyboard'), unless the gazetteer or the outlet table knows it: not
    kept, as its label would be a guess."""
    words = {whole[s:e] for label, s, e in found if label == "ORG" and whole[s:e].istitle() and " " not in whole[s:e]}
    common = {
        word
        for word in words
        if gazetteer.get(word.lower()) != "ORG"
        and word.lower() not in PLATFORM_NAMES
        and not is_outlet(word)
        and re.search(rf"(?<![\w./@-]){re.escape(word.lower())}(?![\w/@-]|\.\w)", whole)  # not in a web address
    }
    return [item for item in found if not (item[0] == "ORG" and whole[item[1] : item[2]] in common)]


def _things_named_after_the(doc: Doc, found: list[Found]) -> list[Found]:
    """A one-word 'person' that every mention puts after 'the', with no noun after it, is no person: an organisation
    when it does something ('The Chronicle says'), else a thing that is not kept, as its label would be a guess ('the
    Altima and Maxima'; 'The Caucus has yet to apologize', a plural-looking word some list of names holds). 'The
    Donald' is a person named in full on the page, 'the Assad regime' a person's regime and 'the Clintons' a family."""
    whole = text_of(doc)
    mentions: dict[str, list[tuple[int, int]]] = {}
    for label, start, end in found:
        if label == "PERSON" and " " not in whole[start:end].strip():
            mentions.setdefault(whole[start:end], []).append((start, end))
    in_full_names = _words_of_full_names(whole, found)
    next_words = {
        name: [_after_the(doc, *span) for span in spans]
        for name, spans in mentions.items()
        if name not in in_full_names and not _family(name, in_full_names)
    }
    things = {name: parts for name, parts in next_words.items() if None not in parts}
    acting = {name for name, parts in things.items() if {"VERB", "AUX"} & set(parts)}
    dropped = things.keys() - acting
    return [
        ("ORG" if label == "PERSON" and whole[s:e] in acting else label, s, e)
        for label, s, e in found
        if not (label == "PERSON" and whole[s:e] in dropped)
    ]


def _family(name: str, in_full_names: set[str]) -> bool:
    """'Clintons' beside 'Hillary Clinton' (a plural the gazetteer calls a name, 'Caucus', is no family)."""
    return _plural_word(name) and name[:-1] in in_full_names


def _after_the(doc: Doc, start: int, end: int) -> str | None:
    """The part of speech of the word after a name that stands after 'the' with no noun after it ('' at the end of
    the text), else None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].lower_ != "the":
        return None
    after = doc[span.end].pos_ if span.end < len(doc) else ""
    return None if after in ("NOUN", "PROPN") else after


def _english_word_not_a_name(word: str) -> bool:
    key = word.lower()
    return key in common_words() and key not in first_names() and load_gazetteer().get(key) != "PERSON"


def _after_title(whole: str, start: int) -> bool:
    """After a title word ('Senator', 'Gen.') or a title of the form '<office> of <domain>' ('Director of National
    Intelligence')."""
    before = words_before(whole, start)
    if before and before[-1].rstrip(",") in TITLE_WORDS:
        return True
    longer_before = whole[max(0, start - _LONGEST_ROLE_PHRASE - 1) : start].lower().rstrip()
    return longer_before.endswith(ROLE_PHRASES)


def words_before(whole: str, start: int) -> list[str]:
    """The last few words before `start`, lower case."""
    return whole[max(0, start - 24) : start].lower().split()


def _plural_word(text: str) -> bool:
    return " " not in text.strip() and text.endswith("s") and not text.endswith(("ss", "'s", "’s"))


def _after_place_preposition(whole: str, start: int) -> bool:
    """'in al-Tanf', 'at the al-Tanf base', 'Syria’s al-Tanf'."""
    before = words_before(whole, start)
    if before and before[-1] == "the":
        before.pop()
    return bool(before) and (before[-1] in PLACE_PREPOSITIONS or before[-1].endswith(("’s", "'s")))


def _untagged_repeats(doc: Doc, found: list[Found]) -> list[Found]:
    """A person, organisation or place named once is the same name where the NER passed it by ('a WeWork
    spokesperson', 'WeWork declined to comment'): there it must stand as a whole run of capitalised nouns, and a
    one-word name must be no English word ('May', 'Will'). A person's one-word name after a known first name the NER
    passed by is that person's full name ('Zach Parise’s two-goal performance', where only 'Parise' was tagged)."""
    labels: dict[tuple[str, ...], Counter[str]] = {}
    for label, s, e in found:
        labels.setdefault(_token_texts(doc, s, e), Counter())[label] += 1
    majority = {words: counts.most_common(1)[0][0] for words, counts in labels.items()}
    names = {w: label for w, label in majority.items() if w and label in _REPEATED_LABELS and _repeatable(w)}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in names:
        by_first.setdefault(words[0], []).append(words)
    covered = [(s, e) for _, s, e in found]
    added: list[Found] = []
    for token in doc:
        for words in by_first.get(token.text, []):
            run = doc[token.i : token.i + len(words)]
            start, end = run.start_char, run.end_char
            if tuple(t.text for t in run) != words or _overlaps(covered, start, end):
                continue
            if _whole_name_run(run):
                added.append((names[words], start, end))
            elif names[words] == "PERSON" and _after_a_first_name(run):
                added.append(("PERSON", doc[token.i - 1].idx, end))
            else:
                continue
            covered.append(added[-1][1:])  # 'Pietro Sambi' is not added again from its 'Sambi'
            break
    return sorted([*found, *added], key=lambda f: f[1]) if added else found


def _untagged_described_people(doc: Doc, found: list[Found]) -> list[Found]:
    """'Eswar Prasad, a trade professor at Cornell, said …', 'Serbia’s Novak Djokovic and Britain’s Andy Murray': two
    or three capitalised proper nouns the NER passed by, the first a given name somewhere in the world and not all
    English words, described as a person (`_described_as_person`), are a person's name."""
    whole = text_of(doc)
    covered = [(s, e) for _, s, e in found]
    added: list[Found] = [
        ("PERSON", run.start_char, run.end_char)
        for run in _proper_noun_runs(doc)
        if 2 <= len(run) <= 3
        and not _overlaps(covered, run.start_char, run.end_char)
        and _given_name(run[0].text)
        and not all(_english(t.text) for t in run)
        and _described_as_person(doc, whole, run.start_char, run.end_char)
    ]
    return sorted([*found, *added], key=lambda f: f[1]) if added else found


def _proper_noun_runs(doc: Doc) -> list[Span]:
    """Maximal runs of capitalised proper nouns."""
    runs = (list(tokens) for proper, tokens in groupby(doc, key=_capitalised_proper_noun) if proper)
    return [doc[run[0].i : run[-1].i + 1] for run in runs]


def _capitalised_proper_noun(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _after_a_first_name(run: Span) -> bool:
    """A one-word name right after a known first name, the two a whole run of capitalised nouns ('Zach Parise’s')."""
    if len(run) != 1 or run.start == 0:
        return False
    with_first = run.doc[run.start - 1 : run.end]
    return with_first[0].lower_ in first_names() and _whole_name_run(with_first)


def _token_texts(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.text for t in _tokens(doc, start, end))


def _repeatable(words: tuple[str, ...]) -> bool:
    if not all(w[:1].isupper() for w in words if w[:1].isalpha()) or not words[0][:1].isupper():
        return False
    return len(words) > 1 or (len(words[0]) > 2 and words[0].lower() not in common_words())


def _whole_name_run(run: Span) -> bool:
    """The run is made of capitalised nouns and no capitalised noun stands right before or after it."""
    doc = run.doc
    if not all(t.pos_ in {"PROPN", "NOUN"} for t in run if t.text[:1].isalpha()):
        return False
    neighbours = [doc[i] for i in (run.start - 1, run.end) if 0 <= i < len(doc)]
    return not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in neighbours)


def _overlaps(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in covered)


def _short_names_of_organisations(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """A one-word 'person' that opens an organisation's name on the page ('Patriot' beside 'Patriot Coal') is that
    organisation, unless it is a word of a person's full name there, a first name or surname, or a person the
    gazetteer knows ('Clinton' beside the Clinton Foundation)."""
    openers = {whole[s:e].split()[0] for label, s, e in found if label == "ORG" and " " in whole[s:e].strip()}
    in_full_names = _words_of_full_names(whole, found)

    def short_name(label: str, start: int, end: int) -> bool:
        word = whole[start:end].strip()
        return (
            label == "PERSON"
            and word in openers
            and word not in in_full_names
            and not _census_given_name(word)
            and not _surname(word)
            and gazetteer.get(normalise_name(word)) != "PERSON"
        )

    return [("ORG" if short_name(*item) else item[0], item[1], item[2]) for item in found]


def _one_label_per_name(whole: str, found: list[Found], gazetteer: Mapping[str, str]) -> list[Found]:
    """Every mention of one name gets the name's majority label (ties: the gazetteer's, else the first)."""
    labels: dict[str, Counter[str]] = {}
    for label, start, end in found:
        labels.setdefault(normalise_name(whole[start:end]), Counter())[label] += 1

    def chosen(name: str) -> str:
        counts = labels[name].most_common()
        top = [label for label, n in counts if n == counts[0][1]]
        known = gazetteer.get(name)
        return known if known in top and known is not None else top[0]

    return [(chosen(normalise_name(whole[s:e])), s, e) for _, s, e in found]
