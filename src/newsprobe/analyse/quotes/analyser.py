"""Quotes and speakers: who said what — direct and indirect speech, cues, resolved speakers with roles.

Each attribution has a `source` (who), a `cue` (the reporting words: "said", "according to",
"labelled … as") and `content` (what was said). Spans are offsets into `Article.text`, end
exclusive; a part may be several spans (a quote split around its cue). The speaker is resolved
inside the document (`speakers.py`), says how and with what confidence, and is `unresolved`
when no rule is sure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from ...document import Article, Metadata, Span
from .. import mpnet
from ..base import ENGLISH, Analyser, AnalysisContext, Profile, register
from ..entities import EntitiesResult
from ..nlp import text_of
from ..spans import CharSpan, join_touching
from .cues import MIN_UNCUED_QUOTE_WORDS, QUOTING_MARKS, SPEAKER_CONFIDENCE, SPEECH_VERBS, SUBJECT_DEPS
from .encoder_tags import ENCODER_WEIGHT, combined_attributions, encoder_attributions
from .marks import QuoteRegion, align_to_quotes, ending_with_its_quote, find_quotes
from .posts import POST, signed_by, with_posts
from .rules import (
    RawAttribution,
    after_dateline,
    attach_continuations,
    close_brackets,
    close_cut_clause,
    cue_says,
    cue_subject,
    cue_with_its_negation,
    find_attributions,
    has_ability_or_duty_cue,
    has_action_content,
    has_added_thing_cue,
    has_content_cut_at_its_cue,
    has_content_inside_its_source,
    has_cue_inside_a_clause_said,
    has_empty_content,
    has_empty_cue,
    has_hypothetical_cue,
    has_imperative_cue,
    has_naming_or_sighting_cue,
    has_negated_cue,
    has_never_cue,
    has_participle_on_content_cue,
    has_proposition_source,
    has_rare_cue_and_no_quote_marks,
    has_relative_clause_content,
    has_sourceless_cue,
    has_topic_only_passive_cue,
    has_wordless_cue_and_no_source,
    has_yes_no_question_cue,
    is_plain_saying,
    merge_duplicates,
    opens_with_dateline,
    subject_tagged_as_content,
    trim_source,
    trim_span,
    without_a_lone_it,
    without_dangling_conjunction,
    without_quote_said_after,
)
from .speakers import Speaker, SpeakerEvidence, SpeakerResolver, unresolved
from .tagger import MODEL_PATH, QuoteTagger

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Attribution",
    "QuoteSpan",
    "QuotesAnalyser",
    "QuotesConfig",
    "QuotesResult",
    "Speaker",
    "SpeakerEvidence",
    "SpeakerQuotes",
]

QuoteStyle = Literal["direct", "partly_direct", "indirect"]
Method = Literal["rules", "tagger", "encoder", "combined"]
# what makes an attribution no act of saying: a condition, what one can or must say ('can order'), a denied saying ('did
# not mention', 'declined to say'), a yes/no question ('Does he believe that …?'), a cue that is only 'had'/'was', an
# act ('by hitting'), a cue of words annotators almost never mark as one ('finished'), a content that is only a pronoun
# or adverbs ('which', 'this before') or, unquoted, how someone looked ('appeared | sad') or a relative clause on a noun
# ('the third witness | who listened in'), a source after a noun that sums up the writer's sentence before it ('…, a
# prospect Vindman denied'), a cue of punctuation with no source ('NEW DELHI: …'), a command to the reader ('Remember
# New Jersey’s quest …?'), a content cut off inside the clause of its own cue ('hoping that he could get what | he |
# wanted'), a call that names or phones ('a mission called Europa Clipper', 'called 911', 'called Haig three times to
# arrange a sale'), a 'see' that watches, a passive cue whose source and content are only its subject ('No release date
# for the | fourth Star Trek film | has yet been announced'), a content that hangs on the source's phrase ('said Derek
# Scissors, a scholar | with the American Enterprise Institute') and a participle describing a noun of its content ('“…
# the little deal” announced in October, said Scissors'; also dropped from the tagger's output before sources are lent,
# so the cue after the quote keeps it) and a verb the parse joined to a saying past the clause said ('estimated that
# 964,000 people …, | reported | …')
NOT_SAYING = (
    has_hypothetical_cue,
    has_ability_or_duty_cue,
    has_added_thing_cue,
    has_yes_no_question_cue,
    has_negated_cue,
    has_empty_cue,
    has_action_content,
    has_never_cue,
    has_empty_content,
    has_relative_clause_content,
    has_proposition_source,
    has_wordless_cue_and_no_source,
    has_imperative_cue,
    has_content_cut_at_its_cue,
    has_naming_or_sighting_cue,
    has_topic_only_passive_cue,
    has_content_inside_its_source,
    has_participle_on_content_cue,
    has_cue_inside_a_clause_said,
)
# The CRF also tags acts as cues ('was photographed', 'rolled back', 'encouraged | the wolves to …'): an unquoted
# content needs a cue word annotators often mark, or one they mark one time in three and a clause. The encoder's rare
# cues are mostly beliefs and feelings ('were frustrated that', 'not fathom how'): 35 of the 44 it would drop overlap
# an annotation on PolNeAR dev, so its methods keep them.
TAGGER_NOT_SAYING = (*NOT_SAYING, has_rare_cue_and_no_quote_marks)
ENCODER_METHODS = ("encoder", "combined")
# a sentence's end in running text: its mark, any closing quote or bracket, then a space
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s")


class QuoteSpan(Span):
    text: str


class Attribution(BaseModel):
    id: int
    source: list[QuoteSpan] = Field(default_factory=list, description="Who: empty when no source is named.")
    cue: list[QuoteSpan] = Field(default_factory=list, description="The reporting words.")
    content: list[QuoteSpan] = Field(description="What was said; several spans when split around the cue.")
    direct: bool = Field(description="True when all the content is inside quote marks.")
    style: QuoteStyle = Field(
        description="direct (a direct quote), partly_direct (reported speech with quoted words) or indirect "
        "(reported speech)."
    )
    speaker: Speaker = Field(description="Who said it, how that was resolved, or `unresolved`.")


class SpeakerQuotes(BaseModel):
    """Attributions grouped by resolved speaker; the unresolved ones form one group with no name, listed last."""

    name: str | None = Field(description="The speaker's canonical name; None for the unresolved group.")
    role: str | None = None
    organisation: str | None = None
    kind: str | None = None
    entity_id: int | None = None
    attribution_ids: list[int]


class MarkedPiece(BaseModel):
    """A piece of a paragraph for renderers: plain text, or one part of an attribution."""

    text: str
    part: Literal["source", "cue", "content"] | None = None
    attribution_id: int | None = None
    speaker: str | None = None  # the attribution's resolved speaker


class QuotesResult(BaseModel):
    method: Method = Field(
        "rules",
        description="rules, the CRF tagger over the rules, the shared encoder's tags, or both taggers averaged "
        "(combined; best profile).",
    )
    attributions: list[Attribution] = Field(default_factory=list)
    speakers: list[SpeakerQuotes] = Field(default_factory=list, description="Most quoted first.")

    def marked_paragraphs(self, text: str) -> list[list[MarkedPiece]]:
        """The paragraphs that hold attributions, cut into pieces marked source / cue / content."""
        marks: dict[int, tuple[str, int]] = {}
        for att in self.attributions:
            for part, spans in (("content", att.content), ("source", att.source), ("cue", att.cue)):
                for span in spans:
                    for i in range(span.start, span.end):
                        marks[i] = (part, att.id)
        speakers: dict[int | None, str | None] = {att.id: att.speaker.name for att in self.attributions}
        paragraphs = []
        start = 0
        for block in text.split("\n"):
            end = start + len(block)
            if any(i in marks for i in range(start, end)):
                pieces = _pieces(text, start, end, marks)
                paragraphs.append([p.model_copy(update={"speaker": speakers.get(p.attribution_id)}) for p in pieces])
            start = end + 1
        return paragraphs


def _pieces(text: str, start: int, end: int, marks: dict[int, tuple[str, int]]) -> list[MarkedPiece]:
    pieces: list[MarkedPiece] = []
    current: tuple[str, int] | None = None
    run_start = start
    for i in range(start, end + 1):
        mark = marks.get(i) if i < end else ("end", -1)
        if mark != current or i == end:
            if i > run_start:
                part, att_id = current if current else (None, None)
                pieces.append(MarkedPiece(text=text[run_start:i], part=part, attribution_id=att_id))
            current, run_start = mark, i
    return pieces


def quote_style(text: str, spans: list[CharSpan]) -> QuoteStyle:
    """direct when every content span is a quoted region; partly_direct when quote marks occur inside."""
    inside = 0
    total = 0
    for start, end in spans:
        chunk = text[start:end]
        regions = find_quotes(chunk)
        quoted = sum(r.end - r.start for r in regions)
        inside += quoted
        total += len(chunk.strip())
    if total and inside >= total - 2:
        return "direct"
    if inside or any(QUOTING_MARKS.intersection(text[s:e]) for s, e in spans):
        return "partly_direct"
    return "indirect"


def _quote_spans(text: str, spans: list[CharSpan]) -> list[QuoteSpan]:
    return [QuoteSpan(start=s, end=e, text=text[s:e]) for s, e in spans]


def _inherit_speakers(
    text: str,
    raws: list[RawAttribution],
    speakers: list[Speaker],
    profile: Profile,
    people: list[CharSpan] | None = None,
) -> None:
    """A quote with no cue and no source continues the previous speaker when it follows in the next paragraphs and
    no one else is named in between (`people`: where the text names people: 'Boudreau interviewed 38 students …
    His findings, he wrote, do “not substantiate …”' is not the student quoted before). A source that names nobody,
    'The Pope' or 'two writers', is no one earlier. A profile whose confidence for the rule is None does not use it."""
    confidence = SPEAKER_CONFIDENCE[profile]["earlier_mention"]
    if confidence is None:
        return
    for i, raw in enumerate(raws):
        if raw.kind != "quote" or raw.source is not None or i == 0 or speakers[i].name is not None:
            continue
        previous = raws[i - 1]
        between = text[previous.content_end : raw.content_start]
        previous_speaker = speakers[i - 1]
        evidence = previous_speaker.evidence
        others = [
            (s, e)
            for s, e in people or []
            if previous.content_end <= s < raw.content_start
            and text[s:e] not in (previous_speaker.name or "")
            and not (evidence is not None and text[s:e] in evidence.text)
        ]
        if previous_speaker.name is not None and not others and between.count("\n\n") + between.count("\n") <= 2:
            speakers[i] = previous_speaker.model_copy(
                update={
                    "resolved_by": "earlier_mention",
                    "confidence": confidence,
                    "reason": f"a quote with no cue right after {previous_speaker.name}'s attribution",
                }
            )


_INFERRED = frozenset({"pronoun", "earlier_mention"})


def _named_in_the_content(text: str, raw: RawAttribution, speaker: Speaker, entities: EntitiesResult | None) -> Speaker:
    """A speaker read from a pronoun or from the quote before, whom their one quoted passage names in full ("'It could
    have been easy for Mary Steenburgen …,' she said"), is someone else talking about them: unresolved. Not for a
    family name alone, an editor's [bracketed] words, or a content in several parts (narrative between them)."""
    if speaker.resolved_by not in _INFERRED or entities is None or speaker.entity_id is None or len(raw.content) != 1:
        return speaker
    if quote_style(text, raw.content) != "direct":
        return speaker
    start, end = raw.content[0]
    mentions = [m for entity in entities.entities if entity.id == speaker.entity_id for m in entity.mentions]
    named = [
        text[m.start : m.end]
        for m in mentions
        if start <= m.start
        and m.end <= end
        and " " in text[m.start : m.end].strip()
        and "[" not in text[start : m.start].rsplit("]", 1)[-1]  # not inside an editor's brackets
    ]
    if not named:
        return speaker
    return unresolved(f"it would be {speaker.name}, but the quote names “{named[0]}”: someone else speaks of them")


def _overlap(a: list[CharSpan], b: list[CharSpan]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def refine_with_rules(text: str, tagged: list[RawAttribution], rules: list[RawAttribution]) -> list[RawAttribution]:
    """Tagger attributions; where the tagger found no source, take the source of the rule
    attribution with the same cue, else of the one sharing most content, unless that one's content
    holds the tagger's cue and its own cue follows: it reports the whole attribution from behind
    ("he said, “…,” the office said"). A content the source opens loses it ("According to | the Jordanian
    government, as of 2016, the country had admitted …": the encoder tagged the source as content). A source that is
    only a determiner ('According | the | …': the tags cut the source's first word off) counts as none, and is none
    when no rule lends one (the cue's subject may then be found)."""
    for att in tagged:
        if att.source is not None and text[slice(*att.source)].strip().lower() not in _DETERMINERS:
            continue
        att.source, att.source_head = None, None
        same_cue = [rule for rule in rules if set(rule.cue) & set(att.cue)]
        sharing = sorted(rules, key=lambda rule: -_overlap(rule.content, att.content))
        sharing = [
            rule for rule in sharing if _overlap(rule.content, att.content) > 0 and not _reports_from_behind(rule, att)
        ]
        donor = next((rule for rule in [*same_cue, *sharing] if rule.source is not None), None)
        if donor is not None:
            att.source, att.source_head = donor.source, donor.source_head
            att.content = _without_leading_source(text, att.content, donor.source)
    return tagged


def _without_leading_source(text: str, content: list[CharSpan], source: CharSpan | None) -> list[CharSpan]:
    if source is None or not content or content[0][0] != source[0] or content[0][1] <= source[1]:
        return content
    start, end = source[1], content[0][1]
    while start < end and (text[start].isspace() or text[start] in ",:;"):
        start += 1
    return [(start, end), *content[1:]] if start < end else content[1:] or content


def with_outer_attributions(
    doc: Doc, tagged: list[RawAttribution], rules: list[RawAttribution]
) -> list[RawAttribution]:
    """A rule attribution whose content holds one of the tagger's, a saying with its cue and source, from before
    ("Vindman said | he was told by Bolton to go …"): one tag per word, the tagger marks the inner one and cuts the
    outer one short ("he") or drops it. The outer one takes the rule's content, or is added from the rules."""
    sayings = [att for att in tagged if cue_says(doc, att)]
    outer = []
    for rule in rules:
        inner = [att for att in sayings if _holds(rule, att)]
        if rule.source is None or not inner:
            continue
        same_cue = next((att for att in tagged if set(att.cue) & set(rule.cue)), None)
        if same_cue is None and not _overlap([*rule.cue, rule.source], _marked(tagged)):
            outer.append(rule)
        elif same_cue is not None and _overlap(rule.content, same_cue.content) == _length(same_cue.content):
            same_cue.content = list(rule.content)
    return sorted([*tagged, *outer], key=lambda att: att.content_start)


def with_missed_sayings(doc: Doc, tagged: list[RawAttribution], rules: list[RawAttribution]) -> list[RawAttribution]:
    """The rules' plain sayings that no tagged attribution touches ('Rainfall occurs everywhere on Titan, …, said study
    co-author Anezina Solomonidou'): the shared encoder's quote tags miss some that the rules and the CRF alone find,
    and the CRF a few. On PolNeAR dev 13 are added to best's (content overlap F1 0.7630 -> 0.7642, source accuracy
    0.8998 -> 0.9003) and 8 to accurate's (0.7019 -> 0.7041, 0.9120 -> 0.9110); on the hand-checked pages best finds 5
    speakers more, none wrong; partisan news reads the same in both. It runs again after the tagger's contents from
    earlier sentences or far after their cue are dropped, for the sayings those held (PolNeAR dev 2026-12-07: accurate
    0.7063 -> 0.7076, best 0.7843 -> 0.7847)."""
    marked = _marked(tagged)
    missed = [rule for rule in rules if is_plain_saying(doc, rule) and not _overlap(_marked([rule]), marked)]
    return sorted([*tagged, *missed], key=lambda att: att.content_start)


def _marked(atts: list[RawAttribution]) -> list[CharSpan]:
    return [span for att in atts for span in [*att.cue, *att.content, *([att.source] if att.source else [])]]


def _length(spans: list[CharSpan]) -> int:
    return sum(e - s for s, e in spans)


def _holds(outer: RawAttribution, inner: RawAttribution) -> bool:
    """The outer attribution's content holds the inner one's cue and source, its cue comes before them, and the inner
    content follows them: an inner 'according to his attorney' after its content reports the whole sentence."""
    parts = [*inner.cue, *([inner.source] if inner.source else [])]
    return (
        bool(outer.cue and inner.cue)
        and _overlap(outer.content, parts) == _length(parts)
        and max(e for _, e in outer.cue) <= min(s for s, _ in parts)
        and max(e for _, e in parts) <= inner.content_start
    )


def _reports_from_behind(rule: RawAttribution, att: RawAttribution) -> bool:
    return bool(_overlap(rule.content, att.cue)) and min((s for s, _ in rule.cue), default=0) >= att.content_end


def repair_sources(doc: Doc, tagged: list[RawAttribution], quotes: list[QuoteRegion]) -> list[RawAttribution]:
    """A source inside a quote or inside the content ("“I just want …”"), a dateline ("BUFFALO, N.Y. —") or the
    outlet a quote came through ("Richardson, via USA Today, said") is not the speaker; an attribution left without
    one takes the subject of its cue's verb: a content piece that is that subject becomes the source
    (`subject_tagged_as_content`), else `cue_subject`."""
    regions = [(q.start, q.end) for q in quotes]
    text = text_of(doc)
    for att in tagged:
        _prefer_own_sentence_subject(doc, att, quotes)
        source = att.source
        if source is not None and (
            any(s <= source[0] and source[1] <= e for s, e in [*regions, *att.content])
            or opens_with_dateline(doc, source)
            or _after_via(text, source)
        ):
            att.source, att.source_head = None, None
        if att.source is None and att.cue:
            tagged_as_content = subject_tagged_as_content(doc, att)
            if tagged_as_content is not None:
                att.source, att.source_head, piece = tagged_as_content
                att.content.remove(piece)
        if att.source is None and att.cue:
            found = cue_subject(doc, att, quotes)
            if found is not None:
                att.source, att.source_head = found
    return tagged


def _prefer_own_sentence_subject(doc: Doc, att: RawAttribution, quotes: list[QuoteRegion]) -> None:
    """A source tagged in another sentence than its cue, or as the subject of a clause conjoined to the cue's, gives
    way to the subject of the cue's verb in the cue's own sentence ('The World Health Organization reported … . The
    Lancet Commission … found that …': 'found' had been given to the WHO; 'Swift has a new deal …, and The Carlyle
    Group will be left to wonder: …' to Swift)."""
    if att.source is None or not att.cue:
        return
    cue_sentence = _sentence_of(doc, att.cue[0][0])
    same_sentence = _sentence_of(doc, att.source[0]) == cue_sentence
    if same_sentence and not _subject_of_conjoined_clauses(doc, att.source_head):
        return  # the common case: no other clause's subject to give way to (and no parse walk)
    found = cue_subject(doc, att, quotes)
    if found is None or _sentence_of(doc, found[0][0]) != cue_sentence:
        return
    if not same_sentence or _subjects_of_conjoined_clauses(doc, att.source_head, found[1]):
        att.source, att.source_head = found


def _subject_of_conjoined_clauses(doc: Doc, head: int | None) -> bool:
    """The token is the subject of a clause joined to another by a conjunction, either one."""
    if head is None or doc[head].dep_ not in SUBJECT_DEPS:
        return False
    verb = doc[head].head
    return verb.dep_ == "conj" or any(c.dep_ == "conj" for c in verb.children)


def _subjects_of_conjoined_clauses(doc: Doc, first: int | None, second: int) -> bool:
    if first is None or first == second or not _subject_of_conjoined_clauses(doc, first):
        return False
    a, b = doc[first], doc[second]
    if b.dep_ not in SUBJECT_DEPS or a.head == b.head:
        return False
    return (a.head.dep_ == "conj" and a.head.head == b.head) or (b.head.dep_ == "conj" and b.head.head == a.head)


def _sentence_of(doc: Doc, offset: int) -> int:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0].sent.start if span is not None and len(span) else -1


def _after_via(text: str, source: CharSpan) -> bool:
    return text[max(0, source[0] - 5) : source[0]].rstrip().lower().split()[-1:] == ["via"]


def follow_quote_marks(text: str, tagged: list[RawAttribution], quotes: list[QuoteRegion]) -> list[RawAttribution]:
    """Tagger contents that start at a quote mark follow the marks (`align_to_quotes`)."""
    for att in tagged:
        att.content = join_touching(align_to_quotes(text, att.content, quotes))
    return tagged


def prefer_signed_quotes(tagged: list[RawAttribution], rules: list[RawAttribution]) -> list[RawAttribution]:
    """A quote signed “…” ― Name and a transcript line (PENCE: …) are unambiguous: the rule's
    attribution replaces what the tagger made of the same content (the tagger runs the content
    into the signature, and takes names inside the line for its source)."""
    signed = [rule for rule in rules if rule.kind in {"dash", "transcript"}]
    kept = [att for att in tagged if not any(_overlap(att.content, rule.content) for rule in signed)]
    return sorted([*kept, *signed], key=lambda a: a.content_start)


def _same_content(a: RawAttribution, b: RawAttribution) -> bool:
    """Shared characters >= half of the longer content (the evaluation's overlap match)."""
    longer = max(_length(a.content), _length(b.content))
    return _overlap(a.content, b.content) >= 0.5 * longer


def borrow_rule_cues(tagged: list[RawAttribution], rules: list[RawAttribution]) -> list[RawAttribution]:
    """Where a rule finds the same content as the tagger, take the rule's cue: the rules know
    discontinuous cues ("labelled … as", "dismissed the allegations, saying")."""
    used: set[int] = set()
    for att in tagged:
        match = next(
            (
                i
                for i, rule in enumerate(rules)
                if i not in used
                and rule.cue
                and (not att.cue or _overlap(att.cue, rule.cue))
                and _same_content(att, rule)
            ),
            None,
        )
        if match is not None:
            used.add(match)
            att.cue = list(rules[match].cue)
    return tagged


def outside_the_cue(text: str, raw: RawAttribution) -> list[CharSpan]:
    """A content that opens with its cue's words opens after them: 'President Donald Trump | instructed | instructed
    ICE that …' (the tagger ran the content over the cue a rule then lent it). A cue inside a content stays there:
    'described | Clinton as | “a lifetime politician”' is read so, and a cue inside a quote is the quoted speaker's."""
    cue_ends = dict(raw.cue)
    spans = [
        trim_span(text, (cue_ends[start], end)) if start in cue_ends else (start, end) for start, end in raw.content
    ]
    kept = [span for span in spans if span is not None]
    return kept or raw.content


def drop_unanchored(text: str, tagged: list[RawAttribution]) -> list[RawAttribution]:
    """Tagger contents with no cue are attributions only when they quote at length. Without quote marks
    nothing says that anybody said them (on PolNeAR dev, 21 of 93 such contents matched an annotation); a few
    quoted words with no cue are a title or scare quotes ('“I’d Do Anything”', 'at the end of “Wild Rose”'),
    as the rules already read them."""
    return [att for att in tagged if att.cue or _quoted_words(text, att.content) >= MIN_UNCUED_QUOTE_WORDS]


def release_quotes_said_after(
    doc: Doc, tagged: list[RawAttribution], quotes: list[QuoteRegion]
) -> list[RawAttribution]:
    """A quote the tags ran into from an earlier cue, after a colon, goes to the cue after it ('Buckley learned who had
    written the song, she was only half-surprised: | “It made sense …,” she said'); the rules' saying then fills in."""
    for att in tagged:
        att.content = without_quote_said_after(doc, att, quotes)
    return [att for att in tagged if att.content]


def contents_after_their_cue(
    doc: Doc, tagged: list[RawAttribution], rules: list[RawAttribution]
) -> list[RawAttribution]:
    """Unquoted content the tagger gives a cue from the sentence before, when the rules read that cue's content after
    it in its own sentence: 'But, according to the ministry, the deal is off. According to the ministry, the talks
    will resume' is not the ministry's 'deal is off' by the second cue. The cue takes the rules' content and source;
    the sentence before is left to its own cue."""
    for att in tagged:
        starts_at = _cue_sentence_start(doc, att)
        if starts_at is None or att.content_end > starts_at or _quoted_words(doc.text, att.content):
            continue
        own = next(
            (rule for rule in rules if set(rule.cue) & set(att.cue) and rule.content_start >= att.cue[0][1]), None
        )
        if own is not None:
            att.content, att.source, att.source_head = list(own.content), own.source, own.source_head
    return tagged


def drop_earlier_sentences(doc: Doc, tagged: list[RawAttribution]) -> list[RawAttribution]:
    """Unquoted content the taggers add from a sentence before the cue's, to content they found at the cue: the
    sentence before is the writer's own ('… before Garrett responded by hitting Rudolph. Rudolph's supporters
    have stated that …' is not what the supporters stated)."""
    for att in tagged:
        starts_at = _cue_sentence_start(doc, att)
        if starts_at is None:
            continue
        kept = [
            span
            for span in att.content
            if span[1] > starts_at or (_quoted_words(doc.text, [span]) and not _said_by_another_cue(doc, span, att))
        ]
        if kept and len(kept) < len(att.content):
            att.content = kept
    return tagged


def _said_by_another_cue(doc: Doc, span: CharSpan, att: RawAttribution) -> bool:
    """The span is what a verb of saying before it in its sentence says ('Trump said during a rally that Clinton once
    described the deal as “the gold standard” …. Clinton now says she opposes the deal': not what Clinton now says)."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None or not len(words):
        return False
    verb = words.root.head
    own = {i for start, end in att.cue for i in range(start, end)}
    return verb.i < words.start and verb.lemma_.lower() in SPEECH_VERBS and verb.idx not in own


def _cue_sentence_start(doc: Doc, att: RawAttribution) -> int | None:
    """Where the sentence of the attribution's (first) cue starts; None without a cue."""
    cue = doc.char_span(*att.cue[0], alignment_mode="expand") if att.cue else None
    return cue[0].sent.start_char if cue is not None and len(cue) else None


def drop_contents_apart(text: str, tagged: list[RawAttribution]) -> list[RawAttribution]:
    """Unquoted content a sentence end after its cue is no attribution unless a colon leads to it ('TAPPER:' over the
    answer): in PolNeAR train 16 of 7,198 unquoted contents lie so, all after a colon, and what the taggers pair so is
    mostly unrelated ('users and critics alike have been asking for noise cancellation …. The new design sounds
    better'). The sentence end is read in the text, not from the parse, which sometimes splits a sentence inside
    ('Clinton mentioned disparaging remarks | Trump had made about Machado'). A content before its cue is left: there
    the taggers mostly chose the wrong one of two cues for a content that is said ('… a billion people …, Mr. Obama
    said in his interview. “If …,” he said')."""
    return [att for att in tagged if not _after_its_cue_apart(text, att)]


def _after_its_cue_apart(text: str, att: RawAttribution) -> bool:
    if not att.cue or _quoted_words(text, att.content):
        return False
    cue_end = att.cue[-1][1]
    between = text[cue_end : att.content_start]
    return att.content_start >= cue_end and ":" not in between and bool(_SENTENCE_END.search(between))


def _quoted_words(text: str, spans: list[CharSpan]) -> int:
    chunks = [text[start:end] for start, end in spans]
    return sum(len(chunk[r.start : r.end].split()) for chunk in chunks for r in find_quotes(chunk))


def group_by_speaker(attributions: list[Attribution]) -> list[SpeakerQuotes]:
    """Most quoted first; the unresolved attributions last, in one group."""
    groups: dict[str | None, SpeakerQuotes] = {}
    for att in attributions:
        sp = att.speaker
        group = groups.setdefault(
            sp.name,
            SpeakerQuotes(
                name=sp.name,
                role=sp.role,
                organisation=sp.organisation,
                kind=sp.kind,
                entity_id=sp.entity_id,
                attribution_ids=[],
            ),
        )
        group.attribution_ids.append(att.id)
    return sorted(groups.values(), key=lambda g: (g.name is None, -len(g.attribution_ids), g.attribution_ids[0]))


def _single_quoted_contents(text: str, raws: list[RawAttribution]) -> list[QuoteRegion]:
    """Contents in single quote marks ("'Robert Mueller sweating in front of his laptop …,' he wrote"), which
    `find_quotes` leaves alone when they are straight (an apostrophe looks the same): a name in them is no subject of
    the running text."""
    regions = []
    for raw in raws:
        if raw.content:
            start, end = raw.content_start, raw.content_end
            if end - start > 2 and text[start] in "'‘" and text[end - 1] in "'’":
                regions.append(QuoteRegion(start, end))
    return regions


def build_result(
    text: str,
    doc: Doc,
    raws: list[RawAttribution],
    entities: EntitiesResult | None,
    quotes: list[QuoteRegion],
    method: Method = "rules",
    metadata: Metadata | None = None,
    profile: Profile = "accurate",
) -> QuotesResult:
    sources = [raw.source for raw in raws if raw.source]
    resolver = SpeakerResolver(doc, entities, quotes + _single_quoted_contents(text, raws), metadata, sources, profile)
    speakers = [resolver.resolve(raw.source, raw.cue) for raw in raws]
    speakers = [
        signed_by(text, raw, speaker, profile) if raw.kind == POST else speaker
        for raw, speaker in zip(raws, speakers, strict=True)
    ]
    people = (
        [(m.start, m.end) for e in entities.entities if e.label == "PERSON" for m in e.mentions] if entities else []
    )
    _inherit_speakers(text, raws, speakers, profile, people)
    speakers = [
        _named_in_the_content(text, raw, speaker, entities) for raw, speaker in zip(raws, speakers, strict=True)
    ]
    attributions = []
    for i, (raw, speaker) in enumerate(zip(raws, speakers, strict=True)):
        style: QuoteStyle = "direct" if raw.kind == POST else quote_style(text, raw.content)
        attributions.append(
            Attribution(
                id=i,
                source=_quote_spans(text, [raw.source] if raw.source else []),
                cue=_quote_spans(text, raw.cue),
                content=_quote_spans(text, raw.content),
                direct=style == "direct",
                style=style,
                speaker=speaker,
            )
        )
    return QuotesResult(method=method, attributions=attributions, speakers=group_by_speaker(attributions))


class QuotesConfig(BaseModel):
    method: Literal["auto", "rules", "tagger", "encoder", "combined"] = Field(
        "auto",
        description=(
            "auto: rules in fast, the CRF tagger in accurate, in best the tagger's probabilities averaged with the "
            "shared encoder's (combined); encoder: the shared encoder's tags alone (best profile only)."
        ),
    )
    encoder_weight: float = Field(
        ENCODER_WEIGHT,
        ge=0.0,
        le=1.0,
        description="combined: the shared encoder's share of the averaged tag probabilities (the CRF has the rest).",
    )


@register
class QuotesAnalyser(Analyser[QuotesResult, QuotesConfig]):
    name = "quotes"
    version = 1
    languages = ENGLISH  # English-trained models: not run on articles in other languages
    title = "Quotes and speakers"
    description = "Who said what: direct and indirect speech, cues, and speakers resolved with their roles."
    requires = ("entities",)
    Result = QuotesResult
    Config = QuotesConfig

    def method(self, profile: Profile) -> Method:
        chosen = self.config.method
        if chosen != "auto":
            return chosen
        if profile == "fast" or not MODEL_PATH.exists():
            return "rules"
        return "combined" if profile == "best" else "tagger"

    def _tagged(
        self,
        article: Article,
        doc: Doc,
        raws: list[RawAttribution],
        quotes: list[QuoteRegion],
        method: Method,
        context: AnalysisContext,
    ) -> list[RawAttribution]:
        if method == "tagger":
            return context.resource("quotes.crf", QuoteTagger).attributions(doc, raws, quotes)
        # the article's one encoder pass (propaganda reads it with the headline too)
        encoding = mpnet.encode_text_part(context, article.text, article.metadata.title or "")
        if method == "encoder":
            return encoder_attributions(doc, encoding)
        marginals = context.resource("quotes.crf", QuoteTagger).marginals(doc, raws, quotes)
        return combined_attributions(doc, encoding, marginals, self.config.encoder_weight)

    def run(self, article: Article, doc: Doc, context: AnalysisContext) -> QuotesResult:
        entities = context.results.get("entities")
        entities = entities if isinstance(entities, EntitiesResult) else None
        quotes = find_quotes(article.text)  # found once: the rules, the tagger and the continuations share them
        raws = find_attributions(doc, quotes)
        method = self.method(context.profile)
        if method != "rules":
            rules = raws
            tagged = self._tagged(article, doc, rules, quotes, method, context)
            tagged = [att for att in tagged if not has_participle_on_content_cue(doc, att)]  # before sources are lent
            tagged = contents_after_their_cue(doc, follow_quote_marks(article.text, tagged, quotes), rules)
            tagged = repair_sources(doc, refine_with_rules(article.text, tagged, rules), quotes)
            if method == "tagger":  # the shared encoder's tags keep the outer attribution (quotes model card)
                tagged = with_outer_attributions(doc, tagged, rules)
            tagged = with_missed_sayings(doc, release_quotes_said_after(doc, tagged, quotes), rules)
            raws = prefer_signed_quotes(borrow_rule_cues(tagged, rules), rules)
            raws = drop_earlier_sentences(doc, drop_unanchored(article.text, raws))
            raws = with_missed_sayings(doc, drop_contents_apart(article.text, raws), rules)  # what the drops freed
        not_saying = NOT_SAYING if method in ENCODER_METHODS else TAGGER_NOT_SAYING
        raws = [raw for raw in raws if not any(says_nothing(doc, raw) for says_nothing in not_saying)]
        raws = merge_duplicates(doc, attach_continuations(article.text, raws, quotes))
        sources = [raw.source for raw in raws if raw.source is not None]
        for raw in raws:
            raw.content = without_a_lone_it(doc, outside_the_cue(article.text, raw))
            raw.content = [ending_with_its_quote(span, quotes) for span in raw.content]
            raw.content = [
                after_dateline(doc, without_dangling_conjunction(article.text, close_brackets(article.text, span)))
                for span in close_cut_clause(doc, raw, sources)
            ]
            raw.cue = cue_with_its_negation(doc, raw)
            keep = raw.source is not None and not has_sourceless_cue(doc, raw)
            raw.source = trim_source(doc, raw.source) if raw.source is not None and keep else None
            raw.source_head = raw.source_head if keep else None
        raws = with_posts(article.text, raws, article.posts)
        profile = context.profile or self.profile
        return build_result(article.text, doc, raws, entities, quotes, method, article.metadata, profile)
