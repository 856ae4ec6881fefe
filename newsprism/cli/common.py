"""Helpers shared by the CLI commands: settings from flags, rejections on stderr, exit codes."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..errors import NewsprismError
from ..model import Rejection
from ..settings import Settings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
    """The settings for this run: --config file, environment, then the command's flags."""
    try:
        return Settings.load((ctx.obj or {}).get("config"), **overrides)
    except NewsprismError as exc:
        raise click.UsageError(str(exc)) from None


def report_rejection(rejection: Rejection) -> None:
    """One line on stderr: ``rejected INPUT: MESSAGE [stage:code]`` (``skipped`` for a stage skipped for the language)."""
    what = "skipped" if rejection.code == "unsupported-language" else "rejected"
    click.echo(f"{what} {rejection.input}: {rejection.message} [{rejection.stage}:{rejection.code}]", err=True)


def progress(many: bool):
    """A rich progress display on stderr when there are many inputs and stderr is a terminal, else None."""
    if not many or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
