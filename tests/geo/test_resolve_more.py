"""Disambiguation by the article's context (newsprism/geo/context.py and the rules of newsprism/geo/resolve.py
that use it): a small foreign homonym does not win against the countries the other names agree on."""

from __future__ import annotations

from collections import Counter

import pytest

from newsprism.geo.context import Context, numbered, sponsor, vote
from newsprism.geo.gazetteer import Candidate, haversine_km
from newsprism.geo.mentions import Mention


def town(pid: int, country: str, population: int, main: bool = True, loose: bool = False, kind: str = "city") -> Candidate:
    return Candidate(pid, f"t:{pid}", f"T{pid}", kind, country, country, None, 1.0, 1.0, population, 1, main, loose)


def located(text: str, start: int = 0) -> Mention:
    return Mention(start, start + len(text), text, cue="loc-prep", label="GPE")


# ------------------------------------------------------------------ votes (unit)

def test_a_name_known_in_one_country_votes_for_it_and_a_hamlet_less():
    assert vote(located("Aaa"), [town(1, "AAA", 120_000)]) == ("AAA", 1.0)
    assert vote(located("Aaa"), [town(1, "AAA", 900)]) == ("AAA", 0.5)
    assert vote(located("Aaa"), [town(1, "AAA", 900), town(2, "BBB", 3_000)]) is None  # two countries: no vote


def test_alternate_names_and_transliterations_vote_less_than_own_names():
    assert vote(located("Aaa"), [town(1, "AAA", 80_000, main=False)]) == ("AAA", 0.5)
    assert vote(located("Aaa"), [town(1, "AAA", 900, main=False, loose=True)]) == ("AAA", 0.25)
    # a big city known by this name only as another name still says its country
    assert vote(located("Aaa"), [town(1, "AAA", 400_000, main=False)]) == ("AAA", 1.0)


def test_a_sizeable_alternate_reading_makes_a_name_ambiguous_but_a_hamlet_beside_a_city_does_not():
    assert vote(located("Aaa"), [town(1, "AAA", 13_000), town(2, "BBB", 85_000, main=False)]) is None
    assert vote(located("Aaa"), [town(1, "AAA", 160_000), town(2, "BBB", 500)]) == ("AAA", 1.0)
    assert vote(located("Aaa"), [town(1, "AAA", 30_000), town(2, "BBB", 500)]) is None  # not a big city: still ambiguous


def test_a_country_name_the_ner_calls_an_organisation_votes_at_half_weight():
    country = Candidate(9, "country:AAA", "Aland", "country", "AAA", "Aland", None, 1.0, 1.0, 5_000_000, 3, True)
    assert vote(Mention(0, 5, "Aland", label="ORG"), [country]) == ("AAA", 0.5)
    assert vote(Mention(0, 5, "Aland", label="PERSON"), [country]) is None


def test_a_weak_vote_of_the_name_itself_is_dropped_when_the_other_names_point_elsewhere():
    hamlet, province = located("Bbb", 0), located("Ppp", 10)
    ctx = Context([hamlet, province], [[town(1, "BBB", 2_000)], [town(2, "AAA", 300_000, kind="admin1")]], Counter(), " " * 20)
    assert ctx.of(0).get("BBB", 0.0) == 0.0 and ctx.of(0)["AAA"] == 1.0
    alone = Context([hamlet], [[town(1, "BBB", 2_000)]], Counter(), " " * 20)
    assert alone.of(0)["BBB"] == 0.5  # alone in its article, a hamlet's name keeps its own vote
    strong = Context([located("Kkk"), province], [[town(3, "BBB", 60_000)], [town(2, "AAA", 300_000, kind="admin1")]],
                     Counter(), " " * 20)
    assert strong.of(0)["BBB"] == 1.0  # a sizeable town's own name is not overruled


def test_a_repeated_name_votes_once_for_itself():
    twice = [located("Eee", 0), located("Eee", 10)]
    ctx = Context(twice, [[town(1, "CCC", 900, main=False, loose=True)]] * 2, Counter(), " " * 20)
    assert ctx.of(0)["CCC"] == 0.25


def test_sponsors_and_numbered_sites():
    text = "Saudi-led coalition; Turkey - backed factions; Mine 6/7; Mine 12 km away; Sector No. 4"
    assert sponsor(text, text.index("-led")) and sponsor(text, text.index(" - backed"))
    assert not sponsor(text, text.index(" coalition"))
    assert numbered(text, text.index(" 6/7")) and numbered(text, text.index(" No. 4"))
    assert not numbered(text, text.index(" 12 km"))


def test_a_sponsor_demonym_gives_no_context():
    from newsprism.geo.resolve import demonym_countries

    assert demonym_countries(["Saudi", "-", "led", "coalition", "aircraft"]) == Counter()
    assert demonym_countries(["Kazakh", "police", "and", "Saudi", "officials"]) == Counter({"KAZ": 1, "SAU": 1})


def test_an_area_word_does_not_take_a_small_town_abroad():
    from newsprism.geo.resolve import _named_like_town

    state = Mention(0, 3, "Vvv", cue="type", hint="admin", label="GPE")
    small = town(1, "PHL", 2_800)
    assert _named_like_town(state, small, (small,), {}, None)
    assert not _named_like_town(state, small, (small,), {"PHL": 1.0}, None)  # ... unless the article is about its country
    area = town(2, "VEN", 400_000, kind="admin1")
    assert not _named_like_town(state, area, (small, area), {}, None)


# ------------------------------------------------------------------ end to end (real gazetteer)

def named(places, name):
    return next(p for p in places if p.name == name)


@pytest.mark.slow
def test_a_homonym_is_read_in_the_country_the_other_names_give(places_of):
    places = places_of("On Monday rioters clashed with the army in Tripoli, and protesters blocked roads in Sidon.")
    assert named(places, "Tripoli").country == "LBN" and named(places, "Sidon").country == "LBN"


@pytest.mark.slow
def test_an_alternate_name_of_a_foreign_town_does_not_beat_the_article_s_country(places_of):
    text = "On 2 March 2021, airstrikes hit Human village in Al Bayda governorate, Yemen, residents said."
    human = named(places_of(text), "Human")
    assert not human.resolved or human.country == "YEM"  # not Uman (Ukraine), whose other names include "Human"


@pytest.mark.slow
def test_a_numbered_site_is_not_a_small_foreign_town(places_of):
    text = "On 4 March 2021, Ukrainian forces reported shelling near Mine 22, Donetsk, and near Avdiivka."
    mine = named(places_of(text), "Mine")
    assert not mine.resolved and "gazetteer's places of this name" in (mine.reason or "")


@pytest.mark.slow
def test_an_unknown_container_still_lies_in_the_area_after_it(places_of):
    # Kurla (a Mumbai suburb the gazetteer lacks) is also another name of Korla, China
    text = "On 5 March 2021, commuters protested at the railway station in Kurla town (Mumbai Suburban, Maharashtra)."
    kurla = named(places_of(text), "Kurla")
    assert not kurla.resolved or kurla.country == "IND"


@pytest.mark.slow
def test_lebanese_governorates_by_their_english_names(places_of):
    bekaa = named(places_of("On 6 March 2021, farmers blocked the main road in the Bekaa on Monday."), "Bekaa")
    assert bekaa.resolved and bekaa.country == "LBN" and bekaa.precision == 2
    assert haversine_km(bekaa.latitude, bekaa.longitude, 33.85, 35.9) < 50


def test_an_area_type_word_picks_the_area_of_that_type():
    from newsprism.geo.context import area_type_word, subdivision_type, typed_areas

    text = "Protests spread across the state of Punjab and into Bolivar state on Monday."
    assert area_type_word(text, text.index("Punjab"), text.index("Punjab") + 6) == "state"
    assert area_type_word(text, text.index("Bolivar"), text.index("Bolivar") + 7) == "state"
    assert area_type_word(text, text.index("Monday"), text.index("Monday") + 6) is None
    assert subdivision_type("iso3166-2:VE-F") == "state" and subdivision_type("geonames:1") is None
    col = Candidate(1, "iso3166-2:CO-BOL", "Bolívar", "admin1", "COL", "Colombia", None, 10.0, -75.0, 1_600_000, 2, True)
    ven = Candidate(2, "iso3166-2:VE-F", "Bolívar", "admin1", "VEN", "Venezuela", None, 8.1, -63.5, 400_000, 2, True)
    small = town(3, "USA", 10_000)
    assert typed_areas((col, ven, small), "state", {}) == (ven, small)
    assert typed_areas((col, ven, small), "state", {"COL": 1.0}) == (col, ven, small)  # the other names say Colombia
    assert typed_areas((col, ven), "province", {}) == (col, ven)  # no area of that type: nothing dropped


def test_demonyms_add_to_the_context_but_do_not_overrule_a_name_s_own_vote():
    ctx = Context([located("Hhh")], [[town(1, "YYY", 8_000)]], Counter({"SSS": 2}), " " * 10)  # "Saudi forces" twice
    assert ctx.of(0)["YYY"] > 0.0 and ctx.of(0)["SSS"] == 1.0


def test_a_list_mate_of_a_place_votes_even_when_the_ner_calls_it_a_person():
    sidon = [town(1, "LBN", 160_000), town(2, "USA", 500)]
    assert vote(Mention(0, 5, "Sidon", cue="list", label="PERSON"), sidon) == ("LBN", 0.5)
    assert vote(Mention(0, 5, "Sidon", label="PERSON"), sidon) is None


@pytest.mark.slow
def test_a_district_of_that_name_says_the_country_of_its_town(places_of):
    # Busia is a town in Kenya and one in Uganda; Uganda's subdivision of that name is a district
    places = places_of("On 4 March 2021, traders protested at the main market in Busia district on Monday.")
    assert named(places, "Busia").country == "UGA"


def test_a_name_with_a_reading_in_the_name_s_country_does_not_overrule_it():
    kagara, niger = located("Kkk", 0), located("Nnn", 10)
    nation = Candidate(5, "country:NNN", "Nnn", "country", "NNN", "Nnn", None, 1.0, 1.0, 20_000_000, 3, True)
    state = town(6, "GGG", 1_300_000, kind="admin1")
    ctx = Context([kagara, niger], [[town(1, "GGG", 0)], [nation, state]], Counter(), " " * 20)
    assert ctx.of(0)["GGG"] > 0.25  # "Kagara (Rafi LGA, Niger)": Niger is also a state of Kagara's country


def test_a_transliteration_dropping_the_entry_s_article_is_a_usual_spelling():
    entry = Candidate(1, "t:1", "Ash Shaddadah", "city", "SSS", "S", None, 1.0, 1.0, 0, 1, False, True)
    assert vote(located("Shadadah"), [entry]) == ("SSS", 0.5)
    partial = Candidate(2, "t:2", "Bouni", "city", "CCC", "C", None, 1.0, 1.0, 1_100, 1, False, True)
    assert vote(located("El Bouni"), [partial]) == ("CCC", 0.25)


def test_a_variant_that_drops_a_word_of_the_text_is_not_taken_out_of_context_whatever_its_size():
    from newsprism.geo.resolve import _stray_variant

    minna = Candidate(1, "t:1", "Minna", "city", "NNN", "N", None, 1.0, 1.0, 425_000, 1, False, True)
    assert _stray_variant(minna, {}, None, Mention(0, 7, "el Mina"))
    assert not _stray_variant(minna, {"NNN": 1.0}, None, Mention(0, 7, "el Mina"))  # in the article's country
    assert not _stray_variant(minna, {}, None, Mention(0, 5, "Mina"))  # a spelling variant of a big town


@pytest.mark.parametrize("text, name, country", [
    ("DHAKA, July 20 — Police fired tear gas at students on Saturday.", "DHAKA", "BGD"),
    ("Curfew imposed after clashes\n\nLAGOS, July 20 (Reuters) - Police fired tear gas on Saturday.", "LAGOS", "NGA"),
])
def test_a_dateline_city_of_five_letters_is_no_acronym(places_of, text, name, country):
    place = named(places_of(text), name)
    assert place.resolved and place.country == country and place.precision == 1


@pytest.mark.parametrize("text, name, country", [
    ("NEW YORK, May 3 (Reuters) - Oil prices rose after protests in Lagos.", "NEW YORK", "USA"),
    ("Oil jumps on supply fears\n\nNEW DELHI, May 3 (Reuters) - Police fired tear gas at farmers.", "NEW DELHI", "IND"),
])
def test_a_dateline_city_of_two_words_in_capitals_is_read_whole(places_of, text, name, country):
    place = named(places_of(text), name)
    assert place.resolved and place.country == country


def test_x_city_as_a_name_is_the_city_of_x(places_of):
    place = named(places_of("An airstrike hit a school in Gaza City on Saturday."), "Gaza City")
    assert place.resolved and place.country == "PSE" and place.precision == 1


def test_a_name_with_a_type_word_is_no_foreign_town_in_an_article_on_one_country(places_of):
    text = ("Myanmar's military carried out airstrikes on a village in the central Sagaing region of Myanmar on Saturday. "
            "State media said security forces cleared a camp near Kani township.")
    kani = named(places_of(text), "Kani")
    assert not kani.resolved or kani.country == "MMR"
