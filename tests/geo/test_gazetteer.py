"""The gazetteer index: built from the installed data into a real SQLite file, queried through indexes."""

from __future__ import annotations

import sqlite3

import pytest

from newsprism.geo import build as build_mod
from newsprism.geo.gazetteer import Gazetteer, gazetteer_path, haversine_km, loose_key, name_key, open_gazetteer


@pytest.fixture(scope="module")
def gaz(settings):
    return open_gazetteer(settings)


def test_name_key_folds_case_accents_and_punctuation():
    assert name_key("Aqtöbe") == "aqtobe"
    assert name_key("Mazar-e Sharif") == "mazar e sharif"
    assert name_key("Qal'at") == "qalat"
    assert name_key("Qalʿat") == name_key("Qal‘at") == name_key("Qal'at") == "qalat"  # ayn and hamza marks
    assert loose_key("ar raqqa") == loose_key("raqqah") == "raqa"


def test_exact_and_alternate_names(gaz):
    almaty = [c for c in gaz.lookup("Almaty") if c.kind == "city"][0]
    assert almaty.country == "KAZ" and haversine_km(almaty.lat, almaty.lon, 43.25, 76.91) < 10
    assert any(c.gid == almaty.gid for c in gaz.lookup("Алматы"))  # Cyrillic alternate name
    assert any(c.kind == "country" and c.country == "KAZ" for c in gaz.lookup("Kazakhstan"))
    assert any(c.kind == "region" for c in gaz.lookup("the Urals"))
    assert any(c.kind == "continent" for c in gaz.lookup("Europe"))
    assert gaz.lookup("Arytau") == ()


def test_subdivisions_also_under_their_names_in_other_locales(gaz):
    # pycountry's catalogs: "Bayern" is "Bavaria" in English, "Lappi" is "Lapland"; junk words are not names
    assert any(c.kind == "admin1" and c.country == "DEU" for c in gaz.lookup("Bavaria"))
    assert any(c.kind == "admin1" and c.country == "FIN" for c in gaz.lookup("Lapland"))
    assert not any(c.kind in ("admin1", "admin2") for c in gaz.lookup("Provincie"))


def test_an_area_with_a_small_capital_has_its_point(gaz):
    # Bhutan's Paro district: its namesake town is too small to count as a capital, but it is where the area is
    paro = [c for c in gaz.lookup("Paro") if c.kind == "admin1" and c.country == "BTN"]
    assert paro and haversine_km(paro[0].lat, paro[0].lon, 27.43, 89.41) < 25


def test_a_generic_first_word_is_no_short_form_of_a_subdivision(gaz):
    # "Isla de la Juventud" is not "Isla", "Ciudad de México" not "Ciudad", "Norte de Santander" neither "Norte" nor
    # "North de Santander"; but "Michoacán de Ocampo" is "Michoacán"
    assert any(c.kind == "admin1" and c.name == "Isla de la Juventud" for c in gaz.lookup("Isla de la Juventud"))
    assert not any(c.country == "CUB" for c in gaz.lookup("Isla"))
    assert not any(c.kind == "admin1" for c in gaz.lookup("Ciudad"))
    assert not any(c.country == "COL" for c in gaz.lookup("Norte") + gaz.lookup("North de Santander"))
    assert any(c.kind == "admin1" and c.country == "MEX" for c in gaz.lookup("Michoacán"))


def test_subdivisions_from_pycountry(gaz):
    oblast = [c for c in gaz.lookup("Aqtöbe oblysy") if c.kind == "admin1"]
    assert oblast and oblast[0].country == "KAZ" and oblast[0].precision == 2


def test_fuzzy_finds_misspellings_with_a_score(gaz):
    hits = gaz.fuzzy("Aktob")
    best = [c for c, score in hits if score == hits[0][1]]  # the town and its province (also called Aktobe) tie
    assert hits and 85 <= hits[0][1] < 100
    town = next(c for c in best if c.kind == "city")
    assert town.name == "Aktobe" and haversine_km(town.lat, town.lon, 50.28, 57.21) < 10


def test_queries_use_indexes_not_scans(settings, gaz):
    con = sqlite3.connect(gazetteer_path(settings))
    for sql, args in [
        ("SELECT place FROM name WHERE key = ?", ("almaty",)),
        ("SELECT place FROM name WHERE loose = ?", ("almaty",)),
        ("SELECT key FROM name WHERE pfx = ? AND klen BETWEEN ? AND ?", ("akt", 3, 7)),
        ("SELECT key FROM name WHERE sfx = ? AND klen BETWEEN ? AND ?", ("obe", 3, 7)),
    ]:
        plan = " ".join(str(row[-1]) for row in con.execute("EXPLAIN QUERY PLAN " + sql, args))
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
    con.close()


def test_rebuilt_when_the_data_version_changes(settings, tmp_path, monkeypatch):
    local = settings.replace(cache_dir=str(tmp_path))
    path = gazetteer_path(local)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)  # a stale index from an older data version
    con.executescript("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT); INSERT INTO meta VALUES ('data_version', 'old');")
    con.close()
    calls = []
    monkeypatch.setattr("newsprism.geo.gazetteer.build", lambda p: calls.append(p) or build_mod.build(p))
    gaz = open_gazetteer(local)
    assert calls == [path]
    assert isinstance(gaz, Gazetteer) and gaz.lookup("Almaty")
    assert open_gazetteer(local) is gaz  # opened once per process


def test_transliteration_variants_are_marked_loose(gaz):
    exact = gaz.lookup("Kutaisi")
    variant = gaz.lookup("Kuttaisi")  # equal only under loose_key (doubled letter)
    assert exact and not any(c.loose for c in exact if c.name == "Kutaisi")
    assert variant and all(c.loose for c in variant)


def test_a_short_name_has_no_transliteration_variants(gaz):
    # "Saah" and "SSA" (an airport code among Salvador's other names) share the loose key "sa"
    assert loose_key(name_key("Saah")) == loose_key(name_key("SSA"))
    assert not [c for c in gaz.lookup("Saah") if c.loose]


def test_subdivision_names_get_their_english_compass_form():
    import json

    builder = build_mod._Builder.__new__(build_mod._Builder)
    builder.admin_words = json.loads(build_mod.lexicon_text("admin_words.v1.json"))
    assert "North Maluku" in builder.subdivision_names("Maluku Utara")
    assert "North Kivu" in builder.subdivision_names("Nord-Kivu")
    assert builder.subdivision_names("Sud-Ouest") == ["Sud-Ouest"]  # two compass words, no name


def test_type_words_before_a_preposition_stay_with_the_name():
    import json

    builder = build_mod._Builder.__new__(build_mod._Builder)
    builder.admin_words = json.loads(build_mod.lexicon_text("admin_words.v1.json"))
    assert builder.base_name("Autonomous Region in Muslim Mindanao (ARMM)") == "Autonomous Region in Muslim Mindanao"
    assert builder.base_name("Region of Murcia") == "Murcia"


def test_areas_with_no_namesake_capital_are_named_from_geonames_admin1_names(gaz):
    # Jalisco's and Uttar Pradesh's capitals have other names; their towns still carry the state's name,
    # the state gets a point inside it, and "Jalisco" is not taken for Xalisco, a town of another state
    tequila = [c for c in gaz.lookup("Tequila") if c.kind == "city"]
    assert {c.admin1 for c in tequila} >= {"Jalisco", "Veracruz"}
    assert any(c.admin1 == "Uttar Pradesh" for c in gaz.lookup("Varanasi") if c.kind == "city")
    (jalisco,) = [c for c in gaz.lookup("Jalisco") if c.kind == "admin1"]
    assert haversine_km(jalisco.lat, jalisco.lon, 20.88, -103.84) < 150


def test_second_level_areas_get_the_mean_point_of_their_towns(gaz):
    # a Philippine province (ISO 3166-2 second level) has no namesake town; GeoNames puts its towns in it
    (ilocos,) = [c for c in gaz.lookup("Ilocos Norte") if c.kind == "admin2"]
    assert haversine_km(ilocos.lat, ilocos.lon, 18.20, 120.59) < 60  # Laoag, its capital


def test_subdivisions_also_under_the_geonames_english_name_of_their_area(gaz):
    # GeoNames writes Afghanistan's Bāmyān province "Bamian"; a county's name is not given to a city
    # subdivision named after the county's capital (Hungary's Nyíregyháza)
    assert any(c.gid == "iso3166-2:AF-BAM" for c in gaz.lookup("Bamian"))
    assert {c.gid for c in gaz.lookup("Szabolcs-Szatmar-Bereg") if c.kind != "city"} == {"iso3166-2:HU-SZ"}


def test_an_area_name_close_to_one_subdivision_only_pairs_with_it(gaz):
    # GeoNames' "Piedmont" is ISO 3166-2 "Piemonte": each is the other's closest spelling in Italy, so the
    # region has a point, its towns carry its name, and "Piedmont" finds it (not only the US town)
    (piedmont,) = [c for c in gaz.lookup("Piedmont") if c.kind == "admin1"]
    assert piedmont.country == "ITA" and piedmont.lat is not None
    assert any(c.admin1 == piedmont.admin1 for c in gaz.lookup("Novara") if c.country == "ITA")
