"""The article's genre (news, opinion, analysis, other) from the page's own cues and the text's voice.

Cues, strongest first (weights 3 to 1; the text's voice adds at most 2 to a genre, so the page's own
word wins): the page names its kind (a schema.org type such as OpinionNewsArticle,
`article:opinion`, an "Opinion |" kicker in the title), the site files it in a section ("Opinion",
"Fact check"), the URL path (/opinion/, /reviews/), and, for English text, the voice: a dateline
and reporting verbs for news, first-person words outside quotes for opinion, second-person words for
how-to and promotional writing. Each cue adds its weight to one genre; the genre with most weight wins
(on a tie the non-news genre: an opinion piece counted as news is the costlier mistake).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..document import Genre, GenreLabel, Metadata
from ._genre_patterns import (
    DATELINE,
    DATELINE_STOPWORDS,
    FIRST_PERSON,
    PATH_SEGMENTS,
    PRESS_RELEASE,
    PRESS_RELEASE_KEYS,
    PRESS_RELEASE_LINE_START,
    QUOTED,
    REPORTING,
    SCHEMA_TYPES,
    SECOND_PERSON,
    SECTIONS,
    SLUG_WORDS,
    TITLE_CUES,
    WORD,
)

__all__ = ["Cue", "PageHints", "classify_genre", "read_page_hints"]

TIE_ORDER: tuple[GenreLabel, ...] = ("opinion", "analysis", "other", "news")
VOICE_CHARS = 6000  # the voice of an article shows in its first few thousand characters
MIN_VOICE_WORDS = 80  # fewer words than this say nothing about the voice
MIN_SILENT_WORDS = 200  # a news report this long quotes or cites someone
SMOOTHING = 0.25  # per genre: no cue at all gives each genre 0.25


@dataclass(frozen=True)
class Cue:
    genre: GenreLabel
    weight: int
    evidence: str


@dataclass(frozen=True)
class PageHints:
    """What the HTML says about the article's kind, read from the whole page's tree."""

    schema_types: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    marked_opinion: bool = False
    title: str | None = None  # the page's own title, with the kicker or section the headline leaves out ("Opinion | …")


_SCHEMA_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"(\w+)"')


def read_page_hints(tree: Any, title: str | None = None) -> PageHints:
    """One pass over the JSON-LD scripts (a regex: parsing them costs more than the rest) and the meta tags;
    `title` is the page's own title."""
    scripts = " ".join(tree.xpath("//script[@type='application/ld+json']/text()"))
    types = [name for name in dict.fromkeys(_SCHEMA_TYPE.findall(scripts)) if name in SCHEMA_TYPES]
    metas = tree.xpath("//meta[@property='article:section' or @property='article:opinion']")
    values = [(meta.get("property"), (meta.get("content") or "").strip()) for meta in metas]
    return PageHints(
        schema_types=tuple(types),
        sections=tuple(dict.fromkeys(value for name, value in values if name == "article:section" and value)),
        marked_opinion=("article:opinion", "true") in [(name, value.lower()) for name, value in values],
        title=title,
    )


def _page_cues(hints: PageHints) -> Iterator[Cue]:
    for name in hints.schema_types:
        genre, weight = SCHEMA_TYPES[name]
        yield Cue(genre, weight, f"the page's schema.org type is {name}")
    if hints.marked_opinion:
        yield Cue("opinion", 3, "the page marks itself as opinion (article:opinion)")


def _url_cues(url: str | None) -> Iterator[Cue]:
    if not url:
        return
    segments = [segment for segment in urlsplit(url).path.lower().split("/") if segment]
    seen: set[str] = set()
    for segment in segments[:-1] if len(segments) > 1 else segments:
        if segment in PATH_SEGMENTS and segment not in seen:
            seen.add(segment)
            genre, weight = PATH_SEGMENTS[segment]
            yield Cue(genre, weight, f"the URL path has /{segment}/")
    slug_words = set(re.split(r"[-_.]", segments[-1])) if segments else set()
    for word in sorted(slug_words & SLUG_WORDS.keys()):
        genre, weight = SLUG_WORDS[word]
        yield Cue(genre, weight, f"the URL names it a {word}")


def _section_cues(sections: Iterable[str]) -> Iterator[Cue]:
    for section in dict.fromkeys(sections):
        for pattern, genre, weight in SECTIONS:
            if pattern.search(section):
                yield Cue(genre, weight, f"the site files it under '{section}'")
                break


def _title_cues(title: str | None) -> Iterator[Cue]:
    for pattern, genre, weight in TITLE_CUES:
        match = pattern.search(title or "")
        if match:
            yield Cue(genre, weight, f"the title says '{match.group(0).strip(' :|')}'")


def _voice_cues(text: str) -> Iterator[Cue]:
    """English only: a dateline, press-release endings, reporting verbs and the writer's own voice."""
    opening = DATELINE.match(text)
    if opening and opening.group(0).split()[0].strip(",:") not in DATELINE_STOPWORDS:
        yield Cue("news", 1, f"it opens with a dateline ({opening.group(0).strip()})")
    ending = text[-VOICE_CHARS:]
    closing = PRESS_RELEASE.search(ending) if _may_end_like_press_release(ending) else None
    if closing:
        yield Cue("other", 2, f"it ends like a press release ('{closing.group(0).strip()}')")
    narration = QUOTED.sub(" ", text[:VOICE_CHARS])
    tokens = [token.lower() for token in WORD.findall(narration) if token != "US"]
    words = len(tokens)
    if words < MIN_VOICE_WORDS:
        return
    first = sum(token in FIRST_PERSON for token in tokens) / words
    second = sum(token in SECOND_PERSON for token in tokens) / words
    reporting = len(REPORTING.findall(narration)) / words
    if first >= 0.0025:
        note = f"first-person words outside quotes (I, me, my): {100 * first:.1f} per 100 words"
        yield Cue("opinion", 2 if first >= 0.005 else 1, note)
    if second >= 0.015:
        yield Cue("other", 1, f"second-person words (you, your): {100 * second:.1f} per 100 words")
    if reporting >= 0.005:
        note = f"reporting verbs (said, told, according to): {100 * reporting:.1f} per 100 words"
        yield Cue("news", 1, note)
    elif reporting == 0 and words >= MIN_SILENT_WORDS:
        yield Cue("other", 1, f"no reporting verb (said, told, according to) in {words} words")


def _may_end_like_press_release(ending: str) -> bool:
    """A quick look for what PRESS_RELEASE needs: its search is slow on a long text."""
    lowered = ending.lower()
    return (
        any(key in lowered for key in PRESS_RELEASE_KEYS)
        or lowered.startswith(PRESS_RELEASE_LINE_START)
        or f"\n{PRESS_RELEASE_LINE_START}" in lowered
    )


@dataclass
class _Tally:
    weights: dict[GenreLabel, int] = field(default_factory=lambda: dict.fromkeys(TIE_ORDER, 0))
    evidence: dict[GenreLabel, list[str]] = field(default_factory=lambda: {genre: [] for genre in TIE_ORDER})

    def add(self, cue: Cue) -> None:
        self.weights[cue.genre] += cue.weight
        self.evidence[cue.genre].append(cue.evidence)


def classify_genre(metadata: Metadata, text: str, hints: PageHints | None = None, *, english: bool = True) -> Genre:
    """The genre with most cue weight; its confidence is that weight's smoothed share of all cues."""
    hints = hints or PageHints()
    tally = _Tally()
    cues: list[Sequence[Cue] | Iterator[Cue]] = [
        _page_cues(hints),
        _title_cues(hints.title or metadata.title),
        _section_cues([*hints.sections, *metadata.categories]),
        _url_cues(metadata.canonical_url or metadata.url),
    ]
    if english:
        cues.append(_voice_cues(text))
    for group in cues:
        for cue in group:
            tally.add(cue)
    total = sum(tally.weights.values())
    if total == 0:
        note = "no genre cue found" + ("" if english else " (the text is not English, so its voice was not read)")
        return Genre(label="other", confidence=SMOOTHING, evidence=[note])
    best = max(TIE_ORDER, key=lambda genre: (tally.weights[genre], -TIE_ORDER.index(genre)))
    confidence = (tally.weights[best] + SMOOTHING) / (total + SMOOTHING * len(TIE_ORDER))
    against = [f"against: {note}" for genre in TIE_ORDER if genre != best for note in tally.evidence[genre]]
    return Genre(label=best, confidence=round(confidence, 3), evidence=[*tally.evidence[best], *against])
