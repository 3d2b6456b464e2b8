"""Engines run batches of input records on workers: `local` (a process pool) or `ray` (Ray Data actors).

Every worker builds one `newsprobe.Newsprobe(analyses, profile)` once and keeps its models loaded
for all the documents it gets. It turns each document into rows for the store tables (or an error
row: one bad document never stops the run) and commits each batch as a Parquet partition of the
store itself (`worker.BatchWorker`); the driver gets a `BatchResult` of counts per batch. At the end
of a run the engine finds the near-duplicate pairs of the new documents: DuckDB on this machine
(local), Ray Data on the cluster (ray).
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..analyse.base import Profile
from ..errors import InputError, NewsprobeError
from ..ingest.records import InputRecord
from .store import BatchMapper, CorpusStore, map_here
from .syndication import find_pairs_duckdb
from .tables import (
    AdapterError,
    Rows,
    anchor_rows,
    fact_check_rows,
    flatten_result,
    language_and_genre,
    site_fingerprint_rows,
    skipped_rows,
)
from .worker import BatchResult, BatchWorker, Outcome, Processor

__all__ = ["DocumentProcessor", "Engine", "LocalEngine", "RayEngine", "make_engine"]

# each actor queues a second batch while it works on one, so it never waits for the scheduler
RAY_BATCHES_IN_FLIGHT = 2
# Ray Data's join plans and shuffles for tens of seconds whatever the size (1k documents: about 58 s of a
# run's end on 2 cores, against 1-2 s for DuckDB's join in one task): it is for stores past this size.
RAY_DATA_JOIN_FROM = 100_000
RAY_INSTALL_HINT = "the ray engine needs the `ray` extra: pip install -e '.[ray]' in the newsprobe checkout"


def error_row(record_id: str, source: str, stage: str, message: str, analyser: str | None = None) -> dict[str, Any]:
    return {"id": record_id, "source": source, "stage": stage, "analyser": analyser, "message": message[:2000]}


class DocumentProcessor:
    """Extract and analyse one record at a time with one `Newsprobe` app built once."""

    def __init__(self, analyses: Sequence[str] | None, profile: Profile) -> None:
        from ..api import Newsprobe

        self.app = Newsprobe(analyses, profile=profile)
        self.profile = profile

    def process(self, record: InputRecord) -> Outcome:
        if record.error:
            return self._failed(record, "read", record.error)
        try:
            raw = self._raw(record)
            article = self._extract(raw, record)
        except NewsprobeError as exc:
            return self._failed(record, "extract", str(exc))
        except Exception as exc:  # a bug in extraction must not stop the run
            return self._failed(record, "extract", f"{type(exc).__name__}: {exc}")
        try:
            report = self.app.analyze_article(article, raw.description)
            return self._rows(record, report)
        except Exception as exc:  # one bad document never stops the run
            return self._failed(record, "analyse", f"{type(exc).__name__}: {exc}")

    def _failed(self, record: InputRecord, stage: str, message: str) -> Outcome:
        return Outcome(
            id=record.id, rows={"errors": [error_row(record.id, record.source, stage, message)]}, failed=True
        )

    @staticmethod
    def _raw(record: InputRecord) -> Any:
        from ..document import InputDescription
        from ..ingest import RawDocument
        from ..ingest.detect import sniff_kind

        kind = record.kind or sniff_kind(record.content, record.source)
        description = InputDescription(
            source=record.source, kind=kind, url=record.url, bytes=len(record.content.encode("utf-8", "surrogatepass"))
        )
        return RawDocument(content=record.content, kind=kind, description=description)

    @staticmethod
    def _extract(raw: Any, record: InputRecord) -> Any:
        from ..extract import extract

        article = extract(raw)
        metadata = article.metadata
        if record.url and not metadata.url:
            metadata.url = record.url
        if record.published:
            metadata.published = record.published
        if record.outlet and not metadata.site_name:
            metadata.site_name = record.outlet
        if record.outlet and not metadata.outlet:
            metadata.outlet, metadata.outlet_source = record.outlet, "input record"
        if not metadata.domain and metadata.url:
            from ..domains import registered_domain

            metadata.domain = registered_domain(metadata.url)
        return article

    def _rows(self, record: InputRecord, report: Any) -> Outcome:
        article = report.article
        metadata = article.metadata
        provenance = report.analyses.get("provenance")
        host = getattr(provenance, "host", None)
        rows: Rows = {
            "articles": [
                {
                    "id": record.id,
                    "source": record.source,
                    "url": metadata.url or record.url,
                    "outlet": record.outlet or metadata.outlet or (host.name if host else None) or metadata.domain,
                    "domain": metadata.domain or (host.domain if host else None),
                    "published": metadata.published,
                    "title": metadata.title,
                    "authors": "; ".join(metadata.authors) or None,
                    "words": len(article.text.split()),
                    "text": article.text,
                    "profile": self.profile,
                    **language_and_genre(metadata),
                }
            ],
            **skipped_rows(record.id, report.skipped),
            "fact_checks": fact_check_rows(record.id, metadata.claim_reviews),
            "site_fingerprints": site_fingerprint_rows(record.id, metadata.site_fingerprints),
            "text_anchors": anchor_rows(record.id, article),
        }
        for name, result in report.analyses.items():
            try:
                flat = flatten_result(record.id, name, result)
            except AdapterError as exc:
                flat = exc.fallback
                rows.setdefault("errors", []).append(error_row(record.id, record.source, "store", str(exc), name))
            for table, table_rows in flat.items():
                rows.setdefault(table, []).extend(table_rows)
        for failure in report.failures:
            rows.setdefault("errors", []).append(
                error_row(record.id, record.source, "analyser", failure.error, analyser=failure.analyser)
            )
        return Outcome(id=record.id, rows=rows, analyser_failures=len(report.failures))


THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NEWSPROBE_ENCODER_THREADS",
    "NEWSPROBE_THREADS",
)


def worker_environment(workers: int) -> dict[str, str]:
    """Thread limits for each worker so that workers x threads does not exceed the cores (no oversubscription).

    Values already set in the environment win.
    """
    threads = str(max(1, (os.cpu_count() or 1) // max(1, workers)))
    return {name: os.environ.get(name, threads) for name in THREAD_VARIABLES}


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def document_processor(analyses: Sequence[str] | None, profile: Profile) -> Callable[[], Processor]:
    """The default processor factory (picklable: pool workers and Ray actors call it where they run)."""
    return functools.partial(DocumentProcessor, analyses, profile)


# ---------------------------------------------------------------- local


_WORKER: BatchWorker | None = None


def _init_worker(make_processor: Callable[[], Processor], store: str, run_id: str) -> None:
    global _WORKER  # one app per worker process: the pool's initializer is the only way in
    _WORKER = BatchWorker(make_processor, store, run_id)


def _run_batch(records: list[dict[str, Any]]) -> BatchResult:
    assert _WORKER is not None
    return _WORKER.run(InputRecord.from_dict(record) for record in records)


@dataclass
class LocalEngine:
    """A process pool (``workers`` processes, spawned); ``workers=1`` runs in this process.

    A worker is replaced after ``recycle_after`` documents: its memory crept up over long runs
    (peak 0.23 GB after 500 documents, 0.58 GB after 5,000, extraction only), and a fresh worker
    reloads its models in a few seconds.
    """

    make_processor: Callable[[], Processor]
    workers: int = 2
    batch_size: int = 32
    recycle_after: int = 2000
    name: str = field(default="local", init=False)
    _stack: ExitStack | None = field(default=None, init=False, repr=False)
    _pool: ProcessPoolExecutor | None = field(default=None, init=False, repr=False)

    @contextmanager
    def started(self) -> Iterator[None]:
        """Holds the worker pool that `run` spawns, so that the run's end reuses its warm workers."""
        with ExitStack() as stack:
            self._stack = stack
            try:
                yield
            finally:
                self._stack, self._pool = None, None

    def run(self, records: Iterable[InputRecord], store: str, run_id: str) -> Iterator[BatchResult]:
        if self.workers <= 1:
            worker = BatchWorker(self.make_processor, store, run_id)
            for batch in chunked(records, self.batch_size):
                yield worker.run(batch)
            return
        batches = ([record.to_dict() for record in batch] for batch in chunked(records, self.batch_size))
        yield from map_on_pool(self._spawn_pool(store, run_id), _run_batch, batches, self.workers * 2)

    def _spawn_pool(self, store: str, run_id: str) -> ProcessPoolExecutor:
        assert self._stack is not None and self._pool is None, "one run per engine.started()"
        # replaced workers are spawned later in the run: the thread limits stay set as long as the pool
        self._stack.enter_context(environment(worker_environment(self.workers)))
        self._pool = self._stack.enter_context(
            ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.make_processor, store, run_id),
                max_tasks_per_child=max(1, self.recycle_after // self.batch_size),
            )
        )
        return self._pool

    @contextmanager
    def mapper(self) -> Iterator[BatchMapper]:
        """Tasks of the run's end (finding pairs, copying and deleting files) on the run's worker pool, whose
        workers have imported everything already (spawning a pool costs seconds); on a new pool when this run
        analysed nothing."""
        pool = self._pool
        if pool is None:
            with pool_mapper(self.workers) as mapper:
                yield mapper
            return
        yield lambda function, tasks: map_on_pool(pool, function, tasks, self.workers * 2)

    def find_pairs(self, store: CorpusStore, run_id: str, mapper: BatchMapper = map_here) -> int:
        """With a pool, the DuckDB join runs in one of its workers (which verifies and compares the candidates
        on a pool of its own): this process only waits for the pairs' partition to be committed."""
        if self.workers <= 1:
            return find_pairs_duckdb(store, run_id)
        return pairs_in_one_task(store, run_id, mapper, self.workers)


@contextmanager
def pool_mapper(workers: int) -> Iterator[BatchMapper]:
    """A `BatchMapper` on a pool of ``workers`` spawned processes (in this process when ``workers`` <= 1)."""
    if workers <= 1:
        yield map_here
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield lambda function, tasks: map_on_pool(pool, function, tasks, workers * 2)


def map_on_pool(
    pool: ProcessPoolExecutor, function: Callable[[Any], Any], tasks: Iterable[Any], in_flight: int
) -> Iterator[Any]:
    """``function`` over ``tasks`` on ``pool``, at most ``in_flight`` submitted at once; results as they finish."""
    pending: set[Future[Any]] = set()
    for task in tasks:
        pending.add(pool.submit(function, task))
        if len(pending) >= in_flight:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from (future.result() for future in done)


def pairs_in_one_task(store: CorpusStore, run_id: str, mapper: BatchMapper, workers: int) -> int:
    """`find_pairs_duckdb` as one task of ``mapper`` (verifying on a pool of ``workers`` there); this process
    only waits for the pairs' partition to be committed."""
    (pairs,) = mapper(_find_pairs_task, iter([(store.location.shared_address(), run_id, workers)]))
    store.refresh()
    return int(pairs)


def _find_pairs_task(task: tuple[str, str, int]) -> int:
    """`find_pairs_duckdb` in a pool worker: the store opened read-only (the run's driver holds its lock)."""
    address, run_id, workers = task
    with CorpusStore(address, read_only=True) as store, pool_mapper(workers) as mapper:
        return find_pairs_duckdb(store, run_id, mapper)


# ---------------------------------------------------------------- ray


class RayBatchWorker:
    """A Ray Data actor: one app per actor; a batch of JSON records in, one committed partition, its counts out."""

    def __init__(self, make_processor: Callable[[], Processor], store: str, run_id: str) -> None:
        self.worker = BatchWorker(make_processor, store, run_id)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        result = self.worker.run(InputRecord.from_dict(json.loads(str(item))) for item in batch["record"])
        return {"result": np.array([result.to_json()], dtype=object)}


def import_ray() -> Any:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise InputError(RAY_INSTALL_HINT) from None
    return ray


@dataclass
class RayEngine:
    """Ray Data with an actor pool of ``workers`` actors (0.5 CPU each, so reading is never starved).

    ``address``: None starts a local cluster (shut down at the end); "auto" or "ray://host:port"
    joins an existing one (workers there need newsprobe installed and the store's path or URI
    reachable). Records go to Ray in windows of ``window`` documents so the driver never holds
    the whole corpus.
    """

    make_processor: Callable[[], Processor]
    workers: int = 2
    batch_size: int = 32
    address: str | None = None
    window: int = 10_000
    actor_cpus: float = 0.5
    name: str = field(default="ray", init=False)

    @contextmanager
    def started(self) -> Iterator[None]:
        ray = import_ray()
        self._init(ray)
        try:
            yield
        finally:
            ray.shutdown()

    def run(self, records: Iterable[InputRecord], store: str, run_id: str) -> Iterator[BatchResult]:
        ray = import_ray()
        for window in chunked(records, self.window):
            yield from self._run_window(ray, window, store, run_id)

    @contextmanager
    def mapper(self) -> Iterator[BatchMapper]:
        """Tasks of the run's end as Ray tasks (inside `started`)."""
        ray = import_ray()

        def mapper(function: Callable[[Any], Any], tasks: Iterator[Any]) -> list[Any]:
            remote = ray.remote(num_cpus=self.actor_cpus)(function)
            return list(ray.get([remote.remote(task) for task in tasks]))

        yield mapper

    def find_pairs(self, store: CorpusStore, run_id: str, mapper: BatchMapper = map_here) -> int:
        """DuckDB's join as one Ray task (``mapper``'s) while the store is small; Ray Data's join beyond."""
        if sum(marker.documents for marker in store.live) < RAY_DATA_JOIN_FROM:
            return pairs_in_one_task(store, run_id, mapper, 1)
        from .ray_pairs import find_pairs_ray

        return find_pairs_ray(store, run_id, self.workers)

    def _init(self, ray: Any) -> None:
        import logging

        # ERROR: Ray's own notices (e.g. that a local cluster uses token authentication) stay off the progress bar
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
        if self.address:
            options["address"] = self.address
        else:
            options["num_cpus"] = max(1, self.workers)
        try:
            ray.init(**options)
        except Exception as exc:  # connection refused, no cluster at 'auto', ray[client] missing for ray://
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(f"cannot start or join Ray ({self.address or 'local'}): {message}") from None
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        with warnings.catch_warnings():  # Ray 2.60's own DataContext() sets its deprecated fields
            warnings.simplefilter("ignore", DeprecationWarning)
            context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False

    def _run_window(self, ray: Any, window: list[InputRecord], store: str, run_id: str) -> Iterator[BatchResult]:
        items = [{"record": json.dumps(record.to_dict(), ensure_ascii=False)} for record in window]
        # small windows still reach every actor (each one holds at most RAY_BATCHES_IN_FLIGHT batches)
        batch = max(1, min(self.batch_size, -(-len(items) // (self.workers * RAY_BATCHES_IN_FLIGHT))))
        blocks = max(1, min(len(items), max(self.workers * 2, len(items) // batch)))
        dataset = ray.data.from_items(items, override_num_blocks=blocks)
        # Ray Data keeps a map actor's constructor arguments in the object store, where a restarted actor
        # cannot count on finding them (ray-project/ray#53727, #57733; Ray prints an error line for every
        # actor). So no restarts: a lost actor fails the run, and the rerun resumes it. Ray 2.60 takes
        # max_restarts only through its deprecated **ray_remote_args, hence the filter.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            dataset = dataset.map_batches(
                RayBatchWorker,
                fn_constructor_kwargs={"make_processor": self.make_processor, "store": store, "run_id": run_id},
                batch_size=batch,
                compute=ray.data.ActorPoolStrategy(
                    size=self.workers, max_tasks_in_flight_per_actor=RAY_BATCHES_IN_FLIGHT
                ),
                num_cpus=self.actor_cpus,
                batch_format="numpy",
                runtime_env={"env_vars": worker_environment(self.workers)},
                max_restarts=0,
            )
        for results in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for payload in results["result"]:
                yield BatchResult.from_json(str(payload))


Engine = LocalEngine | RayEngine


def make_engine(
    name: str,
    analyses: Sequence[str] | None,
    profile: Profile,
    *,
    workers: int,
    address: str | None = None,
    batch_size: int = 32,
    make_processor: Callable[[], Processor] | None = None,
) -> Engine:
    """``make_processor`` builds each worker's processor (default: a `DocumentProcessor` of the analyses)."""
    factory = make_processor or document_processor(analyses, profile)
    if name == "local":
        return LocalEngine(factory, workers=workers, batch_size=batch_size)
    if name == "ray":
        import_ray()
        return RayEngine(factory, workers=workers, batch_size=batch_size, address=address)
    raise InputError(f"unknown engine {name!r} (choose local or ray)")
