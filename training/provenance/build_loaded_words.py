"""Build newsprobe/data/loaded_words.json: words annotators mostly marked as loaded language (PTC train).

For every lower-cased word of the PTC training articles (SemEval-2020 Task 11, `train/` only; the
held-out dev and test sets are not read), count how often it occurs and how often it falls inside a
`Loaded_Language` span. A word is kept when it occurs in at least MIN_ARTICLES different articles
inside such spans and its smoothed share of uses inside them, (inside + 1) / (total + 3), is at
least MIN_SHARE. That share is shipped as the word's confidence.

    .venv/bin/python training/provenance/build_loaded_words.py [--ptc ../shared/data/ptc]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "newsprobe" / "data" / "loaded_words.json"
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
MIN_ARTICLES = 3
MIN_SHARE = 0.5
PRIOR_INSIDE, PRIOR_OUTSIDE = 1, 2
CITATION = (
    "Da San Martino, G., Barrón-Cedeño, A., Wachsmuth, H., Petrov, R. and Nakov, P. (2020). "
    "SemEval-2020 Task 11: Detection of Propaganda Techniques in News Articles. Proceedings of SemEval-2020."
)


def loaded_spans(labels: Path) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in labels.read_text(encoding="utf-8").splitlines():
        article, technique, start, end = line.split("\t")
        if technique == "Loaded_Language":
            spans[article].append((int(start), int(end)))
    return spans


def count_words(articles: Path, spans: dict[str, list[tuple[int, int]]]) -> tuple[Counter[str], Counter[str], dict]:
    inside: Counter[str] = Counter()
    total: Counter[str] = Counter()
    articles_with: dict[str, set[str]] = defaultdict(set)
    for path in sorted(articles.glob("article*.txt")):
        article = path.stem.removeprefix("article")
        text = path.read_text(encoding="utf-8")
        covered = bytearray(len(text))
        for start, end in spans.get(article, []):
            covered[start:end] = b"\x01" * (end - start)
        for match in WORD.finditer(text):
            word = match.group().lower()
            total[word] += 1
            if covered[match.start()]:
                inside[word] += 1
                articles_with[word].add(article)
    return inside, total, articles_with


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ptc", type=Path, default=ROOT.parent / "shared" / "data" / "ptc")
    args = parser.parse_args()
    train = args.ptc / "train"
    inside, total, articles_with = count_words(
        train / "train-articles", loaded_spans(train / "train-task-flc-tc.labels")
    )
    words = {}
    for word, count in inside.items():
        share = (count + PRIOR_INSIDE) / (total[word] + PRIOR_INSIDE + PRIOR_OUTSIDE)
        if len(articles_with[word]) >= MIN_ARTICLES and share >= MIN_SHARE:
            words[word] = round(share, 2)
    payload = {
        "about": "Words that PTC annotators mostly marked as loaded language; the value is the smoothed share "
        "of the word's uses in the PTC training articles that fall inside a Loaded_Language span. "
        "Built by training/provenance/build_loaded_words.py from the train split only.",
        "citation": CITATION,
        "words": dict(sorted(words.items())),
    }
    OUT.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
