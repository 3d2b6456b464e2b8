"""The outlet table build: reproducible from the shared data, and only aggregate Lin et al. scores shipped."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path

import pytest

from newsprobe.outlets import OutletDatabase, default_table_path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "training" / "outlets" / "build_outlets.py"


def _load_build_module():
    spec = importlib.util.spec_from_file_location("build_outlets", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_outlets"] = module
    spec.loader.exec_module(module)
    return module


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory, shared_data) -> Path:
    if not (shared_data / "source-ratings" / "lin2023_domain_pc1.csv").exists():
        pytest.skip("shared data not available")
    out = tmp_path_factory.mktemp("outlets") / "outlets.sqlite"
    assert _load_build_module().main(["--data", str(shared_data), "--out", str(out)]) == 0
    return out


def test_build_reproduces_the_shipped_table(rebuilt):
    assert _dump(rebuilt) == _dump(default_table_path())


def test_shipped_table_is_small_and_has_no_per_rater_columns():
    path = default_table_path()
    assert path.stat().st_size < 8_000_000
    conn = sqlite3.connect(path)
    columns = {row[1] for table in ("outlets", "flags", "names") for row in conn.execute(f"PRAGMA table_info({table})")}
    assert not columns & {"afm", "mbfc", "fc", "lewandowsky_acc", "misinfome_bin"}
    values = {row[0] for row in conn.execute("SELECT DISTINCT value FROM flags WHERE kind = 'laundromat'")}
    assert "Wikidata All News" not in values and "RT Mirror/Repost" in values


def test_every_dataset_has_a_citation_and_checksum():
    db = OutletDatabase()
    datasets = {d["id"]: d for d in db.datasets()}
    assert set(datasets) == {"lin2023", "hanley2024", "asd_state_media", "asd_laundromat", "curated"}
    for item in datasets.values():
        assert item["citation"] and len(item["sha256"]) == 64


def test_pc1_percentiles_are_monotonic(rebuilt):
    conn = sqlite3.connect(rebuilt)
    rows = conn.execute("SELECT pc1, pc1_percentile FROM outlets WHERE pc1 IS NOT NULL ORDER BY pc1").fetchall()
    percentiles = [p for _, p in rows]
    assert percentiles == sorted(percentiles)
    assert 0 <= percentiles[0] < 1 and percentiles[-1] == 100.0
