"""The library side of the check-worthiness evaluation contract (CheckThat! 2024 Task 1 format)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from ._claims_model import load_scorer
from ._claims_tsv import YES, LabelledSentence, format_predictions, read_labels, read_sentences

__all__ = ["CheckworthyScores", "evaluate", "evaluate_files", "predict", "predict_file"]

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


def predict(sentences: Sequence[LabelledSentence], profile: str = "accurate") -> list[tuple[str, bool]]:
    scorer = load_scorer(profile)
    labels: list[tuple[str, bool]] = []
    for start in range(0, len(sentences), BATCH):
        batch = sentences[start : start + BATCH]
        probabilities = scorer.probabilities([s.text for s in batch])
        labels += [(s.sentence_id, bool(p >= scorer.threshold)) for s, p in zip(batch, probabilities)]
    return labels


def predict_file(path: Path, profile: str = "accurate") -> str:
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
