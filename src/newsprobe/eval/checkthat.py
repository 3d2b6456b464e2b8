"""The check-worthiness contract (CheckThat! 2024 Task 1): the TSV format, `predict` and the F1(Yes) scorer.

Input: tab-separated, a header with `Sentence_id`, `Text` and optionally `class_label`;
CRLF or LF line ends; some texts wrapped in CSV-style double quotes. Output: `Sentence_id<TAB>label`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field

from ..analyse.base import Profile
from ..analyse.claims import load_scorer
from ..errors import InputError

__all__ = [
    "CheckworthyScores",
    "LabelledSentence",
    "NO",
    "YES",
    "evaluate",
    "evaluate_files",
    "format_predictions",
    "predict",
    "predict_file",
    "read_labels",
    "read_sentences",
]


YES = "Yes"
NO = "No"
ID_COLUMN = "Sentence_id"
TEXT_COLUMN = "Text"
GOLD_COLUMN = "class_label"
PRED_COLUMN = "label"


@dataclass(frozen=True)
class LabelledSentence:
    sentence_id: str
    text: str
    label: str | None = None

    @property
    def is_yes(self) -> bool:
        return self.label == YES


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter="\t", quotechar='"')
    rows = [row for row in reader if row and any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(f"{path}: empty file, expected a header line")
    header = [cell.strip() for cell in rows[0]]
    return header, rows[1:]


def _column(header: list[str], name: str, path: Path) -> int:
    lowered = [cell.casefold() for cell in header]
    if name.casefold() not in lowered:
        shown = ", ".join(repr(column[:40]) for column in header[:8]) + (", …" if len(header) > 8 else "")
        raise InputError(f"{path}: missing column {name!r} in the header line (its columns: {shown})")
    return lowered.index(name.casefold())


def _normalise_label(value: str, path: Path) -> str:
    cleaned = value.strip().casefold()
    if cleaned in {"yes", "1", "true"}:
        return YES
    if cleaned in {"no", "0", "false"}:
        return NO
    raise InputError(f"{path}: label {value!r} is neither Yes nor No")


def read_sentences(path: Path) -> list[LabelledSentence]:
    """Sentences of a CheckThat! TSV, with their gold label when the file has `class_label`."""
    header, rows = _rows(path)
    id_at, text_at = _column(header, ID_COLUMN, path), _column(header, TEXT_COLUMN, path)
    gold_at = _column(header, GOLD_COLUMN, path) if GOLD_COLUMN.casefold() in map(str.casefold, header) else None
    sentences = []
    for number, row in enumerate(rows, start=2):
        if len(row) <= max(id_at, text_at):
            raise InputError(f"{path}: row {number} has {len(row)} column(s), expected {len(header)}")
        label = _normalise_label(row[gold_at], path) if gold_at is not None and gold_at < len(row) else None
        sentences.append(LabelledSentence(row[id_at].strip(), row[text_at], label))
    return sentences


def read_labels(path: Path) -> dict[str, str]:
    """Sentence_id -> Yes/No from a gold file (`class_label`) or a prediction file (`label`)."""
    header, rows = _rows(path)
    id_at = _column(header, ID_COLUMN, path)
    lowered = [cell.casefold() for cell in header]
    name = GOLD_COLUMN if GOLD_COLUMN in lowered else PRED_COLUMN
    label_at = _column(header, name, path)
    labels: dict[str, str] = {}
    for number, row in enumerate(rows, start=2):
        if len(row) <= max(id_at, label_at):
            raise InputError(f"{path}: row {number} has no {name} value")
        labels[row[id_at].strip()] = _normalise_label(row[label_at], path)
    return labels


def format_predictions(pairs: Iterable[tuple[str, bool]]) -> str:
    lines = [f"{ID_COLUMN}\t{PRED_COLUMN}"]
    lines += [f"{sentence_id}\t{YES if is_yes else NO}" for sentence_id, is_yes in pairs]
    return "\n".join(lines) + "\n"


BATCH = 256


class CheckworthyScores(BaseModel):
    f1: float = Field(description="F1 of the Yes class (the official CheckThat! metric).")
    precision: float
    recall: float
    accuracy: float
    gold: int = Field(description="Sentences in the gold file.")
    gold_yes: int
    predicted_yes: int
    missing: int = Field(description="Gold sentences without a prediction (counted as No).")


def predict(sentences: Sequence[LabelledSentence], profile: Profile = "accurate") -> list[tuple[str, bool]]:
    """Yes/No per sentence at the scorer's F1 cut (the benchmark's metric), not the report's precision cut."""
    scorer = load_scorer(profile)
    labels: list[tuple[str, bool]] = []
    for start in range(0, len(sentences), BATCH):
        batch = sentences[start : start + BATCH]
        probabilities = scorer.probabilities([s.text for s in batch])
        labels += [(s.sentence_id, bool(p >= scorer.f1_threshold)) for s, p in zip(batch, probabilities, strict=True)]
    return labels


def predict_file(path: Path, profile: Profile = "accurate") -> str:
    """The prediction TSV (`Sentence_id<TAB>label`, header included) for a CheckThat! input file."""
    return format_predictions(predict(read_sentences(path), profile))


def evaluate(gold: dict[str, str], predicted: dict[str, str]) -> CheckworthyScores:
    tp = fp = fn = tn = 0
    for sentence_id, label in gold.items():
        says_yes = predicted.get(sentence_id) == YES
        is_yes = label == YES
        tp += is_yes and says_yes
        fp += says_yes and not is_yes
        fn += is_yes and not says_yes
        tn += not is_yes and not says_yes
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return CheckworthyScores(
        f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        precision=precision,
        recall=recall,
        accuracy=(tp + tn) / len(gold) if gold else 0.0,
        gold=len(gold),
        gold_yes=tp + fn,
        predicted_yes=tp + fp,
        missing=sum(1 for sentence_id in gold if sentence_id not in predicted),
    )


def evaluate_files(gold_path: Path, predicted_path: Path) -> CheckworthyScores:
    return evaluate(read_labels(gold_path), read_labels(predicted_path))
