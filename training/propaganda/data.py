"""Training data: PTC train articles with gold spans, and the fixed validation split by article id."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from pathlib import Path

from newsprobe.eval.semeval_ptc import LabelledSpan, read_articles, read_labels

PTC = Path(os.environ.get("NEWSPROBE_PTC", Path(__file__).resolve().parents[3] / "shared" / "data" / "ptc"))
TRAIN_DIR = PTC / "train"
VALIDATION_SHARE = 0.2  # of article ids, chosen by hash so the split never changes


def is_validation(article_id: str) -> bool:
    digest = hashlib.sha256(f"newsprobe-propaganda:{article_id}".encode()).digest()
    return digest[0] < int(256 * VALIDATION_SHARE)


def load_train() -> tuple[dict[str, str], dict[str, list[LabelledSpan]]]:
    articles = read_articles(TRAIN_DIR / "train-articles")
    spans: dict[str, list[LabelledSpan]] = defaultdict(list)
    for span in read_labels(TRAIN_DIR / "train-task-flc-tc.labels"):
        spans[span.article_id].append(span)
    return articles, spans


def split_ids(article_ids: list[str]) -> tuple[list[str], list[str]]:
    train = [a for a in article_ids if not is_validation(a)]
    validation = [a for a in article_ids if is_validation(a)]
    return train, validation
