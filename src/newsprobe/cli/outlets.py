"""Outlet profiles: what the curated data sets say about an outlet, with citations.

newsprobe source NAME_OR_DOMAIN [--format json|text]
newsprobe sources [--flag state|specious|laundromat|low] [--country C] [--limit N] [--format json|text]
"""

from __future__ import annotations

import json
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InputError
from ._options import OutputFormat, add_command

if TYPE_CHECKING:
    from ..outlets import OutletProfile

__all__ = ["register"]


class FlagChoice(str, Enum):
    state = "state"
    specious = "specious"
    laundromat = "laundromat"
    low = "low"


# ---------------------------------------------------------------- outlets


def profile_text(profile: OutletProfile) -> str:
    """A plain-text outlet card: identity, flags, then every evidence item with its citation."""
    if profile.status == "unknown":
        if profile.namesakes:
            from ..report.words import SHARED_NAME  # here: the report package is heavy to import at start-up

            return f"{profile.query}: no single outlet — {SHARED_NAME} {', '.join(profile.namesakes)}"
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
        lines.append(f"  state affiliation: {state.label}" + (f", {state.owner}" if state.owner else ""))
    if profile.reliability:
        r = profile.reliability
        lines.append(f"  reliability: {r.display}, {r.standing}")
    else:
        lines.append("  reliability: unknown (no Lin et al. score)")
    lines.append(f"  flags: {'; '.join(profile.flags) or 'none'}")
    lines.append("  evidence:")
    from ..outlets import database

    titles = database().dataset_titles
    for item in profile.evidence:
        inherited = f" (listed for {item.inherited_from})" if item.inherited_from else ""
        title = titles.get(item.dataset, item.dataset)
        lines.append(f"    - {item.list_label}{inherited}: {item.detail} — {title}")
    citations = sorted({item.citation for item in profile.evidence})
    lines.append("  sources:")
    lines += [f"    {citation}" for citation in citations]
    return "\n".join(lines)


def source_command(
    name: Annotated[str, typer.Argument(help="Outlet name, domain, URL, e-mail address, @handle or IP.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """What the curated data sets say about one outlet, with citations."""
    from ..outlets import source

    if not name.strip():
        raise InputError("give an outlet name, domain, URL, e-mail address, @handle or IP")
    profile = source(name)
    if format is OutputFormat.json:
        typer.echo(profile.model_dump_json(indent=2))
    else:
        typer.echo(profile_text(profile))


def sources_command(
    flag: Annotated[FlagChoice | None, typer.Option(help="Only outlets with this flag.")] = None,
    country: Annotated[str | None, typer.Option(help="Only outlets of this country (state-media matrix).")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many outlets.")] = 50,
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """The outlet table: its data sets and citations, or the outlets matching --flag/--country."""
    from ..outlets import database

    db = database()
    if flag is None and country is None:
        _print_datasets(db.datasets(), db.count(), format)
        return
    if country is not None:
        _check_country(country, db.countries())
    chosen_flag = flag.value if flag else None
    outlets = db.list_outlets(flag=chosen_flag, country=country, limit=limit)
    if format is OutputFormat.json:
        typer.echo(json.dumps([p.model_dump(mode="json") for p in outlets], indent=2, ensure_ascii=False))
        return
    for profile in outlets:
        typer.echo(f"{profile.unicode_domain:<32} {profile.name or '':<36} {'; '.join(profile.flags)}")
    total = db.count_outlets(flag=chosen_flag, country=country)
    if total > len(outlets):
        typer.echo(f"({len(outlets)} of {total} outlets shown; --limit {total} lists them all)")


def _check_country(country: str, known: list[str]) -> None:
    """A country the state-media table does not name is bad input, not an empty list."""
    if country.lower() in {name.lower() for name in known}:
        return
    from difflib import get_close_matches

    close = get_close_matches(country, known, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else " (countries are named in full, e.g. Russia)"
    raise InputError(f"no outlet of the table is in a country called {country!r}{hint}")


def _print_datasets(datasets: list[dict[str, object]], count: int, format: OutputFormat) -> None:
    if format is OutputFormat.json:
        typer.echo(json.dumps({"outlets": count, "datasets": datasets}, indent=2, ensure_ascii=False))
        return
    typer.echo(f"{count} outlets from {len(datasets)} data sets:")
    for item in datasets:
        typer.echo(f"- {item['id']}: {item['title']} ({item['rows_used']} rows used, {item['rows_skipped']} skipped)")
        typer.echo(f"    {item['citation']}")
        typer.echo(f"    licence: {item['licence']}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    add_command(app, source_command, "source")
    add_command(app, sources_command, "sources")
