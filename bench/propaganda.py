"""Propaganda benchmark on the validation split of PTC train (never the held-out sets).

Rows: majority-class TC baseline, the `fast` model, the `accurate` model. Columns: SI F1/P/R of what
the report highlights (the default operating point, chosen for precision) and of the highlights
with the lower-confidence spans ("show more"), TC micro-F1 (gold spans given), articles/s for
SI+TC, peak RSS. Each profile runs in its own process (so RSS is its own) with ONE thread by default.

The operating points were fitted on these 80 articles (training/propaganda/calibrate.py), so the SI
numbers measured here are in-sample; each row also carries the cross-validated estimate that
calibrate.py wrote (`si_cross_validated`), the honest one.

    .venv/bin/python bench/propaganda.py [--profiles fast,accurate] [--limit N] [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "propaganda"))
sys.path.insert(0, str(ROOT / "bench"))

from _common import write_result


def validation(limit: int | None):
    from data import load_train, split_ids

    articles, spans = load_train()
    train_ids, validation_ids = split_ids(list(articles))
    validation_ids = validation_ids[:limit] if limit else validation_ids
    return articles, spans, train_ids, validation_ids


def worker(profile: str, limit: int | None) -> dict:
    """Per article, in one context (one encoder pass): SI spans, TC of those spans (the analyser's
    work, timed), then TC of the gold spans (scored, reusing the memoised encoder pass)."""
    from newsprobe.analyse.base import AnalysisContext
    from newsprobe.analyse.propaganda import accurate_available, find_candidates, load_model
    from newsprobe.eval.semeval_ptc import LabelledSpan, rank_labels, score_si, score_tc

    articles, spans, _, ids = validation(limit)
    resources: dict = {}
    warm = AnalysisContext(profile=profile, resources=resources)  # load models outside the timing
    find_candidates(load_model(profile, warm), articles[ids[0]][:200], warm)
    highlighted, with_lower, predicted_tc, seconds, cpu_seconds = [], [], [], 0.0, 0.0
    for a in ids:
        context = AnalysisContext(profile=profile, resources=resources)
        model = load_model(profile, context)
        started, cpu_started = time.perf_counter(), time.process_time()
        found = find_candidates(model, articles[a], context, headline_end=max(0, articles[a].find("\n")))
        seconds += time.perf_counter() - started
        cpu_seconds += time.process_time() - cpu_started
        highlighted += [LabelledSpan(a, c.start, c.end) for c in found if c.level == "highlight"]
        with_lower += [LabelledSpan(a, c.start, c.end) for c in found]
        gold_bounds = list(dict.fromkeys((s.start, s.end) for s in spans.get(a, [])))
        ranked = {
            b: rank_labels(row)
            for b, row in zip(gold_bounds, model.techniques(articles[a], gold_bounds, context), strict=True)
        }
        seen: Counter = Counter()
        for s in spans.get(a, []):
            predicted_tc.append(LabelledSpan(a, s.start, s.end, ranked[(s.start, s.end)][seen[(s.start, s.end)]]))
            seen[(s.start, s.end)] += 1
    gold = [s for a in ids for s in spans.get(a, [])]
    si, more, tc = score_si(gold, highlighted), score_si(gold, with_lower), score_tc(gold, predicted_tc)
    model_used = "accurate" if profile == "accurate" and accurate_available() else "fast"
    return {
        "profile": profile,
        "model_used": model_used,
        "articles": len(ids),
        "si_f1": si.f1,
        "si_precision": si.precision,
        "si_recall": si.recall,
        "si_spans_per_article": si.predicted_spans / len(ids),
        "si_with_lower_confidence_f1": more.f1,
        "si_with_lower_confidence_precision": more.precision,
        "si_with_lower_confidence_recall": more.recall,
        "si_cross_validated": cross_validated(model_used),
        "tc_micro_f1": tc.micro_f1,
        "tc_per_technique": tc.per_technique,
        "articles_per_second": len(ids) / seconds,
        # CPU time is the fair measure on a shared machine: articles per second of one busy core
        "articles_per_cpu_second": len(ids) / cpu_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cross_validated(profile: str) -> dict:
    """calibrate.py's nested cross-validation estimate of the same two operating points."""
    path = ROOT / "training" / "propaganda" / "calibration_metrics.json"
    scores = json.loads(path.read_text())[profile]["cross_validated"]
    return {
        f"{level}_{key}": round(value, 4)
        for level, values in scores.items()
        for key, value in values.items()
        if key in ("precision", "recall", "f1")
    }


def majority(limit: int | None) -> dict:
    from newsprobe.eval.semeval_ptc import LabelledSpan, score_tc

    articles, spans, train_ids, ids = validation(limit)
    label = Counter(s.technique for a in train_ids for s in spans.get(a, [])).most_common(1)[0][0]
    gold = [s for a in ids for s in spans.get(a, [])]
    tc = score_tc(gold, [LabelledSpan(s.article_id, s.start, s.end, label) for s in gold])
    return {"profile": f"baseline: majority class ({label})", "articles": len(ids), "tc_micro_f1": tc.micro_f1}


def run_profile(profile: str, limit: int | None, threads: int) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "NEWSPROBE_ENCODER_THREADS": str(threads)}
    command = [sys.executable, __file__, "--worker", profile] + (["--limit", str(limit)] if limit else [])
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def fmt(row: dict, key: str, pattern: str = "{:.3f}") -> str:
    return pattern.format(row[key]) if key in row else "—"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", default="fast,accurate")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--worker")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.limit)))
        return
    rows = [majority(args.limit)] + [run_profile(p, args.limit, args.threads) for p in args.profiles.split(",")]
    print(
        f"validation split of PTC train, {rows[0]['articles']} articles, {args.threads} thread(s), "
        f"load {os.getloadavg()[0]:.1f}"
    )
    print("SI: highlights (precision first) | with the lower-confidence spans; in-sample (see si_cross_validated)")
    print(
        f"{'system':38} {'SI F1':>6} {'SI P':>6} {'SI R':>6} | {'F1':>6} {'P':>6} {'R':>6} {'TC F1':>6} "
        f"{'art/s':>7} {'art/cpu-s':>9} {'RSS MB':>7}"
    )
    for row in rows:
        name = row["profile"] + (
            f" (ran {row['model_used']})" if row.get("model_used", row["profile"]) != row["profile"] else ""
        )
        print(
            f"{name:38} {fmt(row, 'si_f1'):>6} {fmt(row, 'si_precision'):>6} {fmt(row, 'si_recall'):>6} | "
            f"{fmt(row, 'si_with_lower_confidence_f1'):>6} {fmt(row, 'si_with_lower_confidence_precision'):>6} "
            f"{fmt(row, 'si_with_lower_confidence_recall'):>6} "
            f"{fmt(row, 'tc_micro_f1'):>6} {fmt(row, 'articles_per_second', '{:.1f}'):>7} "
            f"{fmt(row, 'articles_per_cpu_second', '{:.1f}'):>9} {fmt(row, 'peak_rss_mb', '{:.0f}'):>7}"
        )
        if "si_cross_validated" in row:
            print(f"{'':38} cross-validated: {row['si_cross_validated']}")
    path = write_result("propaganda", {"threads": args.threads, "load_average_1min": os.getloadavg()[0], "rows": rows})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
