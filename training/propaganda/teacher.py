"""The best profile as teacher (distillation, issue 18): its averaged tagger's P(inside a span) on unlabelled
news, carried onto the MiniLM student's wordpieces. Torch-free, so the cache can be built before training.

    .venv/bin/python training/propaganda/teacher.py   # builds work/teacher_best.npz (resumable)
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent

from newsprobe.analyse._onnx import load_tokenizer
from newsprobe.analyse.propaganda.encoder import ENCODER_DIR

POLNEAR = HERE.parents[2] / "shared" / "data" / "quotes" / "polnear" / "raw"
CACHE = HERE / "work" / "teacher_best.npz"


def unlabelled_texts(limit: int = 0) -> list[str]:
    """PolNeAR train + dev texts (US political news from seven publishers), never PTC."""
    files = sorted(POLNEAR.glob("train/text/*.txt")) + sorted(POLNEAR.glob("dev/text/*.txt"))
    return [f.read_text(encoding="utf-8") for f in files[: limit or None]]


def teacher_inside(tokenizer, texts: list[str], cache: Path = CACHE) -> list[np.ndarray]:
    """The best profile's P(inside a span) on each student wordpiece of each text (cached, resumable)."""
    from newsprobe.analyse.base import AnalysisContext
    from newsprobe.analyse.propaganda.decode import on_tokens
    from newsprobe.analyse.propaganda.model import BestPropaganda

    done: dict[str, np.ndarray] = dict(np.load(cache)) if cache.is_file() else {}
    missing = [k for k in range(len(texts)) if str(k) not in done]
    if not missing:
        return [done[str(k)] for k in range(len(texts))]
    resources: dict[str, object] = {}
    teacher = BestPropaganda(AnalysisContext(profile="best", resources=resources))
    for k in missing:
        text = texts[k]
        offsets, probabilities = teacher.token_probabilities(text, AnalysisContext(profile="best", resources=resources))
        student = tokenizer.encode(text, add_special_tokens=False).offsets
        done[str(k)] = (1.0 - on_tokens(student, offsets, probabilities)[:, 0]).astype(np.float32)
        if len(done) % 50 == 0 or k == missing[-1]:
            cache.parent.mkdir(parents=True, exist_ok=True)
            np.savez(cache.with_suffix(".partial.npz"), **done)
            cache.with_suffix(".partial.npz").replace(cache)
            print(f"  teacher: {len(done)}/{len(texts)} texts", flush=True)
    return [done[str(k)] for k in range(len(texts))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N unlabelled texts")
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args()
    tokenizer = load_tokenizer(ENCODER_DIR / "tokenizer.json")  # the base MiniLM's, shipped beside the tagger
    targets = teacher_inside(tokenizer, unlabelled_texts(args.limit), args.cache)
    print(f"{len(targets)} texts taught, mean P(inside) {np.mean(np.concatenate(targets)):.3f} -> {args.cache}")


if __name__ == "__main__":
    main()
