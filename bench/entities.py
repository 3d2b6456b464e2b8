"""Entities: how many of the people an entity table lists are people, on real pages, against a hand-judged list.

    OMP_NUM_THREADS=1 .venv/bin/python bench/entities.py

Profiles: accurate and fast. The list (`tests/fixtures/entity_people.json`) holds every name either profile listed
as a person on the 88 extraction-bench pages before the repairs of 2026-12-05, each judged by hand: a person or not
(a product, a game, an event, a place, a company, a work).

- people precision: of the listed people the list judges, the share that are people;
- people kept: of the names the list judges people (found by either profile), the share this profile lists as
  people (a repair that drops or relabels a real person loses one);
- unjudged: listed people the list does not hold (names a change brings: judge them and add them to the list).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, SHARED_DATA, print_table, write_result

from newsprobe.analyse.base import Profile
from newsprobe.analyse.entities import EntitiesResult
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.api import extract

FIXTURE = ROOT / "tests" / "fixtures" / "entity_people.json"
PAGES = SHARED_DATA / "extraction-bench" / "html"
PROFILES: tuple[Profile, ...] = ("accurate", "fast")


def listed_people(profile: Profile) -> set[tuple[str, str]]:
    """(page, name) of every entity the profile labels a person on the 88 pages (79 in English)."""
    pipeline = Pipeline(["entities"], profile=profile)
    people = set()
    for path in sorted(PAGES.glob("*.html.gz")):
        result = pipeline.run(extract(path)).results.get("entities")
        if not isinstance(result, EntitiesResult):
            continue  # an article in another language: English-only models are not run
        page = path.name.removesuffix(".html.gz")
        people |= {(page, entity.name) for entity in result.entities if entity.label == "PERSON"}
    return people


def score(listed: set[tuple[str, str]], judged: dict[tuple[str, str], bool]) -> dict[str, Any]:
    known = [judged[item] for item in listed if item in judged]
    people = {item for item, is_person in judged.items() if is_person}
    return {
        "listed": len(listed),
        "judged": len(known),
        "people_precision": sum(known) / len(known) if known else 0.0,
        "not_people_listed": len(known) - sum(known),
        "people_kept": len(people & listed) / len(people),
        "unjudged": sorted(f"{page[:10]}: {name}" for page, name in listed - judged.keys()),
    }


def main() -> None:
    if not PAGES.is_dir():
        sys.exit(f"extraction-bench pages not found under {PAGES}")
    items = json.loads(FIXTURE.read_text(encoding="utf-8"))["items"]
    judged = {(item["page"], item["name"]): item["person"] for item in items}
    results = {profile: score(listed_people(profile), judged) for profile in PROFILES}
    rows = [
        [
            profile,
            r["listed"],
            r["judged"],
            r["people_precision"],
            r["not_people_listed"],
            r["people_kept"],
            len(r["unjudged"]),
        ]
        for profile, r in results.items()
    ]
    columns = ["profile", "people listed", "judged", "people precision", "not people", "people kept", "unjudged"]
    print_table("People in the entity tables of the 88 extraction-bench pages", columns, rows)
    for profile, r in results.items():
        if r["unjudged"]:
            print(f"{profile}: unjudged: {'; '.join(r['unjudged'])}")
    print(f"wrote {write_result('entities', {'fixture': str(FIXTURE.relative_to(ROOT)), 'profiles': results})}")


if __name__ == "__main__":
    main()
