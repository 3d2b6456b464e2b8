"""Crash safety: `kill -9` a real `newsprobe corpus run` at 5 random moments, rerun, and every input is stored exactly once.

Both engines: the in-process one and Ray (a local cluster of 2 actors, each committing its own partitions).
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsprobe.corpus import RunOptions, query, run_corpus
from newsprobe.ingest.records import iter_inputs

from .conftest import corpus_rows, ptc_texts, write_jsonl

#: Waits are on progress, not on the clock: a loaded machine may take minutes to start Ray and load models, so
#: the first commit may take STARTUP seconds and each later one STALL seconds before the test gives up.
STARTUP = 900.0
STALL = 300.0
ORPHANS = 10.0
POLL = 0.05
BATCH = 3  # documents per committed batch of the killed runs


ENGINES = {"local": 1, "ray": 2}  # engine -> workers


def committed_documents(store: Path) -> int:
    """Documents in committed batch partitions (their markers are renamed into place, so always whole)."""
    try:
        markers = [pq.read_table(path) for path in (store / "parts" / "_commits").glob("*.parquet")]
    except (OSError, pa.ArrowInvalid):  # a compaction deleted a marker while we listed
        return 0
    return sum(row["documents"] for marker in markers for row in marker.to_pylist() if row["kind"] == "batch")


def _parents() -> dict[int, int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we listed
        parents[int(stat.parent.name)] = int(fields[1])
    return parents


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (the pool's workers; Ray's GCS, raylet and actors)."""
    children: dict[int, list[int]] = {}
    for child, parent in _parents().items():
        children.setdefault(parent, []).append(child)
    found, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def wait_for_orphans(pids: set[int]) -> None:
    """Let the killed driver's processes go (Ray's workers share the driver's fate, a pool's see its pipe close),
    then SIGKILL the stragglers (Ray's agents outlive a killed driver for minutes): the kill takes the whole
    run, and the rerun does not race a worker still committing the batch it had."""
    started = time.monotonic()
    while any(alive(pid) for pid in pids) and time.monotonic() - started < ORPHANS:
        time.sleep(POLL)
    for pid in filter(alive, pids):
        os.kill(pid, signal.SIGKILL)


def run_and_kill(inputs: Path, store: Path, engine: str, after: int) -> int:
    """Start a real run, SIGKILL it once ``after`` documents are committed; returns its exit code."""
    command = [
        sys.executable,
        "-m",
        "newsprobe.cli",
        "corpus",
        "run",
        str(inputs),
        "--store",
        str(store),
        "--engine",
        engine,
        "--workers",
        str(ENGINES[engine]),
        "--analyses",
        "entities",
        "--profile",
        "fast",
        "--batch-size",
        str(BATCH),
        "--quiet",
    ]
    log = store.parent / f"{engine}-run.log"  # a file, not a pipe: an unread pipe that fills up would stall the run
    with log.open("ab") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
    committed = committed_documents(store)
    progress_at, allowance = time.monotonic(), STARTUP
    try:
        while process.poll() is None and time.monotonic() - progress_at < allowance:
            now = committed_documents(store)
            if now >= after:
                workers = descendants(process.pid)
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=60)
                wait_for_orphans(workers)
                break
            if now > committed:
                committed, progress_at, allowance = now, time.monotonic(), STALL
            time.sleep(POLL)
        else:
            ended = "ended" if process.poll() is not None else "stalled"
            pytest.fail(f"the run {ended} at {committed} of {after} documents: {log.read_text()[-2000:]}")
        return process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()


def table_rows(store: Path, sql: str) -> list[tuple[object, ...]]:
    return sorted(tuple(row.values()) for row in query(store, sql).to_pylist())


@pytest.mark.parametrize(
    "engine",
    ["local", pytest.param("ray", marks=pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="no ray"))],
)
def test_kill_9_then_rerun_keeps_every_input_exactly_once(engine: str, shared_data: Path, tmp_path: Path) -> None:
    rows: list[object] = list(corpus_rows(ptc_texts(shared_data, 30)))
    rows.append("{this line is broken")
    inputs = write_jsonl(tmp_path / "in.jsonl", rows)
    store = tmp_path / "store"

    moments = random.Random().sample(range(1, 6), 5)  # documents to let through before each kill
    print(f"kill moments: {moments}")
    total = sum(1 for _ in iter_inputs([str(inputs)]))
    kills = 0
    for step in moments:
        after = committed_documents(store) + step
        if after + 2 * BATCH > total:  # the killed runs committed nearly everything: a run could end before its kill
            break
        assert run_and_kill(inputs, store, engine, after=after) == -signal.SIGKILL
        kills += 1
    assert kills >= 1
    options = dict(workers=ENGINES[engine], engine=engine, analyses=["entities"], profile="fast", quiet=True)
    resumed = run_corpus(RunOptions(inputs=[str(inputs)], store=store, **options))
    assert resumed.skipped > 0 and resumed.skipped + resumed.processed == 32

    expected = {record.id for record in iter_inputs([str(inputs)])}
    articles = query(store, "SELECT id FROM articles").column("id").to_pylist()
    failed = (
        query(store, "SELECT id FROM errors WHERE stage IN ('read', 'extract', 'analyse')").column("id").to_pylist()
    )
    assert len(articles) == len(set(articles)) and len(failed) == len(set(failed))
    assert not set(articles) & set(failed)
    assert set(articles) | set(failed) == expected
    assert len(articles) == 31 and len(failed) == 1

    # child rows were neither lost nor doubled: identical to an uninterrupted run
    reference = tmp_path / "reference"
    run_corpus(RunOptions(inputs=[str(inputs)], store=reference, **options))
    entity_sql = "SELECT article_id, entity_id, name, label, count FROM entities"
    assert table_rows(store, entity_sql) == table_rows(reference, entity_sql)
    pair_sql = "SELECT a_id, b_id, jaccard FROM near_duplicates"
    assert table_rows(store, pair_sql) == table_rows(reference, pair_sql)
