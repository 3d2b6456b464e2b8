"""Both engines on 2 CPUs write identical results (local process pool, Ray Data actor pool)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsprobe.corpus import RunOptions, query, run_corpus

COMPARED = {
    "articles": "SELECT * EXCLUDE (run_id, added) FROM articles",
    "entities": "SELECT * FROM entities",
    "quotes": "SELECT * FROM quotes",
    "errors": "SELECT * EXCLUDE (run_id, created) FROM errors",
    "near_duplicates": "SELECT * FROM near_duplicates",
    "outlets": "SELECT * FROM outlets",
}

ray_missing = importlib.util.find_spec("ray") is None


def snapshot(store: Path) -> dict[str, list[tuple[object, ...]]]:
    return {
        name: sorted((tuple(row.values()) for row in query(store, sql).to_pylist()), key=repr)
        for name, sql in COMPARED.items()
    }


def run_with(engine: str, inputs: Path, store: Path) -> None:
    summary = run_corpus(
        RunOptions(
            inputs=[str(inputs)],
            store=store,
            engine=engine,
            workers=2,
            analyses=["entities", "quotes"],
            profile="fast",
            quiet=True,
            batch_size=4,
        )
    )
    assert summary.processed == 11 and summary.written == 9 and summary.errors == 2
    assert len(summary.worker_peak_rss_mb) == 2 and all(v > 50 for v in summary.worker_peak_rss_mb.values())


@pytest.fixture(scope="module")
def inline_snapshot(small_store: Path) -> dict[str, list[tuple[object, ...]]]:
    return snapshot(small_store)


def test_local_process_pool_matches_in_process_run(small_jsonl: Path, inline_snapshot, tmp_path: Path) -> None:
    run_with("local", small_jsonl, tmp_path / "pool")
    pooled = snapshot(tmp_path / "pool")
    assert pooled["entities"] and pooled["quotes"]
    assert pooled == inline_snapshot


@pytest.mark.skipif(ray_missing, reason="ray is not installed (pip install 'newsprobe[ray]')")
def test_ray_engine_matches_local_engine(small_jsonl: Path, inline_snapshot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    run_with("ray", small_jsonl, tmp_path / "ray")
    assert snapshot(tmp_path / "ray") == inline_snapshot
    import ray

    assert not ray.is_initialized()  # the local cluster was shut down


def test_missing_ray_prints_the_install_command(monkeypatch) -> None:
    import builtins

    from newsprobe.corpus.engines import RAY_INSTALL_HINT, make_engine
    from newsprobe.errors import InputError

    real_import = builtins.__import__

    def no_ray(name: str, *args: object, **kwargs: object) -> object:
        if name == "ray" or name.startswith("ray."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(InputError, match=r"pip install -e '\.\[ray\]'"):
        make_engine("ray", None, "fast", workers=2)
    assert "'.[ray]'" in RAY_INSTALL_HINT


def test_local_workers_are_recycled_without_losing_documents(small_jsonl: Path, tmp_path: Path) -> None:
    from newsprobe.corpus import CorpusStore
    from newsprobe.corpus.engines import LocalEngine, document_processor
    from newsprobe.ingest.records import iter_inputs

    engine = LocalEngine(document_processor(["entities"], "fast"), workers=2, batch_size=2, recycle_after=2)
    with CorpusStore(tmp_path / "store") as store, engine.started():
        results = list(engine.run(iter_inputs([str(small_jsonl)]), store.location.shared_address(), "recycled"))
        store.refresh()
        stored = store.finished_ids()
    assert stored == {r.id for r in iter_inputs([str(small_jsonl)])}
    assert sum(r.documents for r in results) == 11 and len(results) == 6  # one committed partition per batch
    assert len({r.worker for r in results}) > 2  # fresh worker processes took over
