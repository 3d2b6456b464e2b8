"""Named entities with offsets, grouped into document-level entities ("Sergey Lavrov" / "Lavrov")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from nicknames import NickNamer
from pydantic import BaseModel, Field

from ...document import Article, Span
from ...outlets import database
from ..base import ENGLISH, Analyser, AnalysisContext, register
from ..nlp import text_of
from .names import (
    ACRONYM_SKIPPED_WORDS,
    ADDRESS_WORDS,
    CONJUNCTIONS,
    CORPORATE_WORDS,
    GENDERED_WORDS,
    GENERIC_NAME_WORDS,
    INDUSTRY_WORDS,
    NAME_PREFIXES,
    ORGANISATION_ALIASES,
    PARTY_WORDS,
    PEOPLES_INITIALS,
    PLACE_ALIASES,
    PLACE_WORDS,
    PRODUCT_LINE_WORDS,
    SHIP_PREFIXES,
    TITLE_AND_RANK_WORDS,
    TITLE_WORDS,
    is_name_suffix,
    is_regnal_number,
)
from .repair import first_names, nationality_or_faith, repair_mentions, words_before
from .rules import first_name_gender, is_title, known_place, load_gazetteer, normalise_name, plural_things, ranked_name
from .world_names import surname_rank

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["EntitiesAnalyser", "EntitiesResult", "Entity", "Mention"]

# Labels a product line's last word overrules (not works, events or laws: 'Inside Edition'), and those words for
# them: not 'Air', which ends airlines' names ('Korean Air')
_PRODUCT_LINE_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})
_NAMED_PRODUCT_LINE_WORDS = PRODUCT_LINE_WORDS - {"air"}
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_POSSESSIVE = re.compile(r"(?:['’‘]s|['’])$")  # '‘s': a possessive typed with the opening quote mark
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Titles that end the name of a role, not of an organisation ('Strategy Officer', 'Majority Leader' aside: newspapers
# are called 'Leader'; 'Law and Justice' is a party)
_ROLE_ENDS = TITLE_WORDS - {"leader", "justice"}
_UNNAMED_ROLE_LABELS = frozenset({"PERSON", "WORK_OF_ART", "LAW"})
_DOUBLED_LETTER = re.compile(r"(\w)\1")


class Mention(Span):
    text: str


class Entity(BaseModel):
    id: int
    name: str = Field(
        description="Canonical name: the longest mention (one not in capitals where the article has both)."
    )
    label: str = Field(description="spaCy label: PERSON, ORG, GPE, NORP, LOC, ...")
    count: int
    mentions: list[Mention]


class EntitiesResult(BaseModel):
    entities: list[Entity] = Field(default_factory=list, description="Most mentioned first.")


def _is_nationality_party_or_faith(word: str) -> bool:
    """'Russian', 'Republican' or 'Catholic' before a name; not 'Kristi', 'Christian' or 'Nissan'."""
    return word[:1].isupper() and (nationality_or_faith(word) or word.lower() in PARTY_WORDS)


def _strip_titles(ent: SpacySpan, *, ranks: bool) -> tuple[int, bool]:
    """Index of the first name token after titles ('Russian FM Sergey Lavrov' -> 2) and whether any were cut;
    with `ranks`, a rank is a title too ('Cardinal Müller')."""
    titles = TITLE_AND_RANK_WORDS if ranks else TITLE_WORDS
    index = 0
    tokens = list(ent)
    while index < len(tokens) - 1 and (
        _title_or_qualifier(tokens[index], titles) or (index > 0 and _split_off(tokens[index]))
    ):
        index += 1
    if tokens[index].tag_ == "POS":
        return 0, False  # 'the President’s Commission on CIA Activities': the title's, not a person's
    return index, index > 0 and any(t.lower_ in titles for t in tokens[:index])


def _split_off(token: Token) -> bool:
    """A full stop or line break the tokenizer split off what is stripped before a name ('Fr' '.' '\\n' 'Weinandy')."""
    return token.text == "." or token.is_space


def _only_titles(ent: SpacySpan) -> bool:
    """A title, with nothing but punctuation, nationalities, parties, faiths or ranks beside it, or a form of address
    alone ('Sister said', 'Catholic Bishop', 'Cardinal-Archbishop'): no one's name. A rank alone may be a
    surname ('Bishop' for Julie Bishop)."""
    words = [t for t in ent if not t.is_punct]
    if len(words) == 1 and words[0].lower_ in ADDRESS_WORDS:
        return True
    titles = TITLE_AND_RANK_WORDS if len(words) > 1 else TITLE_WORDS
    return any(t.lower_ in titles for t in words) and all(_title_or_qualifier(t, titles) for t in words)


def _title_or_qualifier(token: Token, titles: frozenset[str] = TITLE_WORDS) -> bool:
    """A title, or a nationality, party or faith word ('Roman' of 'Roman Catholic' too): what may stand before a
    person's name."""
    if token.lower_ == "roman" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "catholic":
        return True
    return is_title(token, titles) or _is_nationality_party_or_faith(token.text)


_PRONOUNS = frozenset("i we you he she it they".split())


def _clean_mention(ent: SpacySpan, label: str) -> tuple[str, Mention] | None:
    if label in ("PERSON", "ORG") and _only_titles(ent):
        return None  # 'Cmdr.' tagged apart from the name after it, 'Apostolic Nuncio' with no name
    if label not in _UNNAMED_ROLE_LABELS and _a_role(ent):
        return None
    if ranked_name([t for t in ent if not t.is_punct], first_names()):
        label = "PERSON"  # 'Cardinal Parolin' tagged a product, 'Bishop Mark Davies' an organisation
    first, had_title = _strip_titles(ent, ranks=label == "PERSON") if label in ("PERSON", "ORG") else (0, False)
    if label == "ORG" and not had_title:
        first = 0  # 'European Union': a nationality word opens the organisation's own name
    if had_title and ent[first].lower_ in ("of", "for"):
        return None  # 'Archbishop of Buenos Aires': a role, no one's name
    if had_title:
        label = "PERSON"
    span = ent[first:]
    text, start = span.text, span.start_char
    stripped = _LEADING_THE.sub("", text)
    start += len(text) - len(stripped)
    stripped = _POSSESSIVE.sub("", stripped).rstrip()
    start += len(stripped) - len(stripped.lstrip())
    stripped = stripped.lstrip()
    if not stripped or not any(ch.isalpha() for ch in stripped):
        return None
    if _without_brackets(stripped).lower() in _PRONOUNS:
        return None  # '[W]e', a quote's capital put in brackets
    return label, Mention(start=start, end=start + len(stripped), text=stripped)


def _a_role(ent: SpacySpan) -> bool:
    """'Chief Strategy Officer', 'RNC Chair', 'Special Envoy', 'US Army Colonel', 'Melkite Greek Catholic Archbishop'
    tagged an organisation or a place: words ending in a title, with no 'of' or 'for' to make them an office's name
    ('Department of Justice', 'Office of Inspector General'), that the outlet table does not know."""
    words = [t.lower_ for t in ent if not t.is_punct]
    return len(words) > 1 and words[-1] in _ROLE_ENDS and not {"of", "for"} & set(words) and not is_outlet(ent.text)


def relabel_people(found: list[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """A mention that is part of a known person's name is that person, whatever the tagger said (of other kinds of
    names, only the surname alone: 'Opelka' tagged a nationality), and so is a given name before a known person's
    surname ('Mason Rudolph' when 'Rudolph' is a person on the page); a person's surname in the plural is a family
    ('the Bidens'); a name in capitals is an organisation's unless someone is known by those initials ('MEK'), and so
    is a site's address ('Kath.net')."""
    found = _groups_named_as_people(found)
    people = [m.text.split() for label, m in found if label == "PERSON"]
    person_words = {word for words in people for word in words}
    surnames = {words[-1] for words in people}
    named = {word.casefold() for word in person_words if not word.isupper()}

    def is_person(label: str, words: list[str]) -> bool:
        if label not in ("ORG", "PERSON", "GPE"):
            return len(words) == 1 and words[0] in surnames  # 'Opelka' tagged a nationality beside 'Reilly Opelka'
        return set(words) <= person_words or _given_name_and_surname(words, surnames)

    def relabelled(label: str, words: list[str]) -> str:
        if len(words) == 1 and words[0].endswith("s") and words[0][:-1] in surnames:
            return "NORP"  # 'the Bidens': a family
        if label == "PERSON" and len(words) == 1 and _initials_of_no_person(words[0], named):
            return "ORG"
        if label == "PERSON" and len(words) == 1 and _SITE_NAME.fullmatch(words[0]):
            return "ORG"  # 'Kath.net': a site's name, whatever given name it opens with
        return "PERSON" if is_person(label, words) else label

    return [(relabelled(label, m.text.split()), m) for label, m in found]


_SITE_NAME = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:[a-z]{2,6}|[A-Z]{2,6})")


def _initials_of_no_person(word: str, named: set[str]) -> bool:
    """'MEK', 'APCO', 'FBN' tagged a person: a word of two to five capitals that no one is known by ('JFK'), no
    regnal number ('VIII'), and no name ('TRUMP' in a headline; a given name or surname of the census, or a word of a
    person the page names)."""
    if not (word.isalpha() and word.isupper() and 2 <= len(word) <= 5) or is_regnal_number(word):
        return False
    key = word.casefold()
    known = key in PEOPLES_INITIALS or key in named or key in first_names()
    return not known and surname_rank(word) is None


def _groups_named_as_people(found: list[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """'Virginia Democrats' tagged as a person is a group when 'Democrats' alone is one on the page."""
    groups = {m.text for label, m in found if label == "NORP"}

    def is_group(label: str, words: list[str]) -> bool:
        return label in ("PERSON", "ORG") and len(words) >= 2 and words[-1] in groups and words[-1].endswith("s")

    return [("NORP" if is_group(label, m.text.split()) else label, m) for label, m in found]


def _given_name_and_surname(words: list[str], surnames: set[str]) -> bool:
    """Two or three capitalised words ending in a known surname, none of them a place or generic word
    ('Fort Jackson' and 'Jackson Party' stay what the tagger said)."""
    return (
        2 <= len(words) <= 3
        and words[-1] in surnames
        and all(word.isalpha() and word[0].isupper() for word in words)
        and not any(word.casefold() in PLACE_WORDS or word.casefold() in GENERIC_NAME_WORDS for word in words)
    )


_INITIAL_STOP = re.compile(r"\b([^\W\d_])\.")  # 'U.N.', 'D.C.', 'Malcolm X.' at a sentence's end


def _without_brackets(name: str) -> str:
    """'[Mike] Pompeo', a quote's editorial insertion run into a name, is Mike Pompeo."""
    return " ".join(name.replace("[", "").replace("]", "").split())


def _canonical_key(text: str) -> str:
    """'U.N.' and 'UN', 'Washington D.C.' and 'Washington DC' are one name; so are a name and its aliases."""
    key = _INITIAL_STOP.sub(r"\1", _without_brackets(text).casefold())
    return PLACE_ALIASES.get(key) or ORGANISATION_ALIASES.get(key, key)


def _acronym_of(short: str, long: str) -> bool:
    """'FBI' for 'Federal Bureau of Investigation', 'BOP' for 'Bureau of Prisons': the capitals of the short name
    are the initials of the long one's words, with or without its small words."""
    if not (short.isalpha() and short.isupper() and len(short) >= 2):
        return False
    words = long.replace("-", " ").split()
    kept = [w for w in words if w.casefold() not in ACRONYM_SKIPPED_WORDS]
    return short in ("".join(w[0] for w in kept), "".join(w[0] for w in words).upper()) and all(
        w[0].isupper() for w in kept
    )


def _alias_words(text: str) -> set[str]:
    """The words that tell a name apart: 'Al-Nusra Front' -> {nusra, front}."""
    key = text.casefold()
    for prefix in NAME_PREFIXES:
        key = key.removeprefix(prefix)
    return set(key.replace("-", " ").split())


def _same_organisation(a: str, b: str, places: frozenset[str]) -> bool:
    """'Al-Nusra', 'Nusra Front' and 'Al-Nusra Front' name one organisation: the shorter name's words are
    all in the longer one, one of them is not a generic word ('Front' alone names nothing), and what the longer
    name adds is generic or a place named on the page ('SoftBank Group Corp' is SoftBank, 'Pittsburgh Steelers'
    the Steelers; 'Google Stadia Founder's Edition' is a product of Google's, and 'White House' not the House).
    An acronym of the longer name names it too ('FBI')."""
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    (shorter, short), (longer, long) = sorted(((a, _alias_words(a)), (b, _alias_words(b))), key=lambda n: len(n[1]))
    generic = GENERIC_NAME_WORDS | CORPORATE_WORDS | INDUSTRY_WORDS | places
    if not (short and short <= long and short - GENERIC_NAME_WORDS):
        return False
    if long - short <= generic:
        return True
    # a team's plural after a place the page does not name apart ('Cleveland Browns' and 'the Browns'; not 'White
    # House' and 'the House', though some town is called White)
    added = " ".join(w for w in longer.casefold().replace("-", " ").split() if w not in short)
    return shorter.endswith("s") and known_place(added)


def _same_person(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """'Lavrov' names the same person as 'Sergey Lavrov'; 'Sergey' alone does too; so do 'Patrick W. Carlineo',
    'Patrick Carlineo Jr.' and 'Pat Carlineo' (one surname, a middle initial or a suffix more, a short given name),
    'Tom Weinandy' and 'Thomas Weinandy' (a nickname), and 'Zelenskyy' and 'Volodymyr Zelensky' (a transliteration
    that doubles a letter). Not 'Donald Trump' and 'Donald Trump Jr.', a father and son the gazetteer knows apart."""
    if father_and_son(short, long):
        return False
    spelled = {_spelling(word) for word in long}
    if len(short) < len(long) and all(_spelling(word) in spelled for word in short):
        return True
    a, b = _given_and_surname(short), _given_and_surname(long)
    return a is not None and b is not None and _spelling(a[1]) == _spelling(b[1]) and _same_given_name(a[0], b[0])


def _same_given_name(a: str, b: str) -> bool:
    """'pat' and 'patrick' (one the start of the other), 'tom' and 'thomas', 'bob' and 'robert' (one a nickname of
    the other in the `nicknames` table; not 'ed' and 'ted', two nicknames of 'edward')."""
    if a.startswith(b) or b.startswith(a):
        return True
    table = _nicknames()
    return b in table.nicknames_of(a) or a in table.nicknames_of(b)


@lru_cache(maxsize=1)
def _nicknames() -> NickNamer:
    return NickNamer()


def father_and_son(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One full name with a suffix, one without, both people the gazetteer knows ('Donald Trump Jr.')."""
    suffixed = [any(is_name_suffix(w) for w in words) for words in (a, b)]
    known = load_gazetteer()
    return (
        suffixed[0] != suffixed[1]
        and min(len(a), len(b)) > 1
        and all(known.get(normalise_name(" ".join(n))) == "PERSON" for n in (a, b))
    )


def _spelling(word: str) -> str:
    """A name's spelling with doubled letters written once ('Zelenskyy' and 'Zelensky') and one apostrophe
    ('O’Malley' and 'O'Malley')."""
    return _DOUBLED_LETTER.sub(r"\1", word.casefold().replace("’", "'"))


def _given_and_surname(words: tuple[str, ...]) -> tuple[str, str] | None:
    """('pat', 'carlineo') for 'Pat W. Carlineo Jr.': the name without initials and suffixes, if two words remain."""
    core = [w.casefold().rstrip(".,") for w in words if not is_name_suffix(w)]
    core = [w for w in core if len(w) > 1]
    return (core[0], core[1]) if len(core) == 2 else None


class _Group:
    def __init__(self, label: str, mention: Mention) -> None:
        self.label = label
        self.mentions: list[Mention] = []
        self.keys: set[str] = set()
        self.word_lists: set[tuple[str, ...]] = set()
        self.add(mention)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.keys.add(_canonical_key(mention.text))
        self.word_lists.add(tuple(mention.text.split()))

    @property
    def name(self) -> str:
        texts = [m.text for m in self.mentions]
        # Of names as long, one not in capitals: 'CHINA has sent troops …' opens a tabloid story about China.
        longest = max(texts, key=lambda t: (len(t.split()), len(t), not t.isupper()))
        if longest.endswith(".") and longest[:-1] in texts:
            longest = longest[:-1]  # 'Malcolm X.' ends a sentence where 'Malcolm X' is named too
        name = _without_words_run_on(longest, texts) if self.label == "PERSON" else longest
        return _without_brackets(name)

    def accepts(self, label: str, text: str, places: frozenset[str]) -> bool:
        """Whether `text` is a shorter (or other) name of this group; the same name is matched by `_home`."""
        if label != self.label:
            return False
        if label != "PERSON":
            return any(_same_organisation(text, m.text, places) for m in self.mentions)
        words = tuple(text.split())
        return any(_same_person(words, other) or _same_person(other, words) for other in self.word_lists)


def _without_words_run_on(longest: str, texts: list[str]) -> str:
    """'Louis Farrakhan Refers to the U.S. as …', a headline run into a name once, is Louis Farrakhan where the page
    also writes 'Louis Farrakhan': words after a full name (from a known first name) that no other mention has are
    not the name ('Patrick W. Carlineo Jr.' keeps its suffix, 'Nintendo Switch Lite' its model)."""
    words = longest.split()
    if texts.count(longest) > 1 or normalise_name(words[0]) not in first_names():
        return longest
    for end in range(len(words) - 1, 1, -1):
        if " ".join(words[:end]) in texts and not any(is_name_suffix(w) for w in words[end:]):
            return " ".join(words[:end])
    return longest


class _Shared(NamedTuple):
    """Surnames a man and a woman share on the page, and the gender the title before one mention gives it."""

    surnames: frozenset[str]
    gender: str | None


def _home(groups: list[_Group], label: str, text: str, places: frozenset[str], shared: _Shared) -> _Group | None:
    """The group a mention joins: the one with the same name, else the only longer name it can be short for.
    A short name that fits two ('Democrats' beside 'Kentucky Democrats' and 'Louisiana Democrats', 'Clinton'
    beside 'Hillary Clinton' and 'Bill Clinton') stays a name of its own rather than be given to either; so does a
    surname a man and a woman share ('Mr. Obama', 'Mrs. Obama'), unless its title's gender is that of the first
    name of only one of the longer names ('Mrs. Obama' is Michelle Obama)."""
    if label == "PERSON" and text in shared.surnames:
        return _home_of_shared_surname(groups, text, places, shared.gender)
    key, words = _canonical_key(text), tuple(text.split())
    same = next(
        (
            g
            for g in groups
            if g.label == label and key in g.keys and not any(father_and_son(words, w) for w in g.word_lists)
        ),
        None,
    )
    if same is not None:
        return same
    longer = [g for g in groups if g.accepts(label, text, places)]
    if len(longer) > 1 and not (label == "PERSON" and _one_person(longer)):
        return None
    return longer[0] if longer else None


def _home_of_shared_surname(
    groups: list[_Group], text: str, places: frozenset[str], gender: str | None
) -> _Group | None:
    """The only person named in full whose first name has the gender of the title before the surname, else the
    surname's own group."""
    fitting = [
        g
        for g in groups
        if gender is not None and g.accepts("PERSON", text, places) and first_name_gender(g.name.split()[0]) == gender
    ]
    if len(fitting) == 1:
        return fitting[0]
    return next((g for g in groups if g.label == "PERSON" and g.name == text), None)


def _one_person(groups: list[_Group]) -> bool:
    """Names that differ only as 'Josh' / 'Joshua Apte', 'Pat' / 'Patrick W. Carlineo' or 'Tom' / 'Thomas Weinandy' do:
    every pair of first names is one given name, all end in one surname ('Juan Carlos Cruz' and 'Juan de la Cruz
    Barros Madrid' are two men), and no two are a father and son ('Donald Trump Jr.')."""
    firsts = {g.name.split()[0].casefold().rstrip(".") for g in groups}
    names = [tuple(g.name.split()) for g in groups]
    surnames = {_spelling([w for w in name if not is_name_suffix(w)][-1]) for name in names}
    parent_and_child = any(father_and_son(a, b) for a in names for b in names)  # 'Trump': Donald or Donald Jr.?
    return not parent_and_child and len(surnames) == 1 and all(_same_given_name(a, b) for a in firsts for b in firsts)


def group_mentions(found: list[tuple[str, Mention]], titled: Mapping[int, str] | None = None) -> list[Entity]:
    """Group (label, mention) pairs in document order; longer names first so short ones attach. `titled` is the
    gender ('m', 'f') of the title before a one-word person's mention, by its start ('Mr. Obama')."""
    titled = titled or {}
    places = frozenset(w for label, m in found if label in ("GPE", "NORP", "LOC") for w in _alias_words(m.text))
    by_name: dict[str, set[str]] = {}
    for _, mention in found:
        if mention.start in titled:
            by_name.setdefault(mention.text, set()).add(titled[mention.start])
    surnames = frozenset(name for name, seen in by_name.items() if len(seen) > 1)
    groups: list[_Group] = []
    for label, mention in sorted(found, key=lambda item: -len(item[1].text.split())):
        home = _home(groups, label, mention.text, places, _Shared(surnames, titled.get(mention.start)))
        if home is None:
            groups.append(_Group(label, mention))
        else:
            home.add(mention)
    entities = [
        Entity(id=0, name=g.name, label=kind, count=len(g.mentions), mentions=sorted(g.mentions, key=lambda m: m.start))
        for g in groups
        if (kind := _kind_by_full_name(g.label, g.name)) is not None
    ]
    entities.sort(key=lambda e: (-e.count, e.mentions[0].start))
    return [entity.model_copy(update={"id": i}) for i, entity in enumerate(entities)]


def _kind_by_full_name(label: str, name: str) -> str | None:
    """A name whose full name ends in a product line's word is that product, its shorter names too ('Nintendo Switch
    Lite' and its 'Switch' tagged a person, 'MacBook Pro' an organisation); a 'person' whose name joins two names, or
    is English words ending in a plural that is no surname, is not kept, as its label would be a guess ('Pokemon Sword
    OR Shield', 'Star Wars', 'Echo Buds'; not 'Maxine Waters'); a ship is a vessel ('USS Maddox')."""
    words = name.casefold().split()
    if len(words) < 2:
        return label
    if words[0] in SHIP_PREFIXES and name.split()[0].isupper() and label in ("PERSON", "ORG"):
        return "PRODUCT"
    if label == "PERSON":
        if CONJUNCTIONS.intersection(words):
            return None
        if words[-1] in PRODUCT_LINE_WORDS:
            return "PRODUCT"
        return None if words[0] not in first_names() and plural_things(words) else label
    if label in _PRODUCT_LINE_LABELS and words[-1] in _NAMED_PRODUCT_LINE_WORDS:
        return "PRODUCT"  # 'MacBook Pro', 'Chromecast Ultra'
    return label


@register
class EntitiesAnalyser(Analyser[EntitiesResult]):
    name = "entities"
    version = 1
    languages = ENGLISH  # English-trained models: not run on articles in other languages
    title = "Entities"
    description = "People, organisations and places named in the article, grouped across mentions."
    Result = EntitiesResult

    def run(self, article: Article, doc: Doc, context: AnalysisContext) -> EntitiesResult:
        named = [(ent.label_, ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in NAMED_LABELS]
        found = []
        for label, start, end in repair_mentions(doc, named, is_outlet):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and (cleaned := _clean_mention(span, label)) is not None:
                found.append(cleaned)
        found = relabel_people(found)
        return EntitiesResult(entities=group_mentions(found, _title_genders(text_of(doc), found)))


def _title_genders(text: str, found: list[tuple[str, Mention]]) -> dict[int, str]:
    """The gender of the title right before each one-word person's mention ('Mr. Obama', 'Mrs. Obama'), by start."""
    genders: dict[int, str] = {}
    for label, mention in found:
        before = words_before(text, mention.start)
        if label == "PERSON" and " " not in mention.text and before and before[-1] in GENDERED_WORDS:
            genders[mention.start] = GENDERED_WORDS[before[-1]]
    return genders


@lru_cache(maxsize=4096)
def is_outlet(name: str) -> bool:
    """The outlet table knows this name as an outlet's ("Sputnik", "Associated Press")."""
    return database().resolve_name(name, compact=False) is not None
