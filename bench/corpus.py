"""Corpus-mode throughput: extraction only and all analysers (fast / accurate), local vs Ray, by corpus size.

Corpora are built at run time from texts in the shared data (PTC train articles, PolNeAR raw texts,
extraction-benchmark HTML pages) and synthesised to the wanted size by sampling with small changes
(a paragraph dropped, a unique URL), so they hold realistic near-duplicates. Nothing is copied into
the repository.

    python bench/corpus.py          # 1k and 10k, every engine; accurate on 1k only (about an hour)
    python bench/corpus.py --sizes 50 --modes extract fast --engines local   # a quick check

Targets (2 cores): fast >= 10 articles/s, accurate >= 1.5, extraction >= 30, time(10k)/time(1k) <= 11,
peak RSS <= 1.5 GB per worker, Ray within 20 % of local.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

from _common import SHARED_DATA, print_table, write_result

from newsprobe.corpus import RunOptions, run_corpus

TARGETS = {"extract": 30.0, "fast": 10.0, "accurate": 1.5}
MODES = {"extract": ([], "fast"), "fast": (None, "fast"), "accurate": (None, "accurate")}
MAX_SCALING = 11.0
MAX_RSS_MB = 1536.0
RAY_TOLERANCE = 0.2


def source_documents(data: Path) -> list[dict[str, Any]]:
    """Every usable document of the shared data, as JSONL rows (text or html)."""
    rows: list[dict[str, Any]] = []
    for path in sorted((data / "ptc" / "train" / "train-articles").glob("*.txt")):
        rows.append({"text": path.read_text(encoding="utf-8"), "outlet": "PTC"})
    polnear = data / "quotes" / "polnear" / "raw"
    for path in sorted(polnear.glob("*/text/*.txt")):
        publisher, _, rest = path.stem.partition("_")
        rows.append({"text": path.read_text(encoding="utf-8"), "outlet": publisher, "published": rest[:10]})
    truth = data / "extraction-bench" / "ground-truth.json"
    urls = json.loads(truth.read_text(encoding="utf-8")) if truth.exists() else {}
    for path in sorted((data / "extraction-bench" / "html").glob("*.html.gz")):
        key = path.name.removesuffix(".html.gz")
        rows.append({"html": gzip.open(path, "rt", encoding="utf-8").read(), "url": urls.get(key, {}).get("url")})
    return rows


def synthesise(sources: list[dict[str, Any]], size: int, seed: int = 13) -> list[dict[str, Any]]:
    """``size`` documents sampled from ``sources``; repeats get a paragraph dropped and their own URL."""
    rng = random.Random(seed)
    order = list(range(len(sources)))
    rng.shuffle(order)
    rows = []
    for number in range(size):
        row = dict(sources[order[number % len(order)]])
        if number >= len(order) and "text" in row:
            paragraphs = row["text"].split("\n\n")
            if len(paragraphs) > 3:
                paragraphs.pop(rng.randrange(1, len(paragraphs)))
            row["text"] = "\n\n".join(paragraphs)
        row["url"] = f"https://bench{number % 7}.example/story/{number}"
        rows.append(row)
    return rows


def write_corpus(rows: list[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    return path


def measure(corpus: Path, mode: str, engine: str, workers: int, work: Path) -> dict[str, Any]:
    analyses, profile = MODES[mode]
    store = work / f"store-{mode}-{engine}"
    shutil.rmtree(store, ignore_errors=True)
    started = time.perf_counter()
    summary = run_corpus(
        RunOptions(
            inputs=[str(corpus)],
            store=store,
            engine=engine,
            workers=workers,
            analyses=analyses,
            profile=profile,
            quiet=True,
        )
    )
    seconds = time.perf_counter() - started
    return {
        "mode": mode,
        "engine": engine,
        "workers": workers,
        "documents": summary.processed,
        "written": summary.written,
        "errors": summary.errors,
        "analyser_failures": summary.analyser_failures,
        "seconds": round(seconds, 2),
        "articles_per_second": round(summary.processed / seconds, 3),
        "startup_seconds": summary.startup_seconds,
        "steady_articles_per_second": summary.steady_docs_per_second,
        "peak_rss_mb_per_worker": max(summary.worker_peak_rss_mb.values(), default=0.0),
        "near_duplicate_pairs": summary.near_duplicate_pairs,
    }


def checks(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Each target with its measured value (only for the configurations that were run)."""
    found: dict[str, Any] = {}
    for row in results:
        key = f"{row['mode']}/{row['engine']}/{row['size']}"
        found[f"throughput {key} >= {TARGETS[row['mode']]}"] = row["articles_per_second"] >= TARGETS[row["mode"]]
        found[f"peak RSS {key} <= {MAX_RSS_MB:.0f} MB"] = row["peak_rss_mb_per_worker"] <= MAX_RSS_MB
    by = {(r["mode"], r["engine"], r["size"]): r for r in results}
    sizes = sorted({r["size"] for r in results})
    for (mode, engine, size), row in by.items():
        if size != sizes[0] and (mode, engine, sizes[0]) in by:
            ratio = row["seconds"] / by[(mode, engine, sizes[0])]["seconds"]
            found[
                f"time({size})/time({sizes[0]}) {mode}/{engine} = {ratio:.2f} "
                f"<= {MAX_SCALING * size / sizes[0] / 10:.1f}"
            ] = ratio <= MAX_SCALING * size / sizes[0] / 10
        if engine == "ray" and (mode, "local", size) in by:
            # engines compared after start-up: Ray's cluster start is reported on its own (startup_seconds)
            share = row["steady_articles_per_second"] / by[(mode, "local", size)]["steady_articles_per_second"]
            found[f"ray/local after start-up {mode}/{size} = {share:.2f} >= {1 - RAY_TOLERANCE}"] = (
                share >= 1 - RAY_TOLERANCE
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--modes", nargs="+", choices=list(MODES), default=list(MODES))
    parser.add_argument("--engines", nargs="+", choices=["local", "ray"], default=["local", "ray"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--accurate-max-size",
        type=int,
        default=1000,
        help="Skip the accurate profile on larger corpora (10k accurate articles take ~1 h per engine).",
    )
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--keep", type=Path, help="Keep the corpora and stores in this directory.")
    args = parser.parse_args()

    sources = source_documents(args.data)
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsprobe-bench-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for size in args.sizes:
            corpus = write_corpus(synthesise(sources, size), work / f"corpus-{size}.jsonl")
            for mode in args.modes:
                if mode == "accurate" and size > args.accurate_max_size:
                    continue
                for engine in args.engines:
                    row = {"size": size, **measure(corpus, mode, engine, args.workers, work)}
                    results.append(row)
                    print(json.dumps(row), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    found = checks(results)
    print_table(
        "corpus throughput (articles/s, wall time incl. worker start-up)",
        [
            "size",
            "mode",
            "engine",
            "workers",
            "docs",
            "seconds",
            "start-up s",
            "articles/s",
            "after start-up",
            "peak RSS MB/worker",
            "errors",
        ],
        [
            [
                r["size"],
                r["mode"],
                r["engine"],
                r["workers"],
                r["documents"],
                r["seconds"],
                r["startup_seconds"],
                r["articles_per_second"],
                r["steady_articles_per_second"],
                r["peak_rss_mb_per_worker"],
                r["errors"],
            ]
            for r in results
        ],
    )
    print_table("targets", ["check", "met"], [[name, "yes" if ok else "NO"] for name, ok in found.items()])
    load = os.getloadavg()[0]
    path = write_result(
        "corpus",
        {
            "sources": len(sources),
            "load_average_at_end": round(load, 2),
            "results": results,
            "targets": found,
            "note": "articles/s is wall time over the whole run, worker start-up and model loading included; "
            "'after start-up' counts from the first finished article (the Ray check uses it)",
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
