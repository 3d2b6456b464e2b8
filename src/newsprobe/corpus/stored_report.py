"""A stored article's report, rebuilt from the corpus tables without analysing it again.

The tables keep what the corpus needs (verdicts, chains, quotes with their speakers and how each was found,
claims, highlighted spans, entities) but not everything a fresh report has (`STORED_NOTE` lists what is left
out). What the outlet table says of each outlet is looked up again in the shipped table.
`STORED_NOTE` is said on every rebuilt report. Analysers stored whole as JSON (the `analyses` table)
come back exactly.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from ..analyse import registry
from ..analyse.base import AnalyserSkip, Profile
from ..analyse.claims import attribution_finder
from ..analyse.propaganda import PropagandaResult, by_speaker, strongest_spans, technique_counts
from ..analyse.quotes import QuotesAnalyser
from ..document import Article, DetectedLanguage, Genre, InputDescription, Metadata
from ..errors import UnknownAnalyserError
from ..languages import language_name
from ..outlets import source
from ..report.model import Report
from .explore import StoreReader

__all__ = ["STORED_NOTE", "stored_report"]

STORED_NOTE = (
    "Rebuilt from the corpus store, not analysed again. The store does not keep entity mentions, the words that "
    "named each speaker, the entities and figures inside claims, the quoted evidence behind provenance, the "
    "lower-confidence propaganda spans, outbound links, or the page's tags, sections, embeds, image credits, "
    "contact addresses and site fingerprints; those parts are left out, and the claims' cut is shown as the lowest "
    "confidence labelled check-worthy."
)
SEPARATOR = " … "
# for stores written before the quotes table kept how each speaker was found (2026-12-04)
_UNSTORED_REASON = {
    True: "resolved when the corpus was analysed (how is not stored)",
    False: "no rule was sure who is speaking",
}
_PARAGRAPH = re.compile(r"[^\n]+")


def stored_report(reader: StoreReader, article_id: str) -> Report | None:
    """The report of one stored article, or None when the store has no article with this id."""
    found = reader.rows("SELECT * FROM articles WHERE id = ?", [article_id])
    if not found:
        return None
    row = found[0]
    text = row["text"] or ""
    article = Article(text=text, paragraphs=_paragraphs(text), metadata=_metadata(reader, row))
    analyses: dict[str, BaseModel] = {}
    for name, build in BUILDERS.items():
        result = build(reader, article_id, text)
        if result is not None:
            analyses[name] = result
    analyses.update(_whole_results(reader, article_id))
    return Report(
        created=row.get("added") or "",
        profile=_analysis_profile(reader, article_id),
        input=InputDescription(source=row.get("source") or row.get("url") or article_id, kind="text", url=row["url"]),
        article=article,
        analyses=analyses,
        skipped=_skipped(reader, article_id),
    )


def _paragraphs(text: str) -> list[dict[str, int]]:
    return [{"start": m.start(), "end": m.end()} for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _metadata(reader: StoreReader, row: dict[str, Any]) -> Metadata:
    detected = None
    if row.get("detected_language"):
        detected = DetectedLanguage(
            code=row["detected_language"],
            name=language_name(row["detected_language"]),
            confidence=row.get("language_confidence") or 0.0,
        )
    genre = None
    if row.get("genre"):
        genre = Genre(
            label=row["genre"],
            confidence=row.get("genre_confidence") or 0.0,
            evidence=[e for e in (row.get("genre_evidence") or "").split("; ") if e],
        )
    reviews = reader.rows(
        "SELECT * EXCLUDE (article_id, position) FROM fact_checks WHERE article_id = ? ORDER BY position", [row["id"]]
    )
    return Metadata(
        title=row["title"],
        authors=[a for a in (row.get("authors") or "").split("; ") if a],
        outlet=row["outlet"],
        domain=row["domain"],
        url=row["url"],
        published=row["published"],
        language=row.get("language"),
        declared_language=row.get("declared_language"),
        detected_language=detected,
        genre=genre,
        claim_reviews=reviews,
    )


def _skipped(reader: StoreReader, article_id: str) -> list[AnalyserSkip]:
    rows = reader.rows(
        "SELECT analyser, reason, language, message FROM skipped_analyses WHERE article_id = ?", [article_id]
    )
    return [AnalyserSkip.model_validate(r) for r in rows]


def _result_class(name: str) -> type[BaseModel] | None:
    try:
        result: type[BaseModel] = registry.get(name).Result
    except UnknownAnalyserError:
        return None
    return result


def _whole_results(reader: StoreReader, article_id: str) -> dict[str, BaseModel]:
    found = {}
    for row in reader.rows("SELECT analyser, result FROM analyses WHERE article_id = ?", [article_id]):
        cls = _result_class(row["analyser"])
        if cls is not None:
            found[row["analyser"]] = cls.model_validate_json(row["result"])
    return found


def _validate(name: str, data: dict[str, Any]) -> BaseModel | None:
    cls = _result_class(name)
    return cls.model_validate(data) if cls is not None else None


# ---------------------------------------------------------------- per analyser


def _entities(reader: StoreReader, article_id: str, text: str) -> BaseModel | None:
    rows = reader.rows(
        "SELECT entity_id AS id, name, label, count FROM entities WHERE article_id = ? ORDER BY count DESC, entity_id",
        [article_id],
    )
    if not rows and not _ran(reader, article_id, "entities"):
        return None
    return _validate("entities", {"entities": [{**r, "mentions": []} for r in rows]})


def _stretch(row: dict[str, Any], part: str, near: tuple[int, int]) -> tuple[int, int]:
    """Where the attribution's source or cue stands: stored since 2026-12-04; older stores only kept its
    content's stretch, and the nearest piece of the same words stands in for it."""
    start, end = row[f"{part}_start"], row[f"{part}_end"]
    return (start, end) if start is not None and end is not None else near


def _spans_of(joined: str | None, text: str, near: tuple[int, int]) -> list[dict[str, Any]]:
    """The pieces of a ' … '-joined span list, each where the text has it nearest to the stored stretch `near`
    (exactly there when the stretch is the span's own); unfound pieces are left out."""
    spans = []
    joined = joined or ""
    whole = text[near[0] : near[1]] == joined  # one piece, though it may hold ' … '
    for piece in [joined] if whole else joined.split(SEPARATOR):
        starts = [m.start() for m in re.finditer(re.escape(piece), text)] if piece else []
        if starts:
            start = min(starts, key=lambda s: max(near[0] - (s + len(piece)), s - near[1], 0))
            spans.append({"start": start, "end": start + len(piece), "text": piece})
    return spans


def _ran(reader: StoreReader, article_id: str, analyser: str) -> bool:
    """Whether the analyser ran on the article and gave a result: its run asked for it (or for all), and the
    store records no skip or failure of it for the article."""
    asked = reader.value("SELECT r.analyses FROM articles a JOIN runs r USING (run_id) WHERE a.id = ?", [article_id])
    if asked is None or (asked != "all" and analyser not in asked.split(",")):
        return False
    missing = reader.value(
        "SELECT count(*) FROM (SELECT analyser FROM skipped_analyses WHERE article_id = ?"
        " UNION ALL SELECT analyser FROM errors WHERE id = ?) WHERE analyser = ?",
        [article_id, article_id, analyser],
    )
    return not missing


def _quotes(reader: StoreReader, article_id: str, text: str) -> BaseModel | None:
    rows = reader.rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY attribution_id", [article_id])
    if not rows and not _ran(reader, article_id, "quotes"):
        return None
    attributions = []
    for r in rows:
        near = (r["start_offset"] or 0, r["end_offset"] or 0)
        speaker = {
            "name": r["speaker"],
            "kind": r["speaker_kind"],
            "role": r["role"],
            "organisation": r["organisation"],
            "resolved_by": r["resolved_by"] or ("named" if r["speaker"] else "unresolved"),
            "confidence": r["speaker_confidence"],
            "reason": r["speaker_reason"] or _UNSTORED_REASON[bool(r["speaker"])],
        }
        attributions.append(
            {
                "id": r["attribution_id"],
                "source": _spans_of(r["source_text"], text, _stretch(r, "source", near)),
                "cue": _spans_of(r["cue"], text, _stretch(r, "cue", near)),
                "content": _spans_of(r["content"], text, near),
                "direct": bool(r["direct"]),
                "style": r["style"] or ("direct" if r["direct"] else "indirect"),
                "speaker": speaker,
            }
        )
    profile = _analysis_profile(reader, article_id)
    method = QuotesAnalyser(profile=profile).method(profile)
    return _validate(
        "quotes", {"method": method, "attributions": attributions, "speakers": _speaker_groups(attributions)}
    )


def _analysis_profile(reader: StoreReader, article_id: str) -> Profile:
    stored = reader.value("SELECT profile FROM articles WHERE id = ?", [article_id])
    return stored if stored in ("fast", "accurate", "best") else "accurate"


def _speaker_groups(attributions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Most quoted first; the unresolved attributions last, in one group (as the quotes result orders them)."""
    groups: dict[str | None, dict[str, Any]] = {}
    for att in attributions:
        sp = att["speaker"]
        group = groups.setdefault(
            sp["name"],
            {k: sp[k] for k in ("name", "role", "organisation", "kind")} | {"attribution_ids": []},
        )
        group["attribution_ids"].append(att["id"])
    return sorted(
        groups.values(), key=lambda g: (g["name"] is None, -len(g["attribution_ids"]), g["attribution_ids"][0])
    )


def _claims(reader: StoreReader, article_id: str, text: str) -> BaseModel | None:
    rows = reader.rows(
        'SELECT rank, start_offset AS start, end_offset AS "end", text, score, checkworthy, label'
        " FROM claims WHERE article_id = ? ORDER BY rank",
        [article_id],
    )
    if not rows:
        return None
    quotes = _quotes(reader, article_id, text)
    attribute = attribution_finder(quotes)  # the claims' speakers, from the stored attributions
    claims = [
        {
            **r,
            "label": r["label"] or ("check-worthy" if r["checkworthy"] else "lower priority"),
            "attribution": found.model_dump() if (found := attribute(r["start"], r["end"])) else None,
        }
        for r in rows
    ]
    threshold = min((r["score"] for r in rows if r["checkworthy"]), default=1.0)
    return _validate(
        "claims",
        {
            "model": "lexical" if _analysis_profile(reader, article_id) == "fast" else "minilm+lexical",
            "threshold": threshold,
            "checkworthy_count": sum(1 for r in rows if r["checkworthy"]),
            "claims": claims,
            "speakers_read": quotes is not None,
        },
    )


def _propaganda(reader: StoreReader, article_id: str, text: str) -> BaseModel | None:
    summary = reader.rows("SELECT * FROM propaganda WHERE article_id = ?", [article_id])
    if not summary:
        return None
    rows = reader.rows("SELECT * FROM propaganda_spans WHERE article_id = ? ORDER BY span_index", [article_id])
    cls = _result_class("propaganda")
    if cls is None:
        return None
    empty = cls.model_validate({"model": ""})
    definitions = {t.label: t for t in getattr(empty, "definitions")}  # noqa: B009 (a property of the registered class)
    spans: list[dict[str, Any]] = []
    title_spans: list[dict[str, Any]] = []
    for r in rows:
        first = definitions.get(r["technique"])
        techniques = [
            {
                "technique": r["technique"],
                "name": first.name if first else r["technique_name"],
                "confidence": r["technique_confidence"],
            }
        ]
        if r["second_technique"] in definitions:
            second = definitions[r["second_technique"]]
            confidence = r["second_technique_confidence"] or 0.0  # stores before 2026-12-04 did not keep it
            techniques.append({"technique": second.label, "name": second.name, "confidence": confidence})
        span = {
            "start": r["start_offset"],
            "end": r["end_offset"],
            "text": r["text"],
            "techniques": techniques,
            "confidence": r["confidence"],
            "speaker": r["speaker"],
        }
        (title_spans if r["in_title"] else spans).append(span)
    head = summary[0]
    result = _validate(
        "propaganda",
        {
            "model": head["model"] or "",
            "spans": spans,
            "title_spans": title_spans,
            "speakers_read": any(span["speaker"] for span in spans) or _ran(reader, article_id, "quotes"),
            "summary": {
                "sentences": head["sentences"] or 0,
                "sentences_with_propaganda": head["sentences_with_propaganda"] or 0,
                "share_of_sentences": head["share_of_sentences"] or 0.0,
            },
        },
    )
    if isinstance(result, PropagandaResult):
        result.summary.counts = technique_counts(result.spans)
        result.summary.strongest = strongest_spans(result.spans)
        result.by_speaker = by_speaker(result.spans)
    return result


def _outlet_ref(link: dict[str, Any]) -> dict[str, Any]:
    ref = {k: link[k] for k in ("name", "domain")} | _profile_of(link["domain"], link["name"])
    ref["resolved"] = bool(link["resolved"])  # as stored: a chain link may resolve by name
    ref["is_wire"] = bool(link["is_wire"])
    ref["credited"] = True if link["credited"] is None else bool(link["credited"])
    return ref


def _profile_of(domain: str | None, name: str | None = None) -> dict[str, Any]:
    """What the shipped outlet table says of a stored outlet, as a fresh report shows it ('unknown outlet' only when
    the table does not list the domain; an outlet with no domain, by a name several papers share, says so)."""
    if not domain:
        shared = source(name) if name else None
        return {"profile": shared} if shared is not None and shared.namesakes else {}
    profile = source(domain)
    return {"profile": profile, "resolved": profile.status == "known"}


def _provenance(reader: StoreReader, article_id: str, text: str) -> BaseModel | None:
    found = reader.rows("SELECT * FROM provenance WHERE article_id = ?", [article_id])
    if not found:
        return None
    row = found[0]
    links = reader.rows("SELECT * FROM provenance_links WHERE article_id = ? ORDER BY kind, position", [article_id])
    host = (
        {
            "name": row["host_name"],
            "domain": row["host_domain"],
            "resolved": False,
            "is_wire": bool(row["host_is_wire"]),
        }
        | _profile_of(row["host_domain"])
        if row["host_name"]
        else None
    )
    return _validate(
        "provenance",
        {
            "verdict": row["verdict"],
            "confidence": row["confidence"],
            "explanation": row["explanation"] or "",
            "host": host,
            "chain": [_outlet_ref(link) | {"role": link["role"]} for link in links if link["kind"] == "chain"],
            "origins": [_outlet_ref(link) for link in links if link["kind"] == "origin"],
            "image_credits": [_outlet_ref(link) for link in links if link["kind"] == "image_credit"],
        },
    )


BUILDERS = {
    "entities": _entities,
    "provenance": _provenance,
    "quotes": _quotes,
    "claims": _claims,
    "propaganda": _propaganda,
}
