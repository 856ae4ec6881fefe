"""``newsprism eval attribution|certainty|checkworthy``: quality of the claims stage."""

from __future__ import annotations

import json
from collections.abc import Callable

import click

from .common import settings_from


def _print(metrics: dict, targets: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(metrics))
        return
    for key, value in metrics.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        target = targets.get(key)
        click.echo(f"{key:24} {shown}" + (f"  (target ≥ {target})" if target is not None else ""))


def _write(task: str, markdown: Callable[[dict, str, str], str], metrics: dict, data: str, command: str) -> None:
    from ..eval.report import write_section

    path = write_section(task, markdown(metrics, data, command))
    click.echo(f"wrote {path}", err=True)


def _run(evaluate: Callable[[], dict]) -> dict:
    from ..errors import NewsprismError

    try:
        return evaluate()
    except NewsprismError as exc:
        raise click.UsageError(str(exc)) from None


LIMIT = click.option("--limit", type=int, default=None, help="Score only the first N texts (a quick run).")
JSON = click.option("--json", "as_json", is_flag=True, help="Print one JSON object of metrics.")
WRITE = click.option("--write-docs", is_flag=True, help="Rewrite this task's section of docs/quality.md.")


@click.command("attribution")
@click.option("--data", required=True, type=click.Path(file_okay=False),
              help="A PolNeAR split directory with text/ and attributions/ (../shared/eval/attribution/polnear/data/dev).")
@LIMIT
@JSON
@WRITE
@click.pass_context
def attribution(ctx: click.Context, data: str, limit: int | None, as_json: bool, write_docs: bool) -> None:
    """Source, cue and content spans of claims against PolNeAR: P/R/F1, exact and overlap."""
    from ..eval import attribution as scorer

    metrics = _run(lambda: scorer.evaluate(data, settings_from(ctx), limit))
    _print(metrics, scorer.TARGETS, as_json)
    if write_docs:
        cmd = f"newsprism eval attribution --data {data}" + (f" --limit {limit}" if limit else "")
        _write("attribution", scorer.markdown, metrics, data, cmd)


@click.command("certainty")
@click.option("--data", required=True, type=click.Path(dir_okay=False),
              help="Hedge-labelled sentences as JSONL (../shared/eval/certainty/hedge.jsonl).")
@LIMIT
@JSON
@WRITE
@click.pass_context
def certainty(ctx: click.Context, data: str, limit: int | None, as_json: bool, write_docs: bool) -> None:
    """Sentence certainty against hedge labels: P/R/F1 of the uncertain class."""
    from ..eval import certainty as scorer

    metrics = _run(lambda: scorer.evaluate(data, settings_from(ctx), limit))
    _print(metrics, scorer.TARGETS, as_json)
    if write_docs:
        cmd = f"newsprism eval certainty --data {data}" + (f" --limit {limit}" if limit else "")
        _write("certainty", scorer.markdown, metrics, data, cmd)


@click.command("checkworthy")
@click.option("--data", required=True, type=click.Path(dir_okay=False),
              help="CLEF CheckThat! sentences as JSONL (../shared/eval/checkworthy/clef.jsonl).")
@click.option("--split", type=click.Choice(["test", "train", "all"]), default="test", show_default=True,
              help="Which records to score (the model was trained on train).")
@LIMIT
@JSON
@WRITE
@click.pass_context
def checkworthy(ctx: click.Context, data: str, split: str, limit: int | None, as_json: bool, write_docs: bool) -> None:
    """Sentence check-worthiness against CheckThat! labels: average precision and F1 of the check-worthy class."""
    from ..eval import checkworthy as scorer

    metrics = _run(lambda: scorer.evaluate(data, settings_from(ctx), limit, split))
    _print(metrics, scorer.TARGETS, as_json)
    if write_docs:
        cmd = f"newsprism eval checkworthy --data {data}" + (f" --split {split}" if split != "test" else "") + (
            f" --limit {limit}" if limit else "")
        _write("checkworthy", scorer.markdown, metrics, data, cmd)
