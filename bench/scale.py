"""The ceiling of corpus mode: how many articles/s storage and near-duplicate detection absorb.

Analysis rows are precomputed, so the workers are "infinitely fast": each document's rows are those
of one of ``--templates`` real articles analysed once (fast profile, every analyser), with the
document's own id, text and outlet. Documents are built as `bench/syndication.py` builds its
index: real originals (PTC and PolNeAR texts), one copy of each (exact, new intro, trimmed,
attribution lines removed) and synthetic padding of lines drawn from other texts, up to the size.

Two designs are fed the same documents, each in its own process (so peak RSS is its own):

- single writer (the design before issue 21): the driver commits each batch of 32 into one DuckDB
  file, adds its articles to the SQLite MinHash index (`newsprobe.dedup`) and compares each new
  dated pair original -> copy (`copy_edits`, `edits`, reading older texts back from DuckDB), then
  exports Parquet;
- partitions (now): `run_corpus` with the local engine, whose 2 worker processes replay the rows,
  hash the texts and commit Parquet partitions; at the end one of them joins the band keys in
  DuckDB (a pool of its own verifies the candidates and compares the dated pairs), and pool tasks
  compact the partitions, the driver writing only the commit markers.

What cannot grow with a cluster is the driver: its CPU time bounds the run however many workers
there are. So the ceiling of a design is documents / driver CPU-seconds (CPU, not wall: the 2 cores
are shared with other jobs, whose load inflates wall times but not CPU time). The single writer's
driver does everything; the partitioned driver reads the inputs, hands them out and writes commit
markers, while the workers' CPU (`worker_cpu_seconds`: replaying, hashing, writing Parquet, the key
join, verifying, compacting) grows with the nodes, except the key join's, which is one task here
(Ray Data spreads it over a cluster). End-to-end wall throughput on this machine is reported too
(`articles_per_second`).

    python bench/scale.py                      # 10k and 100k, all four runs at once (hours: the single writer at 100k)
    python bench/scale.py --single-writer-cpu-budget 1800   # the single writer stops after 30 CPU-minutes
    python bench/scale.py --sizes 2000         # a quick check

Targets (issue 21): ceiling_ratio (partitions / single writer, same run, largest size) >= 10;
the driver's peak RSS does not grow with the corpus (100k within 1.25x of 10k).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import print_table, write_result
from syndication import COPIERS, KINDS, SEED, lines_of, load_texts, make_plan

TARGETS = {"ceiling_ratio": 10.0, "driver_rss_growth": 1.25}
BATCH = 32
DOMAINS = [f"outlet{n}.example" for n in range(40)] + ["rt.com", "sputniknews.com", "bbc.co.uk", "reuters.com"]


# ---------------------------------------------------------------- documents


def documents(size: int) -> Iterator[dict[str, Any]]:
    """Originals, one copy of each, then padding up to ``size`` (JSONL rows: text, url, published, outlet)."""
    plan = make_plan()
    texts = dict(load_texts())
    rng = random.Random(SEED)
    pool = [line for doc_id in plan["padding"] for line in lines_of(texts[doc_id]) if len(line.split()) >= 5]
    made = 0
    for number, doc_id in enumerate(plan["originals"]):
        text = texts[doc_id]
        kind = KINDS[number % len(KINDS)]
        for variant, body in (("original", text), (kind, COPIERS[kind](text, rng, pool))):
            if made < size:
                yield _row(made, body, "2016-01-01" if variant == "original" else "2016-02-01")
                made += 1
    padding = random.Random(SEED + 1)
    while made < size:
        yield _row(made, "\n".join(padding.choice(pool) for _ in range(padding.randint(12, 40))), "2016-03-01")
        made += 1


def _row(number: int, text: str, published: str) -> dict[str, Any]:
    domain = DOMAINS[number % len(DOMAINS)]
    return {"text": text, "url": f"https://{domain}/story/{number}", "published": published, "outlet": domain}


# ---------------------------------------------------------------- replayed analysis


def analyse_templates(count: int, path: Path) -> None:
    """Rows of ``count`` real articles, analysed once with every analyser (fast profile)."""
    from newsprobe.corpus.engines import DocumentProcessor
    from newsprobe.ingest.records import InputRecord

    processor = DocumentProcessor(None, "fast")
    texts = [text for _, text in load_texts()[:count]]
    templates = []
    for number, text in enumerate(texts):
        outcome = processor.process(InputRecord(id=f"t{number}", source=f"template:{number}", content=text))
        templates.append({t: rows for t, rows in outcome.rows.items() if t not in ("articles", "errors")})
    path.write_text(json.dumps(templates))


class ReplayProcessor:
    """A worker that analyses instantly: the article row from the record, the rest from a template."""

    def __init__(self, templates: str) -> None:
        self.templates = json.loads(Path(templates).read_text())

    def process(self, record: Any) -> Any:
        from newsprobe.corpus.worker import Outcome

        template = self.templates[zlib.crc32(record.id.encode()) % len(self.templates)]
        domain = record.url.split("/")[2]
        rows: dict[str, list[dict[str, Any]]] = {
            "articles": [
                {
                    "id": record.id,
                    "source": record.source,
                    "url": record.url,
                    "outlet": record.outlet,
                    "domain": domain,
                    "published": record.published,
                    "title": record.content.split("\n", 1)[0][:200],
                    "words": len(record.content.split()),
                    "text": record.content,
                    "profile": "fast",
                }
            ]
        }
        for table, template_rows in template.items():
            key = "id" if table == "errors" else "article_id"
            rows[table] = [{**row, key: record.id} for row in template_rows]
        return Outcome(id=record.id, rows=rows)


# ---------------------------------------------------------------- the two designs


class SingleWriter:
    """The driver of the design before issue 21: one DuckDB transaction per batch plus the SQLite MinHash index."""

    def __init__(self, directory: Path) -> None:
        import duckdb

        from newsprobe.corpus.partitions import RUNS
        from newsprobe.corpus.tables import KEYS, TABLES
        from newsprobe.dedup import NearDuplicateIndex

        self.directory, self.tables, self.keys = directory, TABLES, KEYS
        self.conn = duckdb.connect(str(directory / "corpus.duckdb"))
        for table, columns in {**TABLES, "runs": RUNS}.items():
            sql = ", ".join(f'"{name}" {kind}' for name, kind in columns.items())
            if table in KEYS:
                sql += ", PRIMARY KEY (" + ", ".join(KEYS[table]) + ")"
            self.conn.execute(f"CREATE TABLE {table} ({sql})")
        self.index = NearDuplicateIndex(directory / "dedup")
        self.known_domains: set[str] = set()
        self.pairs = 0

    def write(self, outcomes: list[Any]) -> None:
        from newsprobe.corpus.partitions import arrow_table, now
        from newsprobe.corpus.syndication import MIN_SHARED, MIN_WORDS, outlet_row
        from newsprobe.dedup import DocumentRecord

        stamp = now()
        merged: dict[str, list[dict[str, Any]]] = {}
        for outcome in outcomes:
            for table, rows in outcome.rows.items():
                merged.setdefault(table, []).extend(rows)
        articles = merged.get("articles", [])
        for row in articles:
            row.update(run_id="bench", added=stamp)
        for article in articles:
            if article["domain"] not in self.known_domains:
                self.known_domains.add(article["domain"])
                merged.setdefault("outlets", []).append(outlet_row(article["domain"]))
        pairs = []
        with self.index.batch():
            for article in articles:
                if article["words"] < MIN_WORDS:
                    continue
                record = DocumentRecord(source=article["id"], words=article["words"])
                for m in self.index.query_then_add(article["text"], record, min_shared=MIN_SHARED, limit=1000):
                    a, b = sorted([article["id"], m.source])
                    pairs.append({"a_id": a, "b_id": b, "jaccard": m.jaccard, "a_in_b": 0.0, "b_in_a": 0.0})
        merged["near_duplicates"] = pairs
        merged.update(self._edits(pairs, articles))
        self.pairs += len(pairs)
        self.conn.execute("BEGIN TRANSACTION")
        for table, rows in merged.items():
            if not rows:
                continue
            incoming = arrow_table(table, rows)  # noqa: F841 - read by DuckDB's replacement scan
            verb = "INSERT OR IGNORE" if table in self.keys else "INSERT"
            columns = ", ".join(f'"{c}"' for c in self.tables[table])
            self.conn.execute(f"{verb} INTO {table} ({columns}) SELECT {columns} FROM incoming")
        self.conn.execute("COMMIT")

    def _edits(self, pairs: list[dict[str, Any]], batch: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        """`copy_edits` and `edits` of the dated pairs (as the old driver did: earlier texts read from DuckDB)."""
        import pyarrow as pa

        from newsprobe.corpus.syndication import EDIT_COLUMNS, edit_batch

        articles = {a["id"]: a for a in batch}
        missing = sorted({p[key] for p in pairs for key in ("a_id", "b_id")} - set(articles))
        if missing:
            sql = f"SELECT {', '.join(EDIT_COLUMNS)} FROM articles WHERE list_contains(?, id)"
            articles.update({a["id"]: a for a in self.conn.sql(sql, params=[missing]).to_arrow_table().to_pylist()})
        dated = []
        for pair in pairs:
            a, b = articles[pair["a_id"]], articles[pair["b_id"]]
            if a["published"] and b["published"] and a["published"] != b["published"]:
                dated.append({f"{side}_{n}": row.get(n) for side, row in (("a", a), ("b", b)) for n in EDIT_COLUMNS})
        return edit_batch(pa.Table.from_pylist(dated)) if dated else {}

    def export(self) -> None:
        target = self.directory / "parquet"
        target.mkdir()
        for table in [*self.tables, "runs"]:
            self.conn.execute(f"COPY {table} TO '{target / table}.parquet' (FORMAT parquet)")


def run_single_writer(inputs: Path, templates: Path, work: Path, cpu_budget: float | None) -> dict[str, Any]:
    """The single writer over ``inputs``; with ``cpu_budget``, it stops after the first batch past that many
    CPU-seconds (each document costs it more as the index grows, so the ceiling over the documents it
    reached is an upper bound of its ceiling over all of them)."""
    from newsprobe.ingest.records import iter_inputs

    replay = ReplayProcessor(str(templates))
    started = time.perf_counter()
    writer = SingleWriter(work)
    batch: list[Any] = []
    documents = 0
    for record in iter_inputs([str(inputs)]):
        batch.append(replay.process(record))
        documents += 1
        if len(batch) == BATCH:
            writer.write(batch)
            batch = []
            if cpu_budget is not None and time.process_time() > cpu_budget:
                break
    if batch:
        writer.write(batch)
    writer.export()
    seconds = time.perf_counter() - started
    writer.index.close()
    writer.conn.close()
    return {"documents": documents, "seconds": seconds, "pairs": writer.pairs}


def run_partitions(inputs: Path, templates: Path, work: Path, workers: int) -> dict[str, Any]:
    import functools

    from newsprobe.corpus import RunOptions, run_corpus

    started = time.perf_counter()
    summary = run_corpus(
        RunOptions(
            inputs=[str(inputs)],
            store=work,
            workers=workers,
            batch_size=BATCH,
            quiet=True,
            profile="fast",
            make_processor=functools.partial(ReplayProcessor, str(templates)),
        )
    )
    return {
        "documents": summary.processed,
        "seconds": time.perf_counter() - started,
        "pairs": summary.near_duplicate_pairs,
        "central_seconds": round(summary.pairs_seconds + summary.compaction_seconds, 2),
        "pairs_seconds": summary.pairs_seconds,
        "compaction_seconds": summary.compaction_seconds,
        "worker_peak_rss_mb": max(summary.worker_peak_rss_mb.values(), default=0.0),
    }


def measure(design: str, inputs: Path, templates: Path, workers: int, cpu_budget: float | None) -> dict[str, Any]:
    """One design on one input, in this (fresh) process."""
    import resource

    work = Path(tempfile.mkdtemp(prefix=f"scale-{design}-"))
    cpu_started = time.process_time()
    try:
        if design == "single_writer":
            result = run_single_writer(inputs, templates, work, cpu_budget)
        else:
            result = run_partitions(inputs, templates, work, workers)
        driver_cpu = time.process_time() - cpu_started
        disk = sum(f.stat().st_size for f in work.rglob("*") if f.is_file())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = children.ru_utime + children.ru_stime
    return {
        **result,
        "driver_cpu_seconds": round(driver_cpu, 2),
        "ceiling_articles_per_second": round(result["documents"] / driver_cpu, 1),
        "worker_cpu_seconds": round(worker_cpu, 2),
        "articles_per_worker_cpu_second": round(result["documents"] / worker_cpu, 1) if worker_cpu else None,
        "seconds": round(result["seconds"], 2),
        "articles_per_second": round(result["documents"] / result["seconds"], 1),
        "disk_mb": round(disk / 1e6, 1),
        "disk_mb_per_100k": round(disk / 1e6 * 100_000 / result["documents"], 1),
        "driver_peak_rss_mb": _peak_rss_mb(),
    }


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


# ---------------------------------------------------------------- driver


def summarise(results: list[dict[str, Any]], workers: int, templates: int) -> None:
    """Print the table, write bench/results/scale.json; the ratio is at the largest size both designs reached."""
    by = {(r["design"], r["size"]): r for r in results}
    sizes = sorted(
        {r["size"] for r in results if ("single_writer", r["size"]) in by and ("partitions", r["size"]) in by}
    )
    largest = sizes[-1]
    ceiling = "ceiling_articles_per_second"
    ratio = by[("partitions", largest)][ceiling] / by[("single_writer", largest)][ceiling]
    wall_ratio = (
        by[("partitions", largest)]["articles_per_second"] / by[("single_writer", largest)]["articles_per_second"]
    )
    single_writer_stopped = by[("single_writer", largest)]["documents"] < largest
    measured = sorted(r["size"] for r in results if r["design"] == "partitions")
    growth = (
        by[("partitions", measured[-1])]["driver_peak_rss_mb"] / by[("partitions", measured[0])]["driver_peak_rss_mb"]
    )
    print_table(
        "corpus storage + near-duplicate ceiling (precomputed rows, workers infinitely fast)",
        [
            "size",
            "design",
            "ceiling (docs / driver CPU-s)",
            "wall articles/s (2 cores)",
            "seconds",
            "driver CPU s",
            "worker CPU s",
            "pairs",
            "disk MB / 100k",
            "driver RSS MB",
        ],
        [
            [
                r["size"],
                r["design"],
                r[ceiling],
                r["articles_per_second"],
                r["seconds"],
                r["driver_cpu_seconds"],
                r["worker_cpu_seconds"],
                r["pairs"],
                r["disk_mb_per_100k"],
                r["driver_peak_rss_mb"],
            ]
            for r in results
        ],
    )
    load = os.getloadavg()
    path = write_result(
        "scale",
        {
            "targets": TARGETS,
            "ceiling_ratio": round(ratio, 2),
            "wall_ratio_2_cores": round(wall_ratio, 2),
            "ceiling_ratio_size": largest,
            # the single writer stopped at its CPU budget: its ceiling is over the documents it reached
            "ceiling_ratio_is_lower_bound": single_writer_stopped,
            "driver_rss_growth": round(growth, 3),
            "driver_rss_growth_sizes": [measured[0], measured[-1]],
            "workers": workers,
            "batch_size": BATCH,
            "templates": templates,
            "load_average_at_end": [round(v, 2) for v in load],
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "results": results,
            "note": "2 cores shared with other jobs (see load average): throughputs are lower bounds; "
            "single_writer pairs omit containment (not part of the measured work)",
        },
    )
    bound = ">= " if single_writer_stopped else ""
    print(f"ceiling ratio {bound}{ratio:.1f} at {largest} (target >= {TARGETS['ceiling_ratio']})")
    print(f"driver RSS growth {growth:.2f} (target <= {TARGETS['driver_rss_growth']})")
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--templates", type=int, default=100)
    parser.add_argument(
        "--single-writer-cpu-budget",
        type=float,
        metavar="SECONDS",
        help="stop each single-writer run after this many CPU-seconds (its ceiling is then over the "
        "documents it reached: an upper bound, so the ratio is a lower bound); default: run to the end",
    )
    parser.add_argument("--measure", nargs=3, metavar=("DESIGN", "INPUTS", "TEMPLATES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        design, inputs, templates = args.measure
        print(json.dumps(measure(design, Path(inputs), Path(templates), args.workers, args.single_writer_cpu_budget)))
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="scale-") as directory:
        templates = Path(directory) / "templates.json"
        analyse_templates(args.templates, templates)
        running = []
        for size in args.sizes:
            inputs = Path(directory) / f"corpus-{size}.jsonl"
            with inputs.open("w", encoding="utf-8") as handle:
                for row in documents(size):
                    handle.write(json.dumps(row) + "\n")
            for design in ("single_writer", "partitions"):
                command = [sys.executable, __file__, "--workers", str(args.workers)]
                if args.single_writer_cpu_budget is not None:
                    command += ["--single-writer-cpu-budget", str(args.single_writer_cpu_budget)]
                command += ["--measure", design, str(inputs), str(templates)]
                # all at once: the ceiling is in CPU-seconds, which sharing the cores does not change
                process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
                running.append((size, design, process))
        for size, design, process in running:
            output, _ = process.communicate()
            if process.returncode:
                raise SystemExit(f"{design} at {size} failed ({process.returncode})")
            row = {"size": size, "design": design, **json.loads(output.strip().splitlines()[-1])}
            results.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    summarise(results, args.workers, args.templates)
    return 0


if __name__ == "__main__":
    sys.exit(main())
