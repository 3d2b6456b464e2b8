"""Quotes on PolNeAR dev: newsprobe (fast = rules, accurate = rules + CRF tagger, best = the shared encoder's tags
(when its base weights are installed), and the tagger on the
fast profile's parse) vs a textacy-style direct-quote baseline, scored with the `newsprobe eval quotes`
contract.

    OMP_NUM_THREADS=1 .venv/bin/python bench/quotes.py [--limit N]

Columns: content exact and overlap P/R/F1, source accuracy on overlap-matched contents, the same
overlap F1 on the direct-only subset, and articles per second (spaCy parse included, one thread).
Each spaCy doc is parsed once and shared by the systems; the speed column times parse + analysers.
The "annotators" row is the human ceiling under the same metric: every ordered pair of annotators
on the PolNeAR articles that several people annotated (train and dev; one as gold, one as system).
A second speed column runs each profile in two worker processes (the issue's "on 2 cores"), timed
after the workers have loaded their models.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from itertools import permutations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SHARED_DATA, print_table, write_result

from newsprobe.analyse import mpnet
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.quotes import SPEECH_VERBS, find_quotes
from newsprobe.document import Article
from newsprobe.eval.polnear import (
    QuoteScores,
    attribution_records,
    first_annotation_per_file,
    read_jsonl,
    read_text,
    score_documents,
)

POLNEAR = SHARED_DATA / "quotes" / "polnear"
TARGETS = {"content_overlap_f1": 0.85, "source_accuracy": 0.85, "direct_overlap_f1": 0.95, "articles_per_second": 10}


def textacy_style(doc: Any) -> list[dict[str, Any]]:
    """Direct quotes only, as textacy's `direct_quotations` does: a quoted passage of ≥ 4 tokens with a
    reporting verb in its sentence outside the quote; the speaker is that verb's subject."""
    out = []
    for region in find_quotes(doc.text):
        span = doc.char_span(region.start, region.end, alignment_mode="expand")
        if span is None or len(span) < 6:
            continue
        sents = {span[0].sent, span[-1].sent}
        verbs = [
            t
            for s in sents
            for t in s
            if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS and not (region.start <= t.idx < region.end)
        ]
        if not verbs:
            continue
        verb = min(verbs, key=lambda t: min(abs(t.idx - region.start), abs(t.idx - region.end)))
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        source = (
            [[subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)]] if subject is not None else []
        )
        out.append(
            {"content": [[region.start, region.end]], "source": source, "cue": [[verb.idx, verb.idx + len(verb)]]}
        )
    return out


# name -> (profile, quotes method): the two profiles' defaults, and the tagger on the fast profile's
# parse (no statistical NER: the tagger's features do not read entities).
CONFIGURATIONS = {
    "fast": ("fast", "auto"),
    "fast + tagger": ("fast", "tagger"),
    "accurate": ("accurate", "auto"),
    "best": ("best", "auto"),
}

_worker_pipeline: Pipeline | None = None


def _pipeline(name: str) -> Pipeline:
    profile, method = CONFIGURATIONS[name]
    pipeline = Pipeline(["quotes"], profile=profile, config={"quotes": {"method": method}})  # type: ignore[arg-type]
    pipeline.run(Article(text="“Warm up,” she said."))  # load the models before any timing
    return pipeline


def _load_worker(name: str) -> None:
    global _worker_pipeline
    _worker_pipeline = _pipeline(name)


def _count_attributions(text: str) -> int:
    assert _worker_pipeline is not None
    result = _worker_pipeline.run(Article(text=text)).results.get("quotes")
    return len(result.attributions) if result is not None else 0


def _worker_id(_: int) -> int:
    time.sleep(0.5)
    return os.getpid()


def two_process_rate(name: str, texts: list[str]) -> float:
    """Articles per second over two worker processes, after both have loaded their models (a worker answers only
    once its initializer is done). Run with OMP_NUM_THREADS=1: two processes of two BLAS threads each on 2 cores
    read about half the rate."""
    with ProcessPoolExecutor(2, initializer=_load_worker, initargs=(name,)) as pool:
        while len(set(pool.map(_worker_id, range(4)))) < 2:
            pass
        started = time.perf_counter()
        list(pool.map(_count_attributions, texts, chunksize=2))
        return len(texts) / (time.perf_counter() - started)


def annotator_agreement() -> QuoteScores:
    """Each annotator scored against each other one, on the articles with several annotators."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for split in ("train", "dev"):
        for row in read_jsonl(POLNEAR / f"polnear_{split}.jsonl"):
            by_article[row["filename"]].append(row)
    return score_documents(
        (read_text(POLNEAR, a["text_file"]), a["attributions"], b["attributions"])
        for rows in by_article.values()
        if len(rows) > 1
        for a, b in permutations(rows, 2)
    )


def summarise(scores: QuoteScores, seconds: float, n: int) -> dict[str, Any]:
    a, d = scores.all, scores.direct
    return {
        "content_exact": a.content_exact.model_dump(),
        "content_overlap": a.content_overlap.model_dump(),
        "source_accuracy": a.source_accuracy,
        "source_exact_accuracy": a.source_exact_accuracy,
        "direct": {
            "content_exact": d.content_exact.model_dump(),
            "content_overlap": d.content_overlap.model_dump(),
            "source_accuracy": d.source_accuracy,
        },
        "articles_per_second": n / seconds if seconds else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    rows = list(first_annotation_per_file(read_jsonl(POLNEAR / "polnear_dev.jsonl")).values())[: args.limit]
    texts = [read_text(POLNEAR, row["text_file"]) for row in rows]
    pipelines = {name: _pipeline(name) for name in CONFIGURATIONS if name != "best" or mpnet.available()}
    docs: dict[str, list[tuple[str, list[Any], list[Any]]]] = {"textacy-style": [], **{n: [] for n in pipelines}}
    seconds = dict.fromkeys(docs, 0.0)
    stages: dict[str, dict[str, float]] = {name: {} for name in pipelines}
    for row, text in zip(rows, texts, strict=True):
        gold = row["attributions"]
        started = time.perf_counter()
        doc = pipelines["fast"].nlp.doc(text)
        parse = time.perf_counter() - started
        started = time.perf_counter()
        docs["textacy-style"].append((text, gold, textacy_style(doc)))
        seconds["textacy-style"] += parse + time.perf_counter() - started
        for name, pipeline in pipelines.items():
            outcome = pipeline.run(Article(text=text))
            seconds[name] += sum(outcome.timings.values())
            for stage, spent in outcome.timings.items():
                stages[name][stage] = stages[name].get(stage, 0.0) + spent
            result = outcome.results.get("quotes")
            docs[name].append((text, gold, attribution_records(result) if result is not None else []))
    systems = {name: summarise(score_documents(items), seconds[name], len(rows)) for name, items in docs.items()}
    for name in pipelines:
        systems[name]["articles_per_second_2_processes"] = two_process_rate(name, texts)
    systems["annotators"] = summarise(annotator_agreement(), 0.0, 0)
    for name, spent in stages.items():
        systems[name]["seconds_per_article_by_stage"] = {k: v / len(rows) for k, v in spent.items()}
    columns = [
        "system",
        "exact P",
        "exact R",
        "exact F1",
        "overlap P",
        "overlap R",
        "overlap F1",
        "source acc",
        "direct exact F1",
        "direct overlap F1",
        "articles/s",
        "articles/s, 2 processes",
    ]
    table = []
    for name, s in systems.items():
        e, o = s["content_exact"], s["content_overlap"]
        table.append(
            [
                name,
                e["precision"],
                e["recall"],
                e["f1"],
                o["precision"],
                o["recall"],
                o["f1"],
                s["source_accuracy"],
                s["direct"]["content_exact"]["f1"],
                s["direct"]["content_overlap"]["f1"],
                s["articles_per_second"] or "—",
                s.get("articles_per_second_2_processes", "—"),
            ]
        )
    print_table(f"Quotes on PolNeAR dev ({len(rows)} articles, first annotator)", columns, table)
    for name in pipelines:
        per_stage = ", ".join(
            f"{k} {v * 1000:.0f} ms" for k, v in systems[name]["seconds_per_article_by_stage"].items()
        )
        print(f"{name}: per article {per_stage}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    path = write_result(
        "quotes",
        {
            "data": "PolNeAR v1.0.0 dev",
            "articles": len(rows),
            "targets": TARGETS,
            "load_average_1min": load,
            "systems": systems,
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
