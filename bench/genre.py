"""Genre (news, opinion, analysis, other) on the 88 shared extraction-bench pages, hand-labelled.

Labels: `bench/data/extraction-bench-labels.json` (labels only; the pages stay in ../shared/data).
The rules (`newsprobe.extract.genre`) were written with these pages in view and there is no held-out
labelled set, so read the scores as an optimistic estimate. What matters most is news precision:
corpus dashboards compare outlets on the articles labelled news.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import EXTRACTION_PAGES, ROOT, extraction_pages, print_table, write_result

from newsprobe.extract import extract
from newsprobe.extract.genre import classify_genre
from newsprobe.ingest import from_html

LABELS = ROOT / "bench" / "data" / "extraction-bench-labels.json"
GENRES = ("news", "opinion", "analysis", "other")


def scores(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Accuracy, per-genre precision and recall, and the confusion counts (gold -> predicted)."""
    per_genre = {}
    for genre in GENRES:
        predicted = sum(p == genre for _, p in pairs)
        gold = sum(g == genre for g, _ in pairs)
        right = sum(g == p == genre for g, p in pairs)
        per_genre[genre] = {
            "gold": gold,
            "predicted": predicted,
            "precision": right / predicted if predicted else None,
            "recall": right / gold if gold else None,
        }
    return {
        "pages": len(pairs),
        "accuracy": sum(g == p for g, p in pairs) / len(pairs),
        "genres": per_genre,
        "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(Counter(pairs).items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=EXTRACTION_PAGES)
    args = parser.parse_args()
    load_average = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    labels = json.loads(LABELS.read_text())["labels"]
    pages = extraction_pages(args.data)
    ids = [page.id for page in pages]
    articles = [extract(from_html(page.html, url=page.url)) for page in pages]
    started = time.perf_counter()
    for article in articles:  # the classifier alone, on what extraction gave it (page hints aside)
        classify_genre(article.metadata, article.text, english=article.metadata.language == "en")
    ms_per_page = 1000 * (time.perf_counter() - started) / len(articles)
    pairs = [
        (labels[page_id]["genre"], article.metadata.genre.label if article.metadata.genre else "news")
        for page_id, article in zip(ids, articles, strict=True)
    ]
    result = scores(pairs)
    english = scores([pair for page_id, pair in zip(ids, pairs, strict=True) if labels[page_id]["language"] == "en"])
    print_table(
        f"Genre on {len(pairs)} hand-labelled pages: accuracy {result['accuracy']:.3f} "
        f"(English pages {english['accuracy']:.3f})",
        ["genre", "gold", "predicted", "precision", "recall"],
        [
            [genre, row["gold"], row["predicted"], row["precision"] or 0.0, row["recall"] or 0.0]
            for genre, row in result["genres"].items()
        ],
    )
    errors = [
        {
            "page": page_id[:8],
            "gold": gold,
            "predicted": predicted,
            "confidence": article.metadata.genre.confidence if article.metadata.genre else None,
            "evidence": article.metadata.genre.evidence if article.metadata.genre else [],
        }
        for page_id, article, (gold, predicted) in zip(ids, articles, pairs, strict=True)
        if gold != predicted
    ]
    for error in errors:
        print(f"{error['page']} {error['gold']} -> {error['predicted']} {error['confidence']}: {error['evidence']}")
    path = write_result(
        "genre",
        {
            "load_average": load_average,
            "all_pages": result,
            "english_pages": english,
            "classify_ms_per_page": ms_per_page,
            "errors": errors,
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
