"""Self-contained readers of the shared data and the token windows every task trains on.

No direct newsprobe import (sources.py holds the few that remain: scorers, span merging). Formats are those
documented in each data folder's README under ../shared/data:

- PTC (SemEval-2020 T11): `article<ID>.txt` (UTF-8, no newline translation), TC labels
  `ID<TAB>technique<TAB>start<TAB>end`, code-point offsets, end exclusive. Validation split:
  sha256("newsprobe-propaganda:<id>")[0] < 51 (the project's split, 80 articles).
- CT24: TSV with header `Sentence_id, Text, class_label`, CSV quoting, CRLF in dev files.
- PolNeAR: `polnear_<split>.jsonl`, one line per annotation file; the alphabetically first annotator
  per article; offsets are Python string indices into `text_file` (relative to the polnear folder).

Windows: `<s>` + at most 510 body tokens + `</s>`; long documents are cut with at least 64
tokens shared by consecutive windows (each token is later read from the window where it sits
farthest from an edge).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sources import span_merger, window_bounds

SHARED = Path(os.environ.get("NEWSPROBE_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))
PTC_TRAIN = SHARED / "ptc" / "train"
PTC_TEST = SHARED / "ptc" / "test"
CT24 = SHARED / "checkworthy" / "ct24_english"
POLNEAR = SHARED / "quotes" / "polnear"

TECHNIQUES: tuple[str, ...] = (
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Doubt",
    "Exaggeration,Minimisation",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Appeal_to_Authority",
    "Slogans",
    "Black-and-White_Fallacy",
    "Whataboutism,Straw_Men,Red_Herring",
    "Thought-terminating_Cliches",
    "Bandwagon,Reductio_ad_hitlerum",
)  # the order of newsprobe's technique table (checked in sources.check_techniques)
QUOTE_TAGS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
SI_TAGS = ("O", "B", "I")

MAX_SENTENCE = 126
IGNORE = -100


# ---------------------------------------------------------------- raw readers


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def is_ptc_validation(article_id: str) -> bool:
    return hashlib.sha256(f"newsprobe-propaganda:{article_id}".encode()).digest()[0] < int(256 * 0.2)


def read_ptc_articles(directory: Path) -> dict[str, str]:
    out = {}
    for path in sorted(directory.glob("article*.txt")):
        out[path.stem[len("article") :]] = read_text(path)
    return out


def read_ptc_spans(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for line in read_text(path).splitlines():
        if line.strip():
            article_id, technique, start, end = line.rstrip("\r\n").split("\t")[:4]
            spans.setdefault(article_id, []).append((int(start), int(end), technique))
    return spans


def ptc_train() -> tuple[dict[str, str], dict[str, list[tuple[int, int, str]]]]:
    return read_ptc_articles(PTC_TRAIN / "train-articles"), read_ptc_spans(PTC_TRAIN / "train-task-flc-tc.labels")


def read_ct24(split: str) -> list[tuple[str, str, int]]:
    """(sentence id, text, 1 if Yes) rows of CT24_checkworthy_english_<split>.tsv."""
    raw = (CT24 / f"CT24_checkworthy_english_{split}.tsv").read_text(encoding="utf-8-sig")
    rows = [
        r
        for r in csv.reader(io.StringIO(raw, newline=""), delimiter="\t", quotechar='"')
        if r and any(c.strip() for c in r)
    ]
    header = [c.strip().lower() for c in rows[0]]
    at_id, at_text, at_label = header.index("sentence_id"), header.index("text"), header.index("class_label")
    return [(r[at_id].strip(), r[at_text], int(r[at_label].strip().lower() == "yes")) for r in rows[1:]]


def read_polnear(split: str) -> list[dict]:
    """One record per article (first annotator alphabetically), in file order, with its text."""
    chosen: dict[str, dict] = {}
    for line in (POLNEAR / f"polnear_{split}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            current = chosen.get(row["filename"])
            if current is None or str(row.get("annotator", "")) < str(current.get("annotator", "")):
                chosen[row["filename"]] = row
    for row in chosen.values():
        row["text"] = read_text(POLNEAR / row["text_file"])
    return list(chosen.values())


# ---------------------------------------------------------------- tokens and targets


def load_tokenizer(model_dir: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
    tokenizer.no_padding()  # the shipped file pads and truncates to 128
    tokenizer.no_truncation()
    return tokenizer


def special_ids(tokenizer) -> tuple[int, int, int]:
    return tokenizer.token_to_id("<s>"), tokenizer.token_to_id("</s>"), tokenizer.token_to_id("<pad>")


def tokens_inside(offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    """Token indices with at least half their characters inside [start, end)."""
    s, e = offsets[:, 0], offsets[:, 1]
    overlap = np.minimum(e, end) - np.maximum(s, start)
    return np.where((e > s) & (overlap * 2 >= (e - s)) & (overlap > 0))[0]


def bio(
    n: int, offsets: np.ndarray, spans: list[tuple[int, int]], b: int = 1, i: int = 2, tags: np.ndarray | None = None
) -> np.ndarray:
    tags = np.zeros(n, dtype=np.int8) if tags is None else tags
    for start, end in spans:
        inside = tokens_inside(offsets, start, end)
        if len(inside):
            tags[inside] = i
            tags[inside[0]] = b
    return tags


@dataclass
class Doc:
    """A tokenised document: ids and char offsets of its body tokens, token targets, spans."""

    key: str
    text: str
    ids: np.ndarray
    offsets: np.ndarray  # (n, 2) char offsets
    tags: np.ndarray | None = None  # int8 per token (SI or quote tags)
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (first token, last token + 1, technique)
    char_spans: list[tuple[int, int, str]] = field(default_factory=list)  # gold (start, end, technique)
    label: int = -1  # sentence label (CT24)
    gold: list = field(default_factory=list)  # PolNeAR gold attribution records


def tokenise(tokenizer, text: str) -> tuple[np.ndarray, np.ndarray]:
    encoding = tokenizer.encode(text, add_special_tokens=False)
    ids = np.array(encoding.ids, dtype=np.int32)
    offsets = np.array(encoding.offsets, dtype=np.int32).reshape(-1, 2)
    return ids, offsets


def ptc_docs(tokenizer, articles: dict[str, str], spans: dict[str, list[tuple[int, int, str]]] | None) -> list[Doc]:
    docs = []
    for article_id, text in articles.items():
        ids, offsets = tokenise(tokenizer, text)
        gold = (spans or {}).get(article_id, [])
        tags = bio(len(ids), offsets, span_merger()([(s, e) for s, e, _ in gold]))
        token_spans = []
        for start, end, technique in gold:
            inside = tokens_inside(offsets, start, end)
            if len(inside) and technique in TECHNIQUES:
                token_spans.append((int(inside[0]), int(inside[-1]) + 1, TECHNIQUES.index(technique)))
        docs.append(Doc(article_id, text, ids, offsets, tags if spans is not None else None, token_spans, list(gold)))
    return docs


def ct24_docs(tokenizer, split: str) -> list[Doc]:
    docs = []
    for sentence_id, text, label in read_ct24(split):
        ids, offsets = tokenise(tokenizer, text)
        docs.append(Doc(sentence_id, text, ids[:MAX_SENTENCE], offsets[:MAX_SENTENCE], label=label))
    return docs


def polnear_docs(tokenizer, split: str) -> list[Doc]:
    docs = []
    for row in read_polnear(split):
        text = row["text"]
        ids, offsets = tokenise(tokenizer, text)
        tags = np.zeros(len(ids), dtype=np.int8)
        for record in row.get("attributions") or []:
            for key, b in (("content", 5), ("content2", 5), ("source", 1), ("cue", 3)):
                bio(len(ids), offsets, [tuple(p) for p in record.get(key) or []], b, b + 1, tags)
        docs.append(Doc(row["filename"], text, ids, offsets, tags, gold=list(row.get("attributions") or [])))
    return docs


# ---------------------------------------------------------------- windows


@dataclass
class WindowSet:
    """Windows of one task split, flattened: token k of window w sits at row offset[w] + k of the
    cache (row 0 of a window is <s>, the last is </s>)."""

    ids: np.ndarray  # int32, all window tokens concatenated (specials included)
    offset: np.ndarray  # int64 (n_windows,)
    length: np.ndarray  # int32 (n_windows,)
    doc: np.ndarray  # int32 (n_windows,) document index
    first: np.ndarray  # int32 (n_windows,) index of the window's first body token in its document

    def save(self, path: Path) -> None:
        np.savez(path, ids=self.ids, offset=self.offset, length=self.length, doc=self.doc, first=self.first)

    @classmethod
    def load(cls, path: Path) -> WindowSet:
        z = np.load(path)
        return cls(z["ids"], z["offset"], z["length"], z["doc"], z["first"])

    @property
    def tokens(self) -> int:
        return int(self.length.sum())


def make_windows(docs: list[Doc], bos: int, eos: int) -> WindowSet:
    ids, offset, length, doc_index, first = [], [], [], [], []
    at = 0
    for d_i, doc in enumerate(docs):
        for start, end in window_bounds(len(doc.ids)):
            body = doc.ids[start:end]
            piece = np.concatenate([[bos], body, [eos]]).astype(np.int32)
            ids.append(piece)
            offset.append(at)
            length.append(len(piece))
            doc_index.append(d_i)
            first.append(start)
            at += len(piece)
    return WindowSet(
        np.concatenate(ids),
        np.array(offset, np.int64),
        np.array(length, np.int32),
        np.array(doc_index, np.int32),
        np.array(first, np.int32),
    )


def best_window_rows(docs: list[Doc], windows: WindowSet) -> list[np.ndarray]:
    """Per document, per body token: the cache row to read it from (the window where the token is
    farthest from an edge)."""
    out = [np.full(len(d.ids), -1, np.int64) for d in docs]
    margin = [np.full(len(d.ids), -1, np.int64) for d in docs]
    for w in range(len(windows.offset)):
        d, first, n_body = windows.doc[w], windows.first[w], windows.length[w] - 2
        k = np.arange(n_body)
        m = np.minimum(k, n_body - 1 - k)
        tok = first + k
        better = m > margin[d][tok]
        out[d][tok[better]] = windows.offset[w] + 1 + k[better]
        margin[d][tok[better]] = m[better]
    return out


def stitch(window_outputs: list[np.ndarray], rows: list[np.ndarray]) -> list[np.ndarray]:
    """Per document, its tokens' rows of the windows' outputs (one array per window, in window order, so that
    row k of their concatenation is the cache's row k), `rows` from `best_window_rows`."""
    all_rows = np.concatenate(window_outputs)
    return [all_rows[doc_rows] for doc_rows in rows]


# ---------------------------------------------------------------- the prepared corpus


POLNEAR_TRAIN_SHARE = 2 / 3


def in_share(key: str, share: float) -> bool:
    return hashlib.sha256(key.encode()).digest()[0] < round(256 * share)


TASK_SPLITS = {
    "ptc": ("train", "val"),
    "ct24": ("train", "dev", "dev-test"),
    "polnear": ("train", "dev"),
}


def build_docs(tokenizer, task: str, split: str, polnear_share: float = POLNEAR_TRAIN_SHARE) -> list[Doc]:
    if task == "ptc":
        articles, spans = ptc_train()
        keep = [a for a in articles if is_ptc_validation(a) == (split == "val")]
        return ptc_docs(tokenizer, {a: articles[a] for a in keep}, spans)
    if task == "ptc_unlabelled":
        return ptc_docs(tokenizer, read_ptc_articles(PTC_TEST / "test-articles"), None)
    if task == "ct24":
        return ct24_docs(tokenizer, split)
    if task == "polnear":
        docs = polnear_docs(tokenizer, split)
        if split == "train":  # by default a fixed two-thirds (the time budget of a 2-core box); share 1 keeps all
            docs = [d for d in docs if in_share(f"newsprobe-encoder-polnear:{d.key}", polnear_share)]
        return docs
    raise ValueError(task)
