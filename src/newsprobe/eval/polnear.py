"""The PolNeAR evaluation contract: predict attributions for PolNeAR jsonl lines, score them.

Prediction runs the `quotes` analyser on each raw text file as plain text, so offsets are into
that file exactly. Scoring (one-to-one matching of content spans per document):

- content exact: the predicted content spans equal the gold ones (after trimming spaces);
- content overlap: shared characters >= 50 % of the longer content;
- source accuracy: on overlap-matched pairs, the sources agree (both absent, or shared
  characters >= 50 % of the longer source); source exact is reported too;
- the same on the direct-only subset: content that starts and ends with a quote mark.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..analyse.base import Profile
from ..analyse.spans import join_touching
from ..document import Article
from ..errors import InputError

if TYPE_CHECKING:
    from ..analyse.quotes import QuotesResult

__all__ = ["PRF", "QuoteScores", "attribution_records", "evaluate_files", "predict_lines", "score_documents"]

CharSpans = list[tuple[int, int]]
OPENING_MARKS = "\"“„«‘'"
CLOSING_MARKS = "\"”“»’'"


class PRF(BaseModel):
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    matched: int

    @classmethod
    def of(cls, matched: int, gold: int, predicted: int) -> PRF:
        p = matched / predicted if predicted else 0.0
        r = matched / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(precision=p, recall=r, f1=f, gold=gold, predicted=predicted, matched=matched)


class SubsetScores(BaseModel):
    content_exact: PRF
    content_overlap: PRF
    source_accuracy: float
    source_exact_accuracy: float


class QuoteScores(BaseModel):
    documents: int
    missing_documents: int
    all: SubsetScores
    direct: SubsetScores


# ---------------------------------------------------------------- reading


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from exc
    return rows


def first_annotation_per_file(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One annotation per article: the alphabetically first annotator (a fixed rule)."""
    chosen: dict[str, dict[str, Any]] = {}
    for row in rows:
        name = row.get("filename")
        if not name:
            raise InputError("a line has no 'filename'")
        current = chosen.get(name)
        if current is None or str(row.get("annotator", "")) < str(current.get("annotator", "")):
            chosen[name] = row
    return chosen


def read_text(root: Path, text_file: str) -> str:
    path = root / text_file
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


# ---------------------------------------------------------------- prediction


def predict_lines(
    rows: Iterable[dict[str, Any]],
    root: Path,
    profile: Profile = "accurate",
    method: str = "auto",
    on_failure: Callable[[str, str], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """One output record per distinct filename, in input order; an article whose analysis failed gets
    an empty record (so every filename is answered) and `on_failure(filename, error)` is called."""
    from ..analyse.pipeline import Pipeline
    from ..analyse.quotes import QuotesResult

    pipeline = Pipeline(["quotes"], profile=profile, config={"quotes": {"method": method}})
    seen: set[str] = set()
    for row in rows:
        name = row.get("filename")
        if not name or name in seen:
            continue
        seen.add(name)
        text_file = row.get("text_file")
        if not text_file:
            raise InputError(f"{name}: no 'text_file'")
        text = read_text(root, text_file)
        outcome = pipeline.run(Article(text=text))
        result = outcome.results.get("quotes")
        result = result if isinstance(result, QuotesResult) else None
        if on_failure is not None:
            for failure in outcome.failures:
                on_failure(name, failure.error)
        yield {"filename": name, "attributions": attribution_records(result) if result is not None else []}


def attribution_records(result: QuotesResult) -> list[dict[str, Any]]:
    """The analyser's attributions as prediction records: source, cue and content as [start, end] lists."""
    return [
        {
            "source": [[s.start, s.end] for s in attribution.source],
            "cue": [[s.start, s.end] for s in attribution.cue],
            "content": [[s.start, s.end] for s in attribution.content],
        }
        for attribution in result.attributions
    ]


# ---------------------------------------------------------------- scoring


def _normalise(text: str, spans: Iterable[Iterable[int]]) -> CharSpans:
    out: CharSpans = []
    for pair in spans:
        start, end = list(pair)[:2]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return join_touching(out)


def _chars(spans: CharSpans) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def _overlaps(a: set[int], b: set[int]) -> bool:
    return bool(a) and bool(b) and len(a & b) >= 0.5 * max(len(a), len(b))


def is_direct(text: str, content: CharSpans) -> bool:
    if not content:
        return False
    chunk = text[content[0][0] : content[-1][1]].strip()
    chunk = chunk.rstrip(".,;:")
    return len(chunk) > 2 and chunk[0] in OPENING_MARKS and chunk[-1] in CLOSING_MARKS


class _Item:
    def __init__(self, text: str, record: dict[str, Any]) -> None:
        content = list(record.get("content") or [])
        content += list(record.get("content2") or [])
        self.content = _normalise(text, content)
        self.source = _normalise(text, record.get("source") or [])
        self.content_chars = _chars(self.content)
        self.source_chars = _chars(self.source)
        self.direct = is_direct(text, self.content)


class _Counts:
    def __init__(self) -> None:
        self.gold = self.predicted = self.exact = self.overlap = 0
        self.source_ok = self.source_exact = 0

    def add(self, gold: list[_Item], pred: list[_Item]) -> None:
        self.gold += len(gold)
        self.predicted += len(pred)
        self.exact += len({tuple(g.content) for g in gold} & {tuple(p.content) for p in pred})
        for g, p in _match(gold, pred):
            self.overlap += 1
            both_empty = not g.source_chars and not p.source_chars
            self.source_ok += both_empty or _overlaps(g.source_chars, p.source_chars)
            self.source_exact += g.source == p.source

    def scores(self) -> SubsetScores:
        return SubsetScores(
            content_exact=PRF.of(self.exact, self.gold, self.predicted),
            content_overlap=PRF.of(self.overlap, self.gold, self.predicted),
            source_accuracy=self.source_ok / self.overlap if self.overlap else 0.0,
            source_exact_accuracy=self.source_exact / self.overlap if self.overlap else 0.0,
        )


def _match(gold: list[_Item], pred: list[_Item]) -> list[tuple[_Item, _Item]]:
    """One-to-one: pairs that overlap enough, largest shared part first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if _overlaps(g.content_chars, p.content_chars):
                candidates.append((len(g.content_chars & p.content_chars), gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


# A gold source that is only a reporting word ("said", with the name as its cue) has its labels swapped.
_REPORTING_WORDS = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "asked"})


def swapped_labels(text: str, record: dict[str, Any]) -> bool:
    """The annotator marked the cue as source and the source as cue: source 'said', cue 'Hester'
    (PolNeAR dev: 5 of 2,193 first annotations; train: 10 of 19,868)."""
    source = " ".join(text[s:e] for s, e in record.get("source") or []).strip().lower()
    cue = " ".join(text[s:e] for s, e in record.get("cue") or []).strip()
    return source in _REPORTING_WORDS and cue[:1].isupper()


def read_swapped_labels(text: str, record: dict[str, Any]) -> dict[str, Any]:
    """The record with source and cue exchanged when `swapped_labels` says the annotator swapped them."""
    if not swapped_labels(text, record):
        return record
    return {**record, "source": record.get("cue"), "cue": record.get("source")}


def score_documents(
    docs: Iterable[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]], *, read_swapped_gold: bool = False
) -> QuoteScores:
    """Score (text, gold attributions, predicted attributions) triples; `read_swapped_gold` reads gold
    records whose source and cue labels are swapped (`swapped_labels`) the right way round."""
    all_counts, direct_counts = _Counts(), _Counts()
    n = 0
    for text, gold_records, pred_records in docs:
        n += 1
        if read_swapped_gold:
            gold_records = [read_swapped_labels(text, r) for r in gold_records]
        gold = [_Item(text, r) for r in gold_records]
        pred = [_Item(text, r) for r in pred_records]
        gold = [g for g in gold if g.content]
        pred = [p for p in pred if p.content]
        all_counts.add(gold, pred)
        direct_counts.add([g for g in gold if g.direct], [p for p in pred if p.direct])
    return QuoteScores(documents=n, missing_documents=0, all=all_counts.scores(), direct=direct_counts.scores())


def evaluate_files(gold_path: Path, pred_path: Path, root: Path | None = None) -> QuoteScores:
    """Score a prediction file against PolNeAR gold; texts are read from `root` (default: gold's folder)."""
    root = root or gold_path.parent
    gold = first_annotation_per_file(read_jsonl(gold_path))
    predicted: dict[str, list[dict[str, Any]]] = {}
    for row in read_jsonl(pred_path):
        if "filename" not in row:
            raise InputError(f"{pred_path}: a line has no 'filename'")
        predicted[row["filename"]] = list(row.get("attributions") or [])
    missing = sum(1 for name in gold if name not in predicted)
    docs = (
        (read_text(root, row["text_file"]), list(row.get("attributions") or []), predicted.get(name, []))
        for name, row in gold.items()
    )
    scores = score_documents(docs)
    return scores.model_copy(update={"missing_documents": missing})
