"""Tokenise every task split into windows and run the frozen lower layers over them once.

Writes, per task split, into training/encoder/work/cache/:
  <task>_<split>.windows.npz   window layout (see data.WindowSet)
  <task>_<split>.docs.pkl      tokenised documents with targets (data.Doc list)
  <task>_<split>.f16           fp16 states after layer --lower (default 8), one row per window token (memory-mapped)
  layout.json                  {"lower": the number of frozen layers}, read by train.py
  <task>_<split>.done          written when the split is complete
Resumable: progress is saved per chunk of windows (`.progress`); `--resume` (the default behaviour
anyway) continues where the last run stopped. Deterministic: no randomness (eval mode).

    nice -n 19 .venv/bin/python training/encoder/cache.py [--threads 2] [--only ptc_train,...] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data as D  # noqa: E402
from model import HIDDEN, LOWER, Lower, cached_lower, load_base  # noqa: E402
from sources import ensure_base_weights  # noqa: E402

WORK = HERE / "work"
CACHE = WORK / "cache"
ORDER = ("ptc_train", "ptc_val", "polnear_dev", "ct24_dev", "ct24_dev-test", "ct24_train", "polnear_train")
TOKENS_PER_BATCH = 4096


def prepare(
    name: str, tokenizer, limit: int = 0, polnear_share: float = D.POLNEAR_TRAIN_SHARE
) -> tuple[list[D.Doc], D.WindowSet]:
    docs_path, windows_path = CACHE / f"{name}.docs.pkl", CACHE / f"{name}.windows.npz"
    if docs_path.exists() and windows_path.exists():
        with open(docs_path, "rb") as handle:
            return pickle.load(handle), D.WindowSet.load(windows_path)
    task, split = name.split("_", 1)
    docs = D.build_docs(tokenizer, task, split, polnear_share)
    if limit:
        docs = docs[:limit]
    bos, eos, _ = D.special_ids(tokenizer)
    windows = D.make_windows(docs, bos, eos)
    with open(docs_path, "wb") as handle:
        pickle.dump(docs, handle, protocol=pickle.HIGHEST_PROTOCOL)
    windows.save(windows_path)
    return docs, windows


def batches_by_length(windows: D.WindowSet) -> list[np.ndarray]:
    """Windows sorted by length, grouped to about TOKENS_PER_BATCH padded tokens (fixed order)."""
    order = np.argsort(-windows.length, kind="stable")
    out, current = [], []
    for w in order:
        if current and (len(current) + 1) * windows.length[current[0]] > TOKENS_PER_BATCH:
            out.append(np.array(current))
            current = []
        current.append(w)
    if current:
        out.append(np.array(current))
    return out


def run_split(name: str, lower: Lower, tokenizer, pad: int, limit: int, log, polnear_share: float) -> None:
    done = CACHE / f"{name}.done"
    if done.exists():
        log(f"{name}: cached already")
        return
    docs, windows = prepare(name, tokenizer, limit, polnear_share)
    path = CACHE / f"{name}.f16"
    total = windows.tokens
    states = np.lib.format.open_memmap(
        path, mode="r+" if path.exists() else "w+", dtype=np.float16, shape=(total, HIDDEN)
    )
    progress_path = CACHE / f"{name}.progress"
    batches = batches_by_length(windows)
    start_batch = json.loads(progress_path.read_text())["batches"] if progress_path.exists() else 0
    log(
        f"{name}: {len(docs)} docs, {len(windows.offset)} windows, {total} tokens, "
        f"{len(batches)} batches, from batch {start_batch}"
    )
    started, tokens_done, last_flush = time.time(), 0, time.time()
    for b in range(start_batch, len(batches)):
        chosen = batches[b]
        length = int(windows.length[chosen].max())
        ids = torch.full((len(chosen), length), pad, dtype=torch.long)
        mask = torch.zeros(len(chosen), length, dtype=torch.long)
        for row, w in enumerate(chosen):
            n = int(windows.length[w])
            ids[row, :n] = torch.from_numpy(windows.ids[windows.offset[w] : windows.offset[w] + n].astype(np.int64))
            mask[row, :n] = 1
        h = lower(ids, mask).numpy().astype(np.float16)
        for row, w in enumerate(chosen):
            n = int(windows.length[w])
            states[windows.offset[w] : windows.offset[w] + n] = h[row, :n]
        tokens_done += int(windows.length[chosen].sum())
        if time.time() - last_flush > 60 or b == len(batches) - 1:
            states.flush()
            progress_path.write_text(json.dumps({"batches": b + 1}))
            last_flush = time.time()
            rate = tokens_done / (time.time() - started)
            log(f"{name}: batch {b + 1}/{len(batches)}, {rate:.0f} tokens/s")
    states.flush()
    del states
    elapsed = time.time() - started
    done.write_text(json.dumps({"tokens": total, "seconds": elapsed, "tokens_per_s": tokens_done / max(elapsed, 1e-9)}))
    log(f"{name}: done, {tokens_done} tokens in {elapsed:.0f}s ({tokens_done / max(elapsed, 1e-9):.0f} tokens/s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", default="", help="comma-separated split names (default: all, in ORDER)")
    parser.add_argument(
        "--limit", type=int, default=0, help="first N documents per split (smoke tests; use another --work)"
    )
    parser.add_argument("--work", type=Path, default=None, help="work directory (default training/encoder/work)")
    parser.add_argument("--resume", action="store_true", help="accepted for symmetry: caching always resumes")
    parser.add_argument("--lower", type=int, default=LOWER, help="frozen layers (the rest are trained)")
    parser.add_argument(
        "--polnear-share",
        type=float,
        default=D.POLNEAR_TRAIN_SHARE,
        help="share of PolNeAR train (1: all; another share wants another --work)",
    )
    args = parser.parse_args()
    global WORK, CACHE
    if args.work:
        WORK, CACHE = args.work, args.work / "cache"
    CACHE.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model_dir = ensure_base_weights()
    tokenizer = D.load_tokenizer(model_dir)
    _, _, pad = D.special_ids(tokenizer)
    lower = Lower(load_base(model_dir), cached_lower(CACHE, args.lower)).eval()

    def log(message: str) -> None:
        print(time.strftime("%H:%M:%S"), message, flush=True)

    names = [n for n in args.only.split(",") if n] or list(ORDER)
    for name in names:
        run_split(name, lower, tokenizer, pad, args.limit, log, args.polnear_share)


if __name__ == "__main__":
    main()
