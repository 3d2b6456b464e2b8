"""Attribution tags from the shared multi-task encoder (the `best` profile), on the spaCy tokens.

The encoder tags wordpieces O or B/I of source, cue and content; the best path under BIO constraints
is read as runs, each run's characters label the spaCy tokens they cover (B- on the first, I- on the
rest), and the CRF tagger's `decode` groups them into attributions, so both taggers share one
grouping rule and the same clean-up after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..mpnet import MultitaskEncoding
from ..mpnet.tags import QUOTE_TAGS, bio_transitions, log_softmax, tag_runs, viterbi
from .rules import RawAttribution
from .tagger import decode, label_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["encoder_attributions", "encoder_labels"]

_TRANSITIONS = bio_transitions(QUOTE_TAGS)


def encoder_labels(doc: Doc, encoding: MultitaskEncoding) -> list[str]:
    """B-/I- SRC, CUE, CON or O for every token of `doc` (whose text the encoding was made from)."""
    labels = ["O"] * len(doc)
    if not encoding.offsets:
        return labels
    path = viterbi(log_softmax(encoding.quote_logits.astype("float64")), *_TRANSITIONS)
    for kind, first, last in tag_runs(path, QUOTE_TAGS):
        label_tokens(doc, labels, encoding.offsets[first][0], encoding.offsets[last - 1][1], kind)
    return labels


def encoder_attributions(doc: Doc, encoding: MultitaskEncoding) -> list[RawAttribution]:
    return decode(doc, encoder_labels(doc, encoding))
