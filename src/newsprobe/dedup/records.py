"""Turn articles and `newsprobe extract` JSON lines into index records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Article
from ..errors import InputError
from ..outlets import parse_host
from .index import DocumentRecord

__all__ = ["iter_jsonl", "record_for_article", "record_for_fields"]


def _domain(*values: str | None) -> str | None:
    for value in values:
        parts = parse_host(value) if value else None
        if parts is not None:
            return parts.registered_domain or parts.host
    return None


def record_for_fields(source: str, fields: dict[str, Any]) -> DocumentRecord:
    """A record from metadata fields (an `Article.metadata` dump or an `extract` JSON line)."""
    url = fields.get("url") or fields.get("canonical_url") or fields.get("og_url")
    return DocumentRecord(
        source=source,
        url=url,
        outlet=fields.get("site_name") or fields.get("outlet"),
        domain=_domain(fields.get("domain"), url),
        published=fields.get("published"),
        title=fields.get("title"),
    )


def record_for_article(article: Article, source: str) -> DocumentRecord:
    return record_for_fields(source, article.metadata.model_dump())


def iter_jsonl(path: Path) -> Iterator[tuple[str, DocumentRecord]]:
    """(text, record) per line of a JSONL file with `text` and metadata fields (`newsprobe extract` output).

    Each line's source id is its `source`, else `id`, else `url`, else `PATH:LINE`.
    """
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                fields = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(fields, dict) or not isinstance(fields.get("text"), str):
                raise InputError(f"{path}:{number}: expected an object with a `text` field")
            source = str(fields.get("source") or fields.get("id") or fields.get("url") or f"{path}:{number}")
            yield fields["text"], record_for_fields(source, fields)
