"""Options and helpers shared by the command modules."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from typer.core import TyperCommand, TyperGroup

from ..errors import InputError

if TYPE_CHECKING:
    from ..analyse.base import Profile

__all__ = [
    "InputFormatChoice",
    "NewsprobeCommand",
    "OutputFormat",
    "ProfileChoice",
    "ProfileOption",
    "add_command",
    "add_contract_commands",
    "chosen_profile",
    "command_group",
    "parse_analyses",
    "write_output",
]


class ProfileChoice(str, Enum):
    fast = "fast"
    accurate = "accurate"
    best = "best"


#: A command's own --profile (the global `newsprobe --profile` works for every command too).
ProfileOption = Annotated[
    ProfileChoice | None,
    typer.Option(help="fast, accurate or best (default: the global --profile, else accurate)."),
]


class OutputFormat(str, Enum):
    json = "json"
    text = "text"


class InputFormatChoice(str, Enum):
    """text: plain text kept verbatim (offsets match the file); markdown: a page export, cleaned."""

    url = "url"
    html = "html"
    markdown = "markdown"
    text = "text"


def chosen_profile(ctx: typer.Context, override: ProfileChoice | None = None) -> Profile:
    """The command's own --profile when given, else the global `newsprobe --profile`."""
    if override is not None:
        return override.value
    root = ctx.find_root()
    return cast("Profile", (root.obj or {}).get("profile", "accurate"))


def parse_analyses(value: str | None) -> list[str] | None:
    """'entities,quotes' -> the names, checked; 'none' or '' -> [] (extraction only); None -> all.

    An unknown name is an InputError (exit 2) before any work starts.
    """
    if value is None:
        return None
    if value.strip().lower() in ("", "none"):
        return []
    from ..analyse import registry

    names = [name.strip() for name in value.split(",") if name.strip()]
    for name in names:
        registry.get(name)
    return names


def write_output(content: str, out: Path | None) -> None:
    """`content` to stdout, or to `out` (its folder created) with a note on stderr."""
    if out is None:
        sys.stdout.write(content if content.endswith("\n") else content + "\n")
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {out}", err=True)


class NewsprobeCommand(TyperCommand):
    """Usage lines in the usual convention: `analyze [OPTIONS] SOURCE`, not `{source}`."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [_CURLY.sub(lambda m: m.group(1).upper(), piece) for piece in super().collect_usage_pieces(ctx)]


_CURLY = re.compile(r"\{([^{}]+)\}")


def command_group(help: str, cls: type[TyperGroup] = TyperGroup) -> typer.Typer:
    """A command group with plain help: options in full, flags without type placeholders."""
    return typer.Typer(
        help=help,
        cls=cls,
        no_args_is_help=True,
        rich_markup_mode=None,
        add_completion=False,
        pretty_exceptions_enable=False,
    )


def add_command(
    app: typer.Typer, function: Callable[..., None], name: str | None = None, *, hidden: bool = False
) -> None:
    app.command(name, cls=NewsprobeCommand, hidden=hidden)(function)


def add_contract_commands(
    app: typer.Typer,
    eval_app: typer.Typer,
    name: str,
    help: str,
    predict: Callable[..., None],
    evaluate: Callable[..., None],
) -> None:
    """An evaluation contract: `newsprobe NAME predict ...` and `newsprobe eval NAME ...`."""
    group = command_group(help)
    add_command(group, predict, "predict")
    app.add_typer(group, name=name)
    add_command(eval_app, evaluate, name)
