"""The near-duplicate index (MinHash LSH over word shingles, on disk, incremental).

newsprobe index add SOURCES... --index DIR [--no-text] [--allow-private]
    (files, directories, URLs, or .jsonl from `newsprobe extract`)
newsprobe index query SOURCE --index DIR [--min-shared 0.5] [--format json|text]
newsprobe index stats --index DIR
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..dedup import DocumentRecord
    from ..ingest import FetchPolicy

from ..errors import NewsprobeError
from ._options import OutputFormat, add_command, command_group

__all__ = ["register"]


def _documents(
    sources: list[str], fetch_policy: FetchPolicy, failures: list[NewsprobeError]
) -> Iterator[tuple[str, DocumentRecord]]:
    """(text, record) for each input: JSONL lines as they are, anything else through extraction. An input that
    cannot be read is reported, kept in `failures` and skipped."""
    from ..api import Newsprobe
    from ..dedup import iter_jsonl, record_for_article

    extractor: Newsprobe | None = None
    for source in sources:
        if source.endswith(".jsonl"):
            yield from iter_jsonl(Path(source))
            continue
        if extractor is None:
            extractor = Newsprobe([], fetch_policy=fetch_policy)
        try:
            article = extractor.extract(source)
        except NewsprobeError as error:
            typer.echo(f"newsprobe: skipped {source}: {error}", err=True)
            failures.append(error)
            continue
        yield article.text, record_for_article(article, source)


def index_add_command(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, URLs, or .jsonl from `newsprobe extract`.")],
    index: Annotated[Path, typer.Option("--index", help="Index directory (created if missing).")],
    keep_text: Annotated[
        bool,
        typer.Option(
            "--keep-text/--no-text",
            help="Keep each text (compressed) so that `analyze --index` can list what a copy changed "
            "(set when the index is created).",
        ),
    ] = True,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching from private/loopback addresses.")
    ] = False,
) -> None:
    """Add articles to a near-duplicate index (re-adding a source replaces it). Inputs that cannot be read are
    skipped, the others added; the exit code is then that of the failures (2 bad input, 3 fetch failed)."""
    from ..dedup import IndexSettings, NearDuplicateIndex
    from ..ingest import FetchPolicy, expand_inputs

    inputs = expand_inputs(sources)  # a mistyped path stops here, before the index is created
    failures: list[NewsprobeError] = []
    started = time.perf_counter()
    with NearDuplicateIndex(index, settings=IndexSettings(keep_text=keep_text)) as store:
        added = store.add_many(_documents(inputs, FetchPolicy(allow_private=allow_private), failures))
        total = len(store)
    seconds = time.perf_counter() - started
    skipped = f", {len(failures)} skipped" if failures else ""
    typer.echo(f"added {added} documents in {seconds:.1f}s{skipped}; {total} in {index}")
    if failures:
        raise typer.Exit(max(error.exit_code for error in failures))


def _load_query(source: str) -> tuple[str, dict[str, str | None]]:
    from ..api import Newsprobe

    article = Newsprobe([]).extract(source)
    meta = article.metadata
    return article.text, {"url": meta.url, "published": meta.published}


def index_query_command(
    source: Annotated[str, typer.Argument(help="An article: file, URL or '-'.")],
    index: Annotated[Path, typer.Option("--index", help="Index directory.")],
    min_shared: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Share of the shorter text both must share.")
    ] = 0.5,
    limit: Annotated[int, typer.Option(min=1)] = 20,
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """Copies of an article in the index: Jaccard, containment, outlet and date per match."""
    from ..dedup import NearDuplicateIndex

    text, _meta = _load_query(source)
    with NearDuplicateIndex(index, create=False) as store:
        matches = store.query(text, min_shared=min_shared, limit=limit)
    if format is OutputFormat.json:
        typer.echo(json.dumps([m.model_dump(mode="json") for m in matches], indent=2, ensure_ascii=False))
        return
    if not matches:
        typer.echo("no copies found")
        return
    typer.echo(f"{'of query':>8} {'of copy':>7} {'Jaccard':>7}  {'outlet':<24} {'date':<10}  source")
    for m in matches:
        outlet = (m.outlet or m.domain or "?")[:24]
        itself = "  (the queried article itself)" if m.source == source else ""
        typer.echo(
            f"{m.containment:>8.2f} {m.match_containment:>7.2f} {m.jaccard:>7.2f}  {outlet:<24} "
            f"{(m.published or '?')[:10]:<10}  {m.source}{itself}"
        )
    typer.echo(QUERY_COLUMNS)


QUERY_COLUMNS = (
    "of query: share of the queried article's 5-word phrases found in the copy; of copy: share of the copy's "
    "phrases found in the queried article; Jaccard: phrases both share, over all phrases of the two."
)


def index_stats_command(index: Annotated[Path, typer.Option("--index", help="Index directory.")]) -> None:
    """Size and settings of an index."""
    from ..dedup import NearDuplicateIndex

    with NearDuplicateIndex(index, create=False) as store:
        typer.echo(store.stats().model_dump_json(indent=2))


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    group = command_group("Near-duplicate index of articles (MinHash LSH over word shingles).")
    add_command(group, index_add_command, "add")
    add_command(group, index_query_command, "query")
    add_command(group, index_stats_command, "stats")
    app.add_typer(group, name="index")
