"""Speaker accuracy against hand-checked attributions (`tests/fixtures/speakers.json`).

Each item locates one attribution's content in an extracted page and gives the speaker a careful
reader names (several spellings of one speaker allowed), or null where nobody can be named. A
predicted attribution answers an item when its content shares at least half of the shorter of the
two contents. A predicted name is right when it equals an expected one, or when all its words are in
an expected name and it ends with the same family name ("Trump" for "Donald Trump"); an expected
null is right only when the speaker is unresolved. Items marked `"attribution": false` are excerpts a careful
reader reads as no attribution at all (an act, a condition, a scare quote): they are left out of the accuracy,
and a system that still reports one is counted in `non_attributions_reported`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from ..analyse.base import Profile
from ..errors import InputError

__all__ = [
    "PRONOUNS",
    "MethodScore",
    "PredictedSpeaker",
    "SpeakerItem",
    "SpeakerScores",
    "load_items",
    "predict_pages",
    "pronoun_share",
    "same_speaker",
    "score_speakers",
]

PRONOUNS = frozenset(
    "i me my we us our you your he him his she her they them their it its which who whom that this".split()
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})


class SpeakerItem(BaseModel):
    page: str
    start: int
    end: int
    excerpt: str = Field("", description="The content's first 40 characters (pages whose text may be quoted).")
    excerpt_sha1: str | None = Field(None, description="SHA-1 of those characters, for texts that may not be copied.")
    speaker: list[str] | None
    attribution: bool = True
    split: str | None = Field(None, description="A part of the set scored apart (e.g. one held out from the rules).")


class PredictedSpeaker(BaseModel):
    """One predicted attribution of a page: its content spans and its speaker."""

    content: list[tuple[int, int]]
    name: str | None
    resolved_by: str


class MethodScore(BaseModel):
    answered: int
    correct: int
    precision: float


class SpeakerScores(BaseModel):
    items: int = Field(description="Items that are attributions.")
    found: int = Field(description="Items a predicted attribution answers.")
    correct: int
    accuracy: float = Field(description="Right speakers (a name, or unresolved where nobody can be named) / items.")
    named: int = Field(description="Found items where a name was predicted.")
    named_precision: float = Field(description="Share of predicted names that are right.")
    expected_unresolved: int
    abstained: float = Field(description="Share of found items with no nameable speaker left unresolved.")
    by_method: dict[str, MethodScore] = Field(description="Per resolution rule: how many answered, how many right.")
    non_attributions: int = Field(0, description="Items that are no attribution (an act, a condition, a scare quote).")
    non_attributions_reported: int = Field(0, description="Of those, how many the system reports as attributions.")


def load_items(path: Path) -> list[SpeakerItem]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read the speaker fixture ({exc})") from exc
    return [SpeakerItem.model_validate(item) for item in raw["items"]]


def _normalise(name: str) -> list[str]:
    name = name.replace("’", "'").casefold()
    name = re.sub(r"^the\s+", "", name.strip())
    return name.split()


def _family(words: Sequence[str]) -> str:
    kept = [w for w in words if w not in _SUFFIXES]
    return kept[-1] if kept else ""


def same_speaker(predicted: str | None, expected: list[str] | None) -> bool:
    if expected is None or predicted is None:
        return expected is None and predicted is None
    said = _normalise(predicted)
    for name in expected:
        want = _normalise(name)
        if said == want or (set(said) <= set(want) and _family(said) == _family(want)):
            return True
    return False


def _shared(a: Iterable[tuple[int, int]], start: int, end: int) -> int:
    return sum(max(0, min(e, end) - max(s, start)) for s, e in a)


def _answer(item: SpeakerItem, predicted: Sequence[PredictedSpeaker]) -> PredictedSpeaker | None:
    best: tuple[int, PredictedSpeaker] | None = None
    for candidate in predicted:
        shared = _shared(candidate.content, item.start, item.end)
        length = min(item.end - item.start, sum(e - s for s, e in candidate.content))
        if length and shared >= 0.5 * length and (best is None or shared > best[0]):
            best = (shared, candidate)
    return best[1] if best else None


def score_speakers(items: Sequence[SpeakerItem], pages: Mapping[str, Sequence[PredictedSpeaker]]) -> SpeakerScores:
    found = correct = named = named_right = unresolved_expected = abstained = 0
    methods: dict[str, list[int]] = {}
    attributions = [item for item in items if item.attribution]
    others = [item for item in items if not item.attribution]
    for item in attributions:
        answer = _answer(item, pages.get(item.page, []))
        if answer is None:
            continue
        found += 1
        right = same_speaker(answer.name, item.speaker)
        correct += right
        tally = methods.setdefault(answer.resolved_by, [0, 0])
        tally[0] += 1
        tally[1] += right
        if answer.name is not None:
            named += 1
            named_right += right
        if item.speaker is None:
            unresolved_expected += 1
            abstained += answer.name is None
    return SpeakerScores(
        items=len(attributions),
        found=found,
        correct=correct,
        accuracy=correct / len(attributions) if attributions else 0.0,
        named=named,
        named_precision=named_right / named if named else 0.0,
        expected_unresolved=unresolved_expected,
        abstained=abstained / unresolved_expected if unresolved_expected else 0.0,
        by_method={
            method: MethodScore(answered=n, correct=right, precision=right / n)
            for method, (n, right) in methods.items()
        },
        non_attributions=len(others),
        non_attributions_reported=sum(_answer(item, pages.get(item.page, [])) is not None for item in others),
    )


def pronoun_share(names: Iterable[str | None]) -> tuple[int, int]:
    """(pronoun names, all names) among the speaker names given (None = unresolved, not counted)."""
    given = [name for name in names if name]
    return sum(name.strip().casefold() in PRONOUNS for name in given), len(given)


def predict_pages(paths: Mapping[str, Path], profile: Profile = "accurate") -> dict[str, list[PredictedSpeaker]]:
    """Extract each page (id -> file) and run entities + quotes on it: the predicted attributions per page."""
    from ..analyse.pipeline import Pipeline
    from ..analyse.quotes import QuotesResult
    from ..api import extract

    pipeline = Pipeline(["entities", "quotes"], profile=profile)
    pages: dict[str, list[PredictedSpeaker]] = {}
    for page, path in paths.items():
        result = pipeline.run(extract(path)).results.get("quotes")
        attributions = result.attributions if isinstance(result, QuotesResult) else []
        pages[page] = [
            PredictedSpeaker(
                content=[(s.start, s.end) for s in a.content], name=a.speaker.name, resolved_by=a.speaker.resolved_by
            )
            for a in attributions
        ]
    return pages
