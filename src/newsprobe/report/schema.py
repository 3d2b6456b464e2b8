"""The JSON Schema of the report, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..analyse import registry as default_registry
from ..analyse.base import Registry
from .model import SCHEMA_VERSION, typed_report_model

__all__ = ["report_schema", "write_schema"]


def report_schema(registry: Registry | None = None) -> dict[str, Any]:
    schema = typed_report_model(registry or default_registry).model_json_schema()
    schema["$id"] = f"https://newsprobe.org/schema/report-{SCHEMA_VERSION}.json"
    schema["title"] = f"newsprobe report {SCHEMA_VERSION}"
    return schema


def write_schema(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report_schema(), indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    import sys

    write_schema(Path(sys.argv[1] if len(sys.argv) > 1 else "schema/report.schema.json"))
