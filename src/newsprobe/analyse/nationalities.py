"""Nationality words and their countries ('Russian' -> Russia), shared by entities and speakers, and the
countries' provinces ('Punjab' -> India).

The tables are derived from countryinfo's country data by `training/entities/build_nationalities.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

__all__ = ["nationalities", "provinces"]


@cache
def nationalities() -> Mapping[str, str]:
    """Demonym in lower case ('russian', 'north korean') -> country ('Russia', 'North Korea'), read once."""
    return _table("nationalities.tsv")


@cache
def provinces() -> Mapping[str, str]:
    """Province, state or region in lower case ('punjab', 'idlib') -> country, read once."""
    return _table("provinces.tsv")


def _table(name: str) -> Mapping[str, str]:
    raw = (resources.files("newsprobe") / "data" / name).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in raw.splitlines() if line and not line.startswith("#"))
    return MappingProxyType({word: country for word, country in rows})
