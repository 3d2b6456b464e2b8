"""The analysis side of the server: one `Newsprobe` app object per worker, run off the event loop.

Analyses run one at a time on a dedicated thread (CPU-bound work gains nothing from more threads
under the GIL; scale with `--workers`), with at most `max_pending` waiting; URL fetches run on a
small separate pool so a slow site never holds up analyses. A request for a subset of analysers
reuses the loaded analysers and models of the main pipeline.
"""

from __future__ import annotations

import asyncio
import copy
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from ..analyse import registry
from ..api import Newsprobe
from ..errors import UnknownAnalyserError
from ..ingest import FetchPolicy, RawDocument, from_text
from ..ingest.url import fetch_url
from ..report import Report
from .permalinks import ReportStore
from .settings import WebSettings

__all__ = ["AnalysisOutcome", "AnalysisService", "ServerBusy"]

T = TypeVar("T")
FETCH_THREADS = 4
WARM_UP_TEXT = """Harbour reopens after repairs

By Jane Doe

The harbour reopened on Monday, the port authority said. "We are glad to welcome ships again,"
director Maria Keller told reporters in Hamburg. Repairs cost 3 million euros, officials said.
"""


class ServerBusy(Exception):
    """Too many analyses queued on this worker."""


@dataclass(frozen=True)
class AnalysisOutcome:
    report_id: str
    report: Report
    cached: bool


class AnalysisService:
    def __init__(self, settings: WebSettings, store: ReportStore) -> None:
        self.settings = settings
        self.store = store
        self.fetch_policy = FetchPolicy(allow_private=settings.allow_private, total_timeout=settings.fetch_timeout)
        self.app = Newsprobe(settings.analyses, profile=settings.profile, fetch_policy=self.fetch_policy)
        self.available = tuple(self.app.pipeline.names)
        self._subsets: dict[tuple[str, ...], Newsprobe] = {(): self._subset_app(())}
        self._analysis_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprobe-analyse")
        self._fetch_pool = ThreadPoolExecutor(max_workers=FETCH_THREADS, thread_name_prefix="newsprobe-fetch")
        self._pending = 0
        self._inflight: dict[str, asyncio.Future[Report]] = {}
        self._lock = threading.Lock()

    # -- choosing analysers

    def resolve(self, analyses: Sequence[str] | None) -> tuple[str, ...]:
        """The analysers to run (requirements added) in pipeline order; unknown or disabled names raise."""
        if analyses is None:
            return self.available
        wanted = {cls.name for cls in registry.resolve(analyses)}
        disabled = sorted(wanted - set(self.available))
        if disabled:
            raise UnknownAnalyserError(
                f"analyser(s) not enabled on this server: {', '.join(disabled)} (enabled: {', '.join(self.available)})"
            )
        return tuple(name for name in self.available if name in wanted)

    def _subset_app(self, names: tuple[str, ...]) -> Newsprobe:
        subset = copy.copy(self.app)
        subset.pipeline = copy.copy(self.app.pipeline)  # shares the Doc pipeline, resources and analysers
        subset.pipeline.analysers = [a for a in self.app.pipeline.analysers if a.name in names]
        return subset

    def _app_for(self, names: tuple[str, ...]) -> Newsprobe:
        if names == self.available:
            return self.app
        with self._lock:
            if names not in self._subsets:
                self._subsets[names] = self._subset_app(names)
            return self._subsets[names]

    # -- running

    async def fetch(self, url: str) -> RawDocument:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._fetch_pool, fetch_url, url, self.fetch_policy)

    async def analyze(self, document: RawDocument, names: tuple[str, ...]) -> AnalysisOutcome:
        report_id = self.store.report_id(document, names, self.app.profile)
        stored = self.store.get(report_id)
        if stored is not None:
            return AnalysisOutcome(report_id, stored, cached=True)
        task = self._inflight.get(report_id)
        shared = task is not None  # the same input is already being analysed for another request
        if task is None:
            task = asyncio.ensure_future(self._analyze_and_store(report_id, document, names))
            self._inflight[report_id] = task
            task.add_done_callback(lambda done: self._finished(report_id, done))
        # shielded: a client that disconnects does not cancel work other requests wait for
        report = await asyncio.shield(task)
        return AnalysisOutcome(report_id, report, cached=shared)

    async def _analyze_and_store(self, report_id: str, document: RawDocument, names: tuple[str, ...]) -> Report:
        app = self._app_for(names)

        def work() -> Report:
            report = app.analyze(document)
            self.store.put(report_id, report)  # on the analysis thread: a disk write stays off the event loop
            return report

        return await self._bounded(work)

    def _finished(self, report_id: str, task: asyncio.Future[Report]) -> None:
        self._inflight.pop(report_id, None)
        if not task.cancelled():
            task.exception()  # mark retrieved: the requests that awaited it got it already

    async def _bounded(self, work: Callable[[], T]) -> T:
        with self._lock:
            if self._pending >= self.settings.max_pending:
                raise ServerBusy(f"{self._pending} analyses are already waiting on this worker; retry shortly")
            self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._analysis_pool, work)
        finally:
            with self._lock:
                self._pending -= 1

    async def warm_up(self) -> None:
        """Load every model now (one short article through the whole pipeline), not on the first request."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._analysis_pool, self.app.analyze, from_text(WARM_UP_TEXT, source="<warm-up>"))

    def close(self) -> None:
        self._analysis_pool.shutdown(wait=False, cancel_futures=True)
        self._fetch_pool.shutdown(wait=False, cancel_futures=True)
