"""Crash safety: `kill -9` a real `newsprobe corpus run` at 5 random moments, rerun, and every input is stored exactly once."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsprobe.corpus import RunOptions, query, run_corpus
from newsprobe.ingest.records import iter_inputs

from .conftest import corpus_rows, ptc_texts, write_jsonl

DEADLINE = 120.0


def indexed_documents(store: Path) -> int:
    path = store / "dedup" / "index.sqlite"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1) as conn:
            return int(conn.execute("SELECT count(*) FROM docs").fetchone()[0])
    except sqlite3.Error:
        return 0


def run_and_kill(inputs: Path, store: Path, after: int) -> int:
    """Start a real run, SIGKILL it once ``after`` documents have gone through; returns its exit code."""
    command = [
        sys.executable,
        "-m",
        "newsprobe.cli",
        "corpus",
        "run",
        str(inputs),
        "--store",
        str(store),
        "--workers",
        "1",
        "--analyses",
        "entities",
        "--profile",
        "fast",
        "--batch-size",
        "3",
        "--quiet",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    started = time.monotonic()
    try:
        while process.poll() is None and time.monotonic() - started < DEADLINE:
            if indexed_documents(store) >= after:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
        return process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()


def table_rows(store: Path, sql: str) -> list[tuple[object, ...]]:
    return sorted(tuple(row.values()) for row in query(store, sql).to_pylist())


def test_kill_9_then_rerun_keeps_every_input_exactly_once(shared_data: Path, tmp_path: Path) -> None:
    rows: list[object] = list(corpus_rows(ptc_texts(shared_data, 30)))
    rows.append("{this line is broken")
    inputs = write_jsonl(tmp_path / "in.jsonl", rows)
    store = tmp_path / "store"

    moments = random.Random().sample(range(1, 6), 5)  # documents to let through before each kill
    print(f"kill moments: {moments}")
    for step in moments:
        assert run_and_kill(inputs, store, after=indexed_documents(store) + step) == -signal.SIGKILL
    resumed = run_corpus(
        RunOptions(inputs=[str(inputs)], store=store, workers=1, analyses=["entities"], profile="fast", quiet=True)
    )
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
    run_corpus(
        RunOptions(inputs=[str(inputs)], store=reference, workers=1, analyses=["entities"], profile="fast", quiet=True)
    )
    entity_sql = "SELECT article_id, entity_id, name, label, count FROM entities"
    assert table_rows(store, entity_sql) == table_rows(reference, entity_sql)
    pair_sql = "SELECT a_id, b_id, jaccard FROM near_duplicates"
    assert table_rows(store, pair_sql) == table_rows(reference, pair_sql)
