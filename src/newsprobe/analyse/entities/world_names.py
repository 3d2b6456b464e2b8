"""Name lists for telling a person's name from a thing's: the US census surnames, a Bloom filter of the given names
in WIPO's World Gender Name Dictionary 2.0, and the English-word table's words that news texts write as names (all
built by `training/entities/build_name_lists.py`)."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from .names import without_accents

BLOOM_BITS = 1 << 25  # 4 MiB for about 2.9 million names: one false 'given name' in about 250 strings
BLOOM_HASHES = 8


def bloom_positions(word: str) -> list[int]:
    """The filter's bits for a lower-case word (double hashing of one 128-bit BLAKE2b digest)."""
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=16).digest()
    first, step = int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1
    return [(first + k * step) % BLOOM_BITS for k in range(BLOOM_HASHES)]


@cache
def _given_name_bits() -> bytes:
    return (resources.files("newsprobe") / "data" / "given_names.bloom").read_bytes()


def world_given_name(word: str) -> bool:
    """Whether the World Gender Name Dictionary lists `word` as a given name anywhere ('Kepa', 'Andrey', 'Funke';
    the dictionary is noisy: 'Mustang' too, but no 'Nintendo' or 'Dolby')."""
    bits = _given_name_bits()
    return all(bits[p >> 3] >> (p & 7) & 1 for p in bloom_positions(without_accents(word.casefold())))


@cache
def _surname_ranks() -> dict[str, int]:
    names = (resources.files("newsprobe") / "data" / "surnames.txt").read_text("ascii").split()
    return {name: rank for rank, name in enumerate(names, start=1)}


def surname_rank(word: str) -> int | None:
    """The rank of `word` among the US census surnames (1 'smith' … 88,799), if it is one."""
    return _surname_ranks().get(word.casefold())


@cache
def name_words() -> frozenset[str]:
    """Words of the English-word table that news texts write as names ('hussein', 'thomas', 'palermo')."""
    return frozenset((resources.files("newsprobe") / "data" / "name_words.txt").read_text("utf-8").split())
