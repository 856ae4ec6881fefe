"""Scoring sentence certainty against hedge-labelled sentences (CoNLL-2010 style JSONL).

Each record ``{"id", "text", "gold": {"uncertain": bool}}`` is analysed as one text; it is
predicted uncertain when any of its sentences has a certainty other than ``certain``.
Precision, recall and F1 are of the uncertain class.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import NewsprismError

TARGETS = {"F1": 0.70}


def read_records(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    except FileNotFoundError:
        raise NewsprismError(f"{path} does not exist; point --data at ../shared/eval/certainty/hedge.jsonl") from None
    except json.JSONDecodeError as exc:
        raise NewsprismError(f"{path} is not JSONL ({exc}); give one JSON object per line") from None
    return rows[:limit] if limit is not None else rows


def predict(records: list[dict[str, Any]], settings) -> list[bool]:
    """Whether each record's text is uncertain according to the claims stage's sentence certainty."""
    from ..api import analyze_articles
    from ..model import Article

    settings = settings.replace(stages=("claims",))
    articles = [Article(id=str(r["id"]), text=r["text"]) for r in records]
    return [any(s.certainty not in (None, "certain") for s in a.sentences) for a in analyze_articles(articles, settings)]


def prf(gold: list[bool], pred: list[bool]) -> dict[str, float | int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "sentences": len(gold), "uncertain (gold)": sum(gold), "uncertain (predicted)": sum(pred)}


def evaluate(path: str | Path, settings, limit: int | None = None) -> dict[str, float | int]:
    records = read_records(path, limit)
    gold = [bool(r["gold"]["uncertain"]) for r in records]
    return prf(gold, predict(records, settings))


def markdown(metrics: dict[str, float | int], data: str, command: str) -> str:
    from .report import metrics_table

    return (
        "## Certainty (sentences)\n\n"
        f"Data: `{data}`. A text is predicted uncertain when one of its sentences has a certainty other than `certain` "
        "(hedge lexicon `hedges.v1.tsv`, no training). P/R/F1 of the uncertain class.\n\n"
        f"Command: `{command}`\n\n" + metrics_table(metrics, TARGETS)
    )
