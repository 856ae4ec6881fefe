"""ACLED CSV and GeoJSON event exports (newsprism/present/acled.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from newsprism.model import Actor, Analysis, Article, Count, Event, EventDate, Place, Rejection, ReportedBy, Span
from newsprism.present.acled import ACLED_COLUMNS, interaction, write_acled_csv, write_geojson
from newsprism.present.export import FORMATS, write

TEXT = "Police fired tear gas at protesters in Almaty on 6 January. Over 2,000 people were detained."


def _event(n: int, place: Place | None) -> Event:
    first = Span.of(TEXT, 0, TEXT.index(".") + 1)
    second = Span.of(TEXT, TEXT.index("Over"), len(TEXT))
    return Event(
        id=f"a1-e{n}", event_type="Protests", sub_event_type="Protest with intervention", plover_type="COERCE",
        actor1=Actor("Protesters (Kazakhstan)", 6), actor2=Actor("Police", 1),
        date=EventDate("2022-01-06", "day"), place=place, fatalities=Count(10, None, 10),
        arrested=Count(2000, None, 2000, second), reported_by=ReportedBy("TASS", "media", "C1"),
        trigger=Span.of(TEXT, TEXT.index("tear gas"), TEXT.index("tear gas") + 8), evidence=[first, second],
    )


ALMATY = Place(name="Almaty", resolved_name="Almaty", country="KAZ", country_name="Kazakhstan", admin1="Almaty",
               latitude=43.25, longitude=76.91, precision=1)
ANALYSIS = Analysis(id="a1", article=Article(id="a1", text=TEXT, outlet="Pravda.Ru"),
                    events=[_event(1, ALMATY), _event(2, None)])


def test_csv_has_acled_columns_and_one_row_per_event():
    out = io.StringIO()
    write_acled_csv([ANALYSIS, Rejection("x", "ingest", "empty", "empty")], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ACLED_COLUMNS
    assert len(rows) == 2
    row = rows[0]
    assert row["event_date"] == "2022-01-06" and row["year"] == "2022" and row["time_precision"] == "1"
    assert row["event_type"] == "Protests" and row["sub_event_type"] == "Protest with intervention"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("6", "1", "16")
    assert (row["country"], row["iso3"], row["location"], row["geo_precision"]) == ("Kazakhstan", "KAZ", "Almaty", "1")
    assert row["source"] == "TASS; Pravda.Ru"
    assert row["notes"] == "Police fired tear gas at protesters in Almaty on 6 January."
    assert row["fatalities"] == "10"
    assert rows[1]["location"] == "" and rows[1]["latitude"] == ""


def test_geojson_has_one_feature_per_located_event():
    out = io.StringIO()
    write_geojson([ANALYSIS], out)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [76.91, 43.25]}
    props = feature["properties"]
    assert props["id"] == "a1-e1" and props["plover_type"] == "COERCE"
    assert props["arrested"]["low"] == 2000
    assert [e["text"] for e in props["evidence"]] == [TEXT[s.start:s.end] for s in ANALYSIS.events[0].evidence]


def test_empty_input_is_still_valid():
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
    out = io.StringIO()
    write_acled_csv([], out)
    assert out.getvalue().strip() == ",".join(ACLED_COLUMNS)


def test_writers_stream_one_article_at_a_time():
    written = []

    def analyses():
        for n in range(3):
            written.append(n)
            yield Analysis(id=f"a{n}", article=Article(id=f"a{n}", text=TEXT), events=[_event(1, ALMATY)])

    class Spy(io.StringIO):
        def flush(self):
            seen.append((len(written), self.getvalue().count("\n")))

    for writer in (write_acled_csv, write_geojson):
        seen: list[tuple[int, int]] = []
        written.clear()
        writer(analyses(), Spy())
        assert [n for n, _ in seen] == [1, 2, 3]


def test_interaction_codes():
    assert interaction(6, 1) == 16 and interaction(1, 6) == 16 and interaction(6, None) == 60 and interaction(None, 1) == ""


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson"])
def test_registered_in_export_formats(fmt):
    assert fmt in FORMATS
    out = io.StringIO()
    write(fmt, [ANALYSIS], out)
    assert "Almaty" in out.getvalue()


@pytest.mark.slow
def test_cli_exports_the_sample(samples_dir):
    from newsprism.cli import main

    path = str(samples_dir / "kazakhstan-pravda-2022-01-07.html")
    result = CliRunner().invoke(main, ["analyze", path, "--format", "acled-csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["sub_event_type"] in ("Excessive force against protesters", "Protest with intervention")
    assert rows[0]["location"] == "Almaty"
