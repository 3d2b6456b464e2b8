"""A run's propaganda tags on the validation windows as the product would compute them, saved as a pseudo-epoch that
`in_best.py` scores: the lower graph the product builds (7-bit, from the run's exported skeleton), then the run's
upper layers in fp32 (torch), or its exported upper graph: weights in 4 and 8 bits computed in fp32 (`wq`, what the
product runs), or dynamically quantised (8-bit, or the 7-bit copy the product made of it until 2026-12-05).

    PYTHONPATH=<torch> .venv/bin/python training/encoder/runtime_tags.py --work training/encoder/work/ptc-top6 \\
        --epoch 5 --upper fp32 --as-epoch 58
    .venv/bin/python training/encoder/in_best.py --work training/encoder/work/ptc-top6 --epoch 58

Needs `export.py export --weights <work>/epochN.pt --tasks ptc --out <work>/export` first (for the skeleton and, with
--upper wq/8bit/7bit, the upper graph).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data as D  # noqa: E402
from seven_bit import ensure_seven_bit  # noqa: E402

from newsprobe.analyse._numeric import log_softmax  # noqa: E402
from newsprobe.analyse.mpnet.base_weights import ensure_base_weights  # noqa: E402
from newsprobe.analyse.mpnet.lower_graph import ensure_lower_graph  # noqa: E402

UpperRun = Callable[[np.ndarray, np.ndarray], np.ndarray]  # (lower states, mask) -> SI logits of one window


def session(path: Path):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def torch_upper(work: Path, epoch: int) -> UpperRun:
    import torch
    from model import MultiTask, cached_lower, load_base

    torch.set_num_threads(1)
    model = MultiTask(load_base(ensure_base_weights()), cached_lower(work / "cache"))
    model.load_state_dict(torch.load(work / f"epoch{epoch}.pt", map_location="cpu"))
    model.eval()

    def run(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            return model.heads.si(model.encode(torch.from_numpy(states), torch.from_numpy(mask)))[0].numpy()

    return run


def onnx_upper(graph: Path) -> UpperRun:
    upper = session(graph)

    def run(states: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return upper.run(["si_logits"], {"states": states, "attention_mask": mask})[0][0]

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--epoch", type=int, required=True, help="the weights (fp32) the export was made from")
    parser.add_argument("--upper", choices=("fp32", "wq", "8bit", "7bit"), required=True)
    parser.add_argument("--as-epoch", type=int, required=True, help="write <work>/val/epochN.pkl for in_best.py")
    args = parser.parse_args()
    export = args.work / "export"
    lower = session(ensure_lower_graph(ensure_base_weights(), export / "lower.skeleton.onnx"))
    graph = export / "upper.int8.onnx"
    if args.upper == "fp32":
        upper = torch_upper(args.work, args.epoch)
    elif args.upper == "wq":
        upper = onnx_upper(export / "upper.wq.onnx")
    else:  # the 7-bit copy goes to a folder of its own: building it replaces older copies beside it
        seven = export / "seven-bit"
        seven.mkdir(exist_ok=True)
        upper = onnx_upper(ensure_seven_bit(graph, seven) if args.upper == "7bit" else graph)
    cache = args.work / "cache"
    with open(cache / "ptc_val.docs.pkl", "rb") as handle:
        docs = pickle.load(handle)
    windows = D.WindowSet.load(cache / "ptc_val.windows.npz")
    per_window = []
    for w in range(len(windows.offset)):
        at, n = int(windows.offset[w]), int(windows.length[w])
        ids = windows.ids[at : at + n].astype(np.int64)[None]
        mask = np.ones_like(ids)
        (states,) = lower.run(["states"], {"input_ids": ids, "attention_mask": mask})
        per_window.append(log_softmax(upper(states, mask).astype(np.float64)))
    tags = [rows.astype(np.float16) for rows in D.stitch(per_window, D.best_window_rows(docs, windows))]
    with open(args.work / "val" / f"epoch{args.as_epoch}.pkl", "wb") as handle:
        pickle.dump({"ptc_val": {"si": tags}}, handle, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{len(tags)} articles -> {args.work / 'val' / f'epoch{args.as_epoch}.pkl'}")


if __name__ == "__main__":
    main()
