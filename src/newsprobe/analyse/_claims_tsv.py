"""Read and write the CheckThat! 2024 check-worthiness TSV format.

Input: tab-separated, a header with `Sentence_id`, `Text` and optionally `class_label`;
CRLF or LF line ends; some texts wrapped in CSV-style double quotes. Output: `Sentence_id<TAB>label`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["LabelledSentence", "read_sentences", "read_labels", "format_predictions", "YES", "NO"]

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
        raise InputError(f"{path}: missing column {name!r} in header {header!r}")
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
