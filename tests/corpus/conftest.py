"""Small corpora built in tmp dirs from texts read at test time (nothing copied into the repo)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from newsprobe.corpus import RunOptions, query, run_corpus

OUTLETS = [("rt.com", "RT"), ("sputniknews.com", "Sputnik"), ("example-blog.net", "Example Blog"), ("bbc.co.uk", "BBC")]


def ptc_texts(shared_data: Path, count: int) -> list[str]:
    folder = shared_data / "ptc" / "train" / "train-articles"
    if not folder.is_dir():
        pytest.skip(f"shared data not found: {folder}")
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))[:count]]


def write_jsonl(path: Path, rows: list[object]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row)) + "\n")
    return path


def corpus_rows(texts: list[str]) -> list[dict[str, str]]:
    """One row per text, spread over four outlets and three months, plus an uncredited late copy of the first."""
    rows = []
    for index, text in enumerate(texts):
        domain, outlet = OUTLETS[index % len(OUTLETS)]
        rows.append(
            {
                "text": text,
                "url": f"https://www.{domain}/news/{index}?utm_source=feed",
                "published": f"2019-0{1 + index % 3}-{10 + index:02d}",
                "outlet": outlet,
            }
        )
    rows.append(
        {
            "text": texts[0],
            "url": "https://example-blog.net/copied-story",
            "published": "2019-06-01",
            "outlet": "Example Blog",
        }
    )
    return rows


@pytest.fixture(scope="session")
def small_jsonl(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """8 articles + 1 late uncredited copy + 1 document without text + 1 line that is not JSON."""
    rows: list[object] = list(corpus_rows(ptc_texts(shared_data, 8)))
    rows += [{"html": "<html><body></body></html>", "url": "https://example.org/empty"}, "{not json"]
    return write_jsonl(tmp_path_factory.mktemp("jsonl") / "articles.jsonl", rows)


@pytest.fixture(scope="session")
def small_store(small_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small JSONL run once (in-process, fast profile, entities + quotes)."""
    store = tmp_path_factory.mktemp("store")
    run_corpus(
        RunOptions(
            inputs=[str(small_jsonl)],
            store=store,
            workers=1,
            analyses=["entities", "quotes"],
            profile="fast",
            quiet=True,
            batch_size=3,
        )
    )
    return store


# ---------------------------------------------------------------- near-duplicates

PAIR = "SELECT a_id, b_id, jaccard, a_in_b, b_in_a FROM near_duplicates"


def copies(text: str, kind: str, rng: random.Random, filler: list[str]) -> str:
    words = text.split()
    if kind == "intro":
        return " ".join(rng.sample(filler, 3)) + "\n\n" + text
    if kind == "trim":
        return " ".join(words[: int(len(words) * rng.uniform(0.5, 0.9))])
    if kind == "stripped":
        lines = [line for line in text.split("\n") if line.strip()]
        return "\n".join(lines[1:-1])
    if kind == "excerpt":
        keep = int(len(words) * rng.uniform(0.2, 0.45))
        start = rng.randint(0, len(words) - keep)
        return " ".join(words[start : start + keep])
    return text


@pytest.fixture(scope="session")
def corpus(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 RT originals, a copy of each at a blog 10 days later (five kinds in turn), 30 unrelated articles."""
    texts = [t for t in ptc_texts(shared_data, 120) if len(t.split()) >= 250][:60]
    rng = random.Random(7)
    filler = [line for text in texts[30:] for line in text.split("\n") if len(line.split()) > 8]
    rows: list[object] = []
    for number, text in enumerate(texts[:30]):
        kind = ("exact", "intro", "trim", "stripped", "excerpt")[number % 5]
        rows.append({"text": text, "url": f"https://www.rt.com/news/{number}", "published": "2019-03-01"})
        rows.append(
            {
                "text": copies(text, kind, rng, filler),
                "url": f"https://example-blog.net/{kind}/{number}",
                "published": "2019-03-11",
            }
        )
    for number, text in enumerate(texts[30:]):
        rows.append({"text": text, "url": f"https://www.bbc.co.uk/news/{number}", "published": "2019-02-01"})
    rng.shuffle(rows)
    return write_jsonl(tmp_path_factory.mktemp("dups") / "corpus.jsonl", rows)


def run(corpus: Path, store: Path, engine: str = "local", workers: int = 1, **extra: Any) -> None:
    options = dict(workers=workers, analyses=[], profile="fast", quiet=True, batch_size=8)
    run_corpus(RunOptions(inputs=[str(corpus)], store=store, engine=engine, **{**options, **extra}))


def rows(store: Path, sql: str) -> list[tuple[object, ...]]:
    return sorted((tuple(row.values()) for row in query(store, sql).to_pylist()), key=repr)


@pytest.fixture(scope="session")
def store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("store")
    run(corpus, store)
    return store
