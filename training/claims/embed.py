"""Encode the CT24 splits with a shipped-format encoder folder and cache the vectors (.npz).

    OMP_NUM_THREADS=1 .venv/bin/python training/claims/embed.py ENCODER_DIR OUT.npz [CALIBRATION.json]

With CALIBRATION.json (from finetune.py) only those train rows are encoded (`train_rows` says which).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SPLITS, load_split

from newsprobe.analyse.claims.encoder import OnnxSentenceEncoder


def main() -> None:
    encoder_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    encoder = OnnxSentenceEncoder.load(encoder_dir, threads=1)
    arrays: dict[str, np.ndarray] = {}
    rows = json.loads(Path(sys.argv[3]).read_text())["train_indices"] if len(sys.argv) > 3 else None
    for split in SPLITS:
        texts, _ = load_split(split)
        if split == "train" and rows is not None:
            texts = [texts[i] for i in rows]
            arrays["train_rows"] = np.array(rows)
        started = time.perf_counter()
        arrays[split] = encoder.encode(texts)
        elapsed = time.perf_counter() - started
        print(f"{split}: {len(texts)} sentences, {len(texts) / elapsed:.0f}/s", flush=True)
    np.savez(out, space=np.str_(encoder.space), **arrays)


if __name__ == "__main__":
    main()
