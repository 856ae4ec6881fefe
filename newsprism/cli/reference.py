"""The CLI reference (docs/cli.md), generated from the commands' own help so that it cannot drift.

``python -m newsprism.cli.reference > docs/cli.md`` rewrites it; a test checks it is current.
"""

from __future__ import annotations

import click

from . import main


def walk(command: click.Command, path: list[str], ctx: click.Context | None = None):
    """Every ``(path, command, context)`` below ``command``, depth first, sorted by name."""
    settings = {**command.context_settings, "terminal_width": 100, "max_content_width": 100}
    ctx = click.Context(command, info_name=" ".join(path), parent=ctx, **settings)
    yield path, command, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from walk(sub, [*path, name], ctx)


def reference() -> str:
    parts = [
        "# CLI reference",
        "",
        "Generated from the commands' `--help` by `python -m newsprism.cli.reference > docs/cli.md`; do not edit.",
        "",
    ]
    for path, command, ctx in walk(main, ["newsprism"]):
        parts += [f"## `{' '.join(path)}`", "", "```text", command.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    click.echo(reference(), nl=False)
