"""Near-duplicate pairs with Ray Data: the DuckDB join of `syndication.candidate_sql`, spread over a cluster.

The same steps, so both engines find the same pairs: the pending documents' keys and probes are
joined with every stored document key on ``key``; hits are counted per (pending document, other
document), the ``MAX_CANDIDATES`` best per pending document kept (most hits, then id), pairs
ordered (a_id < b_id) and deduplicated, joined with both shingle sets and verified
(`syndication.verify_batch`). The verified pairs whose dates differ are joined with both articles
(only the articles in a pair are read past the file tasks) and compared
(`syndication.edit_batch`). Only the pairs and their edit rows come back to the driver, which
commits them.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .partitions import StoreLocation
from .store import CorpusStore
from .syndication import EDIT_BATCH, EDIT_COLUMNS, MAX_CANDIDATES, edit_batch, verify_batch
from .tables import Rows

__all__ = ["find_pairs_ray"]


def _not_self(batch: pa.Table) -> pa.Table:
    return batch.filter(pc.not_equal(batch["article_id"], batch["y"]))


def _best(group: pa.Table) -> pa.Table:
    """The MAX_CANDIDATES candidates of one pending document with most hits (ties: smaller id first)."""
    ordered = group.sort_by([("hits", "descending"), ("y", "ascending")])
    return ordered.slice(0, MAX_CANDIDATES)


def _ordered_pair(batch: pa.Table) -> pa.Table:
    x, y = batch["article_id"], batch["y"]
    first = pc.less(x, y)
    return pa.table({"a_id": pc.if_else(first, x, y), "b_id": pc.if_else(first, y, x)})


def _verified(batch: pa.Table) -> pa.Table:
    rows = [row for part in batch.to_batches() for row in verify_batch(part)]
    schema = pa.schema(
        [
            ("a_id", pa.string()),
            ("b_id", pa.string()),
            ("jaccard", pa.float64()),
            ("a_in_b", pa.float64()),
            ("b_in_a", pa.float64()),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def _read_files(batch: pa.Table, address: str) -> pa.Table:
    import pyarrow.parquet as pq

    return pq.read_table(batch["path"].to_pylist(), filesystem=StoreLocation(address).filesystem)


def _read_articles(batch: pa.Table, address: str, ids: pa.Array) -> pa.Table:
    """The `EDIT_COLUMNS` of the articles in ``ids``, from the files listed in ``batch``."""
    import pyarrow.parquet as pq

    table = pq.read_table(
        batch["path"].to_pylist(), columns=list(EDIT_COLUMNS), filesystem=StoreLocation(address).filesystem
    )
    return table.filter(pc.is_in(table["id"], value_set=ids))


def _side(table: pa.Table, side: str) -> pa.Table:
    return table.rename_columns([f"{side}_{name}" for name in table.column_names])


def _dated(batch: pa.Table) -> pa.Table:
    a, b = batch["a_published"], batch["b_published"]
    return batch.filter(pc.fill_null(pc.not_equal(a, b), False))


def _edits(batch: pa.Table) -> pa.Table:
    return pa.table({"rows": [json.dumps(edit_batch(batch))]})


def find_pairs_ray(store: CorpusStore, run_id: str, workers: int) -> int:
    """Join, verify and commit the pending partitions' pairs on the Ray cluster; returns how many."""
    import ray.data

    pending = store.pending_dedup()
    if not pending:
        return 0
    partitions = max(2, workers)
    address = store.location.shared_address()

    def read(files: list[str], reader: Any = None) -> Any:
        # each task opens its files through the store's own location (a path, NFS or s3://); not
        # ray.data.read_parquet, whose path check fails where fsspec is installed without aiohttp
        paths = ray.data.from_items(
            [{"path": f} for f in files], override_num_blocks=max(1, min(len(files), 4 * partitions))
        )
        reader = reader or functools.partial(_read_files, address=address)
        return paths.map_batches(reader, batch_format="pyarrow", batch_size=None)

    probes = read(store.files("dedup_keys", pending) + store.files("dedup_probes", pending))
    keys = read(store.files("dedup_keys")).rename_columns({"article_id": "y"})
    hits = (
        probes.join(keys, join_type="inner", num_partitions=partitions, on=("key",))
        .map_batches(_not_self, batch_format="pyarrow")
        .groupby(["article_id", "y"])
        .count()
        .rename_columns({"count()": "hits"})
    )
    candidates = (
        hits.groupby("article_id")
        .map_groups(_best, batch_format="pyarrow")
        .map_batches(_ordered_pair, batch_format="pyarrow")
        .groupby(["a_id", "b_id"])
        .count()
        .drop_columns(["count()"])
    )
    documents = store.files("dedup_documents")
    with_a = candidates.join(
        read(documents).rename_columns({"article_id": "a_id", "shingles": "a_shingles"}),
        join_type="inner",
        num_partitions=partitions,
        on=("a_id",),
    )
    with_both = with_a.join(
        read(documents).rename_columns({"article_id": "b_id", "shingles": "b_shingles"}),
        join_type="inner",
        num_partitions=partitions,
        on=("b_id",),
    )
    rows: Rows = {"near_duplicates": with_both.map_batches(_verified, batch_format="pyarrow").take_all()}
    rows.update(_edit_rows(read, store.files("articles"), rows["near_duplicates"], address, partitions))
    store.write_rows(run_id, "pairs", rows, joined=[m.partition for m in pending])
    return len(rows["near_duplicates"])


def _edit_rows(read: Any, files: list[str], pairs: list[dict[str, Any]], address: str, partitions: int) -> Rows:
    """`copy_edits` and `edits` rows of the dated ``pairs``, compared on the cluster."""
    import ray.data

    rows: Rows = {"copy_edits": [], "edits": []}
    if not pairs:
        return rows
    ids = pa.array(sorted({pair[key] for pair in pairs for key in ("a_id", "b_id")}), pa.string())
    articles = read(files, functools.partial(_read_articles, address=address, ids=ids)).materialize()
    found = ray.data.from_arrow(pa.Table.from_pylist([{"a_id": p["a_id"], "b_id": p["b_id"]} for p in pairs]))
    with_a = found.join(_sided(articles, "a"), join_type="inner", num_partitions=partitions, on=("a_id",))
    with_both = with_a.join(_sided(articles, "b"), join_type="inner", num_partitions=partitions, on=("b_id",))
    dated = with_both.map_batches(_dated, batch_format="pyarrow")
    for result in dated.map_batches(_edits, batch_format="pyarrow", batch_size=EDIT_BATCH).take_all():
        for table, table_rows in json.loads(result["rows"]).items():
            rows[table] += table_rows
    return rows


def _sided(articles: Any, side: str) -> Any:
    return articles.map_batches(functools.partial(_side, side=side), batch_format="pyarrow")
