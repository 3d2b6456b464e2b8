"""Near-duplicates without a central index give today's index's results: pairs, syndication graph, laundering.

The corpus mixes originals with exact, new-intro, trimmed, attribution-stripped and excerpt copies at
another outlet, plus unrelated articles. The reference is `newsprobe.dedup.NearDuplicateIndex` fed the
stored articles one by one (`query_then_add`, as the corpus driver did before partitions).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsprobe.corpus import engines, query, syndication
from newsprobe.corpus.partitions import arrow_table
from newsprobe.corpus.store import PUBLIC_VIEWS
from newsprobe.corpus.syndication import MIN_SHARED, MIN_WORDS, dated_pairs_sql, edit_batch
from newsprobe.dedup import DocumentRecord, NearDuplicateIndex

from .conftest import PAIR, rows, run


def index_pairs(articles: list[dict[str, Any]], directory: Path) -> list[tuple[object, ...]]:
    """What the driver's SQLite index found, feeding the articles in the given order."""
    pairs = {}
    with NearDuplicateIndex(directory) as index:
        for article in articles:
            if article["words"] < MIN_WORDS:
                continue
            record = DocumentRecord(source=article["id"], words=article["words"])
            for m in index.query_then_add(article["text"], record, min_shared=MIN_SHARED, limit=1000):
                a, b = sorted([article["id"], m.source])
                a_in_b, b_in_a = (
                    (m.containment, m.match_containment)
                    if a == article["id"]
                    else (
                        m.match_containment,
                        m.containment,
                    )
                )
                pairs[(a, b)] = (a, b, m.jaccard, a_in_b, b_in_a)
    return sorted(pairs.values(), key=repr)


def test_pairs_match_the_sqlite_index_in_either_arrival_order(store: Path, tmp_path: Path) -> None:
    articles = query(store, "SELECT id, text, words FROM articles ORDER BY id").to_pylist()
    found = rows(store, PAIR)
    assert len(found) >= 29  # every copy sharing half its text, excerpts included
    assert found == index_pairs(articles, tmp_path / "forward")
    assert found == index_pairs(articles[::-1], tmp_path / "backward")


def test_syndication_graph_and_laundering_match(store: Path, tmp_path: Path) -> None:
    articles = query(store, "SELECT id, text, words FROM articles ORDER BY id").to_pylist()
    reference = duckdb.connect()
    for table in ("articles", "outlets", "provenance_links"):
        data = query(store, f"SELECT * FROM {table}")  # noqa: F841 - read by DuckDB's replacement scan
        reference.execute(f"CREATE TABLE {table} AS SELECT * FROM data")
    pairs = index_pairs(articles, tmp_path / "index")
    reference.execute(
        "CREATE TABLE near_duplicates (a_id VARCHAR, b_id VARCHAR, jaccard DOUBLE, a_in_b DOUBLE, b_in_a DOUBLE)"
    )
    reference.executemany("INSERT INTO near_duplicates VALUES (?, ?, ?, ?, ?)", pairs)
    edits = edit_batch(reference.sql(dated_pairs_sql("near_duplicates", "articles")).to_arrow_table())
    for table in ("copy_edits", "edits"):
        data = arrow_table(table, edits[table])  # noqa: F841 - read by DuckDB's replacement scan
        reference.execute(f"CREATE TABLE {table} AS SELECT * FROM data")
        assert rows(store, f"SELECT * FROM {table}") == sorted(
            reference.execute(f"SELECT * FROM {table}").fetchall(), key=repr
        )
    for name, sql in PUBLIC_VIEWS.items():
        reference.execute(f"CREATE VIEW {name} AS {sql}")
    for view in ("syndication", "laundering_candidates"):
        expected = sorted(reference.execute(f"SELECT * FROM {view}").fetchall(), key=repr)
        assert rows(store, f"SELECT * FROM {view}") == expected, view
    laundering = rows(store, "SELECT original_domain, copy_domain, edited FROM laundering_candidates")
    assert sum(edited for _, _, edited in laundering) >= 10  # the rewritten, trimmed and stripped copies
    laundering = rows(store, "SELECT original_domain, copy_domain FROM laundering_candidates")
    assert len(laundering) >= 29 and set(laundering) == {("rt.com", "example-blog.net")}


def test_incremental_runs_join_new_documents_against_stored_ones(corpus: Path, store: Path, tmp_path: Path) -> None:
    lines = corpus.read_text(encoding="utf-8").splitlines()
    part = tmp_path / "first-half.jsonl"
    part.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    incremental = tmp_path / "incremental"
    run(part, incremental)
    halfway = rows(incremental, PAIR)
    run(corpus, incremental)
    assert len(rows(incremental, PAIR)) > len(halfway)
    assert rows(incremental, PAIR) == rows(store, PAIR)


def test_a_join_in_many_chunks_finds_the_same_pairs(
    corpus: Path, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each chunk of pending documents keeps only its documents' best candidates: the pairs must not change."""
    monkeypatch.setattr(syndication, "PROBES_PER_CHUNK", 100)  # every chunk a few documents
    run(corpus, tmp_path / "chunked")
    assert rows(tmp_path / "chunked", PAIR) == rows(store, PAIR)


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray is not installed")
def test_ray_cluster_finds_the_same_pairs(
    corpus: Path, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Ray Data's join (used from RAY_DATA_JOIN_FROM documents on; forced here); the engine tests check
    the DuckDB join that Ray runs as one task for smaller stores."""
    monkeypatch.setattr(engines, "RAY_DATA_JOIN_FROM", 0)
    run(corpus, tmp_path / "ray", engine="ray", workers=2)
    assert rows(tmp_path / "ray", PAIR) == rows(store, PAIR)
    for compared in (
        "SELECT * EXCLUDE (run_id, added) FROM articles",
        "SELECT * FROM copy_edits",
        "SELECT * FROM edits",
    ):
        assert rows(tmp_path / "ray", compared) == rows(store, compared), compared
