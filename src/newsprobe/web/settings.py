"""Server settings: one frozen model built by `newsprobe serve` (or by tests) and handed to `create_app`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ENV_SETTINGS", "WebSettings"]

ENV_SETTINGS = "NEWSPROBE_WEB_SETTINGS"


class WebSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    analyses: tuple[str, ...] | None = Field(
        None, description="Analysers this server offers (default: all registered)."
    )
    profile: Literal["fast", "accurate", "best"] = "accurate"
    allow_private: bool = Field(False, description="Let URL analysis reach private/loopback addresses (tests only).")
    api_key_file: Path | None = Field(None, description="One API key per line (or 'sha256:<hex>'); enables auth.")
    store: Path | None = Field(None, description="Corpus store directory for the dashboard page.")
    data_dir: Path | None = Field(None, description="Keep report permalinks on disk here (default: memory only).")
    max_body_bytes: int = Field(8 * 1024 * 1024, gt=0, description="Larger request bodies get 413.")
    rate_per_minute: float = Field(120.0, ge=0, description="Sustained requests per minute per key or IP; 0 = off.")
    rate_burst: int = Field(30, ge=1, description="Requests allowed in a burst before 429.")
    max_pending: int = Field(128, ge=1, description="Analyses queued or running per worker before 503.")
    report_cache: int = Field(256, ge=1, description="Reports kept in memory per worker (LRU).")
    warm_up: bool = Field(True, description="Load all models at start-up instead of on the first request.")
    fetch_timeout: float = Field(20.0, gt=0, description="Seconds allowed for fetching one URL.")

    def to_env(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_env(cls) -> WebSettings:
        """Settings handed to uvicorn worker processes through the environment."""
        raw = os.environ.get(ENV_SETTINGS)
        return cls.model_validate(json.loads(raw)) if raw else cls()
