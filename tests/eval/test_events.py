"""Scoring the events stage (newsprism/eval/events.py) and `newsprism eval events`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsprism.eval.events import haversine_km, is_plover, macro_f1, read_records
from newsprism.extract.event_model import is_heldout

ACLED = [
    {"id": "T1", "text": "On 3 March 2021, police fired tear gas at hundreds of protesters in Nairobi.",
     "reference_date": "2021-03-05",
     "gold": {"event_type": "Protests", "sub_event_type": "Protest with intervention", "inter1": 6, "inter2": 1,
              "fatalities": 0, "event_date": "2021-03-03", "time_precision": 1, "iso3": "KEN", "country": "Kenya",
              "latitude": -1.2833, "longitude": 36.8167, "geo_precision": 1, "location": "Nairobi"}},
    {"id": "T2", "text": "On 4 March 2021, gunmen killed 3 villagers in an attack near Maiduguri.",
     "reference_date": "2021-03-06",
     "gold": {"event_type": "Violence against civilians", "sub_event_type": "Attack", "inter1": 3, "inter2": 7,
              "fatalities": 3, "event_date": "2021-03-04", "time_precision": 1, "iso3": "NGA", "country": "Nigeria",
              "latitude": 11.8464, "longitude": 13.1603, "geo_precision": 1, "location": "Maiduguri"}},
]
PLOVER = [{"id": "P1", "text": "The minister condemned the decision.", "gold": {"event": "DISAPPROVE"},
           "meta": {"date": "2000-01-01"}}]


def test_macro_f1_over_gold_classes_and_misses():
    assert macro_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    assert macro_f1(["a", "b"], ["a", None]) == pytest.approx(0.5)
    assert macro_f1(["a", "b"], ["b", "a"]) == 0.0


def test_haversine():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)


def test_read_records_split_and_errors(tmp_path):
    path = tmp_path / "acled.jsonl"
    records = [{**ACLED[0], "id": f"X{n}"} for n in range(200)]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    held = read_records(path, None, "heldout")
    assert [r["id"] for r in held] == [r["id"] for r in records if is_heldout(r["id"])]
    assert len(read_records(path, 5)) == 5
    (tmp_path / "bad.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    from newsprism.errors import NewsprismError

    with pytest.raises(NewsprismError, match="lacks 'text' or 'gold'"):
        read_records(tmp_path / "bad.jsonl")
    assert is_plover(PLOVER) and not is_plover(ACLED)


@pytest.mark.slow
def test_cli_scores_acled_and_plover_records(tmp_path, monkeypatch):
    from newsprism.cli import main

    acled, plover = tmp_path / "acled.jsonl", tmp_path / "plover.jsonl"
    acled.write_text("\n".join(json.dumps(r) for r in ACLED), encoding="utf-8")
    plover.write_text("\n".join(json.dumps(r) for r in PLOVER), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # --write-docs writes docs/quality.md under the working directory
    result = CliRunner().invoke(main, ["eval", "events", "--data", str(acled), "--data", str(plover), "--split", "all",
                                       "--json", "--write-docs"])
    assert result.exit_code == 0, result.output
    first, second = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert first["records"] == 2 and second["records"] == 1
    assert set(first) >= {"event_type_macro_f1", "sub_event_type_macro_f1", "fatalities_exact", "date_exact",
                          "country_accuracy", "within_25km", "inter1_accuracy"}
    assert first["event_type_accuracy"] == 1.0
    assert first["fatalities_exact"] == 1.0
    assert second["plover_accuracy"] == 1.0
    text = (tmp_path / "docs/quality.md").read_text(encoding="utf-8")
    assert "<!-- eval:events -->" in text and "plover_accuracy" in text


def test_geo_diagnosis_tells_the_events_choice_from_the_places_stage():
    from newsprism.eval.events import geo_diagnosis
    from newsprism.model import Place

    gold = ACLED[0]["gold"]
    town = Place("Nairobi", resolved_name="Nairobi", country="KEN", precision=1, latitude=-1.28, longitude=36.82)
    abroad = Place("Nairobi", resolved_name="Nairobi", country="USA", precision=1, latitude=40.0, longitude=-90.0)
    unresolved = Place("Kibera", resolved=False, reason="not in the gazetteer")
    assert geo_diagnosis(gold, True, town, [town])["geo_miss"] is None
    assert geo_diagnosis(gold, True, abroad, [abroad, town])["geo_miss"] == "country: choice; 25km: choice"
    found = geo_diagnosis(gold, True, abroad, [abroad, unresolved])
    assert found["geo_miss"] == "country: places; 25km: places"
    assert found["places"] == ["Nairobi -> Nairobi (USA, p1)"]
    assert geo_diagnosis(gold, True, None, [])["geo_miss"] == "country: places; 25km: places"
    assert geo_diagnosis(gold, False, None, [town])["geo_miss"] == "no-event"


def test_country_is_matched_by_name_where_acled_uses_an_old_code():
    """ACLED writes ROM for Romania (ISO 3166 says ROU): the country still counts as found."""
    from newsprism.eval.events import geo_diagnosis
    from newsprism.model import Place

    gold = {"iso3": "ROM", "country": "Romania", "geo_precision": 2}
    cluj = Place("Cluj", resolved_name="Cluj-Napoca", country="ROU", country_name="Romania", precision=1,
                 latitude=46.77, longitude=23.6)
    assert geo_diagnosis(gold, True, cluj, [cluj])["geo_miss"] is None
    assert geo_diagnosis({**gold, "country": "Moldova"}, True, cluj, [cluj])["geo_miss"] == "country: places"
