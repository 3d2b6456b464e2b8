"""Propaganda techniques: spans that use one of the 14 SemEval-2020 Task 11 techniques (SI), the
technique(s) of each span with a confidence (TC), a per-article summary, headline spans, and the
speaker of quoted spans when the `quotes` result is available.

Profiles: `accurate` runs the fine-tuned MiniLM encoder (int8 ONNX, one pass per article shared
through `_encoder.encode_article`); `fast` finds spans with a small convolution over static word
vectors distilled from that encoder, mixed with a linear tagger over hashed lexical features, and
classifies them with a linear model over the same kind of features.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from ...document import Article, Span
from ..base import ENGLISH, Analyser, AnalysisContext, register
from .highlight import Segment, highlight_blocks, segments
from .model import load_model
from .techniques import TECHNIQUE_NAMES, TECHNIQUES, Technique, technique
from .text import sentences, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PropagandaAnalyser", "PropagandaResult", "PropagandaSpan", "TechniqueScore"]

SECOND_TECHNIQUE_MIN = 0.3  # a span carries a second technique when it is at least this likely
STRONGEST = 5


class TechniqueScore(BaseModel):
    technique: str = Field(description="SemEval-2020 label, e.g. 'Loaded_Language'.")
    name: str = Field(description="Readable name, e.g. 'Loaded language'.")
    confidence: float


class PropagandaSpan(Span):
    text: str
    techniques: list[TechniqueScore] = Field(description="Most likely first; one or two.")
    confidence: float = Field(description="How sure the span finder is that this is propaganda (0-1).")
    speaker: str | None = Field(None, description="Who is quoted, when the span is inside a quote.")

    @property
    def technique(self) -> str:
        return self.techniques[0].technique


class TechniqueCount(BaseModel):
    technique: str
    name: str
    count: int
    colour: str
    definition: str
    example: str


class SpeakerTechnique(BaseModel):
    speaker: str
    technique: str
    text: str
    span: int = Field(description="Index into `spans`.")

    @property
    def sentence(self) -> str:
        return f"{self.speaker} uses {self.technique}: '{self.text}'"


class PropagandaSummary(BaseModel):
    counts: list[TechniqueCount] = Field(default_factory=list, description="Techniques found, most frequent first.")
    sentences: int = 0
    sentences_with_propaganda: int = 0
    share_of_sentences: float = 0.0
    strongest: list[int] = Field(default_factory=list, description="Indices into `spans`, strongest first.")


class PropagandaResult(BaseModel):
    model: str
    spans: list[PropagandaSpan] = Field(default_factory=list, description="Offsets into `Article.text`.")
    title_spans: list[PropagandaSpan] = Field(
        default_factory=list, description="Offsets into `metadata.title` (the headline is not in the text)."
    )
    summary: PropagandaSummary = Field(default_factory=PropagandaSummary)
    by_speaker: list[SpeakerTechnique] = Field(
        default_factory=list, description="Spans inside quotes, attributed to the quoted speaker."
    )

    def highlight(self, article: Article) -> list[list[Segment]]:
        """Paragraphs of the text cut into highlight segments (used by the HTML report)."""
        return highlight_blocks(article.text, [(p.start, p.end) for p in article.paragraphs], self.spans)

    def highlight_title(self, title: str) -> list[Segment]:
        return segments(title, 0, len(title), self.title_spans)

    @property
    def definitions(self) -> tuple[Technique, ...]:
        """The 14 techniques with definitions, examples and report colours."""
        return TECHNIQUES


def technique_scores(probabilities: Any) -> list[TechniqueScore]:
    order = sorted(range(len(TECHNIQUE_NAMES)), key=lambda k: -float(probabilities[k]))
    chosen = [order[0]] + [k for k in order[1:2] if float(probabilities[k]) >= SECOND_TECHNIQUE_MIN]
    return [
        TechniqueScore(
            technique=TECHNIQUE_NAMES[k],
            name=technique(TECHNIQUE_NAMES[k]).name,
            confidence=round(float(probabilities[k]), 4),
        )
        for k in chosen
    ]


def find_spans(text: str, context: AnalysisContext, headline: bool = False) -> list[PropagandaSpan]:
    if not text.strip():
        return []
    model = load_model(context.profile, context)
    found = model.spans(text, context, headline)
    probabilities = model.techniques(text, [(s, e) for s, e, _ in found], context)
    return [
        PropagandaSpan(start=s, end=e, text=text[s:e], techniques=technique_scores(row), confidence=round(c, 4))
        for (s, e, c), row in zip(found, probabilities, strict=True)
    ]


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def _quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of text[start:end] between quote marks (the speaker's own words)."""
    return [(start + m.start(), start + m.end()) for m in _QUOTED.finditer(text[start:end])]


def _quote_speakers(text: str, quotes: Any) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of the words in quote marks inside each attribution of a `quotes` result.

    Paraphrase (indirect speech outside quote marks) stays the outlet's wording.
    """
    regions = []
    for attribution in getattr(quotes, "attributions", []):
        speaker = attribution.speaker.name or "an unresolved speaker"  # a pronoun is never a speaker's name
        for part in attribution.content:
            regions += [(a, b, speaker) for a, b in _quoted_regions(text, part.start, part.end)]
    return regions


def attribute_to_speakers(text: str, spans: list[PropagandaSpan], quotes: Any) -> list[PropagandaSpan]:
    """Give each span that lies (at least half) inside a speaker's quoted words that speaker, and clip it
    to the words inside the quote marks (so "as “an extremely dangerous game" becomes the quoted words)."""
    regions = _quote_speakers(text, quotes) if quotes is not None else []
    attributed = []
    for span in spans:
        length = max(1, span.end - span.start)
        region = next(
            (
                (start, end, who)
                for start, end, who in regions
                if min(end, span.end) - max(start, span.start) >= length / 2
            ),
            None,
        )
        if region is None:
            attributed.append(span)
            continue
        start, end = trim(text, max(span.start, region[0] + 1), min(span.end, region[1] - 1))
        if end - start < 2:
            start, end = span.start, span.end
        attributed.append(
            span.model_copy(update={"start": start, "end": end, "text": text[start:end], "speaker": region[2]})
        )
    return attributed


def summarise(text: str, spans: list[PropagandaSpan]) -> PropagandaSummary:
    counts: dict[str, int] = {}
    for span in spans:
        for score in span.techniques:
            counts[score.technique] = counts.get(score.technique, 0) + 1
    bounds = sentences(text)
    flagged = sum(1 for a, b in bounds if any(s.start < b and s.end > a for s in spans))
    strongest = sorted(range(len(spans)), key=lambda i: -spans[i].confidence * spans[i].techniques[0].confidence)
    ordered = sorted(counts, key=lambda t: (-counts[t], TECHNIQUE_NAMES.index(t)))
    return PropagandaSummary(
        counts=[
            TechniqueCount(
                count=counts[t],
                **{k: getattr(technique(t), k) for k in ("name", "colour", "definition", "example")},
                technique=t,
            )
            for t in ordered
        ],
        sentences=len(bounds),
        sentences_with_propaganda=flagged,
        share_of_sentences=round(flagged / len(bounds), 4) if bounds else 0.0,
        strongest=strongest[:STRONGEST],
    )


@register
class PropagandaAnalyser(Analyser[PropagandaResult]):
    name = "propaganda"
    version = 1
    languages = ENGLISH  # English-trained models: not run on articles in other languages
    title = "Propaganda techniques"
    description = (
        "Spans that use one of the 14 SemEval-2020 propaganda techniques, with the technique and a confidence. "
        "A research model (Da San Martino et al. 2019, 2020): it flags persuasive language, not falsehood."
    )
    Result = PropagandaResult
    after = ("quotes",)  # quoted spans are attributed to their speaker when quotes runs too
    uses_doc = False

    def run(self, article: Article, doc: Doc, context: AnalysisContext) -> PropagandaResult:
        spans = attribute_to_speakers(article.text, find_spans(article.text, context), context.results.get("quotes"))
        title_spans = find_spans(article.metadata.title or "", context, headline=True)
        by_speaker = [
            SpeakerTechnique(speaker=s.speaker, technique=s.technique, text=s.text, span=i)
            for i, s in enumerate(spans)
            if s.speaker
        ]
        return PropagandaResult(
            model=load_model(context.profile, context).name,
            spans=spans,
            title_spans=title_spans,
            summary=summarise(article.text, spans),
            by_speaker=by_speaker,
        )
