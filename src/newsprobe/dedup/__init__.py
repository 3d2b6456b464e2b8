"""Near-duplicate detection: a persistent MinHash LSH index over word shingles."""

from .edits import EditComparison, EditedPassage, EditorialChange, OriginalDocument, compare_texts
from .index import DocumentRecord, IndexMatch, IndexSettings, IndexStats, NearDuplicateIndex
from .records import iter_jsonl, record_for_article, record_for_fields
from .shingles import overlap, shingle_hashes

__all__ = [
    "DocumentRecord",
    "EditComparison",
    "EditedPassage",
    "EditorialChange",
    "OriginalDocument",
    "compare_texts",
    "IndexMatch",
    "IndexSettings",
    "IndexStats",
    "NearDuplicateIndex",
    "iter_jsonl",
    "record_for_article",
    "record_for_fields",
    "overlap",
    "shingle_hashes",
]
