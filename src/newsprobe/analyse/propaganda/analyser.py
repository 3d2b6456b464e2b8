"""Propaganda techniques: spans that use one of the 14 SemEval-2020 Task 11 techniques (SI), the
technique(s) of each span (TC), one calibrated confidence per span, a per-article summary, headline
spans, and the speaker of quoted spans when the `quotes` result is available.

Precision first: `spans` holds what the report highlights (each technique's threshold was chosen for
SemEval precision >= 0.5 on articles the models never trained on); `more_spans` holds the
lower-confidence ones a reader can ask for. The headline is read together with the text, as its
first line (the way the training articles come), so its spans get their own boundaries.

Profiles: `accurate` runs the fine-tuned MiniLM encoder (int8 ONNX, one pass per article shared
through `encoder.encode_article`); `fast` finds spans with a small convolution over static word
vectors distilled from that encoder, mixed with a linear tagger over hashed lexical features, and
classifies them with a linear model over the same kind of features.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel, Field

from ...document import Article, Span
from ..base import ENGLISH, Analyser, AnalysisContext, register
from ..mpnet import headline_and_text
from ..sentences import article_sentences, long_enough
from ..spans import CharSpan
from .candidates import Candidate
from .highlight import Segment, highlight_blocks, segments
from .model import find_candidates, load_model
from .techniques import TECHNIQUE_NAMES, TECHNIQUES, UNCLEAR, UNCLEAR_BELOW, Technique, technique
from .text import sentences
from .tidy import snap_to_words
from .words import QUOTE_MARKS, QUOTED

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["PropagandaAnalyser", "PropagandaResult", "PropagandaSpan", "TechniqueScore", "technique_counts"]

SECOND_TECHNIQUE_MIN = 0.3  # a span carries a second technique when it is at least this likely
STRONGEST = 5
# A tagger's run often sweeps a whole headline; annotators marked a whole headline (of more than six
# words) in 7 of the 308 such training headlines, so such a span is dropped rather than shown.
WHOLE_HEADLINE_SHARE = 0.9
SHORT_HEADLINE_WORDS = 6


class TechniqueScore(BaseModel):
    technique: str = Field(description="SemEval-2020 label, e.g. 'Loaded_Language'.")
    name: str = Field(description="Readable name, e.g. 'Loaded language'.")
    confidence: float


CONFIDENCE_MEANS = (
    "Confidence: the share of a highlight like this one that human annotators marked as propaganda, "
    "on articles from propaganda-prone outlets the model never saw in training (SemEval-2020 precision); "
    "on straight news fewer highlights hold up."
)


class PropagandaSpan(Span):
    text: str
    techniques: list[TechniqueScore] = Field(
        description="Most likely first; one or two. Their confidences are the technique classifier's, given the span. "
        f"When one is shown and it is below {UNCLEAR_BELOW}, the views call the technique unclear."
    )
    confidence: float = Field(description=CONFIDENCE_MEANS)
    speaker: str | None = Field(None, description="Who is quoted, when the span is inside a quote.")

    @property
    def technique(self) -> str:
        return self.techniques[0].technique

    @property
    def shown_technique(self) -> Technique:
        """The technique the views name and colour the span by: its most likely one, or UNCLEAR when the
        technique(s) shown would be less likely than UNCLEAR_BELOW (a second one is shown from 0.3, so two
        shown are at least 0.6 together)."""
        first = self.techniques[0]
        unclear = len(self.techniques) == 1 and first.confidence < UNCLEAR_BELOW
        return UNCLEAR if unclear else technique(first.technique)

    @property
    def technique_names(self) -> str:
        """The technique in words, or the two possible ones joined by 'or', or 'Unclear technique (perhaps …)'
        (every view names a span this way)."""
        if self.shown_technique is UNCLEAR:
            return f"{UNCLEAR.name} (perhaps {self.techniques[0].name})"
        return " or ".join(t.name for t in self.techniques)


class TechniqueCount(BaseModel):
    technique: str
    name: str
    count: int = Field(
        description="Highlighted spans that may use this technique (a span can have two); technique 'unclear': "
        "those whose technique is unclear."
    )
    colour: str
    definition: str
    example: str


class SpeakerTechnique(BaseModel):
    speaker: str
    technique: str = Field(description="SemEval-2020 label of the technique shown, or 'unclear'.")
    name: str = Field(
        description="The technique in words, e.g. 'Loaded language', or its two possible ones joined by 'or', or "
        "'Unclear technique (perhaps …)'."
    )
    text: str
    span: int = Field(description="Index into `spans`.")

    @property
    def sentence(self) -> str:
        article = "an " if self.technique == UNCLEAR.label else ""
        return f"{self.speaker} uses {article}{self.name.lower()}: “{self.text.strip(QUOTE_MARKS)}”"


class PropagandaSummary(BaseModel):
    counts: list[TechniqueCount] = Field(default_factory=list, description="Techniques found, most frequent first.")
    sentences: int = 0
    sentences_with_propaganda: int = 0
    share_of_sentences: float = 0.0
    strongest: list[int] = Field(default_factory=list, description="Indices into `spans`, strongest first.")


class PropagandaResult(BaseModel):
    model: str
    spans: list[PropagandaSpan] = Field(
        default_factory=list, description="What the report highlights (precision first). Offsets into `Article.text`."
    )
    title_spans: list[PropagandaSpan] = Field(
        default_factory=list,
        description="Highlights in the headline. Offsets into `metadata.title` (the headline is not in the text).",
    )
    more_spans: list[PropagandaSpan] = Field(
        default_factory=list,
        description="Lower-confidence spans ('show more'); one may contain a highlight. Offsets into `Article.text`.",
    )
    more_title_spans: list[PropagandaSpan] = Field(
        default_factory=list, description="Lower-confidence spans in the headline. Offsets into `metadata.title`."
    )
    summary: PropagandaSummary = Field(default_factory=PropagandaSummary)
    by_speaker: list[SpeakerTechnique] = Field(
        default_factory=list, description="Spans inside quotes, attributed to the quoted speaker."
    )
    speakers_read: bool = Field(
        True,
        description="False when the quotes analyser did not run: a span's `speaker` is then null even inside a "
        "quote, so it is not known to be the article's own wording.",
    )

    def highlight(self, article: Article, more: bool = False) -> list[list[Segment]]:
        """Paragraphs of the text cut into highlight segments (used by the HTML report); `more` adds the
        lower-confidence spans."""
        spans = self.spans + self.more_spans if more else self.spans
        blocks = [(p.start, p.end) for p in article.paragraphs]
        return highlight_blocks(article.text, blocks, spans, len(self.spans))

    def highlight_title(self, title: str, more: bool = False) -> list[Segment]:
        spans = self.title_spans + self.more_title_spans if more else self.title_spans
        return segments(title, 0, len(title), spans, len(self.title_spans))

    @property
    def confidence_means(self) -> str:
        """What a span's confidence measures (the views' tooltip)."""
        return CONFIDENCE_MEANS

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


def to_span(text: str, candidate: Candidate, offset: int = 0) -> PropagandaSpan:
    start, end = candidate.start - offset, candidate.end - offset
    return PropagandaSpan(
        start=start,
        end=end,
        text=text[start:end],
        techniques=technique_scores(candidate.techniques),
        confidence=round(candidate.confidence, 4),
    )


class FoundSpans(NamedTuple):
    spans: list[PropagandaSpan]
    more_spans: list[PropagandaSpan]
    title_spans: list[PropagandaSpan]
    more_title_spans: list[PropagandaSpan]


def find_spans(text: str, title: str, context: AnalysisContext) -> FoundSpans:
    """Spans of the text and of the headline, read together as the training articles are (`headline_and_text`)."""
    title = title.strip()
    joined = headline_and_text(text, title)
    offset = len(joined) - len(text)
    found = find_candidates(load_model(context.profile, context), joined, context, headline_end=len(title))
    body = [to_span(text, c, offset) for c in found if c.start >= offset]
    head = [to_span(title, c) for c in found if c.end <= len(title) and not _sweeps(title, c)] if title else []
    return FoundSpans(
        spans=[s for s in body if _highlighted(s, found, offset)],
        more_spans=[s for s in body if not _highlighted(s, found, offset)],
        title_spans=[s for s in head if _highlighted(s, found, 0)],
        more_title_spans=[s for s in head if not _highlighted(s, found, 0)],
    )


def _sweeps(title: str, candidate: Candidate) -> bool:
    """Whether a headline span covers (nearly) all of a headline longer than a few words."""
    covered = (candidate.end - candidate.start) >= WHOLE_HEADLINE_SHARE * len(title)
    return covered and len(title.split()) > SHORT_HEADLINE_WORDS


def _highlighted(span: PropagandaSpan, found: list[Candidate], offset: int) -> bool:
    return any(c.level == "highlight" for c in found if (c.start - offset, c.end - offset) == (span.start, span.end))


def _quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted passages inside text[start:end], marks included (the speaker's own words)."""
    return [(start + m.start(), start + m.end()) for m in QUOTED.finditer(text[start:end])]


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
    to the quoted passage (so "as “an extremely dangerous game”" becomes “an extremely dangerous game”)."""
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
        start, end = snap_to_words(text, max(span.start, region[0]), min(span.end, region[1]))
        if end - start < 2:
            start, end = span.start, span.end
        attributed.append(
            span.model_copy(update={"start": start, "end": end, "text": text[start:end], "speaker": region[2]})
        )
    return attributed


def counted_sentences(text: str, doc: Doc) -> list[CharSpan]:
    """The sentences the claims analyser scores, from the shared parse when the pipeline made one; alone,
    the propaganda analyser needs no parse and splits the text itself."""
    if len(doc):
        return article_sentences(text, doc)
    return long_enough(text, sentences(text))


def technique_counts(spans: list[PropagandaSpan]) -> list[TechniqueCount]:
    """Highlights per technique as the views name them (a span can have two; an unclear one counts once, as
    unclear), most frequent first."""
    counts: dict[str, int] = {}
    for span in spans:
        labels = [UNCLEAR.label] if span.shown_technique is UNCLEAR else [s.technique for s in span.techniques]
        for label in labels:
            counts[label] = counts.get(label, 0) + 1
    order = (*TECHNIQUE_NAMES, UNCLEAR.label)
    return [
        TechniqueCount(
            count=counts[label],
            **{k: getattr(technique(label), k) for k in ("name", "colour", "definition", "example")},
            technique=label,
        )
        for label in sorted(counts, key=lambda label: (-counts[label], order.index(label)))
    ]


def by_speaker(spans: list[PropagandaSpan]) -> list[SpeakerTechnique]:
    """Each span a named speaker said, with the technique as the views name it ('X uses …')."""
    return [
        SpeakerTechnique(
            speaker=s.speaker, technique=s.shown_technique.label, name=s.technique_names, text=s.text, span=i
        )
        for i, s in enumerate(spans)
        if s.speaker
    ]


def strongest_spans(spans: list[PropagandaSpan]) -> list[int]:
    """Indices of the most confident spans, strongest first (the summary's table)."""
    return sorted(range(len(spans)), key=lambda i: -spans[i].confidence)[:STRONGEST]


def summarise(spans: list[PropagandaSpan], bounds: list[CharSpan]) -> PropagandaSummary:
    """Counts by technique, and the share of the sentences `bounds` that hold a highlighted span."""
    flagged = sum(1 for a, b in bounds if any(s.start < b and s.end > a for s in spans))
    return PropagandaSummary(
        counts=technique_counts(spans),
        sentences=len(bounds),
        sentences_with_propaganda=flagged,
        share_of_sentences=round(flagged / len(bounds), 4) if bounds else 0.0,
        strongest=strongest_spans(spans),
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
        found = find_spans(article.text, article.metadata.title or "", context)
        quotes = context.results.get("quotes")
        spans = attribute_to_speakers(article.text, found.spans, quotes)
        return PropagandaResult(
            model=load_model(context.profile, context).name,
            spans=spans,
            title_spans=found.title_spans,
            more_spans=attribute_to_speakers(article.text, found.more_spans, quotes),
            more_title_spans=found.more_title_spans,
            summary=summarise(spans, counted_sentences(article.text, doc)),
            by_speaker=by_speaker(spans),
            speakers_read=quotes is not None,
        )
