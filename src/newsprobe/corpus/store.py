"""The corpus store as DuckDB sees it: one view per table over the committed Parquet partitions.

Workers write partitions (`partitions.py`); this module reads them, runs the end-of-run steps and
keeps the store tidy:

- views: every table of `tables.TABLES` plus `runs` is a view in DuckDB's ``main`` schema over the
  files of committed partitions; `syndication`, `laundering_candidates` and the networks' views
  (`outlet_links`, `crosslingual_copies`) are views on those. The workers' near-duplicate tables are
  in the ``internal`` schema. Opening a store lists its commit markers once, so a reader sees the
  store as it was then; the views are bound on the first query (binding reads every file's footer).
- compaction: a run ends by merging its partitions into one per table (`compact`; the copies and
  deletions are tasks of the engine's workers). Queries over thousands of small files take seconds;
  over one file, milliseconds.
- older stores: a partition written before a table or column existed reads as if that table had no
  rows there and that column were NULL (e.g. `articles.genre`, `copy_edits`); nothing to upgrade.
- crash safety: only partitions with a commit marker are read; a writer that opens the store deletes
  the files of uncommitted and replaced partitions. One `corpus run` writes a local store at a time
  (a lock file).
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import pyarrow as pa

from ..errors import InputError
from .partitions import (
    COMMITS,
    COMPRESSION,
    DEDUP_TABLES,
    Marker,
    StoreLocation,
    arrow_table,
    new_partition_id,
    rows_to_tables,
    store_tables,
)
from .tables import Rows

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

__all__ = ["DOCUMENT_STAGES", "LAUNDERING_SOURCE", "BatchMapper", "CorpusStore", "PUBLIC_VIEWS", "map_here"]

#: Maps a function over tasks (in this process, or on the engine's workers) and yields its results.
BatchMapper = Callable[[Callable[[Any], Any], Iterator[Any]], Iterable[Any]]


def map_here(function: Callable[[Any], Any], tasks: Iterator[Any]) -> Iterator[Any]:
    return (function(task) for task in tasks)


#: Error stages that mean the document itself failed (it has no `articles` row).
DOCUMENT_STAGES = ("read", "extract", "analyse")
#: Compacted partitions allowed before they are merged into one.
MAX_COMPACTED = 16
DUCKDB_MEMORY = "1GB"  # beyond it DuckDB spills to STORE/.duckdb-tmp

#: The outlets a list flags as a laundering source: the SQL form of ``outlets.laundering_source_evidence``.
LAUNDERING_SOURCE = "(o.state_affiliated OR o.specious OR o.laundromat IS NOT NULL)"

PUBLIC_VIEWS = {
    # Near-duplicate pairs oriented original -> copy by publication date (earliest first), with outlets,
    # and whether the copy edited the original (copy_edits; NULL when the dates do not order the pair).
    "syndication": """
        SELECT s.*, e.edited, e.title_changed, e.summary AS edit_summary FROM (
        SELECT p.a_id, p.b_id, p.jaccard,
               CASE WHEN a.published < b.published
                    THEN a.id WHEN b.published < a.published THEN b.id END AS original_id,
               CASE WHEN a.published < b.published THEN b.id WHEN b.published < a.published THEN a.id END AS copy_id,
               CASE WHEN a.published <= b.published OR b.published IS NULL
                    THEN a.domain ELSE b.domain END AS original_domain,
               CASE WHEN a.published <= b.published OR b.published IS NULL
                    THEN b.domain ELSE a.domain END AS copy_domain,
               CASE WHEN a.published <= b.published OR b.published IS NULL
                    THEN a.outlet ELSE b.outlet END AS original_outlet,
               CASE WHEN a.published <= b.published OR b.published IS NULL
                    THEN b.outlet ELSE a.outlet END AS copy_outlet,
               (a.published IS NOT NULL AND b.published IS NOT NULL AND a.published <> b.published) AS ordered
        FROM near_duplicates p JOIN articles a ON a.id = p.a_id JOIN articles b ON b.id = p.b_id) s
        LEFT JOIN copy_edits e ON e.original_id = s.original_id AND e.copy_id = s.copy_id
    """,
    # An uncredited copy, at another outlet, of an original that a list flags (state media with editorial
    # control, Information Laundromat, specious sites); state media copying its own country's is left out.
    "laundering_candidates": f"""
        SELECT s.original_id, s.copy_id, s.original_domain, s.copy_domain, s.original_outlet, s.copy_outlet,
               s.jaccard, s.edited, s.edit_summary,
               concat_ws(', ', CASE WHEN o.state_affiliated THEN 'state media list (' || o.state_label || ')' END,
                         CASE WHEN o.laundromat IS NOT NULL THEN 'Information Laundromat (' || o.laundromat || ')' END,
                         CASE WHEN o.specious THEN 'specious-sites list' END) AS lists
        FROM syndication s JOIN outlets o ON o.domain = s.original_domain
        LEFT JOIN outlets c ON c.domain = s.copy_domain
        WHERE s.ordered AND {LAUNDERING_SOURCE} AND s.copy_domain IS DISTINCT FROM s.original_domain
          AND NOT coalesce(c.state_affiliated AND o.state_affiliated AND c.country = o.country, false)
          AND NOT EXISTS (
              SELECT 1 FROM provenance_links l WHERE l.article_id = s.copy_id AND l.kind = 'origin'
                AND coalesce(l.credited, true)
                AND (l.domain = s.original_domain OR lower(l.name) = lower(coalesce(s.original_outlet, o.name, ''))))
    """,
}
#: Rows with the same key may come from several partitions (each worker adds its batch's outlets).
DEDUPLICATED = {"outlets": "domain"}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _columns_sql(columns: dict[str, str]) -> str:
    return ", ".join(f'CAST("{name}" AS {kind}) AS "{name}"' for name, kind in columns.items())


def _empty_sql(columns: dict[str, str]) -> str:
    return "SELECT " + ", ".join(f'CAST(NULL AS {_stored(kind)}) AS "{name}"' for name, kind in columns.items())


def _stored(kind: str) -> str:
    return "VARCHAR" if kind == "JSON" else kind


def read_sql(files: Sequence[str], columns: dict[str, str]) -> str:
    """The rows of ``files`` with exactly ``columns`` (columns a file lacks are null; no file: no row)."""
    if not files:
        return f"SELECT {_columns_sql(columns)} FROM ({_empty_sql(columns)}) WHERE false"
    listed = "[" + ", ".join(_quote(f) for f in files) + "]"
    return (
        f"SELECT {_columns_sql(columns)} FROM (SELECT * FROM read_parquet({listed}, union_by_name = true)"
        f" UNION ALL BY NAME ({_empty_sql(columns)} WHERE false))"
    )


class CorpusStore:
    """Open (``read_only``: must exist) or create the store at ``address`` (a directory or an ``s3://`` URI)."""

    def __init__(self, address: str | Path, *, read_only: bool = False) -> None:

        self.location = StoreLocation(address)
        self.directory = Path(self.location.root) if self.location.local else Path(self.location.address)
        self.read_only = read_only
        self._lock_file: TextIO | None = None
        if read_only:
            if not self.location.exists():
                raise InputError(f"{address}: no corpus store here (create one with `newsprobe corpus run`)")
            self.location.check_version()
        else:
            self.location.create()
            self._lock()
            self._clean()
        self._conn = _connect(self._scratch())
        self._datasets = 0
        self._stale = True
        self.refresh()

    @property
    def conn(self) -> DuckDBPyConnection:
        """The DuckDB connection with a view per table; the views are (re)built here, on first use after the
        markers were read: binding a view reads the footer of every file, and a driver that only commits
        and compacts never needs them."""
        if self._stale:
            self._stale = False
            self._create_views()
        return self._conn

    def _scratch(self) -> str:
        base = self.directory if self.location.local and not self.read_only else Path(tempfile.gettempdir())
        return str(base / ".duckdb-tmp")

    def close(self) -> None:
        self._conn.close()
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ partitions

    def refresh(self) -> None:
        """Read the commit markers; the views over the committed partitions follow on the next query."""
        self.markers = self.location.markers()
        replaced = {name for marker in self.markers for name in marker.replaces}
        self.live = [marker for marker in self.markers if marker.partition not in replaced]
        self._stale = True

    def _create_views(self, tables: Iterable[str] | None = None) -> None:
        """(Re)create the views of ``tables`` (default: all, and the views on them). Binding a view reads the
        footers of its files, so a partition committed here only rebinds its own tables; the views on
        them (`PUBLIC_VIEWS`) find the new ones by name when queried."""
        self.conn.execute("CREATE SCHEMA IF NOT EXISTS internal")
        for table in store_tables() if tables is None else tables:
            schema = "internal" if table in DEDUP_TABLES else "main"
            self.conn.execute(f"CREATE OR REPLACE VIEW {schema}.{table} AS {_distinct(table, self.relation(table))}")
        if tables is None:
            from .networks import LINK_VIEWS  # its SQL uses this module's laundering rule

            for name, sql in {**PUBLIC_VIEWS, **LINK_VIEWS}.items():
                self.conn.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")

    def relation(self, table: str, partitions: Sequence[Marker] | None = None) -> str:
        """SQL for the rows of ``table`` in the given (default: all committed) partitions.

        Local files are read by DuckDB itself; on an object store through a pyarrow dataset over the
        store's file system (DuckDB reads ``s3://`` only with an extension it would download).
        """
        self._datasets += 1
        return _relation(self._conn, self.location, table, self.files(table, partitions), self._datasets)

    def files(self, table: str, partitions: Sequence[Marker] | None = None) -> list[str]:
        """Files of ``table`` in the given (default: all committed) partitions."""
        chosen = self.live if partitions is None else partitions
        return [self.location.file(table, m.partition) for m in chosen if table in m.tables]

    def pending_dedup(self) -> list[Marker]:
        """Committed partitions whose near-duplicate keys have not been joined yet."""
        joined = {name for marker in self.markers for name in marker.joined}
        return [m for m in self.live if "dedup_keys" in m.tables and m.partition not in joined]

    def _lock(self) -> None:
        if not self.location.local:
            return  # object stores have no locks: one run at a time is the user's to keep
        handle = open(self.directory / ".lock", "w")  # noqa: SIM115 - held open for the store's lifetime
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise InputError(f"{self.directory}: another `newsprobe corpus run` is writing this store") from None
        self._lock_file = handle

    def _clean(self) -> None:
        """Delete what no reader sees: uncommitted partitions (after a kill) and replaced ones (after a compaction)."""
        markers = self.location.markers()
        replaced = {name for marker in markers for name in marker.replaces}
        committed = {m.partition for m in markers} - replaced
        for table in self.location.table_dirs():
            stale = [
                path
                for path in self.location.list_files(table)
                if path.rsplit("/", 1)[1].removesuffix(".parquet") not in committed
            ]
            self.location.delete(stale)
        if self.location.local:
            for partial in (self.directory / "parts").glob("*/.*.tmp"):
                partial.unlink(missing_ok=True)

    # ------------------------------------------------------------ reading

    def finished_ids(self) -> set[str]:
        stages = ", ".join(f"'{s}'" for s in DOCUMENT_STAGES)
        rows = self.conn.execute(
            f"SELECT id FROM articles UNION SELECT id FROM errors WHERE stage IN ({stages})"
        ).fetchall()
        return {row[0] for row in rows}

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def query(self, sql: str, parameters: Sequence[Any] | None = None) -> pa.Table:
        """Run DuckDB SQL; the result as an Arrow table (``.to_pandas()`` for pandas)."""
        import duckdb

        try:
            return self.conn.sql(sql, params=list(parameters) if parameters else None).to_arrow_table()
        except duckdb.Error as exc:
            raise InputError(f"query failed: {str(exc).splitlines()[0]}") from None

    # ------------------------------------------------------------ writing (the driver's few rows)

    def write_rows(self, run_id: str, kind: str, rows: Rows, **marker: Any) -> Marker:
        """Commit ``rows`` (per table) as a partition of their own (the runs row, near-duplicate pairs and edits)."""
        committed = self.location.write_partition(
            Marker(partition=new_partition_id(run_id), kind=kind, run_id=run_id, **marker), rows_to_tables(rows)
        )
        self._add(committed)
        return committed

    def _add(self, marker: Marker) -> None:
        """Take a partition this process committed into the views (without listing the markers again)."""
        self.markers.append(marker)
        self.live.append(marker)
        if not self._stale:
            self._create_views(marker.tables)

    def write_batch(self, batch: Iterable[Rows], run_id: str = "manual") -> Marker:
        """Commit the rows of many documents as one partition (all or nothing); rows are written as given."""
        merged: Rows = {}
        for document in batch:
            for table, table_rows in document.items():
                merged.setdefault(table, []).extend(table_rows)
        marker = Marker(partition=new_partition_id(run_id), kind="batch", run_id=run_id)
        marker.documents = len(merged.get("articles", []))
        self.location.write_partition(marker, rows_to_tables(merged))
        self.refresh()
        return marker

    def record_run(self, values: dict[str, Any]) -> None:
        self.write_rows(values["run_id"], "run", {"runs": [values]})

    def compact(self, run_id: str, mapper: BatchMapper = map_here) -> Marker | None:
        """Merge the committed partitions into one per table (and the compactions once there are many).

        Partitions whose near-duplicate keys are not joined yet stay as they are. The merged
        partition drops the probe keys (only needed for the join) and duplicate outlets. Each table
        is copied, and the replaced files deleted, by a task of ``mapper`` (the engine's workers);
        this process only writes the commit marker in between.
        """
        joined = {name for marker in self.markers for name in marker.joined}
        small = [
            m for m in self.live if m.kind != "compacted" and ("dedup_keys" not in m.tables or m.partition in joined)
        ]
        compacted = [m for m in self.live if m.kind == "compacted"]
        chosen = small + compacted if len(compacted) >= MAX_COMPACTED else small
        if len(chosen) < 2:
            return None
        marker = Marker(
            partition=new_partition_id(run_id),
            kind="compacted",
            run_id=run_id,
            documents=sum(m.documents for m in chosen),
            replaces=[m.partition for m in chosen],
        )
        address = self.location.shared_address()
        copies = [
            CopyTask(address, table, files, self.location.file(table, marker.partition))
            for table in store_tables()
            if table != "dedup_probes" and (files := self.files(table, chosen))
        ]
        marker.tables = sorted(mapper(copy_files, iter(copies)))
        if "dedup_keys" in marker.tables:
            marker.joined = [marker.partition]
        self.location.write_file(self.location.file(COMMITS, marker.partition), marker.to_arrow())
        tables = sorted({table for m in chosen for table in m.tables})
        replaced = [[self.location.file(t, m.partition) for m in chosen if t in m.tables] for t in tables]
        replaced.append([self.location.file(COMMITS, m.partition) for m in chosen])
        for _ in mapper(delete_files, iter((address, files) for files in replaced)):
            pass  # files of replaced partitions a kill leaves behind are deleted by the next writer (`_clean`)
        self.refresh()
        return marker


@dataclass
class CopyTask:
    """Copy ``files`` (one table's rows in some partitions) into one Parquet file ``target``."""

    address: str
    table: str
    files: list[str]
    target: str


def _connect(scratch: str) -> DuckDBPyConnection:
    import duckdb

    conn = duckdb.connect()
    conn.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
    conn.execute("SET preserve_insertion_order = false")
    conn.execute(f"SET temp_directory = {_quote(scratch)}")
    return conn


def _distinct(table: str, sql: str) -> str:
    if table not in DEDUPLICATED:
        return sql
    return f"SELECT DISTINCT ON ({DEDUPLICATED[table]}) * FROM ({sql}) ORDER BY {DEDUPLICATED[table]}"


def _relation(conn: DuckDBPyConnection, location: StoreLocation, table: str, files: list[str], number: int) -> str:
    """SQL for the rows of ``table`` in ``files``. Local files are read by DuckDB itself; on an object store
    through a pyarrow dataset over the store's file system (DuckDB reads ``s3://`` only with an extension it
    would download)."""
    columns = store_tables()[table]
    if location.local or not files:
        return read_sql(files, columns)
    import pyarrow.dataset as ds

    name = f"_dataset_{table}_{number}"
    schema = arrow_table(table, []).schema
    conn.register(name, ds.dataset(files, schema=schema, filesystem=location.filesystem, format="parquet"))
    return f"SELECT {_columns_sql(columns)} FROM {name}"


def copy_files(task: CopyTask) -> str:
    """Run one `CopyTask` (in whichever process the engine chose); returns the table."""
    location = StoreLocation(task.address)
    conn = _connect(str(Path(location.root) / ".duckdb-tmp") if location.local else tempfile.gettempdir())
    try:
        sql = _distinct(task.table, _relation(conn, location, task.table, task.files, 0))
        if location.local:
            directory, name = task.target.rsplit("/", 1)
            temporary = f"{directory}/.{name}.tmp"
            conn.execute(f"COPY ({sql}) TO {_quote(temporary)} (FORMAT parquet, COMPRESSION {COMPRESSION})")
            os.replace(temporary, task.target)
        else:
            import pyarrow.parquet as pq

            reader = conn.sql(sql).to_arrow_reader(batch_size=100_000)
            with pq.ParquetWriter(
                task.target, reader.schema, filesystem=location.filesystem, compression=COMPRESSION
            ) as writer:
                for batch in reader:
                    writer.write_batch(batch)
    finally:
        conn.close()
    return task.table


def delete_files(task: tuple[str, list[str]]) -> int:
    address, files = task
    StoreLocation(address).delete(files)
    return len(files)
