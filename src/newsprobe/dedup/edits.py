"""What a copy changed against its original: headline, passages added, removed and changed, editorialising.

Both texts are cut into sentences; the two sentence lists are aligned on their words (difflib), so
spacing, case and punctuation do not count as edits. Inside a run of differing sentences each
original sentence is paired, in order, with the most similar copy sentence (word similarity at least
``MIN_CHANGED_SIMILARITY``): a pair is a changed sentence, an original sentence without a partner was
removed, a copy sentence without one was added. Consecutive added (or removed) sentences form one
passage. Offsets point into the original's text and into the copy's ``article.text``.

The editorialising summary lists loaded language added (PTC-derived word list, ``edit_words``),
attributions and quotations added or removed, and hedges dropped from changed sentences. Each item
has one confidence: how sure the comparison is that the change happened as described (the similarity
of the two aligned sentences, 1 for whole passages), times, for loaded language, the share of the
word's uses that PTC annotators marked as loaded language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, Field

from ..document import Span
from .edit_words import ATTRIBUTION_WORDS, HEDGES, QUOTED, WORD

__all__ = [
    "AlignedRow",
    "EditComparison",
    "EditedPassage",
    "EditorialChange",
    "OriginalDocument",
    "compare_texts",
    "loaded_words",
    "sentence_spans",
]

MIN_CHANGED_SIMILARITY = 0.5
QUOTE_KEPT_SIMILARITY = 0.8
MIN_QUOTATION_WORDS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]*[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m|e\.g|i\.e|vs|etc))\.$"
)

ChangeKind = Literal[
    "loaded_language_added",
    "attribution_added",
    "attribution_removed",
    "quote_added",
    "quote_removed",
    "hedge_removed",
]


class OriginalDocument(BaseModel):
    source: str = Field(description="Index source id, corpus article id or the URL fetched.")
    url: str | None = None
    outlet: str | None = None
    domain: str | None = None
    published: str | None = None
    obtained: Literal["index", "fetched", "corpus"] = Field(description="Where the original's text came from.")


class EditedPassage(BaseModel):
    kind: Literal["added", "removed", "changed"]
    original_span: Span | None = Field(None, description="Offsets into the original's text (None when added).")
    copy_span: Span | None = Field(None, description="Offsets into this article's text (None when removed).")
    original_text: str = ""
    copy_text: str = ""
    similarity: float = Field(0.0, description="Word similarity of a changed sentence pair (0 for added/removed).")
    original_marks: list[Span] = Field(
        default_factory=list, description="Words of a changed sentence the copy dropped or replaced (original offsets)."
    )
    copy_marks: list[Span] = Field(
        default_factory=list, description="Words of a changed sentence the copy put in (article offsets)."
    )


class EditorialChange(BaseModel):
    kind: ChangeKind
    text: str = Field(description="The word, phrase or quotation.")
    in_title: bool = False
    original_span: Span | None = Field(None, description="Where it stood in the original (removals).")
    copy_span: Span | None = Field(None, description="Where it stands in this article (additions).")
    confidence: float = Field(ge=0.0, le=1.0)


class EditComparison(BaseModel):
    original: OriginalDocument
    original_title: str | None = None
    copy_title: str | None = None
    title_changed: bool = False
    original_text: str = Field(description="The original's text; original_span offsets point into it.")
    sentences_original: int = 0
    sentences_copy: int = 0
    sentences_kept: int = Field(0, description="Sentences of the original found unchanged in the copy.")
    passages: list[EditedPassage] = Field(default_factory=list)
    editorial: list[EditorialChange] = Field(default_factory=list)
    edited: bool = Field(False, description="The copy changed the headline or the text (beyond spacing/punctuation).")
    summary: str = ""

    def rows(self, copy_text: str) -> list[AlignedRow]:
        """The two texts side by side: kept stretches and passages in order, changed words marked."""
        return aligned_rows(self, copy_text)


@dataclass(frozen=True)
class Piece:
    text: str
    marked: bool = False


@dataclass(frozen=True)
class AlignedRow:
    kind: Literal["kept", "added", "removed", "changed"]
    original: list[Piece]
    copy: list[Piece]


def _pieces(text: str, span: Span | None, marks: list[Span]) -> list[Piece]:
    if span is None:
        return []
    pieces, position = [], span.start
    for mark in marks:
        if mark.start > position:
            pieces.append(Piece(text[position : mark.start]))
        pieces.append(Piece(text[mark.start : mark.end], marked=True))
        position = mark.end
    if position < span.end:
        pieces.append(Piece(text[position : span.end]))
    return pieces


def _kept_row(
    original_text: str, copy_text: str, original: tuple[int, int], copy: tuple[int, int]
) -> AlignedRow | None:
    left, right = original_text[original[0] : original[1]].strip(), copy_text[copy[0] : copy[1]].strip()
    return AlignedRow("kept", [Piece(left)] if left else [], [Piece(right)] if right else []) if left or right else None


def aligned_rows(comparison: EditComparison, copy_text: str) -> list[AlignedRow]:
    """Rows for a side-by-side view; the stretches between passages are the sentences both texts share."""
    original_text = comparison.original_text
    rows: list[AlignedRow] = []
    at_original = at_copy = 0
    for passage in comparison.passages:
        next_original = passage.original_span.start if passage.original_span else at_original
        next_copy = passage.copy_span.start if passage.copy_span else at_copy
        if next_original >= at_original and next_copy >= at_copy:
            kept = _kept_row(original_text, copy_text, (at_original, next_original), (at_copy, next_copy))
            rows += [kept] if kept else []
        rows.append(
            AlignedRow(
                passage.kind,
                _pieces(original_text, passage.original_span, passage.original_marks),
                _pieces(copy_text, passage.copy_span, passage.copy_marks),
            )
        )
        at_original = passage.original_span.end if passage.original_span else at_original
        at_copy = passage.copy_span.end if passage.copy_span else at_copy
    kept = _kept_row(original_text, copy_text, (at_original, len(original_text)), (at_copy, len(copy_text)))
    return rows + ([kept] if kept else [])


# ---------------------------------------------------------------- sentences


def sentence_spans(text: str) -> list[Span]:
    """Sentences of ``text`` (paragraph breaks end one), trimmed, as offsets."""
    spans: list[Span] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        position = paragraph.start()
        for boundary in _SENTENCE_END.finditer(text, paragraph.start(), paragraph.end()):
            if _ABBREVIATION.search(text, position, boundary.start()):
                continue
            spans.extend(_trimmed(text, position, boundary.start()))
            position = boundary.end()
        spans.extend(_trimmed(text, position, paragraph.end()))
    return spans


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    chunk = text[start:end]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        yield Span(start=start + lead, end=start + len(chunk.rstrip()))


@dataclass(frozen=True)
class _Sentence:
    span: Span
    words: tuple[str, ...]


def _sentences(text: str) -> list[_Sentence]:
    return [
        _Sentence(s, tuple(w.casefold() for w in WORD.findall(text[s.start : s.end]))) for s in sentence_spans(text)
    ]


def _similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# ---------------------------------------------------------------- alignment


@dataclass
class _Event:
    kind: Literal["added", "removed", "changed"]
    original: list[_Sentence]
    copy: list[_Sentence]
    similarity: float = 0.0


def _align(original: list[_Sentence], copy: list[_Sentence]) -> tuple[list[_Event], int]:
    """Events in text order, and the number of sentences kept unchanged."""
    events: list[_Event] = []
    kept = 0
    matcher = SequenceMatcher(None, [s.words for s in original], [s.words for s in copy], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept += i2 - i1
        elif tag == "delete":
            events.append(_Event("removed", original[i1:i2], []))
        elif tag == "insert":
            events.append(_Event("added", [], copy[j1:j2]))
        else:
            events.extend(_pair(original[i1:i2], copy[j1:j2]))
    return _merged(events), kept


def _pair(original: list[_Sentence], copy: list[_Sentence]) -> Iterator[_Event]:
    """Pair each original sentence with its most similar later copy sentence, in order."""
    next_copy = 0
    for sentence in original:
        scored = [(_similarity(sentence.words, c.words), k) for k, c in enumerate(copy) if k >= next_copy]
        best, at = max(scored, key=lambda item: (item[0], -item[1]), default=(0.0, -1))
        if best < MIN_CHANGED_SIMILARITY:
            yield _Event("removed", [sentence], [])
            continue
        if at > next_copy:
            yield _Event("added", [], copy[next_copy:at])
        yield _Event("changed", [sentence], [copy[at]], round(best, 3))
        next_copy = at + 1
    if next_copy < len(copy):
        yield _Event("added", [], copy[next_copy:])


def _merged(events: list[_Event]) -> list[_Event]:
    """Consecutive added (or removed) sentences become one passage."""
    merged: list[_Event] = []
    for event in events:
        last = merged[-1] if merged else None
        if last is not None and event.kind == last.kind and event.kind != "changed":
            last.original += event.original
            last.copy += event.copy
        else:
            merged.append(_Event(event.kind, list(event.original), list(event.copy), event.similarity))
    return merged


def _cover(sentences: list[_Sentence]) -> Span | None:
    return Span(start=sentences[0].span.start, end=sentences[-1].span.end) if sentences else None


def _word_marks(original_text: str, original: Span, copy_text: str, copy: Span) -> tuple[list[Span], list[Span]]:
    """Words dropped from the original sentence and words put into the copy sentence."""
    a = _located_words(original_text, original)
    b = _located_words(copy_text, copy)
    dropped, added = [], []
    matcher = SequenceMatcher(None, [w for *_, w in a], [w for *_, w in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            dropped.append(Span(start=a[i1][0], end=a[i2 - 1][1]))
        if tag in ("insert", "replace"):
            added.append(Span(start=b[j1][0], end=b[j2 - 1][1]))
    return dropped, added


def _words(text: str, span: Span) -> Iterator[re.Match[str]]:
    return WORD.finditer(text[span.start : span.end])


def _located_words(text: str, span: Span) -> list[tuple[int, int, str]]:
    return [(m.start() + span.start, m.end() + span.start, m.group().casefold()) for m in _words(text, span)]


def _passage(event: _Event, original_text: str, copy_text: str) -> EditedPassage:
    original_span, copy_span = _cover(event.original), _cover(event.copy)
    passage = EditedPassage(
        kind=event.kind,
        original_span=original_span,
        copy_span=copy_span,
        original_text=original_text[original_span.start : original_span.end] if original_span else "",
        copy_text=copy_text[copy_span.start : copy_span.end] if copy_span else "",
        similarity=event.similarity,
    )
    if event.kind == "changed" and original_span and copy_span:
        passage.original_marks, passage.copy_marks = _word_marks(original_text, original_span, copy_text, copy_span)
    return passage


# ---------------------------------------------------------------- editorialising


@cache
def loaded_words() -> dict[str, float]:
    """Loaded-language words with the share of their PTC uses marked loaded (read once, never changed)."""
    path = resources.files("newsprobe") / "data" / "loaded_words.json"
    words: dict[str, float] = json.loads(path.read_text(encoding="utf-8"))["words"]
    return words


def _word_changes(
    text: str, spans: list[Span], side: Literal["original", "copy"], confidence: float, *, hedges: bool = False
) -> Iterator[EditorialChange]:
    """Loaded language (copy side), attribution words (both sides) and, when asked, hedges (original side)."""
    lexicon = loaded_words()
    for span in spans:
        for match in _words(text, span):
            word = match.group().casefold()
            at = Span(start=span.start + match.start(), end=span.start + match.end())
            where = {"original_span": at} if side == "original" else {"copy_span": at}
            if side == "copy" and word in lexicon:
                yield EditorialChange(
                    kind="loaded_language_added",
                    text=match.group(),
                    confidence=round(lexicon[word] * confidence, 2),
                    **where,
                )
            if word in ATTRIBUTION_WORDS:
                kind: ChangeKind = "attribution_removed" if side == "original" else "attribution_added"
                phrase = _with_following_to(text, at) if word == "according" else at
                where = {"original_span": phrase} if side == "original" else {"copy_span": phrase}
                quote = text[phrase.start : phrase.end]
                yield EditorialChange(kind=kind, text=quote, confidence=round(confidence, 2), **where)
            if hedges and side == "original" and word in HEDGES:
                yield EditorialChange(
                    kind="hedge_removed", text=match.group(), confidence=round(confidence, 2), **where
                )


def _with_following_to(text: str, word: Span) -> Span:
    """'according' with its 'to', when it follows."""
    found = re.match(r"\s+to\b", text[word.end : word.end + 5])
    return Span(start=word.start, end=word.end + found.end()) if found else word


def _passage_changes(passage: EditedPassage, original_text: str, copy_text: str) -> Iterator[EditorialChange]:
    if passage.kind == "added" and passage.copy_span:
        yield from _word_changes(copy_text, [passage.copy_span], "copy", 1.0)
    elif passage.kind == "removed" and passage.original_span:
        yield from _word_changes(original_text, [passage.original_span], "original", 1.0)
    elif passage.kind == "changed":
        yield from _word_changes(copy_text, passage.copy_marks, "copy", passage.similarity)
        yield from _word_changes(original_text, passage.original_marks, "original", passage.similarity, hedges=True)


Quotation = tuple[Span, tuple[str, ...]]  # where it stands, its casefolded words


def _quotations(text: str) -> list[Quotation]:
    """The quotations of ``text`` (at least three words between quote marks), with their casefolded words."""
    found: list[Quotation] = []
    for match in QUOTED.finditer(text):
        words = tuple(w.casefold() for w in WORD.findall(match.group(1)))
        if len(words) >= MIN_QUOTATION_WORDS:
            found.append((Span(start=match.start(1), end=match.end(1)), words))
    return found


def _quote_changes(original_text: str, copy_text: str) -> Iterator[EditorialChange]:
    """Quotations of one text that the other neither quotes (nearly) alike nor keeps word for word."""
    original, copy = _quotations(original_text), _quotations(copy_text)
    for span in _unmatched_quotations(original, copy, copy_text):
        text = original_text[span.start : span.end]
        yield EditorialChange(kind="quote_removed", text=text, original_span=span, confidence=1.0)
    for span in _unmatched_quotations(copy, original, original_text):
        text = copy_text[span.start : span.end]
        yield EditorialChange(kind="quote_added", text=text, copy_span=span, confidence=1.0)


def _unmatched_quotations(
    quotations: list[Quotation], other_quotations: list[Quotation], other_text: str
) -> Iterator[Span]:
    other_words = " " + " ".join(_words_of(other_text)) + " "
    for span, words in quotations:
        if " " + " ".join(words) + " " in other_words:
            continue
        if any(_similarity(words, other) >= QUOTE_KEPT_SIMILARITY for _, other in other_quotations):
            continue
        yield span


def _title_changes(original_title: str | None, copy_title: str | None) -> Iterator[EditorialChange]:
    if not copy_title:
        return
    before = {w.casefold() for w in WORD.findall(original_title or "")}
    lexicon = loaded_words()
    for match in WORD.finditer(copy_title):
        word = match.group().casefold()
        if word in lexicon and word not in before:
            yield EditorialChange(
                kind="loaded_language_added", text=match.group(), in_title=True, confidence=lexicon[word]
            )


# ---------------------------------------------------------------- comparison


def compare_texts(
    original: OriginalDocument,
    original_text: str,
    original_title: str | None,
    copy_text: str,
    copy_title: str | None,
) -> EditComparison:
    """The comparison of a copy (``copy_text``, ``copy_title``) with its original."""
    original_sentences, copy_sentences = _sentences(original_text), _sentences(copy_text)
    events, kept = _align(original_sentences, copy_sentences)
    passages = [_passage(event, original_text, copy_text) for event in events]
    title_changed = _words_of(original_title) != _words_of(copy_title) and bool(original_title and copy_title)
    editorial = list(_title_changes(original_title, copy_title)) if title_changed else []
    for passage in passages:
        editorial.extend(_passage_changes(passage, original_text, copy_text))
    editorial.extend(_quote_changes(original_text, copy_text))
    comparison = EditComparison(
        original=original,
        original_title=original_title,
        copy_title=copy_title,
        title_changed=title_changed,
        original_text=original_text,
        sentences_original=len(original_sentences),
        sentences_copy=len(copy_sentences),
        sentences_kept=kept,
        passages=passages,
        editorial=editorial,
        edited=title_changed or bool(passages),
    )
    comparison.summary = summarise(comparison)
    return comparison


def _words_of(text: str | None) -> tuple[str, ...]:
    return tuple(w.casefold() for w in WORD.findall(text or ""))


CHANGE_LABELS: dict[ChangeKind, str] = {
    "loaded_language_added": "loaded language added",
    "attribution_added": "attributions added",
    "attribution_removed": "attributions removed",
    "quote_added": "quotations added",
    "quote_removed": "quotations removed",
    "hedge_removed": "hedges removed",
}


def summarise(comparison: EditComparison) -> str:
    """One plain sentence per kind of edit: 'Headline changed. 2 passages added, ...'."""
    if not comparison.edited:
        return "The copy keeps the original's headline and text."
    counts = {kind: sum(1 for p in comparison.passages if p.kind == kind) for kind in ("added", "removed", "changed")}
    parts = ["Headline changed." if comparison.title_changed else "Headline kept."]
    parts.append(
        f"{counts['added']} passage(s) added, {counts['removed']} removed, {counts['changed']} sentence(s) changed; "
        f"{comparison.sentences_kept} of {comparison.sentences_original} original sentences kept unchanged."
    )
    for kind, label in CHANGE_LABELS.items():
        found = [c.text for c in comparison.editorial if c.kind == kind]
        if found:
            shown = ", ".join(f"“{text}”" for text in dict.fromkeys(found[:5]))
            parts.append(f"{label.capitalize()}: {shown}{' …' if len(found) > 5 else ''}.")
    return " ".join(parts)
