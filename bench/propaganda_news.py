"""Propaganda highlights on straight news: how many of what the report highlights a careful reader upholds.

    OMP_NUM_THREADS=1 .venv/bin/python bench/propaganda_news.py [--profiles accurate,best]

PTC, where the models learn and are calibrated, holds articles from propaganda-prone outlets only, so its
precision says little about a wire story or a feature. This benchmark reads the English pages of the 88
extraction-bench pages that were hand-labelled news (`bench/data/extraction-bench-labels.json`), runs each
profile's propaganda analyser on what newsprobe extracts, and looks every highlight (text and headline) up in
`tests/fixtures/propaganda_news.json`, where each highlight a profile has shown there was judged by hand:

- `yes`: a SemEval-2020 annotator would mark these words with a technique in this context (loaded or
  name-calling words meant to sway, exaggeration, appeal to fear, a slogan…), in the writer's or a quoted
  speaker's voice, whether or not the technique named is the right one;
- `arguable`: emotive but descriptive wording (feature writing, sports, a speaker describing their own
  feelings) that an annotator might or might not mark;
- `no`: plain or technical words, names, fragments.

Precision is given strict (yes) and lenient (yes or arguable). A highlight the fixture does not hold is
listed as unjudged, with its context (judge it and add it); the precisions are over the judged ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, BenchPage, extraction_pages, print_table, write_result

from newsprobe.analyse import mpnet
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.extract import extract
from newsprobe.ingest import from_html

FIXTURE = ROOT / "tests" / "fixtures" / "propaganda_news.json"
LABELS = ROOT / "bench" / "data" / "extraction-bench-labels.json"
VERDICTS = ("yes", "arguable", "no")
CONTEXT = 80  # characters either side of an unjudged highlight, printed for whoever judges it


def news_pages() -> list[BenchPage]:
    """The English pages labelled news."""
    labels = json.loads(LABELS.read_text())["labels"]
    return [
        page
        for page in extraction_pages()
        if labels.get(page.id, {}).get("genre") == "news" and labels[page.id]["language"] == "en"
    ]


def load_judged() -> dict[tuple[str, str, int, int], str]:
    items = json.loads(FIXTURE.read_text())["items"]
    return {(i["page"], i["field"], i["start"], i["end"]): i["verdict"] for i in items}


def highlights(profile: str, pages: list[BenchPage]) -> list[dict[str, Any]]:
    pipeline = Pipeline(["propaganda"], profile=profile)
    found = []
    for page in pages:
        article = extract(from_html(page.html, url=page.url))
        result = pipeline.run(article).results["propaganda"]
        fields = (("text", result.spans, article.text), ("title", result.title_spans, article.metadata.title or ""))
        for field, spans, text in fields:
            found += [
                {
                    "page": page.id,
                    "field": field,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "technique": s.technique,
                    "context": " ".join(text[max(0, s.start - CONTEXT) : s.end + CONTEXT].split()),
                }
                for s in spans
            ]
    return found


def score(found: list[dict[str, Any]], judged: dict[tuple[str, str, int, int], str]) -> dict[str, Any]:
    verdicts = [judged.get((h["page"], h["field"], h["start"], h["end"])) for h in found]
    counts = Counter(v for v in verdicts if v)
    n_judged = sum(counts.values())
    return {
        "highlights": len(found),
        **{verdict: counts[verdict] for verdict in VERDICTS},
        "unjudged": [h for h, v in zip(found, verdicts, strict=True) if v is None],
        "precision_strict": counts["yes"] / n_judged if n_judged else None,
        "precision_lenient": (counts["yes"] + counts["arguable"]) / n_judged if n_judged else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = "accurate,fast" + (",best" if mpnet.available() else "")
    parser.add_argument("--profiles", default=default)
    args = parser.parse_args()
    judged = load_judged()
    pages = news_pages()
    results = {profile: score(highlights(profile, pages), judged) for profile in args.profiles.split(",")}
    rows = [
        [
            profile,
            r["highlights"],
            r["yes"],
            r["arguable"],
            r["no"],
            len(r["unjudged"]),
            r["precision_strict"],
            r["precision_lenient"],
        ]
        for profile, r in results.items()
    ]
    columns = ["profile", "highlights", "yes", "arguable", "no", "unjudged", "P strict", "P lenient"]
    print_table(f"Propaganda highlights on {len(pages)} English news pages", columns, rows)
    for profile, r in results.items():
        for h in r["unjudged"]:
            where = f"{h['page'][:10]} {h['field']} {h['start']}-{h['end']}"
            print(f"unjudged ({profile}): {where} {h['technique']} {h['text']!r}\n    … {h['context']} …")
    path = write_result("propaganda_news", {"pages": len(pages), "profiles": results})
    print(f"-> {path}")


if __name__ == "__main__":
    main()
