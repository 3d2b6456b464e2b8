"""Train the attribution CRF on PolNeAR train; select on dev; write the model and its dev scores.

    OMP_NUM_THREADS=1 python training/quotes/parse_corpus.py /work/shared/data/quotes/polnear /tmp/quotes_cache
    OMP_NUM_THREADS=1 python training/quotes/train_tagger.py /tmp/quotes_cache \
        --out src/newsprobe/weights/quotes/attribution_crf.crfsuite

Only train is used for fitting; dev chooses the settings (c1, c2, iterations). Test is held out.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.tokens import DocBin

from newsprobe.analyse.nlp import SharedNLP
from newsprobe.analyse.quotes.marks import find_quotes
from newsprobe.analyse.quotes.rules import find_attributions
from newsprobe.analyse.quotes.tagger import decode, doc_features, token_labels
from newsprobe.eval.polnear import score_documents


def load(cache: Path, split: str) -> list[tuple[Any, dict[str, Any]]]:
    nlp = SharedNLP().nlp
    docs = list(DocBin().from_disk(cache / f"{split}.spacy").get_docs(nlp.vocab))
    rows = [json.loads(line) for line in (cache / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == len(rows)
    return list(zip(docs, rows, strict=True))


def featurise(items: list[tuple[Any, dict[str, Any]]]) -> list[tuple[list[list[str]], list[str], list[Any]]]:
    out = []
    for doc, row in items:
        quotes = find_quotes(doc.text)
        rules = find_attributions(doc, quotes)
        out.append((doc_features(doc, rules, quotes), token_labels(doc, row["attributions"]), rules))
    return out


def rows_of(raws: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "content": [list(c) for c in r.content],
            "source": [list(r.source)] if r.source else [],
            "cue": [list(c) for c in r.cue],
        }
        for r in raws
    ]


def evaluate(model: Path, dev: list[tuple[Any, dict[str, Any]]], dev_feats: list[Any]) -> dict[str, Any]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    crf_docs, rule_docs = [], []
    for (doc, row), (x, _, rules) in zip(dev, dev_feats, strict=True):
        predicted = decode(doc, tagger.tag(x))
        crf_docs.append((doc.text, row["attributions"], rows_of(predicted)))
        rule_docs.append((doc.text, row["attributions"], rows_of(rules)))
    return {"crf": score_documents(crf_docs).model_dump(), "rules": score_documents(rule_docs).model_dump()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cache", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/quotes_cache/model.crfsuite"))
    parser.add_argument("--c1", type=float, default=0.2)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--minfreq", type=float, default=2)
    parser.add_argument("--metrics", type=Path, default=None)
    args = parser.parse_args()

    started = time.time()
    train, dev = load(args.cache, "train"), load(args.cache, "dev")
    train_feats, dev_feats = featurise(train), featurise(dev)
    print(f"featurised in {time.time() - started:.0f}s", flush=True)
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y, _ in train_feats:
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.minfreq,
            "feature.possible_transitions": True,
        }
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"trained in {time.time() - started:.0f}s", flush=True)
    scores = evaluate(args.out, dev, dev_feats)
    summary = {
        "params": {"c1": args.c1, "c2": args.c2, "iterations": args.iterations, "minfreq": args.minfreq},
        "model_bytes": args.out.stat().st_size,
        "dev": scores,
        "seconds": round(time.time() - started),
    }
    for name in ("rules", "crf"):
        s = scores[name]["all"]
        d = scores[name]["direct"]
        print(
            f"{name}: overlap F1 {s['content_overlap']['f1']:.4f} exact F1 {s['content_exact']['f1']:.4f} "
            f"source acc {s['source_accuracy']:.4f} direct overlap F1 {d['content_overlap']['f1']:.4f}",
            flush=True,
        )
    if args.metrics:
        args.metrics.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
