"""Options shared by the command modules."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

import typer

__all__ = ["ProfileChoice", "add_contract_commands", "chosen_profile"]


class ProfileChoice(str, Enum):
    fast = "fast"
    accurate = "accurate"


def chosen_profile(ctx: typer.Context, override: ProfileChoice | None = None) -> str:
    """The command's own --profile when given, else the global `newsprobe --profile`."""
    if override is not None:
        return override.value
    root = ctx.find_root()
    return str((root.obj or {}).get("profile", "accurate"))


def add_contract_commands(app: typer.Typer, eval_app: typer.Typer, name: str, help: str,
                          predict: Callable[..., None], evaluate: Callable[..., None]) -> None:
    """An evaluation contract: `newsprobe NAME predict ...` and `newsprobe eval NAME ...`."""
    group = typer.Typer(help=help, no_args_is_help=True)
    group.command("predict")(predict)
    app.add_typer(group, name=name)
    eval_app.command(name)(evaluate)
