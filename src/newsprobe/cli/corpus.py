"""`newsprobe corpus run | report | query | networks`: analyse many articles into a store, chart it, query it."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import InputError
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
        bool, typer.Option("--allow-private", help="Allow URLs and feed items on private/loopback addresses.")
    ] = False,
    per_host: Annotated[int, typer.Option(min=1, help="Feed items fetched at once from one host (politeness).")] = 2,
) -> None:
    """Analyse every document of the inputs into the store; rerun to resume (finished documents are skipped)."""
    from rich.console import Console
    from rich.text import Text

    from ..corpus.jobs import RunOptions, failures_hint, run_corpus, summary_table
    from ..ingest import FetchPolicy

    if address is not None and engine.value != "ray":
        raise InputError("--address joins a Ray cluster: use it with --engine ray")
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
        console = Console(stderr=True)
        console.print(summary_table(summary))
        if summary.errors or summary.analyser_failures:
            console.print(Text(failures_hint(summary)), soft_wrap=True)  # one line, to copy whole


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
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Compare only outlets with at least this many articles.")
    ] = 5,
) -> None:
    """Write a self-contained HTML dashboard of the store (charts rendered offline)."""
    from ..corpus.dashboard import write_dashboard

    write_dashboard(store, out, genre, min_articles)
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
        from rich.text import Text

        table = Table(*columns)
        for row in rows:
            table.add_row(*[Text(_cell(row[c])) for c in columns])
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


class NetworkFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    graphml = "graphml"


@corpus_app.command("networks", cls=NewsprobeCommand)
def networks(
    store: StoreOption,
    format: Annotated[
        NetworkFormat,
        typer.Option(
            "--format", "-f", help="table, json, csv (an edge list Gephi imports) or graphml (Gephi, yEd, networkx)."
        ),
    ] = NetworkFormat.table,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of the terminal.")] = None,
) -> None:
    """Outlets linked by shared tracking IDs, page templates and relayed stories, grouped into networks."""
    from ..corpus import CorpusStore
    from ..corpus.networks import LINK_KIND_WORDS, find_networks, networks_csv, networks_graphml, networks_json
    from ..errors import InputError

    with CorpusStore(store, read_only=True) as opened:
        found = find_networks(opened)
    if format is NetworkFormat.table:
        rows = [
            {
                "network": n.id,
                "outlets": ", ".join(o["domain"] for o in n.outlets),
                "links": "; ".join(
                    f"{k['a_domain']} – {k['b_domain']}: {LINK_KIND_WORDS[k['kind']]} ({k['evidence']})"
                    for k in n.links
                ),
                "relays": ", ".join(
                    f"{s['source_name'] or s['source_domain']} ({s['copies']} copies)" for s in n.relayed
                ),
            }
            for n in found
        ]
        render_rows(["network", "outlets", "links", "relays"], rows, QueryFormat.table)
        return
    writers = {
        NetworkFormat.json: networks_json,
        NetworkFormat.csv: networks_csv,
        NetworkFormat.graphml: networks_graphml,
    }
    text = writers[format](found)
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {out} ({len(found)} networks)", err=True)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.add_typer(corpus_app, name="corpus")
