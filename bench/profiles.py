"""Every profile in one table: quality (from the task benchmarks' latest results) plus articles/s and peak RSS
of the whole analysis of real pages.

    .venv/bin/python bench/profiles.py [--pages 20] [--threads 2]

Speed: the first `--pages` English pages of the extraction benchmark (a page is English when its detected
language is), extracted once, then analysed by every analyser of the profile in a fresh process per profile
(models loaded before timing), `--threads` encoder threads. Articles/s is wall clock; articles per CPU-second
(user + system of the process, all its threads) is the rate a dedicated machine would see when the shared
machine is busy. Quality columns are read from bench/results/{propaganda,checkworthy,quotes}.json (each
benchmark's own split and protocol; see their docstrings), so run those first. `best` needs its base weights
(`make install-best`); without them its row says so.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import RESULTS, extraction_pages, print_table, write_result

PROFILES = ("fast", "accurate", "best")


def english_pages(limit: int) -> list[Any]:
    from newsprobe.extract import extract
    from newsprobe.ingest import from_html

    articles = []
    for page in extraction_pages():
        article = extract(from_html(page.html, url=page.url))
        if article.metadata.language == "en":
            articles.append(article)
        if len(articles) == limit:
            break
    return articles


def worker(profile: str, limit: int) -> dict[str, Any]:
    from newsprobe.analyse.pipeline import Pipeline

    articles = english_pages(limit)
    pipeline = Pipeline(profile=profile)  # type: ignore[arg-type]
    pipeline.run(articles[0])  # load every model before timing
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_started = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    failures = sum(len(pipeline.run(article).failures) for article in articles)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "articles": len(articles),
        "failures": failures,
        "articles_per_second": len(articles) / seconds,
        "articles_per_cpu_second": len(articles) / (usage.ru_utime + usage.ru_stime - cpu_started),
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }


def measure(profile: str, limit: int, threads: int) -> dict[str, Any]:
    env = dict(os.environ, NEWSPROBE_ENCODER_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    done = subprocess.run(
        [sys.executable, __file__, "--worker", profile, "--pages", str(limit)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _latest(name: str) -> dict[str, Any]:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def quality(profile: str) -> dict[str, Any]:
    """Each task benchmark's headline number for this profile, with the date it was measured."""
    found: dict[str, Any] = {}
    propaganda = _latest("propaganda")
    for row in propaganda.get("rows", []):
        if row.get("profile") == profile and row.get("model_used", profile) == profile:
            found["propaganda SI F1 of the highlights (cross-validated)"] = row["si_cross_validated"]["highlight_f1"]
            found["their precision"] = row["si_cross_validated"]["highlight_precision"]
            found["propaganda TC micro-F1"] = row["tc_micro_f1"]
            found["propaganda measured"] = propaganda.get("date")
    checkworthy = _latest("checkworthy")
    for row in checkworthy.get("rows", []):
        if str(row.get("model", "")).startswith(f"{profile} ("):
            found["CT24 dev-test F1"] = row["dev-test"]["f1"]
            found["checkworthy measured"] = checkworthy.get("date")
    quotes = _latest("quotes")
    system = quotes.get("systems", {}).get(profile)
    if system:
        found["PolNeAR dev content overlap F1"] = system["content_overlap"]["f1"]
        found["PolNeAR dev source accuracy"] = system.get("source_accuracy")
        found["quotes measured"] = quotes.get("date")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--profiles", default=",".join(PROFILES))
    parser.add_argument("--worker")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.pages)))
        return
    rows = [
        {"profile": p, **measure(p, args.pages, args.threads), "quality": quality(p)} for p in args.profiles.split(",")
    ]
    print_table(
        f"Profiles: whole analysis of {args.pages} English pages, {args.threads} thread(s), "
        f"load {os.getloadavg()[0]:.1f}",
        ["profile", "articles/s", "articles/cpu-s", "peak RSS MB", "quality"],
        [
            [
                row["profile"],
                row.get("articles_per_second", row.get("error", "-")),
                row.get("articles_per_cpu_second", "-"),
                row.get("peak_rss_mb", "-"),
                ", ".join(f"{k} {v:.3f}" for k, v in row["quality"].items() if isinstance(v, float)),
            ]
            for row in rows
        ],
    )
    path = write_result(
        "profiles",
        {"pages": args.pages, "threads": args.threads, "load_average_1min": os.getloadavg()[0], "rows": rows},
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
