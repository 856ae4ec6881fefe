"""Events on invented wire copy: who acts (inter codes of state, external and other forces) and which mentions are
one event."""

from __future__ import annotations

import pytest

import newsprism

pytestmark = pytest.mark.slow


def test_the_riots_in_a_country_are_the_riot_told_before_not_a_later_peaceful_protest_in_one_town(settings):
    text = ("Protesters set cars on fire across Kazakhstan on Wednesday.\n\n"
            "On Thursday, hundreds of people protested peacefully in Zhanaozen.\n\n"
            + "The economy has grown slowly for a decade. " * 8 + "\n\n"
            "An analyst said the riots in Kazakhstan sparked because of frustrations over the lack of democracy.")
    events = newsprism.analyze(text, published="2022-01-07", settings=settings).events
    riot = next(e for e in events if e.event_type == "Riots")
    protest = next(e for e in events if e.sub_event_type == "Peaceful protest")
    assert len(riot.evidence) == 2 and len(protest.evidence) == 1


def test_people_counted_as_arrested_keep_an_arrest_when_the_paragraph_is_coded_again(settings):
    text = ("The army said it had deployed troops to the area and arrested four suspects on Sunday. "
            "No group has claimed responsibility, but fighters linked to al Qaeda are active in the region.")
    (event,) = newsprism.analyze(text, published="2024-03-18", settings=settings).events
    assert event.sub_event_type == "Arrests"


def test_a_foreign_missile_strike_is_shelling_by_external_forces(settings):
    text = ("KYIV, May 25 (Reuters) - A Russian missile strike on a hardware store in the northeastern Ukrainian city "
            "of Kharkiv killed at least seven people on Saturday, the regional governor said.")
    (event,) = newsprism.analyze(text, published="2024-05-25", settings=settings).events
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert event.actor1 is not None and event.actor1.inter == 8 and "Russia" in event.actor1.name
    assert event.fatalities is not None and event.fatalities.best == 7


def test_a_strike_by_the_countrys_own_named_military_is_state_forces(settings):
    text = ("Myanmar junta air strike kills villagers in Sagaing\n\n"
            "YANGON, April 11 - Myanmar's military carried out an air strike on a village in the central Sagaing region "
            "on Tuesday, killing about 100 people including children, according to local residents.")
    event = newsprism.analyze(text, published="2023-04-11", settings=settings).events[0]
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.inter == 1, event.actor1


def test_a_strike_no_word_ties_to_foreign_forces_is_by_the_state(settings):
    text = ("A drone strike on a busy market in the town of Bahir Dar in Ethiopia's Amhara region killed at least "
            "26 people on Tuesday, two residents said.")
    event = newsprism.analyze(text, published="2023-03-14", settings=settings).events[0]
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.inter == 1 and "Ethiopia" in event.actor1.name, event.actor1


def test_a_coalition_led_by_a_foreign_state_is_external(settings):
    text = "On 9 May 2020, 6 Saudi-led coalition airstrikes reportedly targeted Majzar district (Marib)."
    event = newsprism.analyze(text, published="2020-05-10", settings=settings).events[0]
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is not None and event.actor1.inter == 8, event.actor1


def test_arrests_at_a_protest_are_that_protest_not_a_battle_told_just_before(settings):
    text = ("Fighting between the army and the militia has killed hundreds of people since August. "
            "The militia reportedly seized the town of Lalibela last week.\n\n"
            "On Thursday, hundreds of people marched in Gondar to protest against the killings. "
            "Police arrested at least 40 demonstrators, the rights commission said.")
    events = newsprism.analyze(text, published="2023-03-14", settings=settings).events
    protest = next(e for e in events if e.event_type == "Protests")
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.arrested is not None and protest.arrested.best == 40
    assert all(e.arrested is None for e in events if e.event_type == "Battles")


def test_shelling_of_a_camp_is_shelling_and_its_victims_are_not_its_actor(settings):
    text = ("RSF attack on El Fasher camp kills dozens, aid groups say\n\n"
            "NAIROBI, May 12 - Sudan's paramilitary Rapid Support Forces (RSF) shelled the Abu Shouk displacement camp "
            "near El Fasher in North Darfur on Sunday, killing at least 30 civilians, according to local aid workers.\n\n"
            "The RSF, which has been at war with the Sudanese army since April 2023, denied targeting civilians and said "
            "its forces had responded to attacks by army-aligned militias.\n\n"
            "Medecins Sans Frontieres said its hospital in El Fasher received 52 wounded people, including 12 children. "
            "\u201cThe situation is catastrophic,\u201d said Claire Nicolet, the group's head of emergencies.")
    event = newsprism.analyze(text, published="2024-05-13", settings=settings).events[0]
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert event.actor1 is not None and event.actor1.inter != 7, event.actor1
    assert event.fatalities is not None and event.fatalities.best == 30


@pytest.mark.parametrize("text, found", [
    ("Shooting at unarmed civilians is a crime.", [("civilians", 7)]),
    ("The anti-government protesters marched to the square.", [("The anti-government protesters", 6)]),
    ("Later, pro-government militiamen attacked the village.", [("pro-government militiamen", 3)]),
])
def test_actor_words_inside_another_word_or_qualifier_are_no_actors(text, found):
    from newsprism.extract.actors import mentions_in

    assert [(m.name, m.inter) for m in mentions_in(text, 0, len(text))] == found


def test_a_mob_killing_told_as_later_is_not_the_protest_dispersed_before(settings):
    text = ("Thousands of demonstrators tried to storm the airport, police said. Officers fired tear gas to disperse "
            "the crowd.\n\n"
            "A police officer was later burned to death inside his patrol car by a mob in the same area, the Interior "
            "Ministry said on Tuesday.")
    events = newsprism.analyze(text, published="2023-01-10", settings=settings).events
    mob = next(e for e in events if e.evidence[0].text.startswith("A police officer"))
    assert mob.event_type == "Riots" and mob.fatalities is not None and mob.fatalities.best == 1
    assert all(e.fatalities is None for e in events if e is not mob)


def test_the_drone_told_again_in_a_quote_is_the_drone_strike_with_its_toll(settings):
    text = ("A drone strike on a busy market in the town of Bahir Dar killed at least 26 people and wounded 55 others "
            "on Tuesday, two residents said.\n\n"
            "\u201cThe drone hit the middle of the market when it was full of people,\u201d said a resident. "
            "\u201cI counted more than twenty bodies.\u201d\n\n"
            "A doctor at Felege Hiwot hospital said the hospital had received 19 bodies and dozens of wounded, most of "
            "them women and children.")
    events = newsprism.analyze(text, published="2023-03-14", settings=settings).events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert events[0].fatalities.best == 26 and len(events[0].evidence) >= 3


def test_an_air_strike_told_again_as_a_jet_dropping_bombs_on_a_crowd_is_one_event(settings):
    text = ("YANGON, April 11 - Myanmar's military carried out an air strike on a village in the central Sagaing "
            "region on Tuesday, killing about 100 people including children, according to local residents.\n\n"
            "A fighter jet dropped bombs on a crowd gathered for the opening of an office in Pazigyi village, "
            "Kanbalu township, witnesses said. A helicopter then fired on survivors.")
    events = newsprism.analyze(text, published="2023-04-11", settings=settings).events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert len(events[0].evidence) == 3


def test_a_call_to_protest_and_a_toll_counted_since_an_earlier_day_are_no_events(settings):
    text = ("The opposition leader said on Tuesday that the election had been stolen and called on supporters to take "
            "to the streets.\n\n"
            "At least 11 people have been killed and 749 detained since protests broke out on Monday, a rights group "
            "said.")
    assert newsprism.analyze(text, published="2024-07-30", settings=settings).events == []


def test_a_live_blog_codes_foreign_drones_a_shoot_down_and_a_strike_abroad(settings):
    text = ("Live updates: drones hit Kyiv overnight\n\n"
            "09:15 - At least three people were killed and 12 injured when Russian drones struck a residential "
            "building in Kyiv overnight, Mayor Vitali Klitschko said on Telegram.\n\n"
            "08:40 - Ukraine's air force said it shot down 42 of 50 drones launched by Russia overnight.\n\n"
            "07:55 - A Ukrainian drone attack sparked a fire at an oil refinery in Russia's Krasnodar region, the "
            "regional governor said.")
    events = newsprism.analyze(text, published="2024-08-01", settings=settings).events
    kyiv = next(e for e in events if e.fatalities is not None)
    assert kyiv.sub_event_type == "Air/drone strike" and kyiv.actor1.inter == 8 and "Russia" in kyiv.actor1.name
    assert kyiv.actor2 is None or kyiv.actor2.inter == 7
    assert any(e.sub_event_type == "Disrupted weapons use" for e in events)
    refinery = next(e for e in events if e.place is not None and e.place.country == "RUS")
    assert refinery.actor1.inter == 8 and "Ukraine" in refinery.actor1.name


def test_looting_for_centuries_is_no_event(settings):
    text = ("Burkina Faso's leader, Captain Ibrahim Traore, told state television that foreign powers had "
            "\u201clooted Africa for centuries\u201d.")
    assert newsprism.analyze(text, published="2024-05-01", settings=settings).events == []


@pytest.mark.parametrize("text, sub", [
    ("On 6 May 2020, in Salvador, Bahia, school transportation workers did a motorcade to demand an emergency allowance.",
     "Peaceful protest"),
    ("On 30 April 2020, in Porto Alegre, residents banged pots against the president during his visit to the city.",
     "Peaceful protest"),
    ("On 4 May 2020, the air force targeted seven fuel trucks in Al Qrayat. No casualties reported.", "Air/drone strike"),
    ("On 5 May 2020, soldiers razed farmland near the town of Doura to make way for a settlement road.",
     "Looting/property destruction"),
])
def test_more_ways_of_telling_protests_strikes_and_destruction(settings, text, sub):
    events = newsprism.analyze(text, published="2020-05-10", settings=settings).events
    assert events and events[0].sub_event_type == sub, [e.sub_event_type for e in events]
