"""Article extraction on the shared extraction benchmark: newsprobe vs trafilatura defaults, same run.

Metric as defined by the benchmark's README: per-page multiset of 4-token shingles over \\w+ tokens,
TP/FP/FN normalised per page, precision averaged over non-empty predictions, recall over non-empty gold.
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura
from _common import EXTRACTION_PAGES, BenchPage, extraction_pages, print_table, write_result

from newsprobe.extract import extract
from newsprobe.ingest import from_html

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(predicted: str, gold: str) -> tuple[float | None, float | None]:
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    precision = (tp / (tp + fp) if tp + fp else 1.0) if pred else None
    recall = (tp / (tp + fn) if tp + fn else 1.0) if true else None
    return precision, recall


def evaluate(name: str, run: Callable[[str, str], str], pages: list[BenchPage]) -> dict[str, float | int | str]:
    precisions, recalls, empty = [], [], 0
    started, cpu_started = time.perf_counter(), time.process_time()
    outputs = [run(page.html, page.url) for page in pages]
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    for output, page in zip(outputs, pages, strict=True):
        empty += not output.strip()
        precision, recall = page_scores(output, page.body)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return {
        "extractor": name,
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r),
        "pages_per_s": len(pages) / elapsed,
        "pages_per_cpu_s": len(pages) / cpu,
        "empty": empty,
    }


def newsprobe_text(html: str, url: str) -> str:
    try:
        return extract(from_html(html, url=url)).text
    except Exception:  # a failed page scores as empty, like an extractor returning nothing
        return ""


def trafilatura_text(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=EXTRACTION_PAGES)
    parser.add_argument("--repeat", type=int, default=2, help="timed passes per extractor; the best is kept")
    args = parser.parse_args()
    pages = extraction_pages(args.data)
    extractors = (("trafilatura defaults", trafilatura_text), ("newsprobe", newsprobe_text))
    passes: dict[str, list[dict[str, float | int | str]]] = {name: [] for name, _ in extractors}
    for _ in range(args.repeat):  # passes alternate, so a change in machine load hits both extractors alike
        for name, run in extractors:
            passes[name].append(evaluate(name, run, pages))
    rows = [max(passes[name], key=lambda result: result["pages_per_s"]) for name, _ in extractors]
    speed_ratio = rows[1]["pages_per_s"] / rows[0]["pages_per_s"]
    cpu_ratio = max(p["pages_per_cpu_s"] for p in passes["newsprobe"]) / max(
        p["pages_per_cpu_s"] for p in passes["trafilatura defaults"]
    )
    print_table(
        f"Extraction, {len(pages)} pages",
        ["extractor", "P", "R", "F1", "pages/s", "empty"],
        [
            [row["extractor"], row["precision"], row["recall"], row["f1"], row["pages_per_s"], row["empty"]]
            for row in rows
        ],
    )
    print(f"speed newsprobe / trafilatura: {speed_ratio:.2f} (wall clock), {cpu_ratio:.2f} (CPU time)")
    path = write_result(
        "extraction",
        {
            "pages": len(pages),
            "results": rows,
            "speed_ratio": speed_ratio,
            "speed_ratio_cpu": cpu_ratio,
            "load_average": os.getloadavg()[0],
            "targets": {"f1_at_least_trafilatura": True, "speed_ratio_min": 0.8},
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
