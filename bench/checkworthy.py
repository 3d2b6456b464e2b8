"""Check-worthiness benchmark: the shipped models (fast, accurate, best when installed) vs a TF-IDF + LR baseline on
and the share of sentences the `claims` analyser marks check-worthy on real English news pages.

    OMP_NUM_THREADS=1 .venv/bin/python bench/checkworthy.py [--threads N]

Every model is fitted on CT24 train only; no threshold is chosen on dev or dev-test (the shipped
thresholds come from train cross-validation; the baseline is shown at 0.5 and at its own train-CV
threshold). The shipped models are scored at their F1 cut (what `checkworthy predict` writes) and at
the report's precision-first cut. The official test set is held out and scored from outside through
`newsprobe checkworthy predict` / `newsprobe eval checkworthy`. Speed: wall-clock sentences/s and
sentences per CPU-second (the rate on a dedicated core; the machine may be shared), model loading
excluded, scoring in chunks of 256 as `newsprobe checkworthy predict` does. Needs the `train` extra (scikit-learn) for
the baseline. Cross-debate estimate: the fast model refitted with whole debates held out (5 folds of
the 34 debates of CT24 train, told apart by gaps in the sentence ids) and scored at its shipped cuts;
the accurate model's encoder saw every debate, so its estimate is its 10 % calibration slice (unseen
sentences of seen debates), with the lexical part taken from the cross-debate fits; best's (when its encoder is
installed) is the same slice as its training recorded it. Real pages: the
English pages of the extraction benchmark (a page is English when at least 20 % of its words are common
English function words), extracted and analysed by the full pipeline; a page's share is its check-worthy
sentences over all its sentences of three words or more.
Writes bench/results/checkworthy.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "training" / "claims"))
from _common import EXTRACTION_PAGES, extraction_pages, print_table, write_result
from common import DATA, best_threshold, calibration_split, debate_folds, load_split, scores
from train_best import accurate_held_out

from newsprobe.analyse import mpnet
from newsprobe.analyse.claims import load_scorer
from newsprobe.analyse.claims.model import EnsembleScorer, read_meta

SPLITS = ("dev", "dev-test")
# best when its encoder is installed: its head needs the shared MPNet encoder's sentence vectors
PROFILES = ("fast", "accurate", "best") if mpnet.available() else ("fast", "accurate")


def baseline_rows() -> list[dict[str, Any]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = load_split("train")

    def fit(rows: np.ndarray) -> tuple[TfidfVectorizer, LogisticRegression]:
        vectoriser = TfidfVectorizer()
        matrix = vectoriser.fit_transform([texts[i] for i in rows])
        return vectoriser, LogisticRegression(max_iter=2000).fit(matrix, labels[rows])

    folds = debate_folds()
    oof = np.zeros(len(texts))
    for k in range(int(folds.max()) + 1):
        vectoriser, model = fit(np.where(folds != k)[0])
        oof[folds == k] = model.predict_proba(vectoriser.transform([texts[i] for i in np.where(folds == k)[0]]))[:, 1]
    cv_threshold = best_threshold(labels, oof)
    vectoriser, model = fit(np.arange(len(texts)))
    rows = []
    for name, threshold in (("TF-IDF+LR t=0.5", 0.5), ("TF-IDF+LR t=CV", cv_threshold)):
        row: dict[str, Any] = {"model": name, "threshold": threshold}
        for split in SPLITS:
            split_texts, split_labels = load_split(split)
            probability = model.predict_proba(vectoriser.transform(split_texts))[:, 1]
            row[split] = scores(split_labels, (probability >= threshold).astype(np.int64))
        rows.append(row)
    return rows


def shipped_row(profile: str) -> dict[str, Any]:
    """Scores at the F1 cut (what `checkworthy predict` writes) and at the report's precision cut."""
    scorer = load_scorer(profile)
    row: dict[str, Any] = {
        "model": f"{profile} ({scorer.name})",
        "threshold": scorer.f1_threshold,
        "report_threshold": scorer.threshold,
    }
    total, elapsed, cpu = 0, 0.0, 0.0
    for split in SPLITS:
        texts, labels = load_split(split)
        started, started_cpu = time.perf_counter(), time.process_time()
        probability = np.concatenate([scorer.probabilities(texts[i : i + 256]) for i in range(0, len(texts), 256)])
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        total += len(texts)
        row[split] = scores(labels, (probability >= scorer.f1_threshold).astype(np.int64))
        row[f"{split} at report cut"] = scores(labels, (probability >= scorer.threshold).astype(np.int64))
    row["sentences_per_second"] = round(total / elapsed, 1)
    row["sentences_per_cpu_second"] = round(total / cpu, 1)
    return row


def cross_debate_rows() -> list[dict[str, Any]]:
    """Held-out estimates on train: the fast recipe refitted with whole debates held out, and the accurate
    mix on the calibration slice its encoder never saw, with the lexical part from those cross-debate fits
    (the shipped lexical model saw every train sentence)."""
    from train_lexical import out_of_fold

    texts, labels = load_split("train")
    fast = load_scorer("fast")
    probability = out_of_fold(texts, labels, debate_folds())
    rows = [held_out_row("fast (lexical), debates held out", fast, labels, probability)]
    accurate = load_scorer("accurate")
    if isinstance(accurate, EnsembleScorer):
        held = calibration_split(labels)
        mixed = accurate_held_out(accurate, texts, probability, held)
        mixed_probability = accurate.calibrated(mixed)
        rows.append(
            held_out_row("accurate (minilm+lexical), calibration slice", accurate, labels[held], mixed_probability)
        )
    if "best" in PROFILES:
        rows.append(recorded_best_row())
    return rows


def recorded_best_row() -> dict[str, Any]:
    """Best's held-out estimate as training/claims/train_best.py measured it (its MPNet head saw every train
    sentence, so it cannot be scored again here without refitting it): the calibration slice, the head's logits
    from fits with each sentence's debate held out."""
    meta = read_meta()["best"]
    calibration = meta["metrics"]["calibration"]
    return {
        "model": "best (mpnet+minilm+lexical), calibration slice, as recorded by training",
        "threshold": meta["f1_threshold"],
        "train_cross_debate": calibration["held_out_f1_scores"],
        "at_report_cut": calibration["held_out_report"],
        "sentences": meta["metrics"]["calibration_sentences"],
    }


def held_out_row(name: str, scorer: Any, labels: np.ndarray, probability: np.ndarray) -> dict[str, Any]:
    return {
        "model": name,
        "threshold": scorer.f1_threshold,
        "train_cross_debate": scores(labels, (probability >= scorer.f1_threshold).astype(np.int64)),
        "at_report_cut": scores(labels, (probability >= scorer.threshold).astype(np.int64)),
        "sentences": len(labels),
    }


ENGLISH_WORDS = frozenset("the of and to a in is that for it was on with as by at be this are from have has".split())


def is_english(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    return len(words) > 20 and sum(word in ENGLISH_WORDS for word in words) / len(words) >= 0.2


def news_share_rows(folder: Path) -> list[dict[str, Any]]:
    """Share of sentences marked check-worthy per English page, for each profile (full pipeline)."""
    from newsprobe import Newsprobe
    from newsprobe.extract import extract
    from newsprobe.ingest import from_html

    raws = []
    for page in extraction_pages(folder):
        raw = from_html(page.html, url=page.url)
        if is_english(extract(raw).text):
            raws.append(raw)
    rows = []
    for profile in PROFILES:
        app = Newsprobe(analyses=["claims"], profile=profile)
        shares, flagged, sentences = [], 0, 0
        for raw in raws:
            result = app.analyze(raw).analyses["claims"]
            if result.claims:
                shares.append(result.checkworthy_count / len(result.claims))
                flagged += result.checkworthy_count
                sentences += len(result.claims)
        rows.append(
            {
                "profile": profile,
                "pages": len(shares),
                "median_share_checkworthy": float(np.median(shares)),
                "mean_share_checkworthy": float(np.mean(shares)),
                "max_share_checkworthy": float(np.max(shares)),
                "checkworthy_sentences": flagged,
                "sentences": sentences,
            }
        )
    return rows


def average_precision(labels: np.ndarray, scores_: np.ndarray) -> float:
    order = np.argsort(-scores_, kind="stable")
    hits = labels[order]
    if not hits.any():
        return 0.0
    precision_at_hit = np.cumsum(hits)[hits == 1] / (np.flatnonzero(hits) + 1)
    return float(precision_at_hit.mean())


def clef2019_map(profile: str) -> dict[str, Any]:
    """Ranking within a debate (CLEF-2019 Task 1 formulation): MAP over its 19 training debates.

    These debates are not used for training, but three 2016 presidential debates share most of their
    sentences with CT24 train (ClaimBuster); debates with more than 5 % of sentences in CT24 train are
    left out. The 2019 test debates are held out, like the CT24 test set."""
    import csv

    folder = DATA / "clef2019_task1_en" / "training"
    scorer = load_scorer(profile)
    seen = {text.strip().casefold() for text in load_split("train")[0]}
    per_document, left_out = {}, []
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if len(row) >= 4]
        if sum(row[2].strip().casefold() in seen for row in rows) > 0.05 * len(rows):
            left_out.append(path.stem)
            continue
        labels = np.array([int(row[3]) for row in rows])
        probability = scorer.probabilities([row[2] for row in rows])
        per_document[path.stem] = average_precision(labels, probability)
    return {
        "profile": profile,
        "map": float(np.mean(list(per_document.values()))),
        "per_document": per_document,
        "left_out_overlapping_ct24_train": left_out,
    }


def table_rows(rows: list[dict[str, Any]]) -> list[list[Any]]:
    return [
        [
            row["model"],
            row["threshold"],
            row["dev"]["f1"],
            row["dev"]["precision"],
            row["dev"]["recall"],
            row["dev-test"]["f1"],
            row["dev-test"]["precision"],
            row["dev-test"]["recall"],
            row.get("report_threshold", "-"),
            row["dev-test at report cut"]["f1"] if "report_threshold" in row else "-",
            row.get("sentences_per_second", "-"),
            row.get("sentences_per_cpu_second", "-"),
        ]
        for row in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="onnxruntime threads for the accurate model")
    parser.add_argument(
        "--clef2019",
        choices=["none", "fast", "all"],
        default="fast",
        help="also rank the CLEF-2019 training debates (MAP); 'all' runs every profile's encoders over 16k sentences",
    )
    parser.add_argument("--pages", type=Path, default=EXTRACTION_PAGES, help="real pages (extraction bench)")
    args = parser.parse_args()
    os.environ["NEWSPROBE_ENCODER_THREADS"] = str(args.threads)
    today = dt.date.today().isoformat()
    rows = baseline_rows() + [shipped_row(profile) for profile in PROFILES]
    columns = [
        "model",
        "F1 cut",
        "dev F1",
        "P",
        "R",
        "dtest F1",
        "P",
        "R",
        "report cut",
        "dtest F1",
        "sent/s",
        "sent/cpu-s",
    ]
    print_table(f"Check-worthiness (CT24 English; fitted on train only), {today}", columns, table_rows(rows))
    estimates = cross_debate_rows()
    print_table(
        f"Held-out estimates on CT24 train, {today}",
        ["model", "F1 cut", "F1", "P", "R", "P at report cut", "sentences"],
        [
            [
                row["model"],
                row["threshold"],
                *(row["train_cross_debate"][k] for k in ("f1", "precision", "recall")),
                row["at_report_cut"]["precision"],
                row["sentences"],
            ]
            for row in estimates
        ],
    )
    news = news_share_rows(args.pages)
    print_table(
        f"Share of sentences marked check-worthy, {news[0]['pages']} English news pages, {today}",
        ["profile", "median", "mean", "max", "check-worthy / sentences"],
        [
            [
                row["profile"],
                row["median_share_checkworthy"],
                row["mean_share_checkworthy"],
                row["max_share_checkworthy"],
                f"{row['checkworthy_sentences']} / {row['sentences']}",
            ]
            for row in news
        ],
    )
    ranking = [clef2019_map(p) for p in {"none": (), "fast": ("fast",), "all": PROFILES}[args.clef2019]]
    for item in ranking:
        print(
            f"CLEF-2019 training debates (16 not in CT24 train), MAP ({item['profile']}): {item['map']:.3f}"
            "  (best 2019 test-set run: 0.166; different debates)"
        )
    path = write_result(
        "checkworthy",
        {
            "threads": args.threads,
            "load_average": os.getloadavg()[0],
            "rows": rows,
            "held_out_estimates": estimates,
            "news_pages": news,
            "clef2019_map": ranking,
        },
    )
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
