"""Stories from hand-built events: what is the same event, what is not."""

from __future__ import annotations

import dataclasses

from newsprism.fuse import fuse


def kumasi(kit, lat=6.69, lon=-1.62, name="Kumasi", **kw):
    return kit.place(name, lat=lat, lon=lon, **kw)


def test_two_outlets_one_event_is_one_story_with_corroboration_two(kit):
    a = kit.Doc("Police fired on protesters in Kumasi on Friday.", "a", outlet="Daily A")
    a.event("Police fired on protesters", where=kumasi(kit))
    b = kit.Doc("Security forces shot at demonstrators near Kumasi, witnesses said.", "b", outlet="Wire B")
    b.event("Security forces shot at demonstrators", where=kumasi(kit, lat=6.70, lon=-1.60, name="Suame"))
    result = fuse([a.analysis(), b.analysis()])
    assert len(result.stories) == 1
    story = result.stories[0]
    assert story.corroboration == 2 and story.outlets == ["Daily A", "Wire B"]
    assert {(m.article_id, m.event_id) for m in story.members} == {("a", "e1"), ("b", "e1")}
    assert {e.span.text for e in story.evidence} == {"Police fired on protesters", "Security forces shot at demonstrators"}


def test_places_more_than_50_km_apart_are_different_stories(kit):
    a = kit.Doc("Police fired on protesters in Kumasi.", "a", outlet="A").event("Police fired", where=kumasi(kit))
    b = kit.Doc("Police fired on protesters in Accra.", "b", outlet="B")
    b.event("Police fired", where=kit.place("Accra", lat=5.56, lon=-0.20, admin1="Greater Accra"))
    result = fuse([a.analysis(), b.analysis()])
    assert len(result.stories) == 2 and all(s.corroboration == 1 for s in result.stories)


def test_dates_more_than_a_day_apart_are_different_stories(kit):
    a = kit.Doc("Police fired on protesters.", "a", outlet="A").event("Police fired", day="2023-03-01", where=kumasi(kit))
    b = kit.Doc("Police fired on a crowd.", "b", outlet="B").event("Police fired", day="2023-03-03", where=kumasi(kit))
    assert len(fuse([a.analysis(), b.analysis()]).stories) == 2


def test_month_precision_date_is_compatible_with_a_day_in_that_month(kit):
    a = kit.Doc("Police fired on protesters.", "a", outlet="A").event("Police fired", day="2023-03-03", where=kumasi(kit))
    b = kit.Doc("In March police fired on protesters.", "b", outlet="B")
    b.event("police fired", day="2023-03", precision="month", where=kumasi(kit))
    c = kit.Doc("In May police fired on protesters.", "c", outlet="C")
    c.event("police fired", day="2023-05", precision="month", where=kumasi(kit))
    stories = fuse([a.analysis(), b.analysis(), c.analysis()]).stories
    assert sorted(s.corroboration for s in stories) == [1, 2]
    assert next(s for s in stories if s.corroboration == 2).date.value == "2023-03-03"  # the more precise date


def test_incompatible_types_are_different_stories(kit):
    a = kit.Doc("Protesters marched in Kumasi.", "a", outlet="A")
    a.event("Protesters marched", sub="Peaceful protest", where=kumasi(kit))
    b = kit.Doc("The parties signed a ceasefire in Kumasi.", "b", outlet="B")
    b.event("signed a ceasefire", type="Strategic developments", sub="Agreement", where=kumasi(kit))
    assert len(fuse([a.analysis(), b.analysis()]).stories) == 2


def test_protest_and_riot_at_one_place_and_day_are_one_story(kit):
    a = kit.Doc("Protesters marched in Kumasi.", "a", outlet="A")
    a.event("Protesters marched", sub="Peaceful protest", where=kumasi(kit))
    b = kit.Doc("Rioters burned tyres in Kumasi.", "b", outlet="B")
    b.event("Rioters burned tyres", type="Riots", sub="Violent demonstration", where=kumasi(kit))
    assert [s.corroboration for s in fuse([a.analysis(), b.analysis()]).stories] == [2]


def test_strategic_developments_need_the_same_sub_type(kit):
    a = kit.Doc("Forty were arrested.", "a", outlet="A")
    a.event("Forty were arrested", type="Strategic developments", sub="Arrests", where=kumasi(kit))
    b = kit.Doc("Shops were looted.", "b", outlet="B")
    b.event("Shops were looted", type="Strategic developments", sub="Looting/property destruction", where=kumasi(kit))
    assert len(fuse([a.analysis(), b.analysis()]).stories) == 2


def test_events_of_one_article_are_not_merged_with_each_other(kit):
    a = kit.Doc("Police fired on protesters. Police fired again on protesters.", "a", outlet="A")
    a.event("Police fired on protesters", where=kumasi(kit)).event("Police fired again", where=kumasi(kit))
    assert len(fuse([a.analysis()]).stories) == 2


def test_country_level_places_need_the_same_sub_type_and_an_exact_date(kit):
    country = kit.place("Ghana", lat=7.9, lon=-1.0, precision=3, admin1=None)
    a = kit.Doc("The president dismissed the government.", "a", outlet="A")
    a.event("dismissed the government", type="Strategic developments", sub="Change to group/activity", where=country)
    b = kit.Doc("The cabinet was dissolved.", "b", outlet="B")
    b.event("cabinet was dissolved", type="Strategic developments", sub="Change to group/activity", where=country)
    assert [s.corroboration for s in fuse([a.analysis(), b.analysis()]).stories] == [2]
    # the same with only a reported (publication) date on one side: too weak for a country-level match
    c = kit.Doc("The cabinet was dissolved.", "c", outlet="C")
    c.event("cabinet was dissolved", type="Strategic developments", sub="Change to group/activity",
            day="2023-03-04", precision="reported", where=country)
    assert sorted(s.corroboration for s in fuse([a.analysis(), c.analysis()]).stories) == [1, 1]


def test_country_level_match_with_a_shared_named_actor_when_a_date_is_missing(kit):
    country = kit.place("Ghana", lat=7.9, lon=-1.0, precision=3, admin1=None)
    sub = dict(type="Strategic developments", sub="Change to group/activity", where=country)
    a = kit.Doc("President Kofi Mensah dismissed the government.", "a", outlet="A")
    a.event("dismissed the government", actor1=kit.Actor("Kofi Mensah", 1), **sub)
    b = kit.Doc("Mensah dissolved the cabinet.", "b", outlet="B")
    b.event("dissolved the cabinet", day=None, actor1=kit.Actor("President Kofi Mensah", 1), **sub)
    c = kit.Doc("The government resigned.", "c", outlet="C")
    c.event("government resigned", day=None, actor1=kit.Actor("Government", 1), **sub)
    stories = fuse([a.analysis(), b.analysis(), c.analysis()]).stories
    assert sorted(s.corroboration for s in stories) == [1, 2]
    two = next(s for s in stories if s.corroboration == 2)
    assert {m.article_id for m in two.members} == {"a", "b"}


def test_same_region_matches_at_precision_two(kit):
    region = kit.place("Ashanti Region", lat=6.75, lon=-1.5, precision=2, admin1="Ashanti")
    a = kit.Doc("Protests in the Ashanti Region.", "a", outlet="A").event("Protests", sub="Peaceful protest", where=region)
    b = kit.Doc("Protests in Obuasi.", "b", outlet="B")
    b.event("Protests", sub="Peaceful protest", where=kit.place("Obuasi", lat=6.2, lon=-1.67, admin1="Ashanti"))
    c = kit.Doc("Protests in Tamale.", "c", outlet="C")
    c.event("Protests", sub="Peaceful protest", where=kit.place("Tamale", lat=9.4, lon=-0.85, admin1="Northern"))
    stories = fuse([a.analysis(), b.analysis(), c.analysis()]).stories
    assert sorted(s.corroboration for s in stories) == [1, 2]


def test_a_loose_link_does_not_chain_events_two_days_apart(kit):
    docs = []
    for i, day in enumerate(["2023-03-01", "2023-03-02", "2023-03-03"]):
        d = kit.Doc(f"Police fired on protesters (report {i}).", f"d{i}", outlet=f"O{i}")
        docs.append(d.event("Police fired", day=day, where=kumasi(kit)).analysis())
    stories = fuse(docs).stories
    assert len(stories) == 2
    for story in stories:  # no story spans more than the one-day tolerance
        days = {next(e for a in docs if a.id == m.article_id for e in a.events if e.id == m.event_id).date.value
                for m in story.members}
        assert len(days) <= 2 and not {"2023-03-01", "2023-03-03"} <= days


def test_conflicting_actors_keep_events_apart(kit):
    a = kit.Doc("Rebels clashed with the army in Kumasi.", "a", outlet="A")
    a.event("Rebels clashed", type="Battles", sub="Armed clash", where=kumasi(kit),
            actor1=kit.Actor("Rebel Front", 2), actor2=kit.Actor("Army", 1))
    b = kit.Doc("Rioters attacked shops in Kumasi.", "b", outlet="B")
    b.event("Rioters attacked", type="Riots", sub="Mob violence", where=kumasi(kit),
            actor1=kit.Actor("Rioters", 5), actor2=kit.Actor("Civilians", 7))
    assert len(fuse([a.analysis(), b.analysis()]).stories) == 2


def test_corroboration_counts_outlets_not_articles(kit):
    a = kit.Doc("Police fired on protesters in Kumasi.", "a", outlet="Same").event("Police fired", where=kumasi(kit))
    b = kit.Doc("In Kumasi, police fired on a crowd of protesters.", "b", outlet="Same")
    b.event("police fired", where=kumasi(kit))
    story, = fuse([a.analysis(), b.analysis()]).stories
    assert story.corroboration == 1 and len(story.members) == 2


def test_duplicate_articles_count_once(kit):
    text = "Police fired on protesters in Kumasi on Friday, and many were hurt in the crush that followed."
    a = kit.Doc(text, "a", outlet="A").event("Police fired", where=kumasi(kit))
    b = kit.Doc(text, "b", outlet="B").event("Police fired", where=kumasi(kit))  # same text, another id
    c = kit.Doc("Headline\n\n" + text + "\nSubscribe to our channel!", "c", outlet=None)
    c.event("Police fired", where=kumasi(kit))  # the same piece with a header and a footer
    result = fuse([a.analysis(), b.analysis(), c.analysis()])
    assert [s.corroboration for s in result.stories] == [1]
    assert sorted(result.duplicates) == [("b", "a"), ("c", "a")]
    assert [x.id for x in result.analyses] == ["a"]


def test_an_article_without_outlet_counts_as_its_own_source(kit):
    a = kit.Doc("Police fired on protesters in Kumasi.", "a", outlet=None).event("Police fired", where=kumasi(kit))
    b = kit.Doc("In Kumasi, police fired on a crowd of protesters.", "b", outlet="B")
    b.event("police fired", where=kumasi(kit))
    story, = fuse([a.analysis(), b.analysis()]).stories
    assert story.corroboration == 2 and story.outlets[0].startswith("unknown outlet")


def test_story_ids_are_stable_and_stories_keep_every_event(kit):
    docs = [kit.Doc(f"Police fired on protesters in town {i}.", str(i), outlet=str(i))
            .event("Police fired", where=kit.place(f"T{i}", lat=6 + i, lon=-1)).analysis() for i in range(4)]
    first, second = fuse(docs), fuse(list(reversed(docs)))
    assert {s.id for s in first.stories} == {s.id for s in second.stories}
    assert sum(len(s.members) for s in first.stories) == 4


def test_catch_all_sub_type_needs_shared_words_or_a_named_actor(kit):
    other = dict(type="Strategic developments", sub="Other", where=kumasi(kit))
    a = kit.Doc("The internet was shut down in Kumasi.", "a", outlet="A").event("internet was shut down", **other)
    b = kit.Doc("An internet shutdown hit Kumasi.", "b", outlet="B").event("internet shutdown", **other)
    c = kit.Doc("The mayor resigned in Kumasi.", "c", outlet="C").event("mayor resigned", **other)
    stories = fuse([a.analysis(), b.analysis(), c.analysis()]).stories
    assert sorted(sorted(m.article_id for m in s.members) for s in stories) == [["a", "b"], ["c"]]


def test_generic_actor_labels_are_not_a_named_match(kit):
    country = kit.place("Ghana", lat=7.9, lon=-1.0, precision=3, admin1=None)
    country = dataclasses.replace(country, country_name="Ghana")
    sub = dict(type="Strategic developments", sub="Arrests", day=None, where=country)
    a = kit.Doc("Police arrested dozens.", "a", outlet="A")
    a.event("arrested dozens", actor1=kit.Actor("State forces (Ghana)", 1), **sub)
    b = kit.Doc("Dozens were detained.", "b", outlet="B")
    b.event("were detained", actor1=kit.Actor("Police Forces of Ghana", 1), **sub)
    assert len(fuse([a.analysis(), b.analysis()]).stories) == 2


def test_a_story_is_coded_with_its_gravest_sub_type(kit):
    a = kit.Doc("Protesters marched in Kumasi.", "a", outlet="A")
    a.event("Protesters marched", sub="Peaceful protest", where=kumasi(kit))
    b = kit.Doc("Crowds protested in Kumasi.", "b", outlet="B")
    b.event("Crowds protested", sub="Peaceful protest", where=kumasi(kit))
    c = kit.Doc("Troops shot at protesters in Kumasi.", "c", outlet="C")
    c.event("Troops shot at protesters", sub="Excessive force against protesters", where=kumasi(kit))
    story, = fuse([a.analysis(), b.analysis(), c.analysis()]).stories
    assert (story.event_type, story.sub_event_type) == ("Protests", "Excessive force against protesters")


def test_each_figure_is_credited_to_the_claim_that_gives_it(kit):
    text = ("Police fired on protesters in Kumasi, the agency reported. "
            "Witnesses said that three people were injured. Officials said 20 were detained.")
    a = kit.Doc(text, "a", outlet="Daily A")
    a.claim("Police fired on protesters in Kumasi", speaker="the agency", speaker_kind="media")
    a.claim("that three people were injured", speaker="Witnesses", speaker_kind="collective")
    a.event("Police fired on protesters", where=kumasi(kit), injured=((3, 3), "three"), arrested=((20, 20), "20"),
            by="the agency")
    (story,) = fuse([a.analysis()]).stories
    assert [f.reported_by for f in story.injured] == ["Witnesses"]
    assert [f.reported_by for f in story.arrested] == [None]  # no claim holds it: the outlet's own figure


def test_a_state_s_forces_and_foreign_forces_are_both_armed_states(kit):
    """One outlet codes the strike's aircraft as the state's (inter 1), another as a foreign state's (inter 8)."""
    a = kit.Doc("An airstrike hit a school in Kumasi.", "a", outlet="A")
    a.event("An airstrike hit", type="Explosions/Remote violence", sub="Air/drone strike", where=kumasi(kit),
            actor1=kit.Actor("State forces", 1))
    b = kit.Doc("A strike by foreign jets hit a school in Kumasi.", "b", outlet="B")
    b.event("A strike by foreign jets", type="Explosions/Remote violence", sub="Air/drone strike", where=kumasi(kit),
            actor1=kit.Actor("External forces", 8))
    assert len(fuse([a.analysis(), b.analysis()]).stories) == 1


def test_a_third_report_close_to_two_events_of_one_article_does_not_join_them(kit):
    a = kit.Doc("Police fired on protesters in Kumasi. Later police fired on a second march in Suame.", "a", outlet="A")
    a.event("Police fired on protesters", where=kumasi(kit))
    a.event("police fired on a second march", where=kumasi(kit, lat=6.72, lon=-1.61, name="Suame"))
    b = kit.Doc("Security forces shot at demonstrators near Kumasi.", "b", outlet="B")
    b.event("Security forces shot at demonstrators", where=kumasi(kit, lat=6.70, lon=-1.615, name="Kumasi"))
    stories = fuse([a.analysis(), b.analysis()]).stories
    assert len(stories) == 2
    assert all(len({m.article_id for m in s.members}) == len(s.members) for s in stories)
