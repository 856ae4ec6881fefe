"""docs/quality.md: each ``newsprism eval TASK --write-docs`` rewrites its own section, never by hand."""

from __future__ import annotations

import re
from pathlib import Path

HEADER = (
    "# Quality\n\n"
    "Every section below is written by the `newsprism eval` command it names, on the labelled dev data of\n"
    "`../shared/eval` (see its README). Do not edit by hand: rerun the command.\n"
)


def write_section(task: str, markdown: str, path: str | Path = "docs/quality.md") -> Path:
    """Replace (or append) the section of ``task`` in the quality report and return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    current = path.read_text(encoding="utf-8") if path.exists() else HEADER
    begin, end = f"<!-- eval:{task} -->", f"<!-- /eval:{task} -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(current):
        current = pattern.sub(lambda _: block, current)
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(current, encoding="utf-8")
    return path


def metrics_table(metrics: dict[str, float | int | str], targets: dict[str, float] | None = None) -> str:
    """A Markdown table of metric, value and (when given) the dev target and whether it is met."""
    targets = targets or {}
    rows = ["| metric | value | target | met |", "|---|---|---|---|"]
    for key, value in metrics.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        target = targets.get(key)
        met = "" if target is None or not isinstance(value, (int, float)) else ("yes" if value >= target else "**no**")
        rows.append(f"| {key} | {shown} | {'' if target is None else f'≥ {target}'} | {met} |")
    return "\n".join(rows)
