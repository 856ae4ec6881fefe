"""The text summary: metadata, then one section per non-empty list of the analysis."""

from __future__ import annotations

from newsprism.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Count,
    DateRef,
    Event,
    EventDate,
    Place,
    Rejection,
    RhetoricSpan,
    Span,
    Speaker,
)
from newsprism.present.summary import describe, summarise

TEXT = "Police fired on protesters in Almaty on 6 January, TASS said. It may get worse."


def _analysis(**fields) -> Analysis:
    article = Article(id="x", text=TEXT, title="Shots in Almaty", outlet="Wire", published="2022-01-07",
                      authors=["Jane Doe"], language="en", source="x.txt")
    return Analysis(id="x", article=article, **fields)


def test_header_lines():
    lines = summarise(_analysis()).splitlines()
    assert lines[0] == "Shots in Almaty"
    assert lines[1] == "  Wire · 2022-01-07 · by Jane Doe · language en"
    assert "x.txt" in lines[2]


def test_sections_for_what_the_stages_found():
    almaty = Place(name="Almaty", resolved_name="Almaty", country="KAZ", latitude=43.25, longitude=76.91, precision=1,
                   mentions=[Span.of(TEXT, 30, 36)])
    event = Event(id="e1", event_type="Violence against civilians", sub_event_type="Attack", plover_type=None,
                  actor1=Actor("Police", 1), actor2=Actor("Protesters", 6), date=EventDate("2022-01-06", "day"),
                  place=almaty, injured=Count(2, 5, 2), trigger=Span.of(TEXT, 7, 12))
    claim = Claim(id="c1", speaker=Speaker("TASS", "media"), content=Span.of(TEXT, 0, 50))
    analysis = _analysis(places=[almaty, Place(name="Arytau", resolved=False, reason="not in the gazetteer")],
                         events=[event], claims=[claim],
                         dates=[DateRef(Span.of(TEXT, TEXT.index("on 6"), TEXT.index(", TASS")), "2022-01-06", "day")],
                         rhetoric=[RhetoricSpan("Loaded_Language", 0, 6, TEXT[0:6], 0.7)],
                         rejections=[Rejection("x", "extract:events", "stage-error", "boom")])
    text = summarise(analysis)
    assert "events (1)\n  - 2022-01-06 Attack at Almaty — Police vs Protesters (injured 2) “fired”" in text
    assert "claims (1)\n  - TASS (media) [report, certain]: “Police fired on protesters in Almaty on 6 January,”" in text
    assert "Almaty → Almaty, KAZ (43.25, 76.91) precision 1" in text
    assert "Arytau: unresolved (not in the gazetteer)" in text
    assert "“on 6 January” → 2022-01-06 (day)" in text
    assert "Loaded_Language: “Police”" in text
    assert "extract:events:stage-error boom" in text


def test_long_sections_are_cut():
    places = [Place(name=f"Town {n}", resolved=False) for n in range(20)]
    text = summarise(_analysis(places=places), max_items=3)
    assert "places (20)" in text and "… and 17 more" in text


def test_unknown_records_get_a_generic_line():
    assert describe("plain value") == "plain value"
    assert describe(Speaker("Ash", "person")) == "Ash"
