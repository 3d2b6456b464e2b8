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

from ..dedup.anchors import text_anchors

__all__ = [
    "ADAPTERS",
    "KEYS",
    "TABLES",
    "AdapterError",
    "Rows",
    "adapter",
    "anchor_rows",
    "edit_rows",
    "fact_check_rows",
    "flatten_result",
    "language_and_genre",
    "site_fingerprint_rows",
    "skipped_rows",
]

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
        "declared_language": "VARCHAR",
        "detected_language": "VARCHAR",
        "language_confidence": "DOUBLE",
        "genre": "VARCHAR",
        "genre_confidence": "DOUBLE",
        "genre_evidence": "VARCHAR",
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
        "host_is_wire": "BOOLEAN",
        "explanation": "VARCHAR",
        "laundering_lists": "VARCHAR",
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
        "credited": "BOOLEAN",
    },
    "links": {
        "article_id": "VARCHAR",
        "position": "INTEGER",
        "url": "VARCHAR",
        "domain": "VARCHAR",
        "outlet": "VARCHAR",
        "anchor": "VARCHAR",
        "start_offset": "INTEGER",
        "end_offset": "INTEGER",
        "in_boilerplate": "BOOLEAN",
        "self_link": "BOOLEAN",
        "state_affiliated": "BOOLEAN",
    },
    "copy_edits": {
        "original_id": "VARCHAR",
        "copy_id": "VARCHAR",
        "obtained": "VARCHAR",
        "title_before": "VARCHAR",
        "title_after": "VARCHAR",
        "title_changed": "BOOLEAN",
        "passages_added": "INTEGER",
        "passages_removed": "INTEGER",
        "sentences_changed": "INTEGER",
        "sentences_kept": "INTEGER",
        "sentences_original": "INTEGER",
        "loaded_language_added": "VARCHAR",
        "attributions_added": "INTEGER",
        "attributions_removed": "INTEGER",
        "quotes_added": "INTEGER",
        "quotes_removed": "INTEGER",
        "hedges_removed": "VARCHAR",
        "edited": "BOOLEAN",
        "summary": "VARCHAR",
    },
    "edits": {
        "original_id": "VARCHAR",
        "copy_id": "VARCHAR",
        "passage": "INTEGER",
        "kind": "VARCHAR",
        "original_start": "INTEGER",
        "original_end": "INTEGER",
        "copy_start": "INTEGER",
        "copy_end": "INTEGER",
        "original_text": "VARCHAR",
        "copy_text": "VARCHAR",
        "similarity": "DOUBLE",
    },
    "fact_checks": {
        "article_id": "VARCHAR",
        "position": "INTEGER",
        "claim_reviewed": "VARCHAR",
        "rating": "VARCHAR",
        "rating_value": "VARCHAR",
        "best_rating": "VARCHAR",
        "worst_rating": "VARCHAR",
        "reviewer": "VARCHAR",
        "reviewer_url": "VARCHAR",
        "date_published": "VARCHAR",
        "url": "VARCHAR",
        "item_reviewed_url": "VARCHAR",
        "claim_author": "VARCHAR",
        "claim_date": "VARCHAR",
        "markup": "VARCHAR",
    },
    # tracking IDs, generator, theme and page template read from each article's page (site fingerprints)
    "site_fingerprints": {
        "article_id": "VARCHAR",
        "position": "INTEGER",
        "kind": "VARCHAR",
        "value": "VARCHAR",
        "evidence": "VARCHAR",
        "shared": "VARCHAR",
    },
    # what a translated copy keeps: name keys ("n:lvrv"), numbers ("d:1200"), links ("u:mid.ru/news") (dedup.anchors)
    "text_anchors": {"article_id": "VARCHAR", "anchor": "VARCHAR"},
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
        "resolved_by": "VARCHAR",
        "speaker_confidence": "DOUBLE",
        "speaker_reason": "VARCHAR",
        "source_text": "VARCHAR",
        "cue": "VARCHAR",
        "content": "VARCHAR",
        "direct": "BOOLEAN",
        "style": "VARCHAR",
        "start_offset": "INTEGER",
        "end_offset": "INTEGER",
        "source_start": "INTEGER",
        "source_end": "INTEGER",
        "cue_start": "INTEGER",
        "cue_end": "INTEGER",
    },
    "claims": {
        "article_id": "VARCHAR",
        "rank": "INTEGER",
        "start_offset": "INTEGER",
        "end_offset": "INTEGER",
        "text": "VARCHAR",
        "score": "DOUBLE",
        "checkworthy": "BOOLEAN",
        "label": "VARCHAR",
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
        "second_technique_confidence": "DOUBLE",
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
    # analysers not run on an article, and why (e.g. an English-only model on a Portuguese article)
    "skipped_analyses": {
        "article_id": "VARCHAR",
        "analyser": "VARCHAR",
        "reason": "VARCHAR",
        "language": "VARCHAR",
        "message": "VARCHAR",
    },
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
    "links": ("article_id", "position"),
    "copy_edits": ("original_id", "copy_id"),
    "edits": ("original_id", "copy_id", "passage"),
    "fact_checks": ("article_id", "position"),
    "site_fingerprints": ("article_id", "position"),
    "text_anchors": ("article_id", "anchor"),
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


def language_and_genre(metadata: Any) -> dict[str, Any]:
    """The article row's language and genre columns (the `articles` table's `language` is the decided one)."""
    detected, genre = metadata.detected_language, metadata.genre
    return {
        "language": metadata.language,
        "declared_language": metadata.declared_language,
        "detected_language": detected.code if detected else None,
        "language_confidence": detected.confidence if detected else None,
        "genre": genre.label if genre else None,
        "genre_confidence": genre.confidence if genre else None,
        "genre_evidence": "; ".join(genre.evidence) if genre else None,
    }


def skipped_rows(article_id: str, skipped: list[Any]) -> Rows:
    rows = [
        {
            "article_id": article_id,
            "analyser": s.analyser,
            "reason": s.reason,
            "language": s.language,
            "message": s.message,
        }
        for s in skipped
    ]
    return {"skipped_analyses": rows} if rows else {}


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
                "resolved_by": speaker.resolved_by,
                "speaker_confidence": speaker.confidence,
                "speaker_reason": speaker.reason,
                "source_text": _join(a.source) or None,
                "cue": _join(a.cue) or None,
                "content": _join(a.content),
                "direct": a.direct,
                "style": a.style,
                "start_offset": min(s.start for s in spans) if spans else None,
                "end_offset": max(s.end for s in spans) if spans else None,
                "source_start": min((s.start for s in a.source), default=None),
                "source_end": max((s.end for s in a.source), default=None),
                "cue_start": min((s.start for s in a.cue), default=None),
                "cue_end": max((s.end for s in a.cue), default=None),
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
                "label": c.label,
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
        "technique_name": span.shown_technique.name if first else None,  # as the views name it ("Unclear technique")
        "technique_confidence": first.confidence if first else None,
        "second_technique": span.techniques[1].technique if len(span.techniques) > 1 else None,
        "second_technique_confidence": span.techniques[1].confidence if len(span.techniques) > 1 else None,
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
        "credited": ref.credited,
    }


def _outbound_rows(article_id: str, links: Any) -> list[dict[str, Any]]:
    """One row per body link: the outlets' links and the self-links, in reading order."""
    if links is None:
        return []
    found = [(e, outlet, False) for outlet in links.outlets for e in outlet.evidence]
    found += [(e, None, True) for e in links.self_links]
    found.sort(key=lambda item: (item[0].span is None, item[0].span.start if item[0].span else 0))
    rows = []
    for position, (evidence, outlet, self_link) in enumerate(found):
        span = evidence.span or evidence.removed_span
        rows.append(
            {
                "article_id": article_id,
                "position": position,
                "url": evidence.url,
                "domain": evidence.name,
                "outlet": outlet.name if outlet is not None else None,
                "anchor": evidence.quote,
                "start_offset": span.start if span else None,
                "end_offset": span.end if span else None,
                "in_boilerplate": evidence.where == "removed",
                "self_link": self_link,
                "state_affiliated": bool(outlet is not None and outlet.state_affiliated),
            }
        )
    return rows


def _lists(basis: list[Any]) -> str | None:
    return "; ".join(dict.fromkeys(f"{e.kind}={e.value}" for e in basis)) or None


def edit_rows(original_id: str, copy_id: str, comparison: Any) -> Rows:
    """`copy_edits` (one row per original/copy pair) and `edits` (one row per passage) for an EditComparison."""
    passages, editorial = comparison.passages, comparison.editorial

    def count(kind: str) -> int:
        return sum(1 for change in editorial if change.kind == kind)

    def words(kind: str) -> str | None:
        return "; ".join(dict.fromkeys(change.text for change in editorial if change.kind == kind)) or None

    summary = {
        "original_id": original_id,
        "copy_id": copy_id,
        "obtained": comparison.original.obtained,
        "title_before": comparison.original_title,
        "title_after": comparison.copy_title,
        "title_changed": comparison.title_changed,
        "passages_added": sum(1 for p in passages if p.kind == "added"),
        "passages_removed": sum(1 for p in passages if p.kind == "removed"),
        "sentences_changed": sum(1 for p in passages if p.kind == "changed"),
        "sentences_kept": comparison.sentences_kept,
        "sentences_original": comparison.sentences_original,
        "loaded_language_added": words("loaded_language_added"),
        "attributions_added": count("attribution_added"),
        "attributions_removed": count("attribution_removed"),
        "quotes_added": count("quote_added"),
        "quotes_removed": count("quote_removed"),
        "hedges_removed": words("hedge_removed"),
        "edited": comparison.edited,
        "summary": comparison.summary,
    }
    rows = [
        {
            "original_id": original_id,
            "copy_id": copy_id,
            "passage": index,
            "kind": passage.kind,
            "original_start": passage.original_span.start if passage.original_span else None,
            "original_end": passage.original_span.end if passage.original_span else None,
            "copy_start": passage.copy_span.start if passage.copy_span else None,
            "copy_end": passage.copy_span.end if passage.copy_span else None,
            "original_text": passage.original_text or None,
            "copy_text": passage.copy_text or None,
            "similarity": passage.similarity,
        }
        for index, passage in enumerate(passages)
    ]
    return {"copy_edits": [summary], "edits": rows}


def fact_check_rows(article_id: str, claim_reviews: list[Any]) -> list[dict[str, Any]]:
    return [
        {"article_id": article_id, "position": position, **review.model_dump()}
        for position, review in enumerate(claim_reviews)
    ]


def anchor_rows(article_id: str, article: Any) -> list[dict[str, Any]]:
    anchors = text_anchors(article.text, [link.url for link in article.links])
    return [{"article_id": article_id, "anchor": anchor} for anchor in sorted(anchors)]


def site_fingerprint_rows(article_id: str, fingerprints: list[Any]) -> list[dict[str, Any]]:
    return [
        {"article_id": article_id, "position": position, **fingerprint.model_dump()}
        for position, fingerprint in enumerate(fingerprints)
    ]


@adapter("provenance")
def provenance_rows(article_id: str, result: Any) -> Rows:
    links = [_link_row(article_id, "chain", i, link, link.role) for i, link in enumerate(result.chain)]
    links += [_link_row(article_id, "origin", i, ref, None) for i, ref in enumerate(result.origins)]
    links += [
        _link_row(article_id, "image_credit", i, ref, "image credit") for i, ref in enumerate(result.image_credits)
    ]
    host = result.host
    rows: Rows = {
        "provenance": [
            {
                "article_id": article_id,
                "verdict": result.verdict,
                "confidence": result.confidence,
                "host_name": host.name if host else None,
                "host_domain": host.domain if host else None,
                "host_is_wire": host.is_wire if host else None,
                "explanation": result.explanation,
                "laundering_lists": _lists(result.laundering_basis),
            }
        ],
        "provenance_links": links,
        "links": _outbound_rows(article_id, result.links),
    }
    if result.edits is not None:
        for table, table_rows in edit_rows(result.edits.original.source, article_id, result.edits).items():
            rows[table] = table_rows
    return rows
