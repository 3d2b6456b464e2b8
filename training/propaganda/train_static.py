"""Distil static wordpiece vectors from the fine-tuned propaganda encoder and train the `fast`
profile's span tagger on them (writes src/newsprobe/weights/propaganda/static.npz).

1. Static vectors: the encoder's last hidden state (the SI head's input) for each wordpiece,
   averaged over its occurrences in unlabelled news (PolNeAR train + dev texts, not PTC, so the
   vectors do not remember PTC's gold spans); wordpieces seen fewer than MIN_SEEN times are
   encoded alone. PCA to DIM dimensions, stored as float16.
2. Tagger: two 1-D convolutions (the second dilated) over the vectors, trained on the train split
   with the encoder frozen out of the loop.
3. Decoding: the tagger's probabilities, optionally averaged with the hashed fast tagger's, with
   thresholds chosen on half A of the validation split; reported on half B and the whole split.

With --teacher-weight W > 0 the tagger also learns from the unlabelled texts, with the best profile's
averaged tagger (MPNet + MiniLM + the fast tagger, as the product runs it) as teacher: its P(inside a
span) carried onto the student's wordpieces is the soft target, each unlabelled text's loss weighted W
(distillation, issue 18). The teacher's outputs are cached in work/teacher_best.npz (`teacher.py`; about 25
minutes on 2 cores to build, resumable: progress is saved every 50 texts).

    .venv/bin/python training/propaganda/train_static.py --checkpoint training/propaganda/work/accurate.pt
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from transformers import BertModel

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import load_train, split_ids
from encoder_data import article_windows, base_model_dir, token_targets
from fit_accurate_head import half_a
from hysteresis import DecodeSettings, decode_spans
from model import PropagandaTagger
from teacher import CACHE as TEACHER_CACHE
from teacher import teacher_inside, unlabelled_texts

from newsprobe.analyse._onnx import load_tokenizer
from newsprobe.analyse.propaganda.encoder import ENCODER_DIR
from newsprobe.analyse.propaganda.fast import FastModel
from newsprobe.analyse.propaganda.static import StaticTagger, word_probabilities_at
from newsprobe.eval.semeval_ptc import (
    LabelledSpan,
    score_si,
)

OUT = ENCODER_DIR / "static.npz"
MIN_SEEN = 2


def load_encoder(checkpoint: Path | None) -> PropagandaTagger:
    model = PropagandaTagger(BertModel.from_pretrained(base_model_dir(), add_pooling_layer=False))
    if checkpoint is not None:
        model.load_state_dict(torch.load(checkpoint, map_location="cpu"))
    return model.eval()


@torch.no_grad()
def static_vectors(model: PropagandaTagger, tokenizer, texts: list[str]) -> np.ndarray:
    hidden = model.encoder.config.hidden_size
    vocabulary = tokenizer.get_vocab_size()
    sums = np.zeros((vocabulary, hidden), np.float64)
    counts = np.zeros(vocabulary, np.int64)
    windows = [w for text in texts for w in article_windows(tokenizer, text, [])]
    for i in range(0, len(windows), 16):
        chunk = windows[i : i + 16]
        length = max(len(w.ids) for w in chunk)
        ids = torch.zeros(len(chunk), length, dtype=torch.long)
        mask = torch.zeros(len(chunk), length, dtype=torch.long)
        for row, w in enumerate(chunk):
            ids[row, : len(w.ids)] = torch.from_numpy(w.ids)
            mask[row, : len(w.ids)] = 1
        states = model.encoder(input_ids=ids, attention_mask=mask).last_hidden_state.numpy()
        for row, w in enumerate(chunk):
            np.add.at(sums, w.ids[1:-1], states[row, 1 : len(w.ids) - 1])
            np.add.at(counts, w.ids[1:-1], 1)
        if i % 800 == 0:
            print(f"  static vectors: window {i}/{len(windows)}", flush=True)
    vectors = sums / np.maximum(counts, 1)[:, None]
    rare = np.flatnonzero(counts < MIN_SEEN)
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    for i in range(0, len(rare), 512):
        chunk = torch.from_numpy(rare[i : i + 512])
        ids = torch.stack([torch.full_like(chunk, cls_id), chunk, torch.full_like(chunk, sep_id)], dim=1)
        vectors[rare[i : i + 512]] = model.encoder(input_ids=ids).last_hidden_state[:, 1].numpy()
    print(f"  {len(rare)} of {vocabulary} wordpieces encoded alone", flush=True)
    return vectors.astype(np.float32)


def reduce(vectors: np.ndarray, dim: int) -> np.ndarray:
    centred = vectors - vectors.mean(0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dim].T
    return (reduced / reduced.std()).astype(np.float32)


class ConvTagger(nn.Module):
    def __init__(self, dim: int, hidden: int) -> None:
        super().__init__()
        self.dropout = nn.Dropout(0.2)
        self.first = nn.Conv1d(dim, hidden, 5, padding=2)
        self.second = nn.Conv1d(hidden, hidden, 5, padding=8, dilation=4)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: (batch, length, dim)
        h = torch.relu(self.first(self.dropout(x).transpose(1, 2)))
        h = torch.relu(self.second(self.dropout(h)))
        return self.out(h.transpose(1, 2)).squeeze(-1)


def article_rows(tokenizer, vectors, text: str, spans: list[LabelledSpan]):
    encoding = tokenizer.encode(text, add_special_tokens=False)
    si, _ = token_targets(encoding.offsets, spans)
    return vectors[np.asarray(encoding.ids, dtype=np.int64)], (si > 0).astype(np.float32), 1.0


def taught_rows(tokenizer, vectors, texts: list[str], targets: list[np.ndarray], weight: float):
    ids = [np.asarray(e.ids, dtype=np.int64) for e in tokenizer.encode_batch(texts, add_special_tokens=False)]
    return [(vectors[i], target, weight) for i, target in zip(ids, targets, strict=True)]


def train_tagger(rows, dim: int, hidden: int, epochs: int, seed: int) -> ConvTagger:
    """rows: (vectors, P(inside) per token, loss weight); gold rows have 0/1 targets, taught ones soft."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = ConvTagger(dim, hidden)
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.01)
    for epoch in range(epochs):
        model.train()
        losses = []
        for i in rng.permutation(len(rows)):
            x, y, weight = rows[i]
            if not len(y):
                continue
            logits = model(torch.from_numpy(x)[None])[0]
            loss = weight * nn.functional.binary_cross_entropy_with_logits(logits, torch.from_numpy(y))
            loss.backward()
            optimiser.step()
            optimiser.zero_grad()
            losses.append(loss.item())
        print(f"  tagger epoch {epoch + 1}: loss {np.mean(losses):.4f}", flush=True)
    return model.eval()


def export(model: ConvTagger, vectors: np.ndarray, settings: DecodeSettings, hashed_weight: float) -> None:
    def weight(conv: nn.Conv1d) -> np.ndarray:
        return conv.weight.detach().numpy().transpose(2, 1, 0).astype(np.float16)  # (k, in, out)

    np.savez_compressed(
        OUT,
        vectors=vectors.astype(np.float16),
        n_layers=np.array(2),
        conv0_weight=weight(model.first),
        conv0_bias=model.first.bias.detach().numpy(),
        conv0_dilation=np.array(1),
        conv1_weight=weight(model.second),
        conv1_bias=model.second.bias.detach().numpy(),
        conv1_dilation=np.array(4),
        out_weight=model.out.weight.detach().numpy()[0],
        out_bias=model.out.bias.detach().numpy()[0],
        decode=np.array([settings.high, settings.low, settings.max_gap, settings.min_chars], np.float32),
        hashed_weight=np.array(hashed_weight, np.float32),
    )


def si_f1(probabilities, articles, spans, ids, settings: DecodeSettings) -> dict:
    gold = [s for a in ids for s in spans.get(a, [])]
    predicted = [
        LabelledSpan(a, start, end)
        for a in ids
        for start, end, _ in decode_spans(articles[a], probabilities[a][0], probabilities[a][1], settings)
    ]
    score = score_si(gold, predicted)
    return {"f1": score.f1, "precision": score.precision, "recall": score.recall}


def mixed(static_probs, hashed_probs, hashed_weight: float):
    return {
        a: (offsets, (1 - hashed_weight) * probs + hashed_weight * hashed_probs[a])
        for a, (offsets, probs) in static_probs.items()
    }


def choose(static_probs, hashed_probs, articles, spans, ids, hashed_weights=(0.0, 0.25, 0.5)):
    """(F1, hashed weight, settings) with the best SI F1 on `ids`."""
    best = (-1.0, 0.0, DecodeSettings(0.5, 0.3))
    for weight in hashed_weights:
        probabilities = mixed(static_probs, hashed_probs, weight)
        for high in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
            for low in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
                for gap in (4, 12, 25):
                    if low > high:
                        continue
                    settings = DecodeSettings(high, low, gap, 6)
                    f1 = si_f1(probabilities, articles, spans, ids, settings)["f1"]
                    if f1 > best[0]:
                        best = (f1, weight, settings)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--checkpoint", type=Path, help="fine-tuned encoder (train_accurate.py); base MiniLM without it"
    )
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--hidden", type=int, default=96)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--unlabelled-limit", type=int, default=0, help="use only the first N unlabelled texts (a smoke run)"
    )
    parser.add_argument("--vectors-cache", type=Path, default=HERE / "work" / "static_vectors.npy")
    parser.add_argument(
        "--teacher-weight", type=float, default=0.0, help="loss weight of the unlabelled texts taught by best"
    )
    parser.add_argument("--teacher-cache", type=Path, default=TEACHER_CACHE)
    parser.add_argument(
        "--shipped-vectors", action="store_true", help="keep the shipped static.npz vectors; retrain the tagger only"
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    started = time.time()
    tokenizer = load_tokenizer(ENCODER_DIR / "tokenizer.json")
    if args.shipped_vectors:
        vectors = np.load(OUT)["vectors"].astype(np.float32)
    else:
        if args.vectors_cache.is_file():
            vectors = np.load(args.vectors_cache)
        else:
            vectors = static_vectors(load_encoder(args.checkpoint), tokenizer, unlabelled_texts(args.unlabelled_limit))
            args.vectors_cache.parent.mkdir(parents=True, exist_ok=True)
            np.save(args.vectors_cache, vectors)
        vectors = reduce(vectors, args.dim)
    print(f"static vectors ready ({(time.time() - started) / 60:.1f} min)", flush=True)

    articles, spans = load_train()
    train_ids, validation_ids = split_ids(list(articles))
    rows = [article_rows(tokenizer, vectors, articles[a], spans.get(a, [])) for a in train_ids]
    if args.teacher_weight > 0:
        texts = unlabelled_texts(args.unlabelled_limit)
        targets = teacher_inside(tokenizer, texts, args.teacher_cache)
        rows += taught_rows(tokenizer, vectors, texts, targets, args.teacher_weight)
        print(f"teacher targets ready ({(time.time() - started) / 60:.1f} min)", flush=True)
    model = train_tagger(rows, args.dim, args.hidden, args.epochs, args.seed)
    export(model, vectors, DecodeSettings(0.5, 0.3), 0.0)
    tagger = StaticTagger.load(OUT, ENCODER_DIR / "tokenizer.json")
    fast = FastModel.load(ENCODER_DIR / "fast.npz")
    static_probs = {a: tagger.token_probabilities(articles[a]) for a in validation_ids}
    hashed_probs = {a: word_probabilities_at(fast, articles[a], static_probs[a][0]) for a in validation_ids}
    half = [a for a in validation_ids if half_a(a)]
    other = [a for a in validation_ids if not half_a(a)]
    f1_a, weight, settings = choose(static_probs, hashed_probs, articles, spans, half)
    _, _, static_settings = choose(static_probs, hashed_probs, articles, spans, half, hashed_weights=(0.0,))
    export(model, vectors, settings, weight)
    chosen = mixed(static_probs, hashed_probs, weight)
    report = {
        "dim": args.dim,
        "hidden": args.hidden,
        "epochs": args.epochs,
        "seed": args.seed,
        "checkpoint": "shipped vectors" if args.shipped_vectors else str(args.checkpoint) if args.checkpoint else None,
        "teacher_weight": args.teacher_weight,
        "decode": settings.__dict__,
        "hashed_weight": weight,
        "si_half_a": f1_a,
        "si_half_b": si_f1(chosen, articles, spans, other, settings),
        "si_validation": si_f1(chosen, articles, spans, validation_ids, settings),
        "static_only": {
            "decode": static_settings.__dict__,
            "si_half_b": si_f1(static_probs, articles, spans, other, static_settings),
            "si_validation": si_f1(static_probs, articles, spans, validation_ids, static_settings),
        },
        "bytes": OUT.stat().st_size,
        "minutes": (time.time() - started) / 60,
    }
    (HERE / "static_metrics.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
