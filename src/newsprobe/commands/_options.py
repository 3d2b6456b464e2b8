"""Options shared by the command modules."""

from __future__ import annotations

from enum import Enum

import typer

__all__ = ["ProfileChoice", "chosen_profile"]


class ProfileChoice(str, Enum):
    fast = "fast"
    accurate = "accurate"


def chosen_profile(ctx: typer.Context, override: ProfileChoice | None = None) -> str:
    """The command's own --profile when given, else the global `newsprobe --profile`."""
    if override is not None:
        return override.value
    root = ctx.find_root()
    return str((root.obj or {}).get("profile", "accurate"))
