"""The versioned report: what `newsprobe analyze` returns and writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field, SerializeAsAny, create_model

from .._version import __version__
from ..analyse.base import AnalyserFailure, AnalyserSkip, Profile, Registry
from ..document import Article, InputDescription

__all__ = ["SCHEMA_VERSION", "Report", "typed_report_model"]

SCHEMA_VERSION = "2.4"


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    newsprobe_version: str = __version__
    created: str = Field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    profile: Profile = "accurate"
    input: InputDescription
    article: Article
    analyses: dict[str, SerializeAsAny[BaseModel]] = Field(
        default_factory=dict, description="Analyser name -> its result."
    )
    failures: list[AnalyserFailure] = Field(default_factory=list, description="Analysers that failed on this article.")
    skipped: list[AnalyserSkip] = Field(
        default_factory=list,
        description="Analysers not run on this article and why, e.g. an English-only model on a Portuguese article.",
    )
    timings: dict[str, float] = Field(default_factory=dict, description="Seconds per stage and analyser.")

    def result(self, name: str) -> Any:
        return self.analyses.get(name)


def typed_report_model(registry: Registry) -> type[BaseModel]:
    """The Report with `analyses` typed per registered analyser: the source of the JSON Schema."""
    fields: dict[str, Any] = {name: (registry.get(name).Result | None, None) for name in registry.names()}
    analyses = create_model("Analyses", **fields)
    return create_model("Report", __base__=Report, analyses=(analyses, Field(default_factory=analyses)))
