"""Speaker resolution inside one document, each with its evidence, or `unresolved`.

A source phrase is read from its syntactic head, and only a rule that is sure names a speaker:

- `named`: the head is a name (a person, an organisation, a government: "Lavrov", "Damascus");
- `pronoun`: he / she stand for the person who is the subject of the nearest earlier clause
  (the subject chain: "Carlineo faces … He was arrested … he asked" is Carlineo, not Omar who is
  only mentioned in between), within three sentences and of a compatible gender when known;
- `role`: "the foreign minister" is the one person holding that role named before it;
- `byline`: "I" outside quotes in an opinion piece with one author is that author (not in an interview: "A: I …");
- `earlier_mention`: a quote with no cue continues the speaker before it (set by the analyser).

Everything else is `unresolved`: unnamed groups ("prosecutors", "Washington-based analysts"), the
target of a cue ("threatened Omar", "told reporters"), datelines ("BUFFALO, N.Y."), adjectives
("Jordanian"), verbs ("Hosting"), and pronouns without a sure antecedent. A pronoun is never a name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from ...document import Span
from ...extract.text_export import is_list_item, stands_apart
from ...outlets import database as outlet_table
from ..entities import GENDERED_WORDS, father_and_son, first_name_gender, is_name_suffix, lone_name_gender
from ..nlp import text_of
from ..spans import CharSpan, line_around
from .cues import (
    ADDRESSEE_VERBS,
    CAPITALS,
    COMPANY_NOUNS,
    COUNTRY_NAMES,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    INSTITUTION_NOUNS,
    NATIONALITIES,
    OPINION_SECTIONS,
    ORGANISATION_NOUNS,
    PERSON_NOMINALS,
    PERSON_NOUNS,
    PRONOUN_GENDER,
    RELATIVE_PRONOUNS,
    ROLE_SYNONYMS,
    SPEAKER_CONFIDENCE,
    SPEECH_VERBS,
    STAFF_NOUNS,
    TITLES,
    VOICE_NOUNS,
)
from .marks import QuoteRegion
from .rules import is_dateline, phrase_roots

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ...document import Metadata
    from ..base import Profile
    from ..entities import EntitiesResult, Entity

__all__ = [
    "PersonIndex",
    "Speaker",
    "SpeakerEvidence",
    "SpeakerResolver",
    "is_opinion",
    "parse_title_name",
]

SpeakerKind = Literal["person", "government", "organisation", "group"]
_INTERVIEW_QUESTION = re.compile(r"^(?:Q|Question)\s*[:.]\s", re.MULTILINE)
_INTERVIEW_ANSWER = re.compile(r"^(?:A|Answer)\s*[:.]\s", re.MULTILINE)

ResolvedBy = Literal["named", "pronoun", "role", "byline", "earlier_mention", "unresolved"]

_ROLE_PREFIXES = frozenset({"deputy", "vice", "co", "former", "acting"})
_TITLE_WORDS = frozenset(w for key in TITLES for w in key.split()) | {"foreign"} | _ROLE_PREFIXES
_MAX_TITLE_WORDS = max(len(k.split()) for k in TITLES)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_TARGET_DEPS = frozenset({"dobj", "dative", "iobj"})
_EMBEDDED = frozenset({"relcl", "acl"})
_BODIES_AND_TEXTS = frozenset(
    """group organisation organization company firm agency website site outlet newspaper magazine network channel
    party movement campaign committee council coalition association charity foundation institute body government
    ministry department union church university report study book film movie document letter statement bill law
    program programme""".split()
)
_DEFINITE = frozenset({"the", "this", "that", "his", "her", "its", "their"})
_QUANTIFIERS = frozenset({"no", "every", "each", "any", "all"})
_ADDING_OTHERS = re.compile(r"\b(?:along|together) with\b|\bas well as\b", re.IGNORECASE)
_ROLE_KINDS = {
    "lawmaker": {"senator", "representative", "congressman", "congresswoman"},
    "lawyer": {"attorney"},
    "politician": {"senator", "representative", "congressman", "congresswoman", "governor", "mayor", "minister"},
}
_CLERGY = frozenset({"pope", "cardinal", "bishop", "archbishop", "nuncio", "priest", "rabbi", "imam", "pastor"})
# verbs whose clause holds what someone says or knows ('He knew … that McCarrick was a serial predator')
_REPORTING_OR_KNOWING = SPEECH_VERBS | {"know", "think", "believe", "learn", "realize", "realise", "understand"}
_PERSON_HEADS = PERSON_NOMINALS | PERSON_NOUNS | _CLERGY | _ROLE_KINDS.keys()
# Who else a singular subject may be: 'A local man said …. "He came here for nothing," he said' is not the man
# named before him.
_SOMEONE = frozenset(
    """man woman boy girl person user voter witness fan supporter critic friend neighbor neighbour source insider
    aide employee customer passenger victim survivor officer member commentator blogger host caller viewer listener
    reader""".split()
)
# What a gendered noun tells a pronoun: 'A local woman said …. He added' does not go on with the woman.
_WORD_GENDER = (
    PRONOUN_GENDER
    | GENDERED_WORDS
    | dict.fromkeys("man boy father son husband actor".split(), "m")
    | dict.fromkeys("woman girl mother daughter wife actress".split(), "f")
)
_TIMES = frozenset({"DATE", "TIME"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_BODY_PREPOSITIONS = frozenset({"of", "at", "for"})
_BODY_FILLERS = _BODY_PREPOSITIONS | {"the", "a", "an", "in", "and", "'s", "’s"}
_NON_SPACE = re.compile(r"\S")
_PRONOUN_WINDOW = 3  # sentences back that a pronoun's antecedent may stand
_GENERIC_ROLES = frozenset({"official", "diplomat", "leader"})
_PARTIES = {"democratic": "Democratic", "democrat": "Democratic", "republican": "Republican", "gop": "Republican"}
_PARTY_LETTERS = {"D": "Democratic", "R": "Republican"}
_PARTY_WORD = re.compile(rf"\b(?:{'|'.join(_PARTIES)})\b", re.IGNORECASE)
_PARTY_LETTER = re.compile(r"\((D|R)(?:[-–,)]|\s)")
_LOWER_RANKS = frozenset({"deputy", "vice", "former", "acting", "assistant"})


class SpeakerEvidence(Span):
    """The words in the text the speaker's name was read from (the name, the antecedent, the role holder)."""

    text: str


class Speaker(BaseModel):
    """Who an attribution is pinned on, resolved inside the document, or `unresolved`."""

    name: str | None = Field(description="Canonical name, e.g. 'Sergey Lavrov' or 'Washington'; None when unresolved.")
    kind: SpeakerKind | None = None
    entity_id: int | None = Field(None, description="Id of the document entity in the `entities` result.")
    role: str | None = Field(None, description="Title or role, e.g. 'Foreign Minister'.")
    organisation: str | None = Field(None, description="Country or organisation the role belongs to.")
    resolved_by: ResolvedBy = Field(
        description="named (in the clause), pronoun (its antecedent), role (the person holding it), byline "
        "(first person in an opinion piece), earlier_mention (a quote continuing the speaker before), unresolved."
    )
    confidence: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Share of speakers resolved this way (in the profile that ran) that were right on "
        "newsprobe's hand-checked pages (a prior for rules with fewer than 10 checked items); None when unresolved.",
    )
    reason: str = Field(description="One line saying how the speaker was (or could not be) resolved.")
    evidence: SpeakerEvidence | None = Field(None, description="Where in the text the name was read.")


def unresolved(reason: str) -> Speaker:
    return Speaker(name=None, resolved_by="unresolved", reason=reason)


@dataclass
class TitledName:
    name: list[str]
    role: str | None = None
    country: str | None = None

    @property
    def body(self) -> frozenset[str]:
        """The named body the role belongs to ('the president of the Federal Reserve Bank'); empty for a bare title."""
        if not self.name or self.name[0].lower() not in _BODY_PREPOSITIONS:
            return frozenset()
        return _body_words(self.name[1:])


def _body_words(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words if w.lower() not in _BODY_FILLERS)


def _match_title(words: list[str], i: int) -> tuple[str, int] | None:
    for size in range(min(_MAX_TITLE_WORDS, len(words) - i), 0, -1):
        key = " ".join(words[i : i + size]).lower()
        if key in TITLES:
            return TITLES[key], size
    return None


def _match_nationality(words: list[str], i: int) -> tuple[str, int] | None:
    for size in (3, 2, 1):
        key = " ".join(words[i : i + size]).lower().removesuffix("’s").removesuffix("'s")
        country = _country(key)
        if i + size <= len(words) and country is not None:
            return country, size
    return None


def _country(word: str) -> str | None:
    """The country a nationality word or a country's name stands for ('russian', 'austria')."""
    return NATIONALITIES.get(word) or COUNTRY_NAMES.get(word)


def parse_title_name(words: list[str]) -> TitledName:
    """'Russian FM Sergey Lavrov' -> name [Sergey, Lavrov], role Foreign Minister, country Russia."""
    result = TitledName(name=[])
    i = 0
    while i < len(words):
        title = _match_title(words, i)
        nationality = _match_nationality(words, i) if title is None else None
        if title is not None and not result.name:
            role, size = title
            result.role = role if result.role is None else f"{result.role} {role}"
            i += size
        elif nationality is not None and not result.name:
            result.country, size = nationality
            i += size
        elif words[i].lower() in _ROLE_PREFIXES and not result.name:
            nxt = _match_title(words, i + 1)
            if nxt is not None:
                joiner = "-" if words[i].lower() == "co" else " "
                result.role = f"{words[i].capitalize()}{joiner}{nxt[0]}"
                i += 1 + nxt[1]
            else:
                i += 1
        else:
            result.name.append(words[i])
            i += 1
    return result


def without_title(name: str) -> str:
    """'Interior Minister Wolfgang Peschorn' -> 'Wolfgang Peschorn': capitalised words up to the last
    title word go (two or more words must be left)."""
    words = name.split()
    titles = [i for i, w in enumerate(words[:-2]) if w.lower() in _TITLE_WORDS]
    return " ".join(words[titles[-1] + 1 :]) if titles else name


def name_key(word: str) -> str:
    return word.lower().removesuffix("’s").removesuffix("'s")


def _family_name(words: list[str]) -> str | None:
    """The word that tells one person from another: the last one that is not a suffix ('Jr.')."""
    kept = [w for w in words if not is_name_suffix(w) and w[:1].isupper()]
    return name_key(kept[-1]) if kept else None


@dataclass
class Person:
    key: str
    name: str
    role: str | None = None
    country: str | None = None
    entity_id: int | None = None
    gender: str | None = None
    body: frozenset[str] = frozenset()  # words of the named body the role is of; empty for a bare title
    mentions: list[CharSpan] = field(default_factory=list)

    def speaker(self, resolved_by: ResolvedBy, reason: str, evidence: SpeakerEvidence | None) -> Speaker:
        return Speaker(
            name=self.name,
            kind="person",
            entity_id=self.entity_id,
            role=self.role,
            organisation=self.country,
            resolved_by=resolved_by,
            reason=reason,
            evidence=evidence,
        )

    def first_mention_before(self, offset: int) -> CharSpan | None:
        earlier = [m for m in self.mentions if m[0] < offset]
        return min(earlier) if earlier else None


def _surely_a_person(person: Person) -> bool:
    """Named in full, or with a title or a gender ('Mr. Trump'): a bare one-word 'person' is too often a
    company ("Universal’s music division provided …. “…,” he said")."""
    return len(person.name.split()) > 1 or person.role is not None or person.gender is not None


def _title_prefix(doc: Doc, first: Token) -> list[Token]:
    """Title and nationality words just left of a name ('Russian Deputy Foreign Minister')."""
    prefix: list[Token] = []
    i = first.i - 1
    while i >= 0:
        tok = doc[i]
        low = tok.lower_
        if _is_title_word(tok) or low in NATIONALITIES or low in GENDERED_WORDS or (low == "of" and prefix):
            prefix.insert(0, tok)
            i -= 1
        else:
            break
    if prefix and prefix[-1].lower_ == "of":
        return []  # 'the governor of South Dakota': the name is what the title is of, not who holds it
    while prefix and prefix[0].lower_ == "of":
        prefix.pop(0)
    return prefix


def _is_title_word(tok: Token) -> bool:
    """A title's word, or the hyphen inside one ('Director-General', 'Vice-President'); a lower-case 'pm' is the
    time of day ('2:16 pm Askia Muhammad')."""
    if tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_:
        return tok.nbor(-1).lower_ in _TITLE_WORDS
    return tok.lower_ in _TITLE_WORDS and tok.text != "pm"


def _hyphened_before(tok: Token) -> list[str]:
    """The word a hyphen joins to the left of `tok`, parsed apart ('vice' of 'vice-president')."""
    doc, i = tok.doc, tok.left_edge.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return [doc[i - 2].text]
    return []


def _appositive_title(root: Token) -> TitledName | None:
    """'Sergey Lavrov, Russia's foreign minister' / 'Russia's foreign minister, Sergey Lavrov'."""
    for other in [*(c for c in root.children if c.dep_ == "appos"), *([root.head] if root.dep_ == "appos" else [])]:
        words = [t.text for t in other.subtree if not t.is_punct and t.dep_ not in {"det", "case"}]
        parsed = parse_title_name(_hyphened_before(other) + words)
        if parsed.role is not None:
            return parsed
    return None


def _gender_near(tokens: list[Token]) -> str | None:
    genders = {GENDERED_WORDS[t.lower_] for t in tokens if t.lower_ in GENDERED_WORDS}
    return genders.pop() if len(genders) == 1 else None


class PersonIndex:
    """People named in the document (from the entities result), with their roles and mentions. A bare
    family name shared by two different people ('Clinton') names nobody."""

    def __init__(self, doc: Doc, entities: EntitiesResult | None) -> None:
        self.doc = doc
        self.people: list[Person] = []
        if entities is not None:
            # fuller names first: a bare family name then sees every person it could be ('Muhammad' beside
            # both 'Elijah Muhammad' and 'Askia Muhammad') instead of only those named before it
            for entity in sorted(entities.entities, key=lambda e: -len(e.name.split())):
                for mention in entity.mentions:
                    self._add_mention(entity, mention.start, mention.end)
        else:
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    self._add_mention(None, ent.start_char, ent.end_char)

    def _add_mention(self, entity: Entity | None, start: int, end: int) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        prefix = _title_prefix(self.doc, span[0])
        parsed = parse_title_name([t.text for t in [*prefix, *span] if not t.is_punct or t.text == "."])
        is_person = entity is None or entity.label == "PERSON"
        if not is_person and (parsed.role is None or not parsed.name or not parsed.name[0][:1].isupper()):
            return  # a title of a name the NER took for an organisation, not a role of one ('Founder | of Ceres …')
        appositive = _appositive_title(span.root)
        body: frozenset[str] = frozenset()
        if appositive is not None and parsed.role is None:
            parsed.role, body = appositive.role, appositive.body
            parsed.country = parsed.country or appositive.country
        name = [w for w in parsed.name if w[:1].isupper()]
        full = without_title(entity.name) if entity is not None and is_person else " ".join(name)
        person = self._person(full, name, entity.id if entity is not None and is_person else None)
        if person is None:
            return
        if person.role is None and parsed.role is not None:
            person.role, person.body = parsed.role, body
        person.country = person.country or parsed.country
        person.gender = person.gender or _gender_near(prefix)
        person.mentions.append((start, end))

    def _person(self, full: str, name: list[str], entity_id: int | None) -> Person | None:
        """The person named `full` (created when new); an entity id joins a person to its entity."""
        key = _family_name(full.split()) or _family_name(name)
        if key is None or key in CAPITALS or key in NATIONALITIES:
            return None
        for person in self.people:
            if (entity_id is not None and person.entity_id == entity_id) or person.name == full:
                return person
        words = set(full.lower().split())
        related = [
            p
            for p in self.people
            if p.key == key
            and _nested(words, set(p.name.lower().split()))
            and not father_and_son(tuple(full.split()), tuple(p.name.split()))  # not Donald Trump Jr.
        ]
        if len(related) == 1:  # 'Suter' and 'Ryan Suter' are one person; the fuller name wins
            person = related[0]
            if len(full) > len(person.name):
                person.name = full
            person.entity_id = person.entity_id if person.entity_id is not None else entity_id
            return person
        person = Person(key=key, name=full, entity_id=entity_id)
        self.people.append(person)
        return person

    def add_named_source(self, head: Token) -> None:
        """A source the NER missed that names a person by its appositive ('Eswar Prasad, a trade
        professor at Cornell'): a run of two or more proper nouns with a person's role beside it."""
        run = [t for t in _name_run(head) if t.lower_ not in _TITLE_WORDS]
        appositive = _appositive_title(head)
        appos_nouns = {c.lower_ for c in head.children if c.dep_ == "appos"}
        if len(run) < 2 or not (appositive is not None or appos_nouns & (PERSON_NOMINALS | PERSON_NOUNS)):
            return
        name = [t.text for t in run]
        if any(t.text.isupper() for t in run) or self.by_words(name) is not None:
            return
        person = self._person(" ".join(name), name, None)
        if person is None:
            return
        if appositive is not None:
            person.role, person.body, person.country = appositive.role, appositive.body, appositive.country
        person.mentions.append((run[0].idx, run[-1].idx + len(run[-1])))

    def by_words(self, words: list[str]) -> Person | None:
        """The one person whose name holds these words ('Lavrov', 'Sergey Lavrov'); none or several: None."""
        found = self.named_by(words)
        return found[0] if len(found) == 1 else None

    def named_by(self, words: list[str]) -> list[Person]:
        """The people whose names hold these words."""
        key = _family_name(words)
        wanted = {name_key(w) for w in words if not is_name_suffix(w) and w[:1].isupper()}
        if key is None:
            return []
        return [p for p in self.people if p.key == key and wanted <= {name_key(w) for w in p.name.split()}]

    def at(self, start: int, end: int) -> Person | None:
        """The person one of whose mentions overlaps [start, end)."""
        for person in self.people:
            if any(s < end and start < e for s, e in person.mentions):
                return person
        return None


def _nested(a: set[str], b: set[str]) -> bool:
    return a <= b or b <= a


def _same_person(a: str, b: str) -> bool:
    """'Lavrov' / 'Sergey Lavrov' are one person; 'Hillary Clinton' / 'Bill Clinton' are not."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return wa <= wb or wb <= wa


@dataclass
class NominalFilter:
    """What 'the Russian foreign minister' says about its referent: role words and country."""

    role_words: set[str]
    country: str | None
    body: frozenset[str] = frozenset()  # 'the president of the bank': {'bank'}; 'the president': empty
    party: str | None = None  # 'the Democratic nominee': Democratic

    def accepts(self, person: Person) -> bool:
        if person.role is None:
            return False
        if self.country is not None and person.country not in {None, self.country}:
            return False
        role = {ROLE_SYNONYMS.get(word, word) for word in person.role.lower().split()}
        if self.role_words & _GENERIC_ROLES:  # 'the Russian diplomat' is Lavrov; 'the diplomat' is anyone
            return self.country is not None and person.country == self.country
        if role & _LOWER_RANKS and not self.role_words & _LOWER_RANKS:
            return False
        if len(role) > 1 and "general" in role and "general" not in self.role_words:
            return False  # 'his attorney' is no Attorney General, 'the director' no Director-General
        return {ROLE_SYNONYMS.get(word, word) for word in self.role_words} <= role


def _nominal_filter(head: Token) -> NominalFilter | None:
    """'the foreign minister', 'the Russian official', 'China's ambassador': a definite singular role noun."""
    if head.lower_ not in PERSON_NOMINALS or head.tag_ not in {"NN", "NNP"}:
        return None
    left = [t for t in head.subtree if t.i < head.i]
    determiners = [t for t in left if t.dep_ in {"det", "poss"}]
    if not determiners or not any(t.lower_ in _DEFINITE or t.dep_ == "poss" for t in determiners):
        return None
    words = [t.text for t in left if t.dep_ not in {"det", "case"} and not t.is_punct] + [head.text]
    if any(t.pos_ == "PROPN" and t.lower_ not in NATIONALITIES and t.lower_ not in _TITLE_WORDS for t in left):
        country_words = [t.lower_ for t in left if t.dep_ == "poss"]
        if not all(_country(w) for w in country_words) or not country_words:
            return None
    parsed = parse_title_name(words)
    role_words = set((parsed.role or "").lower().split()) | {head.lower_}
    role_words = {part for w in role_words for part in TITLES.get(w, w).lower().split()}
    of_phrases = [
        c
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in _BODY_PREPOSITIONS and not any(t.ent_type_ in _TIMES for t in c.subtree)
    ]  # 'the president for months' is no president of a body
    body = _body_words([t.text for c in of_phrases for t in c.subtree if not t.is_punct])
    party = next((_PARTIES[t.lower_] for t in left if t.lower_ in _PARTIES), None)
    return NominalFilter(role_words=role_words, country=parsed.country, body=body, party=party)


def is_opinion(metadata: Metadata | None) -> bool:
    """An opinion piece: its URL path or its section says so (opinion, op-ed, commentary, column, blog)."""
    if metadata is None:
        return False
    url = metadata.canonical_url or metadata.url or ""
    path = url.split("://", 1)[-1].partition("/")[2].lower()
    segments = set(path.split("/"))
    sections = {c.lower() for c in metadata.categories} | {t.lower() for ts in metadata.tags.values() for t in ts}
    return bool(segments & OPINION_SECTIONS or sections & OPINION_SECTIONS)


def is_interview(text: str) -> bool:
    """Questions and answers ('Q: …' / 'A: I think …'): the first person is the one answering, not the
    byline's author who asks."""
    return len(_INTERVIEW_QUESTION.findall(text)) >= 2 and _INTERVIEW_ANSWER.search(text) is not None


class SpeakerResolver:
    """Resolves the sources of one document. Build once per document (`quotes`: `find_quotes(text)`)."""

    def __init__(
        self,
        doc: Doc,
        entities: EntitiesResult | None,
        quotes: list[QuoteRegion],
        metadata: Metadata | None = None,
        sources: list[CharSpan] | None = None,
        profile: Profile = "accurate",
    ) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.confidence = SPEAKER_CONFIDENCE[profile]
        self.entities = entities
        self.people = PersonIndex(doc, entities)
        for source in sources or []:
            span = doc.char_span(*source, alignment_mode="expand")
            if span is not None and len(span) and _head(span).pos_ == "PROPN" and self._entity_at(_head(span)) is None:
                self.people.add_named_source(_head(span))
        self.quoted = [(q.start, q.end) for q in quotes]
        self.surname_counts = Counter(person.name.split()[-1] for person in self.people.people)
        authors = metadata.authors if metadata is not None else []
        one_voice = is_opinion(metadata) and not is_interview(self.text)
        self.byline = authors[0] if len(authors) == 1 and one_voice else None
        self.sentence_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
        # (token index, person) of subjects, in text order; None for a person the rules could not name
        self.chain: list[tuple[int, Person | None]] = []
        self.by_subject: dict[int, tuple[Person, str, SpeakerEvidence | None]] = {}
        self.pronoun_genders: dict[str, list[str]] = {}  # person key -> genders of the pronouns resolved to them
        self.lines_apart: dict[CharSpan, bool] = {}
        self._build_chain()

    # ------------------------------------------------------------ the subject chain

    def _inside_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted)

    def _evidence(self, start: int, end: int) -> SpeakerEvidence:
        return SpeakerEvidence(start=start, end=end, text=self.text[start:end])

    def _build_chain(self) -> None:
        """Subjects that are people, in text order; pronoun and role subjects resolved on the way."""
        for tok in self.doc:
            if not (tok.dep_ in _SUBJECT_DEPS or _name_read_as_root(tok)) or self._inside_quote(tok.idx):
                continue
            if tok.head.dep_ in _EMBEDDED and tok.pos_ != "PRON":  # 'feuds whom Taylor Swift has had': background
                continue
            found = self._subject_person(tok)
            if found is not None and _joined(tok):  # 'Kristine Phillips and Deanna Paul wrote …. She said'
                self.chain.append((tok.i, None))
            elif found is not None:
                self.by_subject[tok.i] = found
                self.chain.append((tok.i, found[0]))
            elif self._names_someone(tok):
                self.chain.append((tok.i, self._called_so_before(tok)))
            elif tok.lower_ in PRONOUN_GENDER and tok.pos_ == "PRON":  # 'He knew …': who he is, no rule could say
                self.chain.append((tok.i, None))
            elif tok.lower_ == "who" and tok.head.lemma_ in SPEECH_VERBS:
                self._add_who_speaks(tok)
            elif _someone_unnamed(tok):  # 'A spokesman for the company said …. He added': not whoever came before
                self.chain.append((tok.i, None))
            elif tok.lower_ in _PERSON_HEADS and any(c.dep_ == "poss" for c in tok.children):
                # "Julian Assange's father has written …. He refers to": not Assange, nor anyone unless named beside
                named = [p for c in tok.children if c.dep_ == "appos" and (p := self._named_person(c)) is not None]
                self.chain.append((tok.i, named[0] if len(named) == 1 else None))
                continue
            for owner in (c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"):
                person = self._named_person(owner)  # "Mr. Trump’s theatrical embrace …. He has …"
                if person is not None and _surely_a_person(person):
                    self.chain.append((owner.i, person))
        self.chain.sort(key=lambda entry: entry[0])

    def _names_someone(self, tok: Token) -> bool:
        """A subject that names a person the rules cannot resolve: a name two people share ('Clinton' beside Bill and
        Hillary Clinton), a titled name the NER passed by or a role no one named holds ('the Pope')."""
        if tok.pos_ == "PROPN" and len(self.people.named_by(self._name_words(tok))) > 1:
            return True
        if tok.pos_ == "PROPN" and any(
            c.dep_ == "compound" and (_is_title_word(c) or c.lower_ in _CLERGY) for c in tok.children
        ):
            return True  # 'Police Chief U. Reneé Hall', 'Bishop Thomas Tobin': a name the NER passed by
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)
        return definite and tok.lower_ in _PERSON_HEADS

    def _called_so_before(self, noun: Token) -> Person | None:
        """'Cardinal Müller said …. The cardinal said …': the latest person subject before, when the noun is their
        title or role ('the lawmaker' for a representative, 'the lawyer' for an attorney)."""
        earlier = [(i, p) for i, p in self.chain if i < noun.i and (p is not None or self.doc[i].pos_ != "PRON")]
        if not earlier:
            return None
        i, person = earlier[-1]
        if person is None or self.sentence_of[noun.i] - self.sentence_of[i] > _PRONOUN_WINDOW:
            return None
        words = {noun.lower_} | _ROLE_KINDS.get(noun.lower_, set())
        called = set((person.role or "").lower().split())
        for start, end in person.mentions:  # 'Cardinal Müller', or 'Pope' just before 'Francis'
            called |= set(self.text[max(0, start - 30) : end].lower().split()[-len(person.name.split()) - 1 :])
        return person if words & called else None

    def _subject_person(self, tok: Token) -> tuple[Person, str, SpeakerEvidence | None] | None:
        low = tok.lower_
        if low in PRONOUN_GENDER and tok.pos_ == "PRON":
            return self._antecedent(tok)
        person = self._named_person(tok)
        if person is not None:
            return person, "named in the clause", self._name_evidence(person, tok)
        nominal = _nominal_filter(tok)
        return self._role_holder(tok, nominal) if nominal is not None else None

    def _antecedent(self, pronoun: Token) -> tuple[Person, str, SpeakerEvidence | None] | None:
        """The latest subject of a compatible gender within three sentences; none when the latest person-like subject
        is one the rules could not name. A person whose gender is not known takes the gender of the pronouns
        already resolved to them (all alike). A subject in a caption or subheading ('Robert Mueller's investigation
        … could lead to …') counts only when the subject before it is the same person."""
        gender = PRONOUN_GENDER[pronoun.lower_]
        sentence = self.sentence_of[pronoun.i]
        named_after = self._named_later_in_its_clause(pronoun)
        apart: Person | None = None
        for i, person in reversed(self.chain):
            if i >= pronoun.i or self._reported_beside_its_reporter(i, pronoun):
                continue
            if person is not None and person.key in named_after:
                continue
            if person is None and _WORD_GENDER.get(self.doc[i].lower_, gender) != gender:
                continue  # an unresolved 'he' (or 'a local man') says nothing about who 'she' is
            if sentence - self.sentence_of[i] > _PRONOUN_WINDOW:
                return None
            if person is None and self._in_a_line_apart_from(i, pronoun.i):
                continue  # a caption's subject, named or not ('© AFP Cardinal O'Malley accompanied the Pope')
            if person is None:
                return None  # 'the Pope …. He had been saying': not whoever was named before the Pope
            if self._gender(person) not in (None, gender):
                continue
            if self._reporter_of_its_clause(i, pronoun):
                return None
            others_may_be_meant = self._gender(person) is None or pronoun.dep_ == "poss"  # "his" of anyone named
            if others_may_be_meant and self._named_between(person, i, pronoun, gender):
                return None  # 'Chris Christie described Hillary Clinton as … after she attacked …'
            if self._author_named_in_its_clause(person, i, pronoun, gender):
                return None
            if self._in_a_line_apart_from(i, pronoun.i):
                apart = apart or person
                continue
            if apart is not None and apart.key != person.key:
                return None
            self.pronoun_genders.setdefault(person.key, []).append(gender)
            evidence = self._token_phrase(self.doc[i])
            return person, f"“{pronoun.text}” refers to {person.name}, subject of an earlier clause", evidence
        return None

    def _reporter_of_its_clause(self, i: int, pronoun: Token) -> bool:
        """The subject `i` reports the pronoun's own clause in an 'as' clause: 'As David reported, he’s ready to fund …'
        is someone David reported on."""
        verb = self.doc[i].head
        return (
            verb.dep_ == "advcl"
            and verb.head == pronoun.head
            and verb.lemma_.lower() in _REPORTING_OR_KNOWING
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        )

    def _author_named_in_its_clause(self, person: Person, i: int, pronoun: Token, gender: str) -> bool:
        """The pronoun's own clause names, before it and outside quote marks, someone else it may stand for as the
        author of a text ('In a lengthy report by Correspondent Sara Carter, she pointed out', 'the letter from
        Father Boniface Ramsey in which he denounced': a relative clause's clause is the phrase it describes), and
        the subject `i` stands before that clause. 'Like Saviano, he said' names someone else, not the author."""
        clause = pronoun.head
        if clause.dep_ == "relcl":
            clause = clause.head
        start, end = clause.left_edge.idx, pronoun.idx
        if self.doc[i].idx >= start:
            return False
        return any(
            other.key != person.key
            and self._gender(other) in (None, gender)
            and any(
                start <= m[0] < end and not self._inside_quote(m[0]) and self._names_an_author(m)
                for m in other.mentions
            )
            for other in self.people.people
        )

    def _names_an_author(self, mention: CharSpan) -> bool:
        """'a report by …', 'the letter from …'."""
        span = self.doc.char_span(*mention, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in {"by", "from"} and root.head.head.pos_ == "NOUN"

    def _named_between(self, person: Person, i: int, pronoun: Token, gender: str) -> bool:
        """Someone else of the pronoun's gender is named, outside quote marks, in the pronoun's sentence between it and
        the subject `i` (of unknown gender, or any for a possessive: 'With Assange trapped …, Harding … gloated on his
        blog'): either may be meant."""
        start, end = max(self.doc[i].idx, pronoun.sent.start_char), pronoun.idx
        return any(
            other.key != person.key
            and self._gender(other) == gender
            and any(start < m[0] < end and not self._inside_quote(m[0]) for m in other.mentions)
            for other in self.people.people
        )

    def _in_a_line_apart_from(self, i: int, j: int) -> bool:
        """Token `i` stands in the last sentence of a line that ends without a sentence ending (a caption, a
        subheading: 'Mr Cruz writes. © AFP Cardinal O'Malley accompanied the Pope') and token `j` stands outside
        that line: the text runs on past such a sentence, not from it. So does prose after a list: 'They gave the
        following timeline: • … Paddock arrived at Haig's home …. He said the rounds were …' is not Paddock."""
        line = line_around(self.text, self.doc[i].idx)
        if line[0] <= self.doc[j].idx < line[1]:
            return False
        if is_list_item(self.text[line[0] : line[1]]):
            return not is_list_item(self.text[slice(*line_around(self.text, self.doc[j].idx))])
        if line not in self.lines_apart:
            after = _NON_SPACE.search(self.text, line[1])  # the next line with words, if any
            following = self.text[slice(*line_around(self.text, after.start()))].strip() if after else None
            self.lines_apart[line] = stands_apart(self.text[line[0] : line[1]].strip(), following)
        last = self.doc[i].sent[-1]
        return self.lines_apart[line] and not self.text[last.idx + len(last) : line[1]].strip()

    def _named_later_in_its_clause(self, pronoun: Token) -> set[str]:
        """The people a subject pronoun's own clause names after it, outside quote marks: 'she invited Clinton to
        describe …' is not Clinton."""
        if pronoun.dep_ not in _SUBJECT_DEPS:
            return set()
        clause = pronoun.head
        end = clause.right_edge.idx + len(clause.right_edge)
        return {
            person.key
            for person in self.people.people
            for start, stop in person.mentions
            if pronoun.idx < start < end
            and not self._inside_quote(start)
            and self.surname_counts[self.text[start:stop].split()[-1]] < 2  # 'She said Smith …': her husband
        }

    def _reported_beside_its_reporter(self, i: int, pronoun: Token) -> bool:
        """'Mr. Muhammad said that … the minister was not an anti-Semite. He reaffirmed …', 'First he said that Brasey
        had to be heard; then he attacked her': a subject inside what an earlier subject of its sentence says is not
        the one a pronoun outside that clause goes on with."""
        tok = self.doc[i]
        # the verbs whose clauses hold the subject, not the one it is the subject of ('her husband had threatened')
        reporters = [
            a
            for a in tok.ancestors
            if a.lemma_.lower() in _REPORTING_OR_KNOWING and a.pos_ == "VERB" and _clause_under(a, tok) != tok
        ]
        if not reporters or any(pronoun.i == t.i for a in reporters for t in _clause_under(a, tok).subtree):
            return False
        # 'criticised … and said', 'remains committed to his policy, claiming that …': the subject of the verb before
        verbs = {v for a in reporters for v in ((a, a.head) if a.dep_ in {"conj", "advcl"} else (a,))}
        return any(
            j < i and self.sentence_of[j] == self.sentence_of[i] and self.doc[j].head in verbs for j, _ in self.chain
        )

    def _gender(self, person: Person) -> str | None:
        """From a title ('Mrs.'), a first name the census or the World Gender Name Dictionary gives mostly one sex (or
        the one name a person goes by: 'Peter'), or the pronouns already resolved."""
        if person.gender is not None:
            return person.gender
        words = person.name.split()
        if len(words) > 1 and (gender := first_name_gender(words[0], worldwide=True)) is not None:
            return gender
        if len(words) == 1 and (gender := lone_name_gender(words[0])) is not None:
            return gender
        seen = set(self.pronoun_genders.get(person.key, []))
        return seen.pop() if len(seen) == 1 else None

    def _token_phrase(self, tok: Token) -> SpeakerEvidence:
        start = min(t.idx for t in tok.subtree if t.i >= tok.i - 4 and t.i <= tok.i)
        return self._evidence(start, tok.idx + len(tok))

    def _role_holder(self, head: Token, nominal: NominalFilter) -> tuple[Person, str, SpeakerEvidence | None] | None:
        """The only person named before `head` whose role fits the nominal (none or several: None)."""
        holders = [p for p in self.people.people if nominal.accepts(p)]
        if nominal.party is not None:
            holders = [p for p in holders if self._party(p) == nominal.party]
        candidates = [p for p in holders if p.first_mention_before(head.idx) is not None] or holders
        if nominal.body:  # 'the president of the local mosque' is no president of elsewhere
            candidates = [p for p in candidates if p.body & nominal.body]
        elif any(not p.body for p in candidates):  # 'the president' is President Trump, not the president of a bank
            candidates = [p for p in candidates if not p.body]
        if len(candidates) != 1:
            return None
        person = candidates[0]
        mention = person.first_mention_before(head.idx) or min(person.mentions)
        phrase = self.text[head.left_edge.idx : head.idx + len(head)]
        reason = f"“{phrase}” is the only {person.role} the article names: {person.name}"
        return person, reason, self._evidence(*mention)

    def _party(self, person: Person) -> str | None:
        """The one party written beside the person's mentions ('Republican nominee Donald Trump', 'Sen. Claire
        McCaskill (D-Mo.)'), in the same line; none or both: None."""
        found = set()
        for start, end in person.mentions:
            line_start, line_end = line_around(self.text, start)
            window = self.text[max(line_start, start - 40) : min(end + 40, line_end)]
            found |= {_PARTIES[m.group(0).lower()] for m in _PARTY_WORD.finditer(window)}
            found |= {_PARTY_LETTERS[m.group(1)] for m in _PARTY_LETTER.finditer(window)}
        return found.pop() if len(found) == 1 else None

    # ------------------------------------------------------------ names

    def _entity_at(self, tok: Token) -> Entity | None:
        if self.entities is None:
            return None
        end = tok.idx + len(tok)
        for entity in self.entities.entities:
            if any(m.start < end and tok.idx < m.end for m in entity.mentions):
                return entity
        return None

    def _named_person(self, head: Token) -> Person | None:
        """The person the head names: a PERSON entity mention, or a known family name (a capitalised subject whatever
        the tagger's part of speech: it takes a sentence's first 'Franken' for a verb), or the lower-case end of a
        hyphenated name the parse makes the head ('in' of 'President Moon Jae-in')."""
        if head.pos_ != "PROPN" and not head.text[:1].isupper() and not _ends_a_hyphenated_word(head):
            return None
        person = self.people.at(head.idx, head.idx + len(head))
        if person is not None:
            return person
        if head.pos_ not in {"PROPN", "NOUN"} and head.dep_ not in _SUBJECT_DEPS:
            return None
        entity = self._entity_at(head)
        if entity is not None and entity.label != "PERSON":
            return None
        return self.people.by_words(self._name_words(head))

    @staticmethod
    def _name_words(head: Token) -> list[str]:
        return [t.text for t in _name_run(head) if t.lower_ not in _TITLE_WORDS or t.i == head.i]

    def _name_evidence(self, person: Person, head: Token) -> SpeakerEvidence:
        fullest = max(person.mentions, key=lambda m: (m[1] - m[0], -m[0]))
        if fullest[0] > head.idx and any(m[0] <= head.idx < m[1] for m in person.mentions):
            fullest = next(m for m in person.mentions if m[0] <= head.idx < m[1])
        return self._evidence(*fullest)

    # ------------------------------------------------------------ resolution

    def resolve(self, source: CharSpan | None, cue: list[CharSpan]) -> Speaker:
        """The speaker of `source` (the cue tells its target apart), with the profile's confidence for its rule."""
        speaker = self._resolve(source, cue)
        return speaker.model_copy(update={"confidence": self.confidence[speaker.resolved_by]})

    def _resolve(self, source: CharSpan | None, cue: list[CharSpan]) -> Speaker:
        if source is None:
            return unresolved("no source is named")
        span = self.doc.char_span(source[0], source[1], alignment_mode="expand")
        if span is None or not len(span):
            return unresolved("no source is named")
        head = _head(span)
        if _is_target(head, cue):
            return unresolved(f"“{span.text}” is the target of the cue, not its speaker")
        if _agent_of_another_verb(head, cue):
            return unresolved(f"“{span.text}” did what another verb says, not the cue")
        outer = _outer_speaker_of_a_joined_cue(head, cue)
        if outer is not None:
            return unresolved(f"the cue may be {outer.text}’s: it is joined to what {outer.text} says of “{span.text}”")
        relative = head.lower_ if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" else None
        if relative == "whom":
            return unresolved("“whom” stands for whom the clause speaks of, not who speaks")
        if relative == "that" and head.head.head.pos_ == "PROPN":  # 'a scenario — adopted by Trump — that blamed'
            return unresolved(f"“that” does not stand for {head.head.head.text}")
        if relative is not None:
            head = head.head.head
            if relative == "who":
                head = self._person_described_by(head) or head
        speaker = self._resolve_head(head, span)
        if relative == "which" and speaker.kind == "person":
            return unresolved(f"“which” stands for a thing, not for {speaker.name}")  # 'the movie JFK, which posited'
        if relative == "that" and speaker.kind == "person" and _names_no_one(head):
            return unresolved(f"“that” stands for “{head.text}”, not for {speaker.name}")  # '…, a group that promotes'
        if speaker.name is not None and (_joins_speakers(head, span, speaker.evidence) or self._joins_people(span)):
            return unresolved(f"“{span.text}” names more than one speaker")
        read = speaker.evidence
        if read is not None and any(read.start < end and start < read.end for start, end in cue):
            return unresolved(f"the name read, “{read.text}”, runs into the cue")  # a headline's verb
        return speaker

    def _add_who_speaks(self, who: Token) -> None:
        """A 'who' that speaks stands for the person the parse hangs it on: 'Trump met Juan Cruz, who said he was
        tired. He added …' goes on with Cruz. Where the parse makes 'who said' a clause of the verb before ('Arroyo
        spoke with Cruz as well, who said …. He’d testified …, he said'), who it is no rule can say: not Arroyo."""
        if who.head.dep_ != "relcl":
            if who.i > 0 and who.nbor(-1).text == ",":  # not the question in 'learned who had written the song'
                self.chain.append((who.i, None))
            return
        antecedent = who.head.head
        person = self._named_person(self._person_described_by(antecedent) or antecedent)
        if person is not None:
            self.chain.append((who.i, person))

    def _person_described_by(self, antecedent: Token) -> Token | None:
        """'Joseph Shaw, the head of the UK’s Latin Mass Society and the spokesman for the Filial Correction, who
        wrote': the parse hangs 'who' on the organisation that ends the description; the person it describes wrote."""
        if antecedent.dep_ != "pobj" or antecedent.head.dep_ != "prep" or self._named_person(antecedent) is not None:
            return None
        noun = antecedent.head.head
        while noun.dep_ == "conj":
            noun = noun.head
        if noun.dep_ != "appos" or self._named_person(noun.head) is None:
            return None
        return noun.head

    def _joins_people(self, span: SpacySpan) -> bool:
        """'Prime Minister Theresa May, French President Emmanuel Macron and German Chancellor Angela Merkel',
        'Senator Martin Heinrich along with a handful of other lawmakers': a conjunction between two people the article
        names, however the parser hung the names, or others added to the one named."""
        if _ADDING_OTHERS.search(span.text):
            return True
        for word in span:
            if word.lower_ in {"and", "or"} and span.start < word.i < span.end - 1:
                before = self._person_beside(word, -1)
                after = self._person_beside(word, 1)
                if before is not None and after is not None and before is not after:
                    return True
        return False

    def _person_beside(self, word: Token, step: int) -> Person | None:
        """The person named next to `word` on one side, over a comma and lower-case or title words ('and German
        Chancellor Angela Merkel', 'and journalist Sara Carter')."""
        i = word.i + step
        while 0 <= i < len(self.doc) and abs(i - word.i) <= 4:
            tok = self.doc[i]
            person = self.people.at(tok.idx, tok.idx + len(tok))
            if person is not None:
                return person
            if not (tok.is_punct or tok.is_lower or _is_title_word(tok) or tok.lower_ in NATIONALITIES):
                return None
            i += step
        return None

    def _resolve_head(self, head: Token, span: SpacySpan) -> Speaker:
        low = head.lower_
        if low in PRONOUN_GENDER and head.pos_ == "PRON":
            return self._pronoun(head)
        if low in FIRST_PERSON and head.pos_ == "PRON":
            return self._first_person(head)
        if head.pos_ == "PRON" or low in RELATIVE_PRONOUNS:
            return unresolved(f"“{head.text}” names nobody")
        person = self._named_person(head)  # before the dateline test: 'PENCE:' opens a transcript line
        if person is not None:
            return person.speaker("named", "named in the clause", self._name_evidence(person, head))
        if is_dateline(head) or is_dateline(span[0]):
            return unresolved(f"“{span.text}” is a dateline")
        if head.pos_ not in {"PROPN", "NOUN"}:
            return unresolved(f"“{head.text}” is not a name")
        named = self._named_other(head, span)
        if named is not None:
            return named
        return self._common_noun(head, span)

    def _pronoun(self, head: Token) -> Speaker:
        found = self.by_subject.get(head.i) or self._antecedent(head)
        if found is None:
            return unresolved(f"“{head.text}” has no sure antecedent")
        person, reason, evidence = found
        return person.speaker("pronoun", reason, evidence)

    def _first_person(self, head: Token) -> Speaker:
        if self.byline is None or self._inside_quote(head.idx):
            return unresolved(f"“{head.text}”: the writer of a piece that is not signed opinion")
        return Speaker(
            name=self.byline,
            kind="person",
            resolved_by="byline",
            reason=f"“{head.text}” in an opinion piece is its author, {self.byline} (byline)",
        )

    def _named_other(self, head: Token, span: SpacySpan) -> Speaker | None:
        """Organisations, governments (capitals, countries) and plural groups named by the head; not a title's
        abbreviation the tagger took for a name ('POTUS', 'the PM')."""
        if head.lower_ in TITLES and head.text.isupper():
            return None  # not 'the Sioux Falls Argus Leader'
        entity = self._entity_at(head)
        phrase = " ".join(t.text for t in span if t.i <= head.i and t.dep_ != "det").lower()
        capital = next((c for c in (phrase, head.lower_) if c in CAPITALS), None)
        evidence = self._evidence(head.idx, head.idx + len(head))
        if capital is not None:
            return Speaker(
                name=entity.name if entity is not None else head.text,
                kind="government",
                entity_id=entity.id if entity is not None else None,
                organisation=CAPITALS[capital],
                resolved_by="named",
                reason="a capital or seat of government speaking for it",
                evidence=evidence,
            )
        if entity is not None and entity.label == "PERSON":
            return None
        kinds: dict[str, SpeakerKind] = {"ORG": "organisation", "GPE": "government"}
        kind = kinds.get(entity.label) if entity is not None else None
        if entity is not None and kind is None and entity.label == "NORP" and head.tag_ in {"NNPS", "NNS"}:
            kind = "group"
        if entity is None or kind is None:
            return self._outlet_named_by(head, span)
        country = NATIONALITIES.get(entity.name.lower()) if kind != "organisation" else None
        return Speaker(
            name=entity.name,
            kind=kind,
            entity_id=entity.id,
            organisation=country,
            resolved_by="named",
            reason="named in the clause",
            evidence=self._evidence(*_mention_at(entity, head)),
        )

    def _outlet_named_by(self, head: Token, span: SpacySpan) -> Speaker | None:
        """An outlet the tagger did not call an organisation, by the outlet table: 'according to The Hollywood
        Reporter', 'Deadline reports'. Only a name of proper nouns, up to the head, and a one-word name the article
        never writes in lower case ('deadline')."""
        words = [t for t in span if t.i <= head.i and not (t.i == span.start and t.lower_ == "the")]
        if not words or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
            return None
        name = self.text[words[0].idx : head.idx + len(head)]
        if len(words) == 1 and re.search(rf"\b{re.escape(name.lower())}\b", self.text):
            return None
        key = outlet_table().resolve_name(name)
        if key is None:
            return None
        return Speaker(
            name=name,
            kind="organisation",
            resolved_by="named",
            reason=f"an outlet the outlet table knows ({key})",
            evidence=self._evidence(words[0].idx, head.idx + len(head)),
        )

    def _common_noun(self, head: Token, span: SpacySpan) -> Speaker:
        """A name beside the noun ('Carlineo's attorney, Sonya Zoghlin'; 'the group …, Big Machine'; 'Alicia
        Keys, the singer who'), whom a spokesperson or a report speaks for ('a WeWork spokesperson', 'a report
        from Kotak'), a role ('the foreign minister'), an institution ('the Jordanian government'); else
        unresolved."""
        beside = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        beside += _appositive_closing_its_clause(head)
        for name in (t for t in beside if t.pos_ == "PROPN" and not _subject_read_as_appositive(t)):
            person = self._named_person(name)
            if person is not None and head.tag_ == "NNS":
                continue  # '… and Senator Feinstein, 65 women who said': no one person
            if person is not None:
                return person.speaker("named", "named in the clause", self._name_evidence(person, name))
            named = self._named_other(name, span) or self._organisation_named_beside(head, name)
            if named is not None:
                return named
        voice = self._speaks_for(head, span)
        if voice is not None:
            return voice
        nominal = _nominal_filter(head)
        if nominal is not None:
            found = self.by_subject.get(head.i) or self._role_holder(head, nominal)
            if found is None:
                return unresolved(f"no single person named before holds the role “{head.text}”")
            person, reason, evidence = found
            return person.speaker("role", reason, evidence)
        institution = self._institution(head) or self._company_before(head)
        if institution is not None:
            return institution
        return unresolved(f"“{span.text}” does not name who speaks")

    def _organisation_named_beside(self, head: Token, name: Token) -> Speaker | None:
        """'The group that owns most of her music, Big Machine, says': an organisation noun and its name."""
        if head.lower_ not in ORGANISATION_NOUNS:
            return None
        run = [t for t in _name_run(name) if t.pos_ == "PROPN"]
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        return Speaker(
            name=self.text[start:end],
            kind="organisation",
            resolved_by="named",
            reason=f"the {head.text} named beside it",
            evidence=self._evidence(start, end),
        )

    def _company_before(self, head: Token) -> Speaker | None:
        """'Volkswagen is giving us a glimpse …. The German automaker … says': 'the' company noun is the organisation
        that is the latest subject before it, in its sentence or the two before."""
        if head.lower_ not in COMPANY_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        subjects = [
            t
            for t in self.doc[: head.left_edge.i]
            if t.dep_ in _SUBJECT_DEPS and t.head.dep_ not in _EMBEDDED and not self._inside_quote(t.idx)
        ]
        if not subjects or self.sentence_of[head.i] - self.sentence_of[subjects[-1].i] > 2:
            return None
        entity = self._entity_at(subjects[-1])
        if entity is None or entity.label != "ORG" or self._other_organisation_between(entity, subjects[-1], head):
            return None
        phrase = self.text[head.left_edge.idx : head.idx + len(head)]
        return Speaker(
            name=entity.name,
            kind="organisation",
            entity_id=entity.id,
            resolved_by="role",
            reason=f"“{phrase}” is {entity.name}, subject of the sentence before",
            evidence=self._evidence(*_mention_at(entity, subjects[-1])),
        )

    def _other_organisation_between(self, entity: Entity, subject: Token, head: Token) -> bool:
        """'The Dow was held back by a drop in the oil giant Exxon Mobil. The company reported …': another
        organisation named after the subject may be the one meant."""
        if self.entities is None:
            return False
        start, end = subject.idx, head.idx
        return any(
            other.id != entity.id and other.label == "ORG" and any(start < m.start < end for m in other.mentions)
            for other in self.entities.entities
        )

    def _speaks_for(self, head: Token, span: SpacySpan) -> Speaker | None:
        """'a WeWork spokesperson', 'a spokeswoman for Neumann', 'a report from Kotak Institutional Equities':
        the organisation or person named beside a voice noun speaks; 'NASA's scientists', 'Verizon executives': the
        organisation that owns its staff (a person's staff is not that person)."""
        staff = head.lower_ in STAFF_NOUNS
        if not (staff or head.lower_ in VOICE_NOUNS) or (head.text[:1].isupper() and not head.is_sent_start):
            return None  # a capitalised 'Reporter' is part of a name ('The Hollywood Reporter')
        owners = [c for c in head.children if c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN"]
        owners += [
            o
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in {"for", "from", "of", "by", "at"}
            for o in c.children
            if o.dep_ == "pobj" and o.pos_ == "PROPN"
        ]
        owners += [o for o in self._publications_in(head) if o not in owners]
        for owner in owners:
            person = self._named_person(owner)
            if person is not None and staff:
                return None
            found = (
                person.speaker("named", f"“{span.text}” speaks for {person.name}", self._name_evidence(person, owner))
                if person is not None
                else self._named_other(owner, span)
            )
            if found is not None:
                return found.model_copy(update={"reason": f"“{span.text}” speaks for {found.name}"})
        return None

    def _publications_in(self, head: Token) -> list[Token]:
        """'a report in The New York Times': the organisation a document appeared in ('a report in Moscow' names
        a place, not who reports)."""
        if head.lower_ not in DOCUMENT_NOUNS:
            return []
        return [
            o
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for o in c.children
            if o.dep_ == "pobj" and (entity := self._entity_at(o)) is not None and entity.label == "ORG"
        ]

    def _institution(self, head: Token) -> Speaker | None:
        """'the Jordanian government', 'Hong Kong police', 'the U.S. Attorney’s Office for the Western
        District of New York': an institution noun, proper itself or with a proper modifier."""
        if head.lower_ not in INSTITUTION_NOUNS or head.tag_ not in {"NN", "NNP"}:
            return None
        clauses = {t.i for c in head.children if c.dep_ in {"relcl", "appos", "acl"} for t in c.subtree}
        phrase = [t for t in head.subtree if t.i not in clauses]
        if head.tag_ == "NN":
            phrase = [t for t in phrase if t.i <= head.i]
        if phrase and phrase[0].lower_ in _INDEFINITE:
            return None  # 'a Chilean news agency': one of several
        while phrase and (phrase[0].dep_ == "det" or phrase[0].is_punct):
            phrase.pop(0)
        modifiers = [t for t in phrase if t.i < head.i and _names_the_head(t, head)]
        proper = [
            t for t in modifiers if t.pos_ in {"PROPN", "ADJ"} and t.text[:1].isupper() or t.lower_ in NATIONALITIES
        ]
        if (head.tag_ == "NN" and not proper) or not phrase or len(phrase) > 12:
            return None
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        country = next((NATIONALITIES[t.lower_] for t in proper if t.lower_ in NATIONALITIES), None)
        kind: SpeakerKind = "government" if head.lower_ == "government" else "organisation"
        return Speaker(
            name=self.text[start:end],
            kind=kind,
            organisation=country,
            resolved_by="named",
            reason="an institution named in the clause",
            evidence=self._evidence(start, end),
        )


_INDEFINITE = frozenset({"a", "an", "another", "one"})
_NAMING_DEPS = frozenset({"poss", "compound", "case", "nmod"})


def _names_the_head(token: Token, head: Token) -> bool:
    """The word qualifies the head itself, or a possessor or compound on the way to it ('Bolivia’s | public defender’s
    office'), not a common noun it describes ('the African | island’s government')."""
    node = token
    while node.head != head:
        if node.dep_ not in _NAMING_DEPS or node.head == node:
            return False
        node = node.head
    return True


def _name_read_as_root(tok: Token) -> bool:
    """'Buckley, who hadn’t sung in a long time, worried about …': a name the parser made the root of a sentence that
    goes on after it is the sentence's subject."""
    return tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and tok.i + 1 < tok.sent.end and tok.nbor().text == ","


def _name_run(head: Token) -> list[Token]:
    """The run of proper nouns (with initials and suffixes) around the head, in its line."""
    doc = head.doc
    first = last = head.i
    while first > 0 and _name_part(doc[first - 1]) and "\n" not in doc[first - 1].whitespace_:
        first -= 1
    while last + 1 < len(doc) and _name_part(doc[last + 1]) and "\n" not in doc[last].whitespace_:
        last += 1
    return list(doc[first : last + 1])


def _name_part(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or is_name_suffix(tok.text) or (len(tok.text) == 2 and tok.text[1] == ".")


# Dependencies that attach a phrase describing a noun rather than part of it.
DETACHED_DEPS = frozenset({"appos", "relcl", "acl", "prep", "pobj", "advcl", "ccomp", "parataxis", "punct"})


def _appositive_closing_its_clause(head: Token) -> list[Token]:
    """'The company that runs the AMAs, Dick Clark Productions, denies', 'The lawyer who represents Trump, Rudy
    Giuliani, said': the parse hangs the name on the proper noun that ends the noun's relative clause, but a name is
    not renamed; the name, closed by a comma, is the noun's."""
    doc = head.doc
    for clause in (c for c in head.children if c.dep_ == "relcl"):
        last = clause.right_edge
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        for name in clause.subtree:
            renamed = name.head
            if name.dep_ == "appos" and name.right_edge.i == last.i and renamed.pos_ == "PROPN" and renamed.i < name.i:
                return [name] if after is not None and after.text == "," else []
    return []


def _head(span: SpacySpan) -> Token:
    """The span's syntactic head; a name suffix ('Jr.') or punctuation gives way to the word it follows, and a title
    cut off by its full stop ('Cmdr. Sean Robertson', parsed as a sentence of its own) to the words it names."""
    head = span.root
    name = _name_parsed_apart(span, head) or _name_hung_on_its_title(span, head)
    if name is not None:
        return name
    if (is_name_suffix(head.text) or head.is_punct) and head.i > span.start:
        return span.doc[head.i - 1]
    if _abbreviated_title(head):
        named = [t for t in span if t.i > head.i + 1 and not span.start <= t.head.i < span.end]
        return named[0] if named else head
    return head


def _name_parsed_apart(span: SpacySpan, head: Token) -> Token | None:
    """'study co-author Anezina Solomonidou', parsed with 'co' as a second subject: a common noun heads the span,
    and the only other word hanging outside it, with no punctuation or conjunction in between, is a name."""
    roots = [t for t in phrase_roots(list(span)) if not t.is_punct]
    if head.pos_ != "NOUN" or len(roots) != 2 or roots[0] != head:
        return None
    name = roots[1]
    between = span.doc[head.i + 1 : name.i]
    if (
        name.pos_ != "PROPN"
        or name.ent_type_ not in {"PERSON", "ORG"}
        or any(t.pos_ in {"PUNCT", "CCONJ"} for t in between)
    ):
        return None
    return name


def _name_hung_on_its_title(span: SpacySpan, head: Token) -> Token | None:
    """'Citrus County Supervisor of Elections Susan Gill', parsed with the name as the title's appositive: a person's
    name in the span right after the title's words, with no punctuation between."""
    for name in head.rights:
        between = span.doc[head.i + 1 : name.left_edge.i]
        if (
            name.dep_ == "appos"
            and name.ent_type_ == "PERSON"
            and name.i < span.end
            and not any(t.is_punct for t in between)
        ):
            return name
    return None


def _abbreviated_title(word: Token) -> bool:
    return word.i + 1 < len(word.doc) and word.nbor().text == "." and f"{word.lower_}." in TITLES


def _joins_speakers(head: Token, span: SpacySpan, name: SpeakerEvidence | None) -> bool:
    """The source joins speakers ('Trump and US Trade Representative Robert Lighthizer', 'Forbes and Wealth-X'): a
    conjunction not after a role noun, nor inside the name read ('Procter & Gamble'), hangs on its head through the
    noun phrase's own words, not through an appositive or a clause ('Scissors, a scholar with A and B')."""
    bounds = (span.start, span.end)
    for word in span:
        if word.pos_ != "CCONJ" or word.i == span.start or word.nbor(-1).pos_ == "NOUN":
            continue  # after a role ('JPL scientist and study co-author Michael Malaska') one person follows
        if name is not None and name.start <= word.idx < name.end:
            continue
        node = word.head
        while node != head and node.dep_ not in DETACHED_DEPS and node.head != node and node.head.i in range(*bounds):
            node = node.head
        if node == head:
            return True
    return False


def _mention_at(entity: Entity, head: Token) -> CharSpan:
    end = head.idx + len(head)
    return next(((m.start, m.end) for m in entity.mentions if m.start < end and head.idx < m.end), (head.idx, end))


def _clause_under(verb: Token, tok: Token) -> Token:
    """The child of `verb` whose subtree holds `tok`."""
    while tok.head != verb:
        tok = tok.head
    return tok


def _someone_unnamed(subject: Token) -> bool:
    """The subject of a finite verb that is a singular person noun without a definite determiner ('a spokesman for
    the company said', 'one local man') or an account's handle ('Twitter user @KenCox joked'): someone the article
    does not name, whom a later pronoun may mean. Not 'for a customer to buy' nor 'no sane person'."""
    if subject.head.tag_ not in _FINITE_TAGS:
        return False
    if subject.text.startswith("@"):
        return True
    if subject.tag_ != "NN" or subject.lower_ not in _PERSON_HEADS | _SOMEONE:
        return False
    determiners = [c for c in subject.children if c.dep_ in {"det", "poss"}]
    return not any(c.lower_ in _DEFINITE | _QUANTIFIERS or c.dep_ == "poss" for c in determiners)


def _joined(subject: Token) -> bool:
    """The subject is one of people joined by 'and' / 'or' ('Imran and Hina were charged': a name the tagger passed
    by counts, not an organisation's or a place's)."""
    heads = [subject, subject.head] if subject.dep_ == "conj" else [subject]
    return any(
        c.dep_ == "cc"
        and c.lower_ in {"and", "or"}
        and any(d.dep_ == "conj" and _may_be_a_person(d) for d in h.children)
        for h in heads
        for c in h.children
    )


def _may_be_a_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_)


def _subject_read_as_appositive(name: Token) -> bool:
    """'According to an ex-Secret Service agent, Vice-President Joe Biden was regularly engaged in …': a name parsed
    as the noun's appositive but followed by a finite verb that is no reporting verb is the subject of what was said."""
    after = name.right_edge.i + 1
    if name.dep_ != "appos" or name.head.dep_ in _SUBJECT_DEPS or after >= len(name.doc):
        return False
    verb = name.doc[after]
    if verb.tag_ not in _FINITE_TAGS:
        return False
    verb = verb if verb.pos_ == "VERB" else verb.head
    return verb.lemma_.lower() not in SPEECH_VERBS


def _outer_speaker_of_a_joined_cue(head: Token, cue: list[CharSpan]) -> Token | None:
    """'Trump tweeted that Machado was “disgusting” and encouraged Americans to “check out” …': the cue is joined to
    the verb of a clause someone else says, so its subject is that clause's ('Machado') or the sayer's ('Trump');
    the sentence does not tell which. The sayer, or None when the cue stands on its own."""
    verb = head.head
    joined = any(t.dep_ == "conj" and _in_cue(t, cue) for t in verb.children)
    if head.dep_ not in {"nsubj", "nsubjpass"} or not joined or verb.dep_ not in {"ccomp", "advcl", "relcl"}:
        return None
    saying = verb.head
    sayer = next((c for c in saying.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if saying.i > verb.i or saying.lemma_.lower() not in SPEECH_VERBS:
        return None  # '…, called Omar a “terrorist” and said “…,” the prosecutor’s office said': the saying comes after
    if any(c.dep_ == "mark" and c.lower_ != "that" for c in verb.children):
        return None  # 'described Clinton as a “disgrace” after she attacked … and blamed …': a time, not what is said
    return sayer


def _names_no_one(noun: Token) -> bool:
    """A noun for a body or a text, no person ('a group', 'the company', 'a report')."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _BODIES_AND_TEXTS


def _agent_of_another_verb(head: Token, cue: list[CharSpan]) -> bool:
    """The head stands in the agent phrase of a verb that neither is the cue nor governs it: 'The president also
    continued to push a line first floated by his attorney, …, Rudolph Giuliani, tweeting that …' (the president
    tweeted; not 'The statement was issued by the ministry, saying …', nor 'criticized by Smith, who said …')."""
    agent = next((a for a in head.ancestors if a.dep_ == "agent"), None)
    if agent is None:
        return False
    inside = {t.i for t in agent.subtree}
    cue_words = [t for s, e in cue for t in head.doc.char_span(s, e, alignment_mode="expand") or [] if _in_cue(t, cue)]
    return bool(cue_words) and all(t.i not in inside and agent.head not in (t, t.head) for t in cue_words)


def _in_cue(tok: Token, cue: list[CharSpan]) -> bool:
    return any(s <= tok.idx < e for s, e in cue)


def _is_target(head: Token, cue: list[CharSpan]) -> bool:
    """The head is the object of the cue ('threatened Omar', 'told reporters', 'said to reporters') or the one spoken
    to, as the subject of a passive ('She was asked for any', 'he was told that')."""
    if head.dep_ in _TARGET_DEPS and _in_cue(head.head, cue):
        return True
    if head.dep_ == "nsubjpass" and head.head.lemma_.lower() in ADDRESSEE_VERBS and _in_cue(head.head, cue):
        return True
    prep = head.head
    verb = prep.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "to"
        and verb.pos_ == "VERB"
        and verb.lower_ != "according"
        and _in_cue(verb, cue)
    )


def _ends_a_hyphenated_word(token: Token) -> bool:
    """'in' of 'Jae-in': the token after a hyphen that joins it to the word before, no space on either side."""
    if token.i < 2:
        return False
    hyphen = token.nbor(-1)
    return hyphen.text == "-" and not hyphen.whitespace_ and not token.nbor(-2).whitespace_
