"""Attribution tags from the shared multi-task encoder (the `best` profile), on the spaCy tokens.

The encoder tags wordpieces O or B/I of source, cue and content. Read alone (`encoder_attributions`), the best
path under BIO constraints is read as runs and each run's characters label the spaCy tokens they cover (B- on
the first, I- on the rest). Combined with the CRF tagger (`combined_attributions`, what the best profile runs),
each spaCy token's tag probabilities are the CRF's marginals averaged with those of the first wordpiece it
overlaps, and the best BIO path of the average labels the tokens. Either way the CRF tagger's `decode` groups
them into attributions, so the taggers share one grouping rule and the same clean-up after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .._numeric import log_softmax
from ..mpnet import MultitaskEncoding
from ..mpnet.tags import QUOTE_TAGS, bio_transitions, tag_runs, viterbi
from .rules import RawAttribution
from .tagger import decode, label_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ENCODER_WEIGHT", "combined_attributions", "encoder_attributions", "encoder_labels", "token_probabilities"]

_TRANSITIONS = bio_transitions(QUOTE_TAGS)
# The encoder's share of the averaged tag probabilities. PolNeAR dev content overlap F1 through the shipped int8
# quotes graph (the CRF alone 0.703): 0.3 -> 0.725, 0.5 -> 0.756, 0.7 -> 0.765 (training/encoder/quotes_in_best.py);
# on the 7-bit runtime (2026-12-04): 0.726, 0.754, 0.764, the encoder alone 0.754.
ENCODER_WEIGHT = 0.7


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


def token_probabilities(doc: Doc, encoding: MultitaskEncoding) -> np.ndarray:
    """The encoder's tag probabilities on every token of `doc`: those of the first wordpiece the token
    overlaps; NaN rows for tokens no wordpiece overlaps (spaces)."""
    out = np.full((len(doc), len(QUOTE_TAGS)), np.nan)
    if not encoding.offsets:
        return out
    starts, ends = np.array(encoding.offsets).T
    probabilities = np.exp(log_softmax(encoding.quote_logits.astype("float64")))
    for token in doc:
        first = int(np.searchsorted(ends, token.idx, side="right"))
        if first < len(starts) and starts[first] < token.idx + len(token):
            out[token.i] = probabilities[first]
    return out


def combined_attributions(
    doc: Doc, encoding: MultitaskEncoding, crf_marginals: np.ndarray, encoder_weight: float = ENCODER_WEIGHT
) -> list[RawAttribution]:
    """Attributions from the CRF's marginals averaged with the encoder's probabilities, `encoder_weight` on
    the encoder's."""
    encoder = token_probabilities(doc, encoding)
    mixed = np.where(
        np.isnan(encoder), crf_marginals, (1 - encoder_weight) * crf_marginals + encoder_weight * np.nan_to_num(encoder)
    )
    path = viterbi(np.log(mixed + 1e-9), *_TRANSITIONS)
    return decode(doc, [QUOTE_TAGS[i] for i in path])
