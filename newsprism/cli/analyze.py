"""``newsprism analyze INPUT...``: analyse articles and print the records."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from ..present.export import FORMATS
from .common import EXIT_OK, EXIT_REJECTED, progress, report_rejection, settings_from


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from ..ingest.meta import iso_date

    parsed = iso_date(value)
    if parsed is None:
        raise click.BadParameter(f"cannot read {value!r} as a date; use ISO 8601, e.g. 2022-01-07 or 2022-01-07T10:00:00+03:00")
    return parsed


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
    help="text: a summary for people; json: one array; jsonl: one record per line, written as it goes.",
)
@click.option("--out", type=click.File("w", encoding="utf-8", lazy=False), default="-", help="Write here instead of stdout.")
@click.option("--published", default=None, callback=_published, help="Publication date for inputs that lack one (ISO 8601).")
@click.option("--outlet", default=None, help="Outlet name for inputs that lack one.")
@click.option("--url", default=None, help="URL for inputs that lack one.")
@click.option("--fail-fast", is_flag=True, default=None, help="Stop at the first rejected input (exit code 1).")
@click.pass_context
def analyze(ctx: click.Context, inputs: tuple[str, ...], fmt: str, out: Any, published: str | None, outlet: str | None,
            url: str | None, fail_fast: bool | None) -> None:
    """Analyse articles: files (.txt .html .json .jsonl .xml .rss .atom), directories (read recursively),
    globs, or - for standard input.

    Rejected inputs (missing, empty, binary, undecodable, too large, malformed)
    are reported on stderr, and in json/jsonl output as {"rejection": {...}}
    items; the run goes on with the rest. Exit code 0 when every input was
    analysed, 1 when some were rejected, 2 for a usage error.
    """
    from ..api import analyze_many
    from ..errors import ConfigError, NewsprismError
    from ..present.export import write

    settings = settings_from(ctx, fail_fast=fail_fast)
    counts = {"analysed": 0, "rejected": 0, "stage errors": 0}
    paths = [item if item == "-" else Path(item) for item in inputs]
    results = analyze_many(paths, published=published, outlet=outlet, url=url, settings=settings)
    total = None if _expands(inputs) else len(inputs)
    # a live progress display would garble a summary printed to the same terminal
    to_terminal = getattr(out, "name", "-") in ("-", "<stdout>") and sys.stdout.isatty()
    bar = progress(many=(total is None or total > 1) and not to_terminal)
    try:
        if bar is None:
            write(fmt, _account(results, counts, settings.fail_fast), out, on_rejection=report_rejection)
        else:
            with bar:
                task = bar.add_task("analysing", total=total)

                def tick() -> None:
                    bar.update(task, advance=1, description=_tally(counts))

                write(fmt, _account(results, counts, settings.fail_fast, tick), out, on_rejection=report_rejection)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    except NewsprismError as exc:
        raise click.ClickException(str(exc)) from None
    if not (ctx.obj or {}).get("quiet") and sum(counts.values()) > 1:
        click.echo(_tally(counts), err=True)
    sys.exit(EXIT_REJECTED if counts["rejected"] or counts["stage errors"] else EXIT_OK)


def _tally(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n or what not in ("stage errors", "skipped (language)"))


def _expands(inputs: Iterable[str]) -> bool:
    """Whether some input may stand for many articles (a directory, a glob, records, a feed, stdin)."""
    return any(
        item == "-" or Path(item).is_dir() or any(c in item for c in "*?[")
        or Path(item).suffix.lower() in (".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom")
        for item in inputs
    )


def _account(results: Iterable[Any], counts: dict[str, int], fail_fast: bool, tick: Any = None) -> Iterator[Any]:
    """Count results, report rejections of later stages on stderr, stop at the first rejection with --fail-fast."""
    from ..errors import ConfigError
    from ..extract import SKIPPED_LANGUAGE
    from ..model import Rejection

    iterator = iter(results)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except ConfigError:
            raise
        except Exception as exc:  # with --fail-fast a failing stage raises instead of being recorded
            if not fail_fast:
                raise
            counts["rejected"] += 1
            yield Rejection("<run>", "extract", "stage-error", f"stopped (--fail-fast): {type(exc).__name__}: {exc}")
            return
        if isinstance(item, Rejection):
            counts["rejected"] += 1
            failed = True
        else:
            for stage_rejection in item.rejections:
                report_rejection(stage_rejection)
            counts["analysed"] += 1
            errors = [r for r in item.rejections if r.code != SKIPPED_LANGUAGE]
            counts["stage errors"] += bool(errors)
            counts["skipped (language)"] = counts.get("skipped (language)", 0) + (len(errors) < len(item.rejections))
            failed = bool(errors)
        if tick is not None:
            tick()
        yield item
        if failed and fail_fast:
            return
