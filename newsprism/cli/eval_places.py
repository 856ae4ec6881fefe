"""``newsprism eval places``: geocoding quality on ACLED-format records."""

from __future__ import annotations

import json

import click

from .common import progress as make_progress
from .common import settings_from


@click.command("places")
@click.option("--data", "data", required=True, type=click.Path(dir_okay=False),
              help="ACLED-format JSONL (../shared/eval/events/acled.jsonl).")
@click.option("--limit", type=int, default=None, help="Score only the first N records (a quick run).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of metrics.")
@click.option("--errors", type=int, default=0, help="Also print the first N records that missed (country or name).")
@click.option("--write-docs", is_flag=True, help="Rewrite the places section of docs/quality.md.")
@click.pass_context
def command(ctx: click.Context, data: str, limit: int | None, as_json: bool, errors: int, write_docs: bool) -> None:
    """Share of records whose country, point (25 km) and location name the places stage finds."""
    from ..errors import NewsprismError
    from ..eval.places import TARGETS, markdown, read_records, score, summarise_errors

    settings = settings_from(ctx)
    try:
        records = read_records(data, limit)
    except NewsprismError as exc:
        raise click.UsageError(str(exc)) from None
    bar = make_progress(len(records) > 50)
    if bar is not None:
        with bar:
            task = bar.add_task("places", total=len(records))
            metrics, rows = score(records, settings, lambda k: bar.advance(task, k))
    else:
        metrics, rows = score(records, settings)
    if as_json:
        click.echo(json.dumps(metrics))
    else:
        for key, value in metrics.items():
            target = TARGETS.get(key)
            click.echo(f"{key:24} {value}" + (f"  (target ≥ {target})" if target is not None else ""))
    for row in summarise_errors(rows, errors):
        click.echo(json.dumps(row, ensure_ascii=False), err=True)
    if write_docs:
        from ..eval.report import write_section

        cmd = f"newsprism eval places --data {data}" + (f" --limit {limit}" if limit else "")
        path = write_section("places", markdown(metrics, data, cmd))
        click.echo(f"wrote {path}", err=True)
