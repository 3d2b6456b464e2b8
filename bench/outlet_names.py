"""Outlet names and authors on the hand-checked extraction-bench pages (issue 16).

Scores `metadata.outlet` (the outlet's proper name) and `metadata.authors` (people only) against
`tests/fixtures/extraction_bench_names.json`: outlet accuracy (a name is right when it equals the
hand-checked name or one of its accepted variants, case-, accent- and punctuation-insensitively; an
empty name is an abstention, counted as not right), and author precision/recall over names. The
page's raw `site_name` and the byline split on ';' (what newsprobe reported before issue 16) are scored
beside them as "earlier".
"""

from __future__ import annotations

import argparse
import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import ROOT, SHARED_DATA, print_table, write_result

from newsprobe.extract import extract
from newsprobe.ingest import from_html
from newsprobe.outlets import normalise_alias

FIXTURE = ROOT / "tests" / "fixtures" / "extraction_bench_names.json"


@dataclass
class Tally:
    pages: int = 0
    right: int = 0
    abstained: int = 0
    author_tp: int = 0
    author_predicted: int = 0
    author_gold: int = 0

    def add(self, label: dict[str, Any], outlet: str | None, authors: list[str]) -> bool:
        """Count one page; True when both its outlet and its authors are right."""
        accepted = {normalise_alias(name) for name in [label["outlet"], *label.get("outlet_also", [])]}
        right = bool(outlet) and normalise_alias(outlet or "") in accepted
        self.pages += 1
        self.abstained += not outlet
        self.right += right
        gold = {normalise_alias(name) for name in label["authors"]}
        predicted = {normalise_alias(name) for name in authors}
        self.author_tp += len(gold & predicted)
        self.author_predicted += len(predicted)
        self.author_gold += len(gold)
        return right and gold == predicted

    def scores(self) -> dict[str, float | int]:
        wrong = self.pages - self.right - self.abstained
        precision = self.author_tp / self.author_predicted if self.author_predicted else 1.0
        recall = self.author_tp / self.author_gold if self.author_gold else 1.0
        return {
            "pages": self.pages,
            "outlet_accuracy": self.right / self.pages,
            "outlet_wrong": wrong,
            "outlet_abstained": self.abstained,
            "author_precision": precision,
            "author_recall": recall,
        }


def predictions(data: Path, label: dict[str, Any]) -> dict[str, tuple[str | None, list[str]]]:
    html = gzip.open(data / "html" / label["page"], "rt", encoding="utf8").read()
    metadata = extract(from_html(html, url=label["url"])).metadata
    earlier_authors = [name.strip() for name in (metadata.byline or "").split(";") if name.strip()]
    return {
        "newsprobe": (getattr(metadata, "outlet", None), metadata.authors),
        "earlier": (metadata.site_name, earlier_authors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=SHARED_DATA / "extraction-bench")
    args = parser.parse_args()
    fixture = json.loads(FIXTURE.read_text())
    first = fixture["first"]
    tallies: dict[tuple[str, str], Tally] = {}
    misses = []
    for index, label in enumerate(fixture["pages"]):
        for system, (outlet, authors) in predictions(args.data, label).items():
            for subset in ("all", f"first {first}") if index < first else ("all",):
                tallies.setdefault((system, subset), Tally()).add(label, outlet, authors)
            if system == "newsprobe" and not Tally().add(label, outlet, authors):
                misses.append(
                    f"  {label['page'][:8]}: outlet {outlet!r} (hand: {label['outlet']!r}); "
                    f"authors {authors} (hand: {label['authors']})"
                )
    rows = [{"system": system, "set": subset, **tally.scores()} for (system, subset), tally in tallies.items()]
    print_table(
        "Outlet names and authors (hand-checked extraction-bench pages)",
        ["system", "set", "pages", "outlet right", "wrong", "abstained", "author P", "author R"],
        [
            [
                r["system"],
                r["set"],
                r["pages"],
                r["outlet_accuracy"],
                r["outlet_wrong"],
                r["outlet_abstained"],
                r["author_precision"],
                r["author_recall"],
            ]
            for r in rows
        ],
    )
    print("Pages where newsprobe differs from the hand-checked names:", *misses, sep="\n")
    path = write_result(
        "outlet_names", {"fixture": str(FIXTURE.relative_to(ROOT)), "rows": rows, "targets": {"outlet_accuracy": 0.97}}
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
