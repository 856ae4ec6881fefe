"""Contradictions within a story: counts that cannot both be true, different dates, different places."""

from __future__ import annotations

from newsprism.fuse import fuse


def test_at_least_40_killed_vs_eight_died_is_one_story_with_that_contradiction(kit):
    where = kit.place("Kumasi")
    a = kit.Doc("Security forces opened fire on protesters in Kumasi on Friday. At least 40 people were killed, "
                "hospital sources said.", "a", outlet="Daily A")
    a.event("opened fire on protesters", where=where, dead=((40, None), "At least 40 people were killed"))
    b = kit.Doc("Eight people died when police fired on demonstrators in Kumasi, the ministry said.", "b", outlet="Wire B")
    b.claim("Eight people died when police fired on demonstrators in Kumasi", speaker="the ministry",
            speaker_kind="organisation")
    b.event("police fired on demonstrators", where=where, dead=((8, 8), "Eight people died"), by="the ministry")
    result = fuse([a.analysis(), b.analysis()])

    story, = result.stories
    assert story.corroboration == 2
    assert [(f.outlet, f.low, f.high) for f in story.fatalities] == [("Daily A", 40, None), ("Wire B", 8, 8)]
    contradiction, = story.contradictions
    assert result.contradictions == [contradiction]
    assert contradiction.field == "fatalities" and contradiction.story_id == story.id
    low, high = contradiction.sides
    assert (low.value, low.outlets, low.reported_by) == ("8", ["Wire B"], ["the ministry"])
    assert (high.value, high.outlets) == ("40+", ["Daily A"])
    assert [(e.article_id, e.span.text) for e in low.evidence] == [("b", "Eight people died")]
    assert [(e.article_id, e.span.text) for e in high.evidence] == [("a", "At least 40 people were killed")]
    for side in contradiction.sides:  # evidence points into the article's own text
        doc = a if side.outlets == ["Daily A"] else b
        assert all(doc.text[e.span.start:e.span.end] == e.span.text for e in side.evidence)
    assert "8 (Wire B)" in contradiction.summary and "40+ (Daily A)" in contradiction.summary


def test_overlapping_ranges_are_not_a_contradiction(kit):
    where = kit.place("Kumasi")
    a = kit.Doc("Police fired on protesters; tens were killed.", "a", outlet="A")
    a.event("Police fired", where=where, dead=((10, 90), "tens were killed"))
    b = kit.Doc("Police fired on a crowd; 40 died.", "b", outlet="B")
    b.event("Police fired", where=where, dead=((40, 40), "40 died"))
    story, = fuse([a.analysis(), b.analysis()]).stories
    assert story.contradictions == [] and len(story.fatalities) == 2


def test_arrests_and_injuries_are_checked_too(kit):
    where = kit.place("Kumasi")
    a = kit.Doc("Police fired on protesters; 12 injured and over 2,000 detained.", "a", outlet="A")
    a.event("Police fired", where=where, injured=((12, 12), "12 injured"), arrested=((2001, None), "over 2,000 detained"))
    b = kit.Doc("Police fired on a crowd; 300 injured and 150 detained.", "b", outlet="B")
    b.event("Police fired", where=where, injured=((300, 300), "300 injured"), arrested=((150, 150), "150 detained"))
    story, = fuse([a.analysis(), b.analysis()]).stories
    assert sorted(c.field for c in story.contradictions) == ["arrested", "injured"]


def test_different_days_within_the_tolerance_are_a_date_contradiction(kit):
    where = kit.place("Kumasi")
    a = kit.Doc("Police fired on protesters on 5 March.", "a", outlet="A").event("Police fired", day="2023-03-05", where=where)
    b = kit.Doc("Police fired on a crowd on 6 March.", "b", outlet="B").event("Police fired", day="2023-03-06", where=where)
    story, = fuse([a.analysis(), b.analysis()]).stories
    contradiction, = story.contradictions
    assert contradiction.field == "date"
    assert [(s.value, s.outlets) for s in contradiction.sides] == [("2023-03-05", ["A"]), ("2023-03-06", ["B"])]
    assert [e.span.text for e in contradiction.sides[0].evidence] == ["Police fired"]


def test_related_events_a_day_apart_are_no_date_contradiction(kit):
    where = kit.place("Kumasi")
    a = kit.Doc("Protesters marched in Kumasi on 5 March.", "a", outlet="A").event(
        "Protesters marched", type="Protests", sub="Peaceful protest", day="2023-03-05", where=where)
    b = kit.Doc("Police fired on a crowd on 6 March.", "b", outlet="B").event("Police fired", day="2023-03-06", where=where)
    story, = fuse([a.analysis(), b.analysis()]).stories  # one story: the protest and the force used on it
    assert all(c.field != "date" for c in story.contradictions)


def test_same_day_same_place_has_no_contradiction(kit):
    where = kit.place("Kumasi")
    a = kit.Doc("Police fired on protesters.", "a", outlet="A").event("Police fired", where=where)
    b = kit.Doc("Police fired on a crowd.", "b", outlet="B").event("Police fired", where=where)
    assert fuse([a.analysis(), b.analysis()]).stories[0].contradictions == []


def test_towns_far_apart_within_one_story_are_a_place_contradiction(kit):
    a = kit.Doc("Police fired on protesters in Kumasi.", "a", outlet="A")
    a.event("Police fired", where=kit.place("Kumasi", lat=6.69, lon=-1.62))
    b = kit.Doc("Police fired on a crowd in Ejisu.", "b", outlet="B")
    b.event("Police fired", where=kit.place("Ejisu", lat=6.72, lon=-1.37))  # about 28 km away
    story, = fuse([a.analysis(), b.analysis()]).stories
    contradiction, = story.contradictions
    assert contradiction.field == "place"
    assert {s.value for s in contradiction.sides} == {"Kumasi", "Ejisu"}
