"""Store tables and the adapters that flatten analyser results into rows.

`TABLES` is the schema (column name -> DuckDB type). `ADAPTERS` maps an analyser name to a
function ``(article_id, result) -> {table: [row, ...]}``; adding an analyser to the store is one
function here plus its table in `TABLES`. An analyser without an adapter is kept whole as JSON in
the ``analyses`` table, so nothing is lost and DuckDB's JSON functions can still reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

__all__ = ["ADAPTERS", "KEYS", "TABLES", "AdapterError", "Rows", "adapter", "flatten_result"]

Rows = dict[str, list[dict[str, Any]]]
Adapter = Callable[[str, Any], Rows]

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "id": "VARCHAR",
        "source": "VARCHAR",
        "url": "VARCHAR",
        "outlet": "VARCHAR",
        "domain": "VARCHAR",
        "published": "VARCHAR",
        "title": "VARCHAR",
        "authors": "VARCHAR",
        "language": "VARCHAR",
        "words": "INTEGER",
        "text": "VARCHAR",
        "profile": "VARCHAR",
        "run_id": "VARCHAR",
        "added": "VARCHAR",
    },
    "outlets": {
        "domain": "VARCHAR",
        "name": "VARCHAR",
        "status": "VARCHAR",
        "country": "VARCHAR",
        "state_typology": "VARCHAR",
        "state_label": "VARCHAR",
        "state_affiliated": "BOOLEAN",
        "reliability": "DOUBLE",
        "reliability_band": "VARCHAR",
        "specious": "BOOLEAN",
        "laundromat": "VARCHAR",
    },
    "provenance": {
        "article_id": "VARCHAR",
        "verdict": "VARCHAR",
        "confidence": "DOUBLE",
        "host_name": "VARCHAR",
        "host_domain": "VARCHAR",
        "explanation": "VARCHAR",
    },
    "provenance_links": {
        "article_id": "VARCHAR",
        "kind": "VARCHAR",
        "position": "INTEGER",
        "role": "VARCHAR",
        "name": "VARCHAR",
        "domain": "VARCHAR",
        "resolved": "BOOLEAN",
        "is_wire": "BOOLEAN",
    },
    "near_duplicates": {
        "a_id": "VARCHAR",
        "b_id": "VARCHAR",
        "jaccard": "DOUBLE",
        "a_in_b": "DOUBLE",
        "b_in_a": "DOUBLE",
    },
    "quotes": {
        "article_id": "VARCHAR",
        "attribution_id": "INTEGER",
        "speaker": "VARCHAR",
        "speaker_kind": "VARCHAR",
        "role": "VARCHAR",
        "organisation": "VARCHAR",
        "source_text": "VARCHAR",
        "cue": "VARCHAR",
        "content": "VARCHAR",
        "direct": "BOOLEAN",
        "style": "VARCHAR",
        "start_offset": "INTEGER",
        "end_offset": "INTEGER",
    },
    "claims": {
        "article_id": "VARCHAR",
        "rank": "INTEGER",
        "start_offset": "INTEGER",
        "end_offset": "INTEGER",
        "text": "VARCHAR",
        "score": "DOUBLE",
        "checkworthy": "BOOLEAN",
        "speaker": "VARCHAR",
    },
    "propaganda": {
        "article_id": "VARCHAR",
        "model": "VARCHAR",
        "spans": "INTEGER",
        "sentences": "INTEGER",
        "sentences_with_propaganda": "INTEGER",
        "share_of_sentences": "DOUBLE",
    },
    "propaganda_spans": {
        "article_id": "VARCHAR",
        "span_index": "INTEGER",
        "in_title": "BOOLEAN",
        "start_offset": "INTEGER",
        "end_offset": "INTEGER",
        "text": "VARCHAR",
        "technique": "VARCHAR",
        "technique_name": "VARCHAR",
        "technique_confidence": "DOUBLE",
        "second_technique": "VARCHAR",
        "confidence": "DOUBLE",
        "speaker": "VARCHAR",
    },
    "entities": {
        "article_id": "VARCHAR",
        "entity_id": "INTEGER",
        "name": "VARCHAR",
        "label": "VARCHAR",
        "count": "INTEGER",
    },
    "analyses": {"article_id": "VARCHAR", "analyser": "VARCHAR", "result": "JSON"},
    "errors": {
        "id": "VARCHAR",
        "source": "VARCHAR",
        "stage": "VARCHAR",
        "analyser": "VARCHAR",
        "message": "VARCHAR",
        "run_id": "VARCHAR",
        "created": "VARCHAR",
    },
}

#: Primary keys; rows whose key exists are ignored on insert (idempotent writes).
KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "outlets": ("domain",),
    "provenance": ("article_id",),
    "near_duplicates": ("a_id", "b_id"),
    "propaganda": ("article_id",),
}

ADAPTERS: dict[str, Adapter] = {}


def adapter(name: str) -> Callable[[Adapter], Adapter]:
    def add(function: Adapter) -> Adapter:
        ADAPTERS[name] = function
        return function

    return add


def flatten_result(article_id: str, name: str, result: BaseModel) -> Rows:
    """Rows for one analyser result: its adapter's, else one JSON row in ``analyses``.

    If an adapter fails (the result model changed under it), the result is kept as JSON and
    the failure is raised as ``AdapterError`` carrying those rows, so nothing is lost.
    """
    as_json = {"analyses": [{"article_id": article_id, "analyser": name, "result": result.model_dump_json()}]}
    if name not in ADAPTERS:
        return as_json
    try:
        return ADAPTERS[name](article_id, result)
    except Exception as exc:
        raise AdapterError(name, f"{type(exc).__name__}: {exc}", as_json) from exc


class AdapterError(Exception):
    def __init__(self, analyser: str, message: str, fallback: Rows) -> None:
        super().__init__(f"store adapter for {analyser}: {message}")
        self.analyser, self.fallback = analyser, fallback


def _name(value: Any) -> str | None:
    """A speaker given as a string or as a model with a ``name``."""
    if value is None or isinstance(value, str):
        return value
    return getattr(value, "name", None) or getattr(value, "speaker", None)


def _join(spans: list[Any]) -> str:
    return " … ".join(span.text for span in spans)


@adapter("entities")
def entity_rows(article_id: str, result: Any) -> Rows:
    return {
        "entities": [
            {"article_id": article_id, "entity_id": e.id, "name": e.name, "label": e.label, "count": e.count}
            for e in result.entities
        ]
    }


@adapter("quotes")
def quote_rows(article_id: str, result: Any) -> Rows:
    rows = []
    for a in result.attributions:
        speaker = a.speaker
        spans = a.content or a.source
        rows.append(
            {
                "article_id": article_id,
                "attribution_id": a.id,
                "speaker": speaker.name,  # None when unresolved: the source as written is in source_text
                "speaker_kind": speaker.kind,
                "role": speaker.role,
                "organisation": speaker.organisation,
                "source_text": _join(a.source) or None,
                "cue": _join(a.cue) or None,
                "content": _join(a.content),
                "direct": a.direct,
                "style": a.style,
                "start_offset": min(s.start for s in spans) if spans else None,
                "end_offset": max(s.end for s in spans) if spans else None,
            }
        )
    return {"quotes": rows}


@adapter("claims")
def claim_rows(article_id: str, result: Any) -> Rows:
    return {
        "claims": [
            {
                "article_id": article_id,
                "rank": c.rank,
                "start_offset": c.start,
                "end_offset": c.end,
                "text": c.text,
                "score": c.score,
                "checkworthy": c.checkworthy,
                "speaker": _name(getattr(c.attribution, "speaker", None)),
            }
            for c in result.claims
        ]
    }


def _span_row(article_id: str, index: int, span: Any, in_title: bool) -> dict[str, Any]:
    first = span.techniques[0] if span.techniques else None
    return {
        "article_id": article_id,
        "span_index": index,
        "in_title": in_title,
        "start_offset": span.start,
        "end_offset": span.end,
        "text": span.text,
        "technique": first.technique if first else None,
        "technique_name": first.name if first else None,
        "technique_confidence": first.confidence if first else None,
        "second_technique": span.techniques[1].technique if len(span.techniques) > 1 else None,
        "confidence": span.confidence,
        "speaker": span.speaker,
    }


@adapter("propaganda")
def propaganda_rows(article_id: str, result: Any) -> Rows:
    spans = [_span_row(article_id, i, s, False) for i, s in enumerate(result.spans)]
    spans += [_span_row(article_id, i, s, True) for i, s in enumerate(result.title_spans)]
    summary = result.summary
    return {
        "propaganda_spans": spans,
        "propaganda": [
            {
                "article_id": article_id,
                "model": result.model,
                "spans": len(result.spans),
                "sentences": summary.sentences,
                "sentences_with_propaganda": summary.sentences_with_propaganda,
                "share_of_sentences": summary.share_of_sentences,
            }
        ],
    }


def _link_row(article_id: str, kind: str, position: int, ref: Any, role: str | None) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "kind": kind,
        "position": position,
        "role": role,
        "name": ref.name,
        "domain": ref.domain,
        "resolved": ref.resolved,
        "is_wire": ref.is_wire,
    }


@adapter("provenance")
def provenance_rows(article_id: str, result: Any) -> Rows:
    links = [_link_row(article_id, "chain", i, link, link.role) for i, link in enumerate(result.chain)]
    links += [_link_row(article_id, "origin", i, ref, None) for i, ref in enumerate(result.origins)]
    host = result.host
    return {
        "provenance": [
            {
                "article_id": article_id,
                "verdict": result.verdict,
                "confidence": result.confidence,
                "host_name": host.name if host else None,
                "host_domain": host.domain if host else None,
                "explanation": result.explanation,
            }
        ],
        "provenance_links": links,
    }
