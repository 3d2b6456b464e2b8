"""What the near-duplicate machinery computes from one text: shingles, MinHash band keys, segment keys.

Shared by the SQLite index (`index.py`) and corpus workers, which write the same keys into the
store's Parquet partitions; both must hash alike for their near-duplicate pairs to agree.

- document keys: the ``bands`` whole-document LSH keys (datasketch MinHash of the shingle set)
  and the keys of consecutive segments (``segments.py``); what an indexed document is found by;
- query keys: the same band keys and a segment window every ``query_stride`` shingles; what a
  new document looks for. Segment starts are multiples of the stride, so document keys are a
  subset of query keys.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from pydantic import BaseModel, Field

from .segments import SegmentHasher, mix_band_keys
from .shingles import Hashes, shingle_sequence

__all__ = ["DocumentHasher", "HashedText", "IndexSettings"]


class IndexSettings(BaseModel):
    shingle_size: int = 5
    bands: int = 42
    rows: int = 3
    seed: int = 1
    segment_size: int = Field(50, description="Shingles per segment for excerpt detection; 0 turns segments off.")
    segment_bands: int = 4
    segment_rows: int = 4
    query_stride: int = 5
    keep_text: bool = Field(
        False,
        description="Store each text (compressed) so that provenance can compare copies with it "
        "(`newsprobe index add` turns it on; about 40 % more build CPU and disk, measured at 10k documents).",
    )

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows


@dataclass
class HashedText:
    sequence: Hashes  # shingle hashes in text order (for segment keys)
    shingles: Hashes  # the same, unique and sorted
    word_count: int
    band_keys: list[int]


class DocumentHasher:
    def __init__(self, settings: IndexSettings | None = None) -> None:
        self.settings = settings or IndexSettings()
        self._template = MinHash(num_perm=self.settings.num_perm, seed=self.settings.seed, hashfunc=int)
        self._segments = SegmentHasher(
            self.settings.segment_size,
            self.settings.segment_bands,
            self.settings.segment_rows,
            self.settings.query_stride,
            self.settings.seed,
        )

    def hash(self, text: str) -> HashedText | None:
        """Shingles and whole-document keys of `text`, computed once for querying and adding; None if no words."""
        sequence, word_count = shingle_sequence(text, self.settings.shingle_size)
        if sequence.size == 0:
            return None
        shingles = np.unique(sequence)
        return HashedText(sequence, shingles, word_count, self._band_keys(shingles))

    def _band_keys(self, shingles: Hashes) -> list[int]:
        """Whole-document LSH keys from a datasketch MinHash of the shingle set."""
        minhash = self._template.copy()
        minhash.update_batch(shingles.tolist())
        values = np.asarray(minhash.hashvalues, dtype=np.uint64).reshape(self.settings.bands, self.settings.rows)
        return mix_band_keys(values, np.arange(1, self.settings.bands + 1, dtype=np.uint64))

    def document_keys(self, hashed: HashedText) -> list[int]:
        return list(dict.fromkeys(hashed.band_keys + self._segments.index_keys(hashed.sequence)))

    def query_keys(self, hashed: HashedText) -> list[int]:
        return list(dict.fromkeys(hashed.band_keys + self._segments.query_keys(hashed.sequence)))
