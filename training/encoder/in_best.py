"""Score a training run's propaganda tagger inside the best profile, without exporting it (issue 18 experiments).

The best profile averages its MPNet O/B/I probabilities with the accurate profile's (`BEST_TAG_WEIGHT`). Here the
shipped MPNet probabilities are swapped for the fp32 validation outputs that `train.py` saved after an epoch
(`<work>/val/epochN.pkl`), and `training/propaganda/calibrate.py` fits and cross-validates the operating point as
it does for the shipped model (same folds, settings and aims; techniques still from the shipped heads). The point
goes to `<work>/best_point.epochN.npz`; the shipped files are not touched.

    /work/trainenv/bin/python training/encoder/in_best.py --work training/encoder/work/self-train --epoch 5
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "propaganda"))  # first: its data module is the one imported as `data`

import calibrate as C  # noqa: E402
from data import load_train, split_ids  # noqa: E402

from newsprobe.analyse.propaganda.model import BEST_TAG_WEIGHT, mix_tags  # noqa: E402


def encoder_data_module():
    """training/encoder/data.py, loaded as `encoder_data`: training/propaganda's own `data` module holds the name
    `data` here, under which the cache pickled its documents."""
    if "encoder_data" not in sys.modules:
        spec = importlib.util.spec_from_file_location("encoder_data", HERE / "data.py")
        assert spec is not None and spec.loader is not None
        sys.modules["encoder_data"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules["encoder_data"])
    return sys.modules["encoder_data"]


class EncoderDocs(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        return getattr(encoder_data_module(), name) if module == "data" else super().find_class(module, name)


def validation_probabilities(work: Path, epoch: int) -> dict[str, tuple[list[tuple[int, int]], np.ndarray]]:
    """{article id: (MPNet token offsets, O/B/I probabilities)} of one epoch's validation pass."""
    with open(work / "cache" / "ptc_val.docs.pkl", "rb") as handle:
        docs = EncoderDocs(handle).load()
    with open(work / "val" / f"epoch{epoch}.pkl", "rb") as handle:
        log_probabilities = pickle.load(handle)["ptc_val"]["si"]
    out = {}
    for doc, row in zip(docs, log_probabilities, strict=True):
        p = np.exp(row.astype(np.float64))
        out[doc.key] = ([tuple(o) for o in doc.offsets.tolist()], p / p.sum(1, keepdims=True))
    return out


TaggerOutputs = Callable[[str, list[str], dict[str, str]], dict[str, "C.Outputs"]]


def best_with_tags(
    replacement: dict[str, tuple[list[tuple[int, int]], np.ndarray]],
    shipped_outputs: TaggerOutputs,
    shipped_weight: float = 0.0,
) -> TaggerOutputs:
    """calibrate.tagger_outputs, with the best profile's MPNet tags replaced (the accurate member stays), or with
    `shipped_weight` > 0 averaged with the shipped MPNet tags (an ensemble of the two upper graphs)."""

    def outputs(profile: str, ids: list[str], articles: dict[str, str]) -> dict[str, C.Outputs]:
        if profile != "best":
            return shipped_outputs(profile, ids, articles)
        other = shipped_outputs("accurate", ids, articles)
        mixed = {}
        for a, encoding in C.raw_outputs("best", ids, articles).items():
            offsets, probabilities = replacement[a]
            if shipped_weight > 0:
                shipped = encoding.si_probabilities
                probabilities = mix_tags(offsets, probabilities, encoding.offsets, shipped, 1.0 - shipped_weight)
            tags = mix_tags(offsets, probabilities, other[a].offsets, other[a].probabilities, BEST_TAG_WEIGHT)
            mixed[a] = C.Outputs(articles[a], offsets, tags, encoding, other[a])
        return mixed

    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--epoch", type=int, required=True)
    parser.add_argument("--target", type=float, default=0.55)
    parser.add_argument(
        "--shipped-weight", type=float, default=0.0, help="average the run's tags with the shipped MPNet tags"
    )
    args = parser.parse_args()
    run = validation_probabilities(args.work, args.epoch)
    C.tagger_outputs = best_with_tags(run, C.tagger_outputs, args.shipped_weight)
    name = f"epoch{args.epoch}" + (f".shipped{args.shipped_weight:g}" if args.shipped_weight else "")
    C.POINT_FILES["best"] = args.work / f"best_point.{name}.npz"
    articles, spans = load_train()
    train_ids, ids = split_ids(list(articles))
    report = C.calibrate("best", args.target, True, articles, spans, ids, C.word_rates(articles, spans, train_ids))
    keys = ("cross_validated", "cross_validated_with_the_setting_choice", "highlight")
    summary = {
        "work": str(args.work),
        "epoch": args.epoch,
        "shipped_weight": args.shipped_weight,
        **{k: report.get(k) for k in keys},
    }
    (args.work / f"in_best.{name}.json").write_text(json.dumps(summary, indent=1, default=str))
    print(json.dumps(summary, indent=1, default=str))


if __name__ == "__main__":
    main()
