"""Score a training run's quote tags inside the product's quotes analyser, without exporting (issue 18 experiments).

On PolNeAR dev (84 articles, first annotator), with the `newsprobe eval quotes` contract, after the analyser's own
clean-up (quote marks followed, sources repaired, rule cues borrowed, continuations attached):

- `tagger`: the shipped CRF, as the accurate and best profiles run it;
- `encoder`: the run's fp32 validation tags (`<work>/val/epochN.pkl`) where the `encoder` method reads the
  shipped encoder's;
- `combined <w>`: the `combined` method (the CRF's marginals averaged with the encoder's tag probabilities on every
  spaCy token, `quotes.encoder_tags.combined_attributions`) with weight w on the run's.

Without `--work`, the shipped encoder's int8 tags are scored instead. Writes `<work>/quotes_in_best.epochN.json`
(`work/quotes_in_best.shipped.json`). The shipped files are not touched.

    /work/trainenv/bin/python training/encoder/quotes_in_best.py [--work training/encoder/work/quotes-full --epoch 3]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from in_best import EncoderDocs, encoder_data_module  # noqa: E402

from newsprobe.analyse import mpnet  # noqa: E402
from newsprobe.analyse.mpnet import Computed, MultitaskEncoding  # noqa: E402
from newsprobe.analyse.pipeline import Pipeline  # noqa: E402
from newsprobe.analyse.quotes.encoder_tags import ENCODER_WEIGHT  # noqa: E402
from newsprobe.document import Article  # noqa: E402
from newsprobe.eval.polnear import (  # noqa: E402
    attribution_records,
    first_annotation_per_file,
    read_jsonl,
    read_text,
    score_documents,
)

POLNEAR = encoder_data_module().SHARED / "quotes" / "polnear"
WEIGHTS = (0.3, 0.5, 0.7)
WORK = HERE / "work"


def run_tags(work: Path, epoch: int) -> dict[str, tuple[list[tuple[int, int]], np.ndarray]]:
    """{text: (wordpiece offsets, tag log-probabilities)} of one epoch's PolNeAR dev validation pass."""
    with open(work / "cache" / "polnear_dev.docs.pkl", "rb") as handle:
        docs = EncoderDocs(handle).load()
    with open(work / "val" / f"epoch{epoch}.pkl", "rb") as handle:
        log_probabilities = pickle.load(handle)["polnear_dev"]
    return {
        doc.text: ([tuple(o) for o in doc.offsets.tolist()], row.astype(np.float64))
        for doc, row in zip(docs, log_probabilities, strict=True)
    }


def use_run_tags(tags: dict[str, tuple[list[tuple[int, int]], np.ndarray]], texts: list[str]) -> None:
    """Make the analyser read the run's tags where it would run the shipped encoder."""
    missing = [t for t in texts if t not in tags]
    if missing:
        raise SystemExit(f"{len(missing)} dev texts are not in the run's validation pass")
    mpnet.encode_text_part = lambda context, text, title: MultitaskEncoding(  # type: ignore[assignment]
        tags[text][0], np.zeros((0, 0)), np.zeros((len(tags[text][0]), 3)), Computed(tags[text][1])
    )


def score(method: str, rows: list[dict], texts: list[str], encoder_weight: float = ENCODER_WEIGHT) -> dict:
    quotes_config = {"method": method, "encoder_weight": encoder_weight}
    pipeline = Pipeline(["quotes"], profile="accurate", config={"quotes": quotes_config})
    triples = []
    for row, text in zip(rows, texts, strict=True):
        result = pipeline.run(Article(text=text)).results["quotes"]
        triples.append((text, row["attributions"], attribution_records(result)))
    scores = score_documents(triples)
    return {
        "overlap": scores.all.content_overlap.model_dump(),
        "exact_f1": scores.all.content_exact.f1,
        "source_accuracy": scores.all.source_accuracy,
        "direct_overlap_f1": scores.direct.content_overlap.f1,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=None, help="a training run (default: the shipped encoder)")
    parser.add_argument("--epoch", type=int, default=0)
    args = parser.parse_args()
    rows = list(first_annotation_per_file(read_jsonl(POLNEAR / "polnear_dev.jsonl")).values())
    texts = [read_text(POLNEAR, row["text_file"]) for row in rows]
    if args.work:
        use_run_tags(run_tags(args.work, args.epoch), texts)
    systems = {"tagger": score("tagger", rows, texts), "encoder": score("encoder", rows, texts)}
    for weight in WEIGHTS:
        systems[f"combined {weight}"] = score("combined", rows, texts, weight)
    for name, s in systems.items():
        o = s["overlap"]
        print(
            f"{name:12s} overlap P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}  exact F1 "
            f"{s['exact_f1']:.3f}  source {s['source_accuracy']:.3f}  direct {s['direct_overlap_f1']:.3f}"
        )
    out = args.work / f"quotes_in_best.epoch{args.epoch}.json" if args.work else WORK / "quotes_in_best.shipped.json"
    out.write_text(json.dumps(systems, indent=1))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
