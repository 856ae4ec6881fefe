"""``newsprism eval TASK``: score an extractor against labelled data."""

from __future__ import annotations

import click

from . import LazyGroup

#: task -> "module:attribute"; one file per task in this package
TASKS: dict[str, str] = {
    "places": "newsprism.cli.eval_places:command",
    "events": "newsprism.cli.eval_events:command",
    "attribution": "newsprism.cli.eval_claims:attribution",
    "certainty": "newsprism.cli.eval_claims:certainty",
    "checkworthy": "newsprism.cli.eval_claims:checkworthy",
    "rhetoric": "newsprism.cli.eval_rhetoric:command",
}


@click.group("eval", cls=LazyGroup, lazy=TASKS)
def eval_group() -> None:
    """Measure quality against labelled data (results can be written to docs/quality.md)."""
