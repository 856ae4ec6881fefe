"""Mentions refined with the gazetteer (newsprism.geo.refine) and the list and type rules of newsprism.geo.mentions
they rely on: whole names cut at "of"/"and", "Town, State", compass words before a country, country-specific area
words, the area around a typed area, lists followed by their areas."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _by_name(places):
    return {p.name: p for p in places}


def _read_as(place, country, precision):
    """Whether the place was resolved in ``country`` at ``precision`` (1 town, 2 area, 3 country)."""
    return place.resolved and place.country == country and place.precision == precision


def test_a_name_the_gazetteer_holds_whole_is_not_split_at_of(places_of):
    places = _by_name(places_of("On Friday, in Port of Spain city, a taxi driver was shot and wounded by two gunmen."))
    assert "Spain" not in places and "Port" not in places
    assert places["Port of Spain"].resolved and places["Port of Spain"].country == "TTO"


def test_an_area_after_a_town_and_a_comma_contains_it_whatever_the_ner_says(places_of):
    # the NER cuts "San Carlos Nuevo Navojoa" in two and takes "Sonora" for the subject of the sentence
    places = _by_name(places_of("On 2 May, in San Carlos Nuevo Navojoa, Sonora, two men were found dead in a ranch."))
    assert _read_as(places["Sonora"], "MEX", 2)
    assert places["San Carlos"].country == "MEX"  # the San Carlos in Sonora, not Venezuela's bigger one


def test_an_area_after_a_town_may_be_spelled_with_a_connector(places_of):
    places = _by_name(places_of("On Monday, in Ndekoville, San Luis de Potosi, two armed men clashed with police."))
    area = places["San Luis de Potosi"]
    assert _read_as(area, "MEX", 2)


def test_the_subject_of_a_clause_after_a_town_and_a_comma_is_not_its_area(places_of):
    places = _by_name(places_of("In Lagos, Victoria said the talks had failed."))
    assert places["Lagos"].resolved and places["Lagos"].country == "NGA"  # not a Lagos in Australia's Victoria


def test_neighbours_that_name_a_town_of_the_area_after_them_are_one_name(places_of):
    # the NER keeps "Los Angeles" and leaves "Tetela": the gazetteer has a Los Angeles Tetela in Puebla
    places = _by_name(places_of("On 5 May, in Los Angeles Tetela, Puebla, a crowd lynched two suspected thieves."))
    assert "Los Angeles" not in places
    town = places["Los Angeles Tetela"]
    assert town.resolved and town.country == "MEX" and town.admin1 == "Puebla"


@pytest.mark.parametrize("text, name", [
    ("Turkish jets struck targets in Guhane valley in Northern Iraq on Monday.", "Northern Iraq"),
    ("Rebels shelled positions in North-West Syria overnight.", "North-West Syria"),
])
def test_a_compass_word_before_a_country_names_a_part_of_that_country(places_of, text, name):
    place = _by_name(places_of(text))[name]
    assert place.resolved and place.precision == 3 and place.country in ("IRQ", "SYR")
    assert place.mentions[0].text == name  # the name as written


def test_a_compass_word_before_a_countrys_other_name_is_no_part_of_that_country(settings):
    from newsprism.geo.gazetteer import open_gazetteer
    from newsprism.geo.mentions import Mention
    from newsprism.geo.refine import refine

    text = "Migrants from Central America and Northern Iraq"
    mentions = [Mention(14, 29, "Central America", cue="strong-prep"), Mention(34, 47, "Northern Iraq", cue="strong-prep")]
    refine(mentions, open_gazetteer(settings), text)
    assert mentions[1].lookup_as == "Iraq"
    assert mentions[0].lookup_as is None  # "America" is also a name of the United States, not its own name


def test_a_spelling_variant_of_a_province_resolves_in_the_country_its_container_says(places_of):
    text = "Jets bombed Wolkenau in Ndekoville district of Ninewa, Northern Iraq, on Tuesday."
    places = _by_name(places_of(text))
    assert places["Ninewa"].resolved and places["Ninewa"].country == "IRQ"


def test_an_lga_lies_in_nigeria_so_its_container_niger_is_the_state(places_of):
    places = _by_name(places_of("On 6 May, gunmen attacked Wolkenau (Ndeko LGA, Niger) and abducted four people."))
    niger = places["Niger"]
    assert _read_as(niger, "NGA", 2)


def test_a_partido_lies_in_argentina(places_of):
    text = "On 30 April, in the partido of La Matanza (Buenos Aires), residents banged pots in protest."
    places = _by_name(places_of(text))
    assert places["Buenos Aires"].country == "ARG"
    assert not places["La Matanza"].resolved  # the gazetteer's only La Matanza is a hamlet in Peru: not a guess


def test_area_word_context_counts_words_not_names():
    from newsprism.geo.mentions import Mention
    from newsprism.geo.refine import area_word_context

    text = "Clashes in Wolkenau LGA, in barangay Ndeko and in the Ndekoville cercle; a protest in Bergen Mandal."
    assert area_word_context(text) == {"NGA": 1, "AUS": 1, "PHL": 1, "MLI": 1, "IND": 1}
    mandal = text.index("Mandal")
    assert "IND" not in area_word_context(text, [Mention(mandal, mandal + 6, "Mandal")])  # a town's name
    assert not area_word_context("Flights at LGA were delayed; the LGA chairman resigned.")  # no area named


def test_the_area_around_a_typed_district_is_an_area_not_a_town_abroad(places_of):
    places = _by_name(places_of("On 8 May, tribal fighters clashed with rebels in Wolkenau district (Al Bayda)."))
    assert _read_as(places["Al Bayda"], "YEM", 2)


def test_a_name_in_brackets_after_a_place_is_an_area(places_of):
    text = "On 5 May, in Wolkenau de Ndekoville (San Pedro), residents marched against the mayor."
    place = _by_name(places_of(text))["San Pedro"]
    assert place.country == "PRY" and place.precision == 2  # the department, not the bigger town abroad


def test_names_after_a_typed_list_with_commas_only_are_its_areas(places_of):
    text = ("Troops found two bombs at the boundary of Barangays Wolkenau and Ndekoville, Ndeko, Leyte, "
            "planted by suspected rebels.")
    leyte = _by_name(places_of(text))["Leyte"]
    assert leyte.resolved and leyte.country == "PHL"


def test_a_state_after_the_last_of_a_list_is_not_the_state_of_the_others(places_of):
    text = "Terror has grown as an issue since the attacks in Paris and San Bernardino, Calif., and candidates want troops."
    places = _by_name(places_of(text))
    assert places["Paris"].country == "FRA" and places["San Bernardino"].country == "USA"


@pytest.mark.parametrize("text, name, country, precision", [
    ("Clinton won primaries in California, New Jersey, New Mexico and South Dakota on Tuesday.", "California", "USA", 2),
    ("The offensive went through St. Petersburg, Tehran, and Damascus before reaching Jarabulus.", "Tehran", "IRN", 1),
    ("Stacy Baker of Columbia, South Carolina says she thinks Cruz can win.", "Columbia", "USA", 1),
])
def test_areas_in_a_list_or_before_a_verb_are_areas_only_of_their_own_towns(places_of, text, name, country, precision):
    place = _by_name(places_of(text))[name]
    assert _read_as(place, country, precision)


def test_a_big_town_written_inside_an_area_says_which_area_of_that_name(places_of):
    places = _by_name(places_of("On 28 April, in Wolkenau, Cartagena, Bolivar state, residents protested."))
    assert places["Bolivar"].country == "COL" and places["Cartagena"].country == "COL"


def test_an_area_the_gazetteer_lists_with_a_local_and(places_of):
    places = _by_name(places_of("A protest was held in Kohgiluyeh and Boyer-Ahmad province against water transfers."))
    province = places["Kohgiluyeh and Boyer-Ahmad"]
    assert _read_as(province, "IRN", 2)


def test_a_peoples_word_hyphened_to_a_place_is_not_part_of_its_name(places_of):
    places = _by_name(places_of("A soldier was killed by a landmine on the Nagorno Karabakh-Azerbaijani frontline."))
    assert places["Nagorno Karabakh"].resolved and places["Nagorno Karabakh"].country == "AZE"


def test_a_settlement_word_at_the_head_of_a_name_is_looked_up_without_it(places_of):
    place = _by_name(places_of("Monitors recorded 12 explosions near Khutir Vilne on Sunday."))["Khutir Vilne"]
    assert place.resolved and place.country == "UKR"


def test_the_square_of_a_town_names_the_town(places_of):
    place = _by_name(places_of("Hundreds of youths gathered at the central square of Agia Paraskevi at night."))["Agia Paraskevi"]
    assert place.resolved and place.country == "GRC"


def test_a_hyphenated_town_name_is_not_cut_at_a_transliteration_match(places_of):
    # "Sondé" matches Norway's district Sande only under the transliteration key: no reason to cut the name
    names = [p.name for p in places_of("Gang members stormed the town of Pont-Sondé in central Haiti on Thursday.")]
    assert "Pont-Sondé" in names and "Sondé" not in names


def test_an_area_matched_only_as_a_spelling_variant_abroad_is_no_place(places_of):
    # "Bangu", a district of Rio, is a transliteration variant of Bangui (Central African Republic) only
    text = "On 2 May 2020, in the West Zone of Rio de Janeiro, Brazil, shoot-outs took place in Bangu."
    places = _by_name(places_of(text))
    assert places["Rio de Janeiro"].country == "BRA" and not places["Bangu"].resolved


def test_a_lone_country_name_is_the_state_a_town_of_the_article_lies_in(places_of):
    text = ("Thousands march in Atlanta against police training center\n\n"
            "Georgia Gov. Brian Kemp declared a state of emergency on Saturday.")
    places = _by_name(places_of(text))
    assert places["Georgia"].country == "USA" and places["Georgia"].kind == "admin1"
    text = "Protesters rallied in Tbilisi, the capital of Georgia, on Saturday."
    assert _by_name(places_of(text))["Georgia"].country == "GEO"
