"""Hand-built analysis records for the fusion tests (no language pipeline)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pytest

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
    ReportedBy,
    RhetoricSpan,
    Span,
    Speaker,
)


def place(name, country="GHA", lat=6.69, lon=-1.62, precision=1, admin1="Ashanti") -> Place:
    return Place(name=name, resolved_name=name, country=country, admin1=admin1, latitude=lat, longitude=lon,
                 precision=precision)


@dataclass
class Doc:
    """One article being built: add events and claims by the phrases they rest on."""

    text: str
    id: str
    outlet: str | None = "Outlet"
    published: str | None = "2023-03-04"
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    rhetoric: list[RhetoricSpan] = field(default_factory=list)

    def span(self, phrase: str) -> Span:
        start = self.text.index(phrase)
        return Span.of(self.text, start, start + len(phrase))

    def event(self, phrase, *, type="Protests", sub="Excessive force against protesters", day="2023-03-03",
              precision="day", where=None, dead=None, injured=None, arrested=None, actor1=None, actor2=None,
              by=None) -> Doc:
        def count(value):
            if value is None:
                return None
            (low, high), words = value
            return Count(low, high, low, self.span(words))

        self.events.append(Event(
            id=f"e{len(self.events) + 1}", event_type=type, sub_event_type=sub, plover_type=None,
            actor1=actor1, actor2=actor2, date=EventDate(day, precision if day else None),
            place=where, fatalities=count(dead), injured=count(injured), arrested=count(arrested),
            reported_by=ReportedBy(by, "media") if by else None,
            trigger=self.span(phrase), evidence=[self.span(phrase)],
        ))
        return self

    def claim(self, phrase, *, speaker="Officials", kind="report", speaker_kind="person", certainty="certain") -> Doc:
        self.claims.append(Claim(id=f"c{len(self.claims) + 1}", speaker=Speaker(speaker, speaker_kind),
                                 content=self.span(phrase), kind=kind, certainty=certainty))
        return self

    def date(self, phrase, value, precision="year") -> Doc:
        self.dates.append(DateRef(self.span(phrase), value, precision))
        return self

    def rhetoric_span(self, phrase, technique="Loaded_Language", confidence=0.9) -> Doc:
        s = self.span(phrase)
        self.rhetoric.append(RhetoricSpan(technique, s.start, s.end, s.text, confidence))
        return self

    def analysis(self) -> Analysis:
        article = Article(id=self.id, text=self.text, outlet=self.outlet, published=self.published,
                          title=self.text.split(".")[0][:60],
                          content_hash=hashlib.sha256(self.text.encode()).hexdigest())
        return Analysis(id=self.id, article=article, events=self.events, claims=self.claims, dates=self.dates,
                        rhetoric=self.rhetoric)


class Kit:
    Doc = Doc
    place = staticmethod(place)
    Actor = Actor


@pytest.fixture
def kit() -> type[Kit]:
    return Kit
