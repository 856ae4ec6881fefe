"""Where an event happened: the choice among the places of its sentence (newsprism/extract/event_context.py
pick_place) and its use by the events stage. Places are built by hand (the places stage is tested in
test_places.py); the names are invented so that nothing here depends on a gazetteer."""

from __future__ import annotations

from dataclasses import replace

import pytest

import newsprism
from newsprism.extract import events as events_stage
from newsprism.extract.event_context import pick_place
from newsprism.model import Article, Place, Sentence, Span
from newsprism.nlp.pipeline import ParsedArticle


def place(text: str, name: str, country: str, precision: int, lat: float | None = None, lon: float | None = None,
          score: float = 0.9, kind: str = "city", admin1: str | None = None, nth: int = 0) -> Place:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Place(name=name, resolved_name=name, country=country, country_name=country, precision=precision,
                 latitude=lat, longitude=lon, score=score, kind=kind, admin1=admin1,
                 mentions=[Span.of(text, start, start + len(name))])


def pick(text: str, places: list[Place]) -> Place | None:
    return pick_place(text, places, 0, len(text))


def test_the_most_precise_place_when_the_others_agree():
    text = "Gunmen killed two farmers in Varnok village of Keldet district, Morrowa province."
    varnok = place(text, "Varnok", "AAA", 1, 10.0, 20.0, score=0.8)
    keldet = place(text, "Keldet", "AAA", 2, 10.1, 20.1, score=0.95)
    morrowa = place(text, "Morrowa", "AAA", 2, kind="admin1", admin1="Morrowa", score=0.95)
    assert pick(text, [morrowa, keldet, varnok]) is varnok


def test_a_town_read_in_another_country_than_its_district_and_province_gives_way():
    text = "Gunmen killed two farmers in Varnok village of Keldet district, Morrowa province."
    varnok = place(text, "Varnok", "BBB", 1, -30.0, 140.0, score=0.95)  # a homonym abroad
    keldet = place(text, "Keldet", "AAA", 2, 10.1, 20.1, score=0.8)
    morrowa = place(text, "Morrowa", "AAA", 2, kind="admin1", admin1="Morrowa", score=0.8)
    chosen = pick(text, [varnok, keldet, morrowa])
    assert chosen is keldet and chosen.country == "AAA"


def test_a_province_after_the_town_outweighs_it_when_they_disagree():
    text = "Shells fell on Tarvel (Ostrin province) overnight."
    tarvel = place(text, "Tarvel", "BBB", 1, -30.0, 140.0, score=0.9)
    ostrin = place(text, "Ostrin", "AAA", 2, kind="admin1", admin1="Ostrin", score=0.9)
    assert pick(text, [tarvel, ostrin]) is ostrin


def test_a_homonym_far_from_its_district_gives_way_to_the_district():
    text = "Police arrested five people in Dunmere village of Keldet district."
    dunmere = place(text, "Dunmere", "AAA", 1, 14.0, 24.0, score=0.7)  # 600 km away: another Dunmere
    keldet = place(text, "Keldet", "AAA", 2, 10.1, 20.1, score=0.95)
    assert pick(text, [dunmere, keldet]) is keldet


def test_a_district_of_another_province_is_not_the_towns():
    text = "Rioters burned cars in Selvo, Marrin province."
    selvo = place(text, "Selvo", "AAA", 1, 14.0, 24.0, score=0.95, admin1="Corrin")
    marrin = place(text, "Marrin", "AAA", 2, kind="admin1", admin1="Marrin", score=0.95)
    assert pick(text, [selvo, marrin]) is marrin


def test_two_towns_far_apart_keep_the_first():
    text = "Thousands marched in Aldova and Bessin on Sunday."
    aldova = place(text, "Aldova", "AAA", 1, 10.0, 20.0)
    bessin = place(text, "Bessin", "AAA", 1, 14.0, 24.0)
    assert pick(text, [bessin, aldova]) is aldova


def test_an_origin_comes_after_the_place_of_the_event():
    text = "Fighters from Corvald attacked a checkpoint in the Ostrin region."
    corvald = place(text, "Corvald", "AAA", 1, 10.0, 20.0)
    ostrin = place(text, "Ostrin", "AAA", 2, kind="admin1", admin1="Ostrin")
    assert pick(text, [corvald, ostrin]) is ostrin
    border = "Rebels shelled an army post near the border with Veloria."
    veloria = place(border, "Veloria", "BBB", 3, kind="country")
    # the other side of the border: no place of the sentence, so the event takes the article's (events._place)
    assert pick(border, [veloria]) is None
    town = place(border, "Veloria", "BBB", 1, 1.0, 2.0)
    assert pick(border, [town]) is town  # a town named so is still the best the sentence has


def test_a_distance_from_a_town_locates_the_event_there():
    text = "A bomb exploded 5 km from Corvald, in the Ostrin region."
    corvald = place(text, "Corvald", "AAA", 1, 10.0, 20.0)
    ostrin = place(text, "Ostrin", "AAA", 2, kind="admin1", admin1="Ostrin")
    assert pick(text, [corvald, ostrin]) is corvald


def test_the_country_when_no_town_is_resolved_and_none_when_nothing_is():
    text = "Protesters gathered in Ulmstadt, Veloria."
    veloria = place(text, "Veloria", "BBB", 3, kind="country")
    unresolved = Place(name="Ulmstadt", resolved=False, reason="not in the gazetteer",
                       mentions=[Span.of(text, text.index("Ulmstadt"), text.index("Ulmstadt") + 8)])
    assert pick(text, [unresolved, veloria]) is veloria
    assert pick(text, [unresolved]) is None
    assert pick_place(text, [veloria], 0, text.index("Veloria")) is None  # outside the range


# --------------------------------------------------------------------------- in the events stage

@pytest.fixture(scope="module")
def blank_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def parsed_of(nlp, settings, text, places) -> ParsedArticle:
    doc = nlp(text)
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()]
    return ParsedArticle(article=Article(id="hand", text=text, published="2022-01-07"), doc=doc, settings=settings,
                         sentences=sentences, places=list(places))


def test_the_event_takes_its_place_and_country_from_its_containers(blank_nlp, settings):
    text = "Police fired tear gas at protesters in Varnok village of Keldet district, Morrowa province."
    places = [place(text, "Varnok", "BBB", 1, -30.0, 140.0, score=0.95), place(text, "Keldet", "AAA", 2, 10.1, 20.1),
              place(text, "Morrowa", "AAA", 2, kind="admin1", admin1="Morrowa")]
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, places))
    assert event.place is not None and event.place.name == "Keldet" and event.place.country == "AAA"


def test_the_next_sentence_locates_an_event_without_a_place(blank_nlp, settings):
    text = "Soldiers shot dead three civilians on Monday. It happened near Tarvel, in the Ostrin region. Ostrin is quiet."
    tarvel = place(text, "Tarvel", "AAA", 1, 10.0, 20.0)
    ostrin = place(text, "Ostrin", "AAA", 2, kind="admin1", admin1="Ostrin")
    ostrin.mentions.append(Span.of(text, text.rindex("Ostrin"), text.rindex("Ostrin") + 6))
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, [ostrin, tarvel]))
    assert event.place is tarvel  # not the article's most mentioned place


def test_an_event_without_any_place_nearby_takes_the_articles_main_place(blank_nlp, settings):
    text = "Unrest in Veloria.\n\nSoldiers shot dead three civilians on Monday."
    veloria = place(text, "Veloria", "BBB", 3, kind="country")
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, [veloria]))
    assert event.place is veloria and event.place.country == "BBB"


def test_a_country_is_made_precise_by_the_sentence_that_locates_the_event(blank_nlp, settings):
    text = "Soldiers shot dead three civilians in Veloria on Monday. It happened near Tarvel."
    veloria = place(text, "Veloria", "BBB", 3, kind="country")
    tarvel = place(text, "Tarvel", "BBB", 1, 10.0, 20.0)
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, [veloria, tarvel]))
    assert event.place is tarvel
    abroad = place(text, "Tarvel", "CCC", 1, 10.0, 20.0)  # a town of another country does not locate it
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, [veloria, abroad]))
    assert event.place is veloria


def test_a_name_written_twice_is_one_place_read_by_its_own_name():
    text = "Workers protested in Ostvik city (Ostvik, Morrowa) on Friday."
    respelled = replace(place(text, "Ostvik", "AAA", 1, 10.4, 20.0, score=0.95), resolved_name="Ostwick")
    itself = place(text, "Ostvik", "AAA", 1, 10.0, 20.0, score=0.6, nth=1)
    assert pick(text, [respelled, itself]) is itself
    town = place(text, "Ostvik", "AAA", 1, 10.0, 20.0, score=0.6)
    province = place(text, "Ostvik", "AAA", 2, 10.1, 20.1, kind="admin1", admin1="Ostvik", nth=1)
    assert pick(text, [province, town]) is town  # a town and its province of one name are two places


def test_the_body_places_the_event_before_its_headline(blank_nlp, settings):
    text = "Shelling kills five in Ostrin region\n\nTroops shelled the town of Tarvel overnight, killing five civilians."
    ostrin = place(text, "Ostrin", "AAA", 2, 10.5, 20.5, kind="admin1", admin1="Ostrin")
    tarvel = place(text, "Tarvel", "AAA", 1, 10.0, 20.0, admin1="Ostrin")
    (event,) = events_stage.find_events(parsed_of(blank_nlp, settings, text, [ostrin, tarvel]))
    assert event.place is tarvel


def test_finer_within():
    from newsprism.extract.event_context import finer_within

    text = "Ostrin, Tarvel, Kesk, Veloria"
    ostrin = place(text, "Ostrin", "AAA", 2, 10.5, 20.5, kind="admin1", admin1="Ostrin")
    tarvel = place(text, "Tarvel", "AAA", 1, 10.0, 20.0, admin1="Ostrin")
    kesk = place(text, "Kesk", "AAA", 1, 30.0, 40.0, admin1="Kesk")
    veloria = place(text, "Veloria", "AAA", 3, kind="country")
    assert finer_within(ostrin, tarvel) and finer_within(veloria, tarvel) and finer_within(veloria, ostrin)
    assert not finer_within(ostrin, kesk) and not finer_within(tarvel, ostrin) and not finer_within(ostrin, veloria)
    assert finer_within(ostrin, replace(kesk, admin1=None, latitude=10.6, longitude=20.4))


def parsed_by_paragraph(nlp, settings, text, places) -> ParsedArticle:
    parsed = parsed_of(nlp, settings, text, places)
    cut = text.index("\n\n")
    return replace(parsed, sentences=[Sentence(0, cut, text[:cut]), Sentence(cut + 2, len(text), text[cut + 2:])])


def test_a_headline_joins_the_event_its_body_tells(blank_nlp, settings):
    text = ("Police fire tear gas as protesters storm office in Veloria\n\n"
            "Thousands of protesters stormed the president's office in Tarvel on Saturday, and police fired tear gas.")
    veloria = place(text, "Veloria", "BBB", 3, kind="country")
    tarvel = place(text, "Tarvel", "BBB", 1, 10.0, 20.0)
    events = events_stage.find_events(parsed_by_paragraph(blank_nlp, settings, text, [veloria, tarvel]))
    assert len(events) == 1 and len(events[0].evidence) == 2 and events[0].place is tarvel
    # a headline about somewhere else stays its own event
    other = text.replace("in Veloria", "in Kesk")
    places = [place(other, "Kesk", "CCC", 1, -10.0, -20.0), place(other, "Tarvel", "BBB", 1, 10.0, 20.0)]
    assert len(events_stage.find_events(parsed_by_paragraph(blank_nlp, settings, other, places))) == 2


def test_a_national_development_without_a_place_is_placed_in_the_country(blank_nlp, settings):
    text = "Troops shot dead three protesters in Tarvel. In Tarvel, shops stayed shut. The government resigned on Monday."
    veloria = place(text, "Tarvel", "BBB", 1, 10.0, 20.0)
    second = text.index("Tarvel", text.index("Tarvel") + 1)
    veloria.mentions.append(Span.of(text, second, second + 6))
    country = Place(name="Veloria", resolved_name="Veloria", country="BBB", country_name="BBB", precision=3, kind="country")
    events = events_stage.find_events(parsed_of(blank_nlp, settings, text, [veloria, country]))
    resigned = [e for e in events if e.event_type == "Strategic developments"]
    assert resigned and resigned[0].place is country
    assert all(e.place is veloria for e in events if e.event_type != "Strategic developments")


def test_a_figure_the_body_gives_is_evidenced_by_the_body_not_the_headline(blank_nlp, settings):
    text = ("Two dead as police fire on protesters in Tarvel\n\n"
            "Two people were killed when police opened fire on protesters in Tarvel on Wednesday, the ministry said.")
    tarvel = place(text, "Tarvel", "BBB", 1, 10.0, 20.0)
    tarvel.mentions.append(Span.of(text, text.rindex("Tarvel"), text.rindex("Tarvel") + 6))
    (event,) = events_stage.find_events(parsed_by_paragraph(blank_nlp, settings, text, [tarvel]))
    assert event.fatalities is not None and event.fatalities.best == 2
    assert event.fatalities.span is not None and event.fatalities.span.start > text.index("\n\n")


def test_a_town_read_far_from_the_city_it_is_an_area_of_is_a_namesake():
    text = "On Monday, 500 workers held a protest in Palanpur area of Surat city against their landlords."
    places = [place(text, "Palanpur", "IND", 1, 24.17, 72.43, admin1="Gujarat"),
              place(text, "Surat", "IND", 1, 21.17, 72.83, admin1="Gujarat")]
    assert pick(text, places).name == "Surat"
    near = [replace(places[0], latitude=21.2, longitude=72.85), places[1]]  # a real area of the city: the finer place
    assert pick(text, near).name == "Palanpur"


def test_a_road_named_after_a_town_is_not_the_town():
    text = "On Monday, journalists held a protest outside a TV office on Murree road in Rawalpindi."
    places = [place(text, "Murree", "PAK", 1, 33.91, 73.39, admin1="Punjab"),
              place(text, "Rawalpindi", "PAK", 1, 33.60, 73.05, admin1="Punjab")]
    assert pick(text, places).name == "Rawalpindi"


def test_a_place_one_protests_in_solidarity_with_is_not_where_one_protests():
    text = "On 2 May, around 15 people held a protest in Mogilev in solidarity with the environmental protest in Brest."
    places = [place(text, "Mogilev", "BLR", 1, 53.91, 30.34, score=0.8), place(text, "Brest", "BLR", 1, 52.10, 23.70)]
    assert pick(text, places).name == "Mogilev"


def test_the_suburb_of_a_city_is_where_it_happened_not_the_city(settings):
    text = ("PORT-AU-PRINCE, Haiti, Feb 10 (AP) — Armed gangs attacked the Port-au-Prince suburb of Gressier overnight, "
            "killing at least 12 people and torching dozens of homes, the United Nations said on Saturday.")
    event = newsprism.analyze(text, published="2024-02-11", settings=settings).events[0]
    assert event.place is not None and event.place.name == "Gressier"


def test_congo_with_congolese_places_is_the_drc_and_a_list_of_embassies_is_not_where_it_happened(settings):
    text = ("GOMA, Congo, Jan 23 (Reuters) - M23 rebels captured the town of Minova in eastern Congo's South Kivu "
            "province on Tuesday after heavy fighting with the Congolese army, residents said.\n\n"
            "In Kinshasa, hundreds of protesters attacked the embassies of Rwanda, France and the United States on "
            "Tuesday, setting fires and looting, police said.")
    analysis = newsprism.analyze(text, published="2024-01-24", settings=settings)
    assert {p.country for p in analysis.places if p.name == "Congo"} == {"COD"}
    riot = next(e for e in analysis.events if e.event_type == "Riots")
    assert riot.place is not None and riot.place.name == "Kinshasa"
