"""Install an exported model into the product (src/newsprobe/weights/mpnet/).

    .venv/bin/python training/encoder/ship.py --export training/encoder/work/ptc-top8/export
    .venv/bin/python training/encoder/ship.py --quotes-export training/encoder/work/quotes-full/export

`--export` (a run trained with `--tasks ptc`) ships the upper graph: `lower.skeleton.onnx` (the frozen layers,
weightless, with the states after layer 6 for the check-worthiness head and after layer 8 for the quotes graph),
`upper.wq.onnx` (weights in 4 bits, computed in fp32) and `heads.npz` (the technique head). `--quotes-export`
(a run trained with `--tasks polnear` on every PolNeAR train article) ships only the quotes graph: that export's
`upper.wq.onnx` becomes `quotes.wq.onnx`; `quotes_in_best.py` measures it. The propaganda operating point is
fitted afterwards by `training/propaganda/calibrate.py --profiles best`.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from newsprobe.analyse.mpnet.encoder import MPNET_DIR, QUOTES_GRAPH, UPPER_GRAPH

SHIPPED = ("lower.skeleton.onnx", UPPER_GRAPH, "heads.npz")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--export", type=Path, help="ship this export's upper graph, lower skeleton and heads")
    which.add_argument("--quotes-export", type=Path, help="ship only this export's graph, as the quotes graph")
    args = parser.parse_args()
    MPNET_DIR.mkdir(parents=True, exist_ok=True)
    if args.quotes_export:
        shutil.copyfile(args.quotes_export / "upper.wq.onnx", MPNET_DIR / QUOTES_GRAPH)
        return
    for name in SHIPPED:
        shutil.copyfile(args.export / name, MPNET_DIR / name)


if __name__ == "__main__":
    main()
