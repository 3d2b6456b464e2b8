"""Residue fingerprints of state media and wires (``data/residue_fingerprints.json``): loading and matching.

A fingerprint is a regular expression with the outlet it points at, its kind and the public page
the format was seen on. Text kinds (dateline, credit, teaser, image credit) are matched line by
line; embed fingerprints are matched against embed URLs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Literal

from pydantic import BaseModel, Field

__all__ = ["Fingerprint", "FingerprintMatch", "Fingerprints", "load_fingerprints"]

FingerprintKind = Literal["dateline", "credit", "teaser", "image_credit", "embed"]
DATA_FILE = "residue_fingerprints.json"


class Fingerprint(BaseModel):
    id: str
    outlet: str = Field(description="Domain of the outlet in the outlet table.")
    name: str
    kind: FingerprintKind
    pattern: str
    needles: list[str] = Field(description="A line must contain one of these before the pattern is tried.")
    example: str
    source: str
    confidence: float = Field(ge=0.0, le=1.0)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


@dataclass(frozen=True)
class FingerprintMatch:
    fingerprint: Fingerprint
    start: int
    end: int


class Fingerprints:
    """The shipped fingerprints, grouped for the places they are looked for."""

    def __init__(self, entries: list[Fingerprint]) -> None:
        self.entries = entries
        self.text = [f for f in entries if f.kind in ("dateline", "credit", "teaser")]
        self.image = [f for f in entries if f.kind == "image_credit"]
        self.embed = [f for f in entries if f.kind == "embed"]

    @staticmethod
    def matches(line: str, fingerprints: list[Fingerprint]) -> Iterator[FingerprintMatch]:
        """Each fingerprint's first match in ``line``."""
        for fingerprint in fingerprints:
            if not any(needle in line for needle in fingerprint.needles):
                continue
            found = fingerprint.regex.search(line)
            if found is not None and found.end() > found.start():
                yield FingerprintMatch(fingerprint, found.start(), found.end())


def load_fingerprints() -> Fingerprints:
    raw = json.loads((resources.files("newsprobe") / "data" / DATA_FILE).read_text(encoding="utf-8"))
    return Fingerprints([Fingerprint(**entry) for entry in raw["fingerprints"]])
