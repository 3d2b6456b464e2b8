"""The corpus run loop: read -> analyse in the engine -> write batches (one transaction each).

    >>> from newsprobe.corpus import RunOptions, run_corpus
    >>> summary = run_corpus(RunOptions(inputs=["articles/"], store="store/", analyses=["entities"]))

Rerunning with the same inputs skips every finished document; a crash (even `kill -9`) loses at
most the batch being written, which the rerun redoes.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from ..analyse.base import Profile
from ..ingest import FetchPolicy
from ..ingest.records import InputRecord, count_inputs, expand_inputs, iter_inputs
from .engines import Outcome, make_engine
from .store import CorpusStore
from .syndication import NearDuplicateFinder, outlet_row, pair_edit_rows
from .tables import Rows

__all__ = ["RunOptions", "RunSummary", "run_corpus", "summary_table"]


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
    export_parquet: bool = True
    limit: int | None = None


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
    steady_docs_per_second: float = Field(0.0, description="Throughput after the first document.")
    worker_peak_rss_mb: dict[str, float] = Field(default_factory=dict)


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


class _Writer:
    """Buffers outcomes and commits them in batches, adding outlets and near-duplicate pairs."""

    def __init__(self, store: CorpusStore, run_id: str, batch_size: int) -> None:
        self.store, self.run_id, self.batch_size = store, run_id, batch_size
        self.buffer: list[Outcome] = []
        self.known_domains = store.known_domains()
        self.finder = NearDuplicateFinder(store.dedup_directory)
        self.written = self.errors = self.analyser_failures = self.pairs = 0
        self.peak_rss: dict[str, float] = {}

    def add(self, outcome: Outcome) -> None:
        self.buffer.append(outcome)
        key = str(outcome.worker)
        self.peak_rss[key] = max(self.peak_rss.get(key, 0.0), outcome.peak_rss_mb)
        if len(self.buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        batch: list[Rows] = [self._stamp(outcome.rows, now) for outcome in self.buffer]
        articles = [row for rows in batch for row in rows.get("articles", [])]
        pairs = self.finder.add(articles)
        extra: Rows = {"outlets": self._outlet_rows(articles), "near_duplicates": pairs}
        extra.update(pair_edit_rows(pairs, articles, self.store.articles))
        self.store.write_batch([*batch, extra])
        self.written += len(articles)
        self.errors += sum(1 for outcome in self.buffer if outcome.failed)
        self.analyser_failures += sum(outcome.analyser_failures for outcome in self.buffer)
        self.pairs += len(extra["near_duplicates"])
        self.buffer = []

    def _stamp(self, rows: Rows, now: str) -> Rows:
        for row in rows.get("articles", []):
            row.update(run_id=self.run_id, added=now)
        for row in rows.get("errors", []):
            row.update(run_id=self.run_id, created=now)
        return rows

    def _outlet_rows(self, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows = []
        for article in articles:
            domain = article.get("domain")
            if domain and domain not in self.known_domains:
                self.known_domains.add(domain)
                rows.append(outlet_row(domain))
        return rows

    def close(self) -> None:
        self.finder.close()


def _save_what_is_done(writer: _Writer) -> None:
    try:
        writer.flush()
    except Exception:  # the store itself failed: nothing more can be saved
        pass


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
    engine = make_engine(options.engine, analyses, options.profile, workers=options.workers, address=options.address)
    paths = expand_inputs(options.inputs)
    total = count_inputs(paths)
    with CorpusStore(options.store) as store:
        reader = _Reader(options, paths, store.finished_ids())
        writer = _Writer(store, run_id, options.batch_size)
        started = time.perf_counter()
        processed = 0
        first_at: float | None = None
        try:
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
                try:
                    for outcome in engine.run(reader):
                        writer.add(outcome)
                        processed += 1
                        if first_at is None:
                            first_at = time.perf_counter()
                        rate = processed / max(time.perf_counter() - started, 1e-9)
                        progress.update(task, advance=1, rate=f"{rate:6.1f}")
                except BaseException:
                    _save_what_is_done(writer)  # Ctrl-C or an engine failure: keep the finished documents
                    raise
                writer.flush()
        finally:
            writer.close()
        seconds = time.perf_counter() - started
        startup = (first_at - started) if first_at is not None else seconds
        steady = (processed - 1) / (seconds - startup) if processed > 1 and seconds > startup else 0.0
        summary = RunSummary(
            run_id=run_id,
            store=str(options.store),
            engine=options.engine,
            workers=options.workers,
            profile=options.profile,
            inputs_seen=reader.seen,
            skipped=reader.skipped,
            processed=processed,
            written=writer.written,
            errors=writer.errors,
            analyser_failures=writer.analyser_failures,
            near_duplicate_pairs=writer.pairs,
            seconds=round(seconds, 3),
            docs_per_second=round(processed / seconds, 3) if seconds > 0 else 0.0,
            startup_seconds=round(startup, 3),
            steady_docs_per_second=round(steady, 3),
            worker_peak_rss_mb={k: round(v, 1) for k, v in writer.peak_rss.items()},
        )
        store.record_run(
            {
                "run_id": run_id,
                "started": None,
                "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "engine": options.engine,
                "workers": options.workers,
                "profile": options.profile,
                "analyses": ",".join(analyses) if analyses is not None else "all",
                "inputs": " ".join(map(str, options.inputs)),
                "processed": processed,
                "errors": writer.errors,
                "seconds": seconds,
            }
        )
        if options.export_parquet:
            store.export_parquet()
    return summary


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
        ("time", f"{summary.seconds:.1f} s"),
        ("throughput", f"{summary.docs_per_second:.2f} docs/s ({summary.steady_docs_per_second:.2f} after start-up)"),
        ("peak RSS per worker", ", ".join(f"{v:.0f} MB" for v in summary.worker_peak_rss_mb.values()) or "-"),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table
