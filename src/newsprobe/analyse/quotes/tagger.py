"""A CRF token tagger for attributions (source / cue / content), with the rules' output as features.

The tagger reads the shared spaCy parse and the rule-based attributions, labels every token
B-/I- SRC, CUE, CON or O, and `decode` groups the labelled spans into attributions: each cue
anchors one attribution, content and source spans join the nearest cue of their paragraph.
Trained on PolNeAR train by `training/quotes/train_tagger.py`; the model ships in
`newsprobe/weights/quotes/`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ...weights import WEIGHTS_DIR
from ..mpnet.tags import QUOTE_TAGS
from ..nlp import text_of
from ..spans import CharSpan
from .cues import SPEECH_VERBS
from .marks import QuoteRegion
from .rules import RawAttribution, trim_span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MODEL_PATH", "QuoteTagger", "decode", "doc_features", "group_runs", "label_tokens", "token_labels"]

MODEL_PATH = WEIGHTS_DIR / "quotes" / "attribution_crf.crfsuite"
LABEL_TYPES = ("SRC", "CUE", "CON")
Features = list[str]


# ---------------------------------------------------------------- features


def _rule_tags(doc: Doc, rules: list[RawAttribution]) -> list[str]:
    tags = ["O"] * len(doc)

    def mark(spans: Sequence[CharSpan], tag: str) -> None:
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    tags[t.i] = tag

    for att in rules:
        mark(att.content, "CON")
        mark([att.source] if att.source else [], "SRC")
        mark(att.cue, "CUE")
    return tags


def _quote_flags(doc: Doc, quotes: Sequence[QuoteRegion]) -> list[int]:
    """0 outside quotes, 1 inside, 2 on a quote mark."""
    flags = [0] * len(doc)
    for region in quotes:
        span = doc.char_span(region.start, region.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            flags[t.i] = 1
        flags[span[0].i] = 2
        flags[span[-1].i] = 2
    return flags


class _Columns:
    """The token attributes the features read, as plain lists (one `Doc.to_array` call instead
    of a spaCy Token object per attribute read: feature extraction was a sixth of an article's time)."""

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG

        columns = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, SHAPE])  # uint64 string keys
        relative = doc.to_array([HEAD, SENT_START]).astype("int64")  # signed values stored as uint64
        strings = doc.vocab.strings
        names: dict[int, str] = {}

        def name(key: int) -> str:
            if key not in names:
                names[key] = strings[key] if key else ""
            return names[key]

        self.lower = [name(k) for k in columns[:, 0].tolist()]
        self.lemma = [name(k).lower() for k in columns[:, 1].tolist()]
        self.pos = [name(k) for k in columns[:, 2].tolist()]
        self.tag = [name(k) for k in columns[:, 3].tolist()]
        self.dep = [name(k) for k in columns[:, 4].tolist()]
        self.shape = [name(k)[:4] for k in columns[:, 5].tolist()]
        self.head = [i + offset for i, offset in enumerate(relative[:, 0].tolist())]
        self.sent_start = [{1: "True", -1: "False"}.get(v, "None") for v in relative[:, 1].tolist()]
        self.speech_verb = [lemma in SPEECH_VERBS for lemma in self.lemma]
        self.reporting_verb = [speech and pos == "VERB" for speech, pos in zip(self.speech_verb, self.pos, strict=True)]


def _cue_relation(c: _Columns, i: int) -> str:
    """How token i hangs from the nearest reporting verb above it (dependency path, ≤ 4 steps).

    The root is its own head, so a walk that reaches it stays there ("ROOT>ROOT@3"): the shipped
    CRF was trained on exactly these strings."""
    path: list[str] = []
    current = i
    for _ in range(4):
        path.append(c.dep[current])
        current = c.head[current]
        if c.reporting_verb[current]:
            return ">".join(path[-2:]) + f"@{len(path)}"
    return "none"


def _token_base(c: _Columns, i: int, rule: str, quote: int) -> dict[str, str]:
    head = c.head[i]
    return {
        "w": c.lower[i],
        "l": c.lemma[i],
        "p": c.pos[i],
        "t": c.tag[i],
        "d": c.dep[i],
        "s": c.shape[i],
        "sfx": c.lower[i][-3:],
        "hl": c.lemma[head],
        "hd": c.dep[head],
        "hp": c.pos[head],
        "cue": str(c.reporting_verb[i]),
        "hcue": str(c.speech_verb[head]),
        "rel": _cue_relation(c, i),
        "r": rule,
        "q": str(quote),
    }


def _paragraph_starts(doc: Doc) -> list[bool]:
    """Per token: the previous token (with its trailing whitespace) holds a line break."""
    text = text_of(doc)
    starts = [t.idx for t in doc]
    return [i == 0 or "\n" in text[starts[i - 1] : starts[i]] for i in range(len(starts))]


def _cue_sides(c: _Columns) -> list[str]:
    """Per token: where it stands against the nearest reporting verb of its sentence."""
    sides = ["none"] * len(c.lower)
    start = 0
    for end in [*(i for i in range(1, len(c.lower)) if c.sent_start[i] == "True"), len(c.lower)]:
        cues = [i for i in range(start, end) if c.reporting_verb[i]]
        for i in range(start, end) if cues else ():
            nearest = min(cues, key=lambda k: abs(k - i))
            adjacent = "1" if abs(nearest - i) == 1 else ""
            sides[i] = "on" if nearest == i else ("before" if i < nearest else "after") + adjacent
        start = end
    return sides


def doc_features(doc: Doc, rules: list[RawAttribution], quotes: Sequence[QuoteRegion]) -> list[Features]:
    """CRF features for every token of `doc` (`quotes`: `find_quotes(doc.text)`)."""
    rule_tags = _rule_tags(doc, rules)
    quote_flags = _quote_flags(doc, quotes)
    columns = _Columns(doc)
    base = [_token_base(columns, i, rule_tags[i], quote_flags[i]) for i in range(len(doc))]
    paragraph_starts = _paragraph_starts(doc)
    sides = _cue_sides(columns)
    out: list[Features] = []
    for i, b in enumerate(base):
        feats = ["bias", *(f"{k}={v}" for k, v in b.items())]
        feats.append(f"d|hl={b['d']}|{b['hl']}")
        feats.append(f"r|q={b['r']}|{b['q']}")
        feats.append(f"sent_start={columns.sent_start[i]}")
        feats.append(f"para={paragraph_starts[i]}")
        feats.append(f"side={sides[i]}")
        feats.append(f"side|q={sides[i]}|{b['q']}")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(base):
                neighbour = base[j]
                feats.extend(f"{offset}:{k}={neighbour[k]}" for k in ("w", "p", "d", "r", "q", "cue"))
                if abs(offset) == 1:
                    feats.extend(f"{offset}:{k}={neighbour[k]}" for k in ("l", "rel"))
            else:
                feats.append(f"{offset}:pad")
        out.append(feats)
    return out


# ---------------------------------------------------------------- labels


def token_labels(doc: Doc, attributions: Sequence[dict[str, list[list[int]]]]) -> list[str]:
    """B-/I- labels from PolNeAR-style records (each span piece starts with B-)."""
    labels = ["O"] * len(doc)
    for record in attributions:
        for key, label in (("content", "CON"), ("content2", "CON"), ("source", "SRC"), ("cue", "CUE")):
            for start, end in record.get(key) or []:
                label_tokens(doc, labels, start, end, label)
    return labels


def label_tokens(doc: Doc, labels: list[str], start: int, end: int, kind: str) -> None:
    """Mark the tokens of characters [start, end) in `labels`: B-kind on the first, I-kind on the rest."""
    span = doc.char_span(start, end, alignment_mode="expand")
    for k, token in enumerate(t for t in span or [] if not t.is_space):
        labels[token.i] = ("B-" if k == 0 else "I-") + kind


# ---------------------------------------------------------------- decoding


def _spans(doc: Doc, labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, first token, last token) runs; B- starts a new run. Space tokens between two tokens do not
    break a run (the no-break spaces in "nominee\u00a0Gov.\u00a0Mike Pence" are tokens of their own); line breaks do."""
    runs: list[tuple[str, int, int]] = []
    last = -1  # the last token before i that is not a space
    for i, label in enumerate(labels):
        if doc[i].is_space:
            last = i if "\n" in doc[i].text else last  # a line break does break it
            continue
        follows, last = last, i
        if label == "O":
            continue
        kind = label[2:]
        if runs and runs[-1][0] == kind and runs[-1][2] == follows and (label.startswith("I-") or doc[i].is_punct):
            runs[-1] = (kind, runs[-1][1], i)
        else:
            runs.append((kind, i, i))
    return runs


def _paragraph_index(doc: Doc) -> list[int]:
    """Per token: the number of the paragraph it is in, counted from 0."""
    return [count - 1 for count in accumulate(_paragraph_starts(doc))]


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


# Tokens between a content run and the cue it joins: further away, the content stands alone. PolNeAR train's
# annotated contents lie at most 50 characters from their cue 95 % of the time and over 250 (about 50 tokens)
# 0.4 % of the time.
MAX_CUE_GAP = 50
CONJUNCTIONS = frozenset({"CCONJ", "SCONJ"})
Run = tuple[str, int, int]  # (CUE | CON | SRC, first token, last token + 1)
Group = dict[str, list[tuple[int, int]]]


def group_runs(
    runs: Sequence[Run],
    para: Sequence[int],
    sent: Mapping[int, int] | Sequence[int],
    joiners: Sequence[bool] | None = None,
) -> list[Group]:
    """Attributions from tagged runs (``para``/``sent``: each token's paragraph and sentence): each cue anchors
    one; content joins the nearest cue of its paragraph (within MAX_CUE_GAP tokens), a source the nearest cue of
    its sentence. Content with no such cue stands alone; sources left over go to the nearest source-less
    attribution of their paragraph. Also the encoder training's decoder (training/encoder/decode.py).

    ``joiners`` (per token: a conjunction) keeps a content from a cue after it when a conjunction outside the
    source stands between them: in "… sold the company the right to use the word “We”, though he later asked the
    company to unwind …" what was sold is not what he asked."""
    cues = [(first, last) for kind, first, last in runs if kind == "CUE"]
    groups: list[Group] = [{"cue": [c], "CON": [], "SRC": []} for c in cues]
    spare_sources: list[tuple[int, int]] = []
    in_source = {k for kind, first, last in runs if kind == "SRC" for k in range(first, last)}

    def clause_between(content: tuple[int, int], cue: tuple[int, int]) -> bool:
        gap = range(content[1], cue[0])
        return joiners is not None and any(joiners[k] for k in gap if k not in in_source)

    for kind, first, last in runs:
        if kind == "CUE":
            continue
        candidates = [  # of two cues as near, the one of the content's sentence ('…, aides said. “…,” Smith said')
            (_distance(c, (first, last)), sent[c[0]] != sent[first], ci)
            for ci, c in enumerate(cues)
            if para[c[0]] == para[first]
            and (sent[c[0]] == sent[first] if kind == "SRC" else _distance(c, (first, last)) <= MAX_CUE_GAP)
            and not (kind == "CON" and clause_between((first, last), c))
        ]
        if candidates:
            groups[min(candidates)[2]][kind].append((first, last))
        elif kind == "CON":
            groups.append({"cue": [], "CON": [(first, last)], "SRC": []})
        else:
            spare_sources.append((first, last))
    groups = [g for g in groups if g["CON"]]
    for source in spare_sources:
        needy = [
            (_distance(g["CON"][0], source), gi)
            for gi, g in enumerate(groups)
            if not g["SRC"] and para[g["CON"][0][0]] == para[source[0]]
        ]
        if needy:
            groups[min(needy)[1]]["SRC"].append(source)
    return groups


def decode(doc: Doc, labels: Sequence[str]) -> list[RawAttribution]:
    """The attributions of a document whose tokens carry `labels` (grouped by `group_runs`)."""
    runs = _spans(doc, labels)
    para = _paragraph_index(doc)
    sent = {t.i: s_i for s_i, s in enumerate(doc.sents) for t in s}
    groups = group_runs(runs, para, sent, [t.pos_ in CONJUNCTIONS for t in doc])
    text = text_of(doc)
    found = [_to_raw(doc, text, g["cue"], g["CON"], g["SRC"]) for g in groups]
    return sorted(found, key=lambda a: a.content_start)


def _char(doc: Doc, first: int, last: int) -> CharSpan:
    return doc[first].idx, doc[last].idx + len(doc[last])


def _to_raw(
    doc: Doc, text: str, cue: list[tuple[int, int]], content: list[tuple[int, int]], source: list[tuple[int, int]]
) -> RawAttribution:
    anchor = cue[0] if cue else content[0]
    src = min(source, key=lambda s: _distance(s, anchor)) if source else None
    spans = [_char(doc, *c) for c in sorted(content)]
    trimmed = [t for span in spans if (t := trim_span(text, span)) is not None] or spans
    source_span = _char(doc, *src) if src else None
    return RawAttribution(
        cue=[_char(doc, *c) for c in cue],
        content=trimmed,
        source=(trim_span(text, source_span) or source_span) if source_span else None,
        source_head=doc[src[0] : src[1] + 1].root.i if src else None,
        kind="verb" if cue else "quote",
    )


# ---------------------------------------------------------------- model


class QuoteTagger:
    """The shipped CRF; loaded once (cache it on the analyser or via `context.resource`)."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        import pycrfsuite

        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))

    def tag(self, doc: Doc, rules: list[RawAttribution], quotes: Sequence[QuoteRegion]) -> list[str]:
        if not len(doc):
            return []
        return list(self.tagger.tag(doc_features(doc, rules, quotes)))

    def attributions(
        self, doc: Doc, rules: list[RawAttribution], quotes: Sequence[QuoteRegion]
    ) -> list[RawAttribution]:
        return decode(doc, self.tag(doc, rules, quotes))

    def marginals(self, doc: Doc, rules: list[RawAttribution], quotes: Sequence[QuoteRegion]) -> np.ndarray:
        """P(tag) for every token, one column per tag of `QUOTE_TAGS`."""
        if not len(doc):
            return np.zeros((0, len(QUOTE_TAGS)))
        self.tagger.set(doc_features(doc, rules, quotes))
        return np.array([[self.tagger.marginal(tag, i) for tag in QUOTE_TAGS] for i in range(len(doc))])
