"""`newsprobe corpus run | report | query`: analyse many articles into a store, chart it, query it."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ._options import NewsprobeCommand, ProfileChoice, chosen_profile, command_group, parse_analyses

corpus_app = command_group(
    "Corpus mode: analyse many articles into a store of Parquet partitions, read through DuckDB."
)


class EngineChoice(str, Enum):
    local = "local"
    ray = "ray"


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


StoreOption = Annotated[
    str,
    typer.Option("--store", "-s", help="Store directory (Parquet partitions read through DuckDB), or an s3:// URI."),
]


@corpus_app.command("run", cls=NewsprobeCommand)
def run(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(help="Directories, globs, HTML/text files (.gz too), JSONL, WARC, RSS/Atom files or feed URLs."),
    ],
    store: StoreOption,
    engine: Annotated[
        EngineChoice, typer.Option(help="local: a process pool; ray: Ray Data actors.")
    ] = EngineChoice.local,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (local) or actors (ray).")] = 2,
    analyses: Annotated[
        str | None, typer.Option(help="Comma-separated analysers (default: all; 'none' = extraction only).")
    ] = None,
    profile: Annotated[
        ProfileChoice | None, typer.Option(help="fast or accurate (default: the global --profile).")
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster to join: 'auto' or ray://host:port (default: start a local one).")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per partition a worker commits.")] = 32,
    limit: Annotated[int | None, typer.Option(min=1, help="Analyse at most this many new documents.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary (for scripts).")] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow feed items on private/loopback addresses.")
    ] = False,
    per_host: Annotated[int, typer.Option(min=1, help="Feed items fetched at once from one host (politeness).")] = 2,
) -> None:
    """Analyse every document of the inputs into the store; rerun to resume (finished documents are skipped)."""
    from rich.console import Console

    from ..corpus.jobs import RunOptions, run_corpus, summary_table
    from ..ingest import FetchPolicy

    chosen = chosen_profile(ctx, profile)
    options = RunOptions(
        inputs=inputs,
        store=store,
        engine=engine.value,
        workers=workers,
        analyses=parse_analyses(analyses),
        profile=chosen,
        address=address,
        batch_size=batch_size,
        quiet=quiet,
        limit=limit,
        fetch_policy=FetchPolicy(allow_private=allow_private),
        per_host=per_host,
    )
    summary = run_corpus(options)
    if not quiet:
        Console(stderr=True).print(summary_table(summary))


@corpus_app.command("report", cls=NewsprobeCommand)
def report(
    store: StoreOption,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML dashboard to write.")] = Path("corpus-report.html"),
    genre: Annotated[
        str,
        typer.Option(
            "--genre", help="Compare outlets on this genre's articles: news (default), opinion, analysis, other or all."
        ),
    ] = "news",
) -> None:
    """Write a self-contained HTML dashboard of the store (charts rendered offline)."""
    from ..corpus.dashboard import write_dashboard

    write_dashboard(store, out, genre)
    typer.echo(f"wrote {out}", err=True)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def render_rows(columns: list[str], rows: list[dict[str, Any]], format: QueryFormat) -> None:
    if format is QueryFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str, indent=2) + "\n")
    elif format is QueryFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(row[c]) for c in columns] for row in rows])
        sys.stdout.write(buffer.getvalue())
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*[_cell(row[c]) for c in columns])
        Console().print(table)


@corpus_app.command("query", cls=NewsprobeCommand)
def query(
    sql: Annotated[str, typer.Argument(help='DuckDB SQL, e.g. "SELECT outlet, count(*) FROM articles GROUP BY 1".')],
    store: StoreOption,
    format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="table (Rich), csv (with a header line) or json.")
    ] = QueryFormat.table,
) -> None:
    """Run DuckDB SQL on the store (tables: articles, outlets, quotes, claims, propaganda_spans, ...)."""
    from ..corpus import query as run_query

    result = run_query(store, sql)
    render_rows(result.column_names, result.to_pylist(), format)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")
