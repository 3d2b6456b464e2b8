"""Provenance analyser benchmark: wire-credit detection on PolNeAR texts, and the reference page.

PolNeAR's `metadata.tsv` records, per article, the wire service the publisher credited (`wire`:
AP, UPI, AFP, Reuters) — taken from the page, not from the text. The analyser sees only the plain
text (no URL, no metadata), so this measures how often the text itself carries the credit
(datelines such as "WASHINGTON (AP) —", "- Reuters." lines). Train and dev splits only; the held-out
test split is not in the shared copy and is not used. The same run counts which residue fingerprints
(data/residue_fingerprints.json) fire on these US news texts, none of which copies state media: any
residue or state-media credit there would be a false alarm (wire and photo credits are expected).

    .venv/bin/python bench/provenance.py
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SHARED_DATA, print_table, write_result

from newsprobe.analyse.base import AnalysisContext
from newsprobe.analyse.provenance import ProvenanceAnalyser
from newsprobe.document import Article

POLNEAR = SHARED_DATA / "quotes" / "polnear"
WIRE_DOMAINS = {"ap": "apnews.com", "upi": "upi.com", "afp": "afp.com", "reuters": "reuters.com"}
REFERENCE_PAGE = SHARED_DATA.parent / "examples" / "globalresearch-2017-06-28-lavrov.md"


def polnear_rows() -> list[dict[str, str]]:
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row["compartment"] in ("train", "dev")]


def wire_scores() -> dict[str, object]:
    analyser, context = ProvenanceAnalyser(), AnalysisContext()
    counts: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    fingerprints: Counter[str] = Counter()
    started = time.perf_counter()
    rows = polnear_rows()
    for row in rows:
        text = (POLNEAR / "raw" / row["compartment"] / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
        result = analyser(Article(text=text), None, context)  # type: ignore[arg-type]
        verdicts[result.verdict] += 1
        refs = [*result.origins, *result.image_credits, *([result.host] if result.host else [])]
        fingerprints.update({e.fingerprint for ref in refs for e in ref.evidence if e.fingerprint})
        gold = WIRE_DOMAINS.get(row["wire"].lower())
        predicted = {origin.domain for origin in result.origins if origin.is_wire}
        counts["gold"] += gold is not None
        counts["tp"] += gold in predicted
        counts["fp"] += len(predicted - {gold})
    seconds = time.perf_counter() - started
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["gold"])
    return {
        "articles": len(rows),
        "gold_wire": counts["gold"],
        "true_positives": counts["tp"],
        "false_positives": counts["fp"],
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "verdicts": dict(verdicts),
        "fingerprint_articles": dict(sorted(fingerprints.items())),
        "ms_per_article": round(1000 * seconds / len(rows), 2),
    }


def reference_check() -> dict[str, object]:
    from newsprobe.api import extract

    article = extract(REFERENCE_PAGE)
    result = ProvenanceAnalyser()(article, None, AnalysisContext())  # type: ignore[arg-type]
    return {
        "verdict": result.verdict,
        "confidence": result.confidence,
        "host": result.host.domain if result.host else None,
        "origins": [origin.domain for origin in result.origins],
        "image_credits": [ref.domain for ref in result.image_credits],
    }


def main() -> int:
    wire = wire_scores()
    reference = reference_check()
    print_table(
        "Provenance: wire credits found in PolNeAR texts (train+dev, text only)",
        ["articles", "gold wire", "P", "R", "FP", "ms/article"],
        [
            [
                wire["articles"],
                wire["gold_wire"],
                wire["precision"],
                wire["recall"],
                wire["false_positives"],
                wire["ms_per_article"],
            ]
        ],
    )
    print_table(
        "Residue fingerprints firing on PolNeAR (articles)",
        ["fingerprint", "articles"],
        [[name, count] for name, count in wire["fingerprint_articles"].items()] or [["(none)", 0]],
    )
    print_table(
        "Reference page",
        ["verdict", "confidence", "host", "origins", "image credits"],
        [
            [
                reference["verdict"],
                reference["confidence"],
                reference["host"],
                ", ".join(reference["origins"]),
                ", ".join(reference["image_credits"]),
            ]
        ],
    )
    path = write_result("provenance", {"wire_credits_polnear": wire, "reference_page": reference})
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
