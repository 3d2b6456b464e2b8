"""Fixtures for the claims tests. The reference page comes from the root conftest (`reference_article`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSPROBE_SHARED", ROOT.parent / "shared"))
CT24 = SHARED / "data" / "checkworthy" / "ct24_english"


@pytest.fixture(scope="session")
def ct24() -> Path:
    if not CT24.exists():
        pytest.skip(f"CheckThat! data not found: {CT24}")
    return CT24
