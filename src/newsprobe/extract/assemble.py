"""Build the clean text: keep body paragraphs, move boilerplate to `removed` with its reason."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..document import Link, Metadata, Paragraph, ParagraphKind, RemovedBlock
from ._patterns import (
    BARE_SITE,
    BOILERPLATE_RULES,
    CLOSING_PARAGRAPHS,
    COMPILED_CLOSING_RULES,
    COMPILED_RULES,
    EMAIL,
    FLOATING_RULE_KEYS,
    MAX_BOILERPLATE_WORDS,
)

__all__ = [
    "Assembler",
    "boilerplate_reason",
    "closing_note_reason",
    "closing_notes",
    "credit_of",
    "normalise_space",
    "plain_spacing",
]

_IMAGE_CREDIT_LABEL = re.compile(
    r"^[^:(]{0,40}?(?:image|photo|picture)(?: credit| source| courtesy)?\s*:\s*", re.IGNORECASE
)
# A credit inside a caption: after its label ("… Photograph: AFP via Getty", "… (Source: Sergey Pyatakov / Sputnik)"),
# after "©", in closing brackets that name a picture agency or a photographer ("… (AP Photo/Jeffrey T. Barnes)"), or
# closing the caption as agency/photographer ("… November 18, 2019. REUTERS/Brendan McDermid").
_CREDIT_IN_CAPTION = re.compile(
    r"(?:(?<![\w-])(?<!file )(?:photo(?:graph)?s?|image|picture|credit|source)(?: credit| source| courtesy)?\s*:|©)\s*"
    r"(?P<credit>[^:()]+?)\)?\s*$",
    re.IGNORECASE,
)
_BRACKETED_CREDIT = re.compile(
    r"\((?P<credit>[^()]*(?:/|\b(?:AP|AFP|Reuters|Getty|EPA|Xinhua|TASS|Sputnik|photo)\b)[^()]*)\)\s*$", re.IGNORECASE
)
_AGENCY_CREDIT = re.compile(r"(?<=\s)(?P<credit>(?:REUTERS|AFP|EPA|Xinhua|TASS|Sputnik)\s*/\s*[^/()]{2,60}?)\.?$")
MAX_CREDIT_WORDS = 10  # more is a caption that only looks labelled ("FILE PHOTO: Traders work on the floor …")

_SPACES = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"  # besides " "
# Bidi overrides/isolates and zero-width characters can disguise text; ZWJ/ZWNJ stay (scripts need them).
_INVISIBLES = r"\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_WS = re.compile(f"[ {_SPACES}]+")
_INVISIBLE = re.compile(f"[{_INVISIBLES}]")
_UNUSUAL_SPACE = re.compile(f"[\\n\\r{_SPACES}{_INVISIBLES}]")


def credit_of(caption: str) -> str:
    """The credit a caption gives, without the caption: 'AFP via Getty' from "‘Excessive force …’ Photograph: AFP via
    Getty"; the caption itself when no credit can be told apart."""
    found = _CREDIT_IN_CAPTION.search(caption) or _BRACKETED_CREDIT.search(caption) or _AGENCY_CREDIT.search(caption)
    credit = found.group("credit").strip(" .;,") if found else ""
    return credit if credit and len(credit.split()) <= MAX_CREDIT_WORDS else caption.strip()


def plain_spacing(text: str) -> bool:
    """No space but single " ", no invisible character, no line break: the text only needs strip().

    Most text is so: one scan instead of the substitutions.
    """
    return "  " not in text and not _UNUSUAL_SPACE.search(text)


def normalise_space(text: str) -> str:
    if plain_spacing(text):
        return text.strip()
    return _WS.sub(" ", _INVISIBLE.sub("", text)).strip()


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


_ANCHORED_RULES = _any_of([pattern for _, pattern in BOILERPLATE_RULES if pattern not in FLOATING_RULE_KEYS])
_FLOATING_RULES = _any_of(list(FLOATING_RULE_KEYS))
_FLOATING_KEYS = re.compile("|".join(re.escape(key) for keys in FLOATING_RULE_KEYS.values() for key in keys))


def _may_match_floating_rule(text: str) -> bool:
    lowered = text.lower()
    if not text.isascii():
        # what re.IGNORECASE matches to an ASCII letter and lower() does not turn into it: "İ" (lowered to "i"
        # and a combining dot), "ı", "ſ"; dropping characters can only make more keys appear
        lowered = lowered.replace("\u0307", "").replace("\u0131", "i").replace("\u017f", "s")
    return _FLOATING_KEYS.search(lowered) is not None


def boilerplate_reason(paragraph: str) -> str | None:
    """The reason this paragraph is boilerplate, or None when it is body text."""
    return _reason(normalise_space(paragraph))


def closing_note_reason(paragraph: str) -> str | None:
    """The reason this paragraph, one of the article's last, is a note about its author or site, or None."""
    return _first_reason(normalise_space(paragraph), COMPILED_CLOSING_RULES)


def closing_notes(paragraphs: Sequence[str], kept: Sequence[bool]) -> dict[int, str]:
    """The closing notes among the article's last CLOSING_PARAGRAPHS paragraphs `kept` as body text: index ->
    reason."""
    last = [index for index, keep in enumerate(kept) if keep][-CLOSING_PARAGRAPHS:]
    return {index: reason for index in last if (reason := closing_note_reason(paragraphs[index]))}


def _reason(text: str) -> str | None:
    # the common case, body text, in one anchored match and a look for key strings
    if not _ANCHORED_RULES.match(text) and not (_may_match_floating_rule(text) and _FLOATING_RULES.search(text)):
        return None
    return _first_reason(text, COMPILED_RULES)


def _first_reason(text: str, rules: list[tuple[str, re.Pattern[str]]]) -> str | None:
    words = len(text.split())
    for reason, pattern in rules:
        if pattern.search(text) and words <= MAX_BOILERPLATE_WORDS.get(reason, 400):
            return reason
    return None


@dataclass
class Assembler:
    """Accumulates paragraphs into `text` with offsets; boilerplate goes to `removed`."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[RemovedBlock] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # set by the HTML reader once the text is assembled
    _parts: list[str] = field(default_factory=list)
    _length: int = 0

    @property
    def text(self) -> str:
        return "\n\n".join(self._parts)

    def add_paragraph(self, text: str, kind: ParagraphKind = "paragraph") -> None:
        self._append(normalise_space(text), kind)

    def _append(self, text: str, kind: ParagraphKind) -> None:
        if not text:
            return
        if self._parts:
            self._length += 2
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        self.paragraphs.append(Paragraph(start=start, end=self._length, kind=kind))

    def remove(self, text: str, reason: str) -> None:
        position = self._length + (2 if self._parts else 0)
        self.removed.append(RemovedBlock(text=normalise_space(text), reason=reason, position=position))

    def add_or_remove(self, text: str, reason: str | None, kind: ParagraphKind = "paragraph") -> None:
        """Add the paragraph to the text, or to `removed` when it has a reason to be boilerplate."""
        if reason:
            self.remove(text, reason)
        else:
            self.add_paragraph(text, kind)

    def harvest_footer_metadata(self, metadata: Metadata) -> None:
        """Image credits, footer e-mails and site URLs from the removed blocks."""
        for block in self.removed:
            if block.reason == "image credit":
                credit = credit_of(_IMAGE_CREDIT_LABEL.sub("", block.text))
                if credit and credit not in metadata.image_credits:
                    metadata.image_credits.append(credit)
            for email in EMAIL.findall(block.text):
                if email not in metadata.contact_emails:
                    metadata.contact_emails.append(email)
            for site in BARE_SITE.findall(block.text):
                if "@" not in site and site.lower() not in map(str.lower, metadata.footer_urls):
                    metadata.footer_urls.append(site)
