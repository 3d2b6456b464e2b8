"""Outlet profiles and the near-duplicate index.

    newsprobe source NAME_OR_DOMAIN [--format json|text]
    newsprobe sources [--flag state|specious|laundromat|low] [--country C] [--limit N] [--format json|text]
    newsprobe index add SOURCES... --index DIR      (files, directories, URLs, or .jsonl from `newsprobe extract`)
    newsprobe index query SOURCE --index DIR [--min-shared 0.5] [--format json|text]
    newsprobe index stats --index DIR
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError, NewsprobeError
from ..outlets import OutletProfile

__all__ = ["register"]


class OutputFormat(str, Enum):
    json = "json"
    text = "text"


class FlagChoice(str, Enum):
    state = "state"
    specious = "specious"
    laundromat = "laundromat"
    low = "low"


# ---------------------------------------------------------------- outlets


def profile_text(profile: OutletProfile) -> str:
    """A plain-text outlet card: identity, flags, then every evidence item with its citation."""
    if profile.status == "unknown":
        where = f" ({profile.unicode_domain})" if profile.domain else ""
        kind = "IP address; " if profile.is_ip else ""
        return f"{profile.query}{where}: unknown outlet — {kind}no data set lists it (reliability: unknown)"
    lines = [f"{profile.name or profile.domain} — {profile.unicode_domain}"]
    if profile.names:
        lines.append(f"  also known as: {', '.join(profile.names)}")
    if profile.country:
        lines.append(f"  country: {profile.country}")
    if profile.state_affiliation:
        state = profile.state_affiliation
        lines.append(f"  state affiliation: {state.label} [{state.typology}]" + (f", {state.owner}" if state.owner else ""))
    if profile.reliability:
        r = profile.reliability
        lines.append(f"  Lin et al. pc1: {r.score:.2f} (percentile {r.percentile:g}, {r.band} tercile)")
    else:
        lines.append("  reliability: unknown (no Lin et al. score)")
    lines.append(f"  flags: {'; '.join(profile.flags) or 'none'}")
    lines.append("  evidence:")
    for item in profile.evidence:
        inherited = f" [from {item.inherited_from}]" if item.inherited_from else ""
        lines.append(f"    - {item.kind}: {item.value}{inherited} — {item.detail} ({item.dataset})")
    citations = sorted({item.citation for item in profile.evidence})
    lines.append("  sources:")
    lines += [f"    {citation}" for citation in citations]
    return "\n".join(lines)


def source_command(
    name: Annotated[str, typer.Argument(help="Outlet name, domain, URL, e-mail address or IP.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """What the curated data sets say about one outlet, with citations."""
    from ..outlets import source

    profile = source(name)
    if format is OutputFormat.json:
        typer.echo(profile.model_dump_json(indent=2))
    else:
        typer.echo(profile_text(profile))


def sources_command(
    flag: Annotated[Optional[FlagChoice], typer.Option(help="Only outlets with this flag.")] = None,
    country: Annotated[Optional[str], typer.Option(help="Only outlets of this country (state-media matrix).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many outlets.")] = 50,
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """The outlet table: its data sets and citations, or the outlets matching --flag/--country."""
    from ..outlets import database

    db = database()
    if flag is None and country is None:
        _print_datasets(db.datasets(), db.count(), format)
        return
    outlets = db.list_outlets(flag=flag.value if flag else None, country=country, limit=limit)
    if format is OutputFormat.json:
        typer.echo(json.dumps([p.model_dump(mode="json") for p in outlets], indent=2, ensure_ascii=False))
        return
    for profile in outlets:
        typer.echo(f"{profile.unicode_domain:<32} {profile.name or '':<36} {'; '.join(profile.flags)}")


def _print_datasets(datasets: list[dict[str, object]], count: int, format: OutputFormat) -> None:
    if format is OutputFormat.json:
        typer.echo(json.dumps({"outlets": count, "datasets": datasets}, indent=2, ensure_ascii=False))
        return
    typer.echo(f"{count} outlets from {len(datasets)} data sets:")
    for item in datasets:
        typer.echo(f"- {item['id']}: {item['title']} ({item['rows_used']} rows used, {item['rows_skipped']} skipped)")
        typer.echo(f"    {item['citation']}")
        typer.echo(f"    licence: {item['licence']}")


# ---------------------------------------------------------------- index


def _expand(sources: list[str]) -> Iterator[str]:
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.is_file())
        else:
            yield source


def _documents(sources: list[str]) -> Iterator[tuple[str, object]]:
    """(text, record) for each input: JSONL lines as they are, anything else through extraction."""
    from ..api import Newsprobe
    from ..dedup import iter_jsonl, record_for_article

    extractor: Newsprobe | None = None
    for source in _expand(sources):
        if source.endswith(".jsonl"):
            yield from iter_jsonl(Path(source))
            continue
        if extractor is None:
            extractor = Newsprobe([])
        try:
            article = extractor.extract(source)
        except NewsprobeError as error:
            typer.echo(f"newsprobe: skipped {source}: {error}", err=True)
            continue
        yield article.text, record_for_article(article, source)


def index_add_command(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, URLs, or .jsonl from `newsprobe extract`.")],
    index: Annotated[Path, typer.Option("--index", help="Index directory (created if missing).")],
) -> None:
    """Add articles to a near-duplicate index (re-adding a source replaces it)."""
    from ..dedup import NearDuplicateIndex

    started = time.perf_counter()
    with NearDuplicateIndex(index) as store:
        added = store.add_many(_documents(sources))  # type: ignore[arg-type]
        total = len(store)
    seconds = time.perf_counter() - started
    typer.echo(f"added {added} documents in {seconds:.1f}s; {total} in {index}")


def _load_query(source: str) -> tuple[str, dict[str, str | None]]:
    from ..api import Newsprobe

    article = Newsprobe([]).extract(source)
    meta = article.metadata
    return article.text, {"url": meta.url, "published": meta.published}


def index_query_command(
    source: Annotated[str, typer.Argument(help="An article: file, URL or '-'.")],
    index: Annotated[Path, typer.Option("--index", help="Index directory.")],
    min_shared: Annotated[float, typer.Option(min=0.0, max=1.0, help="Share of the shorter text both must share.")] = 0.5,
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
    typer.echo(f"{'containment':>11} {'match':>6} {'jaccard':>7}  {'outlet':<24} {'date':<10}  source")
    for m in matches:
        outlet = (m.outlet or m.domain or "?")[:24]
        typer.echo(
            f"{m.containment:>11.2f} {m.match_containment:>6.2f} {m.jaccard:>7.2f}  {outlet:<24} "
            f"{(m.published or '?')[:10]:<10}  {m.source}"
        )


def index_stats_command(index: Annotated[Path, typer.Option("--index", help="Index directory.")]) -> None:
    """Size and settings of an index."""
    from ..dedup import NearDuplicateIndex

    with NearDuplicateIndex(index, create=False) as store:
        typer.echo(store.stats().model_dump_json(indent=2))


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("source")(source_command)
    app.command("sources")(sources_command)
    group = typer.Typer(help="Near-duplicate index of articles (MinHash LSH over word shingles).", no_args_is_help=True)
    group.command("add")(index_add_command)
    group.command("query")(index_query_command)
    group.command("stats")(index_stats_command)
    app.add_typer(group, name="index")


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use the `newsprobe` command")
