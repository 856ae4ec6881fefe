"""Scoring the places stage on ACLED-format records (``{"id", "text", "reference_date", "gold": {...}}``).

Per record, with P the places the stage returns for the record's text:

* **country**: some resolved place of P has the gold country (``gold.iso3``);
* **within_25km**: some resolved place of P lies within 25 km of the gold coordinates — over the records
  with ``geo_precision`` 1 (ACLED's "the town itself" level) only;
* **name_found**: the gold location name is found as a place of P: among the mentions of P (names compared
  after folding case, accents and punctuation, or with a rapidfuzz ratio of 85+ for spelling variants such as
  "Nad Ali" / "Nad-e Ali"), the resolved name of one of them, another name that the gazetteer lists for a
  resolved place ("Al Quds" for a mention "Jerusalem", "Peking" for "Beijing"), or an ACLED compound
  "City-District" whose parts are each found so ("Beijing-Chaoyang" for "Chaoyang, Beijing").

Diagnostic rows (no target): **name_found_mention** counts only the first two ways (a mention's own name or its
resolved name); **name_in_text** says for how many records the gold name occurs in the text at all (the ceiling
of a purely literal match, under the 0.90 target on ACLED's notes, which is why name_found counts the
gazetteer's names of the places found); **no_resolved_place** is the share of records where the stage resolved
no place at all (mostly villages the gazetteer lacks).

Records go through the real pipeline (:func:`newsprism.api.analyze_articles`) in batches.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import NewsprismError
from ..geo.gazetteer import haversine_km, name_key
from ..model import Article, Place
from ..settings import Settings

log = logging.getLogger(__name__)

TARGETS = {"country": 0.95, "within_25km": 0.80, "name_found": 0.90}
STAGES = ("places",)


@dataclass
class Record:
    id: str
    text: str
    reference_date: str | None
    gold: dict[str, Any]


def read_records(path: str | Path, limit: int | None = None) -> list[Record]:
    path = Path(path)
    if not path.exists():
        raise NewsprismError(f"{path} does not exist; give --data an ACLED-format JSONL file (../shared/eval/events/acled.jsonl)")
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                out.append(Record(str(obj["id"]), obj["text"], obj.get("reference_date"), obj["gold"]))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise NewsprismError(
                    f"{path}:{n} is not an ACLED-format record ({exc}); each line needs id, text and gold"
                ) from None
            if limit is not None and len(out) >= limit:
                break
    return out


def analyse(records: list[Record], settings: Settings) -> Iterator[tuple[list[Place], int]]:
    """The places of each record and the number of stage errors on it, in order, through the real pipeline."""
    from ..api import analyze_articles

    settings = settings.replace(stages=STAGES)
    articles = (Article(id=r.id, text=r.text, reference_date=r.reference_date, source=r.id) for r in records)
    for analysis in analyze_articles(articles, settings):
        yield analysis.places, len(analysis.rejections)


def name_matches(gold: str, place: Place) -> bool:
    from rapidfuzz import fuzz

    key = name_key(gold)
    if not key:
        return False
    names = [name_key(place.name)] + ([name_key(place.resolved_name)] if place.resolved_name else [])
    return any(n == key or (len(n) >= 4 and fuzz.ratio(n, key) >= 85) for n in names)


def score(
    records: list[Record], settings: Settings, progress: Callable[[int], None] | None = None
) -> tuple[dict[str, float | int], list[dict[str, Any]]]:
    """The metrics, and one row per record (for error analysis)."""
    started = time.perf_counter()
    n = country = near_n = near = found = in_text = 0
    n_places = n_unresolved = 0
    found_mention = no_resolved = 0
    from ..geo.gazetteer import open_gazetteer

    gaz = open_gazetteer(settings)
    rows = []
    stage_errors = 0
    for record, (places, errors) in zip(records, analyse(records, settings), strict=True):
        stage_errors += errors
        g = record.gold
        n += 1
        resolved = [p for p in places if p.resolved]
        n_places += len(places)
        n_unresolved += len(places) - len(resolved)
        c_hit = any(same_country(p, g) for p in resolved)
        country += c_hit
        d_min = None
        if g.get("geo_precision") == 1 and g.get("latitude") is not None:
            near_n += 1
            dists = [haversine_km(p.latitude, p.longitude, g["latitude"], g["longitude"])
                     for p in resolved if p.latitude is not None and p.longitude is not None]
            d_min = min(dists) if dists else None
            near += d_min is not None and d_min <= 25.0
        location = g.get("location") or ""
        m_hit = any(name_matches(location, p) for p in places)
        found_mention += m_hit
        f_hit = m_hit or _variant_found(location, places, resolved, gaz)
        found += f_hit
        no_resolved += not resolved
        in_text += bool(name_key(location)) and f" {name_key(location)} " in f" {name_key(record.text)} "
        rows.append({"id": record.id, "country": c_hit, "km": d_min, "name_found": f_hit, "name_mention": m_hit, "gold": location,
                     "places": [(p.name, p.resolved_name, p.country) for p in places]})
        if progress:
            progress(1)
    seconds = time.perf_counter() - started
    metrics: dict[str, float | int] = {
        "records": n,
        "country": _share(country, n),
        "within_25km": _share(near, near_n),
        "name_found": _share(found, n),
        "name_found_mention": _share(found_mention, n),
        "name_in_text": _share(in_text, n),
        "no_resolved_place": _share(no_resolved, n),
        "geo_precision_1_records": near_n,
        "places_per_record": round(n_places / n, 3) if n else 0.0,
        "unresolved_share": _share(n_unresolved, n_places),
        "ms_per_record": round(1000 * seconds / n, 2) if n else 0.0,
        "stage_errors": stage_errors,
    }
    return metrics, rows


def _variant_found(gold: str, places: list[Place], resolved: list[Place], gaz: Any) -> bool:
    """The gold name is another name of a resolved place's gazetteer entry, or an ACLED compound
    ("Beijing-Chaoyang", "Beijing - Chaoyang") whose parts are each found as mentions."""
    if not name_key(gold):
        return False
    gids = {p.gazetteer_id for p in resolved if p.gazetteer_id}
    if gids and any(c.gid in gids for c in gaz.lookup(gold)):
        return True
    parts = [part for part in re.split(r"\s+-\s+|(?<=\w)-(?=[A-Z])", gold) if len(part.strip()) > 2]
    return len(parts) > 1 and all(
        any(name_matches(part, p) for p in places) or any(c.gid in gids for c in gaz.lookup(part)) for part in parts
    )


def same_country(place: Place, gold: dict[str, Any]) -> bool:
    """ISO3 equal, or the country names equal (ACLED writes ROM for Romania, ISO says ROU)."""
    if place.country and place.country == gold.get("iso3"):
        return True
    return bool(place.country_name and gold.get("country") and name_key(place.country_name) == name_key(gold["country"]))


def _share(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def markdown(metrics: dict[str, float | int], data: str, command: str) -> str:
    from .report import metrics_table

    return (
        "## Places (geocoding)\n\n"
        f"Data: `{data}` ({metrics['records']} records). Command: `{command}`.\n\n"
        "country: a resolved place has the gold country; within_25km: a resolved place lies within 25 km of the gold\n"
        "point (geo_precision 1 records only); name_found: the gold location name is found as a place: a mention's own\n"
        "name or resolved name, another name the gazetteer lists for a resolved place (\"Al Quds\" for \"Jerusalem\"),\n"
        "or an ACLED 'City-District' compound whose parts are each found. Diagnostics, no target: name_found_mention\n"
        "counts only a mention's own or resolved name; name_in_text is how often the gold name occurs in the text at\n"
        "all (the ceiling of a literal match, under the target); no_resolved_place: records with no resolved place.\n\n"
        + metrics_table(metrics, TARGETS)
    )


def summarise_errors(rows: Iterable[dict[str, Any]], limit: int = 20) -> list[dict[str, Any]]:
    return [r for r in rows if not (r["country"] and r["name_found"])][:limit]
