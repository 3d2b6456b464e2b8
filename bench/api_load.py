"""Bounded load on the REST API over loopback: p50/p99 latency, throughput, errors.

Starts `newsprobe serve` (the real CLI, uvicorn, N workers, rate limit off) on 127.0.0.1, warms it
up, then runs C concurrent clients until R requests have been sent, and stops. Two scenarios:

- same:   every request posts the reference page text (as the issue asks). After the first
          analysis the server answers from its permalink store (same input, same report id).
- unique: every request posts the reference text plus a unique sentence, so every request is a
          full analysis: this measures the analysis path itself.

    .venv/bin/python bench/api_load.py [--requests 2000] [--concurrency 50] [--unique-requests 200]
        [--workers 2] [--analyses entities,quotes,...] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, print_table, write_result

REFERENCE = ROOT.parent / "shared" / "examples" / "globalresearch-2017-06-28-lavrov.md"
TARGET_P99_S = 2.0


@dataclass
class Outcome:
    scenario: str
    requests: int
    concurrency: int
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    cached: int = 0
    wall: float = 0.0
    started: float = 0.0
    server_cpu: float = 0.0
    client_cpu: float = 0.0

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != "200")

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies)

        def pct(p: float) -> float:
            return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")

        return {
            "scenario": self.scenario,
            "requests": self.requests,
            "concurrency": self.concurrency,
            "errors": self.errors,
            "statuses": self.statuses,
            "cached_responses": self.cached,
            "p50_s": round(pct(50), 4),
            "p90_s": round(pct(90), 4),
            "p99_s": round(pct(99), 4),
            "max_s": round(ordered[-1], 4) if ordered else None,
            "mean_s": round(statistics.fmean(ordered), 4) if ordered else None,
            "throughput_rps": round(len(ordered) / self.wall, 2) if self.wall else None,
            "wall_s": round(self.wall, 2),
            "server_cpu_ms_per_request": round(1000 * self.server_cpu / self.requests, 2) if self.requests else None,
            "client_cpu_ms_per_request": round(1000 * self.client_cpu / self.requests, 2) if self.requests else None,
            "meets_target": self.errors == 0 and bool(ordered) and pct(99) < TARGET_P99_S,
        }


def process_tree(pid: int) -> list[int]:
    """The pid and all its descendants (Linux /proc)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                queue += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server and its workers: load on the machine does not change it."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for process in process_tree(pid):
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, workers: int, analyses: str | None, profile: str) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "newsprobe.cli",
        "--profile",
        profile,
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--rate-limit",
        "0",
    ]
    if analyses:
        command += ["--analyses", analyses]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}
    return subprocess.Popen(command, env=env, start_new_session=True)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_healthy(base: str, process: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("server did not become healthy")


def warm_up(base: str, text: str, workers: int) -> None:
    """Load the models in every worker (unique texts, so no request is answered from the store)."""

    async def run() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=600) as client:
            await asyncio.gather(
                *(client.post("/api/v1/analyze", json={"text": f"{text}\n\nWarm-up {i}."}) for i in range(workers * 3))
            )

    asyncio.run(run())


async def load(base: str, scenario: str, text: str, numbers: range, concurrency: int) -> Outcome:
    """`concurrency` clients on keep-alive connections share the request numbers until none are left."""
    outcome = Outcome(scenario, len(numbers), concurrency)
    counter = iter(numbers)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    same_body = json.dumps({"text": text}).encode()
    headers = {"Content-Type": "application/json"}

    async def client_loop(client: httpx.AsyncClient) -> None:
        for number in counter:
            body = (
                same_body
                if scenario == "same"
                else json.dumps({"text": f"{text}\n\nLoad test request {number}."}).encode()
            )
            started = time.perf_counter()
            try:
                response = await client.post("/api/v1/analyze", content=body, headers=headers)
                status = str(response.status_code)
                if response.status_code == 200 and response.headers.get("x-newsprobe-cached") == "true":
                    outcome.cached += 1
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            outcome.latencies.append(time.perf_counter() - started)
            outcome.statuses[status] = outcome.statuses.get(status, 0) + 1

    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits) as client:
        started = time.time()
        await asyncio.gather(*(client_loop(client) for _ in range(concurrency)))
        outcome.wall = time.time() - started
        outcome.started = started
    return outcome


def client_process(base: str, scenario: str, text: str, numbers: range, concurrency: int) -> Outcome:
    cpu = time.process_time()
    outcome = asyncio.run(load(base, scenario, text, numbers, concurrency))
    outcome.client_cpu = time.process_time() - cpu
    return outcome


def run_scenario(base: str, scenario: str, text: str, requests: int, concurrency: int, processes: int) -> Outcome:
    """Split the clients over several processes so one Python client process is not the bottleneck."""
    processes = max(1, min(processes, concurrency))
    shares = [range(requests)[index::processes] for index in range(processes)]
    clients = [concurrency // processes + (1 if index < concurrency % processes else 0) for index in range(processes)]
    with ProcessPoolExecutor(processes) as pool:
        parts = list(
            pool.map(client_process, [base] * processes, [scenario] * processes, [text] * processes, shares, clients)
        )
    merged = Outcome(scenario, requests, concurrency)
    for part in parts:
        merged.latencies += part.latencies
        merged.cached += part.cached
        merged.client_cpu += part.client_cpu
        for status, count in part.statuses.items():
            merged.statuses[status] = merged.statuses.get(status, 0) + count
    merged.wall = max(p.started + p.wall for p in parts) - min(p.started for p in parts)
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="requests in the 'same' scenario")
    parser.add_argument("--unique-requests", type=int, default=200, help="requests in the 'unique' scenario (0 = skip)")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--analyses", default=None, help="comma-separated analysers (default: all)")
    parser.add_argument("--client-processes", type=int, default=2, help="processes the clients are spread over")
    parser.add_argument("--profile", choices=["fast", "accurate"], default="accurate")
    parser.add_argument("--quick", action="store_true", help="200 + 40 requests, for a smoke run")
    parser.add_argument("--article", type=Path, default=REFERENCE)
    args = parser.parse_args()
    if args.quick:
        args.requests, args.unique_requests = 200, 40
    text = args.article.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_server(port, args.workers, args.analyses, args.profile)
    try:
        wait_healthy(base, process)
        started = time.perf_counter()
        warm_up(base, text, args.workers)
        warm = time.perf_counter() - started
        analysers = httpx.get(base + "/healthz").json()["analysers"]
        load_before = os.getloadavg()
        outcomes = []
        for scenario, requests in (("same", args.requests), ("unique", args.unique_requests)):
            if requests:
                cpu = cpu_seconds(process.pid)
                outcomes.append(run_scenario(base, scenario, text, requests, args.concurrency, args.client_processes))
                outcomes[-1].server_cpu = cpu_seconds(process.pid) - cpu
    finally:
        stop_server(process)
    summaries = [outcome.summary() for outcome in outcomes]
    print_table(
        f"API load: {args.concurrency} clients, {args.workers} workers, profile {args.profile}, "
        f"analysers: {', '.join(analysers)}",
        [
            "scenario",
            "requests",
            "errors",
            "cached",
            "p50 s",
            "p99 s",
            "req/s",
            "CPU ms/req server",
            "client",
            f"p99<{TARGET_P99_S:g}s",
        ],
        [
            [
                s["scenario"],
                s["requests"],
                s["errors"],
                s["cached_responses"],
                s["p50_s"],
                s["p99_s"],
                s["throughput_rps"],
                s["server_cpu_ms_per_request"],
                s["client_cpu_ms_per_request"],
                "yes" if s["meets_target"] else "no",
            ]
            for s in summaries
        ],
    )
    path = write_result(
        "api_load",
        {
            "config": {
                "concurrency": args.concurrency,
                "client_processes": args.client_processes,
                "workers": args.workers,
                "profile": args.profile,
                "analysers": analysers,
                "article": args.article.name,
                "article_chars": len(text),
                "warm_up_s": round(warm, 2),
                "load_average_before": load_before,
                "load_average_after": os.getloadavg(),
            },
            "target": {"errors": 0, "p99_s": TARGET_P99_S},
            "scenarios": summaries,
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
