"""Segment-level LSH keys, so that an excerpt is found inside a much longer text.

Whole-document MinHash compares Jaccard similarity, which is low when a 300-word excerpt is set
against the 3,000-word original. So each indexed document is also cut into consecutive segments of
``segment_size`` shingles, each hashed into a few small LSH bands. A query slides a window of the
same size over its own shingles with a small ``stride``: some window then starts within
``stride / 2`` shingles of an indexed segment of any text the query shares a long run with, so the
two windows are near-identical (Jaccard >= (size - stride/2) / (size + stride/2), 0.9 for 50/5) and
collide in a band with probability 1 - (1 - J^rows)^bands (0.99 for 4 bands of 4 rows).

Min-hashes use multiply-shift hashing with fixed random 64-bit multipliers (seeded), computed for
all windows at once with numpy.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .shingles import Hashes

__all__ = ["SegmentHasher", "mix_band_keys"]

_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype=np.uint64)
SEGMENT_BAND_OFFSET = 1_000  # segment band ids never equal whole-document band ids


def mix_band_keys(values: npt.NDArray[np.uint64], band_ids: npt.NDArray[np.uint64]) -> list[int]:
    """One signed 64-bit key per row of ``values`` (a band's min-hashes), salted with its band id."""
    keys = band_ids * _MIX[0]
    for column in range(values.shape[1]):
        keys = (keys ^ values[:, column]) * _MIX[(column + 1) % len(_MIX)]
    return [int(k) for k in keys.view(np.int64)]


class SegmentHasher:
    def __init__(self, size: int, bands: int, rows: int, stride: int, seed: int) -> None:
        self.size, self.bands, self.rows, self.stride = size, bands, rows, stride
        rng = np.random.default_rng(seed)
        count = bands * rows
        self._multipliers = rng.integers(1, 2**63, size=count, dtype=np.uint64) | np.uint64(1)
        self._offsets = rng.integers(0, 2**63, size=count, dtype=np.uint64)
        self._band_ids = np.arange(SEGMENT_BAND_OFFSET, SEGMENT_BAND_OFFSET + bands, dtype=np.uint64)

    def index_keys(self, sequence: Hashes) -> list[int]:
        """Keys of consecutive segments (the last one aligned to the end)."""
        return self._keys(sequence, self.size)

    def query_keys(self, sequence: Hashes) -> list[int]:
        """Keys of windows every ``stride`` shingles (the last one aligned to the end)."""
        return self._keys(sequence, self.stride)

    def _keys(self, sequence: Hashes, step: int) -> list[int]:
        if self.size <= 0 or sequence.size < self.size:
            return []
        starts = np.arange(0, sequence.size - self.size + 1, step)
        if starts[-1] != sequence.size - self.size:
            starts = np.append(starts, sequence.size - self.size)
        minima = self._window_minima(sequence, starts)  # (windows, bands * rows)
        values = minima.reshape(len(starts) * self.bands, self.rows)
        band_ids = np.tile(self._band_ids, len(starts))
        return list(dict.fromkeys(mix_band_keys(values, band_ids)))

    def _window_minima(self, sequence: Hashes, starts: npt.NDArray[np.int64]) -> npt.NDArray[np.uint64]:
        hashed = (
            self._multipliers[:, None] * sequence.astype(np.uint64)[None, :] + self._offsets[:, None]
        ) >> np.uint64(32)
        windows = np.lib.stride_tricks.sliding_window_view(hashed, self.size, axis=1)  # (perms, n - size + 1, size)
        minima: npt.NDArray[np.uint64] = windows[:, starts, :].min(axis=2).T
        return minima
