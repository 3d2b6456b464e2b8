"""Check-worthy claims: every sentence scored 0–1, labelled at a calibrated threshold, ranked.

Each claim carries its offsets, the named entities and the figures (numbers, dates, amounts)
it asserts and, when the `quotes` result is present, who it is attributed to — "Lavrov claims X"
is a different fact-check from "the article claims X". The link to `quotes` is optional: the
analyser does not require it, it reads `context.results.get("quotes")` when that ran first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from pydantic import BaseModel, Field

from ...document import Article, Span
from ..base import Analyser, AnalysisContext, Profile, register
from .links import ClaimAttribution, attribution_finder
from .model import CheckworthinessScorer, load_scorer

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["Claim", "ClaimEntity", "ClaimFigure", "ClaimsAnalyser", "ClaimsConfig", "ClaimsResult"]

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
FIGURE_KINDS: dict[str, Literal["date", "time", "number", "percent", "money", "quantity", "ordinal"]] = {
    "DATE": "date",
    "TIME": "time",
    "CARDINAL": "number",
    "PERCENT": "percent",
    "MONEY": "money",
    "QUANTITY": "quantity",
    "ORDINAL": "ordinal",
}
MIN_WORDS = 3
SCORE_DECIMALS = 2  # ranking resolution: closer scores count as a tie


class ClaimEntity(Span):
    text: str
    label: str = Field(description="The entity's label in the `entities` result (spaCy's when it did not run).")


class ClaimFigure(Span):
    text: str
    kind: Literal["date", "time", "number", "percent", "money", "quantity", "ordinal"]


class Claim(Span):
    rank: int = Field(
        description="1 = most check-worthy; scores within 0.01 tie and the more specific claim goes first."
    )
    text: str
    score: float = Field(ge=0.0, le=1.0, description="Calibrated probability that the sentence is check-worthy.")
    checkworthy: bool = Field(description="score >= the model's calibrated threshold.")
    entities: list[ClaimEntity] = Field(default_factory=list)
    figures: list[ClaimFigure] = Field(default_factory=list, description="Numbers, dates, amounts.")
    attribution: ClaimAttribution | None = Field(
        None, description="Who the claim is attributed to (from the quotes analyser); None = the article's voice."
    )


class ClaimsResult(BaseModel):
    model: str = Field(description="Scorer used: 'lexical' (fast) or 'minilm+lexical' (accurate).")
    threshold: float
    checkworthy_count: int = Field(0, description="Sentences at or above the threshold.")
    claims: list[Claim] = Field(default_factory=list, description="Every sentence, most check-worthy first.")

    @property
    def checkworthy(self) -> list[Claim]:
        return [claim for claim in self.claims if claim.checkworthy]


class ClaimsConfig(BaseModel):
    threshold: float | None = Field(None, ge=0.0, le=1.0, description="Override the calibrated threshold.")
    min_words: int = Field(MIN_WORDS, ge=1, description="Shorter sentences are not scored as claims.")


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"[^\W\d_]{2,}|\b[^\W\d_]\b")


def sentence_bounds(text: str, doc: Doc) -> list[tuple[int, int]]:
    """spaCy sentences, cut again at paragraph breaks (the parser can run across them), trimmed."""
    bounds = []
    for sentence in doc.sents:
        start = sentence.start_char
        pieces = _PARAGRAPH_BREAK.split(text[start : sentence.end_char])
        for piece in pieces:
            at = text.index(piece, start) if piece else start
            stripped = piece.strip()
            if stripped:
                first = at + len(piece) - len(piece.lstrip())
                bounds.append((first, first + len(stripped)))
            start = at + len(piece)
    return bounds


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _ents_within(ents: Sequence[SpacySpan], start: int, end: int) -> list[SpacySpan]:
    return [ent for ent in ents if start <= ent.start_char and ent.end_char <= end]


def claim_entities(ents: Sequence[SpacySpan], start: int, end: int, entities: Any = None) -> list[ClaimEntity]:
    """Named entities inside [start, end): the mentions of the `entities` result when it ran (so a chip
    carries the same label as the entities table), else `doc.ents` (read once: each read walks the Doc)."""
    mentions = getattr(entities, "entities", None)
    if mentions is not None:
        return [
            ClaimEntity(start=m.start, end=m.end, text=m.text, label=entity.label)
            for entity in mentions
            for m in entity.mentions
            if start <= m.start and m.end <= end and entity.label in ENTITY_LABELS
        ]
    return [
        ClaimEntity(start=ent.start_char, end=ent.end_char, text=ent.text, label=ent.label_)
        for ent in _ents_within(ents, start, end)
        if ent.label_ in ENTITY_LABELS
    ]


def claim_figures(ents: Sequence[SpacySpan], start: int, end: int) -> list[ClaimFigure]:
    return [
        ClaimFigure(start=ent.start_char, end=ent.end_char, text=ent.text, kind=FIGURE_KINDS[ent.label_])
        for ent in _ents_within(ents, start, end)
        if ent.label_ in FIGURE_KINDS
    ]


def ranked(claims: list[Claim]) -> list[Claim]:
    """Most check-worthy first. Scores are compared to two decimals (finer differences are noise
    of the calibration); within such a tie the more specific claim — more figures, then more
    named entities, i.e. more to verify — comes first, then document order."""
    return sorted(claims, key=lambda c: (-round(c.score, SCORE_DECIMALS), -len(c.figures), -len(c.entities), c.start))


@register
class ClaimsAnalyser(Analyser[ClaimsResult, ClaimsConfig]):
    name = "claims"
    version = 1
    title = "Check-worthy claims"
    description = "Sentences a fact-checker should verify, ranked, with their entities, figures and speaker."
    Result = ClaimsResult
    Config = ClaimsConfig
    after = ("quotes", "entities")  # links claims to attributions, and labels entities as `entities` does

    def __init__(
        self, config: ClaimsConfig | Mapping[str, Any] | None = None, *, profile: Profile = "accurate"
    ) -> None:
        super().__init__(config, profile=profile)
        self._scorers: dict[str, CheckworthinessScorer] = {}

    def scorer(self, context: AnalysisContext) -> CheckworthinessScorer:
        """The profile's scorer, loaded once and shared through the pipeline's resources."""
        profile = context.profile or self.profile
        if profile not in self._scorers:
            self._scorers[profile] = context.resource(f"claims.scorer.{profile}", lambda: load_scorer(profile))
        return self._scorers[profile]

    def run(self, article: Article, doc: Doc, context: AnalysisContext) -> ClaimsResult:
        scorer = self.scorer(context)
        threshold = self.config.threshold if self.config.threshold is not None else scorer.threshold
        bounds = [
            (start, end)
            for start, end in sentence_bounds(article.text, doc)
            if word_count(article.text[start:end]) >= self.config.min_words
        ]
        if not bounds:
            return ClaimsResult(model=scorer.name, threshold=threshold)
        texts = [article.text[start:end] for start, end in bounds]
        probabilities = np.round(scorer.probabilities(texts), 4)
        attribute = attribution_finder(context.results.get("quotes"))
        entities = context.results.get("entities")
        ents = doc.ents
        claims = [
            Claim(
                start=start,
                end=end,
                rank=0,
                text=text,
                score=float(probability),
                checkworthy=bool(probability >= threshold),
                entities=sorted(claim_entities(ents, start, end, entities), key=lambda e: e.start),
                figures=claim_figures(ents, start, end),
                attribution=attribute(start, end),
            )
            for (start, end), text, probability in zip(bounds, texts, probabilities, strict=True)
        ]
        claims = [claim.model_copy(update={"rank": rank}) for rank, claim in enumerate(ranked(claims), start=1)]
        return ClaimsResult(
            model=scorer.name, threshold=threshold, checkworthy_count=sum(c.checkworthy for c in claims), claims=claims
        )
