"""The blocking that finds candidate pairs misses no pair that could link (checked against all pairs)."""

from __future__ import annotations

import importlib

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsprism.fuse.config import default_config
from newsprism.model import Actor, Article, Event, EventDate, EventRef, Place, Span

TEXT = "Police fired on protesters and rioters burned cars near the square; the internet was shut down."
TYPES = [("Protests", "Peaceful protest"), ("Protests", "Excessive force against protesters"), ("Riots", "Mob violence"),
         ("Strategic developments", "Other"), ("Strategic developments", "Arrests"), ("Battles", "Armed clash")]
PLACES = [
    Place(name="A", resolved_name="A", country="KAZ", admin1="R1", latitude=43.25, longitude=76.9, precision=1),
    Place(name="B", resolved_name="B", country="KAZ", admin1="R1", latitude=43.5, longitude=77.2, precision=1),
    Place(name="C", resolved_name="C", country="KAZ", admin1="R2", latitude=43.6, longitude=51.2, precision=1),
    Place(name="R1", resolved_name="R1", country="KAZ", admin1="R1", latitude=44.0, longitude=78.5, precision=2),
    Place(name="KAZ", resolved_name="Kazakhstan", country="KAZ", country_name="Kazakhstan", latitude=48.0,
          longitude=68.0, precision=3),
    Place(name="KGZ", resolved_name="Kyrgyzstan", country="KGZ", latitude=41.0, longitude=75.0, precision=3),
    Place(name="D", resolved_name="D", country="KGZ", admin1="R9", latitude=42.87, longitude=74.6, precision=1),
    None,
]
DATES = [EventDate("2022-01-05", "day"), EventDate("2022-01-06", "day"), EventDate("2022-01-08", "day"),
         EventDate("2022-01", "month"), EventDate("2022-01-06", "reported"), EventDate(None, None)]
clustering = importlib.import_module("newsprism.fuse.cluster")  # the module (newsprism.fuse.cluster is also a function)
ACTORS = [None, Actor("Protesters (Kazakhstan)", 6), Actor("Kassym-Jomart Tokayev", 1), Actor("President Tokayev", 1),
          Actor("Rebel Front", 2), Actor("Police Forces of Kazakhstan", 1)]

event_strategy = st.tuples(st.integers(0, 4), st.sampled_from(TYPES), st.sampled_from(PLACES), st.sampled_from(DATES),
                           st.sampled_from(ACTORS), st.integers(0, 60))


def _members(specs) -> list[clustering.Member]:
    out = []
    for n, (article, (etype, sub), place, date, actor, cut) in enumerate(specs):
        span = Span.of(TEXT, cut, cut + 30)
        event = Event(id=f"e{n}", event_type=etype, sub_event_type=sub, plover_type=None, actor1=actor, actor2=None,
                      date=date, place=place, trigger=span, evidence=[span])
        art = Article(id=f"a{article}", text=TEXT, outlet=f"O{article}")
        out.append(clustering.Member(EventRef(art.id, event.id), event, art, art.outlet, n))
    return out


def _all_pairs(members, cfg):
    return [(i, j) for i in range(len(members)) for j in range(i + 1, len(members))
            if members[i].ref.article_id != members[j].ref.article_id]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(event_strategy, min_size=2, max_size=14))
@example([(0, TYPES[0], PLACES[4], DATES[0], None, 0), (1, TYPES[0], PLACES[0], DATES[1], None, 5)])  # country + town
@example([(0, TYPES[1], PLACES[3], DATES[5], None, 0), (1, TYPES[1], PLACES[1], DATES[3], None, 9)])  # region + town
@example([(0, TYPES[3], PLACES[7], DATES[5], ACTORS[2], 0), (1, TYPES[3], PLACES[4], DATES[4], ACTORS[3], 70)])
def test_blocking_gives_the_same_stories_as_all_pairs(specs):
    members = _members(specs)
    cfg = default_config()
    blocked = [[m.ref for m in g] for g in clustering.cluster(members, cfg)]
    original = clustering._candidate_pairs
    clustering._candidate_pairs = _all_pairs
    try:
        brute = [[m.ref for m in g] for g in clustering.cluster(members, cfg)]
    finally:
        clustering._candidate_pairs = original
    assert blocked == brute
    # and no story holds two events of different articles that conflict
    for group in clustering.cluster(members, cfg):
        for x in group:
            for y in group:
                if x.ref.article_id != y.ref.article_id:
                    assert not clustering.relate(x, y, cfg)[0]
