"""A full-text index of a store's article texts, for the explorer's `text=` filter: DIR/search.sqlite
(SQLite FTS5 from Python's standard library), kept beside the store and never part of it.

The index is built the first time a text search needs it and brought up to date before each search
when the store's articles changed (their count and an XOR of their id hashes, read from DuckDB in
milliseconds): new articles are added; if articles were removed the index is rebuilt. The update runs
in one SQLite write transaction, so concurrent searches wait for it and a killed build leaves the
previous index intact.

Query language (documented in the README): words match whole words, ignoring case and accents
("vaccine" finds "Vaccine", not "vaccines"); several words must all occur, anywhere in the text; a
"quoted phrase" matches those words in that order; a trailing `*` matches a word's prefix (`vaccin*`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["INDEX_FILE", "fts_query", "matching_ids"]

INDEX_FILE = "search.sqlite"
TOKENIZER = "unicode61 remove_diacritics 2"
BATCH_ROWS = 2000
#: Set signature of the store's articles: their number and the XOR of their id hashes.
SIGNATURE_SQL = "SELECT count(*) AS n, coalesce(bit_xor(hash(id)), 0) AS ids FROM articles"
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS docs (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(text, content='', tokenize='{TOKENIZER}')",
)
TERM = re.compile(r'"([^"]*)"|(\S+)')
WORD_CHARACTER = re.compile(r"\w")


def fts_query(words: str) -> str:
    """The user's words as an FTS5 query: each word or "phrase" quoted (so AND, OR, NEAR, - and other
    FTS5 syntax are taken literally), a trailing * kept as a prefix search, all terms required."""
    terms = []
    for phrase, word in TERM.findall(words):
        text = phrase if phrase else word.replace('"', "")
        prefix = not phrase and text.endswith("*")
        text = text.rstrip("*") if prefix else text
        if WORD_CHARACTER.search(text):
            terms.append(f'"{text}"' + ("*" if prefix else ""))
    if not terms:
        raise InputError(f"text search needs at least one word of letters or digits (got {words!r})")
    return " AND ".join(terms)


def matching_ids(reader: Any, directory: Path, words: str) -> list[str]:
    """Ids of the store's articles whose text matches `words` (see the module's query language).

    `reader` is the explorer's `StoreReader` on the store in `directory`; the index is brought up to
    date with it first."""
    query = fts_query(words)
    path = directory / INDEX_FILE
    try:
        with closing(sqlite3.connect(path, timeout=600, isolation_level=None)) as index:
            _bring_up_to_date(index, reader)
            rows = index.execute("SELECT d.id FROM texts JOIN docs d ON d.n = texts.rowid WHERE texts MATCH ?", [query])
            return [row[0] for row in rows]
    except sqlite3.OperationalError as exc:
        raise InputError(f"text search index {path}: {exc}") from None


def _bring_up_to_date(index: sqlite3.Connection, reader: Any) -> None:
    signature = _signature(reader)
    if _stored_signature(index) == signature:
        return
    index.execute("BEGIN IMMEDIATE")  # one writer; other searches wait here, then see its result
    try:
        for statement in SCHEMA:
            index.execute(statement)
        if _stored_signature(index) != signature:
            _synchronise(index, reader)
            index.execute("INSERT OR REPLACE INTO meta VALUES ('signature', ?)", [signature])
        index.execute("COMMIT")
    except BaseException:
        index.execute("ROLLBACK")
        raise


def _signature(reader: Any) -> str:
    row = reader.rows(SIGNATURE_SQL)[0]
    return f"{row['n']}:{row['ids']}"


def _stored_signature(index: sqlite3.Connection) -> str | None:
    try:
        row = index.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
    except sqlite3.OperationalError:  # no index yet
        return None
    return str(row[0]) if row else None


def _synchronise(index: sqlite3.Connection, reader: Any) -> None:
    """Index the articles the index lacks; start again if it holds articles the store no longer has."""
    stored = {row["id"] for row in reader.rows("SELECT id FROM articles")}
    indexed = {row[0] for row in index.execute("SELECT id FROM docs")}
    if indexed - stored:
        index.execute("DELETE FROM docs")
        index.execute("INSERT INTO texts(texts) VALUES ('delete-all')")
        indexed = set()
    missing = sorted(stored - indexed)
    if not missing:
        return
    (first,) = index.execute("SELECT coalesce(max(n), 0) + 1 FROM docs").fetchone()
    for number, (article_id, text) in enumerate(_texts(reader, missing), start=first):
        index.execute("INSERT INTO docs VALUES (?, ?)", [number, article_id])
        index.execute("INSERT INTO texts(rowid, text) VALUES (?, ?)", [number, text or ""])


def _texts(reader: Any, ids: list[str]) -> Iterator[tuple[str, str | None]]:
    """(id, text) of the given articles, streamed in batches (a whole store's texts do not fit in memory)."""
    reader.connection.execute("SET enable_progress_bar = false")  # no bar on the server's terminal
    relation = reader.connection.sql("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", params=[ids])
    for batch in relation.to_arrow_reader(BATCH_ROWS):
        yield from zip(batch.column("id").to_pylist(), batch.column("text").to_pylist(), strict=True)
