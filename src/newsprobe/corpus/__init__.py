"""Corpus mode: analyse many articles into a store of Parquet partitions read through DuckDB, locally or on Ray.

>>> from newsprobe.corpus import RunOptions, run_corpus, query
>>> run_corpus(RunOptions(inputs=["feeds.jsonl"], store="store/", profile="fast"))
>>> query("store/", "SELECT outlet, count(*) FROM articles GROUP BY 1").to_pandas()
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..ingest.records import InputRecord, article_id, expand_inputs, iter_inputs
from .jobs import RunOptions, RunSummary, run_corpus
from .store import CorpusStore

__all__ = [
    "CorpusStore",
    "InputRecord",
    "RunOptions",
    "RunSummary",
    "article_id",
    "expand_inputs",
    "iter_inputs",
    "query",
    "run_corpus",
]


def query(store: str | Path, sql: str, parameters: list[Any] | None = None) -> Any:
    """Run DuckDB SQL on a store (read-only); returns a `pyarrow.Table` (`.to_pandas()` for pandas)."""
    with CorpusStore(store, read_only=True) as opened:
        return opened.query(sql, parameters)
