"""Train the fast (lexical) check-worthiness model and write it to src/newsprobe/weights/claims/.

Recipe: sublinear TF-IDF over normalised word uni+bigrams (min_df=2) + dense cues (quantities,
opinion, claim types), L2 logistic regression (C=3), fitted on CT24 train only. Both cuts come from
cross-debate predictions on train (5 folds, each debate in one fold): `f1_threshold` maximises F1
(smoothed), `threshold` (the report's) is the lowest cut with held-out precision >= PRECISION_TARGET.
dev and dev-test are never used for fitting or for the cuts, only reported.

    OMP_NUM_THREADS=1 .venv/bin/python training/claims/train_lexical.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    MODEL_DIR,
    PRECISION_TARGET,
    at_both_cuts,
    best_threshold,
    debate_folds,
    load_split,
    precision_threshold,
    record_profile,
)

from newsprobe.analyse._numeric import sigmoid
from newsprobe.analyse.claims.lexical import LexicalModel, analyse_text, dense_features

C = 3.0
MIN_DF = 2


def featurise(vectoriser: TfidfVectorizer, texts: list[str], fit: bool = False) -> sparse.csr_matrix:
    words = vectoriser.fit_transform(texts) if fit else vectoriser.transform(texts)
    dense = sparse.csr_matrix(np.array([dense_features(text) for text in texts]))
    return sparse.hstack([words, dense]).tocsr()


def fit(texts: list[str], labels: np.ndarray) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectoriser = TfidfVectorizer(analyzer=analyse_text, sublinear_tf=True, min_df=MIN_DF)
    model = LogisticRegression(C=C, max_iter=3000).fit(featurise(vectoriser, texts, fit=True), labels)
    return vectoriser, model


def out_of_fold(texts: list[str], labels: np.ndarray, fold: np.ndarray | None = None) -> np.ndarray:
    """Held-out probabilities on train; by default whole debates are held out (`debate_folds`)."""
    fold = debate_folds() if fold is None else fold
    probability = np.zeros(len(texts))
    for k in range(int(fold.max()) + 1):
        train_at, test_at = np.where(fold != k)[0], np.where(fold == k)[0]
        vectoriser, model = fit([texts[i] for i in train_at], labels[train_at])
        probability[test_at] = model.predict_proba(featurise(vectoriser, [texts[i] for i in test_at]))[:, 1]
    return probability


def export(vectoriser: TfidfVectorizer, model: LogisticRegression) -> LexicalModel:
    n_words = len(vectoriser.vocabulary_)
    coef = model.coef_[0]
    return LexicalModel(
        vocabulary=dict(vectoriser.vocabulary_),
        idf=vectoriser.idf_.copy(),
        word_weights=coef[:n_words].copy(),
        dense_weights=coef[n_words:].copy(),
        bias=float(model.intercept_[0]),
    )


def main() -> None:
    texts, labels = load_split("train")
    oof = out_of_fold(texts, labels)
    f1_threshold, threshold = best_threshold(labels, oof), precision_threshold(labels, oof)
    vectoriser, model = fit(texts, labels)
    lexical = export(vectoriser, model)
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    lexical.save(MODEL_DIR)
    shipped = LexicalModel.load(MODEL_DIR)
    report = at_both_cuts("cross_debate_train", labels, oof, f1_threshold, threshold)
    for split in ("dev", "dev-test"):
        split_texts, split_labels = load_split(split)
        reference = model.decision_function(featurise(vectoriser, split_texts))
        logits = shipped.logits(split_texts)
        assert np.allclose(reference, logits, atol=1e-3), "runtime features differ from training features"
        report |= at_both_cuts(split, split_labels, sigmoid(logits), f1_threshold, threshold)
    record_profile(
        "fast",
        {
            "kind": "lexical",
            "threshold": threshold,
            "f1_threshold": f1_threshold,
            "precision_target": PRECISION_TARGET,
            "C": C,
            "min_df": MIN_DF,
            "vocabulary": len(lexical.vocabulary),
            "metrics": report,
        },
    )


if __name__ == "__main__":
    main()
