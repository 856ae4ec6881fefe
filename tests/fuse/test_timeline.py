from __future__ import annotations

import dataclasses

from newsprism.fuse import fuse, select, story_query, timeline


def test_stories_by_day_and_country_oldest_first_undated_last(kit):
    gh, ng = kit.place("Kumasi"), kit.place("Lagos", country="NGA", lat=6.45, lon=3.39, admin1="Lagos")
    tamale = kit.place("Tamale", lat=9.4, lon=-0.85, admin1="Northern")
    wa = kit.place("Wa", lat=10.06, lon=-2.5, admin1="Upper West")
    docs = [
        kit.Doc("Protest in Lagos.", "1", outlet="A").event("Protest", sub="Peaceful protest", day="2023-03-02", where=ng),
        kit.Doc("Protest in Kumasi.", "2", outlet="A").event("Protest", sub="Peaceful protest", day="2023-03-02", where=gh),
        kit.Doc("A protest happened in Kumasi.", "3", outlet="A")
        .event("protest", sub="Peaceful protest", day=None, where=wa),
        kit.Doc("Protest in March in Kumasi.", "4", outlet="A")
        .event("Protest", sub="Peaceful protest", day="2023-03", precision="month", where=tamale),
        kit.Doc("Protest earlier in Kumasi.", "5", outlet="A")
        .event("Protest", sub="Peaceful protest", day="2023-02-27", where=gh),
    ]
    result = fuse([d.analysis() for d in docs])
    rows = [(e.date, e.precision, e.country, len(e.story_ids)) for e in result.timeline]
    assert rows == [
        ("2023-02-27", "day", "GHA", 1),
        ("2023-03", "month", "GHA", 1),
        ("2023-03-02", "day", "GHA", 1),
        ("2023-03-02", "day", "NGA", 1),
        (None, None, "GHA", 1),
    ]
    every = [sid for e in result.timeline for sid in e.story_ids]
    assert sorted(every) == sorted(s.id for s in result.stories)
    merged = timeline(result.stories, by_country=False)
    assert [(e.date, len(e.story_ids)) for e in merged][2] == ("2023-03-02", 2)
    only_nga = timeline(result.stories, where=lambda s: s.place is not None and s.place.country == "NGA")
    assert [(e.date, e.country) for e in only_nga] == [("2023-03-02", "NGA")]


def test_select_keeps_the_stories_of_a_query_and_their_articles(kit):
    gh = kit.place("Kumasi")
    ng = kit.place("Lagos", country="NGA", lat=6.45, lon=3.39, admin1="Lagos")
    ng = dataclasses.replace(ng, country_name="Nigeria")
    a = kit.Doc("Protest in Lagos; the mayor will resign.", "a", outlet="A")
    a.event("Protest in Lagos", sub="Peaceful protest", day="2023-03-02", where=ng)
    a.claim("the mayor will resign", speaker="Ade", kind="prediction")
    b = kit.Doc("Protest in Kumasi.", "b", outlet="B").event("Protest", sub="Peaceful protest", day="2023-03-05", where=gh)
    c = kit.Doc("Undated protest in Kumasi.", "c", outlet="C").event("protest", sub="Peaceful protest", day=None,
                                                                     where=kit.place("Tamale", lat=9.4, lon=-0.85))
    result = fuse([a.analysis(), b.analysis(), c.analysis()])

    nigeria = select(result, story_query(country="nigeria"))
    assert [s.place.resolved_name for s in nigeria.stories] == ["Lagos"]
    assert [x.id for x in nigeria.analyses] == ["a"] and [p.speaker.name for p in nigeria.predictions] == ["Ade"]
    assert [o.outlet for o in nigeria.outlets] == ["A"] and [e.country for e in nigeria.timeline] == ["NGA"]
    ghana = select(result, story_query(country="GHA"))
    assert sorted(s.place.resolved_name for s in ghana.stories) == ["Kumasi", "Tamale"] and ghana.predictions == []
    march = select(result, story_query(date_from="2023-03-03", date_to="2023-03"))
    assert [s.place.resolved_name for s in march.stories] == ["Kumasi"]  # the undated story is left out of a range
    assert select(result, story_query(date_to="2023-03-02")).stories[0].place.resolved_name == "Lagos"
