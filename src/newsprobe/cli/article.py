"""One article at a time: `analyze`, `extract`, and what the pipeline offers (`analysers`, `schema`)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import NewsprobeError
from ._options import InputFormatChoice, ProfileOption, add_command, chosen_profile, parse_analyses, write_output

__all__ = ["register"]


class ReportFormat(str, Enum):
    json = "json"
    html = "html"
    text = "text"
    md = "md"


_FORMAT_BY_SUFFIX = {".html": ReportFormat.html, ".htm": ReportFormat.html, ".json": ReportFormat.json}
_FORMAT_BY_SUFFIX |= {".md": ReportFormat.md, ".markdown": ReportFormat.md}


def format_for(out: Path | None) -> ReportFormat:
    """The report format an output file's name asks for ('report.html'); the terminal view otherwise."""
    return _FORMAT_BY_SUFFIX.get(out.suffix.lower(), ReportFormat.text) if out else ReportFormat.text


class ExtractFormat(str, Enum):
    jsonl = "jsonl"


def check_index(path: Path) -> Path:
    """Fail early (exit 2) when the index directory does not hold an index."""
    from ..dedup import NearDuplicateIndex

    NearDuplicateIndex(path, create=False).close()
    return path


def analyze(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="A URL, an HTML or text/markdown file (.gz too), or - for stdin.")],
    format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="Report format (default: from the --out file's name, else text)."),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report here instead of stdout.")] = None,
    analyses: Annotated[
        str | None, typer.Option(help="Comma-separated analysers to run (default: all; 'none' = extraction only).")
    ] = None,
    input_format: Annotated[
        InputFormatChoice | None,
        typer.Option(
            help="Override detection: url, html, markdown (a page export, cleaned) "
            "or text (verbatim, offsets match the file)."
        ),
    ] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching from private/loopback addresses (tests, intranets).")
    ] = False,
    index: Annotated[
        Path | None, typer.Option(help="Near-duplicate index (`newsprobe index add`) for provenance.")
    ] = None,
    fetch_origin: Annotated[
        bool,
        typer.Option(
            "--fetch-origin",
            help="Fetch the original from a URL the page credits (same SSRF guard as URLs) and list the copy's edits.",
        ),
    ] = False,
    profile: ProfileOption = None,
) -> None:
    """Analyse one article and print or write the report."""
    from ..api import Newsprobe
    from ..ingest import FetchPolicy
    from ..report import render

    provenance: dict[str, object] = {"index_dir": str(check_index(index))} if index else {}
    if fetch_origin:
        provenance["fetch_origin"] = True
    config = {"provenance": provenance} if provenance else None
    app_object = Newsprobe(
        parse_analyses(analyses),
        profile=chosen_profile(ctx, profile),
        fetch_policy=FetchPolicy(allow_private=allow_private),
        config=config,
    )
    report = app_object.analyze(source, input_format=input_format.value if input_format else None)
    format = format or format_for(out)
    if format is ReportFormat.text and out is None:
        from ..report.terminal import print_report

        print_report(report)
        return
    write_output(render(report, format.value), out)


def extract(
    sources: Annotated[list[str], typer.Argument(help="Files, globs, directories or URLs.")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
    input_format: Annotated[InputFormatChoice | None, typer.Option(help="Override input detection.")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching from private/loopback addresses.")
    ] = False,
) -> None:
    """Extraction only: one JSON line per input with `source`, `text`, the metadata fields and the body's links."""
    from ..api import Newsprobe
    from ..ingest import FetchPolicy, expand_inputs

    app_object = Newsprobe([], fetch_policy=FetchPolicy(allow_private=allow_private))
    exit_code = 0
    for source in expand_inputs(sources):
        try:
            article = app_object.extract(source, input_format=input_format.value if input_format else None)
            line = {
                "source": source,
                "text": article.text,
                **article.metadata.model_dump(),
                "paragraphs": [p.model_dump() for p in article.paragraphs],
                "removed": [block.model_dump() for block in article.removed],
                "links": [link.model_dump() for link in article.links],
                "posts": [post.model_dump() for post in article.posts],
            }
        except NewsprobeError as exc:
            exit_code = max(exit_code, exc.exit_code)  # 3 when a fetch failed, else 2
            typer.echo(f"newsprobe: {exc}", err=True)
            line = {"source": source, "text": "", "error": str(exc)}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    if exit_code:
        raise typer.Exit(exit_code)


def analysers() -> None:
    """List the registered analysers."""
    from ..analyse import registry

    for name in registry.names():
        cls = registry.get(name)
        typer.echo(f"{cls.registered_name():<20} {cls.description}")


def schema(out: Annotated[Path | None, typer.Option("--out", "-o")] = None) -> None:
    """Print (or write) the JSON Schema of the report."""
    from ..report.schema import report_schema

    write_output(json.dumps(report_schema(), indent=2, sort_keys=True), out)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    for command in (analyze, extract, analysers, schema):
        add_command(app, command)
    # The package spells it "analyse" (newsprobe.analyse, `newsprobe analysers`): take that spelling too.
    add_command(app, analyze, "analyse", hidden=True)
