"""``newsprism sitrep [INPUT...]``: the situation report over a set of articles (the main job)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import EXIT_OK, EXIT_REJECTED, progress, report_rejection, settings_from

DEFAULT_OUT = "newsprism-sitrep.html"


def sample_inputs() -> list[str]:
    """The bundled Kazakhstan sample: its plain-text articles (the .html is the same Pravda piece as a web page)."""
    from importlib import resources

    folder = Path(str(resources.files("newsprism").joinpath("data/samples")))
    return [str(p) for p in sorted(folder.glob("*.txt"))]


@click.command()
@click.argument("inputs", nargs=-1)
@click.option("--db", default=None, help="Read the analyses from this store (URL or SQLite file), ingesting INPUTs first.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=DEFAULT_OUT, show_default=True,
              help="The report file: .html (one self-contained page) or .md (Markdown for a memo).")
@click.option("--title", default=None, help="The report's title (default: from the countries of the events).")
@click.option("--published", default=None, help="Publication date for inputs that lack one (ISO 8601).")
@click.option("--outlet", default=None, help="Outlet name for inputs that lack one.")
@click.option("--fail-fast", is_flag=True, default=None, help="Stop at the first rejected input.")
@click.option("--country", default=None, help="Only the events in this country (ISO 3166 alpha-3 code or name).")
@click.option("--from", "date_from", default=None, help="Only the events from this date (YYYY-MM-DD, YYYY-MM, YYYY).")
@click.option("--to", "date_to", default=None, help="Only the events up to this date, inclusive.")
@click.pass_context
def sitrep(ctx, inputs, db, out, title, published, outlet, fail_fast, country, date_from, date_to) -> None:
    """Write a situation report over articles: headline figures, timeline, map, stories with corroboration and
    contradictions, who says what, predictions and outlets compared, each item linked to its evidence.

    With no INPUT it reports on the bundled Kazakhstan sample (three outlets, January 2022).
    """
    from ..fuse import fuse
    from ..present.report import write_report

    settings = settings_from(ctx, fail_fast=fail_fast, db=db)
    if not inputs and db is None:
        inputs = tuple(sample_inputs())
    if db is not None:
        fusion, rejected = _from_store(ctx, settings, inputs, published, outlet)
    else:
        analyses, rejected = _analyse(settings, inputs, published, outlet)
        fusion = fuse(analyses)
    if country or date_from or date_to:
        from ..fuse import select, story_query

        fusion = select(fusion, story_query(country, date_from, date_to))
    path = write_report(fusion, out, title=title)
    if not (ctx.obj or {}).get("quiet"):
        click.echo(f"wrote the situation report to {path.resolve()} ({len(fusion.stories)} events from "
                   f"{len(fusion.analyses)} articles, {len(fusion.contradictions)} contradictions, "
                   f"{len(fusion.predictions)} predictions)", err=True)
    sys.exit(EXIT_REJECTED if rejected else EXIT_OK)


def _analyse(settings, inputs, published, outlet):
    from ..api import analyze_many
    from ..model import Rejection

    analyses, rejected = [], 0
    bar = progress(many=True)
    task = bar.add_task("analysing", total=None) if bar else None
    with bar or _Quiet():
        for result in analyze_many(inputs, published=published, outlet=outlet, settings=settings):
            if bar:
                bar.update(task, advance=1, description=f"analysing: {len(analyses) + 1} articles")
            if isinstance(result, Rejection):
                rejected += 1
                report_rejection(result)
                if settings.fail_fast:
                    break
                continue
            analyses.append(result)
    return analyses, rejected


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _from_store(ctx, settings, inputs, published, outlet):
    """Ingest ``inputs`` into the store (an empty store gets the bundled sample), then fuse what it holds."""
    from ..errors import StoreError
    from ..fuse import fuse
    from ..store import open_repository
    from ..store.ingest import ingest, recompute_fusion

    try:
        repo = open_repository(settings.db)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None
    rejected = 0
    with repo:
        if not inputs and next(iter(repo.analyses()), None) is None:
            click.echo(f"the store {repo.url} is empty: ingesting the bundled sample", err=True)
            inputs = tuple(sample_inputs())
        for report in ingest(repo, inputs, settings, published=published, outlet=outlet):
            for rejection in report.rejections:
                report_rejection(rejection)
            rejected += len(report.rejections)
        fusion = recompute_fusion(repo) if inputs else None
        if fusion is None:
            fusion = fuse(list(repo.analyses()))
    return fusion, rejected
