"""Syndication benchmark for the near-duplicate index (`newsprobe index`).

Real article texts (PTC train articles and PolNeAR train+dev texts from ../shared/data) are cleaned
of natural near-duplicates, then split into *originals* (indexed) and *distractors* (same-topic
articles that are no copies; queried, never indexed). Each original yields one query copy, cycling
through four kinds: an exact copy, a copy with a new intro (10-40 % extra words), a trimmed copy
(50-90 % of the words kept, from the top), and a copy with title, last paragraph and attribution
lines removed. The index is padded to 1k / 10k / 100k documents with synthetic articles made of
lines drawn at random from the padding texts (so padding never holds a query's text).

A query is a hit when the copy's original is among the matches sharing >= 50 % of the shorter
text; every other match is a false positive. Each size runs in its own process so that peak RSS
(VmHWM) is that size's alone. Single thread.

    .venv/bin/python bench/syndication.py [--sizes 1000 10000 100000]

Excerpts (20-45 % of an original, taken from its middle) are measured separately: they contain
only the original's text, but their Jaccard similarity with the whole original is low (0.2-0.45),
so whole-document MinHash LSH alone finds only about 70 % of them; the index's segment keys
(newsprobe/dedup/segments.py) are there for this case.

Targets (issue 3): P >= 0.98 and R >= 0.95 for copies sharing >= 50 % of their text; a
100k-document index under 1 GB RSS; query p50 < 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SHARED_DATA, print_table, write_result

from newsprobe.dedup import DocumentRecord, NearDuplicateIndex, overlap, shingle_hashes

SEED = 13
MIN_WORDS = 150
ORIGINAL_SHARE = 0.6  # indexed, and each queried once as a copy
DISTRACTOR_SHARE = 0.25  # queried, never indexed; the rest only lends lines to synthetic padding
NATURAL_DUPLICATE = 0.3  # pairs of source texts sharing this much are treated as one story
MIN_SHARED = 0.5
KINDS = ("exact", "intro", "trim", "attribution_removed")
ATTRIBUTION_LINE = re.compile(
    r"^(?:by\s|\(?(?:ap|reuters|afp)\)|.*\bcontributed\b|copyright|©|source:|this (?:article|story)"
    r"|(?:originally|first) (?:published|appeared)|reporting by|editing by)",
    re.IGNORECASE,
)
TARGETS = {"precision": 0.98, "recall": 0.95, "rss_mb_100k": 1024, "query_p50_ms": 20.0}


# ---------------------------------------------------------------- corpus


def load_texts() -> list[tuple[str, str]]:
    """(id, text) of the real articles, in a fixed order."""
    folders = [
        ("ptc", SHARED_DATA / "ptc" / "train" / "train-articles"),
        ("polnear", SHARED_DATA / "quotes" / "polnear" / "raw" / "train" / "text"),
        ("polnear", SHARED_DATA / "quotes" / "polnear" / "raw" / "dev" / "text"),
    ]
    texts = []
    for name, folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if len(text.split()) >= MIN_WORDS:
                texts.append((f"{name}:{path.stem}", text))
    return texts


def drop_natural_duplicates(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Keep a text only if it shares < NATURAL_DUPLICATE of either text with every text kept before it."""
    postings: dict[int, list[int]] = defaultdict(list)
    kept: list[tuple[str, str]] = []
    sizes: list[int] = []
    for doc_id, text in texts:
        shingles = shingle_hashes(text)
        shared = Counter(other for h in shingles.tolist() for other in postings.get(h, ()))
        if any(count / min(len(shingles), sizes[other]) >= NATURAL_DUPLICATE for other, count in shared.items()):
            continue
        index = len(kept)
        kept.append((doc_id, text))
        sizes.append(len(shingles))
        for h in shingles.tolist():
            postings[h].append(index)
    return kept


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# ---------------------------------------------------------------- copies


def copy_exact(text: str, rng: random.Random, pool: list[str]) -> str:
    return text


def copy_with_intro(text: str, rng: random.Random, pool: list[str]) -> str:
    target = int(len(text.split()) * rng.uniform(0.1, 0.4))
    intro: list[str] = []
    while sum(len(line.split()) for line in intro) < target:
        intro.append(rng.choice(pool))
    return "\n".join(intro) + "\n\n" + text


def copy_trimmed(text: str, rng: random.Random, pool: list[str]) -> str:
    words = text.split()
    keep = int(len(words) * rng.uniform(0.5, 0.9))
    return " ".join(words[:keep])


def copy_without_attribution(text: str, rng: random.Random, pool: list[str]) -> str:
    lines = lines_of(text)[1:-1] or lines_of(text)
    return "\n".join(line for line in lines if not ATTRIBUTION_LINE.match(line.strip()))


def copy_excerpt(text: str, rng: random.Random, pool: list[str]) -> str:
    """20-45 % of the words from the middle: shares all of its own text, little of the original's."""
    words = text.split()
    keep = int(len(words) * rng.uniform(0.2, 0.45))
    start = rng.randint(0, len(words) - keep)
    return " ".join(words[start : start + keep])


COPIERS = {
    "exact": copy_exact,
    "intro": copy_with_intro,
    "trim": copy_trimmed,
    "attribution_removed": copy_without_attribution,
    "excerpt": copy_excerpt,
}


def synthetic_documents(pool: list[str], count: int, seed: int) -> Iterator[tuple[str, DocumentRecord]]:
    rng = random.Random(seed)
    for number in range(count):
        text = "\n".join(rng.choice(pool) for _ in range(rng.randint(12, 40)))
        yield text, DocumentRecord(source=f"synthetic:{number}", outlet="synthetic", published="2016-01-01")


# ---------------------------------------------------------------- one size


def make_plan() -> dict[str, list[str]]:
    """Which texts are originals, distractors and padding (computed once, outside the measured workers)."""
    texts = drop_natural_duplicates(load_texts())
    random.Random(SEED).shuffle(texts)
    ids = [doc_id for doc_id, _ in texts]
    first, second = int(len(ids) * ORIGINAL_SHARE), int(len(ids) * (ORIGINAL_SHARE + DISTRACTOR_SHARE))
    return {"originals": ids[:first], "distractors": ids[first:second], "padding": ids[second:]}


def run_size(size: int, plan: dict[str, list[str]]) -> dict[str, Any]:
    rng = random.Random(SEED)
    texts = dict(load_texts())
    originals = [(doc_id, texts[doc_id]) for doc_id in plan["originals"]]
    distractors = [(doc_id, texts[doc_id]) for doc_id in plan["distractors"]]
    pool = [line for doc_id in plan["padding"] for line in lines_of(texts[doc_id]) if len(line.split()) >= 5]
    del texts
    queries = []
    for number, (doc_id, text) in enumerate(originals):
        kind = KINDS[number % len(KINDS)]
        queries.append((kind, doc_id, COPIERS[kind](text, rng, pool)))
    queries += [("distractor", doc_id, text) for doc_id, text in distractors]
    excerpt_rng = random.Random(SEED + 2)
    excerpts = [("excerpt", doc_id, copy_excerpt(text, excerpt_rng, pool)) for doc_id, text in originals]

    with tempfile.TemporaryDirectory(prefix="syndication-") as directory:
        index = NearDuplicateIndex(directory)
        documents = [(text, DocumentRecord(source=doc_id, outlet=doc_id.split(":")[0])) for doc_id, text in originals]
        filler = max(0, size - len(documents))
        rss_before_build = _rss_mb()
        started, cpu_started = time.perf_counter(), time.process_time()
        added = index.add_many(documents)
        added += index.add_many(synthetic_documents(pool, filler, SEED + 1))
        build_seconds = time.perf_counter() - started
        build_cpu_seconds = time.process_time() - cpu_started
        rss_after_build = _rss_mb()
        by_id = {doc_id: text for doc_id, text in originals}
        scores = evaluate(index, queries, by_id)
        excerpt_scores = evaluate(index, excerpts, by_id)
        disk = index.stats().bytes_on_disk
        index.close()
    return {
        "size": added,
        "originals": len(originals),
        "distractors": len(distractors),
        "queries": len(queries),
        "build_seconds": round(build_seconds, 2),
        "build_docs_per_s": round(added / build_seconds, 1),
        "build_cpu_seconds": round(build_cpu_seconds, 2),
        "build_docs_per_cpu_s": round(added / build_cpu_seconds, 1),
        "excerpt_recall": excerpt_scores["recall"],
        "excerpt_false_positives": excerpt_scores["false_positives"],
        "rss_mb_before_build": rss_before_build,
        "rss_mb_after_build": rss_after_build,
        "peak_rss_mb": _rss_mb(),
        "disk_mb": round(disk / 1e6, 1),
        **scores,
    }


def evaluate(
    index: NearDuplicateIndex, queries: list[tuple[str, str, str]], originals: dict[str, str]
) -> dict[str, Any]:
    latencies: list[float] = []
    cpu_latencies: list[float] = []
    mistakes: list[dict[str, Any]] = []
    true_positive = false_positive = positives = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind, original, text in queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        matches = index.query(text, min_shared=MIN_SHARED)
        latencies.append((time.perf_counter() - started) * 1000)
        cpu_latencies.append((time.process_time() - cpu_started) * 1000)
        found = {m.source for m in matches}
        relevant = kind != "distractor" and _shares_half(text, originals[original])
        if relevant:
            positives += 1
            hit = original in found
            true_positive += hit
            by_kind[kind][0] += hit
            by_kind[kind][1] += 1
        wrong = [m for m in matches if m.source != original]
        false_positive += len(wrong)
        mistakes += [
            {
                "query": f"{kind}:{original}",
                "match": m.source,
                "jaccard": m.jaccard,
                "containment": m.containment,
                "match_containment": m.match_containment,
            }
            for m in wrong
        ]
        if kind == "distractor":
            by_kind[kind][0] += not found
            by_kind[kind][1] += 1
    latencies.sort()
    cpu_latencies.sort()
    predicted = true_positive + false_positive
    return {
        "positives": positives,
        "precision": round(true_positive / predicted, 4) if predicted else 1.0,
        "recall": round(true_positive / positives, 4) if positives else 0.0,
        "false_positives": false_positive,
        "false_positive_examples": mistakes[:10],
        "recall_by_kind": {k: round(hit / n, 4) for k, (hit, n) in sorted(by_kind.items()) if k != "distractor"},
        "distractors_without_match": round(by_kind["distractor"][0] / max(1, by_kind["distractor"][1]), 4),
        "query_p50_ms": round(latencies[len(latencies) // 2], 2),
        "query_p95_ms": round(latencies[int(len(latencies) * 0.95)], 2),
        "query_cpu_p50_ms": round(cpu_latencies[len(cpu_latencies) // 2], 2),
        "query_cpu_p95_ms": round(cpu_latencies[int(len(cpu_latencies) * 0.95)], 2),
    }


def _shares_half(copy: str, original: str) -> bool:
    found = overlap(shingle_hashes(copy), shingle_hashes(original))
    return max(found.query_in_match, found.match_in_query) >= MIN_SHARED


def _rss_mb() -> float:
    """Peak resident set of this process (VmHWM; ru_maxrss would carry the parent's peak across exec)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# ---------------------------------------------------------------- driver


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_size(args.worker, json.loads(args.plan.read_text()))))
        return 0
    results = []
    with tempfile.TemporaryDirectory() as directory:
        plan = Path(directory) / "plan.json"
        plan.write_text(json.dumps(make_plan()))
        for size in args.sizes:
            command = [sys.executable, __file__, "--worker", str(size), "--plan", str(plan)]
            output = subprocess.run(command, check=True, capture_output=True, text=True)
            results.append(json.loads(output.stdout.strip().splitlines()[-1]))
            print(f"{size}: done in {results[-1]['build_seconds']} s build", file=sys.stderr)
    columns = [
        "docs",
        "P",
        "R",
        "FP",
        "distractors clean",
        "build docs/s (wall / CPU)",
        "query p50 / p95 ms",
        "peak RSS MB",
        "disk MB",
    ]
    rows = [
        [
            r["size"],
            r["precision"],
            r["recall"],
            r["false_positives"],
            r["distractors_without_match"],
            f"{r['build_docs_per_s']:.0f} / {r['build_docs_per_cpu_s']:.0f}",
            f"{r['query_p50_ms']:.1f} / {r['query_p95_ms']:.1f}",
            r["peak_rss_mb"],
            r["disk_mb"],
        ]
        for r in results
    ]
    print_table("Syndication: near-duplicate index (copies sharing >= 50 %)", columns, rows)
    print_table(
        "Recall by copy kind (excerpt: outside the target, see docstring)",
        ["docs", *KINDS, "excerpt"],
        [[r["size"], *(r["recall_by_kind"].get(k, 0.0) for k in KINDS), r["excerpt_recall"]] for r in results],
    )
    path = write_result("syndication", {"targets": TARGETS, "min_shared": MIN_SHARED, "results": results})
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
