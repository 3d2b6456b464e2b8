"""Corpus explorer benchmark: the filtered article list over HTTP on a 100,000-article store.

The store is built quickly through the store's own write path (`CorpusStore.write_batch`) with
synthetic but realistic rows instead of analysing 100k articles: texts are real PTC train articles
(cycled, each copy given its own id and date), outlets are drawn from real domains of the outlet table
(state media among them), with a provenance verdict, quotes by speakers drawn from a pool, claims,
and propaganda summaries and spans in the proportions a real run gives.

Text searches (`text=`) use the store's full-text index (`corpus/search_index.py`, DIR/search.sqlite);
its one-time build is timed before the server starts (and kept with a reused store, like the store).

Each query is one GET of `/api/v1/corpus/articles?...` (JSON, 50 rows, counts included) against a
live `newsprobe serve --store` server; warm-up requests are not timed. Target (issue 19): p95 < 300 ms
for a filtered list on 2 cores. The machine is shared, so the numbers are upper bounds on latency;
the 1-minute load average is recorded before and after.

    .venv/bin/python bench/explorer.py [--articles 100000] [--store DIR] [--repeat 20]

`--store DIR` reuses the store there (building it there first if it is missing).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SHARED_DATA, print_table, write_result  # noqa: E402

QUERIES = {
    "baseline: GET /healthz (no store)": None,
    "no filter (newest first)": "",
    "outlet": "domain=rt.com",
    "verdict": "verdict=uncredited_copy",
    "language + date range": "language=en&since=2019-03&until=2019-06",
    "technique": "technique=Loaded+language",
    "speaker": "speaker=Sergey+Lavrov",
    "verdict + outlet, sorted by title": "verdict=original&domain=bbc.co.uk&sort=title",
    "deep page (offset 5000)": "offset=5000",
    "title words": "q=trump",
    "text word (full-text index)": "text=vaccine",
    "text phrase": "text=%22climate+change%22",
    "text word in every article": "text=the",
    "text prefix + outlet": "text=vaccin*&domain=rt.com",
}
VERDICTS = [
    ("original", 0.55),
    ("attributed_republication", 0.2),
    ("wire_copy", 0.1),
    ("uncredited_copy", 0.12),
    ("suspected_laundering", 0.03),
]
SPEAKERS = [
    "Sergey Lavrov",
    "Donald Trump",
    "Vladimir Putin",
    "Angela Merkel",
    "Emmanuel Macron",
    "Xi Jinping",
    "Antonio Guterres",
    "Boris Johnson",
    "Maria Zakharova",
    "Mike Pompeo",
] + [f"Speaker {i}" for i in range(490)]
TECHNIQUES = [
    ("Loaded_Language", "Loaded language"),
    ("Name_Calling,Labeling", "Name calling or labelling"),
    ("Repetition", "Repetition"),
    ("Doubt", "Doubt"),
    ("Exaggeration,Minimisation", "Exaggeration or minimisation"),
    ("Flag-Waving", "Flag-waving"),
    ("Appeal_to_fear-prejudice", "Appeal to fear or prejudice"),
]


def texts() -> list[str]:
    folder = SHARED_DATA / "ptc" / "train" / "train-articles"
    found = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not found:
        raise SystemExit(f"no PTC texts in {folder}")
    return found


def outlets() -> list[dict[str, Any]]:
    """Real outlet rows (as `corpus run` writes them): state media first, then other rated outlets."""
    from newsprobe.corpus.syndication import outlet_row
    from newsprobe.outlets import database

    db = database()
    chosen = db.list_outlets(flag="state", limit=40) + db.list_outlets(limit=160, offset=2000)
    domains = [p.domain for p in chosen if p.domain] + ["rt.com", "bbc.co.uk", "sputniknews.com", "globalresearch.ca"]
    return [outlet_row(domain) for domain in dict.fromkeys(domains)]


def document_rows(index: int, text: str, outlet: dict[str, Any], rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    article_id = f"s{index:09d}"
    title = text.split("\n", 1)[0][:200]
    day = f"2019-{1 + index % 12:02d}-{1 + index % 28:02d}"
    verdict = rng.choices([v for v, _ in VERDICTS], [w for _, w in VERDICTS])[0]
    sentences = [s for s in text.replace("\n", " ").split(". ") if s][:40]
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [
            {
                "id": article_id,
                "source": f"synthetic:{index}",
                "url": f"https://{outlet['domain']}/{index}",
                "outlet": outlet["name"] or outlet["domain"],
                "domain": outlet["domain"],
                "published": day,
                "title": title,
                "language": "en" if rng.random() < 0.9 else "de",
                "words": len(text.split()),
                "text": text,
                "profile": "fast",
                "run_id": "synthetic",
                "added": "2026-12-01T00:00:00",
                "genre": "news",
            }
        ],
        "provenance": [
            {
                "article_id": article_id,
                "verdict": verdict,
                "confidence": 0.8,
                "explanation": "synthetic row",
                "host_name": outlet["name"] or outlet["domain"],
                "host_domain": outlet["domain"],
            }
        ],
        "quotes": [],
        "claims": [],
        "propaganda_spans": [],
    }
    for q in range(rng.randint(0, 8)):
        speaker = rng.choice(SPEAKERS) if rng.random() < 0.7 else None
        rows["quotes"].append(
            {
                "article_id": article_id,
                "attribution_id": q,
                "speaker": speaker,
                "speaker_kind": "person" if speaker else None,
                "content": rng.choice(sentences),
                "direct": q % 2 == 0,
                "style": "direct" if q % 2 == 0 else "indirect",
            }
        )
    for rank, sentence in enumerate(sentences[:12]):
        rows["claims"].append(
            {
                "article_id": article_id,
                "rank": rank + 1,
                "text": sentence,
                "score": 0.9 - rank / 20,
                "checkworthy": rank < 3,
                "label": "check-worthy" if rank < 3 else "lower priority",
            }
        )
    spans = rng.randint(0, 6)
    for s in range(spans):
        technique, name = rng.choice(TECHNIQUES)
        rows["propaganda_spans"].append(
            {
                "article_id": article_id,
                "span_index": s,
                "in_title": False,
                "text": rng.choice(sentences)[:60],
                "technique": technique,
                "technique_name": name,
                "technique_confidence": 0.6,
                "confidence": 0.7,
            }
        )
    rows["propaganda"] = [
        {
            "article_id": article_id,
            "model": "synthetic",
            "spans": spans,
            "sentences": len(sentences),
            "sentences_with_propaganda": min(spans, len(sentences)),
        }
    ]
    return rows


def build_store(directory: Path, count: int) -> float:
    from newsprobe.corpus.store import CorpusStore

    rng = random.Random(19)
    pool, known = texts(), outlets()
    weights = [1 / (rank + 1) for rank in range(len(known))]  # a few outlets publish most of the corpus
    started = time.perf_counter()
    with CorpusStore(directory) as store:
        store.write_batch([{"outlets": known}])
        batch = []
        for index in range(count):
            batch.append(document_rows(index, pool[index % len(pool)], rng.choices(known, weights)[0], rng))
            if len(batch) == 2000:
                store.write_batch(batch)
                batch = []
        if batch:
            store.write_batch(batch)
        store.compact("bench")  # as a run leaves it: one file per table
    return time.perf_counter() - started


def build_text_index(store: Path) -> float:
    """Build the store's full-text index (as the first text search does) and time it."""
    from newsprobe.corpus.explore import open_reader
    from newsprobe.corpus.search_index import matching_ids

    started = time.perf_counter()
    with open_reader(store) as reader:
        matching_ids(reader, store, "vaccine")
    return time.perf_counter() - started


def serve(store: Path) -> tuple[str, Any]:
    import uvicorn

    from newsprobe.web import WebSettings, create_app

    app = create_app(WebSettings(store=store, rate_per_minute=0, warm_up=False))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", (server, thread)


def measure(base: str, repeat: int) -> list[dict[str, Any]]:
    import httpx

    results = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, query in QUERIES.items():
            url = "/healthz" if query is None else "/api/v1/corpus/articles" + (f"?{query}" if query else "")
            first = client.get(url)
            first.raise_for_status()
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                client.get(url).raise_for_status()
                times.append(1000 * (time.perf_counter() - started))
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            results.append(
                {
                    "query": name,
                    "params": query,
                    "total": first.json().get("total"),
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(p95, 1),
                }
            )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="reuse (or create) the store here")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    store = args.store or Path(tempfile.mkdtemp(prefix="explorer-store-"))
    record = store / "build-seconds.txt"  # kept with a reused store
    if not (store / "store.json").exists():
        record.parent.mkdir(parents=True, exist_ok=True)
        seconds = build_store(store, args.articles)
        record.write_text(f"{seconds:.1f}\n")
    build_seconds = float(record.read_text()) if record.exists() else None
    index_record = store / "text-index-seconds.txt"
    if not (store / "search.sqlite").exists():
        index_record.write_text(f"{build_text_index(store):.1f}\n")
    index_seconds = float(index_record.read_text()) if index_record.exists() else None
    load_before = os.getloadavg()[0]
    base, (server, thread) = serve(store)
    try:
        results = measure(base, args.repeat)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    load_after = os.getloadavg()[0]
    # the target's "filtered list": any filter (not the baseline, not the deep page)
    filtered = [r for r in results if r["params"] and not r["params"].startswith("offset")]
    text = [r for r in results if r["params"] and r["params"].startswith("text=")]
    print_table(
        f"Filtered article list, {args.articles:,} articles (GET /api/v1/corpus/articles, 50 rows)",
        ["query", "matches", "p50 ms", "p95 ms"],
        [[r["query"], f"{r['total']:,}" if r["total"] is not None else "", r["p50_ms"], r["p95_ms"]] for r in results],
    )
    path = write_result(
        "explorer",
        {
            "articles": args.articles,
            "store_build_seconds": build_seconds,
            "text_index_build_seconds": index_seconds,
            "repeat": args.repeat,
            "load_average_1min": {"before": round(load_before, 2), "after": round(load_after, 2)},
            "filtered_p95_ms_max": max(r["p95_ms"] for r in filtered),
            "text_search_p95_ms_max": max(r["p95_ms"] for r in text),
            "results": results,
            "note": "Shared 2-core machine with a niced training and other test runs: latencies are upper bounds.",
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
