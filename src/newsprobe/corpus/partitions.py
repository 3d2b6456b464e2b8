"""Parquet partitions: how workers write their results into a store, each batch committed on its own.

    STORE/store.json                          format and version of the store
    STORE/parts/<table>/<partition>.parquet   one partition's rows of one table
    STORE/parts/_commits/<partition>.parquet  the partition's commit marker, written last

A partition holds whole documents: their `articles` row (or document-level `errors` row) and every
analysis row. Its table files are written first, each under a temporary name and then renamed; the
marker comes last. Readers only see partitions with a marker, so after a `kill -9` a half-written
partition does not exist, and the rerun redoes its documents. On object stores (``s3://``) a file
appears whole when its upload completes, so files are written under their final names.

The marker also says what a partition replaces (a compaction merges many into one) and which
partitions' near-duplicate keys have been joined (`syndication.py`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from .tables import TABLES, Rows

__all__ = [
    "COMMITS",
    "FORMAT",
    "STORE_VERSION",
    "Marker",
    "StoreLocation",
    "arrow_table",
    "new_partition_id",
    "now",
    "store_tables",
]

FORMAT = "newsprobe-corpus"
STORE_VERSION = 2
MANIFEST = "store.json"
PARTS = "parts"
COMMITS = "_commits"
COMPRESSION = "zstd"
LEGACY_DATABASE = "corpus.duckdb"  # the single-writer store (store version 1)

#: Tables the store keeps besides the analysis tables of `tables.TABLES`.
RUNS = {
    "run_id": "VARCHAR",
    "started": "VARCHAR",
    "finished": "VARCHAR",
    "engine": "VARCHAR",
    "workers": "INTEGER",
    "profile": "VARCHAR",
    "analyses": "VARCHAR",
    "inputs": "VARCHAR",
    "processed": "INTEGER",
    "errors": "INTEGER",
    "seconds": "DOUBLE",
}
#: Near-duplicate state written by the workers (see `syndication.py`); internal, not public views.
DEDUP_TABLES = {
    "dedup_documents": {"article_id": "VARCHAR", "shingles": "BLOB"},
    "dedup_keys": {"article_id": "VARCHAR", "key": "BIGINT"},
    "dedup_probes": {"article_id": "VARCHAR", "key": "BIGINT"},
}


def store_tables() -> dict[str, dict[str, str]]:
    """Every table a partition may hold, column name -> DuckDB type (read at call time: adapters add tables)."""
    return {**TABLES, "runs": RUNS, **DEDUP_TABLES}


_ARROW_TYPES = {
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "BLOB": pa.binary(),
}


def arrow_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table with the full schema of ``table`` (missing keys become nulls)."""
    columns = store_tables()[table]
    arrays = [
        pa.array([row.get(name) for row in rows], _ARROW_TYPES.get(kind, pa.string())) for name, kind in columns.items()
    ]
    return pa.Table.from_arrays(arrays, names=list(columns))


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_partition_id(run_id: str) -> str:
    """Sorts by run (run ids start with their UTC start time), unique across workers and nodes."""
    return f"{run_id}-{uuid.uuid4().hex[:12]}"


@dataclass
class Marker:
    """A partition's commit marker: once it exists, the partition does."""

    partition: str
    kind: str  # batch (documents), pairs (near-duplicates), run (the runs row), compacted
    run_id: str
    documents: int = 0
    tables: list[str] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)
    joined: list[str] = field(default_factory=list)
    created: str = field(default_factory=now)

    SCHEMA = pa.schema(
        [
            ("partition", pa.string()),
            ("kind", pa.string()),
            ("run_id", pa.string()),
            ("documents", pa.int64()),
            ("tables", pa.list_(pa.string())),
            ("replaces", pa.list_(pa.string())),
            ("joined", pa.list_(pa.string())),
            ("created", pa.string()),
        ]
    )

    def to_arrow(self) -> pa.Table:
        return pa.Table.from_pylist([self.__dict__], schema=self.SCHEMA)


class StoreLocation:
    """Where a store lives: a local (or NFS-mounted) directory, or a URI pyarrow opens (``s3://bucket/prefix``).

    Pickles as its address, so Ray actors and pool workers reopen it on their own node.
    """

    def __init__(self, address: str | Path) -> None:
        import pyarrow.fs as pafs

        text = str(address)
        self.address = text
        if "://" in text and not text.startswith("file://"):
            try:
                self.filesystem, self.root = pafs.FileSystem.from_uri(text)
            except (pa.ArrowInvalid, OSError) as exc:
                raise InputError(f"{text}: cannot open this store location ({exc})") from None
            self.local = False
        else:
            path = Path(text.removeprefix("file://")).expanduser().resolve()
            self.filesystem, self.root, self.local = pafs.LocalFileSystem(), str(path), True
        self.root = self.root.rstrip("/")

    def __reduce__(self) -> tuple[type[StoreLocation], tuple[str]]:
        return (StoreLocation, (self.address,))

    def shared_address(self) -> str:
        """The address workers open: an absolute path (they may start elsewhere), or the URI."""
        return self.root if self.local else self.address

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def table_dir(self, table: str) -> str:
        return self.path(PARTS, table)

    def file(self, table: str, partition: str) -> str:
        return self.path(PARTS, table, f"{partition}.parquet")

    # ------------------------------------------------------------ manifest

    def exists(self) -> bool:
        import pyarrow.fs as pafs

        return bool(self.filesystem.get_file_info(self.path(MANIFEST)).type == pafs.FileType.File)

    def create(self) -> None:
        if self.exists():
            self.check_version()
            return
        if self.local and (Path(self.root) / LEGACY_DATABASE).exists():
            raise InputError(
                f"{self.address}: a store written before Parquet partitions ({LEGACY_DATABASE}); "
                "newsprobe no longer reads it: run the inputs into a new store directory"
            )
        self.filesystem.create_dir(self.path(PARTS, COMMITS), recursive=True)
        self._put(self.path(MANIFEST), json.dumps({"format": FORMAT, "version": STORE_VERSION}).encode())

    def check_version(self) -> None:
        with self.filesystem.open_input_stream(self.path(MANIFEST)) as stream:
            try:
                manifest = json.loads(stream.read())
            except ValueError:
                manifest = {}
        if manifest.get("format") != FORMAT:
            raise InputError(f"{self.address}: {MANIFEST} is not a newsprobe corpus store")
        if manifest.get("version") != STORE_VERSION:
            raise InputError(
                f"{self.address}: store version {manifest.get('version')}, this newsprobe reads {STORE_VERSION}"
            )

    # ------------------------------------------------------------ writing

    def write_partition(self, marker: Marker, tables: dict[str, pa.Table]) -> Marker:
        """Write each non-empty table, then the marker (the commit)."""
        written = []
        for table, data in tables.items():
            if data.num_rows:
                self.write_file(self.file(table, marker.partition), data)
                written.append(table)
        marker.tables = written
        self.write_file(self.file(COMMITS, marker.partition), marker.to_arrow())
        return marker

    def write_file(self, path: str, data: pa.Table) -> None:
        directory = path.rsplit("/", 1)[0]
        self.filesystem.create_dir(directory, recursive=True)
        if not self.local:
            pq.write_table(data, path, filesystem=self.filesystem, compression=COMPRESSION)
            return
        partial = f"{directory}/.{path.rsplit('/', 1)[1]}.tmp"
        pq.write_table(data, partial, compression=COMPRESSION)
        os.replace(partial, path)

    def _put(self, path: str, payload: bytes) -> None:
        with self.filesystem.open_output_stream(path) as stream:
            stream.write(payload)

    # ------------------------------------------------------------ listing

    def markers(self) -> list[Marker]:
        """Every commit marker (one listing and one small read each)."""
        markers = []
        for path in self.list_files(COMMITS):  # file by file: pyarrow's dataset reader costs a second to import
            try:
                with self.filesystem.open_input_file(path) as handle:
                    markers += [Marker(**row) for row in pq.ParquetFile(handle).read().to_pylist()]
            except FileNotFoundError:  # replaced by a compaction (whose marker exists) while we listed
                continue
        return markers

    def generation(self) -> str:
        """Changes whenever a partition is committed, replaced or removed (one listing of the markers):
        readers that keep the store open reopen it when this changes."""
        import hashlib

        names = "\n".join(path.rsplit("/", 1)[1] for path in self.list_files(COMMITS))
        return hashlib.blake2b(names.encode(), digest_size=16).hexdigest()

    def list_files(self, table: str) -> list[str]:
        """Parquet files of one table (temporary files excluded)."""
        import pyarrow.fs as pafs

        selector = pafs.FileSelector(self.table_dir(table), allow_not_found=True)
        return sorted(
            info.path
            for info in self.filesystem.get_file_info(selector)
            if info.type == pafs.FileType.File and info.path.endswith(".parquet") and not info.base_name.startswith(".")
        )

    def table_dirs(self) -> list[str]:
        import pyarrow.fs as pafs

        selector = pafs.FileSelector(self.path(PARTS), allow_not_found=True)
        return sorted(
            info.base_name for info in self.filesystem.get_file_info(selector) if info.type == pafs.FileType.Directory
        )

    def delete(self, paths: Sequence[str]) -> None:
        for path in paths:
            try:
                self.filesystem.delete_file(path)
            except FileNotFoundError:
                pass


def rows_to_tables(rows: Rows) -> dict[str, pa.Table]:
    known = store_tables()
    unknown = set(rows) - set(known)
    if unknown:
        raise ValueError(f"rows for unknown store tables: {', '.join(sorted(unknown))}")
    return {table: arrow_table(table, table_rows) for table, table_rows in rows.items() if table_rows}
