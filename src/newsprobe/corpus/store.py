"""The corpus store: one DuckDB database plus Parquet exports in a directory.

    DIR/corpus.duckdb        all tables (see `tables.TABLES`), written one transaction per batch
    DIR/dedup/index.sqlite   the near-duplicate index (MinHash LSH) over article texts
    DIR/parquet/<table>.parquet   a copy of every table, refreshed at the end of each run

Crash safety: a batch of documents (their articles, analysis rows and errors) is committed in one
DuckDB transaction, so after a `kill -9` each document is either fully in the store or not at
all; the rerun skips the ones that are ("finished" = an `articles` row or a document-level error).

Upgrades: opening an older store for writing adds the tables and columns added since (existing rows
keep NULL in new columns) and records the new schema version; a read-only open asks for that first.
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
# 2: claims.label; links, copy_edits, edits, fact_checks; provenance.laundering_lists; provenance_links.credited
# 3: site_fingerprints, text_anchors; the outlet_links and crosslingual_copies views (networks.py)
SCHEMA_VERSION = 3
#: Error stages that mean the document itself failed (it has no `articles` row).
DOCUMENT_STAGES = ("read", "extract", "analyse")

#: The outlets a list flags as a laundering source: the SQL form of ``outlets.laundering_source_evidence``.
LAUNDERING_SOURCE = "(o.state_affiliated OR o.specious OR o.laundromat IS NOT NULL)"

VIEWS = {
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
        self._upgrade()
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR PRIMARY KEY, started VARCHAR, finished VARCHAR,"
            " engine VARCHAR, workers INTEGER, profile VARCHAR, analyses VARCHAR, inputs VARCHAR,"
            " processed INTEGER, errors INTEGER, seconds DOUBLE)"
        )
        from .networks import LINK_VIEWS  # its SQL uses this module's laundering rule

        for name, sql in {**VIEWS, **LINK_VIEWS}.items():
            self.conn.execute(f"CREATE OR REPLACE VIEW {name} AS {sql}")

    def _upgrade(self) -> None:
        """Columns added to tables since the store was made (e.g. `articles.genre`) are added, empty; the store is
        then at SCHEMA_VERSION. A store of a newer version is left alone (and refused when read)."""
        version = self.conn.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]
        if version is not None and version > SCHEMA_VERSION:
            return
        existing = {
            (table, column)
            for table, column in self.conn.execute("SELECT table_name, column_name FROM duckdb_columns()").fetchall()
        }
        for table, columns in TABLES.items():
            for column, kind in columns.items():
                if (table, column) not in existing:
                    self.conn.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {kind}')
        self.conn.execute("UPDATE schema_version SET version = ?", [SCHEMA_VERSION])

    def _check_version(self) -> None:
        version = self.conn.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]
        if version != SCHEMA_VERSION:
            upgrade = " (a `newsprobe corpus run` on it upgrades it)" if version < SCHEMA_VERSION else ""
            raise InputError(
                f"{self.directory}: store schema v{version}, this newsprobe reads v{SCHEMA_VERSION}{upgrade}"
            )

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

    def articles(self, ids: list[str]) -> list[dict[str, Any]]:
        """Stored articles by id (id, url, outlet, domain, published, title, text)."""
        sql = "SELECT id, url, outlet, domain, published, title, text FROM articles WHERE list_contains(?, id)"
        rows: list[dict[str, Any]] = self.conn.sql(sql, params=[ids]).to_arrow_table().to_pylist()
        return rows

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
