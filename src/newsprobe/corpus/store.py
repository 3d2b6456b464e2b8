"""The corpus store: one DuckDB database plus Parquet exports in a directory.

    DIR/corpus.duckdb        all tables (see `tables.TABLES`), written one transaction per batch
    DIR/dedup/index.sqlite   the near-duplicate index (MinHash LSH) over article texts
    DIR/parquet/<table>.parquet   a copy of every table, refreshed at the end of each run

Crash safety: a batch of documents (their articles, analysis rows and errors) is committed in one
DuckDB transaction, so after a `kill -9` each document is either fully in the store or not at
all; the rerun skips the ones that are ("finished" = an `articles` row or a document-level error).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import InputError
from .tables import KEYS, TABLES, Rows

__all__ = ["DATABASE_FILE", "SCHEMA_VERSION", "CorpusStore", "DOCUMENT_STAGES"]

DATABASE_FILE = "corpus.duckdb"
PARQUET_DIR = "parquet"
DEDUP_DIR = "dedup"
SCHEMA_VERSION = 2  # 2: claims.label
#: Error stages that mean the document itself failed (it has no `articles` row).
DOCUMENT_STAGES = ("read", "extract", "analyse")

VIEWS = {
    # Near-duplicate pairs oriented original -> copy by publication date (earliest first), with outlets.
    "syndication": """
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
        FROM near_duplicates p JOIN articles a ON a.id = p.a_id JOIN articles b ON b.id = p.b_id
    """,
    # A copy of a state-affiliated original at another outlet that does not credit it.
    "laundering_candidates": """
        SELECT s.original_id, s.copy_id, s.original_domain, s.copy_domain, s.original_outlet, s.copy_outlet, s.jaccard
        FROM syndication s JOIN outlets o ON o.domain = s.original_domain
        LEFT JOIN outlets c ON c.domain = s.copy_domain
        WHERE s.ordered AND o.state_affiliated AND s.copy_domain IS DISTINCT FROM s.original_domain
          AND NOT coalesce(c.state_affiliated AND c.country = o.country, false)
          AND NOT EXISTS (
              SELECT 1 FROM provenance_links l WHERE l.article_id = s.copy_id AND l.kind = 'origin'
                AND (l.domain = s.original_domain OR lower(l.name) = lower(coalesce(s.original_outlet, o.name, ''))))
    """,
}


def _column_sql(table: str) -> str:
    columns = ", ".join(f'"{name}" {kind}' for name, kind in TABLES[table].items())
    if table in KEYS:
        columns += ", PRIMARY KEY (" + ", ".join(f'"{c}"' for c in KEYS[table]) + ")"
    return columns


def _arrow_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    columns = list(TABLES[table])
    return pa.Table.from_pylist(
        [{c: row.get(c) for c in columns} for row in rows],
        schema=pa.schema([(c, _arrow_type(TABLES[table][c])) for c in columns]),
    )


def _arrow_type(kind: str) -> pa.DataType:
    return {"INTEGER": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_()}.get(kind, pa.string())


class CorpusStore:
    """Open (create) the store in ``directory``; ``read_only`` for queries and reports."""

    def __init__(self, directory: str | Path, *, read_only: bool = False) -> None:
        import duckdb

        self.directory = Path(directory)
        path = self.directory / DATABASE_FILE
        if read_only and not path.exists():
            raise InputError(f"{self.directory}: no corpus store here (create one with `newsprobe corpus run`)")
        self.directory.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            raise InputError(f"{path}: cannot open the store ({str(exc).splitlines()[0]})") from None
        if not read_only:
            self._create()
        self._check_version()

    # ------------------------------------------------------------ schema

    def _create(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
        if self.conn.execute("SELECT count(*) FROM schema_version").fetchall()[0][0] == 0:
            self.conn.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        for table in TABLES:
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({_column_sql(table)})")
        self._add_new_columns()
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, started VARCHAR, finished VARCHAR,"
            " engine VARCHAR, workers INTEGER, profile VARCHAR, analyses VARCHAR, inputs VARCHAR,"
            " processed INTEGER, errors INTEGER, seconds DOUBLE)"
        )
        for name, sql in VIEWS.items():
            self.conn.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")

    def _add_new_columns(self) -> None:
        """Columns added to a table since a store was made (e.g. `articles.genre`) are added, empty."""
        existing = {
            (table, column)
            for table, column in self.conn.execute("SELECT table_name, column_name FROM duckdb_columns()").fetchall()
        }
        for table, columns in TABLES.items():
            for column, kind in columns.items():
                if (table, column) not in existing:
                    self.conn.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {kind}')

    def _check_version(self) -> None:
        version = self.conn.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]
        if version != SCHEMA_VERSION:
            raise InputError(f"{self.directory}: store schema v{version}, this newsprobe reads v{SCHEMA_VERSION}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ reading

    def finished_ids(self) -> set[str]:
        stages = ", ".join(f"'{s}'" for s in DOCUMENT_STAGES)
        rows = self.conn.execute(
            f"SELECT id FROM articles UNION SELECT id FROM errors WHERE stage IN ({stages})"
        ).fetchall()
        return {row[0] for row in rows}

    def known_domains(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT domain FROM outlets").fetchall()}

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def query(self, sql: str, parameters: Sequence[Any] | None = None) -> pa.Table:
        """Run DuckDB SQL; the result as an Arrow table (``.to_pandas()`` for pandas)."""
        import duckdb

        try:
            return self.conn.sql(sql, params=list(parameters) if parameters else None).to_arrow_table()
        except duckdb.Error as exc:
            raise InputError(f"query failed: {str(exc).splitlines()[0]}") from None

    # ------------------------------------------------------------ writing

    def write_batch(self, batch: Iterable[Rows]) -> None:
        """Insert the rows of many documents in ONE transaction (all or nothing)."""
        merged: dict[str, list[dict[str, Any]]] = {}
        for document in batch:
            for table, table_rows in document.items():
                merged.setdefault(table, []).extend(table_rows)
        self.conn.execute("BEGIN TRANSACTION")
        try:
            for table, rows in merged.items():
                if rows:
                    self._insert(table, rows)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        arrow = _arrow_table(table, rows)
        self.conn.register("_incoming", arrow)
        try:
            verb = "INSERT OR IGNORE" if table in KEYS else "INSERT"
            columns = ", ".join(f'"{c}"' for c in TABLES[table])
            self.conn.execute(f"{verb} INTO {table} ({columns}) SELECT {columns} FROM _incoming")
        finally:
            self.conn.unregister("_incoming")

    def record_run(self, values: dict[str, Any]) -> None:
        columns = list(values)
        marks = ", ".join("?" for _ in columns)
        self.conn.execute(f"INSERT OR REPLACE INTO runs ({', '.join(columns)}) VALUES ({marks})", list(values.values()))

    def export_parquet(self) -> Path:
        """Write every table to DIR/parquet/<table>.parquet (each replaced atomically)."""
        target = self.directory / PARQUET_DIR
        target.mkdir(exist_ok=True)
        for table in [*TABLES, "runs"]:
            final = target / f"{table}.parquet"
            partial = target / f".{table}.parquet.partial"
            escaped = str(partial).replace("'", "''")
            self.conn.execute(f"COPY {table} TO '{escaped}' (FORMAT parquet)")
            os.replace(partial, final)
        return target

    @property
    def dedup_directory(self) -> Path:
        return self.directory / DEDUP_DIR
