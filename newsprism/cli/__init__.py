"""The ``newsprism`` command. Subcommands are imported only when run, so ``--help`` is fast."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys

import click

from .. import __version__

#: command name -> "module:attribute" (one file per command group in this package)
COMMANDS: dict[str, str] = {
    "analyze": "newsprism.cli.analyze:analyze",
    "schema": "newsprism.cli.schema:schema",
    "eval": "newsprism.cli.eval:eval_group",
    "ingest": "newsprism.cli.store:ingest",
    "query": "newsprism.cli.store:query",
    "predictions": "newsprism.cli.store:predictions",
    "sitrep": "newsprism.cli.sitrep:sitrep",
}


class LazyGroup(click.Group):
    """A group whose subcommands live in modules imported on first use."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        present = [n for n, target in self.lazy.items() if importlib.util.find_spec(target.split(":")[0])]
        return sorted(set(super().list_commands(ctx)) | set(present))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attr = self.lazy[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attr)  # type: ignore[no-any-return]
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="A TOML settings file.")
@click.pass_context
def main(ctx: click.Context, verbose: int, quiet: bool, config: str | None) -> None:
    """newsprism: split news coverage of a crisis into checkable parts (events, claims,
    rhetoric), each with the characters it came from."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.ensure_object(dict)
    ctx.obj["config"] = config
    ctx.obj["quiet"] = quiet
