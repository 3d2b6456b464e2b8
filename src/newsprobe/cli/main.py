"""The root `newsprobe` group: global options, the command groups, one error handler."""

from __future__ import annotations

import os
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .._version import __version__
from ..errors import NewsprobeError
from . import article, checkworthy, corpus, index, outlets, propaganda, quotes, serve
from ._options import ProfileChoice, command_group

__all__ = ["app", "main"]

# Command modules, in the order `newsprobe --help` lists them; each has `register(app, eval_app)`.
COMMAND_MODULES = (article, outlets, serve, checkworthy, quotes, index, propaganda, corpus)


class NewsprobeGroup(TyperGroup):
    """Turns a NewsprobeError from any command into one line on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:  # click.Context (typer vendors click)
        try:
            return super().invoke(ctx)
        except NewsprobeError as exc:
            if os.environ.get("NEWSPROBE_DEBUG"):
                traceback.print_exc()
            typer.echo(f"newsprobe: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = command_group(
    "Read news articles the way a careful analyst does: text, provenance, sources, quotes, claims, propaganda.",
    cls=NewsprobeGroup,
)
eval_app = command_group("Score predictions against gold data (evaluation contracts).")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsprobe {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    profile: Annotated[
        ProfileChoice,
        typer.Option(
            help=(
                "fast: cheap models for corpus scale; accurate: the fine-tuned models (about 1.5 articles/s); "
                "best: the largest encoder, most accurate and slowest (`make install-best` installs it)."
            )
        ),
    ] = ProfileChoice.accurate,
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
) -> None:
    ctx.obj = {"profile": profile.value}


for _module in COMMAND_MODULES:
    _module.register(app, eval_app)
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
        typer.echo(
            f"newsprobe: internal error: {type(exc).__name__}: {exc} (set NEWSPROBE_DEBUG=1 for details)", err=True
        )
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
