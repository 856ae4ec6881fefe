"""``newsprism eval rhetoric``: span identification and technique classification on SemEval-2020 Task 11 data."""

from __future__ import annotations

import json
import sys

import click

from .common import EXIT_OK, EXIT_USAGE, settings_from


@click.command("rhetoric")
@click.option("--data", "data", required=True, type=click.Path(exists=True, file_okay=False),
              help="A PTC directory: articles/*.txt, labels-SI.tsv, labels-TC.tsv (e.g. ../shared/eval/rhetoric/ptc).")
@click.option("--folds", type=int, default=None,
              help="Cross-validate over the articles with this many folds (train on the others); "
                   "without it the shipped model is scored (in-sample on its own training data).")
@click.option("--seed", type=int, default=13, show_default=True, help="Seed of the fold split and the training.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--write-docs", is_flag=True, help="Write the results into the 'rhetoric' section of docs/quality.md.")
@click.option("--docs", "docs_path", default="docs/quality.md", show_default=True, help="The quality report to write.")
@click.pass_context
def command(ctx, data, folds, seed, as_json, write_docs, docs_path) -> None:
    """Score rhetoric spans: SI F1 (character overlap) and TC micro-F1 given the gold spans."""
    from ..errors import NewsprismError
    from ..eval import rhetoric as scorer
    from ..eval.report import write_section

    settings = settings_from(ctx)
    try:
        if folds:
            metrics = scorer.cross_validate(data, settings, folds=folds, seed=seed)
        else:
            metrics = scorer.evaluate(data, settings)
    except NewsprismError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if as_json:
        click.echo(json.dumps(metrics, indent=2))
    else:
        for key, value in metrics.items():
            if key != "per_technique":
                click.echo(f"{key:34} {value:.3f}" if isinstance(value, float) else f"{key:34} {value}")
        for technique, m in metrics["per_technique"].items():
            click.echo(f"  {technique:36} F1 {m['f1']:.3f}  (n={m['support']})")
    if write_docs:
        command_line = "newsprism eval rhetoric --data DIR" + (f" --folds {folds} --seed {seed}" if folds else "")
        path = write_section("rhetoric", scorer.markdown(metrics, command_line), docs_path)
        click.echo(f"wrote {path}", err=True)
    sys.exit(EXIT_OK)
