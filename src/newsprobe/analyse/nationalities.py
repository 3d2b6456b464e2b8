"""Nationality words and their countries ('Russian' -> Russia), shared by entities and speakers.

The table is derived from countryinfo's country data by `training/entities/build_nationalities.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

__all__ = ["nationalities"]


@cache
def nationalities() -> Mapping[str, str]:
    """Demonym in lower case ('russian', 'north korean') -> country ('Russia', 'North Korea'), read once."""
    raw = (resources.files("newsprobe") / "data" / "nationalities.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in raw.splitlines() if line and not line.startswith("#"))
    return MappingProxyType({word: country for word, country in rows})
