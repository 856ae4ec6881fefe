"""Event exports: ACLED-compatible CSV (``--format acled-csv``) and GeoJSON (``--format geojson``).

Both stream: each article's events are written as its analysis arrives, so any number of articles can be
exported without holding them. One CSV row per event with ACLED's column names; ``notes`` is the evidence
sentence with the event's trigger. One GeoJSON Feature per event that has a place with coordinates.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..model import Analysis, Event, to_dict

ACLED_COLUMNS = ["event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "inter1", "actor2",
                 "inter2", "interaction", "country", "iso3", "admin1", "location", "latitude", "longitude",
                 "geo_precision", "source", "notes", "fatalities"]

#: newsprism's date precision -> ACLED time_precision (1 day, 2 within a week or as reported, 3 month or vaguer)
TIME_PRECISION = {"day": 1, "reported": 2, "month": 3, "year": 3}


def events_of(results: Iterable[Any]) -> Iterator[tuple[Analysis, Event]]:
    """(analysis, event) pairs of the analyses among ``results`` (rejections are skipped: the CLI reports them)."""
    for item in results:
        if isinstance(item, Analysis):
            for event in item.events:
                yield item, event


def acled_row(analysis: Analysis, event: Event) -> dict[str, Any]:
    """One event as an ACLED row."""
    place = event.place
    inter1 = event.actor1.inter if event.actor1 else None
    inter2 = event.actor2.inter if event.actor2 else None
    date = event.date.value or ""
    return {
        "event_date": date,
        "year": date[:4],
        "time_precision": TIME_PRECISION.get(event.date.precision or "", ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else "",
        "inter1": inter1 or "",
        "actor2": event.actor2.name if event.actor2 else "",
        "inter2": inter2 or "",
        "interaction": interaction(inter1, inter2),
        "country": (place.country_name or "") if place else "",
        "iso3": (place.country or "") if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": (place.resolved_name or place.name) if place else "",
        "latitude": place.latitude if place and place.latitude is not None else "",
        "longitude": place.longitude if place and place.longitude is not None else "",
        "geo_precision": (place.precision or "") if place else "",
        "source": source(analysis, event),
        "notes": notes(event),
        "fatalities": event.fatalities.best if event.fatalities else 0,
    }


def interaction(inter1: int | None, inter2: int | None) -> int | str:
    """ACLED's interaction code: both inter codes, the lower first; a sole actor's code followed by 0."""
    if inter1 is None:
        return ""
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def source(analysis: Analysis, event: Event) -> str:
    """Who reported it: the claim source named in the article, then the outlet (ACLED's "; " list)."""
    names = []
    if event.reported_by is not None and event.reported_by.kind not in ("author", "unnamed"):
        names.append(event.reported_by.name)
    if analysis.article.outlet and analysis.article.outlet not in names:
        names.append(analysis.article.outlet)
    return "; ".join(names)


def notes(event: Event) -> str:
    """The evidence sentence holding the trigger (else the first evidence span), on one line."""
    chosen = event.evidence[0] if event.evidence else None
    if event.trigger is not None:
        chosen = next((s for s in event.evidence if s.start <= event.trigger.start < s.end), chosen)
    return " ".join(chosen.text.split()) if chosen is not None else ""


def write_acled_csv(results: Iterable[Any], out: TextIO) -> None:
    """One CSV row per event with ACLED's columns, written as each analysis arrives."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for analysis, event in events_of(results):
        writer.writerow(acled_row(analysis, event))
        out.flush()


def feature(analysis: Analysis, event: Event) -> dict[str, Any] | None:
    """A GeoJSON Feature for an event with a located place, else None."""
    place = event.place
    if place is None or place.latitude is None or place.longitude is None:
        return None
    properties = acled_row(analysis, event)
    properties.update(
        id=event.id,
        article_id=analysis.id,
        plover_type=event.plover_type,
        certainty=event.certainty,
        confidence=event.confidence,
        injured=to_dict(event.injured),
        arrested=to_dict(event.arrested),
        fatalities_range=to_dict(event.fatalities),
        size=to_dict(event.size),
        evidence=[{"start": s.start, "end": s.end, "text": s.text} for s in event.evidence],
    )
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
            "properties": properties}


def write_geojson(results: Iterable[Any], out: TextIO) -> None:
    """A GeoJSON FeatureCollection, one Feature per located event, written as each analysis arrives."""
    out.write('{"type": "FeatureCollection", "features": [')
    first = True
    for analysis, event in events_of(results):
        item = feature(analysis, event)
        if item is None:
            continue
        out.write("\n" if first else ",\n")
        out.write(json.dumps(item, ensure_ascii=False))
        out.flush()
        first = False
    out.write("\n]}\n")
