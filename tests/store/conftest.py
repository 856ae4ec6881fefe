"""Small analyses built by hand (the store is tested apart from what the stages find)."""

from __future__ import annotations

import hashlib

import pytest

from newsprism.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Count,
    Event,
    EventDate,
    Place,
    Rejection,
    ReportedBy,
    RhetoricSpan,
    Span,
    Speaker,
)


def make_analysis(
    text: str,
    *,
    aid: str,
    outlet: str = "TASS",
    published: str = "2022-01-06",
    event_type: str = "Protests",
    sub_event_type: str = "Peaceful protest",
    event_date: str | None = "2022-01-05",
    country: tuple[str, str] | None = ("KAZ", "Kazakhstan"),
    location: str = "Almaty",
    fatalities: tuple[int, int | None, int] | None = None,
    reported_by: str | None = "TASS",
    claims: list[tuple[str, str, str]] = (),
    rejections: list[Rejection] = (),
) -> Analysis:
    """One article with one event (at ``location``) and the claims ``(speaker, kind, content)`` found in ``text``."""
    place = None
    if country:
        place = Place(name=location, resolved_name=location, country=country[0], country_name=country[1],
                      admin1=f"{location} region", latitude=43.25, longitude=76.92, precision=1,
                      mentions=[Span.of(text, text.index(location), text.index(location) + len(location))]
                      if location in text else [])
    count = None
    if fatalities:
        count = Count(*fatalities)
    event = Event(
        id="e1", event_type=event_type, sub_event_type=sub_event_type, plover_type="PROTEST",
        actor1=Actor("Protesters (Kazakhstan)", 6), actor2=Actor("Police Forces of Kazakhstan", 1),
        date=EventDate(event_date, "day" if event_date else None), place=place, fatalities=count,
        reported_by=ReportedBy(reported_by, "media") if reported_by else None, certainty="probable",
        trigger=Span.of(text, 0, 5), evidence=[Span.of(text, 0, len(text))], confidence=0.8,
    )
    made = []
    for i, (speaker, kind, content) in enumerate(claims, 1):
        start = text.index(content)
        made.append(Claim(id=f"c{i}", speaker=Speaker(speaker, "person"), content=Span.of(text, start, start + len(content)),
                          kind=kind, certainty="possible" if kind == "prediction" else "certain"))
    article = Article(id=aid, text=text, title=f"Title of {aid}", outlet=outlet, published=published, language="en",
                      source=f"{aid}.txt", content_hash=hashlib.sha256(text.encode()).hexdigest())
    return Analysis(id=aid, article=article, events=[event], claims=made,
                    rhetoric=[RhetoricSpan("Loaded_Language", 0, 5, text[:5], 0.7)], rejections=list(rejections))


@pytest.fixture
def make():
    """The :func:`make_analysis` factory, for tests that need their own articles."""
    return make_analysis


@pytest.fixture
def corpus() -> list[Analysis]:
    """Three articles from three outlets: two about Almaty, one about Paris."""
    a = make_analysis(
        "Protesters gathered in Almaty over the gas price. Vavilov said Kazakhstan will split by 2025.",
        aid="a", outlet="TASS", claims=[("Vavilov", "prediction", "Kazakhstan will split by 2025")],
    )
    b = make_analysis(
        "Police fired at protesters in Almaty; at least 40 people were killed, Reuters reported.",
        aid="b", outlet="Reuters", published="2022-01-07", event_type="Violence against civilians",
        sub_event_type="Attack", event_date="2022-01-06", fatalities=(40, None, 40), reported_by="Reuters",
        claims=[("Tokayev", "quote", "at least 40 people were killed")],
    )
    c = make_analysis(
        "Farmers drove tractors through Paris to protest fuel taxes.", aid="c", outlet="Le Monde",
        published="2022-02-01", event_date="2022-02-01", country=("FRA", "France"), location="Paris", reported_by=None,
    )
    return [a, b, c]


@pytest.fixture
def repo(db_url):
    from newsprism.store import open_repository

    with open_repository(db_url) as repository:
        yield repository
