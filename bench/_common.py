"""Shared benchmark plumbing: where the data is, result files, tables."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import os
import platform
from pathlib import Path
from typing import Any, NamedTuple

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("NEWSPROBE_SHARED_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "bench" / "results"
EXTRACTION_PAGES = SHARED_DATA / "extraction-bench"


class BenchPage(NamedTuple):
    """One extraction-bench page: its id, HTML, address and the article text its ground truth gives."""

    id: str
    html: str
    url: str
    body: str


def extraction_pages(folder: Path = EXTRACTION_PAGES) -> list[BenchPage]:
    """The extraction-bench pages of `folder` that have HTML, in id order."""
    truth = json.loads((folder / "ground-truth.json").read_text())
    pages = []
    for page_id, entry in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            html = gzip.open(path, "rt", encoding="utf8").read()
            pages.append(BenchPage(page_id, html, entry["url"], entry["articleBody"]))
    return pages


def machine() -> dict[str, Any]:
    """What results depend on beyond the code: int8 products differ with and without VNNI instructions, and with
    PyTorch installed spaCy imports it (about 190 MB more per process)."""
    cpu_flags = Path("/proc/cpuinfo").read_text().split() if Path("/proc/cpuinfo").is_file() else []
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "vnni": any(flag in cpu_flags for flag in ("avx512_vnni", "avx_vnni")),
        "pytorch_installed": importlib.util.find_spec("torch") is not None,
    }


def write_result(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": name,
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        **payload,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2) + "\n")
    return path


def print_table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(f"{value:.3f}" if isinstance(value, float) else str(value) for value in row))
    Console().print(table)
