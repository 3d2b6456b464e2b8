"""Pinned floors for the recorded benchmark results (bench/syndication.py, bench/provenance.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results"
SYNDICATION_FLOORS = {"precision": 0.98, "recall": 0.95}
WIRE_FLOORS = {"precision": 0.95, "recall": 0.85}


def _load(name: str) -> dict:
    path = RESULTS / f"{name}.json"
    if not path.exists():
        pytest.skip(f"{path.name} not recorded; run bench/{name}.py")
    return json.loads(path.read_text())


def test_syndication_results_meet_the_issue_targets():
    results = {r["size"]: r for r in _load("syndication")["results"]}
    for size, result in results.items():
        for metric, floor in SYNDICATION_FLOORS.items():
            assert result[metric] >= floor, (size, metric)
        assert result["query_p50_ms"] < 20.0, size
    largest = results[max(results)]
    if largest["size"] >= 100_000:
        assert largest["peak_rss_mb"] < 1024


def test_wire_credit_detection_floor():
    wire = _load("provenance")["wire_credits_polnear"]
    for metric, floor in WIRE_FLOORS.items():
        assert wire[metric] >= floor, metric
