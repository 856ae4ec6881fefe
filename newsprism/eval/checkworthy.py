"""Scoring sentence check-worthiness against CLEF CheckThat! sentences (JSONL).

Records ``{"id", "split", "text", "gold": {"checkworthy": bool}}``; only ``split == "test"``
is scored by default (the model was trained on ``train``). Each text goes through the claims
stage; its score is the highest check-worthiness of its sentences. Reported: average
precision of the check-worthy class over the ranking of all scored sentences (the project's measure), the
mean of each debate's own AP where records name their ``debate`` (CheckThat!'s official MAP, an extra row),
and P/R/F1 at the threshold stored with the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .certainty import read_records

TARGETS = {"AP": 0.25}


def average_precision(gold: list[bool], scores: list[float]) -> float:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if gold[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def map_per_debate(debates: list[str | None], gold: list[bool], scores: list[float]) -> float | None:
    """CheckThat!'s official measure: the mean over debates (with a check-worthy sentence) of each one's own AP.

    None when no record names its debate.
    """
    rows: dict[str, list[int]] = {}
    for i, debate in enumerate(debates):
        if debate:
            rows.setdefault(str(debate), []).append(i)
    scored = [idx for idx in rows.values() if any(gold[i] for i in idx)]
    if not scored:
        return None
    return sum(average_precision([gold[i] for i in idx], [scores[i] for i in idx]) for idx in scored) / len(scored)


def threshold_of_model() -> float:
    """The decision threshold stored with the model (chosen on its training split), 0.5 when it has none."""
    from ..extract.checkworthy import load_model

    return float(load_model().get("threshold", 0.5))


def scores(records: list[dict[str, Any]], settings) -> list[float]:
    from ..api import analyze_articles
    from ..model import Article

    settings = settings.replace(stages=("claims",))
    articles = [Article(id=str(r["id"]), text=r["text"]) for r in records]
    return [max((s.checkworthiness or 0.0 for s in a.sentences), default=0.0) for a in analyze_articles(articles, settings)]


def evaluate(path: str | Path, settings, limit: int | None = None, split: str = "test") -> dict[str, float | int]:
    records = [r for r in read_records(path) if split == "all" or r.get("split") == split]
    if limit is not None:
        records = records[:limit]
    gold = [bool(r["gold"]["checkworthy"]) for r in records]
    predicted = scores(records, settings)
    threshold = threshold_of_model()
    flags = [s >= threshold for s in predicted]
    tp = sum(g and f for g, f in zip(gold, flags, strict=True))
    p = tp / sum(flags) if any(flags) else 0.0
    r = tp / sum(gold) if any(gold) else 0.0
    metrics: dict[str, float | int] = {"AP": average_precision(gold, predicted)}
    official = map_per_debate([r.get("debate") for r in records], gold, predicted)
    if official is not None:
        metrics["MAP per debate (CLEF official, extra)"] = official
    return metrics | {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "sentences": len(records),
        "check-worthy (gold)": sum(gold),
    }


def markdown(metrics: dict[str, float | int], data: str, command: str) -> str:
    from .report import metrics_table

    return (
        "## Check-worthiness (sentences)\n\n"
        f"Data: `{data}`, split `test` (the model in `models/checkworthy.v1.json` was trained on split `train` only; "
        f"see docs/model-card-claims.md). AP over the ranking of all test sentences (the target's measure); the MAP row "
        f"is CheckThat!'s official mean of per-debate APs, for comparison with published runs; P/R/F1 at the model's threshold "
        f"({threshold_of_model():.3f}, the best F1 of 5-fold held-out predictions on train).\n\n"
        f"Command: `{command}`\n\n" + metrics_table(metrics, TARGETS)
    )
