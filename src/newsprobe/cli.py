"""The `newsprobe` command line: commands parse, call the library, render."""

from __future__ import annotations

import glob
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from . import __version__
from .analyse import registry
from .api import Newsprobe
from .commands import register_all
from .commands._options import ProfileChoice
from .errors import InputError, NewsprobeError
from .ingest import FetchPolicy, is_url
from .report import render

class NewsprobeGroup(TyperGroup):
    """Turns a NewsprobeError from any command into one line on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:  # click.Context (typer vendors click)
        try:
            return super().invoke(ctx)
        except NewsprobeError as exc:
            typer.echo(f"newsprobe: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    name="newsprobe", cls=NewsprobeGroup, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    help="Read news articles the way a careful analyst does: text, provenance, sources, quotes, claims, propaganda.",
)
eval_app = typer.Typer(no_args_is_help=True, help="Score predictions against gold data (evaluation contracts).")


class ReportFormat(str, Enum):
    json = "json"
    html = "html"
    text = "text"
    md = "md"


class InputFormatChoice(str, Enum):
    """text: plain text kept verbatim (offsets match the file); markdown: a page export, cleaned."""

    url = "url"
    html = "html"
    markdown = "markdown"
    text = "text"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsprobe {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    profile: Annotated[ProfileChoice, typer.Option(help="fast: cheap models for corpus scale; accurate: the best models.")] = ProfileChoice.accurate,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    ctx.obj = {"profile": profile.value}


def parse_analyses(analyses: str | None) -> list[str] | None:
    """'entities,quotes' -> ['entities', 'quotes']; unknown names are an InputError."""
    if analyses is None:
        return None
    names = [name.strip() for name in analyses.split(",") if name.strip()]
    for name in names:
        registry.get(name)
    return names


def check_index(path: Path) -> Path:
    """Fail early (exit 2) when the index directory does not hold an index."""
    from .dedup import NearDuplicateIndex

    NearDuplicateIndex(path, create=False).close()
    return path


def write_output(content: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(content if content.endswith("\n") else content + "\n")
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {out}", err=True)


@app.command()
def analyze(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="A URL, an HTML or text/markdown file (.gz too), or - for stdin.")],
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the report here instead of stdout.")] = None,
    analyses: Annotated[Optional[str], typer.Option(help="Comma-separated analysers to run (default: all).")] = None,
    input_format: Annotated[Optional[InputFormatChoice], typer.Option(
        help="Override detection: url, html, markdown (a page export, cleaned) or text (verbatim, offsets match the file).")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching from private/loopback addresses (tests, intranets).")] = False,
    index: Annotated[Optional[Path], typer.Option(help="Near-duplicate index (`newsprobe index add`) for provenance.")] = None,
) -> None:
    """Analyse one article and print or write the report."""
    config = {"provenance": {"index_dir": str(check_index(index))}} if index else None
    app_object = Newsprobe(parse_analyses(analyses), profile=ctx.obj["profile"],
                           fetch_policy=FetchPolicy(allow_private=allow_private), config=config)
    report = app_object.analyze(source, input_format=input_format.value if input_format else None)
    if format is ReportFormat.text and out is None:
        from .report.terminal import print_report

        print_report(report)
        return
    write_output(render(report, format.value), out)


def expand_sources(sources: list[str]) -> list[str]:
    """Expand globs and directories (HTML, text and .gz files inside); URLs and '-' pass through."""
    expanded: list[str] = []
    for source in sources:
        if source == "-" or is_url(source):
            expanded.append(source)
        elif os.path.isdir(source):
            expanded += sorted(str(path) for path in Path(source).rglob("*") if path.is_file())
        elif any(char in source for char in "*?["):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                raise InputError(f"{source}: no files match")
            expanded += matches
        else:
            expanded.append(source)
    return expanded


@app.command()
def extract(
    sources: Annotated[list[str], typer.Argument(help="Files, globs, directories or URLs.")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
    input_format: Annotated[Optional[InputFormatChoice], typer.Option(help="Override input detection.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching from private/loopback addresses.")] = False,
) -> None:
    """Extraction only: one JSON line per input with `source`, `text` and the metadata fields."""
    app_object = Newsprobe([], fetch_policy=FetchPolicy(allow_private=allow_private))
    failed = 0
    for source in expand_sources(sources):
        try:
            article = app_object.extract(source, input_format=input_format.value if input_format else None)
            line = {"source": source, "text": article.text, **article.metadata.model_dump(),
                    "paragraphs": [p.model_dump() for p in article.paragraphs],
                    "removed": [block.model_dump() for block in article.removed]}
        except NewsprobeError as exc:
            failed += 1
            typer.echo(f"newsprobe: {exc}", err=True)
            line = {"source": source, "text": "", "error": str(exc)}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(2)


@app.command()
def analysers() -> None:
    """List the registered analysers."""
    for name in registry.names():
        cls = registry.get(name)
        typer.echo(f"{cls.registered_name():<20} {cls.description}")


@app.command()
def schema(out: Annotated[Optional[Path], typer.Option("--out", "-o")] = None) -> None:
    """Print (or write) the JSON Schema of the report."""
    from .report.schema import report_schema

    write_output(json.dumps(report_schema(), indent=2, sort_keys=True), out)


register_all(app, eval_app)
app.add_typer(eval_app, name="eval")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("newsprobe: interrupted", err=True)
        raise SystemExit(130) from None
    except Exception as exc:  # never a traceback for the user; NEWSPROBE_DEBUG=1 shows it
        if os.environ.get("NEWSPROBE_DEBUG"):
            raise
        typer.echo(f"newsprobe: internal error: {type(exc).__name__}: {exc} (set NEWSPROBE_DEBUG=1 for details)", err=True)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
