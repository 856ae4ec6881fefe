"""``newsprism analyze INPUT...``: analyse articles and print the records."""

from __future__ import annotations

import json
import sys

import click

from .common import EXIT_OK, EXIT_REJECTED, report_rejection, settings_from


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text", show_default=True)
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-", help="Write here instead of stdout.")
@click.option("--published", default=None, help="Publication date for inputs that lack one (ISO 8601).")
@click.option("--outlet", default=None, help="Outlet name for inputs that lack one.")
@click.option("--url", default=None, help="URL for inputs that lack one.")
@click.option("--fail-fast", is_flag=True, default=None, help="Stop at the first rejected input.")
@click.pass_context
def analyze(ctx, inputs, fmt, out, published, outlet, url, fail_fast) -> None:
    """Analyse articles: files (.txt .html .json .jsonl .xml/.rss/.atom), directories, globs, or - for stdin."""
    from ..api import analyze_many
    from ..model import Rejection

    settings = settings_from(ctx, fail_fast=fail_fast)
    rejected = 0
    records = []
    for result in analyze_many(inputs, published=published, outlet=outlet, url=url, settings=settings):
        if isinstance(result, Rejection):
            rejected += 1
            report_rejection(result)
            if settings.fail_fast:
                break
            continue
        if fmt == "jsonl":
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            records.append(result.to_dict())
        else:
            out.write(_summary(result) + "\n")
    if fmt == "json":
        out.write(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2) + "\n")
    sys.exit(EXIT_REJECTED if rejected else EXIT_OK)


def _summary(result) -> str:
    a = result.article
    lines = [f"# {a.title or result.id}", f"  id {result.id} · outlet {a.outlet or '?'} · published {a.published or '?'}"]
    lines.append(f"  {len(result.sentences)} sentences, {len(result.entities)} entities, {len(result.places)} places, "
                 f"{len(result.events)} events, {len(result.claims)} claims, {len(result.rhetoric)} rhetoric spans")
    return "\n".join(lines)
