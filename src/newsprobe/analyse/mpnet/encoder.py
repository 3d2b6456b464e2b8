"""One pass of the shared encoder (all-mpnet-base-v2, top layers fine-tuned) over an article.

Windows of at most 510 tokens (+ `<s>`, `</s>`), as few as possible, of equal size, neighbours sharing at
least 64 tokens; each token is read from the window where it sits farthest from an edge (as in training,
`training/encoder/data.py`). The lower graph (frozen base layers) runs first, then the shipped upper graph (its
top 8 layers fine-tuned for propaganda), which returns the final states and the per-token propaganda (O/B/I)
logits; the technique head runs in numpy on pooled states. The quote tags (O, B/I of source, cue, content) come
from the quotes graph, its top 4 layers trained for quote tags alone, run on the lower graph's states after
layer 8 when quotes first ask for them.
`encode_article(context, text)` runs it once per article for every analyser; an article is read as its
headline, a blank line and its text (`headline_and_text`), and `encode_text_part` gives the text's share of that
one pass. Check-worthiness reads each sentence alone instead (`sentence_vectors`: the lower graph only), as its
head was trained on lone sentences.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ...errors import ModelRuntimeError, ProfileUnavailableError
from ...weights import WEIGHTS_DIR
from .._numeric import softmax
from .._onnx import default_threads, load_tokenizer
from .base_weights import INSTALL_HINT, BaseWeightsError, ensure_base_weights, find_parts
from .heads import Heads
from .lower_graph import ensure_lower_graph
from .tags import QUOTE_TAGS

if TYPE_CHECKING:
    from ..base import AnalysisContext

__all__ = [
    "MPNET_DIR",
    "UPPER_GRAPH",
    "Computed",
    "LowerStates",
    "MultitaskEncoder",
    "MultitaskEncoding",
    "available",
    "encode_article",
    "encode_text_part",
    "headline_and_text",
    "require_available",
    "window_bounds",
]

MPNET_DIR = WEIGHTS_DIR / "mpnet"
RESOURCE_KEY = "encoder:mpnet"
UPPER_GRAPH = "upper.wq.onnx"
QUOTES_GRAPH = "quotes.wq.onnx"
# A plain attribution every working runtime tags right (source and cue), checked once when the encoder loads.
SELF_CHECK = ("“We will win,” the minister said on Tuesday.", {"minister": "SRC", "said": "CUE"})
SHIPPED_FILES = ("lower.skeleton.onnx", UPPER_GRAPH, QUOTES_GRAPH, "heads.npz", "propaganda_point.npz")
MAX_BODY = 510
OVERLAP = 64
BATCH_TOKENS = 4096
SENTENCE_TOKENS = 254  # a longer sentence is read by its start


def window_bounds(n: int, body: int = MAX_BODY, overlap: int = OVERLAP) -> list[tuple[int, int]]:
    """[start, end) token ranges covering n tokens: as few windows of at most `body` tokens as possible,
    of equal size, consecutive ones sharing at least `overlap` tokens."""
    if n <= body:
        return [(0, n)]
    k = -(-(n - overlap) // (body - overlap))
    size = -(-(n + (k - 1) * overlap) // k)
    starts = [round(i * (n - size) / (k - 1)) for i in range(k)]
    return [(s, s + size) for s in starts]


@dataclass(frozen=True)
class MultitaskEncoding:
    """Per-token outputs for one text (special tokens removed); offsets index the text."""

    offsets: list[tuple[int, int]]
    states: np.ndarray  # (n, 768) final states
    si_logits: np.ndarray  # (n, 3): O, B, I
    compute_quote_logits: Callable[[], np.ndarray] = field(repr=False, compare=False)

    @cached_property
    def quote_logits(self) -> np.ndarray:
        """(n, 7): O, B-SRC, I-SRC, B-CUE, I-CUE, B-CON, I-CON; computed the first time they are read, so an
        article analysed without quotes does not pay for the quotes graph."""
        return self.compute_quote_logits()

    @property
    def si_probabilities(self) -> np.ndarray:
        return softmax(self.si_logits)

    def __reduce__(self) -> tuple[type[MultitaskEncoding], tuple[object, ...]]:
        # a graph run cannot be pickled: the quote logits go with the encoding, computed now if not yet read
        return (MultitaskEncoding, (self.offsets, self.states, self.si_logits, Computed(self.quote_logits)))


@dataclass(frozen=True)
class Computed:
    """Already computed quote logits, as a `compute_quote_logits` that pickles."""

    logits: np.ndarray

    def __call__(self) -> np.ndarray:
        return self.logits


@dataclass(frozen=True)
class LowerStates:
    """One batch of windows through the lower graph: the states the upper graph reads (after the frozen layers),
    those the check-worthiness head reads (after layer 6), those the quotes graph reads (after layer 8) and the
    attention mask."""

    states: np.ndarray
    claim_states: np.ndarray
    quote_states: np.ndarray
    mask: np.ndarray


def read_windows(windows: list[tuple[int, int]], outputs: list[tuple[np.ndarray, ...]], n: int) -> list[np.ndarray]:
    """Per-token arrays for n tokens from per-window outputs (`<s>` and `</s>` included): each token is read
    from the window where it sits farthest from an edge."""
    read = [np.zeros((n, o.shape[-1]), np.float32) for o in outputs[0]]
    margin = np.full(n, -1)
    for (a, b), window in zip(windows, outputs, strict=True):
        k = np.arange(b - a)
        edge_distance = np.minimum(k, b - a - 1 - k)
        farther = edge_distance > margin[a:b]
        for target, output in zip(read, window, strict=True):
            target[a:b][farther] = output[1 : b - a + 1][farther]
        margin[a:b][farther] = edge_distance[farther]
    return read


def per_window(batches: list[list[np.ndarray]]) -> list[tuple[np.ndarray, ...]]:
    """Batched graph outputs (one list of arrays per batch) as one tuple of rows per window."""
    return [tuple(output[row] for output in batch) for batch in batches for row in range(len(batch[0]))]


class MultitaskEncoder:
    def __init__(self, directory: Path = MPNET_DIR, threads: int | None = None) -> None:
        import onnxruntime

        model_dir = ensure_base_weights()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or default_threads()
        options.inter_op_num_threads = 1
        # without the arena, each session gives its activation buffers back: the best profile on 20 pages peaks at
        # 1,145 MB instead of 2,259 MB with the quotes graph, at 0.54 instead of 0.55 articles/s (bench/profiles.py)
        options.enable_cpu_mem_arena = False
        providers = ["CPUExecutionProvider"]
        lower = ensure_lower_graph(model_dir, directory / "lower.skeleton.onnx")
        self.lower = onnxruntime.InferenceSession(str(lower), options, providers=providers)
        # the upper graphs keep their weights in 4 and 8 bits and multiply in fp32 (their activations are not quantised)
        self.upper = onnxruntime.InferenceSession(str(directory / UPPER_GRAPH), options, providers=providers)
        self.quotes = onnxruntime.InferenceSession(str(directory / QUOTES_GRAPH), options, providers=providers)
        self.heads = Heads.load(directory / "heads.npz")
        self.tokenizer = load_tokenizer(model_dir / "tokenizer.json")
        self.bos, self.eos = self.tokenizer.token_to_id("<s>"), self.tokenizer.token_to_id("</s>")
        self.pad = self.tokenizer.token_to_id("<pad>")
        self.check_runtime()

    def check_runtime(self) -> None:
        """Raise ModelRuntimeError unless the graphs tag a plain attribution right: an int8 runtime that computes
        wrongly on some CPU (8-bit products saturated on CPUs without VNNI) must stop the profile, not feed it noise."""
        text, expected = SELF_CHECK
        encoding = self._encoding(text)
        tagged = zip(encoding.offsets, encoding.quote_logits.argmax(1).tolist(), strict=True)
        tags = {text[a:b]: QUOTE_TAGS[i] for (a, b), i in tagged}
        if not all(tags.get(word, "").endswith(kind) for word, kind in expected.items()):
            raise ModelRuntimeError(
                "the best profile's encoder gives wrong answers on this CPU (self-check: "
                f"{', '.join(f'{w!r} tagged {tags.get(w)}' for w in expected)}); use the accurate profile"
            )

    def _lower(self, pieces: list[np.ndarray]) -> LowerStates:
        """The lower graph's states for token id sequences, each wrapped in `<s>` `</s>`."""
        length = max(len(piece) for piece in pieces) + 2
        input_ids = np.full((len(pieces), length), self.pad, dtype=np.int64)
        mask = np.zeros_like(input_ids)
        for row, piece in enumerate(pieces):
            input_ids[row, : len(piece) + 2] = [self.bos, *piece, self.eos]
            mask[row, : len(piece) + 2] = 1
        states, claim_states, quote_states = self.lower.run(
            ["states", "claim_states", "quote_states"], {"input_ids": input_ids, "attention_mask": mask}
        )
        return LowerStates(states, claim_states, quote_states, mask)

    def _upper(self, lower: LowerStates) -> list[np.ndarray]:
        """[final states, SI logits]."""
        feeds = {"states": lower.states, "attention_mask": lower.mask}
        outputs: list[np.ndarray] = self.upper.run(["final", "si_logits"], feeds)
        return outputs

    def _quotes(self, lower: LowerStates) -> list[np.ndarray]:
        """[quote tag logits], through the quotes graph."""
        feeds = {"states": lower.quote_states, "attention_mask": lower.mask}
        outputs: list[np.ndarray] = self.quotes.run(["quote_logits"], feeds)
        return outputs

    @staticmethod
    def _batches(ids: np.ndarray, windows: list[tuple[int, int]]) -> Iterator[list[np.ndarray]]:
        per_batch = max(1, BATCH_TOKENS // (MAX_BODY + 2))
        for i in range(0, len(windows), per_batch):
            yield [ids[a:b] for a, b in windows[i : i + per_batch]]

    def sentence_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 768): each text read alone through the frozen lower layers, the mean of its tokens' states
        after layer 6 (`<s>` and `</s>` left out); the check-worthiness head's input. One text a run: the lower
        graph quantises its activations per batch, so a batch-mate would move a sentence's vector."""
        vectors = np.zeros((len(texts), 768), np.float32)
        for row, text in enumerate(texts):
            ids = self.tokenizer.encode(text, add_special_tokens=False).ids[:SENTENCE_TOKENS] or [self.pad]
            lower = self._lower([np.array(ids, dtype=np.int64)])
            vectors[row] = lower.claim_states[0, 1 : len(ids) + 1].mean(0)
        return vectors

    def encode(self, text: str) -> MultitaskEncoding:
        """One article's pass (the analysers share it through `encode_article`)."""
        return self._encoding(text)

    def _encoding(self, text: str) -> MultitaskEncoding:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        ids = np.array(encoding.ids, dtype=np.int64)
        n = len(ids)
        if n == 0:
            return MultitaskEncoding(
                [], np.zeros((0, 768), np.float32), np.zeros((0, 3), np.float32), lambda: np.zeros((0, 7), np.float32)
            )
        windows = window_bounds(n)
        lowers = [self._lower(pieces) for pieces in self._batches(ids, windows)]
        states, si = read_windows(windows, per_window([self._upper(lower) for lower in lowers]), n)

        def quote_logits() -> np.ndarray:
            (quote,) = read_windows(windows, per_window([self._quotes(lower) for lower in lowers]), n)
            return quote

        return MultitaskEncoding(list(encoding.offsets), states, si, quote_logits)


def available() -> bool:
    """Whether the base weights can be assembled (parts installed) and the lower graph built."""
    if any(importlib.util.find_spec(name) is None for name in ("onnx", "safetensors")):
        return False
    try:
        find_parts()
    except BaseWeightsError:
        return False
    return all((MPNET_DIR / name).is_file() for name in SHIPPED_FILES)


def require_available() -> None:
    """Stop with the install command unless the best profile's encoder can run."""
    if not available():
        raise ProfileUnavailableError(
            f"the best profile needs its base encoder: pip install 'newsprobe[best]' and then {INSTALL_HINT}"
        )


def shared_encoder(context: AnalysisContext) -> MultitaskEncoder:
    return context.resource(RESOURCE_KEY, MultitaskEncoder)


def encode_article(context: AnalysisContext, text: str) -> MultitaskEncoding:
    """The encoder outputs for `text`, computed once per article and shared by every analyser."""
    key = f"{RESOURCE_KEY}:{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()}"
    return context.memo(key, lambda: shared_encoder(context).encode(text))


def headline_and_text(text: str, title: str) -> str:
    """What the encoders read for an article, as the propaganda training articles are written: the headline, a
    blank line, the text (just the text when it already starts with the headline or there is none)."""
    title = title.strip()
    return text if not title or text.startswith(title) else f"{title}\n\n{text}"


def encode_text_part(context: AnalysisContext, text: str, title: str) -> MultitaskEncoding:
    """The outputs for the tokens of `text`, offsets into `text`, taken from the article's one pass over its
    headline and text."""
    joined = headline_and_text(text, title)
    encoding = encode_article(context, joined)
    shift = len(joined) - len(text)
    if not shift:
        return encoding
    keep = [i for i, (start, _) in enumerate(encoding.offsets) if start >= shift]
    return MultitaskEncoding(
        [(start - shift, end - shift) for start, end in (encoding.offsets[i] for i in keep)],
        encoding.states[keep],
        encoding.si_logits[keep],
        lambda: encoding.quote_logits[keep],
    )
