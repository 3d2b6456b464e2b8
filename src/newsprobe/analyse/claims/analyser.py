"""Check-worthy claims: every sentence labelled in words, scored 0–1, ranked.

A sentence that is not a statement (no verb, a question, a heading in capitals, a stock phrase such as "did not
immediately respond", a table row, the fields of a fact box) is labelled "not a claim" and is not scored. The others
get one confidence, a calibrated probability that a fact-checker would pick the sentence, and are "check-worthy" at
or above the model's threshold (chosen on training debates for precision), "lower priority" below it.

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

from ...document import Article, EmbeddedPost, Span
from .. import mpnet
from ..base import ENGLISH, Analyser, AnalysisContext, Profile, register
from ..sentences import MIN_WORDS, article_sentences
from .cues import MONTHS, NUMBER_WORDS, STOCK_PHRASES, TIME_ANCHORS
from .links import ClaimAttribution, attribution_finder
from .model import CheckworthinessScorer, load_scorer, mpnet_sentences

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
SCORE_DECIMALS = 2  # ranking resolution: closer scores count as a tie
ClaimLabel = Literal["check-worthy", "lower priority", "not a claim"]
CONFIDENCE_HELP = (
    "Confidence that a fact-checker would choose to check this sentence: a calibrated probability (0–1) "
    "from a model trained on sentences that fact-checkers marked in US political debates (CheckThat! 2024). "
    "It says the sentence makes a claim worth verifying, not that the claim is false."
)


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
    score: float = Field(
        ge=0.0,
        le=1.0,
        description="The one confidence: calibrated probability that a fact-checker would check the sentence "
        "(0 for a sentence that is not a claim).",
    )
    checkworthy: bool = Field(description="A claim whose score is at or above the threshold.")
    label: ClaimLabel = Field(
        "lower priority",
        description="In words: 'check-worthy', 'lower priority' (a statement below the threshold) or 'not a claim'.",
    )
    reason: str | None = Field(None, description="Why the sentence is not a claim, e.g. 'a question'.")
    entities: list[ClaimEntity] = Field(default_factory=list)
    figures: list[ClaimFigure] = Field(
        default_factory=list,
        description="Numbers, dates and amounts a fact-checker can check (not codes such as 'CLc1' or 'the day').",
    )
    attribution: ClaimAttribution | None = Field(
        None, description="Who the claim is attributed to (from the quotes analyser); None = the article's voice."
    )


class ClaimsResult(BaseModel):
    model: str = Field(
        description="Scorer used: 'lexical' (fast), 'minilm+lexical' (accurate) or 'mpnet+minilm+lexical' (best)."
    )
    threshold: float = Field(description="Confidence at or above which a claim is check-worthy.")
    checkworthy_count: int = Field(0, description="Sentences labelled check-worthy.")
    speakers_read: bool = Field(
        True,
        description="False when the quotes analyser did not run: who said each claim is then not known "
        "(`attribution` is null for every claim, not only for the article's own statements).",
    )
    claims: list[Claim] = Field(default_factory=list, description="Every sentence, most check-worthy first.")

    @property
    def checkworthy(self) -> list[Claim]:
        return [claim for claim in self.claims if claim.checkworthy]

    @property
    def confidence_help(self) -> str:
        """What the confidence measures, for tooltips and legends."""
        return f"{CONFIDENCE_HELP} Check-worthy at {self.threshold:.2f} or more."


class ClaimsConfig(BaseModel):
    threshold: float | None = Field(None, ge=0.0, le=1.0, description="Override the calibrated threshold.")
    min_words: int = Field(MIN_WORDS, ge=1, description="Shorter sentences are not scored as claims.")


_STOCK_PHRASE = re.compile("|".join(STOCK_PHRASES), re.IGNORECASE)
_CLOSERS = "\"'”’»)] "
# a field of a fact box: a label of a capitalised word and at most two lower-case ones, a colon, a space
_FIELD_LABEL = re.compile(r"(?:^|\s)[A-Z][A-Za-z]*(?: [a-z]+){0,2}: ")
# an amount of an ingredient: '1 cup', '8 oz.', '½ cup', '2 Tbsp.'
_INGREDIENT_AMOUNT = re.compile(
    r"(?<![\w.])(?:\d+(?:[./]\d+)?|[½¼¾⅓⅔⅛])\s*(?:cups?|oz|ounces?|tsp|teaspoons?|tbsp|tablespoons?|grams?|kg|lbs?|"
    r"pounds?|ml|cloves?|slices?|pinch(?:es)?)\b",
    re.IGNORECASE,
)


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
        if ent.label_ in FIGURE_KINDS and is_checkable_figure(ent.text, ent.label_)
    ]


def is_checkable_figure(text: str, label: str) -> bool:
    """A figure a fact-checker can check: digits that are not a code ('3.38%', '1889', not 'CLc1' or 'A350'), a
    number in words ('five', 'about half'), an ordinal, or a date or time that names a day or month or is anchored
    to one ('Friday', 'last week'); not 'the day', 'overnight' or 'up to'."""
    if any(character.isdigit() for character in text):
        return not _CODE.fullmatch(text)
    words = {word.casefold().strip(".,") for word in re.split(r"[\s\-–]+", text)}
    if label == "ORDINAL" or words & NUMBER_WORDS:
        return True
    named = any(word[:1].isupper() for word in text.split()[1:]) or words & MONTHS
    return label in ("DATE", "TIME") and bool(named or words & TIME_ANCHORS)


_REPEAT = "repeats an earlier sentence"


def with_repeats(texts: Sequence[str], reasons: Sequence[str | None]) -> list[str | None]:
    """A sentence the article says again word for word (a recipe card, a pull quote, a summary box) is a claim
    once: its later copies read "repeats an earlier sentence", so the ranked list shows it once."""
    seen: set[str] = set()
    marked: list[str | None] = []
    for text, reason in zip(texts, reasons, strict=True):
        words = " ".join(_WORD.findall(text.casefold()))
        marked.append(_REPEAT if reason is None and words in seen else reason)
        seen.add(words)
    return marked


_WORD = re.compile(r"\w+")
_CODE = re.compile(r"[A-Za-z]+\d+")  # a model or instrument code ('A350', 'CLc1'), not a figure


def not_a_claim(text: str, tokens: Sequence[Any]) -> str | None:
    """Why a sentence cannot be a check-worthy claim, in words; None for a statement."""
    if text.rstrip(_CLOSERS).endswith("?"):
        return "a question"
    if not any(character.islower() for character in text):
        return "all capitals: a heading or teaser"
    if text.count("|") >= 2:
        return "a table row"
    if len(_FIELD_LABEL.findall(text)) >= 2 and "," not in text:
        return "the fields of a fact box"  # 'Tested by: John Milbank RRP: £23.99 More info: …'
    if len(_INGREDIENT_AMOUNT.findall(text)) >= 3:
        return "an ingredient list"  # 'Asian Chicken Zoodles [1 cup zucchini noodles, 8 oz. cooked chicken, …'
    if _STOCK_PHRASE.search(text):
        return "a stock phrase of news writing"
    if not any(token.pos_ in ("VERB", "AUX") for token in tokens):
        return "no verb: a heading, caption or fragment"
    return None


def _without_post_links(bounds: list[tuple[int, int]], posts: Sequence[EmbeddedPost]) -> list[tuple[int, int]]:
    """Sentences without an embedded post's picture link at their end ('… whenever needed pic.twitter.com/…'); a
    sentence that is only the link is none."""
    kept = []
    for start, end in bounds:
        post = next((post for post in posts if post.start <= start < post.signature.start), None)
        if post is not None and start >= post.end:
            continue
        kept.append((start, min(end, post.end) if post is not None else end))
    return kept


def ranked(claims: list[Claim]) -> list[Claim]:
    """Most check-worthy first. Scores are compared to two decimals (finer differences are noise
    of the calibration); within such a tie the more specific claim — more figures, then more
    named entities, i.e. more to verify — comes first, then document order."""
    return sorted(claims, key=lambda c: (-round(c.score, SCORE_DECIMALS), -len(c.figures), -len(c.entities), c.start))


@register
class ClaimsAnalyser(Analyser[ClaimsResult, ClaimsConfig]):
    name = "claims"
    version = 1
    languages = ENGLISH  # English-trained models: not run on articles in other languages
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
            self._scorers[profile] = context.resource(f"claims.scorer.{profile}", lambda: _scorer(profile, context))
        return self._scorers[profile]

    def run(self, article: Article, doc: Doc, context: AnalysisContext) -> ClaimsResult:
        scorer = self.scorer(context)
        threshold = self.config.threshold if self.config.threshold is not None else scorer.threshold
        bounds = _without_post_links(article_sentences(article.text, doc, self.config.min_words), article.posts)
        quotes = context.results.get("quotes")
        speakers_read = quotes is not None
        if not bounds:
            return ClaimsResult(model=scorer.name, threshold=threshold, speakers_read=speakers_read)
        texts = [article.text[start:end] for start, end in bounds]
        reasons = with_repeats(
            texts,
            [not_a_claim(text, _tokens(doc, start, end)) for (start, end), text in zip(bounds, texts, strict=True)],
        )
        scored = [index for index, reason in enumerate(reasons) if reason is None]
        probabilities = np.zeros(len(texts))
        if scored:
            probabilities[scored] = np.round(scorer.probabilities([texts[i] for i in scored]), 4)
        attribute = attribution_finder(quotes)
        entities = context.results.get("entities")
        ents = doc.ents
        claims = [
            Claim(
                start=start,
                end=end,
                rank=0,
                text=text,
                score=float(probability),
                checkworthy=reason is None and bool(probability >= threshold),
                label=_label(reason, float(probability), threshold),
                reason=reason,
                entities=sorted(claim_entities(ents, start, end, entities), key=lambda e: e.start),
                figures=claim_figures(ents, start, end),
                attribution=attribute(start, end),
            )
            for (start, end), text, probability, reason in zip(bounds, texts, probabilities, reasons, strict=True)
        ]
        claims = [claim.model_copy(update={"rank": rank}) for rank, claim in enumerate(ranked(claims), start=1)]
        return ClaimsResult(
            model=scorer.name,
            threshold=threshold,
            checkworthy_count=sum(c.checkworthy for c in claims),
            claims=claims,
            speakers_read=speakers_read,
        )


def _scorer(profile: Profile, context: AnalysisContext) -> CheckworthinessScorer:
    """The profile's scorer; best's reads the pipeline's one MPNet encoder."""
    if profile != "best":
        return load_scorer(profile)
    return load_scorer(profile, sentence_encoder=mpnet_sentences(mpnet.shared_encoder(context)))


def _tokens(doc: Doc, start: int, end: int) -> Sequence[Any]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _label(reason: str | None, probability: float, threshold: float) -> ClaimLabel:
    if reason is not None:
        return "not a claim"
    return "check-worthy" if probability >= threshold else "lower priority"
