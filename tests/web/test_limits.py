"""The pieces behind 429 and 503, driven directly: token buckets and the bounded analysis queue."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsprobe.web.permalinks import ReportStore
from newsprobe.web.security import ApiKeys, RateLimiter, hash_key
from newsprobe.web.service import AnalysisService, ServerBusy
from newsprobe.web.settings import WebSettings


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_refills_at_the_configured_rate() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=60, burst=2, clock=clock)
    assert [limiter.acquire("ip:a") for _ in range(2)] == [0.0, 0.0]
    assert limiter.acquire("ip:a") == pytest.approx(1.0)
    assert limiter.acquire("ip:b") == 0.0  # buckets are per identity
    clock.now += 0.5
    assert limiter.acquire("ip:a") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.acquire("ip:a") == 0.0


def test_rate_limit_off_and_bounded_memory() -> None:
    assert RateLimiter(per_minute=0, burst=1).acquire("x") == 0.0
    clock = FakeClock()
    limiter = RateLimiter(per_minute=60, burst=1, clock=clock)
    limiter.MAX_IDENTITIES = 10
    for number in range(25):
        limiter.acquire(f"ip:{number}")
        clock.now += 2  # earlier buckets have refilled and can be forgotten
    assert len(limiter._buckets) <= 10


def test_api_keys_are_kept_hashed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys"
    path.write_text("# comment\n\nclear-key-0123456789\nsha256:" + hash_key("hashed-key-0123456789").hex() + "\n")
    keys = ApiKeys.from_file(path)
    assert keys.check("clear-key-0123456789") == hash_key("clear-key-0123456789")
    assert keys.check("hashed-key-0123456789") is not None
    assert keys.check("clear-key-012345678") is None and keys.check(None) is None
    assert b"clear-key" not in b"".join(keys._digests)


def test_analysis_queue_is_bounded() -> None:
    service = AnalysisService(WebSettings(analyses=("entities",), max_pending=1, warm_up=False), ReportStore(4))
    release = threading.Event()

    async def scenario() -> None:
        first = asyncio.ensure_future(service._bounded(lambda: release.wait(10)))
        await asyncio.sleep(0.05)
        with pytest.raises(ServerBusy):
            await service._bounded(lambda: None)
        release.set()
        assert await first is True
        assert await service._bounded(lambda: "ok") == "ok"  # the slot is free again

    try:  # on its own thread: the session's Playwright browser keeps an event loop on the main thread
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, scenario()).result(timeout=60)
    finally:
        release.set()
        service.close()
