"""Word shingles hashed to 32-bit integers, and exact set overlap between two shingle sets."""

from __future__ import annotations

import re
import zlib

import numpy as np
import numpy.typing as npt

__all__ = ["Overlap", "overlap", "shingle_hashes", "shingle_sequence", "shingles_and_word_count", "words"]

_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x9E3779B97F4A7C15)
_MASK32 = np.uint64(0xFFFFFFFF)

Hashes = npt.NDArray[np.uint32]


def words(text: str) -> list[str]:
    """Case-folded word tokens; punctuation, quotes and spacing differences do not matter."""
    return _WORD.findall(text.casefold())


def shingle_hashes(text: str, size: int = 5) -> Hashes:
    """Sorted unique 32-bit hashes of the overlapping ``size``-word shingles of ``text``.

    Texts shorter than ``size`` words give one shingle of all their words; an empty text gives none.
    """
    return shingles_and_word_count(text, size)[0]


def _token_hashes(tokens: list[str]) -> npt.NDArray[np.uint64]:
    """crc32 of each token, computed once per distinct token."""
    vocabulary: dict[str, int] = {}
    positions = [vocabulary.setdefault(token, len(vocabulary)) for token in tokens]
    distinct = np.fromiter((zlib.crc32(t.encode()) for t in vocabulary), dtype=np.uint64, count=len(vocabulary))
    return distinct[np.asarray(positions, dtype=np.intp)]


def shingle_sequence(text: str, size: int = 5) -> tuple[Hashes, int]:
    """32-bit hashes of the ``size``-word shingles in text order (repeats kept), and the word count."""
    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint32), 0
    token_hashes = _token_hashes(tokens)
    width = min(size, len(tokens))
    count = len(tokens) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined = combined * _MIX + token_hashes[offset : offset + count]
    folded = (combined >> np.uint64(32)) ^ (combined & _MASK32)
    return folded.astype(np.uint32), len(tokens)


def shingles_and_word_count(text: str, size: int = 5) -> tuple[Hashes, int]:
    """``shingle_hashes(text, size)`` and the number of words, from one tokenisation."""
    sequence, count = shingle_sequence(text, size)
    return np.unique(sequence), count


class Overlap:
    """Exact overlap of two shingle sets."""

    __slots__ = ("shared", "query_size", "match_size")

    def __init__(self, shared: int, query_size: int, match_size: int) -> None:
        self.shared, self.query_size, self.match_size = shared, query_size, match_size

    @property
    def jaccard(self) -> float:
        union = self.query_size + self.match_size - self.shared
        return self.shared / union if union else 0.0

    @property
    def query_in_match(self) -> float:
        """Share of the query's shingles found in the match (the query is a copy of part of it)."""
        return self.shared / self.query_size if self.query_size else 0.0

    @property
    def match_in_query(self) -> float:
        """Share of the match's shingles found in the query (the match is a copy of part of it)."""
        return self.shared / self.match_size if self.match_size else 0.0


def overlap(query: Hashes, match: Hashes) -> Overlap:
    shared = int(np.intersect1d(query, match, assume_unique=True).size)
    return Overlap(shared, int(query.size), int(match.size))
