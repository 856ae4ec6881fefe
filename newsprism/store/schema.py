"""The store's tables as SQLAlchemy 2 models.

The migrations in ``migrations/versions`` create exactly these tables (plus the full-text index, which is
dialect-specific and lives only in the migration). One row per article, and the records found in it flattened into
one row each so that they can be filtered in SQL; the whole analysis is kept as JSON so that an
:class:`~newsprism.model.Analysis` can be rebuilt with :func:`newsprism.model.from_dict`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: JSON on SQLite, JSONB on PostgreSQL
JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    article_id: Mapped[str] = mapped_column(Text, index=True)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)
    published_date: Mapped[str | None] = mapped_column(String(10), index=True)
    language: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    analysis: Mapped[dict[str, Any]] = mapped_column(JSONType)  # Analysis.to_dict() without article.text
    schema_version: Mapped[str] = mapped_column(String(10))
    ingested_at: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_date", "event_date"), Index("ix_events_iso3", "iso3"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[str] = mapped_column(Text)
    event_type: Mapped[str] = mapped_column(Text, index=True)
    sub_event_type: Mapped[str] = mapped_column(Text)
    plover_type: Mapped[str | None] = mapped_column(Text)
    event_date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(Text)
    iso3: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    fatalities_best: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)
    injured_best: Mapped[int | None] = mapped_column(Integer)
    arrested_low: Mapped[int | None] = mapped_column(Integer)
    arrested_high: Mapped[int | None] = mapped_column(Integer)
    arrested_best: Mapped[int | None] = mapped_column(Integer)
    actor1: Mapped[str | None] = mapped_column(Text)
    inter1: Mapped[int | None] = mapped_column(Integer)
    actor2: Mapped[str | None] = mapped_column(Text)
    inter2: Mapped[int | None] = mapped_column(Integer)
    reported_by: Mapped[str | None] = mapped_column(Text)
    reported_by_kind: Mapped[str | None] = mapped_column(Text)
    certainty: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    trigger_start: Mapped[int | None] = mapped_column(Integer)
    trigger_end: Mapped[int | None] = mapped_column(Integer)


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[str] = mapped_column(Text)
    speaker_name: Mapped[str] = mapped_column(Text, index=True)
    speaker_kind: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, index=True)
    certainty: Mapped[str] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str | None] = mapped_column(Text)
    direct: Mapped[str | None] = mapped_column(String(10))
    checkworthiness: Mapped[float] = mapped_column(Float)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    published_date: Mapped[str | None] = mapped_column(String(10))


class RhetoricRow(Base):
    __tablename__ = "rhetoric"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    technique: Mapped[str] = mapped_column(Text, index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)


class RejectionRow(Base):
    __tablename__ = "rejections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the four fields: stored once
    input: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))  # the article it belongs to, when there is one
    created_at: Mapped[str] = mapped_column(Text)


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # order the fusion gave
    event_type: Mapped[str | None] = mapped_column(Text, index=True)
    sub_event_type: Mapped[str | None] = mapped_column(Text)
    story_date: Mapped[str | None] = mapped_column(String(10), index=True)
    country: Mapped[str | None] = mapped_column(Text)
    iso3: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    corroboration: Mapped[int] = mapped_column(Integer)
    outlets: Mapped[list[str]] = mapped_column(JSONType)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)  # model.to_dict of the fusion's story


class StoryEventRow(Base):
    __tablename__ = "story_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    event_pk: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    article_id: Mapped[str | None] = mapped_column(Text)
    event_id: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)


class PredictionRow(Base):
    __tablename__ = "predictions"

    id: Mapped[str] = mapped_column(Text, primary_key=True)  # stable: see repository.prediction_id
    article_pk: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[str | None] = mapped_column(Text)
    speaker_name: Mapped[str] = mapped_column(Text)
    speaker_kind: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int | None] = mapped_column(Integer)
    content_end: Mapped[int | None] = mapped_column(Integer)
    certainty: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    made: Mapped[str | None] = mapped_column(String(10))  # date the prediction was published
    horizon: Mapped[str | None] = mapped_column(Text)  # as stated: "by 2025"
    horizon_date: Mapped[str | None] = mapped_column(String(10))  # the latest day the horizon allows
    status: Mapped[str] = mapped_column(Text, index=True)  # open | came-true | did-not
    note: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[str | None] = mapped_column(Text)
