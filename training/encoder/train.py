"""Multi-task training of the upper encoder layers + heads on the cached lower-layer states.

Tasks (one per batch, batches of all tasks shuffled together within an epoch):
  ptc      propaganda SI (O/B/I per token) + TC (14-way over pooled gold spans), all train windows every epoch
  polnear  quote tags (O, B/I-SRC, B/I-CUE, B/I-CON), 1/--polnear-cycle of the train windows per epoch
  ct24     check-worthiness (pooled sentence, binary), 1/--ct24-cycle of the train sentences per epoch
  taught   self-training (issue 18): propaganda SI on the PolNeAR train windows against the best profile's soft
           P(inside a span) (teach.py writes them), 1/--taught-cycle of the windows per epoch, loss x --taught-weight
(each window of a cycled task is seen once every `cycle` epochs). After each epoch: validation on
PTC val (SI, TC), CT24 dev + dev-test, PolNeAR dev with the projects' scorers; metrics go to
work/metrics.jsonl and training/encoder/metrics.json, raw validation outputs to work/val/.

Checkpoints (model, optimiser, schedule, position in the epoch plan, RNG state) every
--checkpoint-minutes into work/checkpoint.pt; `--resume` continues from there with the same batches
in the same order and the same dropout masks as an uninterrupted run.

    nice -n 19 .venv/bin/python training/encoder/train.py --threads 2 [--resume]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
import traceback
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as F

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data as D  # noqa: E402
import decode as X  # noqa: E402
from model import HIDDEN, MultiTask, cached_lower, load_base, sentence_features, span_features  # noqa: E402
from sources import ensure_base_weights  # noqa: E402
from teach import TARGETS_FILE  # noqa: E402

WORK = HERE / "work"
TRAIN_SPLIT = {"ptc": "ptc_train", "polnear": "polnear_train", "ct24": "ct24_train", "taught": "polnear_train"}
VALIDATION_SPLITS = {
    "ptc": ("ptc_val",),
    "polnear": ("polnear_dev",),
    "ct24": ("ct24_dev", "ct24_dev-test"),
    "taught": (),
}


# ---------------------------------------------------------------- cached splits


class Split:
    def __init__(self, cache: Path, name: str) -> None:
        if not (cache / f"{name}.done").exists():
            raise SystemExit(f"{name} is not cached yet: run training/encoder/cache.py first")
        with open(cache / f"{name}.docs.pkl", "rb") as handle:
            self.docs: list[D.Doc] = pickle.load(handle)
        self.windows = D.WindowSet.load(cache / f"{name}.windows.npz")
        self.states = np.load(cache / f"{name}.f16", mmap_mode="r")
        self.name = name

    def body(self, w: int) -> tuple[D.Doc, int, int]:
        return self.docs[self.windows.doc[w]], int(self.windows.first[w]), int(self.windows.length[w]) - 2

    def batch_states(self, chosen: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
        length = int(self.windows.length[chosen].max())
        h = np.zeros((len(chosen), length, HIDDEN), np.float32)
        mask = np.zeros((len(chosen), length), np.int64)
        for row, w in enumerate(chosen):
            n, at = int(self.windows.length[w]), int(self.windows.offset[w])
            h[row, :n] = self.states[at : at + n]
            mask[row, :n] = 1
        return torch.from_numpy(h), torch.from_numpy(mask)

    def token_tags(self, chosen: np.ndarray, length: int) -> torch.Tensor:
        tags = np.full((len(chosen), length), -100, np.int64)
        for row, w in enumerate(chosen):
            doc, first, n = self.body(w)
            tags[row, 1 : 1 + n] = doc.tags[first : first + n]
        return torch.from_numpy(tags)

    def soft_inside(self, chosen: np.ndarray, length: int, taught: dict[str, np.ndarray]) -> torch.Tensor:
        """The teacher's P(inside) per token of each window, -1 where there is none (<s>, </s>, padding)."""
        targets = np.full((len(chosen), length), -1.0, np.float32)
        for row, w in enumerate(chosen):
            _, first, n = self.body(w)
            inside = taught.get(str(self.windows.doc[w]))
            if inside is not None:
                targets[row, 1 : 1 + n] = inside[first : first + n]
        return torch.from_numpy(targets)

    def window_spans(self, w: int) -> list[tuple[int, int, int]]:
        """Gold technique spans lying wholly inside window w, in window positions (<s> = 0)."""
        doc, first, n = self.body(w)
        return [(s - first + 1, e - first + 1, k) for s, e, k in doc.spans if s >= first and e <= first + n]


def make_batches(split: Split, windows: np.ndarray, budget: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Shuffle, then within chunks of 64 sort by length and cut into batches of <= budget padded tokens."""
    windows = windows[rng.permutation(len(windows))]
    out = []
    for c in range(0, len(windows), 64):
        chunk = windows[c : c + 64]
        chunk = chunk[np.argsort(-split.windows.length[chunk], kind="stable")]
        current: list[int] = []
        for w in chunk:
            if current and (len(current) + 1) * split.windows.length[current[0]] > budget:
                out.append(np.array(current))
                current = []
            current.append(int(w))
        if current:
            out.append(np.array(current))
    return out


def epoch_plan(splits: dict[str, Split], epoch: int, args) -> list[tuple[str, np.ndarray]]:
    """The batches of one epoch, a pure function of (seed, epoch): resuming rebuilds it exactly."""
    plan: list[tuple[str, np.ndarray]] = []
    cycles = {"ptc": 1, "polnear": args.polnear_cycle, "ct24": args.ct24_cycle, "taught": args.taught_cycle}
    for tag, (task, cycle) in enumerate(cycles.items(), start=1):
        if task not in args.tasks.split(","):
            continue
        split = splits[TRAIN_SPLIT[task]]
        n = len(split.windows.offset)
        order = np.random.default_rng([args.seed, tag, 0, epoch // cycle]).permutation(n)
        part = order[(epoch % cycle) * n // cycle : (epoch % cycle + 1) * n // cycle]
        rng = np.random.default_rng([args.seed, tag, 1, epoch])
        plan += [(task, b) for b in make_batches(split, part, args.budget, rng)]
    order = np.random.default_rng([args.seed, 0, 2, epoch]).permutation(len(plan))
    return [plan[i] for i in order]


# ---------------------------------------------------------------- losses


def soft_inside_loss(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Cross-entropy of the SI head's P(B) + P(I) against a soft P(inside), over the tokens that have one."""
    log_probabilities = F.log_softmax(logits, dim=-1)
    log_inside = torch.logsumexp(log_probabilities[..., 1:], dim=-1)
    valid = targets >= 0
    t = targets[valid]
    return -(t * log_inside[valid] + (1 - t) * log_probabilities[..., 0][valid]).mean()


def batch_loss(
    model: MultiTask, split: Split, task: str, chosen: np.ndarray, args, taught: dict[str, np.ndarray]
) -> tuple[torch.Tensor, dict]:
    h, mask = split.batch_states(chosen)
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
        states = model.encode(h, mask)
    states = model.heads.dropout(states.float())
    heads = model.heads
    if task == "ptc":
        tags = split.token_tags(chosen, h.shape[1])
        loss_si = F.cross_entropy(heads.si(states).reshape(-1, 3), tags.reshape(-1), ignore_index=-100)
        feats, targets = [], []
        for row, w in enumerate(chosen):
            for first, last, k in split.window_spans(int(w)):
                feats.append(span_features(states[row], first, last))
                targets.append(k)
        loss = loss_si
        parts = {"si": loss_si.item()}
        if feats:
            loss_tc = F.cross_entropy(heads.tc(torch.stack(feats)), torch.tensor(targets))
            loss = loss + args.tc_weight * loss_tc
            parts["tc"] = loss_tc.item()
        return loss, parts
    if task == "taught":
        loss = soft_inside_loss(heads.si(states), split.soft_inside(chosen, h.shape[1], taught))
        return args.taught_weight * loss, {"taught": loss.item()}
    if task == "polnear":
        tags = split.token_tags(chosen, h.shape[1])
        loss = F.cross_entropy(heads.quote(states).reshape(-1, len(D.QUOTE_TAGS)), tags.reshape(-1), ignore_index=-100)
        return args.quote_weight * loss, {"quote": loss.item()}
    labels = torch.tensor([split.docs[split.windows.doc[w]].label for w in chosen], dtype=torch.float32)
    logits = heads.claim(sentence_features(states, mask)).squeeze(-1)
    loss = F.binary_cross_entropy_with_logits(logits, labels)
    return args.claim_weight * loss, {"claim": loss.item()}


# ---------------------------------------------------------------- validation


@torch.no_grad()
def run_windows(model: MultiTask, split: Split, batch_tokens: int = 8192):
    """Final states of every window, yielded as (window index, (length, H) tensor)."""
    order = np.argsort(-split.windows.length, kind="stable")
    current: list[int] = []
    groups = []
    for w in order:
        if current and (len(current) + 1) * split.windows.length[current[0]] > batch_tokens:
            groups.append(np.array(current))
            current = []
        current.append(int(w))
    if current:
        groups.append(np.array(current))
    for chosen in groups:
        h, mask = split.batch_states(chosen)
        states = model.encode(h, mask)
        for row, w in enumerate(chosen):
            yield int(w), states[row, : int(split.windows.length[w])]


@torch.no_grad()
def doc_outputs(model: MultiTask, split: Split, want_states: bool, heads: tuple[str, ...]) -> list[dict]:
    """Per document: stitched log-probs of the token heads (and states), each token from its best window."""
    rows = D.best_window_rows(split.docs, split.windows)
    per_window: dict[int, dict[str, np.ndarray]] = {}
    for w, states in run_windows(model, split):
        out = {}
        if "si" in heads:
            out["si"] = F.log_softmax(model.heads.si(states), -1).numpy()
        if "quote" in heads:
            out["quote"] = F.log_softmax(model.heads.quote(states), -1).numpy()
        if want_states:
            out["states"] = states.numpy()
        per_window[w] = out
    keys = per_window[0].keys() if per_window else ()
    in_order = range(len(per_window))
    stitched = {key: D.stitch([per_window[w][key] for w in in_order], rows) for key in keys}
    return [{key: stitched[key][d] if len(doc_rows) else None for key in keys} for d, doc_rows in enumerate(rows)]


@torch.no_grad()
def claim_probabilities(model: MultiTask, split: Split) -> np.ndarray:
    probs = np.zeros(len(split.docs))
    order = np.argsort(-split.windows.length, kind="stable")
    for c in range(0, len(order), 256):
        chosen = order[c : c + 256]
        h, mask = split.batch_states(chosen)
        logits = model.heads.claim(sentence_features(model.encode(h, mask), mask)).squeeze(-1)
        probs[split.windows.doc[chosen]] = torch.sigmoid(logits).numpy()
    return probs


def f1_at(gold: np.ndarray, prob: np.ndarray, t: float) -> float:
    pred = prob >= t
    tp, fp, fn = np.sum(pred & (gold == 1)), np.sum(pred & (gold == 0)), np.sum(~pred & (gold == 1))
    return float(2 * tp / (2 * tp + fp + fn)) if tp else 0.0


@torch.no_grad()
def validate(model: MultiTask, splits: dict[str, Split], epoch: int, log, tasks: str = "ptc,polnear,ct24") -> dict:
    import sources

    model.eval()
    started = time.time()
    metrics: dict = {"epoch": epoch}
    raw: dict = {}
    LabelledSpan, score_si, score_tc = sources.ptc_scorers()

    # propaganda
    split = splits["ptc_val"]
    outs = doc_outputs(model, split, want_states=True, heads=("si",))
    gold_si, gold_tc, pred_tc = [], [], []
    tc_rows, lines_seen = [], {}
    for doc, out in zip(split.docs, outs, strict=True):
        for s, e, technique in doc.char_spans:
            gold_si.append(LabelledSpan(doc.key, s, e))
            gold_tc.append(LabelledSpan(doc.key, s, e, technique))
        seen: dict = {}
        for s, e, _ in doc.char_spans:
            key = (s, e)
            if key not in seen:
                inside = D.tokens_inside(doc.offsets, s, e)
                if len(inside) == 0:
                    seen[key] = np.full(len(D.TECHNIQUES), 1.0 / len(D.TECHNIQUES))
                else:
                    feats = span_features(torch.from_numpy(out["states"]), int(inside[0]), int(inside[-1]) + 1)
                    seen[key] = torch.softmax(model.heads.tc(feats[None]), -1)[0].numpy()
                tc_rows.append((doc.key, s, e, seen[key]))
            k = lines_seen.get((doc.key, s, e), 0)
            lines_seen[(doc.key, s, e)] = k + 1
            ranked = X.rank_techniques(seen[key])
            pred_tc.append(LabelledSpan(doc.key, s, e, ranked[k % len(ranked)]))
    metrics["tc"] = score_tc(gold_tc, pred_tc).model_dump()
    sweep = {}
    for o_bias in (-1.0, 0.0, 1.0, 2.0, 3.0):
        for post in (False, True):
            pred = [
                LabelledSpan(doc.key, s, e)
                for doc, out in zip(split.docs, outs, strict=True)
                for s, e, *_ in X.si_spans(doc.text, doc.offsets, out["si"], o_bias, post)
            ]
            sweep[f"bias{o_bias:+.0f}{'_post' if post else ''}"] = score_si(gold_si, pred).model_dump()
    metrics["si"] = sweep["bias+0_post"]
    metrics["si_sweep"] = {k: {m: round(v[m], 4) for m in ("precision", "recall", "f1")} for k, v in sweep.items()}
    raw["ptc_val"] = {"si": [o["si"].astype(np.float16) for o in outs], "tc": tc_rows}
    del outs

    if "ct24" in tasks.split(","):
        validate_claims(model, splits, metrics, raw)
    if "polnear" in tasks.split(","):
        validate_quotes(model, splits, metrics, raw)
    metrics["validation_minutes"] = (time.time() - started) / 60
    (WORK / "val").mkdir(exist_ok=True)
    with open(WORK / "val" / f"epoch{epoch}.pkl", "wb") as handle:
        pickle.dump(raw, handle, protocol=pickle.HIGHEST_PROTOCOL)
    model.train()
    return metrics


def validate_claims(model: MultiTask, splits: dict[str, Split], metrics: dict, raw: dict) -> None:
    import sources

    evaluate = sources.checkthat_scorer()
    claim = {}
    for name in ("ct24_dev", "ct24_dev-test"):
        probs = claim_probabilities(model, splits[name])
        raw[name] = probs
        claim[name] = (np.array([d.label for d in splits[name].docs]), probs, [d.key for d in splits[name].docs])
    gold_dev, prob_dev, _ = claim["ct24_dev"]
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    t_dev = float(grid[int(np.argmax([f1_at(gold_dev, prob_dev, t) for t in grid]))])
    for name, (gold, probs, keys) in claim.items():
        gold_map = {k: "Yes" if g else "No" for k, g in zip(keys, gold, strict=True)}
        for label, t in (("t0.5", 0.5), ("t_dev", t_dev)):
            pred_map = {k: "Yes" if p >= t else "No" for k, p in zip(keys, probs, strict=True)}
            metrics[f"{name}_{label}"] = evaluate(gold_map, pred_map).model_dump()
    metrics["ct24_threshold_dev"] = t_dev


def validate_quotes(model: MultiTask, splits: dict[str, Split], metrics: dict, raw: dict) -> None:
    import sources

    score_documents = sources.polnear_scorer()
    split = splits["polnear_dev"]
    outs = doc_outputs(model, split, want_states=False, heads=("quote",))
    triples = []
    for doc, out in zip(split.docs, outs, strict=True):
        triples.append((doc.text, doc.gold, X.quote_attributions(doc.text, doc.offsets, out["quote"])))
    scores = score_documents(triples).model_dump()
    metrics["polnear_dev"] = scores
    raw["polnear_dev"] = [o["quote"].astype(np.float16) for o in outs]


def summary(m: dict) -> str:
    line = f"epoch {m['epoch']}: SI F1 {m['si']['f1']:.3f} (P {m['si']['precision']:.3f} R {m['si']['recall']:.3f}) | "
    line += f"TC {m['tc']['micro_f1']:.3f}"
    if "ct24_threshold_dev" in m:
        line += (
            f" | CT24 dev {m['ct24_dev_t_dev']['f1']:.3f} (t={m['ct24_threshold_dev']}) "
            f"dev-test {m['ct24_dev-test_t_dev']['f1']:.3f} (t0.5 {m['ct24_dev-test_t0.5']['f1']:.3f})"
        )
    if "polnear_dev" in m:
        q = m["polnear_dev"]["all"]
        line += f" | PolNeAR overlap F1 {q['content_overlap']['f1']:.3f} source acc {q['source_accuracy']:.3f}"
    return line


# ---------------------------------------------------------------- main loop


def save_atomic(obj, path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def load_taught(work: Path) -> dict[str, np.ndarray]:
    path = work / TARGETS_FILE
    if not path.is_file():
        raise SystemExit(f"{path} is missing: run training/encoder/teach.py --work {work}")
    return dict(np.load(path))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--budget", type=int, default=2048, help="padded tokens per batch")
    parser.add_argument("--lr", type=float, default=5e-5, help="upper layers")
    parser.add_argument("--head-lr", type=float, default=5e-4)
    parser.add_argument("--warmup", type=float, default=0.04)
    parser.add_argument("--tc-weight", type=float, default=0.5)
    parser.add_argument("--quote-weight", type=float, default=1.0)
    parser.add_argument("--claim-weight", type=float, default=1.0)
    parser.add_argument("--polnear-cycle", type=int, default=3)
    parser.add_argument("--ct24-cycle", type=int, default=3)
    parser.add_argument("--taught-cycle", type=int, default=4)
    parser.add_argument("--taught-weight", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--tasks", default="ptc,polnear,ct24", help="the tasks trained and validated")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--bf16",
        action="store_true",
        help="bf16 autocast for the upper layers while training (only on CPUs with AVX512-BF16 or AMX)",
    )
    parser.add_argument("--checkpoint-minutes", type=float, default=5.0)
    parser.add_argument("--max-steps-per-epoch", type=int, default=0, help="smoke tests only")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--fresh", action="store_true", help="start over even if a checkpoint exists")
    parser.add_argument(
        "--validate-only",
        type=Path,
        default=None,
        help="score these saved weights (work/epochN.pt) and print the metrics; no training",
    )
    args = parser.parse_args()
    global WORK
    if args.work:
        WORK = args.work
    cache = WORK / "cache"
    checkpoint_path = WORK / "checkpoint.pt"
    if checkpoint_path.exists() and not (args.resume or args.fresh or args.validate_only):
        raise SystemExit(f"{checkpoint_path} exists: pass --resume to continue or --fresh to start over")
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    def log(message: str) -> None:
        line = f"{time.strftime('%Y-%m-%d %H:%M:%S')} {message}"
        print(line, flush=True)

    import sources

    sources.check_techniques(D.TECHNIQUES)
    tasks = args.tasks.split(",")
    names = {"ptc_val"} | {TRAIN_SPLIT[t] for t in tasks} | {n for t in tasks for n in VALIDATION_SPLITS[t]}
    splits = {n: Split(cache, n) for n in sorted(names)}  # only what the tasks train and validate on (ptc_val always)
    taught = load_taught(WORK) if "taught" in args.tasks.split(",") else {}
    model = MultiTask(load_base(ensure_base_weights()), cached_lower(cache))
    if args.validate_only:
        model.load_state_dict(torch.load(args.validate_only, map_location="cpu"))
        metrics = validate(model, splits, 0, log, args.tasks)
        log(summary(metrics))
        print(json.dumps(metrics, indent=1, default=str))
        return
    model.train()
    upper = [p for p in model.upper.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(
        [
            {"params": upper, "lr": args.lr, "weight_decay": 0.01},
            {"params": list(model.heads.parameters()), "lr": args.head_lr, "weight_decay": 0.01},
        ]
    )
    plans_len = [len(epoch_plan(splits, e, args)) for e in range(args.epochs)]
    if args.max_steps_per_epoch:
        plans_len = [min(n, args.max_steps_per_epoch) for n in plans_len]
    total = sum(plans_len)
    warmup = max(1, int(args.warmup * total))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    )
    state = {
        "epoch": 0,
        "position": 0,
        "step": 0,
        "pending_validation": False,
        "history": [],
        "train_seconds": 0.0,
        "train_tokens": 0,
    }
    if args.resume and checkpoint_path.exists():
        saved = torch.load(checkpoint_path, map_location="cpu", weights_only=False)
        model.load_state_dict(saved["model"])
        optimiser.load_state_dict(saved["optimiser"])
        schedule.load_state_dict(saved["schedule"])
        torch.set_rng_state(saved["torch_rng"])
        state = saved["state"]
        log(f"resumed at epoch {state['epoch']} batch {state['position']} (step {state['step']}/{total})")
    else:
        log(f"fresh start: {args.epochs} epochs, batches per epoch {plans_len}, {total} steps")
    (WORK / "args.json").write_text(json.dumps(vars(args), default=str, indent=2))

    def checkpoint() -> None:
        save_atomic(
            {
                "model": model.state_dict(),
                "optimiser": optimiser.state_dict(),
                "schedule": schedule.state_dict(),
                "torch_rng": torch.get_rng_state(),
                "state": state,
                "args": vars(args),
            },
            checkpoint_path,
        )

    last_checkpoint = time.time()
    while state["epoch"] < args.epochs:
        epoch = state["epoch"]
        if not state["pending_validation"]:
            plan = epoch_plan(splits, epoch, args)[: plans_len[epoch]]
            running: dict[str, list[float]] = {}
            t0, tokens0 = time.time(), 0
            while state["position"] < len(plan):
                task, chosen = plan[state["position"]]
                split = splits[TRAIN_SPLIT[task]]
                loss, parts = batch_loss(model, split, task, chosen, args, taught)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimiser.step()
                schedule.step()
                optimiser.zero_grad(set_to_none=True)
                n_tokens = int(split.windows.length[chosen].sum())
                state["position"] += 1
                state["step"] += 1
                state["train_tokens"] += n_tokens
                tokens0 += n_tokens
                for k, v in parts.items():
                    running.setdefault(k, []).append(v)
                if state["position"] % 25 == 0:
                    elapsed = time.time() - t0
                    losses = " ".join(f"{k} {np.mean(v[-25:]):.3f}" for k, v in running.items())
                    log(
                        f"epoch {epoch + 1} batch {state['position']}/{len(plan)} step {state['step']}/{total} "
                        f"{losses} | {tokens0 / max(elapsed, 1e-9):.0f} tokens/s lr {schedule.get_last_lr()[0]:.2e}"
                    )
                if time.time() - last_checkpoint > args.checkpoint_minutes * 60:
                    state["train_seconds"] += time.time() - t0
                    t0, tokens0 = time.time(), 0
                    checkpoint()
                    last_checkpoint = time.time()
                    log(f"checkpoint at epoch {epoch + 1} batch {state['position']}")
            state["train_seconds"] += time.time() - t0
            state["pending_validation"] = True
            torch.save({k: v for k, v in model.state_dict().items()}, WORK / f"epoch{epoch + 1}.pt")
            checkpoint()
            last_checkpoint = time.time()
            log(f"epoch {epoch + 1} trained; weights in {WORK / f'epoch{epoch + 1}.pt'}")
        rng_state = torch.get_rng_state()
        try:
            metrics = validate(model, splits, epoch + 1, log, args.tasks)
            metrics["train_hours"] = state["train_seconds"] / 3600
            metrics["train_tokens"] = state["train_tokens"]
            state["history"].append(metrics)
            with open(WORK / "metrics.jsonl", "a") as handle:
                handle.write(json.dumps(metrics) + "\n")
            log(summary(metrics))
            summary_path = (
                HERE / "metrics.json" if WORK == HERE / "work" else WORK / "metrics.json"
            )  # smoke runs stay in their work dir
            summary_path.write_text(json.dumps({"args": vars(args), "epochs": state["history"]}, indent=1, default=str))
        except Exception:  # a scorer import broken by the ongoing reshape must not stop training
            log("validation failed:\n" + traceback.format_exc())
        finally:
            model.train()
            torch.set_rng_state(rng_state)  # validation never changes the training randomness
        state["epoch"] += 1
        state["position"] = 0
        state["pending_validation"] = False
        checkpoint()
        last_checkpoint = time.time()
    log("training finished")


if __name__ == "__main__":
    main()
