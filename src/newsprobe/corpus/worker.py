"""What a worker does with a batch of documents: analyse each, then commit them as one partition.

Every engine (in-process, process pool, Ray actors) calls `BatchWorker.run` on its batches, so the
rows reach the store the same way whichever engine ran them; the driver only gets a `BatchResult`
(counts) back.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Protocol

from ..dedup.hashing import DocumentHasher
from ..ingest.records import InputRecord
from .partitions import Marker, StoreLocation, new_partition_id, now, rows_to_tables
from .syndication import dedup_tables, outlet_row
from .tables import Rows

__all__ = ["BatchResult", "BatchWorker", "Outcome", "Processor", "peak_rss_mb"]


@dataclass
class Outcome:
    """What one document became: rows per table (an `errors` row when it failed)."""

    id: str
    rows: Rows
    failed: bool = False
    analyser_failures: int = 0


class Processor(Protocol):
    def process(self, record: InputRecord) -> Outcome: ...


@dataclass
class BatchResult:
    """What the driver learns about a committed batch."""

    partition: str
    documents: int = 0
    written: int = 0
    errors: int = 0
    analyser_failures: int = 0
    worker: str = ""
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0  # the worker's CPU time for this batch (analysis, hashing, writing)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, payload: str) -> BatchResult:
        return cls(**json.loads(payload))


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KB, macOS bytes)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class BatchWorker:
    """Analyse with one processor (models loaded once), write to one store; one partition per batch."""

    def __init__(self, make_processor: Callable[[], Processor], store: str, run_id: str) -> None:
        self.processor = make_processor()
        self.location = StoreLocation(store)
        self.run_id = run_id
        self.hasher = DocumentHasher()
        self.outlets: set[str] = set()  # domains whose outlet row this worker wrote (the view keeps one per domain)

    def run(self, records: Iterable[InputRecord]) -> BatchResult:
        started = time.process_time()
        outcomes = [self.processor.process(record) for record in records]
        stamp = now()
        rows: Rows = {}
        for outcome in outcomes:
            for table, table_rows in outcome.rows.items():
                rows.setdefault(table, []).extend(table_rows)
        for row in rows.get("articles", []):
            row.update(run_id=self.run_id, added=stamp)
        for row in rows.get("errors", []):
            row.update(run_id=self.run_id, created=stamp)
        articles = rows.get("articles", [])
        domains = sorted({a["domain"] for a in articles if a.get("domain")} - self.outlets)
        rows["outlets"] = [outlet_row(domain) for domain in domains]
        tables = {**rows_to_tables(rows), **dedup_tables(articles, self.hasher)}
        marker = Marker(partition=new_partition_id(self.run_id), kind="batch", run_id=self.run_id)
        marker.documents = len(outcomes)
        self.location.write_partition(marker, tables)
        self.outlets.update(domains)
        return BatchResult(
            partition=marker.partition,
            documents=len(outcomes),
            written=len(articles),
            errors=sum(1 for o in outcomes if o.failed),
            analyser_failures=sum(o.analyser_failures for o in outcomes),
            worker=f"{os.uname().nodename}:{os.getpid()}",
            peak_rss_mb=round(peak_rss_mb(), 1),
            cpu_seconds=round(time.process_time() - started, 4),
        )
