"""Dates to ISO 8601."""

from __future__ import annotations

import datetime as dt

from dateutil import parser as date_parser

__all__ = ["parse_date"]


def parse_date(text: str) -> str | None:
    """'June 28, 2017' -> '2017-06-28'; None when it is not a plausible date."""
    try:
        value = date_parser.parse(text, default=dt.datetime(1900, 1, 1), fuzzy=False)
    except (ValueError, OverflowError):
        return None
    if not 1900 < value.year <= dt.date.today().year + 1:
        return None
    iso: str = value.date().isoformat()
    return iso
