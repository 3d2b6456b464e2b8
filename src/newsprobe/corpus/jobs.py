"""The corpus run loop: read -> the engine's workers analyse and commit batches -> near-duplicates -> compaction.

    >>> from newsprobe.corpus import RunOptions, run_corpus
    >>> summary = run_corpus(RunOptions(inputs=["articles/"], store="store/", analyses=["entities"]))

The driver (this process) reads the inputs, hands batches to the workers and counts what they
committed; it never holds analysis rows. Rerunning with the same inputs skips every finished
document; a crash (even `kill -9`) loses at most the batches being written, which the rerun redoes,
and the rerun also finds the near-duplicates the crashed run did not get to.
"""

from __future__ import annotations

import datetime as dt
import shlex
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from ..analyse.base import Profile
from ..ingest import FetchPolicy
from ..ingest.records import InputRecord, count_inputs, expand_inputs, iter_inputs
from .engines import make_engine
from .store import CorpusStore
from .worker import BatchResult, Processor, peak_rss_mb

__all__ = ["RunOptions", "RunSummary", "failures_hint", "run_corpus", "summary_table"]


@dataclass
class RunOptions:
    inputs: Sequence[str]
    store: str | Path
    engine: str = "local"
    workers: int = 2
    analyses: Sequence[str] | None = None
    profile: Profile = "accurate"
    address: str | None = None
    batch_size: int = 32
    quiet: bool = False
    fetch_policy: FetchPolicy = field(default_factory=FetchPolicy)
    per_host: int = 2
    limit: int | None = None
    compact: bool = True  # merge the run's partitions when it ends (queries over many small files are slow)
    make_processor: Callable[[], Processor] | None = None  # each worker's processor (default: the analysers)


class RunSummary(BaseModel):
    run_id: str
    store: str
    engine: str
    workers: int
    profile: Profile
    inputs_seen: int = Field(0, description="Records read from the inputs (finished ones included).")
    skipped: int = Field(0, description="Already in the store from an earlier run.")
    processed: int = 0
    written: int = Field(0, description="Documents now in `articles`.")
    errors: int = Field(0, description="Documents that failed (in `errors`).")
    analyser_failures: int = 0
    near_duplicate_pairs: int = 0
    seconds: float = 0.0
    startup_seconds: float = Field(
        0.0, description="Until the first document came back (workers starting, models loading)."
    )
    docs_per_second: float = 0.0
    steady_docs_per_second: float = Field(
        0.0, description="Throughput after the first batch of results arrived; 0 when all came in that batch."
    )
    worker_peak_rss_mb: dict[str, float] = Field(default_factory=dict)
    driver_peak_rss_mb: float = Field(
        0.0, description="Peak RSS of the driver process (reading, scheduling, the join)."
    )
    pairs_seconds: float = Field(0.0, description="Finding the near-duplicate pairs of the new documents.")
    compaction_seconds: float = 0.0


class _Reader:
    """Records not yet finished (and not seen earlier in this run), counting what it skips."""

    def __init__(self, options: RunOptions, paths: list[str], finished: set[str]) -> None:
        self.options, self.paths, self.finished = options, paths, finished
        self.seen = 0
        self.skipped = 0
        self.on_skip: Any = None

    def __iter__(self) -> Iterator[InputRecord]:
        taken = 0
        skip = frozenset(self.finished)
        for record in iter_inputs(
            self.paths, policy=self.options.fetch_policy, skip=skip, per_host=self.options.per_host
        ):
            self.seen += 1
            if record.id in self.finished:
                self.skipped += 1
                if self.on_skip:
                    self.on_skip()
                continue
            self.finished.add(record.id)  # the same document twice in the inputs is analysed once
            yield record
            taken += 1
            if self.options.limit is not None and taken >= self.options.limit:
                return


class _Counts:
    """What the workers report having committed."""

    def __init__(self) -> None:
        self.documents = self.written = self.errors = self.analyser_failures = 0
        self.peak_rss: dict[str, float] = {}

    def add(self, result: BatchResult) -> None:
        self.documents += result.documents
        self.written += result.written
        self.errors += result.errors
        self.analyser_failures += result.analyser_failures
        self.peak_rss[result.worker] = max(self.peak_rss.get(result.worker, 0.0), result.peak_rss_mb)


def _throughput(summary: RunSummary) -> str:
    """'12.30 docs/s (14.10 after start-up)'; the second only when documents came after the first batch."""
    steady = summary.steady_docs_per_second
    return f"{summary.docs_per_second:.2f} docs/s" + (f" ({steady:.2f} after start-up)" if steady else "")


def _progress(quiet: bool, console: Console | None) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        disable=quiet,
        transient=False,
    )


def run_corpus(options: RunOptions, *, console: Console | None = None) -> RunSummary:
    """Run (or resume) a corpus job and return its summary."""
    run_id = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    analyses = list(options.analyses) if options.analyses is not None else None
    engine = make_engine(
        options.engine,
        analyses,
        options.profile,
        workers=options.workers,
        address=options.address,
        batch_size=options.batch_size,
        make_processor=options.make_processor,
    )
    paths = expand_inputs(options.inputs)
    total = count_inputs(paths)
    with CorpusStore(options.store) as store:
        reader = _Reader(options, paths, store.finished_ids())
        counts = _Counts()
        started = time.perf_counter()
        started_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        first_at: float | None = None
        first_batch = 0  # documents in the first result: start-up ends when it arrives
        with engine.started():
            with _progress(options.quiet, console) as progress:

                def to_do() -> int | None:
                    if total is None:
                        return options.limit
                    left = total - reader.skipped
                    return left if options.limit is None else min(left, options.limit)

                task = progress.add_task("analysing", total=to_do(), rate="   -")

                def skipped() -> None:
                    progress.update(task, total=to_do())

                reader.on_skip = skipped
                for result in engine.run(reader, store.location.shared_address(), run_id):
                    counts.add(result)
                    if first_at is None:
                        first_at, first_batch = time.perf_counter(), result.documents
                    rate = counts.documents / max(time.perf_counter() - started, 1e-9)
                    progress.update(task, advance=result.documents, rate=f"{rate:6.1f}")
            analysed = time.perf_counter()
            store.refresh()
            with engine.mapper() as mapper:
                pairs = engine.find_pairs(store, run_id, mapper)
                paired = time.perf_counter()
                store.record_run(
                    {
                        "run_id": run_id,
                        "started": started_at,
                        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                        "engine": options.engine,
                        "workers": options.workers,
                        "profile": options.profile,
                        "analyses": ",".join(analyses) if analyses is not None else "all",
                        "inputs": " ".join(map(str, options.inputs)),
                        "processed": counts.documents,
                        "errors": counts.errors,
                        "seconds": paired - started,
                    }
                )
                if options.compact:
                    store.compact(run_id, mapper)
        compacted = time.perf_counter()
    processed, seconds = counts.documents, compacted - started
    startup = (first_at - started) if first_at is not None else seconds
    steady_time = analysed - started - startup
    after_first = processed - first_batch
    steady = after_first / steady_time if after_first > 0 and steady_time > 0 else 0.0
    return RunSummary(
        run_id=run_id,
        store=str(options.store),
        engine=options.engine,
        workers=options.workers,
        profile=options.profile,
        inputs_seen=reader.seen,
        skipped=reader.skipped,
        processed=processed,
        written=counts.written,
        errors=counts.errors,
        analyser_failures=counts.analyser_failures,
        near_duplicate_pairs=pairs,
        seconds=round(seconds, 3),
        docs_per_second=round(processed / seconds, 3) if seconds > 0 else 0.0,
        startup_seconds=round(startup, 3),
        steady_docs_per_second=round(steady, 3),
        worker_peak_rss_mb={k: round(v, 1) for k, v in counts.peak_rss.items()},
        driver_peak_rss_mb=round(peak_rss_mb(), 1),
        pairs_seconds=round(paired - analysed, 3),
        compaction_seconds=round(compacted - paired, 3),
    )


def failures_hint(summary: RunSummary) -> str:
    """Where the run's failures are listed, as a command to copy."""
    query = f"SELECT source, stage, analyser, message FROM errors WHERE run_id = '{summary.run_id}'"
    return f'What failed, and why: newsprobe corpus query -s {shlex.quote(summary.store)} "{query}"'


def summary_table(summary: RunSummary) -> Table:
    table = Table(title=f"corpus run {summary.run_id}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    rows = [
        ("store", summary.store),
        ("engine", f"{summary.engine} × {summary.workers}"),
        ("profile", summary.profile),
        ("inputs read", f"{summary.inputs_seen:,}"),
        ("already done (skipped)", f"{summary.skipped:,}"),
        ("analysed now", f"{summary.processed:,}"),
        ("written", f"{summary.written:,}"),
        ("failed documents", f"{summary.errors:,}"),
        ("analyser failures", f"{summary.analyser_failures:,}"),
        ("near-duplicate pairs", f"{summary.near_duplicate_pairs:,}"),
        ("time", f"{summary.seconds:.1f} s (near-duplicates {summary.pairs_seconds:.1f} s)"),
        ("throughput", _throughput(summary)),
        ("peak RSS per worker", ", ".join(f"{v:.0f} MB" for v in summary.worker_peak_rss_mb.values()) or "-"),
    ]
    for name, value in rows:
        table.add_row(name, Text(value))
    return table
