"""Rule-based attribution finder over a spaCy parse: cue verbs, their subjects, clauses and quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from ...weights import WEIGHTS_DIR
from ..nlp import text_of
from ..spans import CharSpan, join_touching, line_around
from .cues import (
    ABILITY_DUTY_MODALS,
    ACCORDING_TO,
    ADDRESSEE_VERBS,
    ALL_QUOTE_CHARS,
    AS_VERBS,
    CLAUSE_CUE_VERBS,
    COMPLEMENT_VERBS,
    CONTENT_CHILD_DEPS,
    CUE_LEAD_VERBS,
    CUE_PARTICLES,
    DOUBLE_OPENERS,
    EMPTY_CUE_VERBS,
    HYPOTHETICAL_MARKS,
    MENTAL_VERBS,
    MIN_UNCUED_QUOTE_WORDS,
    QUOTING_MARKS,
    SINGLE_OPENERS,
    SOURCELESS_CUES,
    SPEECH_VERBS,
    SUBJECT_DEPS,
)
from .marks import QuoteRegion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "RawAttribution",
    "attach_continuations",
    "close_brackets",
    "cue_says",
    "cue_subject",
    "find_attributions",
    "has_action_content",
    "has_empty_content",
    "has_proposition_source",
    "has_relative_clause_content",
    "has_ability_or_duty_cue",
    "has_empty_cue",
    "has_hypothetical_cue",
    "has_naming_or_sighting_cue",
    "has_topic_only_passive_cue",
    "has_content_inside_its_source",
    "has_cue_inside_a_clause_said",
    "has_participle_on_content_cue",
    "has_never_cue",
    "has_rare_cue_and_no_quote_marks",
    "has_sourceless_cue",
    "has_wordless_cue_and_no_source",
    "has_imperative_cue",
    "has_content_cut_at_its_cue",
    "close_cut_clause",
    "without_quote_said_after",
    "after_dateline",
    "without_dangling_conjunction",
    "has_yes_no_question_cue",
    "is_dateline",
    "is_plain_saying",
    "opens_with_dateline",
    "merge_duplicates",
    "subject_tagged_as_content",
    "phrase_roots",
    "trim_source",
    "without_a_lone_it",
]

_LEFT_GAP = re.compile(r"^[\s,;:\-–—]*$")
# Between a cue clause and the quote it opens: "said, “…", "said that “…"; or a colon ending the paragraph
# with the quote opening the next one ("Caddell continued:" / "“The health issue …”").
_RIGHT_GAP = re.compile(r"^[ \t]*(?:[,:.]?[ \t]*(?:that\s+)?)?$|^[ \t]*:[ \t]*\n\s*$")
_TRIM_END = ".,;: \t\n\r\u00a0"
_MAX_SOURCE_WORDS = 12
_QUOTE_CLOSERS = ",.;:!? ”\"’'»"
_MAX_DESCRIBING_CHARS = 80  # a participle phrase between a quote and its cue ('” announced in October, said')


@dataclass
class RawAttribution:
    """One attribution as character spans, before speaker resolution."""

    cue: list[CharSpan]
    content: list[CharSpan]
    source: CharSpan | None = None
    source_head: int | None = None  # token index of the source's head word
    kind: str = "verb"  # verb | according | quote | post

    @property
    def content_start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def content_end(self) -> int:
        return max(e for _, e in self.content)


def _token_span(tokens: list[Token]) -> CharSpan:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _subtree_span(token: Token) -> CharSpan:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def trim_span(text: str, span: CharSpan) -> CharSpan | None:
    """Strip spaces and clause punctuation at the ends; keep closing quote marks, and keep a bracket
    that closes one opened inside the span ("Islamic State (IS, formerly ISIS/ISIL)")."""
    start, end = span
    while start < end and (text[start] in _TRIM_END + "—–-" or (text[start] == "(" and ")" not in text[start:end])):
        start += 1
    while end > start and (
        text[end - 1] in _TRIM_END + "—–-" or (text[end - 1] == ")" and _unbalanced_close(text[start:end]))
    ):
        end -= 1
    return (start, end) if end > start else None


_DANGLING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|or|but|nor)\s*$", re.IGNORECASE)


def without_dangling_conjunction(text: str, span: CharSpan) -> CharSpan:
    """A content the tags cut after a conjunction ('… his “pain and shame,” and', '… doctrine clearly and') ends
    before it."""
    start, end = span
    dangling = _DANGLING_CONJUNCTION.search(text, start, end)
    return (start, dangling.start()) if dangling is not None and dangling.start() > start else span


def _unbalanced_close(chunk: str) -> bool:
    return chunk.count(")") > chunk.count("(")


# The rest of an open bracket: up to its closing mark, in the same sentence and line.
_CLOSING_BRACKET = re.compile(r"[^()\[\]\n.!?]{0,80}?[)\]]")


def close_brackets(text: str, span: CharSpan) -> CharSpan:
    """A content that opens a bracket runs on to its closing mark: "… (IS, formerly ISIS/ISIL)"."""
    start, end = span
    chunk = text[start:end]
    while chunk.count("(") + chunk.count("[") > chunk.count(")") + chunk.count("]"):
        m = _CLOSING_BRACKET.match(text, end)
        if m is None:
            break
        end = m.end()
        chunk = text[start:end]
    return start, end


_WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})


def _cut_clause(doc: Doc, att: RawAttribution) -> Token | None:
    """The verb of the clause a content cuts off after its relative or question word: '… a participant in what |
    's been portrayed as …' (the tags stopped at a second cue), '… hoping that he could get what | he wanted'."""
    words = [t for t in _tokens_of(doc, att.content[-1:]) if _is_word(t)]
    if not words or words[-1].tag_ not in _WH_TAGS or words[-1].head.i <= words[-1].i:
        return None  # 'who knew what' ends its own clause
    return words[-1].head


def has_content_cut_at_its_cue(doc: Doc, att: RawAttribution) -> bool:
    """The content ends in a word of the clause that holds the cue: 'hoping that he could get what | he | wanted' is
    no wanting."""
    clause = _cut_clause(doc, att)
    return clause is not None and any(t in clause.subtree for t in _tokens_of(doc, att.cue))


def _reports_a_saying(clause: Token) -> bool:
    """'… the test, which | state news media claimed …': a relative clause whose verb of saying has a subject of its
    own."""
    return clause.lemma_.lower() in SPEECH_VERBS and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in _WH_TAGS for c in clause.children
    )


def close_cut_clause(doc: Doc, att: RawAttribution, sources: Sequence[CharSpan]) -> list[CharSpan]:
    """A content that stops after a relative or question word runs on to the end of that word's clause ('… a
    participant in what's been portrayed as an outside or "irregular" channel of Ukraine policy'); when the clause
    holds a source (its own or another saying's: '… his personal donations, which | he said were …') or reports a
    saying, the content ends before the word instead."""
    clause = _cut_clause(doc, att)
    if clause is None:
        return att.content
    start, end = att.content[-1]
    words = [t for t in clause.subtree if _is_word(t) and t.sent == clause.sent]
    clause_start, clause_end = words[0].idx, words[-1].idx + len(words[-1])
    if any(clause_start <= s < clause_end for s, _ in sources) or _reports_a_saying(clause):
        kept = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if t.idx < clause_start]
        while kept and not _is_word(kept[-1]):
            kept.pop()
        return [*att.content[:-1], (start, kept[-1].idx + len(kept[-1]))] if kept else att.content
    return [*att.content[:-1], (start, max(end, clause_end))]


def _snap_to_quotes(span: CharSpan, quotes: list[QuoteRegion], slack: int = 3) -> CharSpan:
    """Grow a span whose end sits just inside a quoted region's mark so it takes the mark."""
    start, end = span
    for q in quotes:
        if q.start < end and start < q.end:
            if 0 < start - q.start <= slack:
                start = q.start
            if 0 < q.end - end <= slack:
                end = q.end
    return start, end


# How a verb hangs from the clause whose subject it shares: 'went on to say' (xcomp), 'saying' (advcl),
# 'and urged' (conj), 'started off by emphasizing' / 'before asking' (pcomp of a preposition: prep),
# 'was quick to deny' / 'will be unable to ... accuse' (acomp).
_SHARES_SUBJECT = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "acomp"})
# verbs whose object did what their infinitive says ('prompted some users to argue': the users argued); not a request
# ('invited Clinton to describe …', 'urged him to say …'), which tells nothing of what the object said
OBJECT_CONTROL_VERBS = frozenset(
    {"prompt", "lead", "cause", "force", "compel", "drive", "provoke", "inspire", "spur", "persuade", "convince", "get"}
)


def find_subject(verb: Token) -> Token | None:
    """The verb's subject, climbing through 'went on to say', 'saying', 'by announcing', conjoined verbs; the object
    of a verb that made it happen ('prompted some users | to argue', `_object_controller`); the
    passive subject of the verb it hangs on (`_shares_passive_subject`: 'was quoted as saying', 'Swift has a new deal,
    and the Carlyle Group will be left to wonder').

    None for a bare passive participle ('when asked about …', 'Told of the ruling, …') and for a passive verb
    with its own subject ('he was told that …'): the one asked or told, not who spoke."""
    if _reduced_passive(verb):
        return None
    controller = _object_controller(verb)
    if controller is not None:
        return controller
    current: Token | None = verb
    previous = verb
    for _ in range(5):
        if current is None:
            return None
        at = current.i
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "nsubjpass"]
        if subjects:  # the nearest: a dateline parsed as a second subject ("BUFFALO, N.Y. — …") stands further
            return min(subjects, key=lambda c: abs(c.i - at))
        for child in current.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        passive = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and current is verb:
            return None  # 'he was told that …': the one told
        if passive is not None and _shares_passive_subject(previous):
            return passive
        if current.dep_ in _SHARES_SUBJECT and current.head is not current:
            previous, current = current, current.head
        else:
            return None
    return None


def _object_controller(verb: Token) -> Token | None:
    """The object that did what an infinitive says, when the verb above it made that happen: 'users' in 'The video
    prompted some users to argue'."""
    above = verb.head
    if verb.dep_ != "xcomp" or above.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    return next((c for c in above.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _shares_passive_subject(below: Token) -> bool:
    """A verb hanging on a passive one as an infinitive ('will be left | to wonder'), through 'as' ('was quoted | as
    saying') or as its conjunct ('was shot … and | is now speaking out') has the passive subject for its own (not a
    participle after a comma, which the parse often hangs on the wrong verb)."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
    return infinitive or (below.dep_ == "prep" and below.lower_ == "as") or below.dep_ == "conj"


def _reduced_passive(verb: Token) -> bool:
    """'when asked about …': a participle of a verb whose passive subject is the one spoken to, alone in its clause."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in ADDRESSEE_VERBS
        and verb.dep_ in {"advcl", "acl"}
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "dobj"} for c in verb.children)
    )


def _source_span(subject: Token, verb: Token) -> CharSpan:
    """The subject's whole phrase (appositions and relative clauses too), on its side of the verb; a phrase the parse
    cut at a hyphen ('study co' | '-author Anezina Solomonidou, …', two subjects) runs on through the other part."""
    same_side = sorted((t for t in subject.subtree if (t.i < verb.i) == (subject.i < verb.i)), key=lambda t: t.i)
    run = [subject]
    for t in reversed([t for t in same_side if t.i < subject.i]):
        if t.i != run[0].i - 1:
            break
        run.insert(0, t)
    for t in [t for t in same_side if t.i > subject.i]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    run += _through_hyphen(run[-1], verb)
    while len(run) > 1 and (run[-1].is_punct or run[-1].is_space):
        run.pop()
    while len(run) > 1 and (run[0].is_punct or run[0].is_space):
        run.pop(0)
    return _token_span(run)


def _through_hyphen(last: Token, verb: Token) -> list[Token]:
    """The tokens after `last` that finish its word ('co' + '-author') and the phrase that word part heads, on the
    same side of the verb; none when no hyphen follows `last` directly."""
    doc = last.doc
    after = last.i + 1
    if last.whitespace_ or after >= len(doc) or doc[after].text != "-" or doc[after].whitespace_:
        return []
    side = [t for t in doc[after].head.subtree if t.i >= after and (t.i < verb.i) == (last.i < verb.i)]
    rest: list[Token] = []
    for t in side:
        if t.i != after + len(rest):
            break
        rest.append(t)
    return rest


def cue_subject(doc: Doc, att: RawAttribution, quotes: list[QuoteRegion]) -> tuple[CharSpan, int] | None:
    """A source for an attribution that has none: the subject (or passive agent) of its cue's verb,
    climbing through 'saying', 'and urged', 'went on to say'; for a noun cue ("Trump's claim") its
    possessor. None when that phrase lies inside the content or a quote."""
    tokens = [t for start, end in att.cue for t in doc.char_span(start, end, alignment_mode="expand") or []]
    verbs = sorted((t for t in tokens if t.pos_ in {"VERB", "AUX"}), key=lambda t: t.lemma_.lower() not in SPEECH_VERBS)
    found = [(subject, verb) for verb in verbs if (subject := find_subject(verb)) is not None]
    found += [(c, t) for t in tokens if t.pos_ == "NOUN" for c in t.children if c.dep_ == "poss"]
    taken = [*att.content, *((q.start, q.end) for q in quotes)]
    for subject, verb in found:
        span = _source_span(subject, verb)
        if not _inside_text_of(span, taken):
            return span, subject.i
        outer = _outer_subject(subject, taken)
        if outer is not None:
            return outer
    if not found:
        return _name_between_quote_and_verb(doc, verbs, quotes)
    return None


def _name_between_quote_and_verb(
    doc: Doc, verbs: list[Token], quotes: list[QuoteRegion]
) -> tuple[CharSpan, int] | None:
    """“…,” Flynn, a top Trump surrogate, said — when the parse gives the verb no subject (it hangs the
    name under the quote), the words between the handing-over quote and the verb are the source."""
    text = text_of(doc)
    for verb in verbs:
        before = [q for q in quotes if q.end <= verb.idx and _hands_over(text, q)]
        if not before:
            continue
        gap = trim_span(text, (before[-1].end, verb.idx))
        if gap is None or not 1 <= len(text[gap[0] : gap[1]].split()) <= _MAX_SOURCE_WORDS:
            continue
        words = doc.char_span(*gap, alignment_mode="expand")
        if words is None or not words[0].pos_ == "PROPN" or any(t.pos_ in {"VERB", "AUX"} or t.is_quote for t in words):
            continue
        if "\n" in text[before[-1].end : verb.idx]:
            continue
        return gap, words[0].i
    return None


def subject_tagged_as_content(doc: Doc, att: RawAttribution) -> tuple[CharSpan, int, CharSpan] | None:
    """A content piece, besides others, that is only the subject of the cue's verb (at most one word
    before it): 'As President Obama | appears set to veto …', '“…,” | the ruling | said'. Returns the
    subject's span and head, and the piece to drop from the content."""
    if len(att.content) < 2:
        return None
    text = text_of(doc)
    for start, end in att.cue:
        for verb in doc.char_span(start, end, alignment_mode="expand") or []:
            subject = find_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
            if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:  # not "it seems", "which appears"
                continue
            span = _source_span(subject, verb)
            for piece in att.content:
                lead = text[piece[0] : span[0]]
                if span[0] <= piece[1] <= span[1] and len(lead.split()) <= 1 and not set(lead) & ALL_QUOTE_CHARS:
                    return span, subject.i, piece
    return None


def _outer_subject(subject: Token, taken: list[CharSpan]) -> tuple[CharSpan, int] | None:
    """A subject inside the quoted words belongs to the quote's own clause ('… Trump," Sanders said,
    suggesting …' parsed with 'suggesting' under the quote's verb): the speaker is the subject of the
    reporting clause that the quote's verb hangs from, outside the quote."""
    clause = subject.head
    for _ in range(3):
        if clause.dep_ not in {"ccomp", "parataxis", *_SHARES_SUBJECT} or clause.head is clause:
            return None
        clause = clause.head
        outer = find_subject(clause)
        if outer is None:
            continue
        span = _source_span(outer, outer.head)
        if not _inside_text_of(span, taken):
            return span, outer.i
    return None


def _inside_text_of(span: CharSpan, spans: list[CharSpan]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _cue_tokens(verb: Token) -> list[Token]:
    """The verb with its particles ('called on', 'pointed out') and light-verb lead ('went on to say')."""
    tokens = [verb]
    allowed = CUE_PARTICLES.get(verb.lemma_.lower(), frozenset())
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in allowed):
            tokens.append(child)
    head = verb.head
    if verb.dep_ in {"xcomp", "advcl"} and head.lemma_.lower() in CUE_LEAD_VERBS and head.i < verb.i:
        tokens.extend(t for t in head.doc[head.i : verb.i])
    elif _is_speech_gerund(verb):
        tokens.extend(t for t in head.doc[head.i : verb.i])
    return sorted(set(tokens), key=lambda t: t.i)


def _is_speech_gerund(verb: Token) -> bool:
    """'dismissed the allegations, saying ...': the gerund carries the content of its head cue, when that cue has no
    clause of its own ('said that the army could be deployed, warning: “…”' is two sayings)."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and head.i < verb.i
        and _is_cue_verb(head)
        and verb.lemma_.lower() in SPEECH_VERBS
        and bool(_clause_content(verb))
        and not _clause_content(head)
    )


def _has_speech_gerund(verb: Token) -> bool:
    return any(_is_speech_gerund(child) for child in verb.children)


def _is_cue_verb(token: Token) -> bool:
    """A reporting verb used as a verb ('so-called' and 'the said report' are not), or one that reports only with a
    clause after it ('pointed out that …')."""
    if token.pos_ != "VERB" or token.dep_ in {"amod", "compound"}:
        return False
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or (lemma in CLAUSE_CUE_VERBS and _takes_a_finite_clause(token))


def _takes_a_finite_clause(verb: Token) -> bool:
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(t.tag_ in FINITE_VERB_TAGS for t in c.subtree) for c in verb.children
    )


def _clause_content(verb: Token) -> list[CharSpan]:
    """`said that ...`: the verb's clausal complement."""
    return [_subtree_span(c) for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i] or [
        _subtree_span(c) for c in verb.children if c.dep_ == "ccomp"
    ]


def _as_content(verb: Token) -> tuple[list[CharSpan], list[Token]]:
    """`labelled X as “...” and “...”`: the nearest as-phrase right of the verb, with conjuncts."""
    as_preps = [t for t in verb.subtree if t.i > verb.i and t.dep_ == "prep" and t.lower_ == "as"]
    for prep in as_preps[:1]:
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if not objects:
            continue
        end = max(o.right_edge.i for o in objects)
        conj_ends = [c.right_edge.i for c in prep.head.children if c.dep_ == "conj" and c.i > prep.i]
        end = max([end, *conj_ends])
        return [_token_span(list(verb.doc[prep.i + 1 : end + 1]))], [prep]
    return [], []


def _complement_content(verb: Token, subject: Token | None) -> list[CharSpan]:
    """`urged them to ...`, `accused X of ...`: object and complements right of the verb."""
    skip = {subject.i} if subject is not None else set()
    allowed = CUE_PARTICLES.get(verb.lemma_.lower(), frozenset())
    kids = [
        c
        for c in verb.children
        if c.i > verb.i
        and c.dep_ in CONTENT_CHILD_DEPS
        and c.i not in skip
        and not (c.dep_ == "prep" and c.lower_ in allowed and not list(c.children))
    ]
    kids = [c for c in kids if not (c.dep_ == "advcl" and c.lemma_.lower() in SPEECH_VERBS)]
    if not kids:
        return []
    doc = verb.doc
    first = min(k.left_edge.i for k in kids)
    last = max(k.right_edge.i for k in kids)
    particles = {t.i for t in _cue_tokens(verb)}
    while first in particles and first <= last:
        first += 1
    return [_token_span(list(doc[first : last + 1]))] if first <= last else []


def _hands_over(text: str, q: QuoteRegion) -> bool:
    """“…,” Lavrov said: a comma before the closing mark hands the quote over to the cue."""
    inner = text[q.start : q.end].rstrip("”\"'’»“ ")
    return inner.endswith(",")


def _opened_by_cue(doc: Doc, q: QuoteRegion) -> bool:
    """he said, “…,” the office said: the quote is the words of the cue right before it."""
    before = doc.char_span(q.start, q.start + 1, alignment_mode="expand")
    at = before[0].i if before is not None and len(before) else 0
    previous = [t for t in doc[max(0, at - 2) : at] if not t.is_space]
    if previous and previous[-1].text in {",", ":"}:
        previous = previous[:-1]
    return bool(previous) and _is_cue_verb(previous[-1])


def _adjacent_quotes(doc: Doc, quotes: list[QuoteRegion], clause: CharSpan, has_content: bool) -> list[CharSpan]:
    """Quotes right before (“…,” Lavrov said) and right after (Lavrov said, “…”) the cue clause; a quote
    right after another cue ("he said, “…,” the office said") is that cue's."""
    text = text_of(doc)
    found: list[CharSpan] = []
    for q in quotes:
        if q.end <= clause[0] and (
            _LEFT_GAP.match(gap := text[q.end : clause[0]]) or _describes_the_quote(doc, q, gap)
        ):
            if (not has_content or _hands_over(text, q)) and not _opened_by_cue(doc, q):
                found.append((q.start, q.end))
        elif q.start >= clause[1] and _RIGHT_GAP.match(gap := text[clause[1] : q.start]):
            if not (has_content and "." in gap) and not _handed_to_its_own_cue(doc, q):
                found.append((q.start, q.end))
    return found


def _describes_the_quote(doc: Doc, q: QuoteRegion, between: str) -> bool:
    """“… than just the little deal” announced in October, said Scissors: what stands `between` the quote and its cue
    is a participle describing a noun of the quote, then a comma."""
    if len(between) > _MAX_DESCRIBING_CHARS or not between.rstrip().endswith(","):
        return False  # the cheap test first: every quote before every cue comes here
    gap = doc.char_span(q.end, q.end + len(between), alignment_mode="contract")
    words = [t for t in gap or [] if not t.is_space]
    if len(words) < 2 or words[-1].text != ",":
        return False
    participle = words[0]
    phrase = {t.i for t in participle.subtree}
    return _describes_a_noun_in(participle, [(q.start, q.end)]) and all(t.i in phrase for t in words[:-1])


def _cue_handed_to(doc: Doc, q: QuoteRegion) -> Token | None:
    """“…,” Smith said: the cue verb right after a quote whose comma hands it over; None when there is none."""
    if not _hands_over(text_of(doc), q):
        return None
    after = doc.char_span(q.end - 1, q.end, alignment_mode="expand")
    at = after[-1].i + 1 if after is not None and len(after) else len(doc)
    return next((t for t in doc[at : at + 5] if _is_cue_verb(t)), None)


def _handed_to_its_own_cue(doc: Doc, q: QuoteRegion) -> bool:
    """“…,” Smith said: a comma hands the quote to the cue right after it, not to the sentence before."""
    return _cue_handed_to(doc, q) is not None


def _said_by_the_cue_after(doc: Doc, q: QuoteRegion) -> bool:
    """“…,” she said / “…,” said Smith: the quote is handed on to a cue with a subject of its own."""
    cue = _cue_handed_to(doc, q)
    return cue is not None and _has_subject(cue)


def without_quote_said_after(doc: Doc, att: RawAttribution, quotes: Sequence[QuoteRegion]) -> list[CharSpan]:
    """'Buckley learned who had written the song, she was only half-surprised: “It made sense …,” she said': a quote
    opened after a colon and handed on to a cue with a subject of its own is that cue's, not the end of the content
    of a cue before it, which ends at the colon."""
    text = text_of(doc)
    cue_end = max((end for _, end in att.cue), default=len(text))
    for i, (start, end) in enumerate(att.content):
        q = _quote_opened_by_colon(text, quotes, (start, end)) if cue_end <= start else None
        if q is not None and _said_by_the_cue_after(doc, q):
            lead = text[start : q.start].rstrip()[:-1]
            kept = [(start, start + len(lead.rstrip()))] if lead.strip() else []
            return [*att.content[:i], *kept, *att.content[i + 1 :]]
    return att.content


def _quote_opened_by_colon(text: str, quotes: Sequence[QuoteRegion], span: CharSpan) -> QuoteRegion | None:
    """The quote a span ends in, give or take closing punctuation, that the writer opened after a colon inside the span
    ('she was only half-surprised: “It made sense …,”')."""
    start, end = span
    for q in quotes:
        tail = text[end : q.end] if end <= q.end else text[q.end : end]
        if start < q.start < end and not tail.strip(_QUOTE_CLOSERS) and text[start : q.start].rstrip().endswith(":"):
            return q
    return None


def _continuation_quote(text: str, quotes: list[QuoteRegion], verb: Token, content: list[CharSpan]) -> list[CharSpan]:
    """“A,” X said on Monday. “B.” — the quote opening the next sentence of the paragraph goes on."""
    if not any(q.end <= verb.idx and (q.start, q.end) in content for q in quotes):
        return []
    sentence_end = verb.sent.end_char
    for q in quotes:
        if q.start >= sentence_end:
            gap = text[sentence_end : q.start]
            goes_on = not gap.strip() and "\n" not in gap and not _handed_to_its_own_cue(verb.doc, q)
            return [(q.start, q.end)] if goes_on else []
    return []


_DATELINE_END = re.compile(r"[^\n]{0,60}?(?:\s[—–]|:)\s+")


def after_dateline(doc: Doc, span: CharSpan) -> CharSpan:
    """'VIENNA — The house … will be turned into a police station, the minister said': a dateline opening the content
    says where the story was filed, not what was said."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or not len(words) or not is_dateline(words[0]):
        return span
    end = _DATELINE_END.match(text_of(doc), span[0], span[1])
    return (end.end(), span[1]) if end is not None else span


def _without_lead_in(text: str, quotes: list[QuoteRegion], span: CharSpan, verb: Token) -> CharSpan:
    """'By the time Buckley learned who wrote it, she was only half-surprised: “It made sense …,” she said': of a
    content before its cue that ends in a quote opened after a colon, the quote is what was said; the words before
    the colon are the writer's."""
    q = _quote_opened_by_colon(text, quotes, span) if span[1] <= verb.idx else None
    return (q.start, q.end) if q is not None else span


def _structural_content(verb: Token, subject: Token | None) -> tuple[list[CharSpan], list[Token]]:
    """Content from the parse: as-phrase, clausal complement, or object + complements."""
    lemma = verb.lemma_.lower()
    if lemma in AS_VERBS:
        content, extra_cue = _as_content(verb)
        if content:
            return content, extra_cue
    content = _clause_content(verb) or _misparsed_clause(verb)
    if not content and lemma in COMPLEMENT_VERBS:
        content = _complement_content(verb, subject)
    return content, []


# Where a saying was made, as a noun the parse may hang the saying's that-clause on ('says in a statement that …')
_OCCASION_NOUNS = frozenset("statement interview letter post tweet email speech release briefing conference".split())


def _misparsed_clause(verb: Token) -> list[CharSpan]:
    """The clause said, where the parse did not make it the verb's complement: 'He said legalizing it could put
    thousands to work' (an -ing clause read as the verb's xcomp; not 'said to be', an infinitive), 'Weaver says in a
    statement that the race will now be …' (the that-clause hung on the statement)."""
    for child in (c for c in verb.children if c.i > verb.i):
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and _holds_a_finite_verb(child):
            return [_subtree_span(child)]
        clause = _that_clause_on_an_occasion(child) if child.dep_ == "prep" else None
        if clause is not None:
            return [_subtree_span(clause)]
    return []


def _holds_a_finite_verb(head: Token) -> bool:
    return any(t.tag_ in FINITE_VERB_TAGS for t in head.subtree if t is not head)


def _that_clause_on_an_occasion(prep: Token) -> Token | None:
    """The that-clause hung on the noun of a preposition's object that names an occasion ('in a statement that …')."""
    nouns = [g for g in prep.children if g.dep_ == "pobj" and g.lower_ in _OCCASION_NOUNS]
    clauses = [c for noun in nouns for c in noun.children if c.dep_ in {"acl", "relcl"} and _opened_by_that(c)]
    return clauses[0] if clauses else None


def _opened_by_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _verb_attribution(verb: Token, text: str, quotes: list[QuoteRegion]) -> RawAttribution | None:
    lemma = verb.lemma_.lower()
    subject = find_subject(verb)
    if subject is not None and _quoted_apart(subject, verb, quotes):
        subject = None
    named = _name_between_quote_and_verb(verb.doc, [verb], quotes) if subject is None else None
    cue = _cue_tokens(verb)
    content, extra_cue = _structural_content(verb, subject)
    content = [_without_lead_in(text, quotes, span, verb) for span in content]
    cue = sorted({*cue, *extra_cue}, key=lambda t: t.i)
    if not content or lemma not in COMPLEMENT_VERBS:
        clause_tokens = [*cue, *(list(subject.subtree) if subject is not None else [])]
        clause = (min(t.idx for t in clause_tokens), max(t.idx + len(t) for t in clause_tokens))
        clause = (named[0][0], clause[1]) if named is not None else clause
        content += _adjacent_quotes(verb.doc, quotes, clause, bool(content))
    if not content and subject is not None and not any(q.start <= verb.idx < q.end for q in quotes):
        content = _parenthetical_content(verb)
    if not content:
        return None
    content += _continuation_quote(text, quotes, verb, content)
    paragraph = line_around(text, verb.idx)
    content = [clipped for span in content if (clipped := _clip(span, paragraph, quotes)) is not None]
    spans = _clean_spans(text, content, quotes, cue)
    if not spans:
        return None
    source, head = (_source_span(subject, verb), subject.i) if subject is not None else named or (None, None)
    if source is not None and _clip(source, paragraph, []) != source:
        source, head = None, None
    return RawAttribution(cue=_merge_cue(cue), content=spans, source=source, source_head=head)


_PARENTHESIS_MARKS = frozenset({",", "—", "–"})
_PARENTHETICAL_MIN_WORDS = 3


def _parenthetical_content(verb: Token) -> list[CharSpan]:
    """'The economy, he said, is growing', 'But, he said, he was afraid of …': a saying set off by commas or dashes
    inside the clause it reports, which the parse hangs on that clause's verb; the content is the clause around it.
    Not an aside of knowing or thinking ('that, you know, again …', 'Amongst ourselves, we know, …')."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in MENTAL_VERBS:
        return []
    doc = verb.doc
    inner = [t.i for t in verb.subtree]
    first, last = min(inner), max(inner)
    before = first if doc[first].text in _PARENTHESIS_MARKS else first - 1  # the parse may hang the marks on it
    after = last if doc[last].text in _PARENTHESIS_MARKS and last > verb.i else last + 1
    if before < 0 or after >= len(doc) or doc[before].text not in _PARENTHESIS_MARKS:
        return []
    if doc[after].text not in _PARENTHESIS_MARKS:
        return []
    taken = {*inner, before, after}
    words = [t for t in head.subtree if t.i not in taken]
    while words and (words[0].is_punct or words[0].pos_ in _LINKING_POS):
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    if sum(_is_word(t) for t in words) < _PARENTHETICAL_MIN_WORDS:
        return []
    runs: list[list[Token]] = []
    for token in words:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return [_token_span(run) for run in runs]


_DATE_LEAD = frozenset(
    {"on", "in", "at", "during", "just", "earlier", "later", "this", "last", "next", "early", "late"}
)


def _tokens_of(doc: Doc, spans: Sequence[CharSpan]) -> list[Token]:
    return [t for start, end in spans for t in doc.char_span(start, end, alignment_mode="expand") or []]


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def _cue_words(doc: Doc, att: RawAttribution) -> list[Token]:
    return [t for t in _tokens_of(doc, att.cue) if _is_word(t)]


def cue_says(doc: Doc, att: RawAttribution) -> bool:
    """The cue holds a verb of saying ('was told'; not 'who surprised the audience')."""
    return any(t.lemma_.lower() in SPEECH_VERBS for t in _cue_words(doc, att))


def has_sourceless_cue(doc: Doc, att: RawAttribution) -> bool:
    """The cue is only 'seems' / 'appeared': its subject is the topic, not a source."""
    words = _cue_words(doc, att)
    return bool(words) and all(t.lemma_.lower() in SOURCELESS_CUES for t in words)


def is_dateline(head: Token) -> bool:
    """'BUFFALO, N.Y. —', 'NEW DELHI:': words in capitals opening their paragraph, followed by a comma or a dash;
    or a place name so followed by a long dash ('Indianapolis – Several thousand teachers …')."""
    doc = head.doc
    opens_line = head.i == 0 or "\n" in doc[head.i - 1].whitespace_ or doc[head.i - 1].text.strip() == ""
    after = head.i + 1
    if head.text.isupper() and len(head.text) > 2:
        while after < len(doc) and doc[after].text.isupper() and doc[after].is_alpha:
            after += 1
        return opens_line and after < len(doc) and doc[after].text in {",", "—", "–", "-", "(", ":"}
    following = doc[after].text if after < len(doc) else ""
    return opens_line and following in {"—", "–"} and head.ent_type_ == "GPE"


def opens_with_dateline(doc: Doc, source: CharSpan) -> bool:
    """The source span is a dateline ('BUFFALO, N.Y.'), not a speaker."""
    span = doc.char_span(source[0], source[1], alignment_mode="expand")
    return span is not None and len(span) > 0 and is_dateline(span[0])


def has_wordless_cue_and_no_source(doc: Doc, att: RawAttribution) -> bool:
    """Nobody and no word says it: a colon or an ellipsis with no source ('they note that the army took to the
    streets …: a “voluntary clean-up activity”')."""
    return att.source is None and bool(att.cue) and not _cue_words(doc, att)


def has_imperative_cue(doc: Doc, att: RawAttribution) -> bool:
    """The writer tells the reader to think something ('Remember New Jersey’s epic quest …?', 'Note that …'): the cue
    opens its sentence as a bare verb with no subject, and no source is named."""
    words = _cue_words(doc, att)
    if att.source is not None or not words:
        return False
    verb = words[0]
    before = doc[verb.sent.start : verb.i]
    return (
        verb.tag_ == "VB"
        and all(not t.is_alpha or t.dep_ in {"cc", "intj"} for t in before)
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
    )


def has_empty_cue(doc: Doc, att: RawAttribution) -> bool:
    """The cue is only 'had' / 'was': no act of saying or thinking."""
    words = _cue_words(doc, att)
    return bool(words) and all(t.lemma_.lower() in EMPTY_CUE_VERBS for t in words)


# What a call or a sighting needs to report a view: a complement ('called it “stunning”', 'called the ruling a
# landmark'), and for 'see' a that-clause or an 'as' ('see X as Y').
_CALL_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp", "attr", "acomp"})
_PHONED_WORDS = 3
_NAME_WORDS = 5


def has_naming_or_sighting_cue(doc: Doc, att: RawAttribution) -> bool:
    """The cue names, phones or watches: 'a mission | called | Europa Clipper', 'A family friend | called | 911',
    'which | see | him become the most expensive keeper', 'researchers | see | how galaxies may have emerged',
    'The researchers | observed | Europa for 17 nights' (what is observed as a remark has a verb: 'the Post observed
    Republicans now control …'), 'they | were known as | the "Three Amigos"'."""
    cue = _cue_words(doc, att)
    content = [t for t in _tokens_of(doc, att.content) if _is_word(t)]
    if any(_known_as(token) for token in cue):
        return True
    if any(t.lemma_.lower() == "spot" and t.pos_ == "VERB" for t in cue) and not _has_quote_marks(doc, att):
        return _not_a_that_clause(content)  # 'the scientists | only spotted | water vapor in one'
    if len(cue) != 1 or cue[0].pos_ not in ("VERB", "AUX"):
        return False
    verb = cue[0]
    lemma = verb.lemma_.lower()
    if lemma == "call" and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return len(content) <= _NAME_WORDS  # 'a mission called Europa Clipper', 'a film called “Wild Rose”'
    if lemma not in ("call", "see", "observe") or _has_quote_marks(doc, att):
        return False
    if lemma == "observe":
        return not any(t.pos_ in ("VERB", "AUX") for t in content)
    if lemma == "call":
        if _phoned(verb):
            return True
        complement = any(child.dep_ in _CALL_COMPLEMENT_DEPS for child in verb.children)
        return not complement and len(content) <= _PHONED_WORDS  # 'called 911', 'called an ambulance'
    return _not_a_that_clause(content)


_CALL_COUNTS = frozenset({"times", "twice", "back", "again"})


def _phoned(verb: Token) -> bool:
    """'Paddock later called Haig three times to arrange a sale', 'Trump called Comey to ask …': a call someone makes
    again, back or in order to do something is a phone call; not a call on or for someone ('who called for the
    bloggers to be banned', a cue the rules may leave without its particle)."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.lower_ in ("for", "on"):
        return False
    for child in verb.children:
        if child.lower_ in _CALL_COUNTS:
            return True
        if child.dep_ in ("xcomp", "advcl") and any(t.dep_ == "aux" and t.lower_ == "to" for t in child.children):
            return True
    return False


def _not_a_that_clause(content: list[Token]) -> bool:
    """What is seen is no 'that' clause: 'see how galaxies …' watches, 'see that the economy is weak' holds a view."""
    return not content or content[0].lower_ != "that"


def _known_as(token: Token) -> bool:
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.lemma_.lower() == "know" and token.tag_ == "VBN" and following is not None and following.lower_ == "as"


def _has_quote_marks(doc: Doc, att: RawAttribution) -> bool:
    return any(QUOTING_MARKS.intersection(t.text) or t.text in ("''", "``") for t in _tokens_of(doc, att.content))


# Parts of speech that say nothing on their own: a content made only of these ('which', 'What', 'to him') is no
# saying anybody could check.
_EMPTY_CONTENT_POS = frozenset({"PRON", "DET", "ADP", "SCONJ", "CCONJ", "PART", "AUX", "INTJ", "PUNCT", "SPACE"})


def has_empty_content(doc: Doc, att: RawAttribution) -> bool:
    """The content is only a pronoun or function words ('Chelsea hope to announce later today | which'), or, unquoted
    (“No, never.” is an answer), only those and adverbs ('We’ve said | this before', 'has said | so too') or only how
    someone looked ('The girl | appeared | sad'; 'called it stunning' holds what was called so), or someone saying
    nothing said ('He said, | she said', a heading)."""
    words = _tokens_of(doc, att.content)
    if not words:
        return False
    if all(t.pos_ in _EMPTY_CONTENT_POS for t in words):
        return True
    if _has_quote_marks(doc, att):
        return False
    if all(t.pos_ in ("PRON", "PUNCT", "SPACE") or t.lemma_.lower() == "say" for t in words):
        return True  # someone saying nothing said: the heading 'He said, | she said'
    return all(t.pos_ in _EMPTY_CONTENT_POS or t.pos_ == "ADV" for t in words) or all(
        t.pos_ in _DESCRIBING_POS for t in words
    )


_DESCRIBING_POS = frozenset({"ADJ", "ADV", "PUNCT", "SPACE"})


def has_relative_clause_content(doc: Doc, att: RawAttribution) -> bool:
    """The content is a relative clause on a name or noun before it, not what was said: 'the third witness
    testifying Tuesday | who listened in on the call' (an embedded question follows its verb: 'asked who …')."""
    if len(att.content) != 1:
        return False  # a content in pieces may open with a relative clause and go on to what was said
    words = [t for t in _tokens_of(doc, att.content) if _is_word(t)]
    if len(words) < 2 or words[0].lower_ not in _RELATIVE_WH:
        return False
    before = next((t for t in reversed(doc[: words[0].i]) if _is_word(t)), None)
    return before is not None and before.pos_ in {"NOUN", "PROPN"}


_RELATIVE_WH = frozenset({"who", "which", "whom"})


def has_content_inside_its_source(doc: Doc, att: RawAttribution) -> bool:
    """The content is a phrase with no verb that hangs on the source's phrase, not on the cue: 'said Derek Scissors, a
    China scholar | with the American Enterprise Institute' (a speaker's own relative clause, 'Smith, who said …',
    hangs on its cue)."""
    cue_words = _cue_words(doc, att)
    verbs = [t for t in cue_words if t.pos_ == "VERB" and t.lower_ != "according"]
    if att.source_head is None or att.kind != "verb" or not verbs:
        return False  # a colon, 'according to' and a headline's noun hang otherwise
    cue = {t.i for t in cue_words}
    words = [t for t in _tokens_of(doc, att.content) if _is_word(t)]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False  # a clause the parse hung on the source ('told by Bolton — … — | to go straight to …') is said
    return all(_reaches_before(t, att.source_head, cue) for t in words)


def _reaches_before(token: Token, head: int, stops: set[int]) -> bool:
    """Climbing from `token`, the parse reaches the token `head` before any of `stops`."""
    for ancestor in token.ancestors:
        if ancestor.i == head:
            return True
        if ancestor.i in stops:
            return False
    return False


def has_participle_on_content_cue(doc: Doc, att: RawAttribution) -> bool:
    """The cue is a participle describing a noun of the content: '“… than just the little deal” announced in October,
    said Derek Scissors' (the deal was announced; Scissors said the quote), '… an electric script called “Wild Rose,”
    a fish-out-of-water story …'."""
    cue = _cue_words(doc, att)
    return len(cue) == 1 and _describes_a_noun_in(cue[0], att.content)


def _describes_a_noun_in(verb: Token, spans: Sequence[CharSpan]) -> bool:
    """The verb is a participle (one the parse tags VBD too) describing a noun inside the spans; never one with a
    subject ('“…,” Yore said', which the parse may hang on a noun of the quote)."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "acl" or _has_subject(verb):
        return False
    return any(start <= verb.head.idx < end for start, end in spans)


def has_proposition_source(doc: Doc, att: RawAttribution) -> bool:
    """The source is a name after a noun standing for the sentence before it: '…, a prospect Vindman denied': what
    Vindman denied is that prospect, not the writer's sentence the tagger gives him as content."""
    if att.source is None or not att.content or any(end > att.source[0] for _, end in att.content):
        return False
    words = [t for t in _tokens_of(doc, [att.source]) if _is_word(t)]
    return (
        len(words) >= 3
        and words[0].pos_ == "DET"
        and words[1].lemma_.lower() in PROPOSITION_NOUNS
        and words[2].pos_ == "PROPN"
    )


# Nouns that sum up a statement so that a name after them can deny or confirm it ('a claim Trump rejected').
PROPOSITION_NOUNS = frozenset(
    """prospect claim allegation accusation charge assertion suggestion idea notion report rumor rumour story
    characterization characterisation account theory contention premise description version narrative
    scenario possibility argument""".split()
)


# a cue word annotators mark at most NEVER_CUE_RATE of the times they saw it (at least NEVER_CUE_MIN_SEEN times) is
# no cue; an unquoted attribution needs a reporting verb or a cue word they mark at least OFTEN_CUE_RATE of the
# times (0.15: of what 0.1 let through more on PolNeAR dev, 11 of 25 attributions matched an annotation; on the 88
# extraction pages 15 of 17 were acts or misreadings such as 'Parise | blocked | a shot')
NEVER_CUE_RATE = 0.02
NEVER_CUE_MIN_SEEN = 15
OFTEN_CUE_RATE = 0.15
ACT_CUE_RATE = 0.30  # 'find', 'decide', 'encourage', 'learn': marked one time in four, mostly as acts
USUAL_CUE_RATE = 0.5  # 'said', 'noted', 'reports': words annotators mark as a cue at least half the times they see them
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@cache
def cue_rates() -> Mapping[tuple[str, str], tuple[int, int]]:
    """(lemma, part of speech) → (times seen, times inside a cue) in PolNeAR train (training/quotes/cue_rates.py),
    read once and read-only."""
    lines = (WEIGHTS_DIR / "quotes" / "cue_rates.tsv").read_text(encoding="utf-8").splitlines()
    rows = (line.split("\t") for line in lines if not line.startswith("#"))
    return MappingProxyType({(lemma, pos): (int(seen), int(in_cue)) for lemma, pos, seen, in_cue in rows})


def _cue_content_words(doc: Doc, att: RawAttribution) -> list[Token]:
    return [t for t in _cue_words(doc, att) if t.pos_ in ("VERB", "NOUN", "ADJ")]


def _cue_rate(token: Token) -> tuple[int, float]:
    seen, in_cue = cue_rates().get((token.lemma_.lower(), token.pos_), (0, 0))
    return seen, in_cue / seen if seen else 0.0


def has_cue_inside_a_clause_said(doc: Doc, att: RawAttribution) -> bool:
    """The cue is a verb with no subject that the parse joined, with no 'and' between, to a verb of saying whose
    clause stands between them: 'NIDA has estimated that 964,000 people …, | reported | a methamphetamine use
    disorder' (the people reported it, within what NIDA estimated)."""
    cue = _cue_words(doc, att)
    if len(cue) != 1 or cue[0].dep_ != "conj" or _has_subject(cue[0]):
        return False
    verb, saying = cue[0], cue[0].head
    if saying.lemma_.lower() not in SPEECH_VERBS:
        return False
    clause = next((c for c in saying.children if c.dep_ == "ccomp" and saying.i < c.i < verb.i), None)
    if clause is None:
        return False
    between = doc[clause.right_edge.i + 1 : verb.i]
    return not any(t.dep_ == "cc" or t.lower_ in _JOINING_WORDS for t in between)


_JOINING_WORDS = frozenset({"and", "but", "or", "while", "then"})


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def has_never_cue(doc: Doc, att: RawAttribution) -> bool:
    """Every content word of the cue is one annotators almost never mark as a cue ('finished | second in the
    50 yard freestyle', 'has since drastically reduced'): a tagger's slip, not something said or held."""
    rates = [_cue_rate(t) for t in _cue_content_words(doc, att)]
    return bool(rates) and all(seen >= NEVER_CUE_MIN_SEEN and rate <= NEVER_CUE_RATE for seen, rate in rates)


def is_plain_saying(doc: Doc, att: RawAttribution) -> bool:
    """A source, a reporting verb annotators mark as a cue at least half the times they see it, and a clause for
    content: 'Rainfall occurs everywhere on Titan, …, | said | study co-author Anezina Solomonidou'; or 'according to' a
    source."""
    if att.source is None or not att.cue or not att.content:
        return False
    if att.kind != "according" and not cue_says(doc, att):
        return False
    if not _has_a_usual_cue(doc, att):
        return False
    content = doc.char_span(att.content[0][0], att.content[-1][1], alignment_mode="expand")
    return content is not None and any(t.tag_ in FINITE_VERB_TAGS for t in content)


def _has_a_usual_cue(doc: Doc, att: RawAttribution) -> bool:
    return any(_cue_rate(t)[1] >= USUAL_CUE_RATE for t in _cue_content_words(doc, att))


def has_rare_cue_and_no_quote_marks(doc: Doc, att: RawAttribution) -> bool:
    """Nothing is quoted and no content word of the cue is a reporting verb or one annotators often mark as a cue
    ('he | was photographed | having long chats with Epstein', 'Parise | blocked | a shot'): an act, not something
    said or held; nor, when the content has no clause of its own, one they mark less than one time in three ('he |
    encouraged | the wolves to continue …', 'Trump | decided | to stick with him', 'A family friend | found | the
    suspect's car': 'The Lancet Commission | found | that in 2015, there were …' stays). Quote marks are evidence of
    their own, so quoted contents stay."""
    words = _cue_content_words(doc, att)
    if not words or any(t.lemma_.lower() in SPEECH_VERBS for t in words) or _has_quote_marks(doc, att):
        return False
    rate = max(_cue_rate(t)[1] for t in words)
    return rate < OFTEN_CUE_RATE or (rate < ACT_CUE_RATE and not _content_has_a_clause(doc, att))


def _content_has_a_clause(doc: Doc, att: RawAttribution) -> bool:
    return any(t.tag_ in FINITE_VERB_TAGS for t in _tokens_of(doc, att.content))


def has_action_content(doc: Doc, att: RawAttribution) -> bool:
    """The content is how the source acted, not what it said: 'responded | by hitting Rudolph in the head'
    ('by saying that …' stays: the gerund is an act of saying)."""
    if not att.content:
        return False
    words = [t for t in doc.char_span(*att.content[0], alignment_mode="expand") or [] if not t.is_space][:2]
    return (
        len(words) == 2
        and words[0].lower_ == "by"
        and words[1].tag_ == "VBG"
        and words[1].lemma_.lower() not in SPEECH_VERBS
    )


# verbs that deny the saying they lead ('declined to say', 'refused to comment', 'failed to acknowledge').
NEGATING_LEADS = frozenset({"decline", "refuse", "fail"})
NOT_ONLY = frozenset({"only", "just", "merely"})
NOTHING_WORDS = frozenset({"nothing", "none"})
# the parser reads a curly 'n’t' as punctuation, so negations are known by their words
NEGATIONS = frozenset({"not", "n't", "n’t", "never"})
MAX_NEGATION_GAP = 3
# 'did not think that X' holds that not X: the negation belongs to the content, the attribution stands
NEG_RAISING = frozenset({"think", "believe", "expect", "suppose", "imagine", "feel"})


def has_negated_cue(doc: Doc, att: RawAttribution) -> bool:
    """The saying is denied: 'did not mention | Trump', 'has not responded to | the allegations', 'never
    criticized', 'declined to say | whether …', 'failed to acknowledge', 'does not appear to have commented on | the
    claims': the content is not the source's words ('not only said', 'did not hesitate to say', 'never tires of
    saying' stay said)."""
    saying = _saying_word(doc, att) or _verb_of_a_cue_noun(doc, att)
    if saying is None or saying.lemma_.lower() in NEG_RAISING:
        return False
    if saying.lemma_.lower() in NEGATING_LEADS:  # the cue 'declined', its content 'to say …'
        return not _is_negated(saying)
    if saying.dep_ == "xcomp" and saying.head.lemma_.lower() in NEGATING_LEADS:
        return not _is_negated(saying.head)  # 'did not decline to say' says it
    if saying.dep_ == "xcomp" and saying.head.lemma_.lower() in SOURCELESS_CUES and _is_negated(saying.head):
        return True  # 'has not appeared to respond to | the allegation': the denial sits on the raising verb
    if _denied_by_its_object(saying) and not _has_quote_marks(doc, att):
        return True  # 'replied: “Absolutely nothing”' says so
    return _is_negated(saying) or _denied_as_what_was_said(saying)


def _denied_by_its_object(saying: Token) -> bool:
    """What the source would have handed over is none: 'offered | no evidence', 'gave | no details', 'said | nothing
    about the plan' ('said | no one was hurt' stays: there the 'no' is inside the clause said; so does 'offered no
    proof | that Clinton had a role', the claim left unproven)."""
    return any(
        child.dep_ == "dobj"
        and (child.lower_ in NOTHING_WORDS or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children))
        and not _has_a_that_clause(child)
        for child in saying.children
    )


def _has_a_that_clause(noun: Token) -> bool:
    return any(c.dep_ in ("acl", "ccomp") and _opened_by_that(c) for c in noun.children)


def _denied_as_what_was_said(saying: Token) -> bool:
    """'This, though, is not what AL is saying': a negated 'be' whose complement is what the source says denies the
    source the words it points back to."""
    copula = saying.head
    return (
        saying.dep_ == "ccomp"
        and copula.lemma_ == "be"
        and any(c.lower_ == "what" for c in saying.children)
        and any(c.lower_ in NEGATIONS and copula.i < c.i < saying.i for c in copula.children)
    )


def _saying_word(doc: Doc, att: RawAttribution) -> Token | None:
    """The cue's last verb or adjective: the word that says how the content was said ('declined to | say')."""
    words = [t for t in _cue_content_words(doc, att) if t.pos_ in ("VERB", "ADJ")]
    return words[-1] if words else None


def _verb_of_a_cue_noun(doc: Doc, att: RawAttribution) -> Token | None:
    """The reporting verb a cue noun hangs on through a preposition: 'did not respond to | questions about | the
    deal' (not 'may not have delivered on | his promise', which was made)."""
    words = _cue_content_words(doc, att)
    if not words or words[0].pos_ != "NOUN" or words[0].head.dep_ != "prep":
        return None
    verb = words[0].head.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in SPEECH_VERBS else None


def _is_negated(word: Token) -> bool:
    """A 'not', 'n't' or 'never' just before the verb ('did not say', 'has not yet responded'), not 'not only';
    not one inside a quote the parser hangs on the verb ('“It's hard not to,” Suter acknowledged'); or 'has yet to
    comment'."""
    doc = word.doc
    if [t.lower_ for t in doc[max(0, word.i - 2) : word.i]] == ["yet", "to"]:
        return True
    return any(
        child.dep_ == "neg"
        and 0 < word.i - child.i <= MAX_NEGATION_GAP
        and doc[child.i + 1].lower_ not in NOT_ONLY
        and not any(t.is_quote for t in doc[child.i : word.i])
        for child in word.children
    )


def cue_with_its_negation(doc: Doc, att: RawAttribution) -> list[CharSpan]:
    """The cue from the negation before its verb ('didn’t think', 'never said that …'): a cue shown without it
    reads as the opposite."""
    verb = _saying_word(doc, att)
    if verb is None or not att.cue or not _is_negated(verb):
        return att.cue
    first = min((c.i for c in verb.children if c.dep_ in {"neg", "aux"} and c.i < verb.i), default=verb.i)
    start = doc[first].idx
    cue_start, cue_end = att.cue[0]
    if start >= cue_start or verb.i - first > 4 or (att.source is not None and att.source[1] > start):
        return att.cue
    return [(start, cue_end), *att.cue[1:]]


def has_hypothetical_cue(doc: Doc, att: RawAttribution) -> bool:
    """The cue is a condition ('if Trump agrees to …', 'unless she says so'): nobody has said the content."""
    return any(
        child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS
        for t in _cue_words(doc, att)
        for child in t.children
    )


def has_ability_or_duty_cue(doc: Doc, att: RawAttribution) -> bool:
    """The cue is what the source can or must say ('the court can order …', 'he must acknowledge that …'), not what
    it said."""
    saying = _saying_word(doc, att)
    return saying is not None and any(
        child.dep_ == "aux" and child.tag_ == "MD" and child.lemma_.lower() in ABILITY_DUTY_MODALS
        for child in saying.children
    )


def without_a_lone_it(doc: Doc, content: list[CharSpan]) -> list[CharSpan]:
    """Without an unquoted piece that is only 'It' beside a clause: 'It | was reported by the Mandalay | there was a
    shooter', 'it | was noted | that …' (an empty subject; “It,” he said, “was awful.” keeps its quoted piece, and 'it
    | was labeled | “Mostly True.”' the thing labelled, as PolNeAR's annotators mark them)."""
    text = text_of(doc)
    lone = [(start, end) for start, end in content if text[start:end].lower() == "it"]
    if not lone or not any(t.pos_ in ("VERB", "AUX") for t in _tokens_of(doc, content)):
        return content
    return [span for span in content if span not in lone] or content


def has_added_thing_cue(doc: Doc, att: RawAttribution) -> bool:
    """'Messier added M31 to his catalog', 'he adds a link to another report': 'add' with a thing for its object, no
    clause under it and nothing quoted, is an act ('she added that …', 'added the circumstances remained unclear',
    'he added: “…”' are sayings). PolNeAR train has at most 2 of its 291 'add' cues in that shape."""
    saying = _saying_word(doc, att)
    return (
        saying is not None
        and saying.lemma_.lower() == "add"
        and any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN", "NUM"} for c in saying.children)
        and not any(c.dep_ in {"ccomp", "xcomp", "parataxis"} for c in saying.children)
        and not _has_quote_marks(doc, att)
    )


def has_yes_no_question_cue(doc: Doc, att: RawAttribution) -> bool:
    """The cue is asked about, not stated: 'Does he believe that all Catholics must follow …?' (an auxiliary before
    the subject, a sentence that ends in '?', no question word of its clause before it). 'Why did he say that …?'
    presupposes the saying and stays. PolNeAR train has 21 of its 19,868 cues in such questions ('Do you think a
    socialist can win?')."""
    saying = _saying_word(doc, att)
    if saying is None:
        return False
    subjects = [c.i for c in saying.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return False
    auxiliaries = [c.i for c in saying.children if c.dep_ in {"aux", "auxpass"} and c.i < min(subjects)]
    if not auxiliaries:
        return False
    sentence = saying.sent
    ending = [t for t in sentence if not (t.is_space or t.is_quote or t.text in {")", "]"})]
    asked = bool(ending) and ending[-1].text.endswith("?")
    return asked and not any(_asks_about(t, saying) for t in doc[sentence.start : auxiliaries[0]])


_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "csubj"})


def _asks_about(word: Token, saying: Token) -> bool:
    """A question word of the saying's own clause ('Why did he say …?'), not of a clause before it ('When May,
    who …, threw us under the bus, did she really think …?')."""
    if word.tag_ not in _WH_TAGS:
        return False
    while word.i != saying.i and word.dep_ not in _CLAUSE_DEPS and word.head.i != word.i:
        word = word.head
    return word.i == saying.i


def trim_source(doc: Doc, span: CharSpan) -> CharSpan:
    """A source phrase without what trails or precedes it: a time ('The Times on Saturday', 'Wells Fargo
    just this month'), a participle clause ('Trump, speaking to a veterans group'), a bracket it does not
    close ('Mr. Burman (a view echoed by …'), the lines above its own ('The Latest …:\n\n7 p.m.\n\nDonald
    Trump'). PolNeAR's annotators leave them out."""
    text = text_of(doc)
    tokens = [t for t in doc.char_span(*span, alignment_mode="expand") or [] if not t.is_space]
    lines = [i for i, t in enumerate(tokens[1:], 1) if "\n" in text[tokens[i - 1].idx : t.idx]]
    tokens = tokens[lines[-1] :] if lines else tokens
    stops = [t.i for t in tokens[1:] if t.text == "(" and ")" not in text[t.idx : span[1]]]
    stops += [
        t.i - 1 for t in tokens[1:] if t.tag_ == "VBG" and t.dep_ in {"acl", "advcl"} and doc[t.i - 1].text == ","
    ]
    kept = [t for t in tokens if t.i < min(stops, default=len(doc))]
    end = len(kept)
    while end > 1 and kept[end - 1].ent_type_ in {"DATE", "TIME"}:
        end -= 1
    if end < len(kept):
        while end > 1 and kept[end - 1].lower_ in _DATE_LEAD:
            end -= 1
    kept = _first_phrase(kept[:end])
    if not kept or not any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in kept):
        return span
    start, end = max(span[0], kept[0].idx), min(span[1], kept[-1].idx + len(kept[-1]))  # never wider ("”―Carla")
    return trim_span(text, (start, end)) or span


def phrase_roots(tokens: Sequence[Token]) -> list[Token]:
    """The tokens of a run whose syntactic head lies outside it (one for a well-parsed phrase)."""
    first, last = tokens[0].i, tokens[-1].i
    return [t for t in tokens if t.head.i == t.i or not first <= t.head.i <= last]


def _first_phrase(tokens: list[Token]) -> list[Token]:
    """The object of 'according to' and a phrase after its comma that hangs on a word outside the source are the
    source and the start of what it says ('According to the Pentagon, | the base serves as …'). (A subject's
    misparsed appositive also hangs outside: 'Olivier Bosc, General Manager of … Europe' stays whole.)"""
    roots = [t for t in phrase_roots(tokens) if not t.is_punct] if tokens else []
    if len(roots) < 2 or not _after_according_to(roots[0]):
        return tokens
    comma = next((t for t in tokens if t.text == "," and roots[0].i < t.i < roots[1].i), None)
    return [t for t in tokens if t.i < comma.i] if comma is not None else tokens


def _after_according_to(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"


def _quoted_apart(subject: Token, verb: Token, quotes: list[QuoteRegion]) -> bool:
    """The subject stands inside quote marks that the verb is outside of ('said … on “Fox and Friends.”'):
    a misparse, quoted words are not the speaker of the cue outside them."""
    return any(q.start <= subject.idx < q.end and not q.start <= verb.idx < q.end for q in quotes)


def _clip(span: CharSpan, paragraph: CharSpan, quotes: list[QuoteRegion]) -> CharSpan | None:
    """Keep a span inside the cue's paragraph, unless it is a quote running over paragraphs."""
    if any(q.start == span[0] and q.end == span[1] for q in quotes):
        return span
    start, end = max(span[0], paragraph[0]), min(span[1], paragraph[1])
    return (start, end) if end > start else None


def _merge_cue(tokens: list[Token]) -> list[CharSpan]:
    spans: list[CharSpan] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if spans and t.i > 0 and t.doc[t.i - 1] in tokens:
            spans[-1] = (spans[-1][0], t.idx + len(t))
        else:
            spans.append((t.idx, t.idx + len(t)))
    return spans


def _clean_spans(text: str, spans: list[CharSpan], quotes: list[QuoteRegion], cue: list[Token]) -> list[CharSpan]:
    cue_chars = [(t.idx, t.idx + len(t)) for t in cue]
    cleaned: list[CharSpan] = []
    for span in sorted(set(spans)):
        trimmed = trim_span(text, _snap_to_quotes(span, quotes))
        if trimmed is None or any(cs < trimmed[1] and trimmed[0] < ce for cs, ce in cue_chars):
            continue
        if cleaned and trimmed[0] < cleaned[-1][1]:
            cleaned[-1] = (cleaned[-1][0], max(cleaned[-1][1], trimmed[1]))
        else:
            cleaned.append(trimmed)
    return cleaned


_LINKING_POS = frozenset({"ADV", "CCONJ", "INTJ"})


def _according_attribution(token: Token, text: str, quotes: list[QuoteRegion]) -> RawAttribution | None:
    """`according to X, ...` / `..., according to X`: the rest of the sentence is the content."""
    to = next((c for c in token.children if c.lower_ == ACCORDING_TO[1]), None)
    if to is None:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        to = nxt if nxt is not None and nxt.lower_ == ACCORDING_TO[1] else None
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase_start = token.i
    phrase_end = pobj.right_edge.i if pobj is not None else to.i
    subject = _clause_subject_read_as_appositive(token, pobj)
    if subject is not None:
        phrase_end = subject.left_edge.i - 2  # before the comma
    sent = token.sent
    linking_only = not _says_something(sent.doc[sent.start : phrase_start])
    before = None if linking_only else trim_span(text, (sent.start_char, token.idx))
    after_tok = phrase_end + 1
    after = trim_span(text, (token.doc[after_tok].idx, sent.end_char)) if after_tok < sent.end else None
    content = [s for s in (before, after) if s is not None and any(ch.isalpha() for ch in text[s[0] : s[1]])]
    if not content:
        return None
    cue_span = (token.idx, to.idx + len(to))
    source = _subtree_span(pobj) if pobj is not None else None
    if pobj is not None and subject is not None:
        source = _token_span(list(token.doc[pobj.left_edge.i : phrase_end + 1]))
    return RawAttribution(
        cue=[cue_span],
        content=[_snap_to_quotes(s, quotes) for s in content],
        source=source,
        source_head=pobj.i if pobj is not None else None,
        kind="according",
    )


def _clause_subject_read_as_appositive(according: Token, pobj: Token | None) -> Token | None:
    """'According to links shared by Twitter user Mr. Alex, the plausibility of … is quite high': the parse hangs the
    subject of the clause the phrase opens on the phrase's last noun, as an appositive; the clause has no subject."""
    clause = according.head
    if pobj is None or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children):
        return None
    if pobj.right_edge.i != clause.i - 1:
        return None  # the phrase ends before its clause does (or comes after it)
    doc = according.doc
    return next((t for t in pobj.subtree if t.dep_ == "appos" and doc[t.left_edge.i - 1].text == ","), None)


def _says_something(words: Span) -> bool:
    """Words before 'according to' that are more than a linking word ('Indeed,', 'But', 'Meanwhile,')."""
    return any(not t.is_punct and t.pos_ not in _LINKING_POS for t in words)


def _inside(span: CharSpan, spans: list[CharSpan]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _cut_before_closing_according(doc: Doc, found: list[RawAttribution]) -> list[RawAttribution]:
    """An 'according to' that closes a sentence reports all of it, an act inside it too ('The informant was
    “threatened” by … Loretta Lynch to keep quiet …, according to his attorney'): a content that runs on past it stops
    before it, so that the univocal reading keeps the 'according to' whole. A saying stays the saying ('Candace Smith
    said she had been infected …, according to the report' is hers): its cue is a word annotators mark at least half
    the times they see it."""
    text = text_of(doc)
    closing = [a.cue[0][0] for a in found if a.kind == "according" and a.content_end <= a.cue[0][0]]
    if not closing:
        return found
    for att in found:
        if att.kind == "according" or not att.cue or _has_a_usual_cue(doc, att):
            continue
        for start in closing:
            if att.cue[-1][1] <= start < att.content_end:
                cut = [trim_span(text, (s, min(e, start))) for s, e in att.content if s < start]
                att.content = [span for span in cut if span is not None]
    return [att for att in found if att.content]


def _drop_nested(found: list[RawAttribution]) -> list[RawAttribution]:
    """Univocal reading: an attribution whose cue sits inside another's content is dropped."""
    kept: list[RawAttribution] = []
    for att in sorted(found, key=lambda a: -sum(e - s for s, e in a.content)):
        taken = [span for other in kept for span in other.content]
        if any(_inside(c, taken) for c in att.cue):
            continue
        own = [c for c in att.content if not _inside(c, taken)]
        if not own:
            continue
        att.content = own
        kept.append(att)
    return sorted(kept, key=lambda a: a.content_start)


def _uncued_quotes(text: str, quotes: list[QuoteRegion], found: list[RawAttribution]) -> list[RawAttribution]:
    covered = [span for att in found for span in att.content]
    extra: list[RawAttribution] = []
    for q in quotes:
        if any(s < q.end and q.start < e for s, e in covered):
            continue
        if len(text[q.start : q.end].split()) < MIN_UNCUED_QUOTE_WORDS:
            continue
        extra.append(RawAttribution(cue=[], content=[(q.start, q.end)], kind="quote"))
    return extra


# No "^": Pattern.match(text, pos) anchors at pos already, and "^" would only match at 0.
# The name is read from the characters, not from spaCy's tokens: "”―Carla" is one token, and
# a name alone on a line is often not tagged PROPN.
_SIGNATURE = re.compile(
    r"[ \t\u00a0]*([―—–]|-{1,2})[ \t\u00a0]*"
    r"((?:[A-Z][\w’'.-]*)(?:[ \u00a0](?:[A-Z][\w’'.-]*|de|da|del|la|van|von|bin|al)){0,5})[ \t\u00a0.,]*(?:\n|$)"
)


def _dash_attributions(doc: Doc, quotes: list[QuoteRegion]) -> list[RawAttribution]:
    """“…” ― Carlos Raúl: a quote signed with a dash and a name that ends its line."""
    text = text_of(doc)
    found = []
    for q in quotes:
        m = _SIGNATURE.match(text, q.end)
        if m is None:
            continue
        start, end = m.span(2)
        end = start + len(text[start:end].rstrip(".-"))
        head = doc.char_span(start, end, alignment_mode="expand")
        found.append(
            RawAttribution(
                cue=[m.span(1)],
                content=[(q.start, q.end)],
                source=(start, end),
                source_head=head.root.i if head is not None and len(head) else None,
                kind="dash",
            )
        )
    return found


# "PENCE: Well, look, …" — a transcript line: a speaker label in capitals opens the paragraph.
_TRANSCRIPT_LINE = re.compile(
    r"(?m)^[ \t\u00a0]*[\"“]?((?:[A-Z][A-Z.’'-]+)(?: [A-Z][A-Z.’'-]+){0,2})(:)[ \t\u00a0]*(\S.*)$"
)
_NOT_SPEAKERS = frozenset(
    {
        "UPDATE",
        "UPDATED",
        "WATCH",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "PHOTOS",
        "PHOTO",
        "VIDEO",
        "RELATED",
        "READ MORE",
        "CORRECTION",
        "BREAKING",
        "SOURCE",
        "SOURCES",
        "CLARIFICATION",
    }
)


def _transcript_attributions(doc: Doc) -> list[RawAttribution]:
    """Transcript lines: the capitalised label is the source, the colon the cue, the rest the content."""
    text = text_of(doc)
    found = []
    for m in _TRANSCRIPT_LINE.finditer(text):
        if m.group(1) in _NOT_SPEAKERS:
            continue
        content = trim_span(text, (m.start(3), m.end(3)))
        if content is None:
            continue
        label = doc.char_span(*m.span(1), alignment_mode="expand")
        found.append(
            RawAttribution(
                cue=[m.span(2)],
                content=[content],
                source=m.span(1),
                source_head=label.root.i if label is not None and len(label) else None,
                kind="transcript",
            )
        )
    return found if len(found) > 1 else []  # one 'NEW DELHI: …' line is a dateline; a transcript is an exchange


_CLOSING_MARKS = "”\"’'»"


def _stands_alone(text: str, q: QuoteRegion) -> bool:
    """The quote is a sentence of its own inside a paragraph: a sentence ends before it, and what
    follows it in the paragraph (if anything) is a new sentence, not its cue ("…,” he added)."""
    paragraph_start, paragraph_end = line_around(text, q.start)
    before = text[paragraph_start : q.start].rstrip(" \t\u00a0").rstrip(_CLOSING_MARKS)
    if not before or before[-1] not in ".?!" or len(text[q.start : q.end].split()) < 3:
        return False
    after = text[q.end : paragraph_end].strip(" \t\u00a0")
    inner = text[q.start : q.end].rstrip(_CLOSING_MARKS + "“‘ ")
    opens_sentence = after[:1].isupper() or after[:1] in DOUBLE_OPENERS | SINGLE_OPENERS
    return not after or (inner[-1:] in {".", "?", "!"} and opens_sentence)


def _ends_with_quote(text: str, att: RawAttribution) -> bool:
    start, end = max(att.content)
    last_char = text[start:end].rstrip(_TRIM_END)[-1:]
    return bool(last_char) and last_char in _CLOSING_MARKS


def _cut_out(text: str, spans: list[CharSpan], q: QuoteRegion) -> list[CharSpan]:
    kept: list[CharSpan] = []
    for start, end in spans:
        pieces = [(start, end)] if end <= q.start or start >= q.end else [(start, q.start), (q.end, end)]
        kept += [t for t in (trim_span(text, p) for p in pieces if p[1] > p[0]) if t is not None]
    return kept


def attach_continuations(text: str, atts: list[RawAttribution], quotes: Sequence[QuoteRegion]) -> list[RawAttribution]:
    """“A,” X said on Monday. “B.” — a quote standing alone as a sentence inside a paragraph goes on
    with the last attribution before it in the paragraph that ended with a quote, whatever else
    claimed it (PolNeAR train: 1,423 of 1,461 such quotes continue the previous attribution)."""
    for q in quotes:
        if not _stands_alone(text, q):
            continue
        paragraph_start = line_around(text, q.start)[0]
        previous = [
            a for a in atts if a.cue and paragraph_start <= a.content_end <= q.start and _ends_with_quote(text, a)
        ]
        if not previous:
            continue
        owner = max(previous, key=lambda a: a.content_end)
        for att in atts:
            if att is not owner:
                att.content = _cut_out(text, att.content, q)
        owner.content = join_touching([*owner.content, (q.start, q.end)])
        atts = [att for att in atts if att.content]
    return atts


def find_attributions(doc: Doc, quotes: list[QuoteRegion]) -> list[RawAttribution]:
    """All attributions the rules find in a parsed document, in text order (`quotes`: `find_quotes(doc.text)`)."""
    text = text_of(doc)
    found: list[RawAttribution] = []
    for token in doc:
        att: RawAttribution | None = None
        if token.lower_ == ACCORDING_TO[0]:
            att = _according_attribution(token, text, quotes)
        elif _is_cue_verb(token) and not _has_speech_gerund(token):
            att = _verb_attribution(token, text, quotes)
        if att is not None and not has_participle_on_content_cue(doc, att):
            found.append(att)
    found = _drop_nested(_cut_before_closing_according(doc, found))
    covered = [span for att in found for span in att.content]
    found += [a for a in _dash_attributions(doc, quotes) if not _inside(a.content[0], covered)]
    lines = _transcript_attributions(doc)
    found = [a for a in found if not any(_inside(c, line.content) for line in lines for c in a.content)] + lines
    found += _uncued_quotes(text, quotes, found)
    return sorted(found, key=lambda a: a.content_start)


def _cue_chars(att: RawAttribution) -> set[int]:
    return {i for start, end in att.cue for i in range(start, end)}


def _content_chars(att: RawAttribution) -> set[int]:
    return {i for start, end in att.content for i in range(start, end)}


def has_topic_only_passive_cue(doc: Doc, att: RawAttribution) -> bool:
    """'No release date for the | fourth Star Trek film | has yet been announced': the source and the content both lie
    in the passive subject of the cue's verb, and no agent is named: what was (not) announced, by no one."""
    spans = [*att.content, *([att.source] if att.source else [])]
    for verb, subject in _passive_subjects(doc, att):
        if any(c.dep_ == "agent" for c in verb.children):
            continue
        low, high = _unbroken_phrase(subject)
        if all(low <= start and end <= high for start, end in spans):
            return True
    return False


def _passive_subjects(doc: Doc, att: RawAttribution) -> Iterator[tuple[Token, Token]]:
    """Each verb of the cue that has a passive subject, with that subject."""
    for verb in _cue_words(doc, att):
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            yield verb, subject


def _unbroken_phrase(head: Token) -> CharSpan:
    """The characters of the run of the head's phrase around it, up to the first word outside it (the parse may hang
    words far after the head on it: 'Jews are described as: “arrogant,” …, “apes and swine”')."""
    phrase = {t.i for t in head.subtree}
    first = last = head.i
    while first - 1 in phrase:
        first -= 1
    while last + 1 in phrase:
        last += 1
    doc = head.doc
    return doc[first].idx, doc[last].idx + len(doc[last])


def _passive_topic(doc: Doc, att: RawAttribution) -> bool:
    """“The incident was labelled …”: the content is only the passive subject of the cue's verb."""
    return any(att.content == [_subtree_span(subject)] for _, subject in _passive_subjects(doc, att))


def _same_speech_act(doc: Doc, a: RawAttribution, b: RawAttribution) -> bool:
    """The same content (shared characters >= half of the longer one), a content inside the other's cue
    ("dismissed | the allegations, saying"), or a passive's subject standing as content of a cue verb
    that the other attribution shares ("The incident was labelled" / "labelled … by Ryabkov as “…”")."""
    cue_a, cue_b = _cue_chars(a), _cue_chars(b)
    content_a, content_b = _content_chars(a), _content_chars(b)
    if (content_a and content_a <= cue_b) or (content_b and content_b <= cue_a):
        return True
    if cue_a & cue_b and (_passive_topic(doc, a) or _passive_topic(doc, b)):
        return True
    return len(content_a & content_b) >= 0.5 * max(len(content_a), len(content_b), 1)


def merge_duplicates(doc: Doc, atts: list[RawAttribution]) -> list[RawAttribution]:
    """One attribution per content span and speech act: of duplicates, the one with a source and the
    most content is kept, and takes a source the other had."""
    kept: list[RawAttribution] = []
    for att in sorted(atts, key=lambda a: (a.source is None, -len(_content_chars(a)))):
        twin = next((k for k in kept if _same_speech_act(doc, k, att)), None)
        if twin is None:
            kept.append(att)
        elif twin.source is None and att.source is not None:
            twin.source, twin.source_head = att.source, att.source_head
    return sorted(kept, key=lambda a: a.content_start)
