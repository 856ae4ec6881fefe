"""``newsprism ingest``, ``newsprism query`` and ``newsprism predictions``: the store from the command line."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

from .common import EXIT_OK, EXIT_REJECTED, progress, report_rejection, settings_from

KINDS = ("events", "claims", "articles", "stories")
FORMATS = ("table", "csv", "json", "jsonl", "acled-csv", "geojson", "parquet")
EVENT_ONLY = ("acled-csv",)

_db_option = click.option("--db", default=None, help="Database URL or SQLite file (default: the db setting, newsprism.db).")

#: the columns the table format shows (csv, json and parquet have them all)
TABLE_COLUMNS = {
    "events": ("event_date", "event_type", "sub_event_type", "location", "iso3", "fatalities_best", "arrested_best",
               "actor1", "reported_by", "outlet"),
    "claims": ("published_date", "speaker_name", "speaker_kind", "kind", "certainty", "content", "outlet"),
    "articles": ("published_date", "outlet", "title", "language", "events", "claims", "content_hash"),
    "stories": ("id", "story_date", "event_type", "location", "iso3", "corroboration", "outlets"),
    "predictions": ("id", "made", "speaker_name", "content", "horizon", "status", "note"),
}


def _open(ctx: click.Context, db: str | None):
    from ..errors import StoreError
    from ..store import open_repository

    settings = settings_from(ctx, db=db)
    try:
        return settings, open_repository(settings.db)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None


# --------------------------------------------------------------------------- ingest

@click.command()
@click.argument("inputs", nargs=-1, required=True)
@_db_option
@click.option("--published", default=None, help="Publication date for inputs that lack one (ISO 8601).")
@click.option("--outlet", default=None, help="Outlet name for inputs that lack one.")
@click.option("--url", default=None, help="URL for inputs that lack one.")
@click.option("--fail-fast", is_flag=True, default=None, help="Stop at the first rejected input.")
@click.option("--no-fuse", is_flag=True, help="Do not recompute the stories and predictions after storing.")
@click.pass_context
def ingest(ctx, inputs, db, published, outlet, url, fail_fast, no_fuse) -> None:
    """Analyse articles and store them (idempotent by content hash; rerun to resume an interrupted run)."""
    from ..store.ingest import ingest as ingest_inputs
    from ..store.ingest import recompute_fusion

    settings, repo = _open(ctx, db)
    settings = settings.replace(fail_fast=bool(fail_fast)) if fail_fast is not None else settings
    quiet = (ctx.obj or {}).get("quiet")
    totals = {"read": 0, "stored": 0, "skipped": 0, "rejected": 0, "stage_rejections": 0}
    bar = progress(True)
    with repo, (bar or _Null()) as live:
        task = live.add_task("ingesting", total=None) if bar else None
        for report in ingest_inputs(repo, inputs, settings, published=published, outlet=outlet, url=url):
            for rejection in report.rejections:
                report_rejection(rejection)
            totals["read"] += report.read
            totals["stored"] += report.stored
            totals["skipped"] += report.skipped
            totals["rejected"] += len(report.rejections)
            totals["stage_rejections"] += report.stage_rejections
            if bar:
                live.update(task, advance=report.read + len(report.rejections),
                            description=f"ingesting: {totals['stored']} stored, {totals['skipped']} already stored")
        fused = None if no_fuse else recompute_fusion(repo)
        if not quiet:
            stories = f", {len(getattr(fused, 'stories', []) or [])} stories" if fused is not None else ""
            click.echo(f"{totals['stored']} articles stored, {totals['skipped']} already stored, {totals['rejected']} "
                       f"inputs rejected{stories} -> {repo.url}", err=True)
    sys.exit(EXIT_REJECTED if totals["rejected"] else EXIT_OK)


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        return None


# --------------------------------------------------------------------------- query

@click.command()
@click.argument("what", type=click.Choice(KINDS))
@click.option("--country", default=None, help="ISO 3166 alpha-3 code or country name.")
@click.option("--from", "date_from", default=None, help="From this date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive.")
@click.option("--to", "date_to", default=None, help="To this date, inclusive.")
@click.option("--type", "type_", default=None, help="Event or sub-event type (events, stories); claim kind (claims).")
@click.option("--outlet", default=None, help="Outlet name (case-insensitive).")
@click.option("--speaker", default=None, help="Part of the speaker's name (claims) or of the event's source.")
@click.option("--text", default=None, help="Words the article must contain (full-text search).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None, help="Write to this file, not stdout.")
@_db_option
@click.pass_context
def query(ctx, what, country, date_from, date_to, type_, outlet, speaker, text, fmt, out, db) -> None:
    """Select stored events, claims, articles or stories and print or export them."""
    from ..errors import StoreError
    from ..store import Filters

    if fmt in EVENT_ONLY and what != "events":
        raise click.UsageError(f"--format {fmt} is for events; use `newsprism query events --format {fmt}`")
    if fmt == "geojson" and what not in ("events", "stories"):
        raise click.UsageError("--format geojson is for events and stories (the records with coordinates)")
    try:
        filters = Filters(country=country, date_from=date_from, date_to=date_to, type=type_, outlet=outlet,
                          speaker=speaker, text=text)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None
    _settings, repo = _open(ctx, db)
    with repo:
        if fmt in ("acled-csv", "geojson") and what == "events":
            _write_text(out, lambda stream: _export_events(fmt, repo.event_analyses(filters), stream))
            return
        if what == "stories" and fmt in ("json", "jsonl"):
            rows: Iterable[dict[str, Any]] = repo.stories(filters)
        elif what == "stories":
            rows = repo.story_rows(filters)
        else:
            rows = getattr(repo, what)(filters)
        emit(rows, fmt, out, what)


def event_exporter(fmt: str) -> str | None:
    """The export registry's name for ``fmt`` (ACLED CSV, GeoJSON), or None when this build has no such writer.

    The events exporters (newsprism.present) write ACLED CSV and GeoJSON from analyses, so that `analyze` and
    `query` give the same rows.
    """
    from ..present.export import FORMATS

    names = {"acled-csv": ("acled-csv", "acled", "acled_csv"), "geojson": ("geojson",)}[fmt]
    return next((name for name in names if name in FORMATS), None)


def _export_events(fmt: str, analyses: Iterator[Any], stream) -> None:
    from ..present.export import write

    name = event_exporter(fmt)
    if name is None:
        raise click.UsageError(f"this build of newsprism has no {fmt} exporter; use --format csv or json")
    write(name, analyses, stream)


def emit(rows: Iterable[dict[str, Any]], fmt: str, out: str | None, kind: str) -> None:
    """Write flat rows as a table, CSV, JSON, JSON lines, GeoJSON (stories) or Parquet."""
    if fmt == "parquet":
        from ..present.parquet import write_parquet

        if out is None and sys.stdout.isatty():
            raise click.UsageError("Parquet is binary: give --out FILE.parquet (or redirect stdout)")
        write_parquet(rows, out if out is not None else sys.stdout.buffer)
        return
    writers = {"table": lambda s: _table(rows, kind, s), "csv": lambda s: _csv(rows, s),
               "json": lambda s: _json(rows, s), "jsonl": lambda s: _jsonl(rows, s),
               "geojson": lambda s: _story_geojson(rows, s)}
    _write_text(out, writers[fmt])


def _write_text(out: str | None, write) -> None:
    if out is None:
        write(sys.stdout)
        return
    with open(out, "w", encoding="utf-8", newline="") as stream:
        write(stream)


def _jsonable(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _csv(rows: Iterable[dict[str, Any]], stream) -> None:
    writer = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _jsonable(v) for k, v in row.items()})


def _json(rows: Iterable[dict[str, Any]], stream) -> None:
    json.dump(list(rows), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _jsonl(rows: Iterable[dict[str, Any]], stream) -> None:
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def _story_geojson(rows: Iterable[dict[str, Any]], stream) -> None:
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
         "properties": {k: v for k, v in row.items() if k not in ("latitude", "longitude")}}
        for row in rows if row.get("latitude") is not None and row.get("longitude") is not None
    ]
    json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
    stream.write("\n")


def _table(rows: Iterable[dict[str, Any]], kind: str, stream) -> None:
    from rich.console import Console
    from rich.table import Table

    columns = TABLE_COLUMNS[kind]
    table = Table(*columns, show_lines=False, highlight=False)
    n = 0
    for row in rows:
        n += 1
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console = Console(file=stream, width=None if stream.isatty() else 200, soft_wrap=False)
    console.print(table)
    console.print(f"{n} {kind}")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


# --------------------------------------------------------------------------- predictions

@click.group()
def predictions() -> None:
    """The prediction ledger: list predictions, and resolve them when their time has come."""


@predictions.command("list")
@click.option("--status", type=click.Choice(["open", "came-true", "did-not"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "jsonl"]), default="table", show_default=True)
@_db_option
@click.pass_context
def list_predictions(ctx, status, fmt, db) -> None:
    """List the predictions (all, or those with one status)."""
    _settings, repo = _open(ctx, db)
    with repo:
        emit(repo.predictions(status), fmt, None, "predictions")


@predictions.command("resolve")
@click.argument("prediction_id")
@click.option("--status", type=click.Choice(["came-true", "did-not", "open"]), required=True)
@click.option("--note", default=None, help="Why: what happened, with a source.")
@_db_option
@click.pass_context
def resolve(ctx, prediction_id, status, note, db) -> None:
    """Mark prediction ID as came-true or did-not (or open again)."""
    from ..errors import StoreError

    _settings, repo = _open(ctx, db)
    with repo:
        try:
            row = repo.resolve_prediction(prediction_id, status, note)
        except StoreError as exc:
            raise click.UsageError(str(exc)) from None
    click.echo(f"{row['id']}: {row['status']} ({row['speaker_name']}: {row['content'].strip()})")
