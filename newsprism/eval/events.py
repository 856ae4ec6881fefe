"""Scoring the events stage: the main event of each record against ACLED (or PLOVER) gold.

ACLED records (``{"id", "text", "reference_date", "gold": {event_type, sub_event_type, ...}}``): event_type
accuracy and macro-F1, sub_event_type macro-F1 (over the gold classes; a record with no event counts as a miss),
fatalities exact (no event or no count = 0), date exact (records with time_precision 1), country accuracy
(ISO3), within 25 km (records with geo_precision 1), actor1 inter accuracy.

PLOVER gold-standard records (``gold.event``): plover_type accuracy of the main event.

The shipped classifier is trained on the records outside the fixed held-out split
(:func:`newsprism.extract.event_model.is_heldout`); ``split="heldout"`` (the default for ACLED data) scores only
records the model never saw, ``split="all"`` every record.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import NewsprismError
from ..extract.event_model import is_heldout
from ..model import Analysis, Article, Place
from ..settings import Settings
from .places import same_country

TARGETS = {
    "event_type_macro_f1": 0.90,
    "sub_event_type_macro_f1": 0.75,
    "fatalities_exact": 0.95,
    "date_exact": 0.97,
    "country_accuracy": 0.97,
    "within_25km": 0.80,
    "inter1_accuracy": 0.85,
    "plover_accuracy": 0.75,
}
STAGES = ("entities", "places", "dates", "claims", "events")


def read_records(path: str | Path, limit: int | None = None, split: str = "all") -> list[dict[str, Any]]:
    """The records of a JSONL file (ACLED or PLOVER gold), optionally only the held-out split, at most ``limit``."""
    path = Path(path)
    if not path.exists():
        raise NewsprismError(f"{path} does not exist; give --data an ACLED-format or PLOVER JSONL file")
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise NewsprismError(f"{path}:{n} is not JSON ({exc}); the file must hold one JSON object a line") from None
        if "text" not in record or "gold" not in record:
            raise NewsprismError(f"{path}:{n} lacks 'text' or 'gold'; give ACLED-format or PLOVER records")
        if split == "heldout" and not is_heldout(str(record.get("id", n))):
            continue
        records.append(record)
        if limit is not None and len(records) >= limit:
            break
    return records


def is_plover(records: list[dict[str, Any]]) -> bool:
    return bool(records) and "event" in records[0]["gold"] and "event_type" not in records[0]["gold"]


def analyse(records: list[dict[str, Any]], settings: Settings,
            advance: Callable[[int], None] | None = None) -> list[Analysis]:
    """Run the pipeline (in batches, without the stages events do not need) over the records."""
    from ..api import analyze_articles

    stages = tuple(s for s in settings.stages if s in STAGES)
    settings = settings.replace(stages=stages)
    if is_plover(records):  # PLOVER codes verbal acts too: let the stage report them
        settings = settings.replace(extra={**settings.extra, "events_verbal": True})
    articles = (Article(id=str(r.get("id", n)), text=r["text"], reference_date=r.get("reference_date")
                        or (r.get("meta") or {}).get("date")) for n, r in enumerate(records))
    out = []
    for analysis in analyze_articles(articles, settings):
        out.append(analysis)
        if advance is not None:
            advance(1)
    return out


def score(records: list[dict[str, Any]], analyses: list[Analysis]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Metrics and one row per record (gold beside prediction)."""
    rows = [_row(r, a) for r, a in zip(records, analyses, strict=True)]
    if is_plover(records):
        n = len(rows)
        return {"records": n, "with_event": _share(rows, lambda r: r["pred_plover"] is not None),
                "plover_accuracy": _share(rows, lambda r: r["pred_plover"] == r["gold_plover"])}, rows
    metrics: dict[str, Any] = {"records": len(rows), "with_event": _share(rows, lambda r: r["pred_type"] is not None)}
    metrics["event_type_accuracy"] = _share(rows, lambda r: r["pred_type"] == r["gold_type"])
    metrics["event_type_macro_f1"] = macro_f1([r["gold_type"] for r in rows], [r["pred_type"] for r in rows])
    metrics["sub_event_type_macro_f1"] = macro_f1([r["gold_sub"] for r in rows], [r["pred_sub"] for r in rows])
    metrics["fatalities_exact"] = _share(rows, lambda r: r["pred_fatalities"] == r["gold_fatalities"])
    dated = [r for r in rows if r["time_precision"] == 1]
    metrics["date_exact"] = _share(dated, lambda r: r["pred_date"] == r["gold_date"])
    metrics["country_accuracy"] = _share(rows, lambda r: r["country_hit"])
    precise = [r for r in rows if r["geo_precision"] == 1]
    metrics["within_25km"] = _share(precise, lambda r: r["km"] is not None and r["km"] <= 25.0)
    metrics["inter1_accuracy"] = _share(rows, lambda r: r["pred_inter1"] == r["gold_inter1"])
    return metrics, rows


def _row(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    gold = record["gold"]
    main = analysis.events[0] if analysis.events else None
    place = main.place if main is not None else None
    row: dict[str, Any] = {"id": record.get("id"), "text": record["text"][:200]}
    if "event" in gold and "event_type" not in gold:
        row.update(gold_plover=gold["event"], pred_plover=main.plover_type if main else None)
        return row
    km = None
    if place is not None and place.latitude is not None and gold.get("latitude") is not None:
        km = haversine_km(place.latitude, place.longitude or 0.0, float(gold["latitude"]), float(gold["longitude"]))
    row.update(
        gold_type=gold["event_type"], pred_type=main.event_type if main else None,
        gold_sub=gold["sub_event_type"], pred_sub=main.sub_event_type if main else None,
        gold_fatalities=int(gold.get("fatalities") or 0),
        pred_fatalities=main.fatalities.best if main is not None and main.fatalities is not None else 0,
        time_precision=gold.get("time_precision"), gold_date=gold.get("event_date"),
        pred_date=main.date.value if main is not None else None,
        geo_precision=gold.get("geo_precision"), gold_iso3=gold.get("iso3"),
        pred_iso3=place.country if place is not None else None, country_hit=place is not None and same_country(place, gold),
        km=km,
        gold_location=gold.get("location"), pred_location=place.resolved_name if place is not None else None,
        gold_inter1=gold.get("inter1"), pred_inter1=main.actor1.inter if main is not None and main.actor1 else None,
    )
    row.update(geo_diagnosis(gold, main is not None, place, analysis.places))
    return row


def geo_diagnosis(gold: dict[str, Any], has_event: bool, place: Place | None, places: list[Place]) -> dict[str, Any]:
    """Diagnostics for a row (no metric): the article's resolved places, and why country or 25 km missed.

    ``geo_miss`` is None when both hit (or do not apply), else ``no-event``; ``choice`` when a resolved place of
    the gold country (for the country) or within 25 km (for the distance) was there but the main event took
    another or none; ``places`` when no resolved place of the article would have scored (the places stage).
    """
    resolved = [p for p in places if p.resolved]
    out: dict[str, Any] = {"places": [f"{p.name} -> {p.resolved_name} ({p.country}, p{p.precision})" for p in resolved]}
    country_hit = place is not None and same_country(place, gold)
    near_applies = gold.get("geo_precision") == 1 and gold.get("latitude") is not None
    near_hit = not near_applies or (place is not None and _km(place, gold) is not None and _km(place, gold) <= 25.0)
    if country_hit and near_hit:
        out["geo_miss"] = None
        return out
    if not has_event:
        out["geo_miss"] = "no-event"
        return out
    misses = []
    if not country_hit:
        better = any(same_country(p, gold) for p in resolved)
        misses.append(f"country: {'choice' if better else 'places'}")
    if not near_hit:
        better = any((km := _km(p, gold)) is not None and km <= 25.0 for p in resolved)
        misses.append(f"25km: {'choice' if better else 'places'}")
    out["geo_miss"] = "; ".join(misses)
    return out


def _km(place: Place, gold: dict[str, Any]) -> float | None:
    if place.latitude is None or place.longitude is None or gold.get("latitude") is None:
        return None
    return haversine_km(place.latitude, place.longitude, float(gold["latitude"]), float(gold["longitude"]))


def macro_f1(gold: list[Any], pred: list[Any]) -> float:
    """Macro-averaged F1 over the gold classes (a prediction of another class or of none is a miss)."""
    classes = sorted(set(gold))
    if not classes:
        return 0.0
    total = 0.0
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(classes)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _share(rows: list[dict[str, Any]], test: Callable[[dict[str, Any]], bool]) -> float:
    return round(sum(1 for r in rows if test(r)) / len(rows), 4) if rows else 0.0


def markdown(sections: list[tuple[str, str, dict[str, Any]]]) -> str:
    """The events section of docs/quality.md: one table per data set (title, command, metrics)."""
    from .report import metrics_table

    parts = ["## Events", "",
             "The main (first) event of each record against the gold event. The classifier is trained on the ACLED",
             "records outside the fixed held-out split (`is_heldout`: one fifth of the ids by hash); the ACLED numbers",
             "below are on the held-out records only, which the shipped model never saw (see docs/model-card-events.md).",
             "They were looked at while rules and settings were chosen, so they are development scores. The PLOVER",
             "records score the PLOVER verb cues (`lexicons/plover_verbs.v1.tsv`, tuned while reading these records,",
             "no held-out part) with verbal events on (`events_verbal`). Country, 25 km and date depend on the places",
             "and dates stages."]
    for title, cmd, metrics in sections:
        parts += ["", f"### {title}", "", f"`{cmd}`", "", metrics_table(metrics, TARGETS)]
    return "\n".join(parts)
