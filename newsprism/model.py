"""The records newsprism produces.

Plain frozen dataclasses: cheap, picklable (Dask), and turned into JSON by
:func:`to_dict`. Every piece of text a record points at is a :class:`Span`
over the article's one canonical text, ``Article.text``.

The JSON Schema published by ``newsprism schema`` is generated from these
classes (:mod:`newsprism.schema`), so the code is the single source of truth.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

SCHEMA_VERSION = "1.0"

EntityKind = Literal["person", "organisation", "media", "place", "group", "other"]
SpeakerKind = Literal["person", "organisation", "media", "collective", "unnamed", "author"]
ClaimKind = Literal["report", "quote", "opinion", "speculation", "prediction"]
Certainty = Literal["certain", "probable", "possible", "doubtful"]
Directness = Literal["direct", "indirect", "mixed"]
DatePrecision = Literal["day", "month", "year"]
EventDatePrecision = Literal["day", "month", "year", "reported"]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of the article's canonical text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text`` between ``start`` and ``end`` (the only way spans should be made)."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input (or part of one) that could not be processed, and why."""

    input: str  # file path, record id, or "<stdin>"
    stage: str  # ingest, nlp, extract:<name>, store, ...
    code: str  # short machine-readable reason, e.g. "empty", "binary", "too-large"
    message: str  # what was wrong and how to fix it


@dataclass(frozen=True, slots=True)
class Article:
    """One article with the text all offsets index, and its metadata."""

    id: str
    text: str
    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601
    reference_date: str | None = None  # used as the publication date when `published` is missing
    language: str | None = None  # ISO 639-1
    boilerplate: list[Span] = field(default_factory=list)
    source: str | None = None  # file path or record id
    content_hash: str = ""  # sha256 of `text`

    @property
    def date_base(self) -> str | None:
        """The date relative expressions are resolved against."""
        return self.published or self.reference_date


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    certainty: Certainty | None = None
    certainty_cues: list[Span] = field(default_factory=list)
    checkworthiness: float | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str  # canonical
    kind: EntityKind
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved against the gazetteer, or left unresolved with a reason."""

    name: str  # as written
    resolved: bool = True
    resolved_name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    country_name: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None  # 1 town or site, 2 region, 3 country (ACLED geo_precision)
    gazetteer_id: str | None = None
    score: float | None = None
    reason: str | None = None  # why it is unresolved
    mentions: list[Span] = field(default_factory=list)
    kind: str | None = None  # gazetteer entry kind: city, admin1, admin2, country, continent, region


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression and the date it resolves to."""

    span: Span
    value: str | None  # ISO date, or None when unresolved
    precision: DatePrecision | None
    reason: str | None = None  # why it is unresolved


@dataclass(frozen=True, slots=True)
class Count:
    """A reported number as a range, with ACLED's conservative best estimate."""

    low: int
    high: int | None
    best: int
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: int | None  # ACLED inter code 1-8
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None
    precision: EventDatePrecision | None


@dataclass(frozen=True, slots=True)
class ReportedBy:
    name: str
    kind: SpeakerKind
    claim_id: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    event_type: str  # ACLED event type
    sub_event_type: str  # ACLED sub-event type
    plover_type: str | None
    actor1: Actor | None
    actor2: Actor | None
    date: EventDate
    place: Place | None
    fatalities: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    size: Count | None = None
    reported_by: ReportedBy | None = None
    certainty: Certainty = "certain"
    trigger: Span | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: SpeakerKind
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Channel:
    name: str  # "CNBC", "Telegram"
    span: Span


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    speaker: Speaker
    content: Span
    source: Span | None = None  # None for the author's own voice
    cue: Span | None = None
    direct: Directness | None = None
    channel: Channel | None = None
    kind: ClaimKind = "report"
    certainty: Certainty = "certain"
    certainty_cues: list[Span] = field(default_factory=list)
    checkworthiness: float = 0.0


@dataclass(frozen=True, slots=True)
class RhetoricSpan:
    technique: str
    start: int
    end: int
    text: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Analysis:
    """What ``newsprism.analyze`` returns: one article split into checkable parts."""

    id: str
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    rhetoric: list[RhetoricSpan] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


# --------------------------------------------------------------------------- conversion

def to_dict(record: Any) -> Any:
    """A JSON-ready copy of a record (dataclasses, lists and plain values)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


T = TypeVar("T")


def from_dict(cls: type[T], data: Any) -> T:
    """Build a record of type ``cls`` from what :func:`to_dict` made (JSON read back, the store)."""
    return typing.cast(T, _convert(cls, data))


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        kwargs = {f.name: _convert(hints[f.name], value[f.name]) for f in dataclasses.fields(tp) if f.name in value}
        return tp(**kwargs)
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


# --------------------------------------------------------------------------- fusion (across articles)

PredictionStatus = Literal["open", "came-true", "did-not"]


@dataclass(frozen=True, slots=True)
class EventRef:
    """One event of one article: the member of a story."""

    article_id: str
    event_id: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of one article's text (fusion records point into several articles)."""

    article_id: str
    span: Span


@dataclass(frozen=True, slots=True)
class Figure:
    """One outlet's figure for a story (dead, injured or arrested), with where it says so."""

    low: int
    high: int | None  # None: open-ended ("at least 40")
    best: int
    outlet: str
    ref: EventRef
    evidence: Evidence | None = None
    reported_by: str | None = None  # the claim source ("TASS", "eyewitnesses")


@dataclass(frozen=True, slots=True)
class ContradictionSide:
    """One version of a fact within a story, and who gives it."""

    value: str  # as shown: "40+", "8", "2022-01-05", "Almaty"
    outlets: list[str]
    refs: list[EventRef]
    evidence: list[Evidence] = field(default_factory=list)
    reported_by: list[str] = field(default_factory=list)
    low: int | None = None  # counts only
    high: int | None = None


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Versions of one fact of a story that cannot all be true."""

    id: str
    story_id: str
    field: Literal["fatalities", "injured", "arrested", "date", "place"]
    sides: list[ContradictionSide]
    summary: str


@dataclass(frozen=True, slots=True)
class Story:
    """One real-world event as reported by one or more articles (events counted once)."""

    id: str
    event_type: str
    sub_event_type: str
    date: EventDate
    place: Place | None
    members: list[EventRef]
    outlets: list[str]
    corroboration: int  # distinct outlets
    article_ids: list[str] = field(default_factory=list)
    reported_by: list[ReportedBy] = field(default_factory=list)
    fatalities: list[Figure] = field(default_factory=list)
    injured: list[Figure] = field(default_factory=list)
    arrested: list[Figure] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """The stories of one day (or month/year when that is all the dates say), per country."""

    date: str | None  # ISO day, "YYYY-MM", "YYYY"; None for undated stories
    precision: EventDatePrecision | None
    country: str | None
    story_ids: list[str]


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """How one outlet reports: shares of its claims, and rhetoric per 1,000 words."""

    outlet: str
    articles: int
    words: int
    events: int
    claims: int
    hedged: float | None  # share of claims with certainty below "certain"
    unnamed: float | None  # share of claims from unnamed sources
    author_voice: float | None  # share of claims in the author's own voice
    rhetoric_spans: int
    rhetoric_per_1000_words: float | None


@dataclass(frozen=True, slots=True)
class Prediction:
    """A prediction claim in the ledger: who predicted what, when, for when; resolved later by hand."""

    id: str  # stable: article content hash + claim content offsets
    speaker: Speaker
    content: Span
    article_id: str
    claim_id: str
    made: str | None  # the article's date
    outlet: str | None = None
    horizon: str | None = None  # as stated: "by 2025", "in the coming weeks"
    horizon_span: Span | None = None
    horizon_date: str | None = None  # the latest date the horizon allows, when it resolves
    certainty: Certainty = "certain"
    status: PredictionStatus = "open"
    note: str | None = None
