"""Speaker resolution inside one document: names, titles and roles, pronouns, nominals, capitals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from .cues import CAPITALS, NATIONALITIES, PERSON_NOMINALS, PRONOUNS_PERSON, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..entities import EntitiesResult

__all__ = ["PersonIndex", "Speaker", "parse_title_name"]

SpeakerKind = Literal["person", "government", "organisation", "group"]
ResolvedBy = Literal["name", "pronoun", "nominal", "collective", "entity", "previous"]

_TITLE_WORDS = frozenset(w for key in TITLES for w in key.split()) | {"deputy", "vice", "foreign", "former", "acting"}
_MAX_TITLE_WORDS = max(len(k.split()) for k in TITLES)
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


class Speaker(BaseModel):
    """Who an attribution is pinned on, resolved inside the document."""

    name: str = Field(description="Canonical name, e.g. 'Sergey Lavrov' or 'Washington'.")
    kind: SpeakerKind
    entity_id: int | None = Field(None, description="Id of the document entity in the `entities` result.")
    role: str | None = Field(None, description="Title or role, e.g. 'Foreign Minister'.")
    organisation: str | None = Field(None, description="Country or organisation the role belongs to.")
    resolved_by: ResolvedBy


@dataclass
class TitledName:
    name: list[str]
    role: str | None = None
    country: str | None = None


def _match_title(words: list[str], i: int) -> tuple[str, int] | None:
    for size in range(min(_MAX_TITLE_WORDS, len(words) - i), 0, -1):
        key = " ".join(words[i : i + size]).lower()
        if key in TITLES:
            return TITLES[key], size
    return None


def _match_nationality(words: list[str], i: int) -> tuple[str, int] | None:
    for size in (3, 2, 1):
        key = " ".join(words[i : i + size]).lower().removesuffix("’s").removesuffix("'s")
        if i + size <= len(words) and key in NATIONALITIES:
            return NATIONALITIES[key], size
    return None


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
        elif words[i].lower() in {"deputy", "vice", "former", "acting"} and not result.name:
            nxt = _match_title(words, i + 1)
            if nxt is not None:
                result.role = f"{words[i].capitalize()} {nxt[0]}"
                i += 1 + nxt[1]
            else:
                i += 1
        else:
            result.name.append(words[i])
            i += 1
    return result


@dataclass
class Person:
    key: str
    name: str
    role: str | None = None
    country: str | None = None
    entity_ids: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    titled: bool = False

    def speaker(self, resolved_by: ResolvedBy) -> Speaker:
        return Speaker(
            name=self.name,
            kind="person",
            entity_id=self.entity_ids[0] if self.entity_ids else None,
            role=self.role,
            organisation=self.country,
            resolved_by=resolved_by,
        )

    @property
    def is_person(self) -> bool:
        return "PERSON" in self.labels or self.titled


def _title_prefix(doc: Doc, first: Token) -> list[Token]:
    """Title and nationality words just left of a name ('Russian Deputy Foreign Minister')."""
    prefix: list[Token] = []
    i = first.i - 1
    while i >= 0:
        tok = doc[i]
        low = tok.lower_
        if low in _TITLE_WORDS or low in NATIONALITIES or (low == "of" and prefix):
            prefix.insert(0, tok)
            i -= 1
        else:
            break
    while prefix and prefix[0].lower_ == "of":
        prefix.pop(0)
    return prefix


def _appositive_title(root: Token) -> TitledName | None:
    """'Sergey Lavrov, Russia's foreign minister' / 'Russia's foreign minister, Sergey Lavrov'."""
    for other in [*(c for c in root.children if c.dep_ == "appos"), *([root.head] if root.dep_ == "appos" else [])]:
        words = [t.text for t in other.subtree if not t.is_punct and t.dep_ != "det"]
        parsed = parse_title_name(words)
        if parsed.role is not None:
            return parsed
    return None


class PersonIndex:
    """People (and their titles) named in the document, keyed by family name."""

    def __init__(self, doc: Doc, entities: EntitiesResult | None) -> None:
        self.doc = doc
        self.people: dict[str, Person] = {}
        if entities is not None:
            for entity in entities.entities:
                if entity.label not in _NAME_LABELS:
                    continue
                for mention in entity.mentions:
                    self._add_mention(entity.id, entity.label, mention.start, mention.end)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._add_mention(None, "PERSON", ent.start_char, ent.end_char)

    def _add_mention(self, entity_id: int | None, label: str, start: int, end: int) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        tokens = [*_title_prefix(self.doc, span[0]), *span]
        parsed = parse_title_name([t.text for t in tokens if not t.is_punct or t.text == "."])
        appositive = _appositive_title(span.root)
        if appositive is not None:
            parsed.role = parsed.role or appositive.role
            parsed.country = parsed.country or appositive.country
        name = [w for w in parsed.name if w[:1].isupper()]
        if not name or name[-1].lower() in CAPITALS or name[-1].lower() in NATIONALITIES:
            return
        key = name[-1].lower().removesuffix("’s").removesuffix("'s")
        person = self.people.setdefault(key, Person(key=key, name=" ".join(name)))
        if len(" ".join(name)) > len(person.name):
            person.name = " ".join(name)
        person.role = person.role or parsed.role
        person.country = person.country or parsed.country
        person.titled = person.titled or parsed.role is not None
        person.labels.append(label)
        person.mentions.append(start)
        if entity_id is not None and entity_id not in person.entity_ids:
            if label == "PERSON":
                person.entity_ids.insert(0, entity_id)
            else:
                person.entity_ids.append(entity_id)

    def by_words(self, words: list[str]) -> Person | None:
        for word in reversed(words):
            person = self.people.get(word.lower().removesuffix("’s").removesuffix("'s"))
            if person is not None and person.is_person:
                return person
        return None

    def latest_before(self, offset: int, compatible: NominalFilter | None = None) -> Person | None:
        best: tuple[int, Person] | None = None
        for person in self.people.values():
            if not person.is_person or (compatible is not None and not compatible.accepts(person)):
                continue
            earlier = [m for m in person.mentions if m < offset]
            if earlier and (best is None or max(earlier) > best[0]):
                best = (max(earlier), person)
        return best[1] if best else None


@dataclass
class NominalFilter:
    """What 'the Russian foreign minister' says about its referent: role words and country."""

    role_words: set[str]
    country: str | None
    strict_country: bool = True

    def relaxed(self) -> NominalFilter:
        return NominalFilter(self.role_words, self.country, strict_country=False)

    def accepts(self, person: Person) -> bool:
        allowed = (self.country,) if self.strict_country else (None, self.country)
        if self.country is not None and person.country not in allowed:
            return False
        if self.role_words & {"official", "diplomat", "leader"}:
            return person.role is not None
        role = set((person.role or "").lower().split())
        return bool(self.role_words) and self.role_words <= role


def _nominal_filter(tokens: list[Token]) -> NominalFilter | None:
    words = [
        t.text for t in tokens if t.dep_ != "det" and not t.is_punct and t.lower_ not in {"his", "her", "its", "their"}
    ]
    head = tokens[-1] if tokens else None
    if (
        head is None
        or head.lower_ not in PERSON_NOMINALS
        or any(t.pos_ == "PROPN" and t.lower_ not in NATIONALITIES and t.lower_ not in _TITLE_WORDS for t in tokens)
    ):
        return None
    parsed = parse_title_name(words)
    role_words = set((parsed.role or "").lower().split()) | {head.lower_}
    role_words = {TITLES.get(w, w).lower() for w in role_words}
    role_words = {part for w in role_words for part in w.split()}
    return NominalFilter(role_words=role_words, country=parsed.country)


def resolve_speaker(
    doc: Doc, people: PersonIndex, source: tuple[int, int] | None, entities: EntitiesResult | None
) -> Speaker | None:
    """Resolve a source span to a speaker: a named person, pronoun, nominal, capital or entity."""
    if source is None:
        return None
    span = doc.char_span(source[0], source[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    tokens = list(span)
    words = [t.text for t in tokens]
    text = span.text.lower().removesuffix("’s").removesuffix("'s")
    if span.root.lower_ in PRONOUNS_PERSON and len(tokens) == 1:
        person = people.latest_before(source[0])
        return person.speaker("pronoun") if person else None
    nominal = _nominal_filter(tokens)
    if nominal is not None:
        person = people.latest_before(source[0], nominal) or people.latest_before(source[0], nominal.relaxed())
        return person.speaker("nominal") if person else None
    person = people.by_words([t.text for t in tokens if t.pos_ == "PROPN" or t.text[:1].isupper()])
    if person is not None:
        return person.speaker("name")
    if text in CAPITALS:
        return Speaker(
            name=span.text,
            kind="government",
            organisation=CAPITALS[text],
            resolved_by="collective",
            entity_id=_entity_id_at(entities, source),
        )
    return _entity_speaker(entities, source, words)


def _entity_id_at(entities: EntitiesResult | None, source: tuple[int, int]) -> int | None:
    if entities is None:
        return None
    for entity in entities.entities:
        if any(m.start < source[1] and source[0] < m.end for m in entity.mentions):
            return entity.id
    return None


def _entity_speaker(entities: EntitiesResult | None, source: tuple[int, int], words: list[str]) -> Speaker | None:
    if entities is None:
        return None
    for entity in entities.entities:
        if entity.label not in {"ORG", "GPE", "NORP"}:
            continue
        if any(m.start < source[1] and source[0] < m.end for m in entity.mentions):
            kind: SpeakerKind = (
                "government" if entity.label == "GPE" else "organisation" if entity.label == "ORG" else "group"
            )
            country = NATIONALITIES.get(entity.name.lower()) if entity.label != "ORG" else None
            return Speaker(name=entity.name, kind=kind, entity_id=entity.id, organisation=country, resolved_by="entity")
    return None
