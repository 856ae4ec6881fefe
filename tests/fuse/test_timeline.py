from __future__ import annotations

from newsprism.fuse import fuse, timeline


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
