"""Names in brackets and state abbreviations (newsprism.geo.brackets): "X (Y, Z)", "X [Y] (Z)", "(Salem, TN)"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_names_in_a_bracket_after_a_place_are_places_whatever_the_ner_says(places_of):
    # spaCy reads "Wolkenau (Ndekoville, Cabo Delgado" as one organisation
    places = places_of("On 3 May 2020, militants attacked Wolkenau (Ndekoville, Cabo Delgado) and burned houses.")
    cabo = next(p for p in places if p.name == "Cabo Delgado")
    assert cabo.resolved and cabo.country == "MOZ" and cabo.precision == 2


def test_a_bracket_after_a_site_names_its_area(places_of):
    text = "On 6 May 2020, gunmen attacked the staff of Al Wolkenau Hospital (Ndekoville, Taizz). No injuries reported."
    taizz = next(p for p in places_of(text) if p.name == "Taizz")
    assert taizz.resolved and taizz.country == "YEM"


def test_another_name_in_square_brackets_shares_the_container(places_of):
    text = "On 7 May 2020, gunmen killed civilians in the area of Wolkenau [Ndekoville] (Anchawadi, Gao)."
    places = {p.name: p for p in places_of(text)}
    assert places["Gao"].resolved and places["Gao"].country == "MLI"
    assert "Ndekoville" in places and not places["Ndekoville"].resolved  # a place we do not know, never a guess


def test_a_spelled_out_acronym_in_brackets_is_not_a_place(places_of):
    text = ("On 28 April 2020, police arrested members of an organisation DPEIN (Dewan Perkasa Ekonomi Islam) "
            "and members of the Communist Party of India-Maoist (CPI-Maoist) in Kuala Lumpur.")
    names = {p.name for p in places_of(text)}
    assert "Dewan Perkasa Ekonomi Islam" not in names and "CPI-Maoist" not in names
    assert "Kuala Lumpur" in names


def test_one_name_in_brackets_after_a_person_is_not_a_place(places_of):
    text = "On 2 May 2020, the group's leader Mohammed Wolkenau (Abu Ndekoville) was arrested."
    assert "Abu Ndekoville" not in {p.name for p in places_of(text)}


def test_a_state_abbreviation_in_a_container_is_the_state_it_stands_for(places_of):
    text = "On 30 April 2020, weavers held a protest in Salem city (Salem, TN) demanding relief."
    places = places_of(text)
    tn = next(p for p in places if p.name == "TN")  # the name as written
    assert tn.resolved and tn.country == "IND" and tn.precision == 2 and tn.mentions[0].text == "TN"
    salem = next(p for p in places if p.name == "Salem")
    assert salem.country == "IND"  # the state settles which Salem


def test_an_abbreviation_shared_by_two_countries_follows_the_town_it_contains(places_of):
    places = places_of("On 5 May 2020, about 200 people protested in Memphis, TN, against the lockdown.")
    tn = next(p for p in places if p.name == "TN")
    assert tn.country == "USA"


def test_an_abbreviation_outside_a_container_is_not_a_place(places_of):
    text = "On 5 May 2020, the TN government said that the UP police would help. Protesters gathered in Chennai."
    names = {p.name for p in places_of(text)}
    assert "TN" not in names and "UP" not in names


def test_a_name_after_a_closing_bracket_contains_what_came_before(settings):
    from newsprism.geo.mentions import find_mentions
    from newsprism.nlp.pipeline import load_pipeline

    nlp = load_pipeline(settings.spacy_model)
    mentions = find_mentions(nlp("On 3 May 2020, militants killed a commander in Wolkenau (Ndekoville Markazi), Baghlan."))
    names = [m.text for m in mentions]
    inner = mentions[names.index("Ndekoville Markazi")]
    assert mentions[inner.container].text == "Baghlan" and mentions[inner.container].cue == "chain"
    # a list of bracketed places is not a chain: "Y" does not contain "Z (...)"
    listed = "Forces shelled Wolkenau (Kolpa, Marib), Ndekoville (Mbarali, Marib) and Tosca (Tosca, Al Bayda)."
    mentions = find_mentions(nlp(listed))
    marib = next(m for m in mentions if m.text == "Marib")
    assert marib.container is None or mentions[marib.container].text != "Ndekoville"


def test_a_former_name_in_brackets_is_another_name_of_the_place(settings):
    from newsprism.geo.mentions import find_mentions
    from newsprism.nlp.pipeline import load_pipeline

    nlp = load_pipeline(settings.spacy_model)
    text = "On 27 April 2020, militants fought in Barangay Wolkenau, Kolpa Sumagka (formerly Ndekoville), Maguindanao."
    mentions = {m.text: m for m in find_mentions(nlp(text))}
    now, former = mentions["Kolpa Sumagka"], mentions["Ndekoville"]
    assert former.cue == now.cue is not None
    assert mentions["Maguindanao"].cue == "chain"  # "X (Y), Z": Z contains them

def test_one_name_in_brackets_after_a_prepositional_name_is_looked_up_not_guessed(places_of):
    text = "On 7 May 2020, the air force targeted positions in Coast of Wolkenau (An Nuqat al Khams). No casualties."
    places = {p.name: p for p in places_of(text)}
    assert places["An Nuqat al Khams"].country == "LBY"
    text = "On 30 April 2020, officers of the General Directorate of Military Counterintelligence (Dgcim) beat a man."
    assert "Dgcim" not in {p.name for p in places_of(text)}


def test_a_news_agency_credit_is_not_a_state(places_of):
    text = "WASHINGTON (AP) — Protesters gathered in Austin, TX, and in Wolkenau, AP reported."
    places = {p.name: p for p in places_of(text)}
    assert "AP" not in places
    assert places["TX"].resolved_name == "Texas"
    text = "On 6 May 2020, hundreds marched in Hyderabad, Telangana and in Guntur (Guntur, AP) demanding relief."
    places = {p.name: p for p in places_of(text)}
    assert places["AP"].country == "IND"  # the article's places are in India: the credit is Andhra Pradesh here


def test_news_agency_state_abbreviations_and_no_people_in_brackets(places_of):
    text = ("NORFOLK, Va. — A man pleaded guilty on Monday, officials in Sacramento, Calif., said. "
            "They are good people, aren't they (Bill and Hillary)? Lambert worked for the Department of Defense (DoD).")
    places = {p.name: p for p in places_of(text)}
    assert places["Va."].resolved_name == "Virginia" and places["Calif."].resolved_name == "California"
    assert not {"Bill", "Hillary", "DoD", "Defense"} & set(places)
