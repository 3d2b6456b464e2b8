"""Soft propaganda targets for self-training (issue 18): the best profile's P(inside a span) on the PolNeAR train
texts, carried onto this encoder's tokens of the cached `polnear_train` documents.

The teacher's outputs are those `training/propaganda/teacher.py` caches (`training/propaganda/work/teacher_best.npz`:
one array per unlabelled text, in the order of `teacher.unlabelled_texts`, on the MiniLM wordpieces). Texts are
matched by content; a cached document whose text the teacher never read is left out (it gets no soft target).

    .venv/bin/python training/encoder/teach.py        # writes work/taught_polnear_train.npz
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent / "propaganda"))  # after this folder: its own `data` module is the one imported

import data as D  # noqa: E402
from sources import carry_probabilities, minilm_tokenizer  # noqa: E402
from teacher import CACHE as TEACHER  # noqa: E402
from teacher import unlabelled_texts  # noqa: E402

TARGETS_FILE = "taught_polnear_train.npz"  # in the run's work folder, read by train.py's `taught` task


def soft_targets(docs: list[D.Doc], teacher: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """{document index: P(inside) per body token} for every document the teacher read."""
    on_tokens, tokenizer = carry_probabilities(), minilm_tokenizer()
    by_text = {text: str(k) for k, text in enumerate(unlabelled_texts())}  # the cache's order
    out = {}
    for index, doc in enumerate(docs):
        key = by_text.get(doc.text)
        if key is None or key not in teacher:
            continue
        inside = teacher[key].astype(np.float64)
        source = tokenizer.encode(doc.text, add_special_tokens=False).offsets
        if len(source) != len(inside):
            raise SystemExit(f"teacher text {key}: {len(inside)} targets for {len(source)} wordpieces")
        carried = on_tokens([tuple(o) for o in doc.offsets.tolist()], source, np.stack([1 - inside, inside], 1))
        out[str(index)] = carried[:, 1].astype(np.float32)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teacher", type=Path, default=TEACHER)
    parser.add_argument("--work", type=Path, default=HERE / "work")
    args = parser.parse_args()
    if not args.teacher.is_file():
        raise SystemExit(f"{args.teacher} is missing: run training/propaganda/teacher.py")
    with open(args.work / "cache" / "polnear_train.docs.pkl", "rb") as handle:
        docs = pickle.load(handle)
    targets = soft_targets(docs, dict(np.load(args.teacher)))
    out = args.work / TARGETS_FILE
    np.savez_compressed(out, **targets)
    mean = float(np.mean(np.concatenate(list(targets.values())))) if targets else 0.0
    print(f"{len(targets)} of {len(docs)} documents taught, mean P(inside) {mean:.3f} -> {out}")


if __name__ == "__main__":
    main()
