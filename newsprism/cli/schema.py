"""``newsprism schema``: print the JSON Schema of the analysis record."""

from __future__ import annotations

import json

import click


@click.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the analysis record."""
    from ..schema import analysis_schema

    click.echo(json.dumps(analysis_schema(), indent=2))
