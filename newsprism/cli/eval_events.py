"""``newsprism eval events``: the main event of each record against ACLED or PLOVER gold."""

from __future__ import annotations

import json

import click

from .common import progress as make_progress
from .common import settings_from


@click.command("events")
@click.option("--data", "data", required=True, multiple=True, type=click.Path(dir_okay=False),
              help="ACLED-format or PLOVER JSONL (../shared/eval/events/acled.jsonl, plover_gsr.jsonl); repeatable.")
@click.option("--split", type=click.Choice(["heldout", "all"]), default="heldout", show_default=True,
              help="ACLED data: score only the held-out records the shipped classifier never saw, or all.")
@click.option("--limit", type=int, default=None, help="Score only the first N records of each file (a quick run).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of metrics per file.")
@click.option("--errors", type=int, default=0, help="Also print the first N records whose main event type missed.")
@click.option("--rows", "rows_path", type=click.Path(dir_okay=False), default=None,
              help="Write every scored record (gold beside prediction) to this JSONL file, to study the misses.")
@click.option("--write-docs", is_flag=True, help="Rewrite the events section of docs/quality.md.")
@click.pass_context
def command(ctx: click.Context, data: tuple[str, ...], split: str, limit: int | None, as_json: bool, errors: int,
            rows_path: str | None, write_docs: bool) -> None:
    """Event type, sub-type, fatalities, date, place, actor inter and PLOVER accuracy of the main event."""
    from ..errors import NewsprismError
    from ..eval.events import TARGETS, analyse, is_plover, markdown, read_records, score

    settings = settings_from(ctx)
    sections = []
    all_rows: list[dict] = []
    for path in data:
        try:
            records = read_records(path, None)
        except NewsprismError as exc:
            raise click.UsageError(str(exc)) from None
        plover = is_plover(records)
        used_split = "all" if plover else split
        records = read_records(path, limit, used_split)
        bar = make_progress(len(records) > 50)
        if bar is not None:
            with bar:
                task = bar.add_task("events", total=len(records))
                analyses = analyse(records, settings, lambda k, bar=bar, task=task: bar.advance(task, k))
        else:
            analyses = analyse(records, settings)
        metrics, rows = score(records, analyses)
        metrics = {"split": used_split, **metrics}
        all_rows += [{"data": path, **r} for r in rows]
        if as_json:
            click.echo(json.dumps({"data": path, **metrics}))
        else:
            click.echo(f"# {path} ({used_split})")
            for key, value in metrics.items():
                target = TARGETS.get(key)
                click.echo(f"{key:26} {value}" + (f"  (target ≥ {target})" if target is not None else ""))
        key = "pred_plover" if plover else "pred_type"
        gold_key = "gold_plover" if plover else "gold_type"
        for row in [r for r in rows if r[key] != r[gold_key]][:errors]:
            click.echo(json.dumps(row, ensure_ascii=False), err=True)
        cmd = f"newsprism eval events --data {path}" + ("" if plover else f" --split {used_split}")
        cmd += f" --limit {limit}" if limit else ""
        title = "PLOVER gold-standard records" if plover else f"ACLED records ({used_split} split)"
        sections.append((title, cmd, metrics))
    if rows_path:
        with open(rows_path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in all_rows)
    if write_docs:
        from ..eval.report import write_section

        path = write_section("events", markdown(sections))
        click.echo(f"wrote {path}", err=True)
