"""Small corpora built in tmp dirs from texts read at test time (nothing copied into the repo)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
    from newsprobe.corpus import RunOptions, run_corpus

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
