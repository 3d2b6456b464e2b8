"""Syndication across a corpus: near-duplicate pairs (MinHash LSH), what each copy edited, outlet profiles.

Each written article is first looked up in the store's near-duplicate index (`newsprobe.dedup`),
then added to it, so every pair of copies is found once, whatever order the documents arrive in.
A pair whose publication dates differ is compared original -> copy (`dedup.edits`: headline,
passages, editorialising) into `copy_edits` and `edits`. The `syndication` view orients pairs by date
and says which copies were edited; `laundering_candidates` keeps uncredited copies of an original
that a list flags (the provenance analyser's rule, ``outlets.laundering_source_evidence``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..dedup import DocumentRecord, NearDuplicateIndex, OriginalDocument, compare_texts
from .tables import Rows, edit_rows

__all__ = ["MIN_SHARED", "MIN_WORDS", "NearDuplicateFinder", "outlet_row", "pair_edit_rows"]

MIN_SHARED = 0.5  # share of the shorter text two copies must have in common
MIN_WORDS = 40  # shorter texts (captions, stubs) are not compared
MAX_MATCHES = 1000


class NearDuplicateFinder:
    def __init__(self, directory: Path, *, min_shared: float = MIN_SHARED, min_words: int = MIN_WORDS) -> None:
        self.index = NearDuplicateIndex(directory)  # without texts: they live in `articles`
        self.min_shared, self.min_words = min_shared, min_words

    def add(self, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Pairs between these articles and everything indexed before (and among themselves)."""
        pairs: dict[tuple[str, str], dict[str, Any]] = {}
        with self.index.batch():
            for article in articles:
                pairs.update(self._add_one(article))
        return list(pairs.values())

    def _add_one(self, article: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
        if (article.get("words") or 0) < self.min_words:
            return {}
        matches = self.index.query_then_add(
            article.get("text") or "", _record(article), min_shared=self.min_shared, limit=MAX_MATCHES
        )
        return dict(
            _pair(article["id"], m.source, m.containment, m.match_containment, m.jaccard)
            for m in matches
            if m.source != article["id"]
        )

    def close(self) -> None:
        self.index.close()


def _pair(
    query_id: str, match_id: str, query_in_match: float, match_in_query: float, jaccard: float
) -> tuple[tuple[str, str], dict[str, Any]]:
    if query_id < match_id:
        a_id, b_id, a_in_b, b_in_a = query_id, match_id, query_in_match, match_in_query
    else:
        a_id, b_id, a_in_b, b_in_a = match_id, query_id, match_in_query, query_in_match
    return (a_id, b_id), {"a_id": a_id, "b_id": b_id, "jaccard": jaccard, "a_in_b": a_in_b, "b_in_a": b_in_a}


def _record(article: dict[str, Any]) -> DocumentRecord:
    """An `articles` row as the index records it."""
    return DocumentRecord(
        source=article["id"],
        url=article.get("url"),
        outlet=article.get("outlet"),
        domain=article.get("domain"),
        published=article.get("published"),
        title=article.get("title"),
        words=article.get("words") or 0,
    )


def _ordered(a: dict[str, Any], b: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(original, copy) by publication date; None when a date is missing or both are the same day."""
    first, second = a.get("published"), b.get("published")
    if not first or not second or first == second:
        return None
    return (a, b) if first < second else (b, a)


def pair_edit_rows(
    pairs: list[dict[str, Any]],
    batch: list[dict[str, Any]],
    load: Callable[[list[str]], list[dict[str, Any]]],
) -> Rows:
    """`copy_edits` and `edits` rows for near-duplicate pairs with distinct dates (articles of earlier
    batches are read through ``load``)."""
    articles = {article["id"]: article for article in batch}
    missing = sorted({pair[key] for pair in pairs for key in ("a_id", "b_id")} - set(articles))
    articles.update({article["id"]: article for article in load(missing)} if missing else {})
    rows: Rows = {"copy_edits": [], "edits": []}
    for pair in pairs:
        a, b = articles.get(pair["a_id"]), articles.get(pair["b_id"])
        ordered = _ordered(a, b) if a is not None and b is not None else None
        if ordered is None:
            continue
        original, copy = ordered
        fields = _record(original).model_dump(include={"source", "url", "outlet", "domain", "published"})
        document = OriginalDocument(**fields, obtained="corpus")
        comparison = compare_texts(
            document, original.get("text") or "", original.get("title"), copy.get("text") or "", copy.get("title")
        )
        for table, table_rows in edit_rows(original["id"], copy["id"], comparison).items():
            rows[table] += table_rows
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
