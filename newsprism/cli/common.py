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
    click.echo(f"rejected {rejection.input}: {rejection.message} [{rejection.stage}:{rejection.code}]", err=True)


def progress(total: int | None, description: str):
    """A rich progress bar on stderr when stderr is a terminal, else None."""
    if not sys.stderr.isatty() or (total is not None and total < 2):
        return None
    from rich.console import Console
    from rich.progress import Progress

    return Progress(console=Console(stderr=True), transient=True)
