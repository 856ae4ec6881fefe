"""The places stage on the bundled Pravda sample (end to end) and its helpers."""

from __future__ import annotations

import pytest

from newsprism.extract.places import context_countries, main_place, place_at, places_in
from newsprism.geo.gazetteer import haversine_km

pytestmark = pytest.mark.slow


def by_name(analysis, name):
    return next(p for p in analysis.places if p.name == name)


def test_almaty_within_10_km(pravda):
    almaty = by_name(pravda, "Almaty")
    assert almaty.resolved and almaty.country == "KAZ" and almaty.precision == 1
    assert haversine_km(almaty.latitude, almaty.longitude, 43.25, 76.91) < 10
    assert len(almaty.mentions) == 2


def test_misspelt_aktob_is_aktobe_with_a_fuzzy_score(pravda):
    aktob = by_name(pravda, "Aktob")
    assert aktob.resolved and aktob.resolved_name == "Aktobe" and aktob.country == "KAZ"
    assert haversine_km(aktob.latitude, aktob.longitude, 50.28, 57.21) < 10
    assert 0 < aktob.score < 1


def test_zhanaozen_in_kazakhstan(pravda):
    assert by_name(pravda, "Zhanaozen").country == "KAZ"


def test_arytau_unresolved_with_a_reason(pravda):
    arytau = by_name(pravda, "Arytau")
    assert arytau.resolved is False and arytau.reason and arytau.latitude is None and arytau.country is None


def test_regions_and_countries(pravda):
    assert by_name(pravda, "Kazakhstan").precision == 3
    for name in ("Urals", "Western Siberia", "Xinjiang"):
        place = by_name(pravda, name)
        assert place.resolved and place.precision == 2, name
    assert by_name(pravda, "Volga region").country == "RUS"


def test_spans_are_the_text(pravda):
    text = pravda.article.text
    for place in pravda.places:
        assert place.mentions
        for m in place.mentions:
            assert text[m.start:m.end] == m.text


def test_helpers(pravda):
    text = pravda.article.text
    start = text.index("Such incidents were reported")
    end = text.index(".", start) + 1
    assert [p.name for p in places_in(pravda.places, start, end)] == ["Aktob"]  # Arytau is unresolved
    assert place_at(pravda.places, text.index("Arytau")).name == "Arytau"
    assert main_place(pravda.places).name == "Almaty"
    assert context_countries(pravda.places)[0] == "KAZ"
