"""Syndication across a corpus: near-duplicate pairs without a central index, what each copy edited, outlets.

Workers hash each article they write (`newsprobe.dedup.hashing`: 5-word shingles, datasketch MinHash
cut into LSH bands, segment keys for excerpts) and write three tables with its rows:
`dedup_documents` (the shingle set), `dedup_keys` (the keys it is found by) and `dedup_probes` (the
extra keys it looks for). When a run ends, the partitions not yet joined are joined on keys
against every stored key: DuckDB over the Parquet partitions on one machine
(`find_pairs_duckdb`), Ray Data on a cluster (`ray_pairs.py`). A candidate is kept when the two
shingle sets share at least half of the shorter one (exact overlap, as the SQLite index checks).

This is the SQLite index's search (`newsprobe.dedup.NearDuplicateIndex.query_then_add`) done in
bulk: a new document's query keys meet the document keys of everything stored before it, ranked by
shared keys and cut at ``MAX_CANDIDATES`` per document. Documents new in the same run meet each
other in both directions, so the pairs do not depend on the order in which workers finish.

A new pair whose publication dates differ is then compared original -> copy (`dedup.edits`:
headline, passages, editorialising) into `copy_edits` and `edits`, by the same workers that verify
the pairs, with both texts read from the `articles` partitions (`edit_batch`). The pairs and their
edits are committed as one partition. The `syndication` view orients pairs by date and says which
copies were edited; `laundering_candidates` keeps uncredited copies of an original that a list
flags (the provenance analyser's rule, ``outlets.laundering_source_evidence``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pyarrow as pa

from ..dedup import OriginalDocument, compare_texts
from ..dedup.hashing import DocumentHasher
from ..dedup.shingles import overlap
from .store import BatchMapper, CorpusStore, map_here
from .tables import Rows, edit_rows

__all__ = [
    "MAX_CANDIDATES",
    "MIN_SHARED",
    "MIN_WORDS",
    "EDIT_COLUMNS",
    "candidate_sql",
    "dated_pairs_sql",
    "dedup_tables",
    "edit_batch",
    "find_pairs_duckdb",
    "hits_sql",
    "outlet_row",
    "verify_batch",
]

MIN_SHARED = 0.5  # share of the shorter text two copies must have in common
MIN_WORDS = 40  # shorter texts (captions, stubs) are not compared
MAX_CANDIDATES = 500  # per new document, most shared keys first (as the index's query)
VERIFY_BATCH = 5_000  # candidate pairs per verification task
PROBES_PER_CHUNK = 1_000_000  # pending documents' query keys per chunk of the DuckDB join (about 4,000 documents)


def dedup_tables(articles: Iterable[dict[str, Any]], hasher: DocumentHasher) -> dict[str, pa.Table]:
    """The near-duplicate rows of a batch of `articles` rows: shingle sets, document keys, probe keys."""
    ids: list[str] = []
    shingles: list[bytes] = []
    key_ids: list[str] = []
    keys: list[int] = []
    probe_ids: list[str] = []
    probes: list[int] = []
    for article in articles:
        if (article.get("words") or 0) < MIN_WORDS:
            continue
        hashed = hasher.hash(article.get("text") or "")
        if hashed is None:
            continue
        article_id = article["id"]
        document = hasher.document_keys(hashed)
        known = set(document)
        extra = [key for key in hasher.query_keys(hashed) if key not in known]
        ids.append(article_id)
        shingles.append(hashed.shingles.astype("<u4").tobytes())
        key_ids += [article_id] * len(document)
        keys += document
        probe_ids += [article_id] * len(extra)
        probes += extra
    return {
        "dedup_documents": pa.table(
            {"article_id": pa.array(ids, pa.string()), "shingles": pa.array(shingles, pa.binary())}
        ),
        "dedup_keys": pa.table({"article_id": pa.array(key_ids, pa.string()), "key": pa.array(keys, pa.int64())}),
        "dedup_probes": pa.table({"article_id": pa.array(probe_ids, pa.string()), "key": pa.array(probes, pa.int64())}),
    }


def hits_sql(probes: str, keys: str) -> str:
    """Shared keys per (pending document x, stored document y) from ``probes`` (pending documents' query keys)
    meeting ``keys`` (stored document keys); both relations have columns (article_id, key)."""
    return f"""
        SELECT p.article_id AS x, k.article_id AS y, count(*) AS hits
        FROM ({probes}) p JOIN ({keys}) k ON k.key = p.key
        WHERE k.article_id <> p.article_id
        GROUP BY ALL
    """


def candidate_sql(hits: str) -> str:
    """Candidate pairs (a_id < b_id): per pending document the ``MAX_CANDIDATES`` with most hits (ties by id)."""
    return f"""
        WITH best AS (
            SELECT x, y FROM (SELECT x, y, sum(hits) AS hits FROM ({hits}) GROUP BY ALL)
            QUALIFY row_number() OVER (PARTITION BY x ORDER BY hits DESC, y) <= {MAX_CANDIDATES}
        )
        SELECT DISTINCT least(x, y) AS a_id, greatest(x, y) AS b_id FROM best
    """


def find_pairs_duckdb(store: CorpusStore, run_id: str, mapper: BatchMapper = map_here) -> int:
    """Join the pending partitions' keys in DuckDB, verify the candidates and compare the dated pairs
    (``mapper``: here, or on the workers), commit pairs and edits as one partition; returns how many pairs.

    The join runs in chunks of pending documents (about ``PROBES_PER_CHUNK`` query keys each). Each chunk
    holds every key of its documents, so its best candidates per document are final, and only they are
    kept: the memory of this process follows the chunk, however large the store grows.
    """
    pending = store.pending_dedup()
    if not pending:
        return 0
    conn = store.conn
    probes = " UNION ALL ".join(
        f"SELECT article_id, key FROM ({store.relation(table, pending)})" for table in ("dedup_keys", "dedup_probes")
    )
    chunks = max(1, -(-store.count(f"({probes})") // PROBES_PER_CHUNK))
    keys = "SELECT article_id, key FROM internal.dedup_keys"
    conn.execute("CREATE OR REPLACE TEMP TABLE candidates (a_id VARCHAR, b_id VARCHAR)")
    for number in range(chunks):
        in_chunk = f"SELECT * FROM ({probes}) WHERE hash(article_id) % {chunks} = {number}"
        conn.execute(f"INSERT INTO candidates {candidate_sql(hits_sql(in_chunk, keys))}")
    reader = conn.sql(
        """SELECT c.a_id, c.b_id, a.shingles AS a_shingles, b.shingles AS b_shingles
           FROM (SELECT DISTINCT a_id, b_id FROM candidates) c
           JOIN internal.dedup_documents a ON a.article_id = c.a_id
           JOIN internal.dedup_documents b ON b.article_id = c.b_id"""
    ).to_arrow_reader(batch_size=VERIFY_BATCH)
    pairs = [row for verified in mapper(verify_batch, iter(reader)) for row in verified]
    conn.execute("DROP TABLE candidates")
    rows: Rows = {"near_duplicates": pairs, "copy_edits": [], "edits": []}
    found = pa.Table.from_pylist(pairs, schema=PAIR_IDS) if pairs else PAIR_IDS.empty_table()
    conn.register("new_pairs", found.select(["a_id", "b_id"]))
    dated = conn.sql(dated_pairs_sql("new_pairs", "main.articles")).to_arrow_reader(batch_size=EDIT_BATCH)
    for edits in mapper(edit_batch, iter(dated)):
        for table, table_rows in edits.items():
            rows[table] += table_rows
    conn.unregister("new_pairs")
    store.write_rows(run_id, "pairs", rows, joined=[m.partition for m in pending])
    return len(pairs)


PAIR_IDS = pa.schema([("a_id", pa.string()), ("b_id", pa.string())])
#: What the comparison of a pair reads of each article (columns ``a_<name>`` and ``b_<name>``).
EDIT_COLUMNS = ("id", "url", "outlet", "domain", "published", "title", "text")
EDIT_BATCH = 200  # dated pairs per comparison task (each compares two full texts)


def dated_pairs_sql(pairs: str, articles: str) -> str:
    """The pairs of ``pairs`` (a_id, b_id) whose publication dates differ, with both articles' `EDIT_COLUMNS`."""
    fields = ", ".join(f"{side}.{name} AS {side}_{name}" for side in ("a", "b") for name in EDIT_COLUMNS)
    return f"""
        SELECT {fields} FROM {pairs} p JOIN {articles} a ON a.id = p.a_id JOIN {articles} b ON b.id = p.b_id
        WHERE a.published IS NOT NULL AND b.published IS NOT NULL AND a.published <> b.published
    """


def edit_batch(batch: pa.RecordBatch | pa.Table) -> Rows:
    """`copy_edits` and `edits` rows of a batch of dated pairs (`dated_pairs_sql`'s columns), original -> copy."""
    rows: Rows = {"copy_edits": [], "edits": []}
    for pair in batch.to_pylist():
        a, b = ({name: pair[f"{side}_{name}"] for name in EDIT_COLUMNS} for side in ("a", "b"))
        original, copy = (a, b) if a["published"] < b["published"] else (b, a)
        document = OriginalDocument(
            source=original["id"],
            url=original["url"],
            outlet=original["outlet"],
            domain=original["domain"],
            published=original["published"],
            obtained="corpus",
        )
        comparison = compare_texts(
            document, original["text"] or "", original["title"], copy["text"] or "", copy["title"]
        )
        for table, table_rows in edit_rows(original["id"], copy["id"], comparison).items():
            rows[table] += table_rows
    return rows


def verify_batch(batch: pa.RecordBatch, min_shared: float = MIN_SHARED) -> list[dict[str, Any]]:
    """`near_duplicates` rows of one candidate batch (a_id, b_id, a_shingles, b_shingles) sharing ``min_shared``.

    Exact overlap of the two shingle sets, rounded as the SQLite index reports it.
    """
    rows = []
    columns = batch.to_pydict()
    for a_id, b_id, a_blob, b_blob in zip(
        columns["a_id"], columns["b_id"], columns["a_shingles"], columns["b_shingles"], strict=True
    ):
        found = overlap(np.frombuffer(a_blob, dtype="<u4"), np.frombuffer(b_blob, dtype="<u4"))
        if max(found.query_in_match, found.match_in_query) >= min_shared:
            rows.append(
                {
                    "a_id": a_id,
                    "b_id": b_id,
                    "jaccard": round(found.jaccard, 4),
                    "a_in_b": round(found.query_in_match, 4),
                    "b_in_a": round(found.match_in_query, 4),
                }
            )
    return rows


def outlet_row(domain: str) -> dict[str, Any]:
    """The `outlets` row for a domain, from the shipped outlet table (status 'unknown' if not listed)."""
    from ..outlets import source

    try:
        profile = source(domain)
    except Exception:  # a missing outlet table must not stop a run
        return {"domain": domain, "status": "unknown", "state_affiliated": False, "specious": False}
    state = profile.state_affiliation
    return {
        "domain": domain,
        "name": profile.name,
        "status": profile.status,
        "country": profile.country,
        "state_typology": state.typology if state else None,
        "state_label": state.label if state else None,
        "state_affiliated": bool(state and state.editorial_control),
        "reliability": profile.reliability.score if profile.reliability else None,
        "reliability_band": profile.reliability.band if profile.reliability else None,
        "specious": profile.specious_sites,
        "laundromat": "; ".join(profile.laundromat_categories) or None,
    }
