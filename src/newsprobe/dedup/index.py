"""A persistent, incremental near-duplicate index: MinHash (datasketch) + LSH banding in SQLite.

Each document is reduced to its 5-word shingles (32-bit hashes). A datasketch ``MinHash`` of
``bands * rows`` permutations is cut into ``bands`` bands of ``rows`` values; each band becomes one
row of the ``bands`` table. A query looks up its band keys (one indexed ``IN`` query), then checks
every candidate exactly against its stored shingle set, so the reported Jaccard and containment
are exact and false candidates are dropped.

With 42 bands of 3 rows, a pair becomes a candidate with probability 1-(1-J^3)^42:
0.29 at J=0.2, 0.68 at J=0.3, 0.94 at J=0.4, 0.996 at J=0.5 — so a copy that keeps half of the
other text (J >= 0.5) is found almost always, while unrelated texts (J < 0.05) almost never cost
a check. Excerpts (a short text inside a long one, low Jaccard) are found through segment keys
(see ``segments.py``): consecutive 50-shingle segments at indexing, a window every 5 shingles at
query time.

The index lives in ``DIR/index.sqlite``; adding is incremental and re-adding a source replaces it.
Shingle hashes, band keys and metadata are stored, and with ``keep_text`` (``newsprobe index add``
turns it on) each text zlib-compressed, so that provenance can show what a copy changed against an
indexed original.
"""

from __future__ import annotations

import sqlite3
import threading
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from ..errors import InputError
from .hashing import DocumentHasher, HashedText, IndexSettings
from .shingles import Hashes, overlap

__all__ = ["DocumentRecord", "IndexMatch", "IndexSettings", "NearDuplicateIndex", "IndexStats"]

INDEX_FILE = "index.sqlite"
KEYS_PER_LOOKUP = 5_000  # well under SQLite's limit on bound parameters
CACHE_KIB = 256 * 1024  # SQLite page cache ceiling; used only as the index grows
SCHEMA_VERSION = "2"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, source TEXT UNIQUE NOT NULL, url TEXT, outlet TEXT, domain TEXT,
    published TEXT, title TEXT, words INTEGER, shingles BLOB NOT NULL, keys BLOB NOT NULL, added TEXT);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS texts (doc INTEGER PRIMARY KEY, text BLOB NOT NULL);
"""


class DocumentRecord(BaseModel):
    """What the index keeps about one document (besides its shingles)."""

    source: str = Field(description="Path, URL or id the document was added under; unique in the index.")
    url: str | None = None
    outlet: str | None = Field(None, description="Outlet name (site name) of the copy.")
    domain: str | None = None
    published: str | None = None
    title: str | None = None
    words: int = 0


class IndexMatch(DocumentRecord):
    jaccard: float = Field(description="Exact Jaccard similarity of the two 5-word shingle sets.")
    containment: float = Field(description="Share of the query's shingles found in this document.")
    match_containment: float = Field(description="Share of this document's shingles found in the query.")
    shared_shingles: int

    @property
    def shared_fraction(self) -> float:
        """How much of the shorter text the two share (the larger containment)."""
        return max(self.containment, self.match_containment)


class IndexStats(BaseModel):
    path: str
    documents: int
    settings: IndexSettings
    bytes_on_disk: int


@dataclass
class _Candidate:
    doc_id: int
    band_hits: int


@dataclass
class _Pending:
    shingles: Hashes
    keys: list[int]
    record: DocumentRecord
    text: bytes | None  # compressed, when the index keeps texts


class NearDuplicateIndex:
    """Open (or create) the index in ``directory``. Use as a context manager or call ``close()``."""

    def __init__(self, directory: str | Path, *, create: bool = True, settings: IndexSettings | None = None) -> None:
        self.directory = Path(directory)
        path = self.directory / INDEX_FILE
        if not path.exists() and not create:
            raise InputError(f"no near-duplicate index in {self.directory} (create one with `newsprobe index add`)")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.RLock()  # one connection, shared by the threads of a web app
        self._in_batch = False
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        # Band keys are random, so inserts touch B-tree pages all over; a large page cache keeps the
        # band index in memory while adding (about 1 KB per document) instead of rewriting pages.
        self.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self.conn.executescript(SCHEMA)
        self.settings = self._load_settings(settings or IndexSettings())
        self.hasher = DocumentHasher(self.settings)

    def __enter__(self) -> NearDuplicateIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ settings

    def _load_settings(self, wanted: IndexSettings) -> IndexSettings:
        """The settings the index was created with; settings added since then take ``wanted``'s value."""
        stored = dict(self.conn.execute("SELECT k, v FROM meta").fetchall())
        if stored and stored.get("schema") != SCHEMA_VERSION:
            raise InputError(f"index in {self.directory} has schema {stored.get('schema')}, expected {SCHEMA_VERSION}")
        known = {k: v for k, v in stored.items() if k in IndexSettings.model_fields}
        settings = IndexSettings(**{**wanted.model_dump(), **known})
        missing = {k: v for k, v in {**settings.model_dump(), "schema": SCHEMA_VERSION}.items() if k not in stored}
        if missing:
            self.conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in missing.items()])
            self.conn.commit()
        return settings

    def _pending(self, hashed: HashedText, record: DocumentRecord, text: str) -> _Pending:
        """What `_write` stores for one document (its word count filled in when the record has none)."""
        record = record.model_copy(update={"words": hashed.word_count}) if not record.words else record
        kept = zlib.compress(text.encode("utf-8", "surrogatepass")) if self.settings.keep_text else None
        return _Pending(hashed.shingles, self.hasher.document_keys(hashed), record, kept)

    # ------------------------------------------------------------ adding

    def add(self, text: str, record: DocumentRecord) -> bool:
        """Add one document (replacing an earlier one with the same source). False if it has no words."""
        added = self.add_many([(text, record)])
        return added == 1

    def add_many(self, items: Iterable[tuple[str, DocumentRecord]], *, batch: int = 2000) -> int:
        """Add documents in batched transactions; returns how many were indexed."""
        count = 0
        pending: list[_Pending] = []
        for text, record in items:
            hashed = self.hasher.hash(text)
            if hashed is None:
                continue
            pending.append(self._pending(hashed, record, text))
            if len(pending) >= batch:
                count += self._write(pending)
                pending = []
        if pending:
            count += self._write(pending)
        return count

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Adds and queries inside run in one transaction: one commit for all, not one per document."""
        with self._lock, self.conn:
            self._in_batch = True
            try:
                yield
            finally:
                self._in_batch = False

    def _write(self, pending: list[_Pending]) -> int:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        bands: list[tuple[int, int]] = []
        with self._lock, nullcontext() if self._in_batch else self.conn:
            for item in pending:
                shingles, keys, record = item.shingles, item.keys, item.record
                self._remove(record.source)
                cursor = self.conn.execute(
                    "INSERT INTO docs (source, url, outlet, domain, published, title, words, shingles, keys, added)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        record.source,
                        record.url,
                        record.outlet,
                        record.domain,
                        record.published,
                        record.title,
                        record.words,
                        shingles.astype("<u4").tobytes(),
                        np.asarray(keys, dtype="<i8").tobytes(),
                        now,
                    ),
                )
                doc_id = int(cursor.lastrowid or 0)  # always set after an INSERT
                bands += [(key, doc_id) for key in keys]
                if item.text is not None:
                    self.conn.execute("INSERT INTO texts (doc, text) VALUES (?, ?)", (doc_id, item.text))
            bands.sort()  # insert in key order: neighbouring keys share B-tree pages
            self.conn.executemany("INSERT OR IGNORE INTO bands (key, doc) VALUES (?, ?)", bands)
        return len(pending)

    def _remove(self, source: str) -> None:
        row = self.conn.execute("SELECT id, keys FROM docs WHERE source = ?", (source,)).fetchone()
        if row is None:
            return
        doc_id, blob = row
        keys = np.frombuffer(blob, dtype="<i8").tolist()
        self.conn.executemany("DELETE FROM bands WHERE key = ? AND doc = ?", [(key, doc_id) for key in keys])
        self.conn.execute("DELETE FROM docs WHERE id = ?", (doc_id,))
        self.conn.execute("DELETE FROM texts WHERE doc = ?", (doc_id,))

    def remove(self, source: str) -> None:
        with self._lock, self.conn:
            self._remove(source)

    # ------------------------------------------------------------ querying

    def _candidates(self, keys: list[int], limit: int) -> list[_Candidate]:
        """Documents sharing a band key, most shared keys first (keys looked up in chunks)."""
        hits: Counter[int] = Counter()
        for start in range(0, len(keys), KEYS_PER_LOOKUP):
            chunk = keys[start : start + KEYS_PER_LOOKUP]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT doc, COUNT(*) FROM bands WHERE key IN ({marks}) GROUP BY doc", chunk)
            hits.update(dict(rows.fetchall()))
        ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [_Candidate(doc_id, count) for doc_id, count in ranked]

    def query(
        self, text: str, *, min_shared: float = 0.5, limit: int = 20, max_candidates: int = 500
    ) -> list[IndexMatch]:
        """Documents sharing at least ``min_shared`` of the shorter text with ``text``, best first."""
        hashed = self.hasher.hash(text)
        if hashed is None:
            return []
        return self._matches(hashed, min_shared, limit, max_candidates)

    def query_then_add(
        self, text: str, record: DocumentRecord, *, min_shared: float = 0.5, limit: int = 20, max_candidates: int = 500
    ) -> list[IndexMatch]:
        """`query` against what was indexed before, then `add` this document, hashing its text once."""
        hashed = self.hasher.hash(text)
        if hashed is None:
            return []
        matches = self._matches(hashed, min_shared, limit, max_candidates)
        self._write([self._pending(hashed, record, text)])
        return matches

    def text(self, source: str) -> str | None:
        """The stored text of ``source``; None when it is not indexed or was added without its text."""
        with self._lock:
            row = self.conn.execute(
                "SELECT t.text FROM texts t JOIN docs d ON d.id = t.doc WHERE d.source = ?", (source,)
            ).fetchone()
        return zlib.decompress(row[0]).decode("utf-8", "surrogatepass") if row is not None else None

    def _matches(self, hashed: HashedText, min_shared: float, limit: int, max_candidates: int) -> list[IndexMatch]:
        keys = self.hasher.query_keys(hashed)
        with self._lock:
            matches = list(self._verified(hashed.shingles, self._candidates(keys, max_candidates), min_shared))
        matches.sort(key=lambda m: (-m.shared_fraction, -m.jaccard, m.source))
        return matches[:limit]

    def _verified(self, shingles: Hashes, candidates: list[_Candidate], min_shared: float) -> Iterator[IndexMatch]:
        for candidate in candidates:
            row = self.conn.execute(
                "SELECT source, url, outlet, domain, published, title, words, shingles FROM docs WHERE id = ?",
                (candidate.doc_id,),
            ).fetchone()
            if row is None:
                continue
            stored = np.frombuffer(row[7], dtype="<u4")
            found = overlap(shingles, stored)
            if max(found.query_in_match, found.match_in_query) < min_shared:
                continue
            yield IndexMatch(
                source=row[0],
                url=row[1],
                outlet=row[2],
                domain=row[3],
                published=row[4],
                title=row[5],
                words=row[6],
                jaccard=round(found.jaccard, 4),
                containment=round(found.query_in_match, 4),
                match_containment=round(found.match_in_query, 4),
                shared_shingles=found.shared,
            )

    # ------------------------------------------------------------ info

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM docs").fetchone()[0])

    def stats(self) -> IndexStats:
        size = sum(p.stat().st_size for p in self.directory.glob(INDEX_FILE + "*"))
        return IndexStats(path=str(self.directory), documents=len(self), settings=self.settings, bytes_on_disk=size)
